using Fluent.Docker.Engine;

namespace Fluent.Docker.Tests.Engine;

public class DockerEngineTests
{
    [Fact]
    public void Docker_host_wins() => Assert.Equal(new Uri("tcp://10.0.0.5:2375"), DockerEngine.DefaultEndpoint("tcp://10.0.0.5:2375"));

    [Fact]
    public void Without_docker_host_the_local_socket_is_used()
    {
        var expected = OperatingSystem.IsWindows() ? "npipe://./pipe/docker_engine" : "unix:///var/run/docker.sock";
        Assert.Equal(new Uri(expected), DockerEngine.DefaultEndpoint(null));
        Assert.Equal(new Uri(expected), DockerEngine.DefaultEndpoint(""));
    }

    [Fact]
    public void Get_env_reads_key_equals_value()
    {
        var image = new ImageInspection { Id = "sha256:x", Os = "linux", Architecture = "amd64", Env = ["PATH=/bin", "URL=http://a?b=c"] };
        Assert.Equal("http://a?b=c", image.GetEnv("URL"));
        Assert.Null(image.GetEnv("PAT"));
    }

    [Fact]
    public void Inspection_platform_combines_os_architecture_and_variant() =>
        Assert.Equal(Platform.LinuxArmV7, new ImageInspection { Id = "x", Os = "linux", Architecture = "arm", Variant = "v7" }.Platform);

    [Fact]
    public async Task Unreachable_engine_fails_with_the_endpoint_in_the_message()
    {
        using var engine = DockerEngine.Connect(new Uri("unix:///tmp/fluent-docker-no-such.sock"));
        var e = await Assert.ThrowsAsync<DockerEngineException>(() => engine.PingAsync());
        Assert.StartsWith("Docker engine not reachable at unix:///tmp/fluent-docker-no-such.sock", e.Message);
    }
}
