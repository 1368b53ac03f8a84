namespace Fluent.Docker;

/// <summary>A Dockerfile feature whose support differs between builders: one row of <see cref="BuildahFeatures"/> each.</summary>
internal enum BuilderFeature
{
    Heredoc,
    CheckDirective,
    SyntaxDirective,
    FromPlatform,
    CopyFromImageOrContext,
    RunMountCache,
    RunMountBind,
    RunMountTmpfs,
    RunMountSecret,
    RunMountSecretEnv,
    RunMountSsh,
    RunNetwork,
    RunSecurity,
    RunDevice,
    CopyChown,
    CopyChmod,
    CopyLink,
    CopyExclude,
    CopyParents,
    AddUrl,
    AddChecksum,
    AddGitRepository,
    AddUnpack,
    Healthcheck,
    HealthcheckStartInterval,
    ShellAndOnBuild,
    MultiPlatform,
    EnvOrder,
    IdentityLabel,
}

/// <summary>
/// What one Buildah release does with one feature: <paramref name="Supported"/> (and what the build must pass for it),
/// or refused, with what Buildah does instead and the fix. <paramref name="Verified"/> says how the fact was checked.
/// </summary>
internal sealed record BuilderFeatureFact(BuilderFeature Feature, string Syntax, bool Supported, string Behaviour, string Fix, string Verified);

/// <summary>
/// The Dockerfile features of Buildah 1.28 (Debian bookworm's <c>buildah build</c>, which parses the file with
/// openshift/imagebuilder rather than BuildKit's frontend): one row per feature drives the validator's refusal
/// ("Buildah 1.28 does not support COPY --parents: …") and the generated page docs/buildah.md. Each fact was observed
/// by running <c>buildah build</c> 1.28.2 (as root, overlay storage, runc) on a one-feature Dockerfile; where Buildah
/// fails, <see cref="BuilderFeatureFact.Behaviour"/> quotes its error.
/// </summary>
internal static class BuildahFeatures
{
    /// <summary>The releases whose facts are recorded.</summary>
    public static IReadOnlyList<string> Versions { get; } = ["1.28"];

    private const string Built = "built with buildah build, the step's effect asserted in a later RUN";

