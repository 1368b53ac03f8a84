using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Fluent.Docker.Analyzers;

/// <summary>
/// What a method body shows about one stage value: the <c>Stage.Named(…).From(…)</c> it starts with and the
/// instruction calls after it, followed back through locals that are written once. When the start is not
/// visible (a parameter, a field, a helper method) the chain is incomplete and only its visible calls are known.
/// </summary>
internal sealed class StageChain
{
    private const int MaxDepth = 16;

    private StageChain(IInvocationOperation? origin, bool nameKnown, string? name, ImmutableArray<IInvocationOperation> calls, StageChain? baseStage)
    {
        Origin = origin;
        NameKnown = nameKnown;
        Name = name;
        Calls = calls;
        BaseStage = baseStage;
    }

    /// <summary>The <c>From(…)</c>/<c>FromScratch()</c> call, or null when the stage's start is not visible.</summary>
    public IInvocationOperation? Origin { get; }

    public bool IsComplete => Origin is not null;

    /// <summary>True when the name is a visible constant (or the stage is visibly unnamed).</summary>
    public bool NameKnown { get; }

    /// <summary>The stage name when <see cref="NameKnown"/>; null for an unnamed stage.</summary>
    public string? Name { get; }

    /// <summary>The stage's instruction calls, first to last.</summary>
    public ImmutableArray<IInvocationOperation> Calls { get; }

    /// <summary>For <c>From(otherStage)</c>: the chain of the stage built upon (its USER and HEALTHCHECK carry over).</summary>
    public StageChain? BaseStage { get; }

    /// <summary>The operand of <c>From(stage)</c>, when the stage builds on another stage.</summary>
    public IOperation? BaseStageOperand => Origin?.TargetMethod.Name == "From" ? Origin.ArgumentFor("stage") : null;

    public string DisplayName => NameKnown ? Name ?? "(unnamed)" : "(unknown)";

    public static StageChain Resolve(IOperation expression, FluentDockerTypes types) => Resolve(expression, types, 0);

    private static StageChain Resolve(IOperation expression, FluentDockerTypes types, int depth)
    {
        var calls = new List<IInvocationOperation>();
        var current = expression.Unwrap();
        for (var steps = 0; steps < 1000; steps++)
        {
            switch (current)
            {
                case ILocalReferenceOperation local when local.SingleValue() is { } value:
                    current = value.Unwrap();
                    continue;
                case IInvocationOperation { Instance: { } instance } call when FluentDockerTypes.Is(call.TargetMethod.ContainingType, types.Stage):
                    calls.Add(call);
                    current = instance.Unwrap();
                    continue;
                case IInvocationOperation { Instance: { } declaration } from when FluentDockerTypes.Is(from.TargetMethod.ContainingType, types.StageDeclaration):
                    calls.Reverse();
                    var (nameKnown, name) = DeclaredName(declaration);
                    StageChain? baseStage = null;
                    if (from.TargetMethod.Name == "From" && from.ArgumentFor("stage") is { } stageOperand && depth < MaxDepth)
                        baseStage = Resolve(stageOperand, types, depth + 1);
                    return new StageChain(from, nameKnown, name, calls.ToImmutableArray(), baseStage);
            }
            break;
        }
        calls.Reverse();
        return new StageChain(null, false, null, calls.ToImmutableArray(), null);
    }

    internal static (bool Known, string? Name) DeclaredName(IOperation declaration)
    {
        var current = declaration.Unwrap();
        if (current is ILocalReferenceOperation local && local.SingleValue() is { } value) current = value.Unwrap();
        if (current is IInvocationOperation { TargetMethod.IsStatic: true } start)
        {
            if (start.TargetMethod.Name == "Unnamed") return (true, null);
            if (start.TargetMethod.Name == "Named" && start.ArgumentFor("name").ConstantString() is { } name) return (true, name);
        }
        return (false, null);
    }

    /// <summary>The calls of this stage and of the stages it builds on, base first; null when some start is not visible.</summary>
    public IReadOnlyList<IInvocationOperation>? EffectiveCalls()
    {
        var chains = new List<StageChain>();
        for (var chain = this; chain is not null; chain = chain.BaseStage)
        {
            if (!chain.IsComplete) return null;
            chains.Add(chain);
        }
        var calls = new List<IInvocationOperation>();
        for (var i = chains.Count - 1; i >= 0; i--) calls.AddRange(chains[i].Calls);
        return calls;
    }

    /// <summary>True when this stage or one it builds on visibly sets a SHELL (shell-form rules then defer to it).</summary>
    public bool SetsShell()
    {
        for (var chain = this; chain is not null; chain = chain.BaseStage)
            foreach (var call in chain.Calls)
                if (call.TargetMethod.Name == "Shell") return true;
        return false;
    }

    /// <summary>The base image operand of the first stage in the <c>From(stage)</c> line, when it is an image.</summary>
    public IOperation? RootImageOperand()
    {
        var chain = this;
        while (chain.BaseStage is not null) chain = chain.BaseStage;
        return chain.Origin?.TargetMethod.Name == "From" ? chain.Origin.ArgumentFor("image") : null;
    }
}
