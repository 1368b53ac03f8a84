using Fluent.Docker.Build;
using Fluent.Docker.Linting;
using Fluent.Docker.Parsing;

namespace Fluent.Docker.Conformance.Differential;

/// <summary>One check at one line with its message, from either side.</summary>
public sealed record CheckFinding(string Check, int? Line, string Message)
{
    public string Key => $"{Check}@{Line}";

    public override string ToString() => $"{Key}: {Message}";
}

/// <summary>What one case gave on each side, and why it failed (null when it passed).</summary>
public sealed record DifferentialOutcome(CheckCase Case, IReadOnlyList<CheckFinding> Ours, IReadOnlyList<CheckFinding> BuildKit, string? Failure, IReadOnlyList<string> DifferencesApplied);

/// <summary>The whole run: one outcome per case.</summary>
public sealed record DifferentialResult(IReadOnlyList<DifferentialOutcome> Outcomes, TimeSpan Duration)
{
    public int Total => Outcomes.Count;
    public int Passed => Outcomes.Count(o => o.Failure is null);
    public bool Complete => Total > 0 && Passed == Total;
    public IEnumerable<string> Failures => Outcomes.Where(o => o.Failure is not null).Select(o => $"{o.Case.Name}: {o.Failure}");

    /// <summary>The conformance line: <c>buildkit-check-differential: passed/total</c>.</summary>
    public string Line => $"{BuildKitCheckDifferential.Name}: {Passed}/{Total}";
}

/// <summary>
/// The lint checked against the real engine (issue 13): every Dockerfile the repository has (<see cref="CheckCases"/>)
/// is linted by <see cref="Linter.LintText"/> and checked by BuildKit (<see cref="BuildKitChecker"/>), and each case
/// requires
/// <list type="bullet">
/// <item>the same BuildKit checks on the same lines (our rules name theirs in <see cref="LintRule.BuildKitCheck"/>);</item>
/// <item>BuildKit's wording for them (our message is BuildKit's detail, word for word);</item>
/// <item>with <c># check=error=true</c>, our errors to be the checks BuildKit fails on;</item>
/// <item>that BuildKit reads every file we emit, and every corpus file, except those it refuses itself, which
/// <see cref="RefusedFiles"/> records with the reason (and which must still be refused).</item>
/// </list>
/// Where the two legitimately differ, <see cref="KnownDifferences"/> says so, rule by rule, with the reason.
/// </summary>
public static class BuildKitCheckDifferential
{
    public const string Name = "buildkit-check-differential";

    /// <summary>Engine checks run at once: the engine is shared, and each check is mostly waiting on it.</summary>
    public const int Concurrency = 4;

