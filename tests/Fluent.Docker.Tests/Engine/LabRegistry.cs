using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace Fluent.Docker.Tests.Engine;

/// <summary>
/// A second registry (Debian's <c>docker-registry</c>, which the lab installs) on a free loopback port, optionally
/// behind htpasswd auth, that a test can kill and restart. Its storage survives restarts; everything goes at dispose.
/// Fails (never skips) when docker-registry is missing.
/// </summary>
public sealed class LabRegistry : IAsyncDisposable
{
    private readonly string _directory;
    private Process? _process;

    private LabRegistry(string directory, int port)
    {
        _directory = directory;
        Port = port;
    }

    public int Port { get; }
    public string Host => $"127.0.0.1:{Port}";

    /// <summary>Starts a registry; with <paramref name="user"/>/<paramref name="password"/> it accepts only them (bcrypt htpasswd).</summary>
    public static async Task<LabRegistry> StartAsync(string? user = null, string? password = null)
    {
        var directory = Directory.CreateTempSubdirectory("fluent-registry-").FullName;
        var registry = new LabRegistry(directory, FreeLoopbackPort());
        var auth = "";
        if (user is not null && password is not null)
        {
            await File.WriteAllTextAsync(Path.Combine(directory, "htpasswd"), $"{user}:{Bcrypt(password)}\n");
            auth = $"auth:\n  htpasswd:\n    realm: fluent-tests\n    path: {directory}/htpasswd\n";
        }
        await File.WriteAllTextAsync(Path.Combine(directory, "config.yml"),
            $"version: 0.1\nlog: {{ level: info }}\nstorage:\n  filesystem: {{ rootdirectory: {directory}/data }}\n  delete: {{ enabled: true }}\nhttp:\n  addr: {registry.Host}\n{auth}");
        await registry.StartProcessAsync();
        return registry;
    }

    /// <summary>Kills the registry process at once (SIGKILL): connections drop mid-transfer.</summary>
    public void Kill()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(10_000);
        }
        _process?.Dispose();
        _process = null;
    }

    /// <summary>Starts it again on the same port with the same storage.</summary>
    public Task RestartAsync()
    {
        Kill();
        return StartProcessAsync();
    }

    private async Task StartProcessAsync()
    {
        var start = new ProcessStartInfo("docker-registry") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("serve");
        start.ArgumentList.Add(Path.Combine(_directory, "config.yml"));
        try
        {
            _process = Process.Start(start) ?? throw new InvalidOperationException("docker-registry did not start.");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException("docker-registry is not installed: run bash ../shared/lab/up.sh (it installs Debian's docker-registry).", e);
        }
        var log = Path.Combine(_directory, "registry.log");
        _ = _process.StandardOutput.BaseStream.CopyToAsync(Stream.Null);
        _ = Task.Run(async () =>
        {
            await using var file = new FileStream(log, FileMode.Append, FileAccess.Write, FileShare.ReadWrite);
            try { await _process.StandardError.BaseStream.CopyToAsync(file); } catch (Exception e) when (e is IOException or ObjectDisposedException or InvalidOperationException) { }
        });
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        for (var i = 0; i < 100; i++)
        {
            try
            {
                var response = await http.GetAsync($"http://{Host}/v2/");
                if (response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Unauthorized) return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            if (_process.HasExited) break;
            await Task.Delay(100);
        }
        throw new InvalidOperationException($"docker-registry did not answer on {Host}; its log: {(File.Exists(log) ? await File.ReadAllTextAsync(log) : "(none)")}");
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>An htpasswd bcrypt hash from the system's libcrypt (libxcrypt: $2b$), so no extra tool is needed.</summary>
    private static string Bcrypt(string password)
    {
        var setting = Marshal.PtrToStringAnsi(CryptGensalt("$2b$", 10, IntPtr.Zero, 0))
            ?? throw new InvalidOperationException("libcrypt could not make a bcrypt salt.");
        return Marshal.PtrToStringAnsi(Crypt(password, setting)) is { } hash && hash.StartsWith("$2b$", StringComparison.Ordinal)
            ? hash
            : throw new InvalidOperationException("libcrypt could not hash with bcrypt.");
    }

    // libcrypt reads char* as bytes (UTF-8: CharSet.Ansi on Linux); CA2101's fix, UTF-16 (LPWStr), is what it cannot read.
#pragma warning disable CA2101
    [DllImport("libcrypt.so.1", EntryPoint = "crypt_gensalt", CharSet = CharSet.Ansi)]
    private static extern IntPtr CryptGensalt(string prefix, ulong count, IntPtr randomBytes, int randomByteCount);

    [DllImport("libcrypt.so.1", EntryPoint = "crypt", CharSet = CharSet.Ansi)]
    private static extern IntPtr Crypt(string phrase, string setting);
#pragma warning restore CA2101

    public ValueTask DisposeAsync()
    {
        Kill();
        try { Directory.Delete(_directory, recursive: true); }
        catch (IOException) { }
        return ValueTask.CompletedTask;
    }
}
