using Fluent.Docker.Build;

namespace Fluent.Docker.Tests.Build;

public class BuildxExceptionTests
{
    private const string Tail = """
        #5 ERROR: process "/bin/sh -c false" did not complete successfully: exit code: 1
        ------
         > [2/2] RUN false:
        ------
        ERROR: failed to solve: process "/bin/sh -c false" did not complete successfully: exit code: 1
        """;

    [Fact]
    public void Message_leads_with_the_failure_and_its_fix_then_buildxs_last_error_line()
    {
        var lines = new BuildxException(1, "docker buildx build .", Tail).Message.Split(Environment.NewLine);

        Assert.Equal("a Dockerfile step failed: exit code 1. Fix: correct the instruction, or the files and images it uses.", lines[0]);
        Assert.StartsWith("docker buildx failed (exit code 1): ERROR: failed to solve: process \"/bin/sh -c false\"", lines[1]);
    }

    [Fact]
    public void An_unclassified_failure_leads_with_buildxs_last_error_line() =>
        Assert.StartsWith("docker buildx failed (exit code 1): ERROR: failed to solve: failed to read dockerfile",
            new BuildxException(1, "docker buildx build .", "ERROR: failed to solve: failed to read dockerfile: open Dockerfile: no such file or directory").Message);

    [Fact]
    public void Message_carries_the_command_and_the_output_tail()
    {
        var message = new BuildxException(1, "docker buildx build .", Tail).Message;
        Assert.Contains("Command: docker buildx build .", message);
        Assert.Contains("> [2/2] RUN false:", message);
    }

    [Fact]
    public void Without_an_error_line_the_last_line_leads() =>
        Assert.Equal("something odd", new BuildxException(2, "docker x", "first\nsomething odd\n").ErrorLine);
}
