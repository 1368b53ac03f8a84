using System.Globalization;
using System.Text;

namespace Fluent.Docker;

/// <summary>
/// A problem in a Dockerfile model, located like a compiler error: the stage, the instruction (1-based, after
/// FROM), its keyword, and the slot (e.g. <c>ENV value of APP_HOME</c>), with the reason and the fix.
/// </summary>
public sealed record DockerfileError(string? Stage, int? StageIndex, int? InstructionNumber, string? Keyword, string Slot, string Message, string Fix)
{
    /// <summary>The error class when the value has one (e.g. an <see cref="ImageReferenceError"/> or a <see cref="DockerIgnoreError"/>).</summary>
    public Enum? Code { get; init; }

    public string Location
    {
        get
        {
            var text = new StringBuilder();
            if (StageIndex is not null) text.Append(Stage is null ? $"stage #{StageIndex + 1}" : $"stage '{Stage}' (#{StageIndex + 1})");
            else text.Append("file");
            if (InstructionNumber is not null) text.Append(CultureInfo.InvariantCulture, $", instruction {InstructionNumber}");
            if (Keyword is not null) text.Append(' ').Append(Keyword);
            return text.ToString();
        }
    }

    public override string ToString() => $"{Location}, {Slot}: {Message} Fix: {Fix}";
}

/// <summary>Thrown when a model cannot be emitted; carries every <see cref="DockerfileError"/>, not just the first.</summary>
public sealed class DockerfileValidationException(IReadOnlyList<DockerfileError> errors)
    : Exception(Describe(errors))
{
    public IReadOnlyList<DockerfileError> Errors { get; } = errors;

    private static string Describe(IReadOnlyList<DockerfileError> errors) =>
        $"The Dockerfile has {errors.Count} problem(s):" + string.Concat(errors.Select(e => Environment.NewLine + "  " + e));
}
