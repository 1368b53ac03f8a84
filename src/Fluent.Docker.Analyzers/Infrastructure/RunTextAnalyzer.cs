using System.Collections.Generic;
using System.Collections.Immutable;
using Fluent.Docker.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Fluent.Docker.Analyzers;

/// <summary>A <c>Run("…")</c> or <c>RunScript("…")</c> call whose text is a compile-time constant.</summary>
internal sealed class RunCall
{
    public RunCall(IInvocationOperation invocation, IOperation textOperand, ShellScript script, FluentDockerTypes types)
    {
        Invocation = invocation;
        TextOperand = textOperand;
        Script = script;
        Types = types;
    }

    public IInvocationOperation Invocation { get; }

    /// <summary>The text argument; diagnostics point at it.</summary>
    public IOperation TextOperand { get; }

    public ShellScript Script { get; }
    public FluentDockerTypes Types { get; }

    /// <summary>True for <c>RunScript</c> (a heredoc script) rather than one command line.</summary>
    public bool IsScript => Invocation.TargetMethod.Name == "RunScript";

    /// <summary>The option operands (mounts, network, security) when they are written in the call; null otherwise.</summary>
    public IReadOnlyList<IOperation>? Options => Invocation.ArgumentFor("options").ArrayElements() ?? (Invocation.ArgumentFor("options") is null ? System.Array.Empty<IOperation>() : null);

    /// <summary>True when the stage chain before this RUN visibly sets a SHELL (the shell then decides; skip shell rules).</summary>
    public bool StageSetsShell() => Invocation.Instance is { } stage && StageChain.Resolve(stage, Types).SetsShell();

    /// <summary>A code-fix property bag holding the fixed text, or null when no mechanical fix applies.</summary>
    public static ImmutableDictionary<string, string?>? FixedText(string? text) =>
        text is null ? null : ImmutableDictionary<string, string?>.Empty.Add(FixProperties.FixedText, text);
}

/// <summary>Keys of the properties a diagnostic hands to its code fix.</summary>
internal static class FixProperties
{
    public const string FixedText = "FixedText";
    public const string Directory = "Directory";
    public const string Rest = "Rest";
    public const string ExecMethod = "ExecMethod";
    public const string ExecWords = "ExecWords";
}

/// <summary>Base of the rules that read the shell text of a constant RUN.</summary>
public abstract class RunTextAnalyzer : FluentDockerAnalyzer
{
    private protected RunTextAnalyzer() { }

    private protected sealed override void Register(CompilationStartAnalysisContext context, FluentDockerTypes types) =>
        context.RegisterOperationAction(operation =>
        {
            var invocation = (IInvocationOperation)operation.Operation;
            var method = invocation.TargetMethod;
            IOperation? text = null;
            if (types.IsStageMethod(method, "Run")) text = invocation.ArgumentFor("command");
            else if (types.IsStageMethod(method, "RunScript")) text = invocation.ArgumentFor("script");
            if (text?.ConstantString() is not { } value) return;
            if (Analyze(new RunCall(invocation, text, ShellScript.Parse(value), types)) is { } diagnostic)
                operation.ReportDiagnostic(diagnostic);
        }, OperationKind.Invocation);

    /// <summary>The rule's diagnostic for this RUN, or null.</summary>
    private protected abstract Diagnostic? Analyze(RunCall run);
}