    public static IReadOnlyList<BuilderFeatureFact> Rows { get; } =
    [
        new(BuilderFeature.Heredoc, "heredocs (RUN <<EOF, COPY <<EOF)", false,
            "RUN runs each body line as an instruction (Unknown instruction: \"ECHO\"); COPY looks for a source file named \"/<<EOF\"",
            "write the script as one RUN command (Run with && between commands) and COPY the file from the build context.",
            "RUN and COPY heredocs built with buildah build: both fail"),
        new(BuilderFeature.CheckDirective, "# check=", false,
            "Buildah ignores the directive: no build check runs and error=true fails nothing",
            "remove WithChecks and run the checks before the build (fluent-docker lint, or docker buildx build --check).",
            "# check=error=true with a shell-form CMD: buildah builds it, docker buildx build --check fails it"),
        new(BuilderFeature.SyntaxDirective, "# syntax=", true,
            "ignored: Buildah's own parser reads the file, so the profile writes no syntax line (a labs frontend named there adds nothing)",
            "", "# syntax=docker/dockerfile:1.7-labs then COPY --parents: Buildah still refuses --parents"),
        new(BuilderFeature.FromPlatform, "FROM --platform, BUILDPLATFORM/TARGETARCH", true,
            "the platform ARGs are predefined as in BuildKit", "", "FROM --platform=$BUILDPLATFORM stage reading ARG TARGETARCH: amd64"),
        new(BuilderFeature.CopyFromImageOrContext, "COPY --from=image, named contexts", true,
            "a named context needs --build-context NAME=path on the build (BuildRequest.WithNamedContext)", "",
            "COPY --from=busybox:1.36 and COPY --from=extra with --build-context extra=DIR: both build"),
        new(BuilderFeature.RunMountCache, "RUN --mount=type=cache", true, "id=, sharing= work; the cache lives in Buildah's storage", "", Built),
        new(BuilderFeature.RunMountBind, "RUN --mount=type=bind", true, "from the context and from=stage", "", Built),
        new(BuilderFeature.RunMountTmpfs, "RUN --mount=type=tmpfs", true, "", "", Built),
        new(BuilderFeature.RunMountSecret, "RUN --mount=type=secret (file)", true,
            "needs --secret id=ID,src=FILE or id=ID,env=VARIABLE on the build (BuildRequest.WithSecret)", "",
            "default /run/secrets/ID and target= read in RUN, from a file and from an environment variable"),
        new(BuilderFeature.RunMountSecretEnv, "RUN --mount=type=secret,env=", false,
            "fails: \"secret should have syntax id=id[,target=path,required=bool,mode=uint,uid=uint,gid=uint\"",
            "mount the secret as a file and read it in the command, e.g. TOKEN=\"$(cat /run/secrets/ID)\".", "built with buildah build: fails"),
        new(BuilderFeature.RunMountSsh, "RUN --mount=type=ssh", true,
            "needs --ssh default (an agent socket) on the build (BuildRequest.WithSsh)", "", "SSH_AUTH_SOCK set in RUN with an agent passed by --ssh"),
        new(BuilderFeature.RunNetwork, "RUN --network", false, "fails: \"RUN only supports the --mount flag\"",
            "drop the flag and set the network of every RUN step on the build (BuildRequest.WithNetwork, buildah build --network).",
            "--network=none and --network=host: both fail"),
        new(BuilderFeature.RunSecurity, "RUN --security", false, "fails: \"RUN only supports the --mount flag\"",
            "drop the flag, or build this image with BuildKit (docker buildx build --allow security.insecure).", "built with buildah build: fails"),
        new(BuilderFeature.RunDevice, "RUN --device", false, "fails: \"RUN only supports the --mount flag\"",
            "drop the flag, or build this image with BuildKit and a labs frontend.", "built with buildah build: fails"),
        new(BuilderFeature.CopyChown, "COPY/ADD --chown", true, "", "", Built + " (stat of uid:gid)"),
        new(BuilderFeature.CopyChmod, "COPY/ADD --chmod", true, "octal modes", "", Built + " (stat of the mode)"),
        new(BuilderFeature.CopyLink, "COPY/ADD --link", false,
            "fails: \"COPY only supports the --chmod=<permissions> --chown=<uid:gid> and the --from=<image|stage> flags\" (ADD: \"ADD only supports the --chmod=<permissions> and the --chown=<uid:gid> flag\")",
            "drop Link (CopyOptions.Link = false): Buildah writes the same files into the layer, only without BuildKit's layer rebasing.",
            "COPY --link and ADD --link: both fail"),
        new(BuilderFeature.CopyExclude, "COPY/ADD --exclude", false, "fails: \"COPY only supports the --chmod=<permissions> --chown=<uid:gid> and the --from=<image|stage> flags\"",
            "copy the paths you want one by one, or exclude the files for every COPY with a .dockerignore pattern.", "built with buildah build: fails"),
        new(BuilderFeature.CopyParents, "COPY/ADD --parents", false, "fails: \"COPY only supports the --chmod=<permissions> --chown=<uid:gid> and the --from=<image|stage> flags\"",
            "copy each directory to its full destination path explicitly.", "built with buildah build: fails, with or without a labs # syntax line"),
        new(BuilderFeature.AddUrl, "ADD https://…", true, "downloaded as a file", "", "ADD of a git URL shows Buildah fetching the URL over HTTP"),
        new(BuilderFeature.AddChecksum, "ADD --checksum", false,
            "fails: \"ADD only supports the --chmod=<permissions> and the --chown=<uid:gid> flag\"",
            "ADD the URL without a checksum and verify it in a RUN step (echo \"SHA256  FILE\" | sha256sum -c).", "built with buildah build: fails"),
        new(BuilderFeature.AddGitRepository, "ADD of a git repository", false,
            "Buildah fetches the URL over HTTP as one file instead of cloning it; --keep-git-dir fails as an unknown ADD flag",
            "clone the repository in a RUN step (git clone --depth 1 --branch REF URL DIR), or check it out into the build context.",
            "ADD https://…/repo.git#ref: Buildah sends an HTTP GET for the URL; ADD --keep-git-dir: fails"),
        new(BuilderFeature.AddUnpack, "ADD --unpack", false, "fails: \"ADD only supports the --chmod=<permissions> and the --chown=<uid:gid> flag\"",
            "drop Unpack: Buildah unpacks local archives as ADD does by default; COPY keeps an archive packed.", "built with buildah build: fails"),
        new(BuilderFeature.Healthcheck, "HEALTHCHECK", true,
            "kept only in the docker image format: the OCI format drops it with a warning, so the Buildah runner always passes --format docker", "",
            "--format oci: warning and no Healthcheck in the config; --format docker: Healthcheck in the config"),
        new(BuilderFeature.HealthcheckStartInterval, "HEALTHCHECK --start-interval", false,
            "fails: \"flag provided but not defined: -start-interval\"",
            "drop the start interval (a Healthcheck without WithStartInterval): the start period still applies, probed at the interval.",
            "built with buildah build: fails"),
        new(BuilderFeature.ShellAndOnBuild, "SHELL, ONBUILD", true,
            "kept in the docker image format only (the runner passes --format docker)", "", "Shell and OnBuild read back from the built image's config"),
        new(BuilderFeature.MultiPlatform, "several platforms in one build", true,
            "buildah build --platform a,b --manifest NAME builds each platform and adds it to the manifest list NAME", "",
            "--platform linux/amd64,linux/arm64 --manifest: a list with both (arm64 RUN under QEMU)"),
        new(BuilderFeature.EnvOrder, "ENV over an inherited variable", true,
            "same values as BuildKit, in another order: Buildah moves a variable ENV sets again to the end of the config's Env, so the config (and its digest) differs from BuildKit's",
            "", "python-api and dotnet-api built by Buildah against the model's projection: equal values, different order"),
        new(BuilderFeature.IdentityLabel, "io.buildah.version label", true,
            "the runner passes --identity-label=false so the config carries the model's labels only; a layer Buildah cached from a build without that flag still carries the label",
            "", "static-site built with the flag after a build without it: label present; with --no-cache: absent"),
    ];

