using Fluent.Docker.Build;

namespace Fluent.Docker.Tests.Build;

/// <summary>
/// Typed builders (issue 15): a <see cref="BuilderSpec"/> renders the exact <c>docker buildx create</c> arguments, one
/// row per flag; what buildx would refuse is refused first with the slot and the fix; <c>ls --format json</c> (captured
/// on the lab's buildx 0.29) parses to typed builders; buildx's builder errors classify to one line with the fix.
/// </summary>
public class BuilderSpecTests
{
    [Fact]
    public void A_docker_container_builder_renders_its_driver_options_node_platforms_config_and_bootstrap()
    {
        var spec = new BuilderSpec("ci", BuilderDriver.DockerContainer)
            .WithDriverOptions(new DockerContainerDriverOptions { Image = "127.0.0.1:5000/moby/buildkit:buildx-stable-1", Network = "host", Memory = ByteSize.Parse("2g") })
            .WithNode(BuilderNode.OnContext(new DockerContext("lab-node2")).WithName("arm").WithPlatforms(Platform.LinuxArm64))
            .WithBuildkitdConfig(BuildkitdConfig.Empty.WithMirror("docker.io", "127.0.0.1:5000"))
            .WithBootstrap();

        var calls = BuilderArguments.Create(spec, "/tmp/b.toml");

        var call = Assert.Single(calls);
        Assert.Equal(["buildx", "create", "--name", "ci", "--driver", "docker-container",
            "--driver-opt", "image=127.0.0.1:5000/moby/buildkit:buildx-stable-1", "--driver-opt", "network=host", "--driver-opt", "memory=2g",
            "--node", "arm", "--platform", "linux/arm64", "--buildkitd-config", "/tmp/b.toml", "--bootstrap", "lab-node2"], call);
    }

    [Fact]
    public void Every_node_after_the_first_is_appended_and_the_builder_boots_once_at_the_end()
    {
        var spec = new BuilderSpec("spread", BuilderDriver.DockerContainer)
            .WithNode(new BuilderNode("default").WithPlatforms(Platform.LinuxAmd64))
            .WithNode(new BuilderNode("lab-node2").WithPlatforms(Platform.LinuxArm64))
            .WithBuildkitdConfig(BuildkitdConfig.Empty.WithInsecureRegistry("127.0.0.1:5000"))
            .WithBootstrap();

        var calls = BuilderArguments.Create(spec, "/tmp/c.toml");

        Assert.Equal(2, calls.Count);
        Assert.Equal(["buildx", "create", "--name", "spread", "--driver", "docker-container", "--platform", "linux/amd64", "--buildkitd-config", "/tmp/c.toml", "default"], calls[0]);
        Assert.Equal(["buildx", "create", "--name", "spread", "--platform", "linux/arm64", "--append", "--bootstrap", "lab-node2"], calls[1]);
    }

    [Fact]
    public void The_buildkitd_config_is_one_registry_table_per_host_with_mirrors_in_order_and_insecure_hosts_over_http()
    {
        var config = BuildkitdConfig.Empty
            .WithMirror("docker.io", "127.0.0.1:5000").WithMirror("docker.io", "mirror.example.com")
            .WithInsecureRegistry("127.0.0.1:5000");

        Assert.Equal("# Written by Fluent.Docker (BuildkitdConfig).\n\n[registry.\"127.0.0.1:5000\"]\n  http = true\n  insecure = true\n"
            + "\n[registry.\"docker.io\"]\n  mirrors = [\"127.0.0.1:5000\", \"mirror.example.com\"]\n", config.ToToml());
    }

    [Fact]
    public void A_docker_driver_builder_cannot_be_created_or_appended_to_and_the_fix_is_its_context()
    {
        var create = Assert.Throws<BuildRequestException>(() => new BuilderSpec("mine", BuilderDriver.Docker).Validate());
        var append = Assert.Throws<BuildRequestException>(() => new BuilderSpec("default", BuilderDriver.Docker).WithAppend().WithNode(new BuilderNode("lab-node2")).Validate());

        Assert.Equal("BuilderSpec.Driver", create.Problems[0].Location.Slot);
        Assert.Contains("cannot be created", create.Message);
        Assert.Contains("--append adds a node", append.Message);
        Assert.Contains("--context NAME", append.Problems[0].Fix);
    }

