namespace Fluent.Docker;

/// <summary>
/// The runtime configuration of an image, as the OCI image config stores it: what a container gets by default.
/// <see cref="ImageConfigProjection"/> derives it from a model; the engine reports it for a built image.
/// </summary>
public sealed record ImageConfig
{
    public static ImageConfig Empty { get; } = new();

    /// <summary>The image's author (the config's <c>author</c> field, set by MAINTAINER and inherited from the base image); empty when unset.</summary>
    public string Author { get; init; } = "";

    public string User { get; init; } = "";
    public string WorkingDir { get; init; } = "";

    /// <summary>Environment in definition order (a later ENV of the same name replaces the value in place).</summary>
    public ValueList<KeyValuePair<string, string>> Env { get; init; } = ValueList<KeyValuePair<string, string>>.Empty;

    public ValueList<KeyValuePair<string, string>> Labels { get; init; } = ValueList<KeyValuePair<string, string>>.Empty;

    /// <summary>Port keys such as <c>8080/tcp</c>, sorted.</summary>
    public ValueList<string> ExposedPorts { get; init; } = ValueList<string>.Empty;

    public ValueList<string>? Cmd { get; init; }
    public ValueList<string>? Entrypoint { get; init; }
    public ValueList<string>? Shell { get; init; }
    public HealthcheckConfig? Healthcheck { get; init; }
    public string? StopSignal { get; init; }
    public ValueList<string> Volumes { get; init; } = ValueList<string>.Empty;
    public ValueList<string> OnBuild { get; init; } = ValueList<string>.Empty;

    public string? GetEnv(string name) => Env.FirstOrDefault(e => e.Key == name) is { Key: not null } pair ? pair.Value : null;
    public string? GetLabel(string key) => Labels.FirstOrDefault(e => e.Key == key) is { Key: not null } pair ? pair.Value : null;
}

/// <summary>HEALTHCHECK as stored in the image config: the test (<c>["CMD", …]</c>, <c>["CMD-SHELL", …]</c> or <c>["NONE"]</c>) and timings.</summary>
public sealed record HealthcheckConfig(ValueList<string> Test)
{
    public TimeSpan Interval { get; init; }
    public TimeSpan Timeout { get; init; }
    public TimeSpan StartPeriod { get; init; }
    public TimeSpan StartInterval { get; init; }
    public int Retries { get; init; }
}
