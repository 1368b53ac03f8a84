using Fluent.Docker.Cli;
using Spectre.Console;

namespace Fluent.Docker.Tests.Cli;

public sealed class CliAppTests
{
    private static readonly CliConsole Console = new(TextWriter.Null, TextWriter.Null, Path.GetTempPath(), Interactive: false,
        AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(TextWriter.Null) }),
        AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(TextWriter.Null) }));

    [Fact]
    public void Each_command_is_listed_under_the_name_it_is_invoked_with() =>
        Assert.All(CliApp.Commands, c => Assert.Equal(c.Name, c.Create(Console).Name));

    [Fact]
    public void Without_a_command_named_first_the_root_has_every_command()
    {
        Assert.Equal(CliApp.Commands.Select(c => c.Name), CliApp.Create(Console).Subcommands.Select(c => c.Name));
        Assert.Equal(CliApp.Commands.Select(c => c.Name), CliApp.Create(Console, "lnit").Subcommands.Select(c => c.Name));
        Assert.Equal(CliApp.Commands.Select(c => c.Name), CliApp.Create(Console, "--help").Subcommands.Select(c => c.Name));
    }

    [Fact]
    public void A_command_named_first_is_built_alone_and_parses_as_in_the_whole_tree()
    {
        var alone = CliApp.Create(Console, "lint");
        Assert.Equal(["lint"], alone.Subcommands.Select(c => c.Name));

        string[] args = ["lint", "--format", "json", "--fail-on", "none", "a/Dockerfile", "b/Dockerfile"];
        var parsedAlone = alone.Parse(args);
        var parsedWhole = CliApp.Create(Console).Parse(args);
        Assert.Empty(parsedAlone.Errors);
        Assert.Equal(parsedWhole.CommandResult.Command.Name, parsedAlone.CommandResult.Command.Name);
        Assert.Equal(parsedWhole.GetValue<string[]>("PATH"), parsedAlone.GetValue<string[]>("PATH"));
        Assert.Equal("json", parsedAlone.GetValue<string>("--format"));
    }
}
