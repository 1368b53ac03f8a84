using System.Diagnostics;
using Xunit.Abstractions;

namespace Fluent.Docker.Tests.Fuzz;

/// <summary>
/// The fuzzed safety property (see <see cref="EmitParseFuzzer"/>). The suite runs 100,000 values, each through 6 of
/// the slots in turn (every slot sees about 14,000 values) to stay well under a minute on a small shared machine;
/// <c>./build.sh --target=Fuzz --count=N [--slots=all]</c> runs more (FLUENT_DOCKER_FUZZ_COUNT, _SLOTS, _SEED).
/// </summary>
[Trait("Category", "Fuzz")]
public class EmitParseFuzzTests(ITestOutputHelper output)
{
    private const int SuiteCount = 100_000;
    private const int SuiteSlotsPerValue = 6;

    [Fact]
    public void Every_value_in_every_slot_is_rejected_with_a_typed_error_or_reads_back_equal()
    {
        var count = int.TryParse(Environment.GetEnvironmentVariable("FLUENT_DOCKER_FUZZ_COUNT"), out var n) && n > 0 ? n : SuiteCount;
        var slots = Environment.GetEnvironmentVariable("FLUENT_DOCKER_FUZZ_SLOTS") is { } s
            ? (s == "all" ? int.MaxValue : int.Parse(s, System.Globalization.CultureInfo.InvariantCulture))
            : SuiteSlotsPerValue;
        var seed = int.TryParse(Environment.GetEnvironmentVariable("FLUENT_DOCKER_FUZZ_SEED"), out var given) ? given : 20_240_601;
        var clock = Stopwatch.StartNew();

        var report = EmitParseFuzzer.Run(count, seed, slots);

        output.WriteLine($"{report.Values} values (seed {seed}), {report.SlotTrials} slot trials: {report.Accepted} read back equal, " +
                         $"{report.Rejected} rejected with a typed error, {clock.Elapsed.TotalSeconds:F1} s");
        Assert.True(report.Failures.Count == 0, string.Join("\n\n", report.Failures));
        Assert.Equal(count, report.Values);
        // Both outcomes in quantity, or the property proves little.
        Assert.True(report.Accepted > count, $"only {report.Accepted} accepted slot values");
        Assert.True(report.Rejected > count, $"only {report.Rejected} rejected slot values");
    }

    [Fact]
    public void Every_slot_accepts_some_values_and_rejects_others()
    {
        var counts = FuzzSlots.All.ToDictionary(s => s.Name, _ => (Accepted: 0, Rejected: 0));
        var file = Dockerfile.Create().WithFrontend(BuilderProfile.DockerfileFrontend("1.20-labs"));
        var stage = Stage.Named("app").From("busybox:1.36");
        for (var i = 0; i < 3000; i++)
        {
            var input = EmitParseFuzzer.Input(7, i);
            foreach (var slot in FuzzSlots.All)
            {
                var ok = false;
                try { ok = DockerfileValidator.ValidateInstruction(file, stage, 0, slot.Build(input)).Count == 0; }
                catch (DockerValueException) { }
                var (accepted, rejected) = counts[slot.Name];
                counts[slot.Name] = ok ? (accepted + 1, rejected) : (accepted, rejected + 1);
            }
        }
        Assert.All(counts, c => Assert.True(c.Value.Accepted > 30 && c.Value.Rejected > 30, $"{c.Key}: {c.Value.Accepted} accepted, {c.Value.Rejected} rejected"));
    }
}
