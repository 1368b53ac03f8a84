namespace Fluent.Docker.Templates;

/// <summary>
/// What a template's HEALTHCHECK asks of the application. The defaults need nothing from the app: a TCP connect to its
/// port (<see cref="Tcp"/>), or an HTTP GET of a path the app already serves (<see cref="Http"/>). Each template runs
/// the probe with what its runtime image has (Node's <c>net</c>/<c>http</c>, Python's <c>socket</c>/<c>http.client</c>,
/// bash's <c>/dev/tcp</c>, busybox's <c>nc</c>/<c>wget</c>, or on scratch and distroless a small static probe compiled in
/// a build stage), always in exec form; none starts a second copy of the app.
/// Set it as <see cref="TemplateOptions.Health"/>; null there means the template's default.
/// </summary>
public abstract record HealthProbe
{
    private HealthProbe() { }

    /// <summary>Healthy when <c>127.0.0.1:{port}</c> accepts a TCP connection: the default when the app listens on a TCP port.</summary>
    public static HealthProbe Tcp { get; } = new TcpConnect();

    /// <summary>
    /// Healthy when <c>GET http://127.0.0.1:{port}{path}</c> answers 2xx or 3xx (as Kubernetes' <c>httpGet</c> probe).
    /// <paramref name="path"/> starts with '/' and may carry a query; URL characters only (no spaces, quotes, backslashes or '$').
    /// </summary>
    public static HealthProbe Http(string path) => new HttpGet(path);

    /// <summary><c>HEALTHCHECK NONE</c>: no probe, said on purpose (also turns off one the base image has).</summary>
    public static HealthProbe None { get; } = new Disabled();

    /// <summary>
    /// Your own probe program, in exec form (no shell): <c>HealthProbe.Command("/app", "-healthcheck")</c>. It gets the
    /// template's timings.
    /// </summary>
    public static HealthProbe Command(params string[] arguments) => new CustomCommand(Fluent.Docker.Healthcheck.Exec(arguments ?? []));

    /// <summary>Your own HEALTHCHECK; timings it leaves unset take the template's.</summary>
    public static HealthProbe Command(Healthcheck healthcheck) => new CustomCommand(healthcheck);

    /// <summary>A TCP connect to the application's port.</summary>
    public sealed record TcpConnect : HealthProbe;

    /// <summary>An HTTP GET of <paramref name="Path"/> on the application's port.</summary>
    public sealed record HttpGet(string Path) : HealthProbe;

    /// <summary>A probe the user wrote; the template fills only the timings it leaves unset.</summary>
    public sealed record CustomCommand(Healthcheck Healthcheck) : HealthProbe;

    /// <summary>No HEALTHCHECK (<c>HEALTHCHECK NONE</c>).</summary>
    public sealed record Disabled : HealthProbe;

    /// <summary>
    /// Every problem of this probe for an app listening on <paramref name="port"/> (null: it listens on none);
    /// <paramref name="portIsValid"/> false leaves the port to its own problem.
    /// </summary>
    internal IEnumerable<Problem> Problems(Port? port, bool portIsValid, string slot)
    {
        switch (this)
        {
            case TcpConnect or HttpGet when !portIsValid:
                break;
            case TcpConnect or HttpGet when port is null:
                yield return TemplateKit.OptionProblem(slot, "The probe connects to the application's port, but it listens on none.",
                    "set Port to the TCP port the app listens on, or use HealthProbe.Command(…) or HealthProbe.None.");
                break;
            case TcpConnect or HttpGet when port is { Protocol: not PortProtocol.Tcp } udp:
                yield return TemplateKit.OptionProblem(slot, $"The probe needs a TCP port; {udp} is not one.",
                    "use HealthProbe.Command(…) with a probe for that protocol, or HealthProbe.None.");
                break;
        }
        switch (this)
        {
            case HttpGet { Path: var path } when !IsUrlPath(path):
                yield return TemplateKit.OptionProblem(slot, $"'{path}' is not a URL path.",
                    "start it with '/' and use URL characters only (no spaces, quotes, backslashes or '$', and '%' only in %XX escapes), e.g. '/healthz'.");
                break;
            case CustomCommand { Healthcheck: null }:
            case CustomCommand { Healthcheck.Test: null }:
                yield return TemplateKit.OptionProblem(slot, "The custom probe has no command.", "give the probe program and its arguments, e.g. HealthProbe.Command(\"/app\", \"-healthcheck\"), or use HealthProbe.None.");
                break;
            case CustomCommand { Healthcheck.Test: CommandLine.Exec exec } when exec.Arguments.IsEmpty || string.IsNullOrWhiteSpace(exec.Arguments[0]):
                yield return TemplateKit.OptionProblem(slot, "The custom probe's command is empty.", "give the probe program and its arguments, e.g. HealthProbe.Command(\"/app\", \"-healthcheck\").");
                break;
        }
    }

    /// <summary>
    /// An absolute path (and query) made of RFC 3986 characters except '$' and the single quote, with '%' only in %XX escapes: it goes
    /// into JavaScript, Python and shell string literals and onto the request line unchanged.
    /// </summary>
    private static bool IsUrlPath(string? path)
    {
        if (string.IsNullOrEmpty(path) || path[0] != '/') return false;
        for (var i = 0; i < path.Length; i++)
        {
            var c = path[i];
            if (c == '%')
            {
                if (i + 2 >= path.Length || !char.IsAsciiHexDigit(path[i + 1]) || !char.IsAsciiHexDigit(path[i + 2])) return false;
            }
            else if (!(char.IsAsciiLetterOrDigit(c) || "-._~!&()*+,;=:@/?".Contains(c))) return false;
        }
        return true;
    }
}
