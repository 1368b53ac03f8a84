using System.Globalization;
using CliWrap;
using CliWrap.Buffered;

namespace Fluent.Docker.Release;

/// <summary>
/// What a release knows about its sources, read from git itself (so it is the same on every CI system and on a
/// laptop): the commit, the branch when one is checked out (CI checkouts are often detached: then null), the remote
/// as a public https URL without credentials, and the commit time (a reproducible <c>SOURCE_DATE_EPOCH</c>).
/// </summary>
public sealed record SourceInfo(string Commit, string? Branch, string? RepositoryUrl, DateTimeOffset CommitTime)
{
    /// <summary>The first 7 characters of <see cref="Commit"/>.</summary>
    public string ShortCommit => Commit.Length > 7 ? Commit[..7] : Commit;

    /// <summary>
    /// Runs git in <paramref name="directory"/>. Throws <see cref="InvalidOperationException"/> with git's message
    /// when it is not a checkout or git is missing.
    /// </summary>
    public static async Task<SourceInfo> ReadAsync(string directory, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        var commit = await GitAsync(directory, ["rev-parse", "HEAD"], cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"'{directory}' is not inside a git checkout with a commit: release metadata comes from git. Fix: run from the repository, or build SourceInfo yourself.");
        var branch = await GitAsync(directory, ["symbolic-ref", "--quiet", "--short", "HEAD"], cancellationToken).ConfigureAwait(false);
        var remote = await GitAsync(directory, ["config", "--get", "remote.origin.url"], cancellationToken).ConfigureAwait(false);
        var time = await GitAsync(directory, ["log", "-1", "--format=%ct", "HEAD"], cancellationToken).ConfigureAwait(false);
        var seconds = long.Parse(time ?? "0", NumberStyles.None, CultureInfo.InvariantCulture);
        return new SourceInfo(commit, branch, PublicUrl(remote), DateTimeOffset.FromUnixTimeSeconds(seconds));
    }

    /// <summary>
    /// A remote as a browsable https URL: scp-like and ssh remotes are rewritten, credentials and <c>.git</c> dropped.
    /// Local paths and unknown schemes give null (a label must not leak a machine path).
    /// </summary>
    public static string? PublicUrl(string? remote)
    {
        if (string.IsNullOrWhiteSpace(remote)) return null;
        remote = remote.Trim();
        string host, path;
        if (Uri.TryCreate(remote, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http" or "ssh" or "git" or "git+ssh")
        {
            host = uri.Scheme is "https" or "http" && !uri.IsDefaultPort ? $"{uri.Host}:{uri.Port}" : uri.Host;
            path = uri.AbsolutePath;
        }
        else if (remote.IndexOf(':') is var colon and > 0 && !remote.Contains("://", StringComparison.Ordinal) && !remote.StartsWith('/') && remote[..colon].Length > 1)
        {
            // scp-like: [user@]host:owner/repo.git
            var authority = remote[..colon];
            host = authority[(authority.LastIndexOf('@') + 1)..];
            path = "/" + remote[(colon + 1)..].TrimStart('/');
        }
        else
        {
            return null;
        }
        if (host.Length == 0) return null;
        path = path.TrimEnd('/');
        if (path.EndsWith(".git", StringComparison.Ordinal)) path = path[..^4];
        return $"https://{host}{path}";
    }

    private static async Task<string?> GitAsync(string directory, string[] arguments, CancellationToken cancellationToken)
    {
        BufferedCommandResult result;
        try
        {
            result = await Cli.Wrap("git").WithArguments(["-C", directory, .. arguments])
                .WithValidation(CommandResultValidation.None)
                .ExecuteBufferedAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException("git could not be started: release metadata (commit, branch, source URL) comes from git. Fix: install git, or build SourceInfo yourself.", e);
        }
        var output = result.StandardOutput.Trim();
        return result.ExitCode == 0 && output.Length > 0 ? output : null;
    }
}
