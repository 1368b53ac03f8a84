using System.Collections.Concurrent;
using Fluent.Docker.Parsing;

namespace Fluent.Docker.Tests.Fuzz;

/// <summary>
/// The emitter's safety property, checked on generated values: every value in every typed slot either gets a typed
/// validation error, or the emitted file reads back to exactly the model it came from (<c>Parse(Emit(x)) == x</c>).
/// Each value fills its slots in one stage (slots that reject it are left out), plus a global ARG default and a
/// FROM; every other file uses the backtick escape token. Values are generated per index, so a failure names the
/// seed and index that reproduce it.
/// </summary>
internal static class EmitParseFuzzer
{
    /// <summary>Labs frontend, so COPY --exclude/--parents are slots too.</summary>
    private static readonly BuilderProfile Frontend = BuilderProfile.DockerfileFrontend("1.20-labs");

    internal sealed record Report(int Values, int SlotTrials, int Accepted, int Rejected, IReadOnlyList<string> Failures);

    /// <summary>
    /// Runs <paramref name="count"/> values; each goes through <paramref name="slotsPerValue"/> slots, taken in turn
    /// so that every slot sees count × slotsPerValue / slots values (all slots when it is at least their number).
    /// </summary>
    public static Report Run(int count, int seed, int slotsPerValue)
    {
        var failures = new ConcurrentQueue<string>();
        long accepted = 0, rejected = 0, trials = 0;
        Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, Environment.ProcessorCount) }, index =>
        {
            if (failures.Count >= 20) return;
            var outcome = Check(seed, index, slotsPerValue);
            Interlocked.Add(ref accepted, outcome.Accepted);
            Interlocked.Add(ref rejected, outcome.Rejected);
            Interlocked.Add(ref trials, outcome.Accepted + outcome.Rejected);
            if (outcome.Failure is { } failure) failures.Enqueue($"seed {seed}, value #{index}: {failure}");
        });
        return new Report(count, (int)trials, (int)accepted, (int)rejected, [.. failures]);
    }

    /// <summary>The generated value for <paramref name="index"/>: reproducible from (seed, index) alone.</summary>
    public static FuzzInput Input(int seed, int index)
    {
        var values = new FuzzValues(unchecked(seed * 1_000_003 + index));
        var duration = values.Next(4) switch
        {
            0 => TimeSpan.Zero,
            1 => TimeSpan.FromTicks(values.Next(1_000_000_000)),
            2 => TimeSpan.FromSeconds(values.Next(100_000)),
            _ => TimeSpan.FromMilliseconds(values.Next(1000) - 10),
        };
        return new FuzzInput(values.Text(), values.Value(), values.Words(), values.Name(), duration);
    }

    private readonly record struct Outcome(int Accepted, int Rejected, string? Failure);

    private static Outcome Check(int seed, int index, int slotsPerValue)
    {
        var input = Input(seed, index);
        var file = Dockerfile.Create().WithFrontend(Frontend).WithEscape(index % 2 == 0 ? EscapeToken.Backslash : EscapeToken.Backtick);
        var stage = Stage.Named("app").From("busybox:1.36");
        var slots = new List<string>();
        var rejected = 0;
        var all = FuzzSlots.All;
        var take = Math.Min(slotsPerValue, all.Count);
        for (var k = 0; k < take; k++)
        {
            var slot = all[(int)(((long)index * take + k) % all.Count)];
            Instruction instruction;
            try
            {
                instruction = slot.Build(input);
            }
            catch (DockerValueException)
            {
                rejected++; // an explicit Parse method's typed error
                continue;
            }
            if (DockerfileValidator.ValidateInstruction(file, stage, 0, instruction).Count > 0)
            {
                rejected++;
                continue;
            }
            stage = stage.Append(instruction);
            slots.Add(slot.Name);
        }

        // File-level slots: a frontend image, a check to skip, a global ARG default, a FROM naming an image with ARGs and
        // a stage name.
        try
        {
            var custom = file.WithFrontend(BuilderProfile.CustomFrontend(input.Name + "/dockerfile:" + input.Text));
            if (custom.WithStage(stage).Validate().Count == 0) file = custom;
            else rejected++;
        }
        catch (DockerValueException)
        {
            rejected++;
        }
        var checks = file.WithChecks(new CheckDirective { Skip = ValueList.Of(input.Name) });
        if (checks.WithStage(stage).Validate().Count == 0) file = checks;
        else rejected++;
        var globalArg = new BuildArg("FUZZ", input.Value);
        var withArg = file.WithGlobalArg(globalArg);
        if (withArg.WithStage(Stage.Named("a").FromScratch()).Validate().Count == 0) file = withArg;
        else rejected++;
        var fromStage = (input.Name.All(c => char.IsAsciiLetterLower(c) || c is '-' or '.' or '_') && input.Name.Length > 1 && input.Name != "app"
            ? Stage.Named(input.Name) : Stage.Named("from")).FromExpanded(input.Value);
        var stages = file.WithStage(stage).WithStage(fromStage).Validate().Count == 0 ? new[] { stage, fromStage } : [stage];
        if (stages.Length == 1) rejected++;
        file = file.WithStages(stages);
        var accepted = slots.Count + stages.Length - 1 + file.GlobalArgs.Count + (file.Frontend != Frontend ? 1 : 0) + (file.Checks is null ? 0 : 1);

        string text;
        try
        {
            text = file.Emit();
        }
        catch (Exception e)
        {
            return new Outcome(accepted, rejected, $"Emit threw {e.GetType().Name} for {Describe(input)}: {e.Message}");
        }
        Dockerfile parsed;
        try
        {
            parsed = Dockerfile.Parse(text);
        }
        catch (Exception e)
        {
            return new Outcome(accepted, rejected, $"Parse threw {e.GetType().Name} for {Describe(input)}: {e.Message}\n--- emitted\n{Excerpt(text)}");
        }
        // Equal, or equal but for the blanks between the words of a shell-form command the emitter wrapped (BuildKit keeps a
        // continuation line's indentation inside the command: the same command for the shell, FormatTests).
        if (parsed.Equals(file)) return new Outcome(accepted, rejected, null);
        if (Fluent.Docker.Emit.ShellWords.LayoutInsensitive(parsed).Equals(Fluent.Docker.Emit.ShellWords.LayoutInsensitive(file))
            && text.Contains(" \\\n", StringComparison.Ordinal)) return new Outcome(accepted, rejected, null);

        var read = parsed.Stages[0].Instructions;
        for (var i = 0; i < slots.Count; i++)
            if (i >= read.Count || !read[i].Equals(stage.Instructions[i]))
                return new Outcome(accepted, rejected, $"slot '{slots[i]}' did not read back for {Describe(input)}:\n  model {stage.Instructions[i]}\n  read  {(i < read.Count ? read[i] : "nothing")}");
        return new Outcome(accepted, rejected, $"file did not read back for {Describe(input)}: {ModelDifferenceText(file, parsed)}");
    }

    private static string ModelDifferenceText(Dockerfile expected, Dockerfile actual) => Conformance.ModelDifference.Describe(expected, actual);

    private static string Describe(FuzzInput input) =>
        $"text {Excerpt(GoText.Quote(input.Text))}, value {Excerpt(GoText.Quote(input.Value.ToString()))}, words [{string.Join(", ", input.Words.Select(w => Excerpt(GoText.Quote(w))))}]";

    private static string Excerpt(string text) => text.Length > 2000 ? text[..2000] + $"… ({text.Length} chars)" : text;
}
