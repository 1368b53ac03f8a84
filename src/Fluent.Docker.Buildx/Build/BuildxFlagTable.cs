namespace Fluent.Docker.Build;

/// <summary>
/// One row per buildx flag this library renders whose support began after buildx's early releases (the Nuke way: the
/// row names the flag, the <see cref="BuildRequest"/> option behind it, and the first buildx release with it, for
/// <c>buildx build</c> and for the bake field). Versions are from the buildx release notes.
/// </summary>
internal static class BuildxFlagTable
{
    /// <param name="Flag">The flag as rendered, without its value.</param>
    /// <param name="Option">The <see cref="BuildRequest"/> property that renders it.</param>
    /// <param name="Build">The first buildx with the flag on <c>buildx build</c>.</param>
    /// <param name="Bake">The first buildx with the matching bake field; null when bake has it since <see cref="Build"/>.</param>
    /// <param name="Instead">What to do instead of upgrading; null: leave the option unset.</param>
    public sealed record Row(string Flag, string Option, BuildxVersion Build, BuildxVersion? Bake = null, string? Instead = null);

    public static IReadOnlyList<Row> Rows { get; } =
    [
        new("--shm-size", nameof(BuildRequest.ShmSize), new(0, 7, 0), Bake: new(0, 13, 0)),
        new("--ulimit", nameof(BuildRequest.Ulimits), new(0, 7, 0), Bake: new(0, 13, 0)),
        new("--build-context", nameof(BuildRequest.NamedContexts), new(0, 8, 0)),
        new("--no-cache-filter", nameof(BuildRequest.NoCacheFilter), new(0, 8, 0)),
        new("--attest", nameof(BuildRequest.Attestations), new(0, 10, 0)),
        new("--sbom", nameof(BuildRequest.Sbom), new(0, 10, 0)),
        new("--provenance", nameof(BuildRequest.Provenance), new(0, 10, 0)),
        new("--annotation", nameof(BuildRequest.Annotations), new(0, 12, 0)),
        new("--call", "Call", new(0, 15, 0), Instead: "lint with Linter.Lint (the model's own checks) instead of Buildx.CheckAsync/OutlineAsync/TargetsAsync"),
    ];

    /// <summary>
    /// Throws <see cref="BuildRequestException"/> for the first flag of <paramref name="arguments"/> that
    /// <paramref name="installed"/> lacks, naming the option, the release it needs and the fix; an unknown version
    /// (a development build) refuses nothing.
    /// </summary>
    public static void Check(IReadOnlyList<string> arguments, BuildxVersion? installed, bool bake = false)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        if (installed is null) return;
        foreach (var argument in arguments)
        {
            if (!argument.StartsWith("--", StringComparison.Ordinal)) continue;
            var flag = argument.Split('=', 2)[0];
            if (Rows.FirstOrDefault(r => r.Flag == flag) is not { } row) continue;
            var needed = bake ? row.Bake ?? row.Build : row.Build;
            if (installed < needed)
                throw new BuildRequestException(row.Option,
                    $"{(bake ? "bake's field for " : "")}{flag} needs buildx {needed} or later; the installed buildx is {installed}.",
                    $"upgrade the buildx plugin to {needed} or later, or {row.Instead ?? $"leave {row.Option} unset"}.");
        }
    }
}
