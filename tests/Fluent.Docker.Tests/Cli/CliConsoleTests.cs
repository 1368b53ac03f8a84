using Fluent.Docker.Cli;
using Spectre.Console;

namespace Fluent.Docker.Tests.Cli;

public sealed class CliConsoleTests
{
    private static CliConsole In(string workingDirectory)
    {
        var ansi = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(TextWriter.Null) });
        return new CliConsole(TextWriter.Null, TextWriter.Null, workingDirectory, Interactive: false, ansi, ansi);
    }

    [Fact]
    public void Paths_below_the_working_directory_display_relative()
    {
        var root = Path.GetFullPath(Path.Combine(Path.GetTempPath(), "repo"));
        var console = In(root);

        Assert.Equal("src/Dockerfile", console.Display(Path.Combine(root, "src", "Dockerfile")));
        Assert.Equal("Dockerfile", console.Display(console.Resolve("Dockerfile")));
    }

    [Fact]
    public void Paths_outside_the_working_directory_display_absolute_rather_than_as_a_chain_of_parent_steps()
    {
        var root = Path.GetFullPath(Path.Combine(Path.GetTempPath(), "repo", "app"));
        var elsewhere = Path.GetFullPath(Path.Combine(Path.GetTempPath(), "corpora", "node.Dockerfile"));
        var console = In(root);

        Assert.Equal(elsewhere.Replace('\\', '/'), console.Display(elsewhere));
        Assert.Equal(elsewhere.Replace('\\', '/'), console.Display(console.Resolve("../../corpora/node.Dockerfile")));
    }
}
