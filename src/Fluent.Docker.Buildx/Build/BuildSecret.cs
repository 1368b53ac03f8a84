using System.Text;

namespace Fluent.Docker.Build;

/// <summary>
/// A secret handed to the build (<c>--secret</c>) for <c>RUN --mount=type=secret,id=…</c>. Only a reference ever
/// reaches the command line: an environment variable name (<c>id=X,env=VAR</c>) or a file path (<c>id=X,src=path</c>).
/// A value held in memory (<see cref="FromValue"/>) travels in the buildx process's environment, never in its
/// arguments, and prints as <c>[REDACTED]</c>.
/// </summary>
public sealed record BuildSecret
{
    internal const string Redacted = "[REDACTED]";

    private BuildSecret(SecretId id, BuildSecretSource source, string reference, string? value)
    {
        Id = id;
        Source = source;
        Reference = reference;
        Value = value;
    }

    public SecretId Id { get; }
    public BuildSecretSource Source { get; }

    /// <summary>The environment variable name (for <see cref="BuildSecretSource.Value"/>, the one this library sets) or the file path.</summary>
    public string Reference { get; }

    /// <summary>The secret itself, for <see cref="BuildSecretSource.Value"/> only. Internal so it cannot be printed by accident.</summary>
    internal string? Value { get; }

    /// <summary>Reads the secret from the environment variable <paramref name="variable"/> of the buildx process.</summary>
    public static BuildSecret FromEnvironment(SecretId id, string variable) =>
        new(id ?? throw new ArgumentNullException(nameof(id)), BuildSecretSource.Environment, variable ?? "", null);

    /// <summary>Reads the secret from a file.</summary>
    public static BuildSecret FromFile(SecretId id, string path) =>
        new(id ?? throw new ArgumentNullException(nameof(id)), BuildSecretSource.File, path ?? "", null);

    /// <summary>
    /// Passes a value held in memory (e.g. fetched from a vault). The runner puts it in an environment variable of the
    /// buildx process only, so it shows in no argument list, log or exception.
    /// </summary>
    public static BuildSecret FromValue(SecretId id, string value)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(value);
        return new(id, BuildSecretSource.Value, EnvironmentVariableFor(id), value);
    }

    // Hex keeps every id distinct and the name a valid variable name whatever characters the id has.
    private static string EnvironmentVariableFor(SecretId id) =>
        "FLUENT_DOCKER_SECRET_" + Convert.ToHexString(Encoding.UTF8.GetBytes(id.Id));

    public override string ToString() => Source switch
    {
        BuildSecretSource.Environment => $"secret {Id} from env {Reference}",
        BuildSecretSource.File => $"secret {Id} from file {Reference}",
        _ => $"secret {Id} = {Redacted}",
    };
}

/// <summary>Where buildx reads a <see cref="BuildSecret"/> from.</summary>
public enum BuildSecretSource
{
    Environment,
    File,

    /// <summary>A value given in memory, passed through the buildx process's environment.</summary>
    Value,
}