    public static async Task<DifferentialResult> RunAsync(string corporaRoot, Buildx buildx, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(buildx);
        var started = System.Diagnostics.Stopwatch.StartNew();
        var cases = CheckCases.All(corporaRoot);
        var refused = RefusedFiles.Load(corporaRoot);
        var work = Directory.CreateTempSubdirectory("fluent-docker-check-differential-");
        try
        {
            var checker = new BuildKitChecker(buildx, work.FullName);
            var outcomes = new DifferentialOutcome[cases.Count];
            await Parallel.ForEachAsync(Enumerable.Range(0, cases.Count), new ParallelOptions { MaxDegreeOfParallelism = Concurrency, CancellationToken = cancellationToken },
                async (index, token) =>
                {
                    var item = cases[index];
                    BuildCheckResult engine;
                    try { engine = await checker.CheckAsync(item, token).ConfigureAwait(false); }
                    catch (Exception e) when (e is BuildxException or FormatException or IProblemException)
                    {
                        outcomes[index] = new DifferentialOutcome(item, [], [], $"the engine check did not run: {e.Message}", []);
                        return;
                    }
                    outcomes[index] = Compare(item, engine, refused);
                    // A formatted file also has the original's outline (what --call=outline reads from the instructions).
                    if (item.Origin == CheckCaseOrigin.Formatted && outcomes[index].Failure is null
                        && cases.FirstOrDefault(c => c.Name == SourceName(item)) is { } source)
                    {
                        var (formattedOutline, sourceOutline) = (await checker.OutlineAsync(item, token).ConfigureAwait(false), await checker.OutlineAsync(source, token).ConfigureAwait(false));
                        // Both read: a refusal (check=error=true) is the check comparison's to judge.
                        if (formattedOutline != sourceOutline && formattedOutline != BuildKitChecker.Refused && sourceOutline != BuildKitChecker.Refused)
                            outcomes[index] = outcomes[index] with { Failure = $"--call=outline differs after formatting: formatted [{formattedOutline}], original [{sourceOutline}]" };
                    }
                }).ConfigureAwait(false);
            var stale = refused.Names.Except(cases.Select(c => c.Name), StringComparer.Ordinal).ToList();
            var byName = outcomes.ToDictionary(o => o.Case.Name, StringComparer.Ordinal);
            for (var i = 0; i < outcomes.Length; i++)
                if (outcomes[i] is { Failure: null, Case.Origin: CheckCaseOrigin.Formatted } formatted && byName.TryGetValue(SourceName(formatted.Case), out var source)
                    && SameAsSource(formatted, source) is { } moved)
                    outcomes[i] = formatted with { Failure = moved };
            var all = outcomes.ToList();
            all.AddRange(stale.Select(name => new DifferentialOutcome(new CheckCase(name, CheckCaseOrigin.Corpus, "", null, System.Collections.Immutable.ImmutableSortedDictionary<string, string>.Empty),
                [], [], $"{RefusedFiles.FileName} records a file that is not a case any more", [])));
            return new DifferentialResult(all, started.Elapsed);
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    /// <summary>Compares our lint of <paramref name="item"/> with what the engine reported for it.</summary>
    public static DifferentialOutcome Compare(CheckCase item, BuildCheckResult engine, RefusedFiles refused)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(refused);
        var buildKit = engine.Warnings.Select(w => new CheckFinding(w.RuleName, w.Location?.Line, w.Detail)).ToList();

        // BuildKit refuses the file: only a corpus file may be refused, and only as recorded; our emitted text for it
        // may be refused for the same reason (the emitter writes what the file says), for no other.
        var engineError = engine.Error is { } error && !error.Message.StartsWith(LintViolation, StringComparison.Ordinal) ? error : null;
        var emitted = item.Origin is CheckCaseOrigin.Emitted or CheckCaseOrigin.Formatted;
        var recorded = refused.Find(SourceName(item));
        if (engineError is not null)
        {
            string? refusal = item.Origin == CheckCaseOrigin.Template || (emitted && recorded is null)
                ? $"BuildKit cannot read what we emit: {engineError}"
                : recorded is null
                    ? $"BuildKit refuses the file ({engineError}); if that is the file's own fault, record it in {RefusedFiles.FileName} with the reason"
                    : !engineError.Message.Contains(recorded.Error, StringComparison.Ordinal)
                        ? $"BuildKit refuses {(emitted ? "what we emit" : "the file")} for another reason than recorded ('{recorded.Error}'): {engineError}"
                        : null;
            return new DifferentialOutcome(item, [], buildKit, refusal, refusal is null ? [$"refused by BuildKit: {recorded!.Why}"] : []);
        }
        if (recorded is not null && !emitted)
            return new DifferentialOutcome(item, [], buildKit, $"{RefusedFiles.FileName} says BuildKit refuses it ('{recorded.Error}'), but BuildKit reads it: remove the line", []);

        LintReport report;
        var options = LintOptions.Default;
        foreach (var (name, value) in item.BuildArgs) options = options.WithBuildArg(name, value);
        if (item.DockerIgnore is not null) options = options.WithDockerIgnore(DockerIgnore.Parse(item.DockerIgnore));
        try { report = Linter.LintText(item.Text, options); }
        catch (DockerfileParseException e)
        {
            return new DifferentialOutcome(item, [], buildKit, $"our parser refuses a file BuildKit reads: {e.Message}", []);
        }
        var ours = report.Diagnostics.Where(d => report.RuleOf(d).BuildKitCheck is not null)
            .Select(d => new CheckFinding(report.RuleOf(d).BuildKitCheck!, d.Location.Line, d.Message)).ToList();

        var applied = new List<string>();
        var facts = new CaseFacts(item, report);
        var theirsCompared = buildKit.Where(f => !Covered(f, DifferenceSide.BuildKitOnly)).ToList();
        var oursCompared = ours.Where(f => !Covered(f, DifferenceSide.OursOnly)).ToList();
        bool Covered(CheckFinding finding, DifferenceSide side)
        {
            var difference = KnownDifferences.All.FirstOrDefault(d => d.Side == side && d.Covers(finding, facts));
            if (difference is not null) applied.Add($"{difference.Name}: {finding}");
            return difference is not null;
        }

        var failure = Mismatch(oursCompared, theirsCompared);
        if (failure is null && engine.Error is { } violation)
        {
            var failing = report.Errors.Select(d => report.RuleOf(d).BuildKitCheck).OfType<string>().Distinct().Order(StringComparer.Ordinal);
            var listed = violation.Message[LintViolation.Length..].Split(", ").Select(s => s.Trim()).Order(StringComparer.Ordinal);
            if (!failing.SequenceEqual(listed)) failure = $"check=error=true: our errors [{string.Join(", ", failing)}], BuildKit fails on [{string.Join(", ", listed)}]";
        }
        return new DifferentialOutcome(item, ours, buildKit, failure, applied);
    }

    private const string LintViolation = "lint violation found for rules: ";

    /// <summary>The name of an emitted case: this, then the name of the file it was read from.</summary>
    public const string EmittedPrefix = "emitted:";

    /// <summary>The name of a formatted case: this, then the name of the file it was formatted from.</summary>
    public const string FormattedPrefix = "formatted:";

    /// <summary>The name of the file an emitted or formatted case was made from; the case's own name otherwise.</summary>
    public static string SourceName(CheckCase item) => item.Origin switch
    {
        CheckCaseOrigin.Emitted => item.Name[EmittedPrefix.Length..],
        CheckCaseOrigin.Formatted => item.Name[FormattedPrefix.Length..],
        _ => item.Name,
    };

    /// <summary>
    /// A formatted case also requires BuildKit to report the same checks with the same words as on the file it was
    /// formatted from, on the same instructions: lines move when fmt wraps, so each finding is placed by the ordinal of
    /// the instruction holding its line. Null when they agree.
    /// </summary>
    public static string? SameAsSource(DifferentialOutcome formatted, DifferentialOutcome source)
    {
        ArgumentNullException.ThrowIfNull(formatted);
        ArgumentNullException.ThrowIfNull(source);
        var (mine, theirs) = (ByInstruction(formatted.Case.Text, Kept(formatted.BuildKit)), ByInstruction(source.Case.Text, Kept(source.BuildKit)));
        if (mine.SequenceEqual(theirs)) return null;
        return $"BuildKit's checks moved or changed with formatting: formatted [{string.Join(", ", Subtract(mine, theirs))}], original [{string.Join(", ", Subtract(theirs, mine))}]";
    }

    /// <summary>
    /// Checks about how an instruction is spelled, which the canonical form spells as BuildKit reads it: fmt writes
    /// keywords upper case (ConsistentInstructionCasing, FromAsCasing), ENV/LABEL as key=value (LegacyKeyValueFormat) and
    /// EXPOSE protocols and stage names lower case (ExposeProtoCasing, StageNameCasing), so these may fire on a file and
    /// not on its formatted text.
    /// </summary>
    public static IReadOnlySet<string> SpellingChecks { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "ConsistentInstructionCasing", "FromAsCasing", "LegacyKeyValueFormat", "ExposeProtoCasing", "StageNameCasing",
    };

    /// <summary>Checks whose message quotes a value as written: fmt writes <c>$NAME</c> as <c>${NAME}</c>, so only the check and its place are compared.</summary>
    public static IReadOnlySet<string> QuotingChecks { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "InvalidDefaultArgInFrom", "RedundantTargetPlatform",
    };

    private static List<CheckFinding> Kept(IReadOnlyList<CheckFinding> findings) => [.. findings.Where(f => !SpellingChecks.Contains(f.Check))];

    private static List<string> ByInstruction(string text, IReadOnlyList<CheckFinding> findings)
    {
        IReadOnlyList<InstructionNode> nodes;
        try { nodes = DockerfileSyntaxTree.Parse(text).Instructions; }
        catch (DockerfileParseException) { nodes = []; }
        string Place(int? line)
        {
            if (line is not { } at) return "file";
            var index = nodes.ToList().FindIndex(n => n.StartLine <= at && at <= n.EndLine);
            return index >= 0 ? $"instruction {index + 1}" : $"line {at}";
        }
        return [.. findings.Select(f => $"{f.Check}@{Place(f.Line)}" + (QuotingChecks.Contains(f.Check) ? "" : $": {f.Message}")).Order(StringComparer.Ordinal)];
    }

    /// <summary>Null when both sides have the same checks on the same lines with the same words; else what differs.</summary>
    private static string? Mismatch(List<CheckFinding> ours, List<CheckFinding> buildKit)
    {
        static List<string> Keys(IEnumerable<CheckFinding> findings) => [.. findings.Select(f => f.Key).Order(StringComparer.Ordinal)];
        var (ourKeys, theirKeys) = (Keys(ours), Keys(buildKit));
        if (!ourKeys.SequenceEqual(theirKeys))
        {
            var missing = Subtract(theirKeys, ourKeys);
            var extra = Subtract(ourKeys, theirKeys);
            return $"checks differ: BuildKit only [{string.Join(", ", buildKit.Where(f => missing.Contains(f.Key)))}], ours only [{string.Join(", ", ours.Where(f => extra.Contains(f.Key)))}]";
        }
        var ourWords = ours.Select(f => f.ToString()).Order(StringComparer.Ordinal).ToList();
        var theirWords = buildKit.Select(f => f.ToString()).Order(StringComparer.Ordinal).ToList();
        if (ourWords.SequenceEqual(theirWords)) return null;
        var differing = Subtract(ourWords, theirWords).Zip(Subtract(theirWords, ourWords), (o, t) => $"ours '{o}' / BuildKit '{t}'");
        return "wording differs: " + string.Join("; ", differing);
    }

    /// <summary>The multiset <paramref name="left"/> minus <paramref name="right"/>.</summary>
    private static List<string> Subtract(List<string> left, List<string> right)
    {
        var rest = right.ToList();
        var result = new List<string>();
        foreach (var item in left)
            if (!rest.Remove(item)) result.Add(item);
        return result;
    }
}
