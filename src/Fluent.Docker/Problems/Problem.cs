using System.Text.Json.Serialization;

namespace Fluent.Docker;

/// <summary>
/// One problem Fluent.Docker found, wherever it was found: a value that cannot be written, a model the emitter
/// refuses, a lint finding, a Dockerfile that cannot be read, a .dockerignore or lock BuildKit or the tool would
/// refuse, a template option, a build request buildx would reject. <see cref="Code"/> is a rule id of the catalogue
/// (<c>FD0010</c>, see <c>docs/rules/</c>) or a <see cref="ProblemCodes"/> family; <see cref="Location"/> says where,
/// <see cref="Fix"/> what to do.
/// </summary>
public sealed record Problem(string Code, ProblemSeverity Severity, ProblemLocation Location, string Message, string Fix)
{
    /// <summary>The finer class when the code has them (an <see cref="ImageReferenceError"/>, a <see cref="DockerIgnoreError"/>); null otherwise.</summary>
    [JsonIgnore]
    public Enum? Kind { get; init; }

    /// <summary>Why it was suppressed, for a lint finding suppressed on purpose (kept for the SARIF log); null otherwise.</summary>
    public string? SuppressedBecause { get; init; }

    public bool IsError => Severity == ProblemSeverity.Error;

    /// <summary>An error of <paramref name="code"/> at <paramref name="location"/>.</summary>
    public static Problem Error(string code, ProblemLocation location, string message, string fix) =>
        new(code, ProblemSeverity.Error, location, message, fix);

    /// <summary>A warning of <paramref name="code"/> at <paramref name="location"/>: reported, the work goes on.</summary>
    public static Problem Warning(string code, ProblemLocation location, string message, string fix) =>
        new(code, ProblemSeverity.Warning, location, message, fix);

    /// <summary>A value that cannot be written; the slot and place are added where the value is used (<see cref="At"/>).</summary>
    public static Problem InvalidValue(string message, string fix) =>
        new(ProblemCodes.InvalidValue, ProblemSeverity.Error, ProblemLocation.None, message, fix);

    /// <summary>The same problem at <paramref name="location"/>.</summary>
    public Problem At(ProblemLocation location) => this with { Location = location ?? throw new ArgumentNullException(nameof(location)) };

    /// <summary>Like a compiler error: <c>Dockerfile:12: warning FD0014: message [stage 'build' (#1), instruction 3 RUN]</c>.</summary>
    public string Format(string? file = null)
    {
        var where = (Location with { File = Location.File ?? file, Column = null }).TextPlace;
        var model = string.Join(", ", new[] { Location.ModelPlace, Location.Slot ?? "" }.Where(p => p.Length > 0));
        return $"{(where.Length > 0 ? where + ": " : "")}{Severity.ToString().ToLowerInvariant()} {Code}: {Message}{(model.Length > 0 ? $" [{model}]" : "")}";
    }

    /// <summary><c>stage 'app' (#1), instruction 2 RUN, --mount target: message Fix: fix</c>; without a location, <c>message Fix: fix</c>.</summary>
    public override string ToString()
    {
        var where = Location.ToString();
        return (where.Length > 0 ? where + ": " : "") + Message + (Fix.Length > 0 ? " Fix: " + Fix : "");
    }
}

/// <summary>An exception for a domain error a caller is expected to handle: the <see cref="Problem"/>s it stands for.</summary>
public interface IProblemException
{
    IReadOnlyList<Problem> Problems { get; }
}
