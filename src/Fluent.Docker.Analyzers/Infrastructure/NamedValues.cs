using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Fluent.Docker.Analyzers;

/// <summary>A name/value slot written in code: ENV NAME=value, ARG NAME=default, LABEL key=value.</summary>
internal readonly struct NamedValue
{
    public NamedValue(string keyword, IOperation? name, IOperation? value)
    {
        Keyword = keyword;
        Name = name;
        Value = value;
    }

    /// <summary>ENV, ARG or LABEL.</summary>
    public string Keyword { get; }
    public IOperation? Name { get; }
    public IOperation? Value { get; }
}

/// <summary>Finds the ENV, ARG and LABEL name/value pairs an operation writes.</summary>
internal static class NamedValues
{
    public static IEnumerable<NamedValue> Of(IOperation operation, FluentDockerTypes types)
    {
        switch (operation)
        {
            case IObjectCreationOperation creation when FluentDockerTypes.Is(creation.Type, types.BuildArg):
                yield return new NamedValue("ARG", creation.Arguments.ArgumentFor("name"), creation.Arguments.ArgumentFor("defaultValue"));
                break;
            case IInvocationOperation invocation when FluentDockerTypes.Is(invocation.TargetMethod.ContainingType, types.BuildArg)
                                                      && invocation.TargetMethod.Name == "WithDefault":
                yield return new NamedValue("ARG", null, invocation.ArgumentFor("value"));
                break;
            case IInvocationOperation invocation when types.IsStageMethod(invocation.TargetMethod, "Env"):
                foreach (var pair in Pairs(invocation, "name", "value", "variables")) yield return new NamedValue("ENV", pair.Name, pair.Value);
                break;
            case IInvocationOperation invocation when types.IsStageMethod(invocation.TargetMethod, "Label") || types.IsStageMethod(invocation.TargetMethod, "Labels"):
                foreach (var pair in Pairs(invocation, "key", "value", "labels")) yield return new NamedValue("LABEL", pair.Name, pair.Value);
                break;
        }
    }

    /// <summary>The (name, value) arguments of <c>X(name, value)</c> or of <c>X(params (name, value)[])</c> with tuples written out.</summary>
    private static IEnumerable<(IOperation? Name, IOperation? Value)> Pairs(IInvocationOperation invocation, string nameParameter, string valueParameter, string tuplesParameter)
    {
        if (invocation.ArgumentFor(tuplesParameter) is { } tuples)
        {
            foreach (var element in tuples.ArrayElements() ?? System.Array.Empty<IOperation>())
                if (element.Unwrap() is ITupleOperation { Elements.Length: 2 } tuple)
                    yield return (tuple.Elements[0], tuple.Elements[1]);
            yield break;
        }
        yield return (invocation.ArgumentFor(nameParameter), invocation.ArgumentFor(valueParameter));
    }
}
