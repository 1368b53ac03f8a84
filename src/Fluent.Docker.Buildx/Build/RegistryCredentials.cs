namespace Fluent.Docker.Build;

/// <summary>
/// Credentials for one registry, named by the environment variables that hold them. The values are read only when a
/// docker command runs and reach it through a credential helper answering from that process's environment: never
/// through its arguments, a log, or a file (no <c>docker login</c>, no config.json entry). Prints as
/// <c>[REDACTED]</c>.
/// </summary>
public sealed record RegistryCredentials
{
    private RegistryCredentials(string registry, string userVariable, string passwordVariable)
    {
        Registry = registry;
        UserVariable = userVariable;
        PasswordVariable = passwordVariable;
    }

    /// <summary>The registry host[:port] the credentials are for, e.g. <c>registry.example.com</c> or <c>127.0.0.1:5001</c>.</summary>
    public string Registry { get; }

    public string UserVariable { get; }
    public string PasswordVariable { get; }

    /// <summary>Credentials for <paramref name="registry"/> from two environment variables (checked when used).</summary>
    public static RegistryCredentials FromEnvironment(string registry, string userVariable, string passwordVariable)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(registry);
        ArgumentException.ThrowIfNullOrWhiteSpace(userVariable);
        ArgumentException.ThrowIfNullOrWhiteSpace(passwordVariable);
        if (registry.Contains('/') || registry.Contains("://", StringComparison.Ordinal))
            throw new ArgumentException($"'{registry}' is not a registry host: give host[:port] only, e.g. registry.example.com or 127.0.0.1:5001.", nameof(registry));
        return new RegistryCredentials(registry, userVariable, passwordVariable);
    }

    /// <summary>The user and password from the environment; throws naming the missing variable.</summary>
    internal (string User, string Password) Resolve()
    {
        var user = Environment.GetEnvironmentVariable(UserVariable);
        var password = Environment.GetEnvironmentVariable(PasswordVariable);
        if (string.IsNullOrEmpty(user) || string.IsNullOrEmpty(password))
            throw new InvalidOperationException(
                $"Credentials for {Registry}: the environment variable {(string.IsNullOrEmpty(user) ? UserVariable : PasswordVariable)} is not set. Fix: export it before the build (CI: from its secret store).");
        return (user, password);
    }

    public override string ToString() => $"credentials for {Registry} from ${UserVariable} / ${PasswordVariable} = {BuildSecret.Redacted}";
}
