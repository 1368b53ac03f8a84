using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Fluent.Docker.Analyzers;

/// <summary>What an operation statically is: a constant behind implicit conversions, an argument, the one value a local holds.</summary>
internal static class OperationFacts
{
    /// <summary>The operation under any conversions and parentheses (<c>"alpine:3.20"</c> passed as an ImageReference).</summary>
    public static IOperation Unwrap(this IOperation operation)
    {
        while (true)
        {
            switch (operation)
            {
                case IConversionOperation conversion:
                    operation = conversion.Operand;
                    break;
                case IParenthesizedOperation parenthesized:
                    operation = parenthesized.Operand;
                    break;
                default:
                    return operation;
            }
        }
    }

    /// <summary>The compile-time constant string behind conversions, e.g. a literal or a <c>const</c>.</summary>
    public static string? ConstantString(this IOperation? operation)
    {
        for (var current = operation; current is not null; current = (current as IConversionOperation)?.Operand ?? (current as IParenthesizedOperation)?.Operand)
            if (current.ConstantValue.HasValue) return current.ConstantValue.Value as string;
        return null;
    }

    /// <summary>The compile-time constant int behind conversions.</summary>
    public static int? ConstantInt(this IOperation? operation)
    {
        for (var current = operation; current is not null; current = (current as IConversionOperation)?.Operand ?? (current as IParenthesizedOperation)?.Operand)
            if (current.ConstantValue.HasValue) return current.ConstantValue.Value is int value ? value : null;
        return null;
    }

    /// <summary>The value passed for <paramref name="parameterName"/>, or null when the argument was left out (default value).</summary>
    public static IOperation? ArgumentFor(this IInvocationOperation invocation, string parameterName) =>
        ArgumentFor(invocation.Arguments, parameterName);

    public static IOperation? ArgumentFor(this ImmutableArray<IArgumentOperation> arguments, string parameterName)
    {
        foreach (var argument in arguments)
            if (argument.Parameter?.Name == parameterName && argument.ArgumentKind != ArgumentKind.DefaultValue)
                return argument.Value;
        return null;
    }

    /// <summary>
    /// The elements of a <c>params</c> or array argument when they are visible in the call (<c>Create(a, b)</c>,
    /// <c>new[] { a, b }</c>); null when the array comes from elsewhere.
    /// </summary>
    public static IReadOnlyList<IOperation>? ArrayElements(this IOperation? value)
    {
        if (value?.Unwrap() is IArrayCreationOperation { Initializer: { } initializer }) return initializer.ElementValues;
        return null;
    }

    /// <summary>The outermost operation (the method body) that <paramref name="operation"/> belongs to.</summary>
    public static IOperation Root(this IOperation operation)
    {
        while (operation.Parent is not null) operation = operation.Parent;
        return operation;
    }

    /// <summary>
    /// The value a local holds when it is visibly written exactly once (its initializer) and never by assignment,
    /// ref or out; otherwise null. This is what keeps the flow rules conservative.
    /// </summary>
    public static IOperation? SingleValue(this ILocalReferenceOperation reference)
    {
        IOperation? value = null;
        var writes = 0;
        foreach (var operation in reference.Root().DescendantsAndSelf())
        {
            switch (operation)
            {
                case IVariableDeclaratorOperation declarator when SymbolEqualityComparer.Default.Equals(declarator.Symbol, reference.Local):
                    var initializer = declarator.Initializer ?? (declarator.Parent as IVariableDeclarationOperation)?.Initializer;
                    if (initializer is not null)
                    {
                        value = initializer.Value;
                        writes++;
                    }
                    break;
                case ILocalReferenceOperation other when SymbolEqualityComparer.Default.Equals(other.Local, reference.Local) && IsWritten(other):
                    writes++;
                    value = null;
                    break;
            }
        }
        return writes == 1 ? value : null;
    }

    /// <summary>Every read of the same local elsewhere in the method body.</summary>
    public static IEnumerable<ILocalReferenceOperation> References(this IOperation root, ILocalSymbol local) =>
        root.DescendantsAndSelf().OfType<ILocalReferenceOperation>().Where(r => SymbolEqualityComparer.Default.Equals(r.Local, local));

    private static bool IsWritten(ILocalReferenceOperation reference) =>
        reference.Parent switch
        {
            IAssignmentOperation assignment => assignment.Target == reference,
            IArgumentOperation argument => argument.Parameter?.RefKind is RefKind.Ref or RefKind.Out,
            IIncrementOrDecrementOperation => true,
            _ => false,
        };

    /// <summary>The operation's parent, skipping conversions and parentheses around it.</summary>
    public static IOperation? ParentThroughConversions(this IOperation operation)
    {
        var parent = operation.Parent;
        while (parent is IConversionOperation or IParenthesizedOperation) parent = parent.Parent;
        return parent;
    }
}
