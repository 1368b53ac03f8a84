using Fluent.Docker.Analyzers;
using static Fluent.Docker.Tests.Analyzers.AnalyzerTestKit;

namespace Fluent.Docker.Tests.Analyzers;

/// <summary>Rules over a whole Dockerfile: stage order and names, the final stage's USER and HEALTHCHECK.</summary>
public class DockerfileRuleTests
{
    private const string Healthy = """.Healthcheck(Healthcheck.Exec("/app", "-health"))""";

    [Fact]
    public Task FD0010_duplicate_stage_names() => VerifyAsync<DuplicateStageNameAnalyzer>("""
        var build = Stage.Named("build").From("golang:1.23");
        var again = Stage.Named("Build").From("golang:1.23").Run("make");
        var file = Dockerfile.Create(build, {|FD0010:again|}, {|FD0010:Stage.Named("build").FromScratch()|});
        """);

    [Fact]
    public Task FD0010_quiet_for_unique_names_and_invisible_stages() => VerifyAsync<DuplicateStageNameAnalyzer>("""
        var build = Stage.Named("build").From("golang:1.23");
        var a = Dockerfile.Create(build, Stage.Named("runtime").FromScratch());
        var b = Dockerfile.Create(someStages).WithStage(build);
        var c = Dockerfile.Create(build, someStage);
        """);

    [Fact]
    public Task FD0011_final_stage_ends_as_root() => VerifyAsync<FinalStageRunsAsRootAnalyzer>("""
        var a = Dockerfile.Create(Stage.Named("a").From("debian:12").User("app").User({|FD0011:"root"|}));
        var b = Dockerfile.Create(Stage.Named("b").From("debian:12").User({|FD0011:0|}));
        var c = Dockerfile.Create(Stage.Named("c").From("debian:12").User({|FD0011:UserSpec.Root|}));
        var d = Dockerfile.Create(Stage.Named("d").From("debian:12").User({|FD0011:UserSpec.Id(0, 0)|}));
        var e = Dockerfile.Create(someStage.User({|FD0011:"0:0"|}));
        """);

    [Fact]
    public Task FD0011_quiet_when_the_last_user_is_not_root_or_unknown() => VerifyAsync<FinalStageRunsAsRootAnalyzer>("""
        var user = Environment.UserName;
        var build = Stage.Named("build").From("debian:12").User("root");
        var a = Dockerfile.Create(build, Stage.Named("a").From("debian:12").User("root").User(UserSpec.Id(10001, 10001)));
        var b = Dockerfile.Create(Stage.Named("b").From("debian:12").User(user));
        var c = Dockerfile.Create(Stage.Named("c").From("debian:12").User("rooted"));
        """);

    [Fact]
    public Task FD0012_final_stage_without_user() => VerifyAsync<FinalStageWithoutUserAnalyzer>("""
        var build = Stage.Named("build").From("golang:1.23").User("builder");
        var runtime = Stage.Named("runtime").FromScratch().CopyFrom(build, "/out/app", "/app");
        var a = Dockerfile.Create(build, {|FD0012:runtime|});
        var b = Dockerfile.Create(runtime).WithStage({|FD0012:Stage.Named("x").From("debian:12")|});
        """);

    [Fact]
    public Task FD0012_quiet_with_a_user_a_nonroot_base_or_an_invisible_stage() => VerifyAsync<FinalStageWithoutUserAnalyzer>("""
        var build = Stage.Named("build").From("golang:1.23").User("builder");
        var fromBuild = Stage.Named("test").From(build).Run("go test ./...");
        var a = Dockerfile.Create(Stage.Named("a").FromScratch().User(UserSpec.Id(10001)));
        var b = Dockerfile.Create(build, fromBuild);
        var c = Dockerfile.Create(Stage.Named("c").From("gcr.io/distroless/static-debian12:nonroot"));
        var d = Dockerfile.Create(Stage.Named("d").From("mcr.microsoft.com/dotnet/runtime:10.0-noble-chiseled"));
        var e = Dockerfile.Create(someStage.Run("true"));
        var f = Dockerfile.Create(build).WithStages(someStages);
        var root = Dockerfile.Create(Stage.Named("g").From("debian:12"));
        var extended = root.WithStage(build);
        """);

