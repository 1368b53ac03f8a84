using Fluent.Docker.Emit;
using Fluent.Docker.Linting.Rules;

namespace Fluent.Docker.Linting;

/// <summary>
/// The generation-time lint: runs every rule of Linting/Rules over a model (or a parsed Dockerfile), with the build
/// state at each instruction resolved once, then applies the options (severities, suppressions, check directives).
/// <c>Linter.Lint(dockerfile)</c>; <c>Linter.Lint(image)</c> also checks COPY sources against the image's .dockerignore.
/// </summary>
public static class Linter
{
    /// <summary>Every rule, by id.</summary>
    /// <remarks>
    /// Listed, not discovered: scanning the assembly's types (Assembly.GetTypes) loads every type of the library and the
    /// engine and process libraries they reference: a large part of a one-file <c>fluent-docker lint</c>'s start-up.
    /// LintRuleCatalogTests checks the list against the rule classes, so a rule left out fails a test.
    /// </remarks>
    public static IReadOnlyList<LintRule> Rules { get; } = new LintRule[]
    {
        new AddLocalPathRule(),
        new ApkAddUnpinnedRule(),
        new ApkAddWithoutNoCacheRule(),
        new AptGetInstallRecommendsRule(),
        new AptGetInstallUnpinnedRule(),
        new AptGetInstallWithoutYesRule(),
        new AptListsNotCleanedRule(),
        new ConsecutiveRunRule(),
        new ConsistentInstructionCasingRule(),
        new ConstantFromPlatformRule(),
        new CopyAllBeforeInstallRule(),
        new CopyFromLaterStageRule(),
        new CopyIgnoredFileRule(),
        new DotNetSdkNotOnBuildPlatformRule(),
        new DuplicateStageNameRule(),
        new ExposeInvalidFormatRule(),
        new ExposeProtocolCasingRule(),
        new FinalStageRunsAsRootRule(),
        new FinalStageWithoutHealthcheckRule(),
        new FinalStageWithoutUserRule(),
        new FromAsCasingRule(),
        new ImageLatestTagRule(),
        new ImageWithoutTagRule(),
        new InvalidBaseImagePlatformRule(),
        new InvalidDefaultArgInFromRule(),
        new InvalidDefinitionDescriptionRule(),
        new LegacyKeyValueFormatRule(),
        new MaintainerDeprecatedRule(),
        new MultipleInstructionsRule(),
        new NoEmptyContinuationRule(),
        new NpmInstallUnpinnedRule(),
        new PipInstallUnpinnedRule(),
        new PipInstallWithoutNoCacheDirRule(),
        new PipeWithoutPipefailRule(),
        new PortOutOfRangeRule(),
        new RedundantTargetPlatformRule(),
        new RelativeCopyWithoutWorkdirRule(),
        new RelativeWorkdirRule(),
        new ReservedStageNameRule(),
        new RunAptRule(),
        new RunCdRule(),
        new RunSudoRule(),
        new SecretLiteralRule(),
        new SecretNameInArgOrEnvRule(),
        new ShellFormCommandRule(),
        new StageNameCasingRule(),
        new UndefinedArgInFromRule(),
        new UndefinedVariableRule(),
        new UnusedCacheMountRule(),
        new UnsortedPackageListRule(),
    }.OrderBy(r => r.Id, StringComparer.Ordinal).ToList();

    public static LintReport Lint(Dockerfile dockerfile, LintOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(dockerfile);
        return Run(dockerfile, options ?? LintOptions.Default, EmittedSource(dockerfile));
    }

    /// <summary>
    /// Reads Dockerfile text as BuildKit does and lints it: lines, keyword casing, comments and legacy forms come from
    /// the text. Where BuildKit would stop (an unknown instruction, a platform it cannot parse) the report carries the
    /// problem in <see cref="LintReport.ReadProblem"/> and the findings of what came before, as BuildKit reports them.
    /// Throws <see cref="Parsing.DockerfileParseException"/> when not even the parser can read the text.
    /// </summary>
    public static LintReport LintText(string dockerfile, LintOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(dockerfile);
        var tree = Parsing.DockerfileSyntaxTree.Parse(dockerfile);
        var import = Parsing.DockerfileReader.ReadForLint(tree);
        return Run(import.File, options ?? LintOptions.Default, DockerfileSourceReader.From(tree, import)) with { ReadProblem = import.Problem?.Problem };
    }

