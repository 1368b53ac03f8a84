using System.Text.RegularExpressions;
using Fluent.Docker.Emit;

namespace Fluent.Docker.Tests.Emit;

/// <summary>Small helpers shared by the emitter, escaping and validation tests.</summary>
internal static partial class EmitKit
{
    /// <summary>A named stage on a small pinned base, the usual start of a test model.</summary>
    public static Stage App(string name = "app") => Stage.Named(name).From("debian:bookworm-slim");

    /// <summary>A width no test line reaches: for tests about what a line says, not how it is laid out (FormatTests).</summary>
    public static EmitOptions Unwrapped { get; } = new() { Width = 1_000_000 };

    public static string EmitFile(params Stage[] stages) => Dockerfile.Create(stages).Emit();

    /// <summary>A labs frontend that knows COPY/ADD --exclude and COPY --parents (the builtin one of Docker 28 lacks --parents).</summary>
    public static BuilderProfile Labs { get; } = BuilderProfile.DockerfileFrontend("1.7-labs");

    public static string EmitLabsFile(params Stage[] stages) => Dockerfile.Create(stages).WithFrontend(Labs).Emit();

    /// <summary>The emitted lines after the FROM line of a one-stage file (directives and FROM dropped).</summary>
    public static string[] BodyLines(Func<Stage, Stage> build, EscapeToken escape = EscapeToken.Backslash, BuilderProfile? frontend = null)
    {
        var text = Dockerfile.Create(build(App())).WithEscape(escape).WithFrontend(frontend ?? BuilderProfile.Builtin).Emit(Unwrapped);
        Assert.EndsWith("\n", text);
        var lines = text[..^1].Split('\n');
        var from = Array.FindIndex(lines, l => l.StartsWith("FROM ", StringComparison.Ordinal));
        Assert.True(from >= 0, "no FROM line in:\n" + text);
        return lines[(from + 1)..];
    }

    /// <summary>The one line an instruction emits (fails if it emits more, e.g. a heredoc or a wrapped line).</summary>
    public static string Line(Func<Stage, Stage> build, EscapeToken escape = EscapeToken.Backslash, BuilderProfile? frontend = null) =>
        Assert.Single(BodyLines(build, escape, frontend));

    /// <summary>
    /// Reads Dockerfile text the way BuildKit's parser joins physical lines (frontend/dockerfile/parser): a line is
    /// continued when it ends with the escape character not preceded by another one (blanks after it allowed); the
    /// escape character is removed and the next line appended as is; continuation lines that are blank or start
    /// (after blanks) with '#' are skipped. Heredoc bodies are not handled: only for files without heredocs.
    /// Returns the logical lines that are not blank or comments.
    /// </summary>
    public static List<string> BuildKitLogicalLines(string text, char escape)
    {
        var continuation = escape == '`' ? BacktickContinuation() : BackslashContinuation();
        var physical = text.EndsWith('\n') ? text[..^1].Split('\n') : text.Split('\n');
        var logical = new List<string>();
        for (var i = 0; i < physical.Length; i++)
        {
            var line = physical[i].TrimStart();
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var ended = !continuation.IsMatch(line);
            if (!ended) line = continuation.Replace(line, "$1");
            while (!ended && ++i < physical.Length)
            {
                var next = physical[i];
                if (next.TrimStart().Length == 0 || next.TrimStart().StartsWith('#')) continue;
                ended = !continuation.IsMatch(next);
                line += ended ? next : continuation.Replace(next, "$1");
            }
            logical.Add(line);
        }
        return logical;
    }

    // BuildKit: `([^\` + s + `])\` + s + `[ \t]*$|^\` + s + `[ \t]*$`
    [GeneratedRegex(@"([^\\])\\[ \t]*$|^\\[ \t]*$")]
    private static partial Regex BackslashContinuation();

    [GeneratedRegex(@"([^`])`[ \t]*$|^`[ \t]*$")]
    private static partial Regex BacktickContinuation();

    /// <summary>Asserts where an error points, and that it explains itself (message and fix).</summary>
    public static void AssertAt(Problem error, string? stage, int? stageIndex, int? instruction, string? keyword, string slot)
    {
        Assert.Equal(stage, error.Location.Stage);
        Assert.Equal(stageIndex, error.Location.StageIndex);
        Assert.Equal(instruction, error.Location.InstructionNumber);
        Assert.Equal(keyword, error.Location.Keyword);
        Assert.Equal(slot, error.Location.Slot);
        Assert.False(string.IsNullOrWhiteSpace(error.Message), "error without message");
        Assert.False(string.IsNullOrWhiteSpace(error.Fix), "error without fix");
    }

    /// <summary>The logical line the emitter produces for an instruction, before any wrapping.</summary>
    public static string LogicalLine(Instruction instruction, EscapeToken escape = EscapeToken.Backslash) =>
        DockerfileEmitter.Instruction(new DockerfileSyntax(escape), instruction).Header;
}