    [Fact]
    public Task FD0022_copy_from_or_from_a_later_stage() => VerifyAsync<CopyFromLaterStageAnalyzer>("""
        var build = Stage.Named("build").From("golang:1.23");
        var runtime = Stage.Named("runtime").FromScratch().CopyFrom({|FD0022:build|}, "/out", "/app");
        var test = Stage.Named("test").From({|FD0022:build|});
        var file = Dockerfile.Create(runtime, test, build);
        """);

    [Fact]
    public Task FD0022_quiet_for_earlier_stages_images_and_invisible_order() => VerifyAsync<CopyFromLaterStageAnalyzer>("""
        var build = Stage.Named("build").From("golang:1.23");
        var runtime = Stage.Named("runtime").FromScratch()
            .CopyFrom(build, "/out", "/app")
            .CopyFrom(ImageReference.Parse("busybox:1.36"), "/bin/sh", "/bin/sh");
        var a = Dockerfile.Create(build, runtime);
        var b = Dockerfile.Create(someStages).WithStage(runtime);
        """);

    [Fact]
    public Task FD0023_final_stage_without_healthcheck() => VerifyAsync<FinalStageWithoutHealthcheckAnalyzer>("""
        var build = Stage.Named("build").From("golang:1.23")
        """ + Healthy + """
        ;
        var runtime = Stage.Named("runtime").FromScratch().User(10001);
        var file = Dockerfile.Create(build, {|FD0023:runtime|});
        """);

    [Fact]
    public Task FD0023_quiet_with_a_healthcheck_on_the_stage_or_its_base() => VerifyAsync<FinalStageWithoutHealthcheckAnalyzer>("""
        var base1 = Stage.Named("base").From("debian:12")
        """ + Healthy + """
        ;
        var a = Dockerfile.Create(base1, Stage.Named("app").From(base1).Run("true"));
        var b = Dockerfile.Create(Stage.Named("b").FromScratch().Healthcheck(Healthcheck.None));
        var c = Dockerfile.Create(someStage);
        """);

    [Fact]
    public Task FD0024_dotnet_sdk_build_stage_not_on_the_build_platform() => VerifyAsync<DotNetSdkNotOnBuildPlatformAnalyzer>("""
        var build = Stage.Named("build").From({|FD0024:"mcr.microsoft.com/dotnet/sdk:10.0"|}).Run("dotnet publish -o /out");
        var arm = Stage.Named("arm").From({|FD0024:"mirror.example.com/dotnet/sdk:10.0"|}, Platform.LinuxArm64);
        var app = Stage.Named("app").From("mcr.microsoft.com/dotnet/aspnet:10.0").CopyFrom(build, "/out", "/app");
        var file = Dockerfile.Create(build, arm, app);
        """);

    [Fact]
    public Task FD0024_quiet_on_the_build_platform_for_other_images_and_in_the_final_stage() => VerifyAsync<DotNetSdkNotOnBuildPlatformAnalyzer>("""
        var build = Stage.Named("build").From("mcr.microsoft.com/dotnet/sdk:10.0", Platform.BuildPlatform);
        var parsed = Stage.Named("parsed").From("mcr.microsoft.com/dotnet/sdk:10.0", Platform.Parse("$BUILDPLATFORM"));
        var tools = Stage.Named("tools").From("mcr.microsoft.com/dotnet/aspnet:10.0");
        var naive = Stage.Named("naive").From("mcr.microsoft.com/dotnet/sdk:10.0").Run("dotnet publish -o /out");
        var a = Dockerfile.Create(build, parsed, tools, naive);
        var b = Dockerfile.Create(Stage.Named("only").From("mcr.microsoft.com/dotnet/sdk:10.0"));
        """);
}
