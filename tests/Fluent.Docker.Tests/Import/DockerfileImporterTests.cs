using System.Reflection;
using System.Runtime.Loader;
using Fluent.Docker.Conformance;
using Fluent.Docker.Import;
using Fluent.Docker.Tests.TypeSafety;

namespace Fluent.Docker.Tests.Import;

/// <summary>
/// Dockerfile → C#: the generated code compiles cleanly against Fluent.Docker (Roslyn), runs, and builds the model it
/// came from. The 47 real-world corpus files are the dockerfile-import corpus (see <see cref="ImportCorpus"/>, run by
/// ConformanceTests and <c>./build.sh --target=Conformance</c>).
/// </summary>
public class DockerfileImporterTests
{
    [Fact]
    public void A_small_file_imports_as_idiomatic_fluent_code()
    {
        const string dockerfile = """
            # syntax=docker/dockerfile:1.7
            ARG GO_VERSION=1.22

            FROM --platform=$BUILDPLATFORM golang:${GO_VERSION} AS build
            ARG TARGETOS
            WORKDIR /src
            # Dependencies first, for the layer cache.
            COPY go.mod go.sum ./
            RUN --mount=type=cache,target=/root/.cache/go-build GOOS=$TARGETOS go build -o /out/app .

            FROM scratch
            COPY --from=build /out/app /app
            LABEL org.opencontainers.image.title="My app"
            EXPOSE 8080 53/udp
            USER 10001:10001
            ENTRYPOINT ["/app", "--serve"]
            """;

        var code = DockerfileImporter.ToCSharp(dockerfile, new ImportOptions { Namespace = "MyCompany.Images", ClassName = "AppImage", MethodName = "Definition" });

        Assert.Equal("""
            // Imported from a Dockerfile by Fluent.Docker (DockerfileImporter). It is ordinary code now: edit it freely.
            using Fluent.Docker;

            namespace MyCompany.Images;

            public static class AppImage
            {
                /// <summary>The Dockerfile this file was imported from, as a Fluent.Docker model.</summary>
                public static Dockerfile Definition()
                {
                    var goVersion = new BuildArg("GO_VERSION", "1.22");

                    var build = Stage.Named("build").FromExpanded($"golang:{goVersion}", Platform.BuildPlatform)
                        .Arg(BuildArg.TargetOs)
                        .Workdir("/src")
                        .Copy(new SourcePath[] { "go.mod", "go.sum" }, "./")
                        .Comment("Dependencies first, for the layer cache.")
                        .Run("GOOS=$TARGETOS go build -o /out/app .", Mount.Cache("/root/.cache/go-build"));

                    var stage2 = Stage.Unnamed().FromScratch()
                        .CopyFrom(build, "/out/app", "/app")
                        .Label(OciLabels.Title, "My app")
                        .Expose(8080, Port.Udp(53))
                        .User(UserSpec.Id(10001, 10001))
                        .Entrypoint("/app", "--serve");

                    return Dockerfile.Create(build, stage2)
                        .WithGlobalArg(goVersion)
                        .WithFrontend(BuilderProfile.DockerfileFrontend("1.7"));
                }
            }

            """, code);
    }

    [Fact]
    public void Hostile_values_import_to_literals_that_rebuild_them_exactly()
    {
        var version = new BuildArg("VERSION", "1.0");
        var model = Dockerfile.Create(Stage.Named("app").From("busybox:1.36")
                .Env("QUOTES", "say \"hi\" {not a hole} \\ back\\slash")
                .Env("CONTROL", "tab\tbell\u0007nul-free\u2028line-separator\uFEFFbom\u202Ertl😀")
                .Label("com.example.template", $"/opt/app-{version}/{Expandable.Raw("${HOME:-/root}")}")
                .CopyContent("/etc/app.conf", "a \"\"\" triple quote\n\tindented\n")
                .RunScript("echo \"$HOME\"\n"))
            .WithGlobalArg(version);

        var code = DockerfileImporter.ToCSharp(model);
        var built = ImportedCode.Build(code, "Hostile");
        Assert.Equal(model, built);
    }

    [Fact]
    public void Platform_expressions_and_architectures_alone_import_to_code_that_rebuilds_them()
    {
        const string text = """
            FROM --platform=${BUILDPLATFORM:-linux/amd64} golang:1.24 AS build

            FROM --platform=arm64 busybox:1.36
            COPY --from=build /src /src

            """;

        var code = DockerfileImporter.ToCSharp(text);
        Assert.Contains("Platform.Parse(\"arm64\")", code, StringComparison.Ordinal);
        var built = ImportedCode.Build(code, "Platforms");
        Assert.Equal(Dockerfile.Parse(text), built);
        Assert.Equal(text, built.Emit());
    }

    [Fact]
    public void An_invalid_model_or_bad_names_are_refused()
    {
        Assert.Throws<DockerfileValidationException>(() => DockerfileImporter.ToCSharp(Dockerfile.Create()));
        Assert.Throws<ArgumentException>(() => DockerfileImporter.ToCSharp("FROM a\n", new ImportOptions { ClassName = "not valid" }));
        Assert.Throws<Fluent.Docker.Parsing.DockerfileParseException>(() => DockerfileImporter.ToCSharp("FROM a\nBOGUS x\n"));
    }
}
