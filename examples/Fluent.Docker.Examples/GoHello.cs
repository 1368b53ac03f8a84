namespace Fluent.Docker.Examples;

/// <summary>
/// The seeds' Go multi-stage image: compiled on the build machine's platform for every target platform
/// (Go cross-compiles, so arm64 needs no emulation while compiling), shipped on scratch as a non-root user.
/// </summary>
public static class GoHello
{
    public static BuildArg Version { get; } = new("VERSION", "0.1.0");

    public static ImageDefinition Definition { get; } = Create();

    private static ImageDefinition Create()
    {
        var build = Stage.Named("build").From("golang:1.19", Platform.BuildPlatform)
            .Arg(BuildArg.TargetOs)
            .Arg(BuildArg.TargetArch)
            .Workdir("/src")
            .Copy("go.mod", "./")
            .Copy("*.go", "./")
            .Run("CGO_ENABLED=0 GOOS=${TARGETOS} GOARCH=${TARGETARCH} go build -trimpath -ldflags=\"-s -w\" -o /out/hello .",
                Mount.Cache("/root/.cache/go-build"));

        var runtime = Stage.Named("runtime").FromScratch()
            .Arg(Version)
            .CopyFrom(build, "/out/hello", "/hello")
            .Labels(
                (OciLabels.Title, "go-hello"),
                (OciLabels.Description, "A tiny Go HTTP service on scratch"),
                (OciLabels.Version, Version),
                (OciLabels.Source, "https://example.com/fluent-docker/examples/go-hello"))
            .Expose(8080)
            .User(UserSpec.Id(10001, 10001))
            .Healthcheck(Healthcheck.Exec("/hello", "-healthcheck")
                .WithInterval(TimeSpan.FromSeconds(30)).WithTimeout(TimeSpan.FromSeconds(3)).WithStartPeriod(TimeSpan.FromSeconds(2)).WithRetries(3))
            .Entrypoint("/hello");

        return ImageDefinition.Create("examples/go-hello", Dockerfile.Create(build, runtime))
            .WithContextDirectory("go-hello")
            .WithPlatforms(Platform.LinuxAmd64, Platform.LinuxArm64)
            // Sends go.mod and the .go files the COPYs read, minus tests; generated from the model.
            .WithIgnoreFor(ProjectLanguage.Go, "**/*_test.go");
    }
}
