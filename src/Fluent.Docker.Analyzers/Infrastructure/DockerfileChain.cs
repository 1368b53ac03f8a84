using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Fluent.Docker.Analyzers;

/// <summary>One stage argument of a Dockerfile (<c>Dockerfile.Create(build, runtime)</c>) and what is known about it.</summary>
internal sealed class StageEntry
{
    public StageEntry(IOperation argument, StageChain chain)
    {
        Argument = argument;
        Chain = chain;
    }

    /// <summary>The expression passed (where stage-level diagnostics are reported).</summary>
    public IOperation Argument { get; }

    public StageChain Chain { get; }
}

/// <summary>
/// The stages of a Dockerfile value in order, as far as the method body shows them: <c>Dockerfile.Create(…)</c>
/// with its stage arguments written out, then <c>WithStage</c>/<c>WithStages</c>. A null entry stands for stages
/// that are not visible (an array built elsewhere).
/// </summary>
internal sealed class DockerfileChain
{
    private DockerfileChain(IReadOnlyList<StageEntry?> stages, FluentDockerTypes types)
    {
        Stages = stages;
        Types = types;
    }

    public FluentDockerTypes Types { get; }

    public IReadOnlyList<StageEntry?> Stages { get; }

    /// <summary>True when every stage is visible (so positions and names can be compared).</summary>
    public bool AllStagesVisible
    {
        get
        {
            foreach (var stage in Stages) if (stage is null) return false;
            return Stages.Count > 0;
        }
    }

    /// <summary>The last stage, the one <c>docker build</c> produces, when visible.</summary>
    public StageEntry? FinalStage => Stages.Count == 0 ? null : Stages[Stages.Count - 1];

    /// <summary>
    /// Called for every invocation that yields a Dockerfile: returns the chain when <paramref name="invocation"/> is the
    /// end of one (not the receiver of a further <c>With…</c>, not stored in a local that is extended later).
    /// </summary>
    public static DockerfileChain? ForOutermost(IInvocationOperation invocation, FluentDockerTypes types)
    {
        if (!IsDockerfileStep(invocation, types)) return null;
        var parent = invocation.ParentThroughConversions();
        if (parent is IInvocationOperation { Instance: { } instance } next && instance.Unwrap() == invocation && IsDockerfileStep(next, types))
            return null;
        if (StoredLocal(invocation) is { } local)
            foreach (var reference in invocation.Root().References(local))
                if (reference.ParentThroughConversions() is IInvocationOperation { Instance: { } receiver } use && receiver.Unwrap() == reference && IsDockerfileStep(use, types))
                    return null;
        return Resolve(invocation, types);
    }

    private static bool IsDockerfileStep(IInvocationOperation invocation, FluentDockerTypes types) =>
        FluentDockerTypes.Is(invocation.TargetMethod.ContainingType, types.Dockerfile)
        && FluentDockerTypes.Is(invocation.TargetMethod.ReturnType, types.Dockerfile);

    private static ILocalSymbol? StoredLocal(IOperation value)
    {
        var parent = value.ParentThroughConversions();
        if (parent is IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator }) return declarator.Symbol;
        if (parent is ISimpleAssignmentOperation { Target: ILocalReferenceOperation target }) return target.Local;
        return null;
    }

    private static DockerfileChain Resolve(IOperation expression, FluentDockerTypes types)
    {
        var groups = new List<IReadOnlyList<IOperation>?>();
        var current = expression.Unwrap();
        for (var steps = 0; steps < 1000; steps++)
        {
            if (current is ILocalReferenceOperation local && local.SingleValue() is { } value)
            {
                current = value.Unwrap();
                continue;
            }
            if (current is IInvocationOperation invocation && IsDockerfileStep(invocation, types))
            {
                var method = invocation.TargetMethod;
                if (method.IsStatic && method.Name == "Create")
                {
                    groups.Add(invocation.ArgumentFor("stages").ArrayElements());
                    return Build(groups, types);
                }
                if (!method.IsStatic && invocation.Instance is { } instance)
                {
                    if (method.Name == "WithStage") groups.Add(invocation.ArgumentFor("stage") is { } stage ? new[] { stage } : null);
                    else if (method.Name == "WithStages") groups.Add(invocation.ArgumentFor("stages").ArrayElements());
                    current = instance.Unwrap();
                    continue;
                }
            }
            break;
        }
        groups.Add(null);
        return Build(groups, types);
    }

    private static DockerfileChain Build(List<IReadOnlyList<IOperation>?> groupsLastFirst, FluentDockerTypes types)
    {
        var stages = new List<StageEntry?>();
        for (var i = groupsLastFirst.Count - 1; i >= 0; i--)
        {
            var group = groupsLastFirst[i];
            if (group is null)
            {
                stages.Add(null);
                continue;
            }
            foreach (var argument in group) stages.Add(new StageEntry(argument, StageChain.Resolve(argument, types)));
        }
        return new DockerfileChain(stages, types);
    }
}