    [Fact]
    public void A_remote_builder_without_an_endpoint_and_options_of_another_driver_are_refused_together()
    {
        var spec = new BuilderSpec("remote", BuilderDriver.Remote).WithDriverOptions(new KubernetesDriverOptions { Replicas = 0 });

        var problems = spec.Problems();

        Assert.Equal(["BuilderSpec.DriverOptions", "BuilderSpec.DriverOptions", "BuilderSpec.Nodes"], problems.Select(p => p.Location.Slot));
        Assert.Contains(problems, p => p.Message.Contains("options of the kubernetes driver, not of remote", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Message.Contains("needs the address of its BuildKit daemon", StringComparison.Ordinal));
        Assert.Throws<BuildRequestException>(() => BuilderArguments.Create(spec, null));
    }

    [Fact]
    public void Appending_without_a_node_or_with_a_daemon_config_and_bad_hosts_are_refused()
    {
        var spec = new BuilderSpec("ci", BuilderDriver.DockerContainer).WithAppend()
            .WithBuildkitdConfig(BuildkitdConfig.Empty.WithMirror("https://docker.io", "127.0.0.1:5000/v2"));

        var messages = spec.Problems().Select(p => p.Message).ToList();

        Assert.Contains("--append adds nodes, and none is given.", messages);
        Assert.Contains(messages, m => m.StartsWith("An appended node gets the daemon configuration", StringComparison.Ordinal));
        Assert.Contains("'https://docker.io' is not a registry host.", messages);
        Assert.Contains("'127.0.0.1:5000/v2' is not a registry host.", messages);
    }

    [Fact]
    public void A_builder_name_that_buildx_would_refuse_is_refused_with_the_rule()
    {
        var e = Assert.Throws<DockerValueException>(() => new BuilderSpec("-x", BuilderDriver.DockerContainer));

        Assert.Contains("not a builder name", e.Message);
        Assert.Throws<DockerValueException>(() => new Buildx().WithBuilder("a b"));
    }

    [Fact]
    public void The_builder_list_parses_drivers_nodes_status_platforms_and_driver_options()
    {
        // Captured from `docker buildx ls --format json` on the lab (buildx 0.29.1), GC policies and labels trimmed.
        const string json = """
            {"Current":true,"Driver":"docker","Dynamic":false,"LastActivity":"2026-12-03T14:34:47Z","Name":"default","Nodes":[{"Endpoint":"default","IDs":["gffh0hg3frm6u1voh0w2ed5hj"],"Name":"default","Platforms":["linux/amd64","linux/amd64/v2","linux/amd64/v3","linux/amd64/v4","linux/arm64"],"Status":"running","Version":"v0.0.0+unknown"}]}
            {"Current":false,"Driver":"docker-container","Dynamic":false,"LastActivity":"2026-12-03T14:34:57Z","Name":"fdprobe1","Nodes":[{"DriverOpts":{"network":"host"},"Endpoint":"unix:///var/run/docker.sock","Flags":["--debug","--allow-insecure-entitlement=network.host"],"Name":"fdprobe10","Platforms":["linux/amd64","linux/arm64"],"Status":"inactive"}]}
            """;

        var builders = BuilderInfo.ParseList(json);

        Assert.Equal(["default", "fdprobe1"], builders.Select(b => b.Name));
        Assert.Equal((BuilderDriver?)BuilderDriver.Docker, builders[0].Driver);
        Assert.True(builders[0].IsCurrent && builders[0].IsRunning);
        Assert.Equal(5, builders[0].Platforms.Count);
        var container = builders[1];
        Assert.Equal((BuilderDriver?)BuilderDriver.DockerContainer, container.Driver);
        Assert.False(container.IsRunning);
        var node = Assert.Single(container.Nodes);
        Assert.Equal(("fdprobe10", "unix:///var/run/docker.sock", "inactive"), (node.Name, node.Endpoint, node.Status));
        Assert.Equal([Platform.LinuxAmd64, Platform.LinuxArm64], node.Platforms);
        Assert.Equal("host", node.DriverOptions["network"]);
        Assert.Equal(["--debug", "--allow-insecure-entitlement=network.host"], node.Flags);
        Assert.Throws<FormatException>(() => BuilderInfo.ParseList("not json"));
    }

    // buildx's own words, captured on the lab.
    [Fact]
    public void A_builder_that_does_not_exist_is_one_line_with_the_fix()
    {
        var failure = new BuildxException(1, "docker buildx build --builder nosuch .", "ERROR: no builder \"nosuch\" found").Failure;

        Assert.Equal(BuildFailureKind.BuilderNotFound, failure.Kind);
        Assert.Equal("builder 'nosuch' does not exist. Fix: create it (fluent-docker builder create nosuch --driver docker-container), or name one that `docker buildx ls` lists.", failure.ToString());
    }

    [Fact]
    public void Removing_a_builder_that_does_not_exist_names_it_though_buildx_ends_with_a_general_error()
    {
        var failure = new BuildxException(1, "docker buildx rm nosuch", "failed to remove nosuch: no builder \"nosuch\" found\nERROR: failed to remove one or more builders").Failure;

        Assert.Equal((BuildFailureKind.BuilderNotFound, "nosuch"), (failure.Kind, failure.Builder));
    }

    [Fact]
    public void Another_contexts_docker_builder_says_to_select_that_context()
    {
        var failure = new BuildxException(1, "docker buildx build --builder lab-node2 .", "ERROR: use `docker --context=lab-node2 buildx` to switch to context \"lab-node2\"").Failure;

        Assert.Equal((BuildFailureKind.BuilderNotFound, "lab-node2"), (failure.Kind, failure.BuilderContext));
        Assert.Contains("Fix: select the context instead of the builder (fluent-docker build --context lab-node2;", failure.ToString());
    }

    [Fact]
    public void A_builder_whose_BuildKit_image_cannot_be_pulled_says_so_with_the_mirror_fix()
    {
        const string tail = "#1 [internal] booting buildkit\n#1 pulling image moby/buildkit:buildx-stable-1 0.0s done\n"
            + "#1 ERROR: Error response from daemon: failed to resolve reference \"docker.io/moby/buildkit:buildx-stable-1\": docker.io/moby/buildkit:buildx-stable-1: not found\n"
            + "ERROR: Error response from daemon: failed to resolve reference \"docker.io/moby/buildkit:buildx-stable-1\": docker.io/moby/buildkit:buildx-stable-1: not found";

        var failure = new BuildxException(1, "docker buildx inspect --bootstrap ci", tail, [], [], "ci").Failure;

        Assert.Equal(BuildFailureKind.BuilderUnavailable, failure.Kind);
        Assert.StartsWith("builder 'ci' could not start: the builder's BuildKit image moby/buildkit:buildx-stable-1 could not be pulled (not found). "
            + "Fix: make moby/buildkit:buildx-stable-1 pullable: mirror it into a registry the engine reaches", failure.ToString());
    }

    [Fact]
    public void An_engine_lost_mid_build_names_the_builder_and_platform_and_is_not_read_as_a_registry_failure()
    {
        const string tail = "#5 [2/2] RUN echo start && sleep 30 && echo done\n#5 0.217 start\n"
            + "ERROR: failed to build: failed to receive status: rpc error: code = Unavailable desc = error reading from server: EOF";

        var e = new BuildxException(1, "docker --context lost buildx build .", tail, [], [Platform.LinuxAmd64], "lost");

        Assert.Equal(BuildFailureKind.EngineLost, e.Failure.Kind);
        Assert.False(e.Failure.IsRetryable);
        Assert.Equal("the engine of builder 'lost' stopped answering during the build for linux/amd64 (error reading from server: EOF); nothing was exported or tagged. "
            + "Fix: check that the engine behind the builder (its docker context or endpoint) is running and reachable, then run the build again.", e.Failure.ToString());
        Assert.Equal(ProblemCodes.EngineFailed, e.Problems[0].Code);
    }

    [Fact]
    public void An_engine_connection_reset_while_solving_is_an_engine_lost_not_a_registry_refusing_a_push()
    {
        const string tail = "ERROR: failed to build: failed to solve: Unavailable: error reading from server: read tcp 127.0.0.1:44276->127.0.0.1:39243: read: connection reset by peer";

        var failure = new BuildxException(1, "docker --context lost buildx build .", tail, [], [Platform.LinuxAmd64], "lost").Failure;

        Assert.Equal(BuildFailureKind.EngineLost, failure.Kind);
        Assert.Equal("error reading from server: read tcp 127.0.0.1:44276->127.0.0.1:39243: read: connection reset by peer", failure.Reason);
    }
}
