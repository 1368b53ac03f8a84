using Fluent.Docker.Conformance;
using Fluent.Docker.Conformance.Differential;
using Fluent.Docker.Tests.Engine;
using Xunit.Abstractions;

namespace Fluent.Docker.Tests.Linting;

/// <summary>
/// The lint checked against the real engine (issue 13, point 6): every Dockerfile we have — the corpora, examples/,
/// each template's output and our emitter's text for each file that reads as a typed model — is linted by
/// <see cref="Fluent.Docker.Linting.Linter.LintText"/> and checked by the lab engine's <c>docker buildx build
/// --call=check</c>; same checks, same lines, BuildKit's words, and BuildKit reads all we emit
/// (<see cref="BuildKitCheckDifferential"/>; <c>./build.sh --target=Conformance</c> prints the same run's line).
/// </summary>
[Trait("Category", "E2E")]
[Collection(DockerLabCollection.Name)]
public class BuildKitCheckDifferentialE2ETests(DockerLabFixture lab, ITestOutputHelper output)
{
    [Fact]
    public async Task Lint_and_BuildKit_agree_on_every_Dockerfile_we_have()
    {
        var result = await BuildKitCheckDifferential.RunAsync(Corpora.FindRoot(), lab.Buildx);

        output.WriteLine($"{result.Line} in {result.Duration.TotalSeconds:0}s");
        foreach (var outcome in result.Outcomes)
            foreach (var difference in outcome.DifferencesApplied) output.WriteLine($"  {outcome.Case.Name}: {difference}");
        // Every kind of Dockerfile is in the run, so a lost input shows up here and not as a quietly smaller N.
        Assert.All(Enum.GetValues<CheckCaseOrigin>(), origin => Assert.Contains(result.Outcomes, o => o.Case.Origin == origin));
        Assert.True(result.Complete, result.Line + "\n" + string.Join("\n", result.Failures));
    }
}
