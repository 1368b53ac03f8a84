using System.Text.Json;
using Fluent.Docker.Linting;

namespace Fluent.Docker.Conformance;

/// <summary>
/// moby/buildkit's build-check tests (frontend/dockerfile/dockerfile_check_test.go, 85 Dockerfiles): each Dockerfile is
/// imported (<see cref="Linter.LintText"/>) and linted; the findings of the rules mapped to a BuildKit check must be
/// exactly the expected ones, by check and line. Two views, as BuildKit's test has them: a build of the final stage
/// (checks BuildKit runs while building a stage see only the stages the build needs) against "Warnings", and the lint
/// request over every stage against "UnmarshalWarnings" when given (BuildKit's test compares those without lines).
/// With <c>error=true</c> the failing rules must be the error-level findings.
/// </summary>
public sealed class BuildKitLintCorpus : ICorpus
{
    private const string LintViolation = "lint violation found for rules: ";

    public string Name => "buildkit-lint";

    public CorpusResult Run(string corporaRoot)
    {
        var cases = Directory.GetDirectories(Path.Combine(corporaRoot, "buildkit-lint")).Order(StringComparer.Ordinal).ToList();
        return CorpusResult.From(cases, Path.GetFileName, Check);
    }

    private static string? Check(string directory)
    {
        var text = File.ReadAllText(Path.Combine(directory, "Dockerfile"));
        using var expected = JsonDocument.Parse(File.ReadAllText(Path.Combine(directory, "expected.json")));
        // BuildKit's tests run the frontend of their own commit (73ed6825), newer than any release we pin: it knows
        // everything, # check=skip= comments above an instruction included.
        var options = LintOptions.Default.WithFrontend(BuilderProfile.CustomFrontend("docker/dockerfile-upstream:master"));
        if (expected.RootElement.TryGetProperty("FrontendAttrs", out var attrs))
            foreach (var attr in attrs.EnumerateObject().Where(a => a.Name.StartsWith("build-arg:", StringComparison.Ordinal)))
                options = options.WithBuildArg(attr.Name["build-arg:".Length..], attr.Value.GetString()!);
        var ignore = Path.Combine(directory, ".dockerignore");
        if (File.Exists(ignore)) options = options.WithDockerIgnore(DockerIgnore.Load(ignore));

        var build = Linter.LintText(text, options.WithScope(LintScope.Build()));
        var failure = Compare("build", Expected(expected.RootElement, "Warnings"), Found(build), withLines: true);

        var everyStage = Linter.LintText(text, options);
        var unmarshal = expected.RootElement.TryGetProperty("UnmarshalWarnings", out _);
        failure ??= Compare("lint", Expected(expected.RootElement, unmarshal ? "UnmarshalWarnings" : "Warnings"), Found(everyStage), withLines: !unmarshal);

        if (expected.RootElement.TryGetProperty("BuildErr", out var error) && error.GetString() is { } message && message.StartsWith(LintViolation, StringComparison.Ordinal))
        {
            var failing = build.Errors.Select(d => build.RuleOf(d).BuildKitCheck).OfType<string>().Distinct().Order(StringComparer.Ordinal);
            var listed = message[LintViolation.Length..].Split(", ").Order(StringComparer.Ordinal);
            if (!failing.SequenceEqual(listed)) failure ??= $"error=true: errors {string.Join(",", failing)}, BuildKit fails on {string.Join(",", listed)}";
        }
        return failure;
    }

    private static List<(string Check, int? Line)> Expected(JsonElement root, string property) =>
        root.TryGetProperty(property, out var warnings)
            ? [.. warnings.EnumerateArray().Select(w => (w.GetProperty("RuleName").GetString()!, (int?)w.GetProperty("Line").GetInt32()))]
            : [];

    private static List<(string Check, int? Line)> Found(LintReport report) =>
        [.. report.Diagnostics.Where(d => report.RuleOf(d).BuildKitCheck is not null).Select(d => (report.RuleOf(d).BuildKitCheck!, d.Location.Line))];

    private static string? Compare(string view, List<(string Check, int? Line)> expected, List<(string Check, int? Line)> found, bool withLines)
    {
        string Show(IEnumerable<(string Check, int? Line)> items) =>
            "[" + string.Join(", ", items.Select(i => withLines ? $"{i.Check}@{i.Line}" : i.Check).Order(StringComparer.Ordinal)) + "]";
        return Show(expected) == Show(found) ? null : $"{view}: expected {Show(expected)}, found {Show(found)}";
    }
}
