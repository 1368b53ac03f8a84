using System.Text.Json;
using Fluent.Docker.Build;

namespace Fluent.Docker.Tests.Build;

/// <summary>The pure half of bake: dependency detection, the JSON file, build order and graph errors.</summary>
public class ImageGraphTests
{
    private static readonly ImageDefinition Base = ImageDefinition.Create("shop/base", Dockerfile.Create(Stage.Named("base").From("busybox:1.36").Run("echo base > /base")));

    private static ImageDefinition Leaf(string name, ImageReference from) =>
        ImageDefinition.Create(name, Dockerfile.Create(Stage.Named("app").From(from).Run("echo " + name)));

    private static GeneratedImage Generated(ImageDefinition definition) =>
        new(definition, "/ctx/" + definition.Name, "/ctx/" + definition.Name + "/Dockerfile", "/ctx/" + definition.Name + "/.dockerignore");

    private static JsonElement Target(string json, string name) => JsonDocument.Parse(json).RootElement.GetProperty("target").GetProperty(name);

    [Fact]
    public void From_an_image_of_the_set_is_a_dependency()
    {
        var api = Leaf("shop/api", "shop/base");
        Assert.Equal("shop/base", ImageGraph.DependenciesOf(api, [Base, api])["shop/base"].Name);
    }

    [Fact]
    public void Latest_tag_still_names_the_image_of_the_set() => Assert.Single(ImageGraph.DependenciesOf(Leaf("shop/api", "shop/base:latest"), [Base]));

    [Fact]
    public void Registry_or_pinned_references_are_not_dependencies()
    {
        Assert.Empty(ImageGraph.DependenciesOf(Leaf("shop/a", "127.0.0.1:5000/shop/base"), [Base]));
        Assert.Empty(ImageGraph.DependenciesOf(Leaf("shop/b", "shop/base:1.0"), [Base]));
    }

    [Fact]
    public void Copy_from_an_image_of_the_set_is_a_dependency()
    {
        var tools = ImageDefinition.Create("shop/tools", Dockerfile.Create(Stage.Named("t").From("busybox:1.36").CopyFrom((ImageReference)"shop/base", "/base", "/base")));
        Assert.Single(ImageGraph.DependenciesOf(tools, [Base, tools]));
    }

