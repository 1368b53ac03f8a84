using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Fluent.Docker.Analyzers;

internal static class StageNames
{
    /// <summary>For <c>Stage.Named("x")</c>: the name operand and its constant value.</summary>
    public static (IOperation? At, string? Name) Declared(IInvocationOperation invocation, FluentDockerTypes types)
    {
        var method = invocation.TargetMethod;
        if (!method.IsStatic || method.Name != "Named" || !FluentDockerTypes.Is(method.ContainingType, types.Stage)) return (null, null);
        var at = invocation.ArgumentFor("name");
        return (at, at.ConstantString());
    }
}
