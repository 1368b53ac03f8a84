using Fluent.Docker.Templates;

namespace Fluent.Docker.Tests.Templates;

/// <summary>
/// The framework-dependent publish starts no build servers (they would die with the RUN's container); SDKs before 7
/// do not know the switch, and the variants not measured keep their line.
/// </summary>
public class DotNetBuildServerTests
{
    private static string Publish(DotNetOptions options) =>
        DotNetTemplate.Create("team/api", options).Dockerfile.Stages.Single(s => s.Name == "build").Instructions
            .OfType<RunInstruction>().Select(r => ((CommandLine.Shell)r.Command).Command)
            .Single(c => c.StartsWith("dotnet publish", StringComparison.Ordinal));

    [Theory]
    [InlineData("10.0")]
    [InlineData("8.0")]
    [InlineData("7")]
    public void Framework_dependent_publish_disables_build_servers_from_sdk_7(string sdkVersion) =>
        Assert.EndsWith(" -o /out --disable-build-servers", Publish(new DotNetOptions { SdkVersion = sdkVersion }), StringComparison.Ordinal);

    [Fact]
    public void Sdk_6_publish_has_no_build_server_switch() =>
        Assert.EndsWith(" -o /out", Publish(new DotNetOptions { SdkVersion = "6.0" }), StringComparison.Ordinal);

    [Theory]
    [InlineData(DotNetRuntimeVariant.SelfContainedTrimmed)]
    [InlineData(DotNetRuntimeVariant.NativeAot)]
    public void Other_variants_keep_their_publish_line(DotNetRuntimeVariant variant) =>
        Assert.DoesNotContain("--disable-build-servers", Publish(new DotNetOptions { RuntimeVariant = variant }), StringComparison.Ordinal);
}
