namespace Fluent.Docker.Linting;

/// <summary>What a rule's fix decided for one finding: an edit (<see cref="LintFix"/>) or a refusal with its reason (<see cref="FixRefusal"/>).</summary>
internal abstract record FixOutcome;

/// <summary>
/// One fix: the rule, the text node it rewrites (a FROM is instruction 0 of its stage) and the text that replaces the
/// node's own lines (keyword line, continuations, heredoc bodies; the comment and blank lines above it are kept), which
/// may hold instructions inserted before or after it. Nothing outside the node changes.
/// </summary>
internal sealed record LintFix(string RuleId, ProblemLocation Target, string Replacement, string Description) : FixOutcome;

/// <summary>A finding the rule will not fix, and why (the fix would change what the file does, or cannot be made mechanically).</summary>
internal sealed record FixRefusal(string Reason) : FixOutcome;

/// <summary>A lint rule that can fix its findings in a Dockerfile text. The rule decides; <see cref="FixContext"/> supplies the text.</summary>
internal interface IFixableRule
{
    /// <summary>
    /// When the rule's fixes are tried: 0 for fixes that change only their instruction; a fix that changes more (a SHELL
    /// that every later RUN and shell-form CMD of the stage runs with) waits until the others are done.
    /// </summary>
    int Order => 0;

    FixOutcome FixFinding(FixContext context, Finding finding);
}

/// <summary>A fix the fixer applied: the rule (or <see cref="DockerfileFixer.LockFixId"/>), the line in the text it was given, and what changed.</summary>
public sealed record AppliedFix(string RuleId, int Line, string Description);

/// <summary>A finding of a fixable rule the fixer left as it is, at its line in the fixed text, and why.</summary>
public sealed record RefusedFix(string RuleId, int Line, string Reason);
