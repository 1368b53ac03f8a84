namespace Fluent.Docker.Templates;

/// <summary>Where a Go binary runs: an empty image, or distroless/static (CA certificates, tzdata, /etc/passwd; still no shell).</summary>
public enum GoRuntime { Scratch, DistrolessStatic }

/// <summary>Options of <see cref="GoTemplate"/>.</summary>
public sealed record GoOptions : TemplateOptions
{
    /// <summary>The Go version (default 1.24); it names <see cref="BuildImage"/> (<c>golang:{GoVersion}</c>) unless that is set.</summary>
    public string GoVersion { get; init; } = "1.24";

    /// <summary>The Go toolchain image; it runs on the build machine's platform and cross-compiles.</summary>
    public ImageReference BuildImage { get => _buildImage ?? $"golang:{GoVersion}"; init => _buildImage = value; }

    private readonly ImageReference? _buildImage;

    public GoRuntime Runtime { get; init; } = GoRuntime.Scratch;

    /// <summary>The distroless image used when <see cref="Runtime"/> is <see cref="GoRuntime.DistrolessStatic"/>.</summary>
    public ImageReference DistrolessImage { get; init; } = "gcr.io/distroless/static-debian12:nonroot";

    /// <summary>The main package to build, relative to the module root (<c>.</c>, <c>./cmd/api</c>).</summary>
    public string Package { get; init; } = ".";

    /// <summary>The binary's absolute path in the image.</summary>
    public string Binary { get; init; } = "/app";

    /// <summary>Copies the toolchain image's CA bundle into scratch so the binary can call HTTPS services.</summary>
    public bool CaCertificates { get; init; } = true;

    internal IEnumerable<Problem> GoProblems()
    {
        if (TemplateKit.VersionProblem(nameof(GoVersion), GoVersion, "Go", "1.24") is { } version) yield return version;
        else if (BuildImage.Problem is { } build) yield return TemplateKit.OptionProblem(nameof(BuildImage), build.Message, build.Fix);
        if (DistrolessImage.Problem is { } runtime) yield return TemplateKit.OptionProblem(nameof(DistrolessImage), runtime.Message, runtime.Fix);
        if (TemplateKit.AbsolutePathProblem(nameof(Binary), Binary, "/app") is { } binary) yield return binary;
        if (Package != "." && (!Package.StartsWith("./", StringComparison.Ordinal) || TemplateKit.RelativePathProblem(nameof(Package), Package[2..], "./cmd/api") is not null))
            yield return TemplateKit.OptionProblem(nameof(Package), $"'{Package}' is not a package path inside the module.", "use '.' or a path starting with './', e.g. './cmd/api' (without './' Go reads it as an import path).");
    }
}

/// <summary>
/// Go: the toolchain runs on <c>$BUILDPLATFORM</c> and cross-compiles a static binary (<c>CGO_ENABLED=0</c>,
/// <c>GOOS/GOARCH</c> from the target platform), so an arm64 image needs no emulation while compiling. Modules are
/// downloaded before the source is copied (a code change keeps that layer), with cache mounts for the module and build
/// caches; the binary ships on scratch (or distroless/static) as uid 10001 and reads <c>PORT</c>. Neither image has a
/// shell, so the HEALTHCHECK (a TCP connect to the port by default, see <see cref="TemplateOptions.Health"/>) runs a
/// small static probe compiled from the standard library in its own stage (about 1.2 MB); the app needs no health code.
/// </summary>
public static class GoTemplate
{
    public static ImageDefinition Create(string name, GoOptions? options = null)
    {
        options ??= new GoOptions();
        TemplateKit.Check("Go", name, options, options.GoProblems());

        var build = Stage.Named("build").From(options.Resolve(options.BuildImage), Platform.BuildPlatform)
            .Arg(BuildArg.TargetOs)
            .Arg(BuildArg.TargetArch)
            .Workdir("/src")
            .Copy(["go.mod", "go.sum*"], "./")
            .DependencyRun(options, "go mod download", CacheMounts.GoModules.Mount())
            .Copy(".", ".")
            .Run($"CGO_ENABLED=0 GOOS=${{TARGETOS}} GOARCH=${{TARGETARCH}} go build -trimpath -ldflags=\"-s -w\" -o /out/app {options.Package}",
                CacheMounts.GoModules.Mount(), CacheMounts.GoBuild.Mount());

        var stages = new List<Stage> { build };
        // Scratch and distroless have no shell: a port probe is a static binary of its own, compiled beside the app.
        var probe = TemplateKit.ProbesPort(options) ? StaticHealthProbe.BuildStage(options.Resolve(options.BuildImage)) : null;
        if (probe is not null) stages.Add(probe);

        ImageReference? runtimeImage = options.Runtime == GoRuntime.DistrolessStatic ? options.Resolve(options.DistrolessImage) : null;
        var runtime = runtimeImage is null ? Stage.Named("runtime").FromScratch() : Stage.Named("runtime").From(runtimeImage);
        if (options.CaCertificates && options.Runtime == GoRuntime.Scratch)
            runtime = runtime.CopyFrom(build, "/etc/ssl/certs/ca-certificates.crt", "/etc/ssl/certs/ca-certificates.crt");
        if (probe is not null) runtime = StaticHealthProbe.CopyInto(runtime, probe);
        runtime = runtime.CopyFrom(build, "/out/app", options.Binary);
        if (TemplateKit.PortEnv(options) is [_, ..] port) runtime = runtime.Env(port);
        runtime = runtime
            .Finish(name, options, runtimeImage, TemplateKit.HealthcheckFor(options, HealthProber.Static, TimeSpan.FromSeconds(5)))
            .Entrypoint(options.Binary);
        stages.Add(runtime);

        return TemplateKit.Define(name, options, Dockerfile.Create([.. stages]),
            [Platform.LinuxAmd64, Platform.LinuxArm64], ProjectLanguage.Go, "**/*_test.go", "**/testdata");
    }
}
