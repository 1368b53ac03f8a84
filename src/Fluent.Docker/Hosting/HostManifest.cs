using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using Fluent.Docker.Linting;

namespace Fluent.Docker.Hosting;

/// <summary>
/// What <c>describe</c> and <c>generate</c> report: every image of a definitions project with the files it generates,
/// or, when the definitions are invalid, no images and the typed <see cref="Problems"/>. The tool reads it back with
/// <see cref="Parse"/>; <see cref="Protocol"/> changes when the shape does (2: typed problems).
/// </summary>
public sealed record HostManifest(int Protocol, string LibraryVersion, IReadOnlyList<HostManifestImage> Images)
{
    public const int CurrentProtocol = 2;

    /// <summary>Why the host stopped (nothing was written); empty when it succeeded.</summary>
    public IReadOnlyList<HostProblem> Problems { get; init; } = [];

    /// <summary>The manifest of a host that stopped at <paramref name="problems"/>.</summary>
    public static HostManifest Failed(IReadOnlyList<HostProblem> problems) =>
        new(CurrentProtocol, LibraryVersionOf(typeof(HostManifest).Assembly), []) { Problems = problems ?? throw new ArgumentNullException(nameof(problems)) };

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>
    /// Validates and emits every image (throws <see cref="DockerfileValidationException"/> and the value exceptions) without
    /// writing; with <paramref name="lint"/>, also lints each model with its .dockerignore (<see cref="Linter.Lint(ImageDefinition, LintOptions?)"/>),
    /// so suppressions made in C# hold and lines point into the generated Dockerfile.
    /// </summary>
    public static HostManifest Describe(IReadOnlyList<ImageDefinition> images, string baseDirectory, bool lint = false)
    {
        var described = images.Select(image =>
        {
            var context = Path.GetFullPath(Path.Combine(baseDirectory, image.ContextDirectory));
            return new HostManifestImage(image.Name, [.. image.Platforms.Select(p => p.ToString())], context,
                Path.Combine(context, image.DockerfileName), Path.Combine(context, image.IgnoreFileName),
                image.Dockerfile.Emit(), image.Ignore.Emit())
            {
                Findings = lint ? HostLintFinding.From(Linter.Lint(image)) : null,
            };
        }).ToList();
        var clash = described.SelectMany(i => new[] { i.DockerfilePath, i.DockerIgnorePath }).GroupBy(p => p).FirstOrDefault(g => g.Count() > 1);
        if (clash is not null)
            throw new ArgumentException($"Two images write {clash.Key}. Fix: give each image its own context directory or Dockerfile name (WithDockerfileName).");
        return new HostManifest(CurrentProtocol, LibraryVersionOf(typeof(HostManifest).Assembly), described);
    }

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static HostManifest Parse(string json) =>
        JsonSerializer.Deserialize<HostManifest>(json, Json) ?? throw new FormatException("The manifest is empty.");

    /// <summary>The informational version without the source-revision suffix (<c>1.2.0+abc</c> → <c>1.2.0</c>).</summary>
    public static string LibraryVersionOf(Assembly assembly)
    {
        var version = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? assembly.GetName().Version?.ToString() ?? "0.0.0";
        var plus = version.IndexOf('+', StringComparison.Ordinal);
        return plus < 0 ? version : version[..plus];
    }
}

/// <summary>One image of a <see cref="HostManifest"/>: absolute paths, the text each file gets, and the lint findings when asked.</summary>
public sealed record HostManifestImage(
    string Name, IReadOnlyList<string> Platforms, string ContextDirectory,
    string DockerfilePath, string DockerIgnorePath, string Dockerfile, string DockerIgnore)
{
    /// <summary>The model's lint findings, suppressed ones included (with their reasons); null unless <c>describe --lint</c>.</summary>
    public IReadOnlyList<HostLintFinding>? Findings { get; init; }
}

/// <summary>A <see cref="LintDiagnostic"/> as the manifest carries it; <see cref="ToReport"/> rebuilds the report.</summary>
public sealed record HostLintFinding(
    string RuleId, LintSeverity Severity, string Message, int? Line, string? Stage, int? StageIndex, int? InstructionNumber, string? Keyword,
    string? SuppressedBecause)
{
    public static IReadOnlyList<HostLintFinding> From(LintReport report) =>
        [.. report.Diagnostics.Concat(report.Suppressed).Select(d => new HostLintFinding(
            d.RuleId, d.Severity, d.Message, d.Line, d.Stage, d.StageIndex, d.InstructionNumber, d.Keyword, d.SuppressedBecause))];

    /// <summary>The report the findings came from, with this library's rules (the manifest's protocol guarantees the same ids).</summary>
    public static LintReport ToReport(IReadOnlyList<HostLintFinding> findings)
    {
        var rules = Linter.Rules.ToDictionary(r => r.Id, StringComparer.Ordinal);
        var diagnostics = findings.Select(f => new LintDiagnostic(
            rules.TryGetValue(f.RuleId, out var rule) ? rule : throw new FormatException($"The definitions report rule {f.RuleId}, which this Fluent.Docker does not know."),
            f.Severity, f.Message)
        {
            Stage = f.Stage, StageIndex = f.StageIndex, InstructionNumber = f.InstructionNumber, Keyword = f.Keyword, Line = f.Line,
            SuppressedBecause = f.SuppressedBecause,
        }).ToList();
        return new LintReport([.. diagnostics.Where(d => d.SuppressedBecause is null)], [.. diagnostics.Where(d => d.SuppressedBecause is not null)], Linter.Rules);
    }
}