    /// <summary>The row of <paramref name="feature"/>.</summary>
    public static BuilderFeatureFact Row(BuilderFeature feature) => Rows.Single(r => r.Feature == feature);

    /// <summary>
    /// The row that decides <paramref name="feature"/> (of the catalogue every codec reports its syntax by), or null
    /// when Buildah reads it as BuildKit does.
    /// </summary>
    public static BuilderFeatureFact? RowOf(DockerfileFeature feature) =>
        feature == DockerfileFeature.Heredocs ? Row(BuilderFeature.Heredoc)
        : feature == DockerfileFeature.CheckDirective || feature == DockerfileFeature.ExperimentalChecks ? Row(BuilderFeature.CheckDirective)
        : feature == DockerfileFeature.SecretAsEnvironment ? Row(BuilderFeature.RunMountSecretEnv)
        : feature == DockerfileFeature.RunMount ? Row(BuilderFeature.RunMountCache)
        : feature == DockerfileFeature.RunNetwork ? Row(BuilderFeature.RunNetwork)
        : feature == DockerfileFeature.RunSecurity ? Row(BuilderFeature.RunSecurity)
        : feature == DockerfileFeature.RunDevice ? Row(BuilderFeature.RunDevice)
        : feature == DockerfileFeature.CopyChmod ? Row(BuilderFeature.CopyChmod)
        : feature == DockerfileFeature.CopyLink ? Row(BuilderFeature.CopyLink)
        : feature == DockerfileFeature.CopyExclude ? Row(BuilderFeature.CopyExclude)
        : feature == DockerfileFeature.CopyParents ? Row(BuilderFeature.CopyParents)
        : feature == DockerfileFeature.AddChecksum || feature == DockerfileFeature.AddGitChecksum ? Row(BuilderFeature.AddChecksum)
        : feature == DockerfileFeature.AddGit ? Row(BuilderFeature.AddGitRepository)
        : feature == DockerfileFeature.AddUnpack ? Row(BuilderFeature.AddUnpack)
        : feature == DockerfileFeature.HealthcheckStartInterval ? Row(BuilderFeature.HealthcheckStartInterval)
        : null;

    /// <summary>docs/buildah.md: the table as a page.</summary>
    public static string Markdown()
    {
        var page = new System.Text.StringBuilder();
        page.Append("# Buildah profile\n\n")
            .Append("`BuilderProfile.Buildah(\"1.28\")` targets `buildah build` 1.28 (Debian bookworm). Buildah parses the Dockerfile with its own\n")
            .Append("parser, so a feature BuildKit's frontend has may fail there; the validator refuses each one below, naming the profile and the fix.\n")
            .Append("`Buildah.BuildAsync` (library) and `fluent-docker build --engine buildah` (tool) run the build.\n\n")
            .Append("Generated from `src/Fluent.Docker/Model/BuildahFeatures.cs` (a test keeps it in step). Each row was checked by running\n")
            .Append("`buildah build` 1.28.2 (root, overlay storage, runc) on a one-feature Dockerfile.\n\n")
            .Append("| Feature | Buildah 1.28 | What Buildah does | Fix | Verified by |\n|---|---|---|---|---|\n");
        foreach (var row in Rows)
            page.Append("| ").Append(Cell(row.Syntax)).Append(" | ").Append(row.Supported ? "supported" : "**refused**").Append(" | ")
                .Append(Cell(row.Behaviour)).Append(" | ").Append(Cell(row.Fix)).Append(" | ").Append(Cell(row.Verified)).Append(" |\n");
        return page.ToString();
    }

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal);
}
