using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Fluent.Docker.IO;
using Fluent.Docker.Linting;

namespace Fluent.Docker.Workflow;

/// <summary>A Dockerfile to lint as text: the name findings are reported under, its text, and the .dockerignore its build uses.</summary>
public sealed record LintTarget(string DisplayPath, string Text, string? DockerIgnore);

/// <summary>What the rule engine found in one Dockerfile (and, for a model, the problems that keep it from being emitted).</summary>
public sealed record LintedFile(string DisplayPath, LintReport Report)
{
    /// <summary>The image the Dockerfile belongs to, when it came from a definition.</summary>
    public string? ImageName { get; init; }

    /// <summary>Problems of the model itself (<see cref="Dockerfile.Validate"/>): the Dockerfile cannot be emitted until they are fixed.</summary>
    public IReadOnlyList<Problem> ModelProblems { get; init; } = [];
}

/// <summary>One line of a lint run as a log shows it, at its severity.</summary>
public sealed record LintMessage(ProblemSeverity Severity, string Text)
{
    public override string ToString() => Text;
}

public static partial class FileWorkflow
{
    /// <summary>
    /// Lints each definition: the model's problems (<see cref="Dockerfile.Validate"/>), then the rules with the image's
    /// .dockerignore (<see cref="Linter.Lint(ImageDefinition, LintOptions?)"/>), lines pointing into the emitted Dockerfile.
    /// </summary>
    public static LintRun Lint(IEnumerable<ImageDefinition> images, LintOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(images);
        return new LintRun([.. images.Select(image => new LintedFile(image.DockerfileName, Linter.Lint(image, options))
        {
            ImageName = image.Name,
            ModelProblems = image.Dockerfile.Validate(),
        })]);
    }

    /// <summary>
    /// Lints Dockerfile texts as BuildKit reads them (lines, casing and comments as written), each with the
    /// .dockerignore its build uses. A text not even the parser reads throws <see cref="FormatException"/>
    /// (<c>PATH:LINE:COLUMN: reason</c>); one BuildKit would stop reading part-way is reported in its
    /// <see cref="LintReport.ReadProblem"/>.
    /// </summary>
    public static LintRun LintFiles(IEnumerable<LintTarget> targets, LintOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(targets);
        return new LintRun([.. targets.Select(target =>
        {
            try
            {
                return new LintedFile(target.DisplayPath, Linter.LintText(target.Text, OptionsFor(target, options)));
            }
            catch (Parsing.DockerfileParseException e)
            {
                throw Unreadable(target, e);
            }
        })]);
    }

    /// <summary>
    /// <see cref="LintFiles"/> with <paramref name="engine"/> answering for the base images, so the checks BuildKit
    /// makes on the images it pulls run too (InvalidBaseImagePlatform).
    /// </summary>
    public static async Task<LintRun> LintFilesAsync(IEnumerable<LintTarget> targets, IBaseImageResolver engine, LintOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(targets);
        var linted = new List<LintedFile>();
        foreach (var target in targets)
        {
            try
            {
                linted.Add(new LintedFile(target.DisplayPath, await Linter.LintTextAsync(target.Text, engine, OptionsFor(target, options), cancellationToken)));
            }
            catch (Parsing.DockerfileParseException e)
            {
                throw Unreadable(target, e);
            }
        }
        return new LintRun(linted);
    }

    /// <summary>The options with the target's own .dockerignore.</summary>
    private static LintOptions OptionsFor(LintTarget target, LintOptions? options) =>
        target.DockerIgnore is { } ignore ? (options ?? LintOptions.Default).WithDockerIgnore(DockerIgnore.Parse(ignore)) : options ?? LintOptions.Default;

    private static FormatException Unreadable(LintTarget target, Parsing.DockerfileParseException e) =>
        new($"{target.DisplayPath}:{e.Line}:{e.Column}: {e.Reason}", e);
}

/// <summary>
/// What a lint of several Dockerfiles found, file by file. Renders as text, JSON, or one SARIF 2.1.0 run for every
/// file; <see cref="HasFindingsAtOrAbove"/> and <see cref="FailureCount"/> decide whether a run fails.
/// </summary>
public sealed record LintRun(IReadOnlyList<LintedFile> Files)
{
    // Messages quote names ('debian'): keep them readable rather than \u0027-escaped.
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The files BuildKit would stop reading part-way.</summary>
    public IReadOnlyList<LintedFile> Unreadable => [.. Files.Where(f => f.Report.ReadProblem is not null)];

