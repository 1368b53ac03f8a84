using Fluent.Docker.Build;
using Fluent.Docker.Conformance;
using Fluent.Docker.Conformance.Differential;
using Fluent.Docker.Tests.Engine;
using System.Collections.Immutable;

namespace Fluent.Docker.Tests.Frontend;

/// <summary>
/// The builtin frontend row of the feature catalogue, checked against the lab's engine (Docker 28.5): BuildKit reads
/// each feature's sample with its builtin frontend exactly when <see cref="BuilderProfile.Builtin"/> says it knows
/// the feature. (No <c># syntax=</c> frontend image can be pulled here, so pinned versions are checked by the unit tests.)
/// </summary>
[Trait("Category", "E2E")]
[Collection(DockerLabCollection.Name)]
public class BuiltinFrontendFeaturesE2ETests(DockerLabFixture lab)
{
    public static TheoryData<string> Features() => new(DockerfileFeature.All.Select(f => f.Name));

    [Theory]
    [MemberData(nameof(Features))]
    public async Task The_engine_s_builtin_frontend_reads_a_feature_exactly_when_the_builtin_profile_knows_it(string name)
    {
        var feature = DockerfileFeature.All.Single(f => f.Name == name);
        // Emitted for a frontend that knows everything; the builtin frontend then reads the same text without a directive.
        var text = BuildKitChecker.WithBuiltinFrontend(FeatureSamples.For(feature).WithFrontend(BuilderProfile.DockerfileFrontend("1-labs")).Emit());
        var directory = Path.Combine(lab.WorkDirectory, "builtin-" + string.Concat(name.Select(c => char.IsLetterOrDigit(c) ? c : '_')));
        Directory.CreateDirectory(directory);
        await File.WriteAllTextAsync(Path.Combine(directory, "Dockerfile"), text);
        File.WriteAllText(Path.Combine(directory, "a"), "a");

        string? refusal;
        try { refusal = (await lab.Buildx.CheckAsync(new BuildRequest(directory))).Error?.Message; }
        catch (BuildxException e) { refusal = e.Message; }

        var knows = BuilderProfile.Builtin.Knows(feature);
        Assert.True(knows == refusal is null, $"builtin profile knows {name}: {knows}; BuildKit: {refusal ?? "read it"}\n{text}");
        // A refusal is BuildKit's word about this very flag, not an engine that failed for another reason.
        if (refusal is not null) Assert.Contains(Flag(feature), refusal, StringComparison.OrdinalIgnoreCase);
    }

    private static string Flag(DockerfileFeature feature) =>
        feature.Name.Split(' ').FirstOrDefault(w => w.StartsWith("--", StringComparison.Ordinal))?.Split('=')[0].TrimStart('-') ?? feature.Name;
}
