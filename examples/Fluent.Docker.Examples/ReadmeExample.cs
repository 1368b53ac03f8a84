namespace Fluent.Docker.Examples;

/// <summary>
/// The example from README.md, kept compiled here: a test checks the README's C# block is this method body
/// (between the markers) and that its Dockerfile block is exactly what this returns.
/// </summary>
public static class ReadmeExample
{
    public static Dockerfile Create()
    {
        // README:BEGIN
        var version = new BuildArg("VERSION", "0.1.0");

        var build = Stage.Named("build").From("golang:1.24", Platform.BuildPlatform)   // compile on the build machine…
            .Arg(BuildArg.TargetOs).Arg(BuildArg.TargetArch)                           // …for every target platform
            .Workdir("/src")
            .Copy("go.mod", "./")
            .Copy("*.go", "./")
            .Run("CGO_ENABLED=0 GOOS=${TARGETOS} GOARCH=${TARGETARCH} go build -o /out/hello .",
                 Mount.Cache("/root/.cache/go-build"));

        var runtime = Stage.Named("runtime").FromScratch()
            .Arg(version)
            .CopyFrom(build, "/out/hello", "/hello")              // a Stage value, never a string
            .Label(OciLabels.Version, version)                    // renders ${VERSION}
            .Expose(8080)
            .User(UserSpec.Id(10001, 10001))
            .Healthcheck(Healthcheck.Exec("/hello", "-healthcheck").WithInterval(TimeSpan.FromSeconds(30)))
            .Entrypoint("/hello");                                // exec form; shell form only via EntrypointShell

        return Dockerfile.Create(build, runtime);
        // README:END
    }
}
