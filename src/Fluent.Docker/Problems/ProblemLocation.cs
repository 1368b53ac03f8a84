using System.Globalization;
using System.Text;

namespace Fluent.Docker;

/// <summary>
/// Where a <see cref="Problem"/> is, as precisely as the finder knows it: a file and its line and column; in a
/// Dockerfile model, a global ARG or a stage, the instruction of the stage (0 is its FROM) and its keyword; and the
/// slot (the value or option at fault: <c>ENV value of APP_HOME</c>, <c>--mount target</c>, <c>BuildRequest.Output</c>,
/// a template option, <c>pattern 3</c> of a .dockerignore). Every part is optional; <see cref="None"/> has none.
/// </summary>
public sealed record ProblemLocation
{
    public static ProblemLocation None { get; } = new();

    /// <summary>The file the problem is in, as the caller named it (<c>Dockerfile</c>, <c>.dockerignore</c>, a lock file), or null.</summary>
    public string? File { get; init; }

    /// <summary>1-based line in <see cref="File"/> (or in the Dockerfile text the model was read from or emitted to), or null.</summary>
    public int? Line { get; init; }

    /// <summary>1-based column on <see cref="Line"/>, or null.</summary>
    public int? Column { get; init; }

    /// <summary>0-based index of the global ARG (before the first FROM) at fault, or null.</summary>
    public int? GlobalArgIndex { get; init; }

    /// <summary>The stage's name, or null for an unnamed stage or a problem outside any stage.</summary>
    public string? Stage { get; init; }

    /// <summary>0-based index of the stage, or null for a problem outside any stage.</summary>
    public int? StageIndex { get; init; }

    /// <summary>1-based number of the instruction after the stage's FROM; 0 for the FROM itself; null when not on an instruction.</summary>
    public int? InstructionNumber { get; init; }

    /// <summary>The instruction's keyword (<c>RUN</c>), or null.</summary>
    public string? Keyword { get; init; }

    /// <summary>The value or option at fault, or null when the problem is the whole place.</summary>
    public string? Slot { get; init; }

    /// <summary>Nothing but a slot: a template option, a <c>BuildRequest</c> property, a host argument.</summary>
    public static ProblemLocation InSlot(string slot) => new() { Slot = slot };

    /// <summary>A line (and column) of a file's text.</summary>
    public static ProblemLocation AtLine(int line, int? column = null, string? file = null) => new() { File = file, Line = line, Column = column };

    /// <summary>A stage's FROM (<paramref name="instructionNumber"/> 0) or one of its instructions.</summary>
    public static ProblemLocation InStage(string? stage, int stageIndex, int? instructionNumber = null, string? keyword = null) =>
        new() { Stage = stage, StageIndex = stageIndex, InstructionNumber = instructionNumber, Keyword = keyword };

    /// <summary>A global ARG (0-based index among the ARGs before the first FROM).</summary>
    public static ProblemLocation InGlobalArg(int index) => new() { GlobalArgIndex = index, Keyword = "ARG" };

    public ProblemLocation WithSlot(string? slot) => this with { Slot = slot };

    /// <summary>True when no part is known.</summary>
    public bool IsNone => Equals(None);

    /// <summary>
    /// The place in the model: <c>stage 'build' (#1), instruction 3 RUN</c>, <c>stage #2</c> (its FROM is instruction 0),
    /// <c>global ARG #2</c>; empty when the location has no model part.
    /// </summary>
    public string ModelPlace
    {
        get
        {
            var text = new StringBuilder();
            if (StageIndex is { } index) text.Append(Stage is null ? $"stage #{index + 1}" : $"stage '{Stage}' (#{index + 1})");
            else if (GlobalArgIndex is { } arg) return $"global ARG #{arg + 1}";
            if (InstructionNumber is > 0) text.Append(text.Length > 0 ? ", " : "").Append(CultureInfo.InvariantCulture, $"instruction {InstructionNumber}");
            if (Keyword is not null) text.Append(text.Length > 0 ? " " : "").Append(Keyword);
            return text.ToString();
        }
    }

    /// <summary><c>Dockerfile:12:3</c>, <c>Dockerfile</c>, <c>12</c> or empty: the file and text position alone.</summary>
    public string TextPlace
    {
        get
        {
            var text = new StringBuilder(File ?? "");
            if (Line is { } line)
            {
                if (text.Length > 0) text.Append(':');
                text.Append(line.ToString(CultureInfo.InvariantCulture));
                if (Column is { } column) text.Append(':').Append(column.ToString(CultureInfo.InvariantCulture));
            }
            return text.ToString();
        }
    }

    /// <summary>Every known part, most general first: <c>Dockerfile:12, stage 'app' (#1), instruction 2 RUN, --mount target</c>.</summary>
    public override string ToString() => string.Join(", ", new[] { TextPlace, ModelPlace, Slot ?? "" }.Where(p => p.Length > 0));
}
