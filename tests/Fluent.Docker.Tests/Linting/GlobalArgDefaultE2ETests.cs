using System.Diagnostics;
using System.Text.Json;
using Fluent.Docker.Linting;
using Fluent.Docker.Tests.Engine;

namespace Fluent.Docker.Tests.Linting;

/// <summary>
/// Global ARG defaults that read BuildKit's automatic platform ARGs (issue 13): the lint reports the checks the lab
/// engine's <c>docker buildx build --call=check</c> reports, no more and no fewer.
/// </summary>
[Trait("Category", "E2E")]
[Collection(DockerLabCollection.Name)]
public class GlobalArgDefaultE2ETests(DockerLabFixture lab)
{
    [Theory]
    [InlineData("platform-arg-tag-suffix", "ARG FLAVOR=${TARGETARCH}\nFROM busybox:1.36-${FLAVOR}\n")]
    [InlineData("platform-arg-tag", "ARG FLAVOR=${TARGETARCH}\nFROM busybox:${FLAVOR}\n")]
    [InlineData("undefined-arg-tag", "ARG FLAVOR=${NOPE}\nFROM busybox:${FLAVOR}\n")]
    public async Task Lint_reports_the_checks_BuildKit_reports(string name, string text)
    {
        var engine = await EngineChecksAsync(name, text);
        var ours = Linter.LintText(text).Diagnostics.Where(d => d.Rule().BuildKitCheck is not null).Select(d => $"{d.Rule().BuildKitCheck}@{d.Location.Line}");
        Assert.Equal(engine, ours.Order(StringComparer.Ordinal));
    }

    /// <summary>The checks (rule@line) <c>docker buildx build --call=check,format=json</c> reports for <paramref name="text"/>.</summary>
    private async Task<IReadOnlyList<string>> EngineChecksAsync(string name, string text)
    {
        var directory = Path.Combine(lab.WorkDirectory, "check-" + name);
        Directory.CreateDirectory(directory);
        await File.WriteAllTextAsync(Path.Combine(directory, "Dockerfile"), text);
        var start = new ProcessStartInfo("docker") { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "buildx", "build", "--call=check,format=json", "-f", "Dockerfile", "." }) start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("docker did not start.");
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        // The engine may also fail to resolve the image (a build error): the checks are reported all the same.
        var json = stdout.IndexOf('{', StringComparison.Ordinal) is >= 0 and var at ? stdout[at..]
            : throw new InvalidOperationException($"docker buildx build --call=check printed no JSON: {await stderr}");
        using var result = JsonDocument.Parse(json);
        if (!result.RootElement.TryGetProperty("warnings", out var warnings) || warnings.ValueKind != JsonValueKind.Array) return [];
        return warnings.EnumerateArray()
            .Select(w => $"{w.GetProperty("ruleName").GetString()}@{w.GetProperty("location").GetProperty("ranges")[0].GetProperty("start").GetProperty("line").GetInt32()}")
            .Order(StringComparer.Ordinal).ToList();
    }
}