    [Fact]
    public void Bake_json_has_a_default_group_and_target_contexts()
    {
        var bake = ImageGraph.ToBake([Generated(Base), Generated(Leaf("shop/api", "shop/base"))]);
        var json = bake.ToJson();

        var group = JsonDocument.Parse(json).RootElement.GetProperty("group").GetProperty("default").GetProperty("targets");
        Assert.Equal(["shop-base", "shop-api"], group.EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("target:shop-base", Target(json, "shop-api").GetProperty("contexts").GetProperty("shop/base").GetString());
        Assert.Equal("/ctx/shop/api/Dockerfile", Target(json, "shop-api").GetProperty("dockerfile").GetString());
        Assert.False(Target(json, "shop-base").TryGetProperty("contexts", out _));
    }

    [Fact]
    public void Request_options_map_onto_target_fields()
    {
        var bake = ImageGraph.ToBake([Generated(Base.WithPlatforms(Platform.LinuxAmd64, Platform.LinuxArm64))], (_, r) => r
            .WithTags("127.0.0.1:5000/shop/base:1")
            .WithOutput(BuildOutput.Push)
            .WithBuildArg(new BuildArg("MODE"), "fast")
            .WithLabel(OciLabels.Version, "1")
            .WithSourceDateEpoch(DateTimeOffset.FromUnixTimeSeconds(1700000000))
            .WithSecret(BuildSecret.FromEnvironment(new SecretId("token"), "TOKEN"))
            .WithProvenance(ProvenanceMode.Max)
            .WithNoCache());

        var target = Target(bake.ToJson(), "shop-base");

        Assert.Equal(["linux/amd64", "linux/arm64"], target.GetProperty("platforms").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["127.0.0.1:5000/shop/base:1"], target.GetProperty("tags").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["type=registry"], target.GetProperty("output").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("fast", target.GetProperty("args").GetProperty("MODE").GetString());
        Assert.Equal("1700000000", target.GetProperty("args").GetProperty("SOURCE_DATE_EPOCH").GetString());
        Assert.Equal("1", target.GetProperty("labels").GetProperty("org.opencontainers.image.version").GetString());
        Assert.Equal(["id=token,env=TOKEN"], target.GetProperty("secret").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["type=provenance,mode=max"], target.GetProperty("attest").EnumerateArray().Select(e => e.GetString()));
        Assert.True(target.GetProperty("no-cache").GetBoolean());
    }

    [Fact]
    public void Every_local_path_the_bake_reads_or_writes_is_granted_and_nothing_else()
    {
        var bake = ImageGraph.ToBake([Generated(Base)], (_, r) => r
            .WithNamedContext(new NamedContext("assets"), BuildContextSource.Directory("/data/assets"))
            .WithNamedContext(new NamedContext("base"), BuildContextSource.Image(ImageReference.Parse("busybox:1.36")))
            .WithSecret(BuildSecret.FromFile(new SecretId("npmrc"), "/home/me/.npmrc"))
            .WithSecret(BuildSecret.FromEnvironment(new SecretId("token"), "TOKEN"))
            .WithCacheFrom(BuildCache.Local("/cache/in"))
            .WithCacheTo(BuildCache.Local("/cache/out"))
            .WithOutput(BuildOutput.OciArchive("/out/shop.tar")));

        Assert.Equal(
            ["fs.read=/ctx/shop/base", "fs.read=/ctx/shop/base/Dockerfile", "fs.read=/data/assets", "fs.read=/home/me/.npmrc", "fs.read=/cache/in", "fs.write=/cache/out", "fs.write=/out/shop.tar"],
            bake.Entitlements().Select(e => e.Argument));
    }

    [Fact]
    public void A_remote_context_needs_no_grant()
    {
        var bake = new BakeDefinition([new BakeTarget("app", new BuildRequest("https://github.com/example/app.git#main"), new Dictionary<string, string>())]);
        Assert.Empty(bake.Entitlements());
    }

    [Fact]
    public void Secret_values_stay_out_of_the_bake_file()
    {
        var bake = ImageGraph.ToBake([Generated(Base)], (_, r) => r.WithSecret(BuildSecret.FromValue(new SecretId("token"), "do-not-write-me")));
        Assert.DoesNotContain("do-not-write-me", bake.ToJson(), StringComparison.Ordinal);
    }

    [Fact]
    public void Build_order_puts_the_base_first()
    {
        var bake = ImageGraph.ToBake([Generated(Leaf("shop/api", "shop/base")), Generated(Leaf("shop/web", "shop/base")), Generated(Base)]);
        Assert.Equal(["shop-base", "shop-api", "shop-web"], bake.BuildOrder().Select(t => t.Name));
    }

    [Fact]
    public void A_cycle_is_refused_naming_the_path()
    {
        var a = Leaf("cyc/a", "cyc/b");
        var b = Leaf("cyc/b", "cyc/a");
        var e = Assert.Throws<ArgumentException>(() => ImageGraph.ToBake([Generated(a), Generated(b)]).ToJson());
        Assert.Contains("cyc-a -> cyc-b -> cyc-a", e.Message);
    }

    [Fact]
    public void A_context_naming_an_unknown_target_is_refused()
    {
        var bake = new BakeDefinition([new BakeTarget("app", new BuildRequest("ctx"), new Dictionary<string, string> { ["base"] = "missing" })]);
        Assert.Contains("'missing'", Assert.Throws<ArgumentException>(bake.Validate).Message);
    }

    [Fact]
    public void An_invalid_request_in_a_target_is_refused_before_anything_runs() =>
        Assert.Throws<BuildRequestException>(() => ImageGraph.ToBake([Generated(Base)], (_, r) => r.WithOutput(BuildOutput.Push)).ToJson());
}
