using System.Text.Json;

namespace Fluent.Docker.Build;

/// <summary>
/// A throw-away docker client configuration whose <c>credHelpers</c> send each registry to a tiny helper script that
/// prints the credentials from its own environment. So the password travels parent → docker → helper through process
/// environments only: the config file, the script and the arguments hold no secret. Deleted on dispose.
/// </summary>
internal sealed class CredentialHelperEnvironment : IDisposable
{
    private const string HelperPrefix = "fluent-docker-";
    private const string VariablePrefix = "FLUENT_DOCKER_CREDENTIAL_";

    private CredentialHelperEnvironment(string directory, Dictionary<string, string?> variables)
    {
        Directory = directory;
        Variables = variables;
    }

    public string Directory { get; }

    /// <summary>DOCKER_CONFIG, PATH (helpers first) and one credential variable per registry.</summary>
    public IReadOnlyDictionary<string, string?> Variables { get; }

    public static CredentialHelperEnvironment Create(IReadOnlyList<RegistryCredentials> credentials)
    {
        if (OperatingSystem.IsWindows())
            throw new PlatformNotSupportedException("Registry credentials from the environment use a shell credential helper; on Windows run `docker login` before the build instead.");
        return CreateOnUnix(credentials);
    }

    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    private static CredentialHelperEnvironment CreateOnUnix(IReadOnlyList<RegistryCredentials> credentials)
    {
        var directory = System.IO.Directory.CreateTempSubdirectory("fluent-docker-auth-").FullName;
        try
        {
            var bin = System.IO.Directory.CreateDirectory(Path.Combine(directory, "bin")).FullName;
            var helpers = new Dictionary<string, string>(StringComparer.Ordinal);
            var variables = new Dictionary<string, string?>(StringComparer.Ordinal);
            for (var i = 0; i < credentials.Count; i++)
            {
                var (user, password) = credentials[i].Resolve();
                var helper = HelperPrefix + i;
                helpers[credentials[i].Registry] = helper;
                variables[VariablePrefix + i] = JsonSerializer.Serialize(new Dictionary<string, string>
                {
                    ["ServerURL"] = credentials[i].Registry,
                    ["Username"] = user,
                    ["Secret"] = password,
                });
                WriteHelper(Path.Combine(bin, "docker-credential-" + helper), VariablePrefix + i);
            }
            File.WriteAllText(Path.Combine(directory, "config.json"), JsonSerializer.Serialize(new Dictionary<string, object> { ["credHelpers"] = helpers }));
            LinkUserState(directory);
            variables["DOCKER_CONFIG"] = directory;
            variables["PATH"] = bin + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH");
            return new CredentialHelperEnvironment(directory, variables);
        }
        catch
        {
            TryDelete(directory);
            throw;
        }
    }

    // `get` answers from the environment; store/erase/list do nothing, so docker never persists anything.
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    private static void WriteHelper(string path, string variable)
    {
        File.WriteAllText(path,
            "#!/bin/sh\n" +
            "# Written by Fluent.Docker for one docker command; answers from the environment, stores nothing.\n" +
            "case \"$1\" in\n" +
            $"  get) cat >/dev/null; printf '%s' \"${variable}\" ;;\n" +
            "  list) printf '{}' ;;\n" +
            "  *) cat >/dev/null ;;\n" +
            "esac\n");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    // Keep the user's buildx builders and CLI plugins visible under the temporary config.
    private static void LinkUserState(string directory)
    {
        var home = Environment.GetEnvironmentVariable("DOCKER_CONFIG") is { Length: > 0 } config
            ? config
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".docker");
        // contexts: a runner bound to a docker context (Buildx.WithContext) must still find it under this config.
        foreach (var name in new[] { "buildx", "cli-plugins", "contexts" })
        {
            var source = Path.Combine(home, name);
            if (System.IO.Directory.Exists(source)) System.IO.Directory.CreateSymbolicLink(Path.Combine(directory, name), source);
        }
    }

    public void Dispose() => TryDelete(Directory);

    private static void TryDelete(string directory)
    {
        try { System.IO.Directory.Delete(directory, recursive: true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}
