using System.Globalization;

namespace Fluent.Docker.Templates;

/// <summary>
/// How a runtime image runs a <see cref="HealthProbe.TcpConnect"/> or <see cref="HealthProbe.HttpGet"/> with what it
/// already has, in exec form. Every prober treats 2xx and 3xx as healthy, connects to 127.0.0.1 and gives up within the
/// HEALTHCHECK timeout.
/// </summary>
internal abstract class HealthProber
{
    /// <summary>Node's own <c>net</c> and <c>http</c> modules (<c>node -e</c>).</summary>
    public static HealthProber Node { get; } = new NodeProber();

    /// <summary>Python's own <c>socket</c> and <c>http.client</c> (<c>python -c</c>).</summary>
    public static HealthProber Python { get; } = new PythonProber();

    /// <summary>bash's <c>/dev/tcp</c> (Debian-based images: Microsoft's .NET images, Temurin, debian:*-slim).</summary>
    public static HealthProber Bash { get; } = new BashProber();

    /// <summary>busybox's <c>nc</c> and <c>wget</c>.</summary>
    public static HealthProber Busybox { get; } = new BusyboxProber();

    /// <summary>The static probe <see cref="StaticHealthProbe"/> compiles, for images without a shell (scratch, distroless).</summary>
    public static HealthProber Static { get; } = new StaticProber();

    public abstract string[] Tcp(int port);

    public abstract string[] Http(int port, string path);

    protected static string Text(int port) => port.ToString(CultureInfo.InvariantCulture);

    private sealed class NodeProber : HealthProber
    {
        public override string[] Tcp(int port) =>
            ["node", "-e", $"require('net').connect({Text(port)}, '127.0.0.1', function () {{ this.end(); process.exit(0); }}).on('error', () => process.exit(1))"];

        public override string[] Http(int port, string path) =>
            ["node", "-e", $"require('http').get({{ host: '127.0.0.1', port: {Text(port)}, path: '{path}', timeout: 4000 }}, r => process.exit(r.statusCode >= 200 && r.statusCode < 400 ? 0 : 1)).on('timeout', () => process.exit(1)).on('error', () => process.exit(1))"];
    }

    private sealed class PythonProber : HealthProber
    {
        public override string[] Tcp(int port) =>
            ["python", "-c", $"import socket; socket.create_connection(('127.0.0.1', {Text(port)}), timeout=4).close()"];

        public override string[] Http(int port, string path) =>
            ["python", "-c", $"import http.client, sys; c = http.client.HTTPConnection('127.0.0.1', {Text(port)}, timeout=4); c.request('GET', '{path}'); sys.exit(0 if 200 <= c.getresponse().status < 400 else 1)"];
    }

    private sealed class BashProber : HealthProber
    {
        // The redirection opens the connection; a refused one fails the command.
        public override string[] Tcp(int port) => ["bash", "-c", $": </dev/tcp/127.0.0.1/{Text(port)}"];

        public override string[] Http(int port, string path) =>
            ["bash", "-c", $"exec 3<>/dev/tcp/127.0.0.1/{Text(port)} && printf 'GET %s HTTP/1.0\\r\\nHost: 127.0.0.1:{Text(port)}\\r\\nConnection: close\\r\\n\\r\\n' '{path}' >&3 && read -r -t 4 _ status _ <&3 && [[ $status == [23][0-9][0-9] ]]"];
    }

    private sealed class BusyboxProber : HealthProber
    {
        // nc exits 0 once connected and its (empty) stdin ends. No wget -T: Debian's static busybox 1.35 crashes on it;
        // HEALTHCHECK --timeout bounds the probe instead.
        public override string[] Tcp(int port) => ["nc", "127.0.0.1", Text(port)];

        public override string[] Http(int port, string path) => ["wget", "-q", "-O", "/dev/null", $"http://127.0.0.1:{Text(port)}{path}"];
    }

    private sealed class StaticProber : HealthProber
    {
        public override string[] Tcp(int port) => [StaticHealthProbe.Path, "tcp", Text(port)];

        public override string[] Http(int port, string path) => [StaticHealthProbe.Path, "http", Text(port), path];
    }
}
