using System.Globalization;
using System.Text;

namespace Fluent.Docker.Linting;

/// <summary>
/// One lint finding, located like a compiler error: the stage and instruction it points at (instruction 0 is the
/// stage's FROM; no stage means the file or a global ARG) and, when the text is known, the line.
/// </summary>
public sealed record LintDiagnostic(LintRule Rule, LintSeverity Severity, string Message)
{
    public string RuleId => Rule.Id;

    /// <summary>The stage name, or null for an unnamed stage or a file-level finding.</summary>
    public string? Stage { get; init; }

    /// <summary>0-based stage index, or null for a file-level finding.</summary>
    public int? StageIndex { get; init; }

    /// <summary>1-based instruction number after FROM; 0 for the FROM itself; null when the finding is not on an instruction.</summary>
    public int? InstructionNumber { get; init; }

    /// <summary>The keyword of the instruction (<c>RUN</c>), or null.</summary>
    public string? Keyword { get; init; }

    /// <summary>1-based line in the Dockerfile text (parsed or emitted), or null when unknown.</summary>
    public int? Line { get; init; }

    /// <summary>Why it was suppressed, for a suppressed finding (kept for the SARIF log); null otherwise.</summary>
    public string? SuppressedBecause { get; init; }

    public string Location
    {
        get
        {
            var text = new StringBuilder();
            if (StageIndex is { } index) text.Append(Stage is null ? $"stage #{index + 1}" : $"stage '{Stage}' (#{index + 1})");
            else text.Append("file");
            if (InstructionNumber is > 0) text.Append(CultureInfo.InvariantCulture, $", instruction {InstructionNumber}");
            if (Keyword is not null) text.Append(' ').Append(Keyword);
            return text.ToString();
        }
    }

    /// <summary><c>Dockerfile:12: warning FD0014: RUN changes directory… [stage 'build' (#1), instruction 3 RUN]</c>.</summary>
    public string Format(string file = "Dockerfile") =>
        $"{file}{(Line is { } line ? ":" + line : "")}: {Severity.ToString().ToLowerInvariant()} {RuleId}: {Message} [{Location}]";

    public override string ToString() => Format();
}