    /// <summary>
    /// <see cref="LintText"/> with an engine: the base images are resolved first (once each, through
    /// <paramref name="engine"/>), so the checks BuildKit makes on the images it pulls run too (InvalidBaseImagePlatform),
    /// for <see cref="LintOptions.Platforms"/> or else the engine's own platform.
    /// </summary>
    public static async Task<LintReport> LintTextAsync(string dockerfile, IBaseImageResolver engine, LintOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dockerfile);
        ArgumentNullException.ThrowIfNull(engine);
        var tree = Parsing.DockerfileSyntaxTree.Parse(dockerfile);
        var import = Parsing.DockerfileReader.ReadForLint(tree);
        var source = DockerfileSourceReader.From(tree, import);
        options = await WithBaseImagesAsync(import.File, options ?? LintOptions.Default, source, engine, cancellationToken).ConfigureAwait(false);
        return Run(import.File, options, source) with { ReadProblem = import.Problem?.Problem };
    }

    /// <summary><see cref="Lint(Dockerfile, LintOptions?)"/> with an engine (see <see cref="LintTextAsync"/>).</summary>
    public static async Task<LintReport> LintAsync(Dockerfile dockerfile, IBaseImageResolver engine, LintOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dockerfile);
        ArgumentNullException.ThrowIfNull(engine);
        var source = EmittedSource(dockerfile);
        options = await WithBaseImagesAsync(dockerfile, options ?? LintOptions.Default, source, engine, cancellationToken).ConfigureAwait(false);
        return Run(dockerfile, options, source);
    }

    /// <summary>Asks the engine for its platform and for every base image the stages may pull (each name once).</summary>
    private static async Task<LintOptions> WithBaseImagesAsync(Dockerfile dockerfile, LintOptions options, DockerfileSource? source, IBaseImageResolver engine, CancellationToken cancellationToken)
    {
        var build = await engine.BuildPlatformAsync(cancellationToken).ConfigureAwait(false);
        var context = LintContext.Create(dockerfile, options, source);
        var images = new Dictionary<string, ResolvedBaseImage?>(StringComparer.Ordinal);
        foreach (var name in InvalidBaseImagePlatformRule.BaseImageNames(context, build).Distinct(StringComparer.Ordinal))
            images[name] = ImageReference.TryParse(name, out var reference)
                ? await engine.ResolveBaseImageAsync(reference, cancellationToken).ConfigureAwait(false)
                : null;
        return options.WithBaseImages(new BaseImageFacts(build, images));
    }

    /// <summary>Lints the image's Dockerfile with its .dockerignore (unless <paramref name="options"/> names another).</summary>
    public static LintReport Lint(ImageDefinition image, LintOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(image);
        options ??= LintOptions.Default;
        return Lint(image.Dockerfile, options.DockerIgnore is null ? options.WithDockerIgnore(image.Ignore) : options);
    }

    internal static LintReport Run(Dockerfile dockerfile, LintOptions options, DockerfileSource? source)
    {
        var context = LintContext.Create(dockerfile, options, source);
        var diagnostics = new List<Problem>();
        var suppressed = new List<Problem>();
        foreach (var rule in Rules)
        {
            if (!Runs(rule, context)) continue;
            foreach (var finding in rule.Check(context))
            {
                if (!InScope(rule, finding.Location, context)) continue;
                var diagnostic = Diagnostic(rule, finding, context);
                if (SkippedByComment(rule, finding.Location, context)) continue;
                if (Suppression(rule, finding.Location, context) is { } because) suppressed.Add(diagnostic with { SuppressedBecause = because });
                else diagnostics.Add(diagnostic);
            }
        }
        return new LintReport(Order(diagnostics), Order(suppressed), Rules.Where(r => Runs(r, context)).ToList());
    }

    private static List<Problem> Order(IEnumerable<Problem> diagnostics) =>
        diagnostics.OrderBy(d => d.Location.Line ?? int.MaxValue).ThenBy(d => d.Location.StageIndex ?? -1).ThenBy(d => d.Location.InstructionNumber ?? -1)
            .ThenBy(d => d.Code, StringComparer.Ordinal).ThenBy(d => d.Message, StringComparer.Ordinal).ToList();

    /// <summary>Turned off by the options, or by the check directive (BuildKit checks only; experimental ones must be turned on).</summary>
    private static bool Runs(LintRule rule, LintContext context)
    {
        if (context.Options.DisabledRules.Contains(rule.Id)) return false;
        if (rule.NeedsEngine && context.Options.BaseImages is null) return false;
        var checks = context.Checks;
        if (rule.IsExperimental)
            return context.Options.EnabledRules.Contains(rule.Id) || checks.ExperimentalAll || Names(checks.Experimental, rule);
        if (Names(checks.Skip, rule)) return false;
        return !(checks.SkipAll && rule.BuildKitCheck is not null);
    }

    private static bool Names(IEnumerable<string> names, LintRule rule) =>
        names.Any(n => n == rule.BuildKitCheck || string.Equals(n, rule.Id, StringComparison.OrdinalIgnoreCase));

    /// <summary>Checks BuildKit runs while building a stage do not see stages the build target does not need.</summary>
    private static bool InScope(LintRule rule, ProblemLocation at, LintContext context) =>
        rule.Phase == RulePhase.Read || at.StageIndex is not { } stage || context.Stages[stage].IsReachable;

    private static Problem Diagnostic(LintRule rule, Finding finding, LintContext context)
    {
        var at = finding.Location;
        var severity = context.Options.Severities.TryGetValue(rule.Id, out var chosen) ? chosen
            : rule.BuildKitCheck is not null && context.Checks.Error ? ProblemSeverity.Error
            : rule.DefaultSeverity;
        var stage = at.StageIndex is { } index ? context.Stages[index] : null;
        var keyword = at switch
        {
            { GlobalArgIndex: not null } => "ARG",
            { InstructionNumber: 0 } => "FROM",
            { InstructionNumber: { } n } when stage is not null && n <= stage.Instructions.Count => stage.Instructions[n - 1].Instruction.Keyword,
            _ => null,
        };
        var location = at with
        {
            Stage = stage?.Stage.Name,
            StageIndex = stage?.Index,
            Keyword = keyword,
            Line = at.Line ?? SourceOf(at, context)?.Line,
        };
        return new Problem(rule.Id, severity, location, rule.Message(finding.MessageArguments), rule.Fix);
    }

    private static SourceInstruction? SourceOf(ProblemLocation at, LintContext context) => at switch
    {
        { GlobalArgIndex: { } arg } => context.Source?.GlobalArg(arg),
        { StageIndex: { } stage, InstructionNumber: 0 } => context.Source?.From(stage),
        { StageIndex: { } stage, InstructionNumber: { } number } => context.Source?.Instruction(stage, number),
        _ => null,
    };

    /// <summary>
    /// A <c># check=skip=…</c> comment right above the instruction turns BuildKit checks off for it alone, in the
    /// frontends that know such comments (Dockerfile 1.20+, a floating <c>docker/dockerfile:1</c>, a custom frontend).
    /// The builtin frontend of Docker Engine 28 reads it as a plain comment (measured), and so does the lint then.
    /// </summary>
    private static bool SkippedByComment(LintRule rule, ProblemLocation at, LintContext context)
    {
        var frontend = context.Options.Frontend ?? context.File.Frontend;
        if (frontend.BuildahVersion is not null || !frontend.Knows(DockerfileFeature.CheckSkipComments)) return false;
        foreach (var comment in SourceOf(at, context)?.Comments ?? [])
        {
            if (!comment.StartsWith("check=", StringComparison.Ordinal)) continue;
            // What follows the value (// why) is the reason, as in "# check=skip=SecretsUsedInArgOrEnv // public key".
            var value = comment["check=".Length..].Split((char[]?)null, 2, StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "";
            try
            {
                var check = CheckDirective.Parse(value);
                if ((check.SkipAll && rule.BuildKitCheck is not null) || Names(check.Skip, rule)) return true;
            }
            catch (DockerValueException)
            {
                // Not a check directive after all: an ordinary comment.
            }
        }
        return false;
    }

    /// <summary>The justification when the options, the file or the finding's stage suppress the rule; null otherwise.</summary>
    private static string? Suppression(LintRule rule, ProblemLocation at, LintContext context)
    {
        var stage = at.StageIndex is { } index ? context.File.Stages[index].Suppressions : ValueList<RuleSuppression>.Empty;
        return context.Options.Suppressions.Concat(context.File.Suppressions).Concat(stage)
            .FirstOrDefault(s => s.RuleId == rule.Id)?.Justification;
    }

    /// <summary>
    /// The model's parts as its emitted file writes them, read back as <see cref="LintText"/> reads a file (lines, the
    /// comments above each part, FROM's words): so a model lints as the file it emits, <c># check=skip=</c> comments and
    /// description comments included. Null when the model cannot be emitted yet.
    /// </summary>
    private static DockerfileSource? EmittedSource(Dockerfile dockerfile)
    {
        if (dockerfile.Validate().Count > 0) return null;
        try
        {
            var tree = Parsing.DockerfileSyntaxTree.Parse(DockerfileEmitter.Emit(dockerfile));
            var import = Parsing.DockerfileReader.ReadForLint(tree);
            if (import.Problem is null && SameShape(import.File, dockerfile)) return DockerfileSourceReader.From(tree, import);
        }
        catch (Exception e) when (e is IProblemException)
        {
            // The emitter or the reader refuses it: fall back to the lines alone.
        }
        return EmittedLines(dockerfile);
    }

    private static bool SameShape(Dockerfile read, Dockerfile model) =>
        read.GlobalArgs.Count == model.GlobalArgs.Count && read.Stages.Count == model.Stages.Count
        && read.Stages.Zip(model.Stages).All(p => p.First.Instructions.Count == p.Second.Instructions.Count);

    /// <summary>The lines the model takes in its emitted file (from the emitter as it writes).</summary>
    private static DockerfileSource EmittedLines(Dockerfile dockerfile)
    {
        var globals = new SourceInstruction[dockerfile.GlobalArgs.Count];
        var froms = new SourceInstruction[dockerfile.Stages.Count];
        var instructions = dockerfile.Stages.Select(s => new SourceInstruction[s.Instructions.Count]).ToArray();
        DockerfileEmitter.Emit(dockerfile, (at, first, last) =>
        {
            var source = new SourceInstruction(first) { EndLine = last };
            if (at.Stage < 0) globals[at.Index] = source with { Keyword = "ARG" };
            else if (at.Index == 0) froms[at.Stage] = source with { Keyword = "FROM" };
            else instructions[at.Stage][at.Index - 1] = source with { Keyword = dockerfile.Stages[at.Stage].Instructions[at.Index - 1].Keyword };
        });
        return new DockerfileSource { GlobalArgs = globals, Froms = froms, Instructions = instructions };
    }
}
