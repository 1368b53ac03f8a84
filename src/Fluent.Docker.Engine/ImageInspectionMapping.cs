namespace Fluent.Docker.Engine;

/// <summary>Docker.DotNet's inspect response to <see cref="ImageInspection"/>: empty strings and zero timings become null.</summary>
internal static class ImageInspectionMapping
{
    public static ImageInspection From(global::Docker.DotNet.Models.ImageInspectResponse response)
    {
        var config = response.Config;
        var health = config?.Healthcheck;
        return new ImageInspection
        {
            Id = response.ID,
            RepoTags = response.RepoTags?.ToList() ?? [],
            RepoDigests = response.RepoDigests?.ToList() ?? [],
            Os = response.Os ?? "",
            Architecture = response.Architecture ?? "",
            Variant = NullIfEmpty(response.Variant),
            Size = response.Size,
            Author = NullIfEmpty(response.Author),
            User = NullIfEmpty(config?.User),
            Env = config?.Env?.ToList() ?? [],
            Labels = config?.Labels is { } labels ? new Dictionary<string, string>(labels, StringComparer.Ordinal) : new Dictionary<string, string>(),
            ExposedPorts = config?.ExposedPorts?.Keys.ToHashSet(StringComparer.Ordinal) ?? [],
            Cmd = config?.Cmd?.ToList(),
            Entrypoint = config?.Entrypoint?.ToList(),
            WorkingDir = NullIfEmpty(config?.WorkingDir),
            Healthcheck = health is null ? null : new ImageHealthcheck(
                health.Test?.ToList() ?? [],
                NullIfZero(health.Interval),
                NullIfZero(health.Timeout),
                NullIfZero(health.StartPeriod),
                NullIfZero(health.StartInterval),
                health.Retries is null or 0 ? null : (int)health.Retries),
            StopSignal = NullIfEmpty(config?.StopSignal),
            Volumes = config?.Volumes?.Keys.ToHashSet(StringComparer.Ordinal) ?? [],
            OnBuild = config?.OnBuild?.ToList() ?? [],
        };
    }

    private static string? NullIfEmpty(string? text) => string.IsNullOrEmpty(text) ? null : text;

    // The image config stores 0 for "not set" (the engine's default applies).
    private static TimeSpan? NullIfZero(TimeSpan? span) => span is null || span == TimeSpan.Zero ? null : span;
}
