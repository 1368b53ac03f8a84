using Fluent.Docker.Build;
using Fluent.Docker.Display;
using Fluent.Docker.Tests.Build;
using Spectre.Console;

namespace Fluent.Docker.Tests.Display;

/// <summary>Rendering the event stream (real rawjson from the lab): the plain step log CI shows, and the live display.</summary>
public class BuildProgressTests
{
    private static IReadOnlyList<BuildEvent> FailingRun => BuildEventParser.ParseAll(RawJsonCaptures.FailingRun);

    [Fact]
    public void Plain_log_writes_one_line_per_step_change_then_the_failure_with_its_line_and_output()
    {
        var lines = new List<string>();
        var writer = BuildEventText.Writer(lines.Add);

        foreach (var e in FailingRun) writer.Report(e);

        var text = string.Join("\n", lines);
        Assert.Contains("[2/4] COPY greeting.txt /greeting.txt CACHED", lines);
        Assert.Contains("""[4/4] RUN echo "compiling app" && echo "warning: something on stderr" >&2 && echo "last words" && exit 3 …""", lines);
        Assert.Contains("warning: FromAsCasing: 'as' and 'FROM' keywords' casing do not match (line 1) (https://docs.docker.com/go/dockerfile/rule/from-as-casing/)", lines);
        Assert.Contains(string.Join(Environment.NewLine,
            """[4/4] RUN echo "compiling app" && echo "warning: something on stderr" >&2 && echo "last words" && exit 3 ERROR at Dockerfile:4: process "/bin/sh -c echo \"compiling app\" && echo \"warning: something on stderr\" >&2 && echo \"last words\" && exit 3" did not complete successfully: exit code: 3""",
            "  > compiling app",
            "  > warning: something on stderr",
            "  > last words"), lines);
        Assert.StartsWith("ERROR: failed to build: failed to solve:", lines[^1]);
        Assert.DoesNotContain("[internal] load build context …", lines); // BuildKit's own steps show only when they end
        Assert.DoesNotContain("\"vertexes\"", text, StringComparison.Ordinal); // decoded, never quoted JSON
    }

    [Fact]
    public void Plain_log_with_details_adds_run_output()
    {
        var lines = new List<string>();
        var writer = BuildEventText.Writer(lines.Add, details: true);

        foreach (var e in FailingRun) writer.Report(e);

        Assert.Contains(lines, l => l.EndsWith(": last words", StringComparison.Ordinal) && l.StartsWith("[4/4] RUN", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_console_that_is_not_interactive_gets_the_plain_log()
    {
        var output = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors, Interactive = InteractionSupport.No, Out = new AnsiConsoleOutput(output) });
        console.Profile.Width = 400;

        var result = await BuildProgressDisplay.RunAsync(progress =>
        {
            foreach (var e in BuildEventParser.ParseAll(RawJsonCaptures.MultiPlatformCanceled)) progress.Report(e);
            return Task.FromResult(7);
        }, console);

        Assert.Equal(7, result);
        var text = output.ToString();
        Assert.Contains("[linux/amd64 3/3] RUN if", text);
        Assert.Contains("CANCELED", text);
        Assert.Contains("ERROR at Dockerfile:3", text);
        Assert.Contains("  > arm64 says no", text);
    }

    [Fact]
    public async Task An_interactive_console_gets_a_bar_per_platform_and_the_warnings_below()
    {
        var output = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Ansi = AnsiSupport.Yes, ColorSystem = ColorSystemSupport.NoColors, Interactive = InteractionSupport.Yes, Out = new AnsiConsoleOutput(output) });
        console.Profile.Width = 200;

        await BuildProgressDisplay.RunAsync(progress =>
        {
            foreach (var e in BuildEventParser.ParseAll(RawJsonCaptures.MultiPlatformCanceled).Concat(FailingRun.OfType<BuildEvent.Warning>())) progress.Report(e);
            return Task.FromResult(0);
        }, console);

        var text = output.ToString();
        Assert.Contains("linux/amd64", text);
        Assert.Contains("linux/arm64", text);
        Assert.Contains("warning: FromAsCasing", text);
    }
}
