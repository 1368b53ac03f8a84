namespace Fluent.Docker;

/// <summary>
/// A piece of Dockerfile syntax that not every frontend knows, with the first <c>docker/dockerfile</c> version of each
/// channel that knows it. The versions are the "Minimum Dockerfile version" columns of BuildKit's Dockerfile reference
/// and its frontend release notes (moby/buildkit, docs.docker.com); the builtin frontend row of the lab's engine is
/// checked against the engine itself by <c>BuiltinFrontendFeaturesE2ETests</c>.
/// </summary>
public sealed record DockerfileFeature
{
    private DockerfileFeature(string name, string? stable, string? labs, bool ignoredWhenUnknown = false)
    {
        Name = name;
        IgnoredWhenUnknown = ignoredWhenUnknown;
        Stable = stable is null ? null : DockerfileSyntaxVersion.TryParse(stable);
        Labs = labs is null ? Stable : DockerfileSyntaxVersion.TryParse(labs);
    }

    /// <summary>The syntax as a user writes it, e.g. <c>COPY --parents</c>.</summary>
    public string Name { get; }

    /// <summary>The first stable <c>docker/dockerfile</c> version that knows it; null while it is labs syntax only.</summary>
    public DockerfileSyntaxVersion? Stable { get; }

    /// <summary>The first labs version (<c>docker/dockerfile:1.N-labs</c>) that knows it: earlier than <see cref="Stable"/> when it was labs first.</summary>
    public DockerfileSyntaxVersion? Labs { get; }

    public static DockerfileFeature RunMount { get; } = new("RUN --mount", "1.2", null);
    public static DockerfileFeature RunNetwork { get; } = new("RUN --network", "1.3", "1.2");
    public static DockerfileFeature RunSecurity { get; } = new("RUN --security", "1.20", "1.1.2");
    public static DockerfileFeature RunDevice { get; } = new("RUN --device", null, "1.14");
    public static DockerfileFeature SecretAsEnvironment { get; } = new("RUN --mount=type=secret,env=…", "1.10", null);
    public static DockerfileFeature Heredocs { get; } = new("here-documents (<<EOF)", "1.4", "1.3");
    public static DockerfileFeature CopyChmod { get; } = new("COPY/ADD --chmod", "1.2", null);
    public static DockerfileFeature CopyLink { get; } = new("COPY/ADD --link", "1.4", null);
    public static DockerfileFeature CopyExclude { get; } = new("COPY/ADD --exclude", "1.19", "1.7");
    public static DockerfileFeature CopyParents { get; } = new("COPY --parents", "1.20", "1.7");
    public static DockerfileFeature AddGit { get; } = new("ADD from a Git repository", "1.6", "1.5");
    public static DockerfileFeature AddChecksum { get; } = new("ADD --checksum", "1.6", "1.5");
    public static DockerfileFeature AddGitChecksum { get; } = new("ADD --checksum on a Git repository", "1.16", null);
    public static DockerfileFeature AddUnpack { get; } = new("ADD --unpack", "1.17", null);
    public static DockerfileFeature HealthcheckStartInterval { get; } = new("HEALTHCHECK --start-interval", "1.6", null);
    public static DockerfileFeature OnBuildFrom { get; } = new("ONBUILD with --from or a mount from another stage", "1.11", null);
    public static DockerfileFeature CheckDirective { get; } = new("the # check= directive", "1.8", null, ignoredWhenUnknown: true);
    public static DockerfileFeature ExperimentalChecks { get; } = new("# check=experimental=…", "1.10", null, ignoredWhenUnknown: true);

    /// <summary>
    /// A <c># check=skip=…</c> comment right above an instruction, turning checks off for it alone (moby/buildkit#6334,
    /// merged 2025-11; the first stable release after it is 1.20). Older frontends, the lab's builtin one included, read it
    /// as a plain comment: the lint then ignores it too. Not syntax, so not in <see cref="All"/>: no frontend refuses it.
    /// </summary>
    internal static DockerfileFeature CheckSkipComments { get; } = new("# check=skip= comments above an instruction", "1.20", null, ignoredWhenUnknown: true);

    /// <summary>Every feature the model can express, oldest first.</summary>
    public static IReadOnlyList<DockerfileFeature> All { get; } =
    [
        RunMount, CopyChmod, RunNetwork, Heredocs, CopyLink, AddGit, AddChecksum, HealthcheckStartInterval, CheckDirective,
        SecretAsEnvironment, ExperimentalChecks, OnBuildFrom, RunDevice, AddGitChecksum, AddUnpack, CopyExclude, CopyParents, RunSecurity,
    ];

    /// <summary>
    /// True when a frontend that does not know it still reads the file and quietly does without it (a directive is a
    /// comment to it): the solver asks for it, the validator does not refuse an older pin for it.
    /// </summary>
    public bool IgnoredWhenUnknown { get; }

    /// <summary>True when it is labs syntax only (no stable release knows it yet).</summary>
    public bool LabsOnly => Stable is null;

    /// <summary>The smallest syntax directive that knows it: <c>1.20</c>, or <c>1.14-labs</c> for labs-only syntax.</summary>
    public string MinimalSyntax => Stable is { } stable ? stable.ToString() : Labs + "-labs";

    public override string ToString() => Name;
}
