using System.Text.Json;
using System.Text.Json.Nodes;

namespace Fluent.Docker.Build;

/// <summary>
/// A throw-away docker client configuration whose <c>credHelpers</c> send each registry to a tiny helper script that
/// prints the credentials from its own environment. So the password travels parent → docker → helper through process
/// environments only: the config file, the script and the arguments hold no secret. Deleted on dispose.
/// The user's own configuration stays in force beside it: its <c>auths</c>, <c>credsStore</c>, other <c>credHelpers</c>,
/// <c>currentContext</c> and the rest are copied into the throw-away config.json, and only the registries given here are
/// sent to the helper; its builders, contexts and CLI plugins are linked, not copied.
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

    /// <param name="credentials">The registries to answer for, from the environment.</param>
    /// <param name="userConfigDirectory">The user's docker configuration (DOCKER_CONFIG); null: DOCKER_CONFIG, else ~/.docker.</param>
    public static CredentialHelperEnvironment Create(IReadOnlyList<RegistryCredentials> credentials, string? userConfigDirectory = null)
    {
        if (OperatingSystem.IsWindows())
            throw new PlatformNotSupportedException("Registry credentials from the environment use a shell credential helper; on Windows run `docker login` before the build instead.");
        return CreateOnUnix(credentials, userConfigDirectory ?? UserConfigDirectory());
    }

    /// <summary>Where the docker CLI reads its configuration: DOCKER_CONFIG, else ~/.docker.</summary>
    internal static string UserConfigDirectory() =>
        Environment.GetEnvironmentVariable("DOCKER_CONFIG") is { Length: > 0 } config
            ? config
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".docker");

    /// <summary>
    /// The user's config.json with <paramref name="helpers"/> added to its <c>credHelpers</c> (theirs win for those
    /// registries: the CLI asks a registry's credHelper before credsStore and auths), everything else kept as it is.
    /// </summary>
    internal static string MergedConfig(string? userConfigJson, IReadOnlyDictionary<string, string> helpers)
    {
        var root = (userConfigJson is { Length: > 0 } text ? JsonNode.Parse(text) as JsonObject : null) ?? new JsonObject();
        if (root["credHelpers"] is not JsonObject credHelpers)
        {
            credHelpers = new JsonObject();
            root["credHelpers"] = credHelpers;
        }
        foreach (var (registry, helper) in helpers) credHelpers[registry] = helper;
        return root.ToJsonString();
    }

    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    private static CredentialHelperEnvironment CreateOnUnix(IReadOnlyList<RegistryCredentials> credentials, string home)
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
            var userConfig = Path.Combine(home, "config.json");
            string? userJson;
            try { userJson = File.Exists(userConfig) ? File.ReadAllText(userConfig) : null; }
            catch (IOException) { userJson = null; }
            string merged;
            try { merged = MergedConfig(userJson, helpers); }
            catch (JsonException e) { throw new InvalidOperationException($"{userConfig} is not valid JSON ({e.Message}). Fix: correct it (docker reads it too), or point DOCKER_CONFIG at a valid configuration.", e); }
            // The user's auths travel with it: the directory is the user's own (0700) and deleted after the command.
            File.WriteAllText(Path.Combine(directory, "config.json"), merged);
            File.SetUnixFileMode(Path.Combine(directory, "config.json"), UnixFileMode.UserRead | UnixFileMode.UserWrite);
            LinkUserState(directory, home);
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
    private static void LinkUserState(string directory, string home)
    {
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