    /// <summary>Model problems plus error findings: what makes an in-process lint fail.</summary>
    public int FailureCount => Files.Sum(f => f.ModelProblems.Count + f.Report.Errors.Count());

    /// <summary>True when a finding has <paramref name="threshold"/> or a higher severity.</summary>
    public bool HasFindingsAtOrAbove(ProblemSeverity threshold) => Files.Any(f => f.Report.Diagnostics.Any(d => d.Severity >= threshold));

    /// <summary>Each file's findings, one line each (<see cref="LintReport.ToText"/>), with a count line per file.</summary>
    public string ToText() => string.Concat(Files.Select(f => f.Report.ToText(f.DisplayPath)));

    /// <summary>One SARIF 2.1.0 run for every file: the union of the rules, each result pointing at its own file.</summary>
    public string ToSarif() =>
        (Files.Count == 0 ? new LintReport([], [], Linter.Rules).ToSarif() : SarifLog.Write([.. Files.Select(f => (f.Report, f.DisplayPath))])) + "\n";

    /// <summary>One object per file: its findings (rule, severity, message, line, place in the model), suppressed ones counted.</summary>
    public string ToJson() => JsonSerializer.Serialize(new
    {
        files = Files.Select(f => new
        {
            file = f.DisplayPath,
            findings = f.Report.Diagnostics.Select(d => new
            {
                rule = d.Code,
                severity = d.Severity.ToString().ToLowerInvariant(),
                message = d.Message,
                line = d.Location.Line,
                stage = d.Location.Stage,
                stageIndex = d.Location.StageIndex,
                instruction = d.Location.InstructionNumber,
                keyword = d.Location.Keyword,
                help = f.Report.RuleOf(d).HelpLink,
            }),
            suppressed = f.Report.Suppressed.Count,
            readProblem = f.Report.ReadProblem is { } p ? $"{p.Location.Line}:{p.Location.Column}: {p.Message}" : null,
        }),
    }, Indented) + "\n";

    /// <summary>
    /// What a build log shows, each at its severity: per image its model problems (errors), its findings
    /// (<c>image: file:line: …</c>), or "no problems".
    /// </summary>
    public IReadOnlyList<LintMessage> Messages()
    {
        var messages = new List<LintMessage>();
        foreach (var file in Files)
        {
            var prefix = (file.ImageName ?? file.DisplayPath) + ": ";
            messages.AddRange(file.ModelProblems.Select(p => new LintMessage(ProblemSeverity.Error, prefix + p)));
            messages.AddRange(file.Report.Diagnostics.Select(d => new LintMessage(d.Severity, prefix + d.Format(file.DisplayPath))));
            if (file.Report.ReadProblem is { } read) messages.Add(new LintMessage(ProblemSeverity.Error, $"{prefix}{file.DisplayPath}:{read.Location.Line}:{read.Location.Column}: {read.Message}"));
            if (file.ModelProblems.Count == 0 && file.Report.Diagnostics.Count == 0 && file.Report.ReadProblem is null)
                messages.Add(new LintMessage(ProblemSeverity.Info, prefix + "no problems"));
        }
        return messages;
    }

    /// <summary>
    /// Writes one SARIF 2.1.0 log per file into <paramref name="directory"/>, named after its image
    /// (<c>team-api.sarif</c>) or file; returns the paths. Each file is written atomically.
    /// </summary>
    public IReadOnlyList<string> WriteSarifPerFile(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        Directory.CreateDirectory(directory);
        return [.. Files.Select(file =>
        {
            var target = Path.Combine(directory, SafeName(file.ImageName ?? file.DisplayPath) + ".sarif");
            AtomicFile.WriteAllText(target, file.Report.ToSarif(file.DisplayPath));
            return target;
        })];
    }

    private static string SafeName(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (var c in name) builder.Append(c is '/' or '\\' or ':' ? '-' : c);
        return builder.ToString();
    }
}
