using Fluent.Docker.Rules;

namespace Fluent.Docker.Linting;

/// <summary>When BuildKit runs a check: while reading the file (every stage), or while building a stage (only the stages a build needs).</summary>
internal enum RulePhase
{
    Read,
    Build,
}

/// <summary>
/// One lint rule: its id, title, default severity, help page and the hadolint rule / BuildKit check it matches all
/// come from the shared rule catalogue (src/Shared/RuleCatalog.cs), so the analyzers and the lint agree. Each rule
/// is a small class in Linting/Rules, found by reflection.
/// </summary>
public abstract class LintRule
{
    private protected LintRule(string id) => Definition = RuleCatalog.Get(id);

    internal RuleDefinition Definition { get; }

    public string Id => Definition.Id;
    public string Title => Definition.Title;
    public string Description => Definition.Description;

    /// <summary>The fix a finding of this rule carries: the rule's title and its page.</summary>
    public string Fix => $"{Title} (see {Definition.DocumentationPath}).";

    /// <summary>Security, Reproducibility, Correctness, Size or Maintainability.</summary>
    public string Category => Definition.Category;

    public ProblemSeverity DefaultSeverity => Definition.Severity switch
    {
        RuleSeverity.Error => ProblemSeverity.Error,
        RuleSeverity.Warning => ProblemSeverity.Warning,
        _ => ProblemSeverity.Info,
    };

    /// <summary>The rule's page, <c>docs/rules/FDxxxx.md</c>.</summary>
    public string HelpLink => Definition.HelpLink;

    /// <summary>The hadolint rule(s) it matches (<c>DL3008</c>), or null.</summary>
    public string? HadolintRule => Definition.HadolintRule;

    /// <summary>The BuildKit build check it matches (<c>JSONArgsRecommended</c>), or null.</summary>
    public string? BuildKitCheck => Definition.BuildKitCheck;

    /// <summary>The emitter refuses a model this rule finds; the validator reports it with this rule's id (defined once, in the catalogue).</summary>
    public bool IsBlocking => Definition.Blocking;

    /// <summary>Experimental in BuildKit: runs only when enabled (<c># check=experimental=…</c> or <see cref="LintOptions.Enable"/>).</summary>
    public virtual bool IsExperimental => false;

    internal virtual RulePhase Phase => RulePhase.Build;

    /// <summary>Needs the engine's answers about base images: runs only in a lint given an engine (<see cref="Linter.LintTextAsync"/>).</summary>
    internal virtual bool NeedsEngine => false;

    internal abstract IEnumerable<Finding> Check(LintContext context);

    /// <summary>The message with the rule's format filled in.</summary>
    internal string Message(object?[] arguments) =>
        string.Format(System.Globalization.CultureInfo.InvariantCulture, Definition.MessageFormat, arguments);

    private protected static Finding At(InstructionContext instruction, params object?[] arguments) => new(LintLocation.Of(instruction), arguments);
    private protected static Finding AtFrom(StageContext stage, params object?[] arguments) => new(LintLocation.From(stage), arguments);

    public override string ToString() => $"{Id}: {Title}";
}

/// <summary>A rule that looks at each instruction of one kind, in every stage, with its state.</summary>
internal abstract class InstructionRule<T> : LintRule where T : Instruction
{
    private protected InstructionRule(string id) : base(id) { }

    internal sealed override IEnumerable<Finding> Check(LintContext context) =>
        context.Stages.SelectMany(stage => stage.Instructions)
            .Where(at => at.Instruction is T)
            .SelectMany(at => Check(at, (T)at.Instruction));

    private protected abstract IEnumerable<Finding> Check(InstructionContext at, T instruction);
}

/// <summary>A rule that looks at each stage (its FROM, or the stage as a whole).</summary>
internal abstract class StageRule : LintRule
{
    private protected StageRule(string id) : base(id) { }

    internal sealed override IEnumerable<Finding> Check(LintContext context) => context.Stages.SelectMany(Check);

    private protected abstract IEnumerable<Finding> Check(StageContext stage);
}

/// <summary>A rule that reads the shell text of each RUN (shell form and heredoc scripts; exec form has no shell).</summary>
internal abstract class RunTextRule : LintRule
{
    private protected RunTextRule(string id) : base(id) { }

    /// <summary>True to read heredoc scripts too (a script may <c>cd</c> freely, for instance).</summary>
    private protected virtual bool ReadsScripts => true;

    internal sealed override IEnumerable<Finding> Check(LintContext context)
    {
        foreach (var at in context.Stages.SelectMany(stage => stage.Instructions))
        {
            if (at.Instruction is not RunInstruction run) continue;
            var text = run.Command switch
            {
                CommandLine.Shell shell => shell.Command,
                CommandLine.Script script when ReadsScripts => script.Text,
                _ => null,
            };
            if (text is null) continue;
            foreach (var finding in Check(at, run, ShellScript.Parse(text))) yield return finding;
        }
    }

    private protected abstract IEnumerable<Finding> Check(InstructionContext at, RunInstruction run, ShellScript script);

    /// <summary>True when a cache or tmpfs mount of the RUN covers <paramref name="directory"/> (or a folder inside it).</summary>
    private protected static bool MountsCacheAt(RunInstruction run, string directory) => run.Options.Any(option => option switch
    {
        CacheMount cache => cache.Target.Value.LiteralText is { } target && target.StartsWith(directory, StringComparison.Ordinal),
        TmpfsMount tmpfs => tmpfs.Target.Value.LiteralText is { } target && target.StartsWith(directory, StringComparison.Ordinal),
        _ => false,
    });
}
