using Fluent.Docker.Build;

namespace Fluent.Docker.Tests.Build;

public class CommandLineTextTests
{
    [Fact]
    public void Plain_arguments_stay_bare() =>
        Assert.Equal("docker buildx build --platform linux/amd64,linux/arm64 -t r:5000/a:1 .",
            CommandLineText.Format("docker", ["buildx", "build", "--platform", "linux/amd64,linux/arm64", "-t", "r:5000/a:1", "."]));

    [Fact]
    public void Arguments_with_spaces_or_quotes_are_single_quoted() =>
        Assert.Equal("docker 'a b' 'it'\\''s' ''", CommandLineText.Format("docker", ["a b", "it's", ""]));
}
