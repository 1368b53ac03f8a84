using Fluent.Docker.Cli;
using Fluent.Docker.Tests.Engine;
using Spectre.Console;

namespace Fluent.Docker.Tests.Cli;

/// <summary>
/// <c>fluent-docker builder …</c> in-process against the lab's buildx: a docker-container builder with a node on the
/// second engine is created (not booted: the lab cannot pull moby/buildkit), listed, inspected and removed; a spec buildx
/// would refuse is refused before it runs; a missing builder is one line with the fix.
/// </summary>
[Trait("Category", "E2E")]
[Collection(DockerLabCollection.Name)]
public sealed class BuilderCommandE2ETests(DockerLabFixture lab)
{
    private static async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        var (output, error) = (new StringWriter(), new StringWriter());
        var ansi = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(TextWriter.Null) });
        var code = await CliApp.RunAsync(args, new CliConsole(output, error, Path.GetTempPath(), Interactive: false, ansi, ansi));
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task A_builder_is_created_with_a_node_mirror_and_driver_option_listed_inspected_and_removed()
    {
        var name = "fd-cli-" + lab.RunId;
        try
        {
            var create = await RunAsync("builder", "create", name, "--driver", "docker-container", "--driver-opt", "network=host",
                "--node", "lab-node2=linux/arm64", "--mirror", $"docker.io={lab.Registry}", "--insecure-registry", lab.Registry);
            var list = await RunAsync("builder", "ls");
            var inspect = await RunAsync("builder", "inspect", name);
            var remove = await RunAsync("builder", "rm", name);
            var missing = await RunAsync("builder", "inspect", name);

            Assert.True(create.Code == 0, create.Error);
            Assert.Matches($@"(?m)^{name}\s+docker-container\s+{name}0\s+lab-node2\s+inactive\s+linux/arm64\s*$", create.Output);
            Assert.Matches($@"(?m)^{name}\s+docker-container", list.Output);
            Assert.Matches(@"(?m)^default \*\s+docker\s+default", list.Output);
            Assert.Contains("lab-node2", inspect.Output);
            Assert.Equal((0, $"removed builder {name}"), (remove.Code, remove.Output.Trim()));
            Assert.Equal(2, missing.Code);
            Assert.Equal($"error: builder '{name}' does not exist. Fix: create it (fluent-docker builder create {name} --driver docker-container), or name one that `docker buildx ls` lists.",
                missing.Error.Trim());
        }
        finally
        {
            await RunAsync("builder", "rm", name);
        }
    }

    [Fact]
    public async Task A_docker_driver_builder_or_an_option_of_another_driver_is_refused_before_buildx_runs()
    {
        var docker = await RunAsync("builder", "create", "fd-never", "--driver", "docker", "--append", "--node", "lab-node2");
        var option = await RunAsync("builder", "create", "fd-never", "--driver", "remote", "--driver-opt", "network=host", "--node", "tcp://127.0.0.1:1");

        Assert.Equal(2, docker.Code);
        Assert.Contains("--append adds a node to a builder, and the docker driver's builder has exactly one", docker.Error);
        Assert.Equal((2, "error: --driver-opt network: the remote driver has the options cacert, cert, key, servername."), (option.Code, option.Error.Trim()));
        Assert.DoesNotContain(await new Fluent.Docker.Build.Buildx().ListBuildersAsync(), b => b.Name == "fd-never");
    }
}
