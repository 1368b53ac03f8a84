using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Fluent.Docker.Analyzers;

/// <summary>An image reference written as a constant: <c>"alpine:3.20"</c> converted to ImageReference, or <c>ImageReference.Parse("…")</c>.</summary>
internal readonly struct ImageLiteral
{
    public ImageLiteral(string text)
    {
        Text = text;
        var rest = text;
        var at = rest.IndexOf('@');
        HasDigest = at >= 0;
        if (at >= 0) rest = rest.Substring(0, at);
        var colon = rest.LastIndexOf(':');
        Tag = colon > rest.LastIndexOf('/') ? rest.Substring(colon + 1) : null;
    }

    public string Text { get; }
    public string? Tag { get; }
    public bool HasDigest { get; }

    /// <summary>"scratch" names no image to pull.</summary>
    public bool IsScratch => string.Equals(Text, "scratch", StringComparison.Ordinal);
}

/// <summary>Base of the rules on image reference literals.</summary>
public abstract class ImageLiteralAnalyzer : FluentDockerAnalyzer
{
    private protected ImageLiteralAnalyzer() { }

    private protected sealed override void Register(CompilationStartAnalysisContext context, FluentDockerTypes types)
    {
        if (types.ImageReference is null) return;
        context.RegisterOperationAction(operation =>
        {
            var conversion = (IConversionOperation)operation.Operation;
            if (FluentDockerTypes.Is(conversion.OperatorMethod?.ContainingType, types.ImageReference)
                && FluentDockerTypes.Is(conversion.Type, types.ImageReference)
                && conversion.Operand.ConstantString() is { Length: > 0 } text)
                Check(new ImageLiteral(text), conversion.Operand, operation);
        }, OperationKind.Conversion);
        context.RegisterOperationAction(operation =>
        {
            var invocation = (IInvocationOperation)operation.Operation;
            if (!FluentDockerTypes.Is(invocation.TargetMethod.ContainingType, types.ImageReference)) return;
            if (invocation.TargetMethod.Name is "Parse" or "TryParse" && invocation.ArgumentFor("text") is { } text && text.ConstantString() is { Length: > 0 } value)
                Check(new ImageLiteral(value), text, operation);
            else if (invocation.TargetMethod.Name == "WithTag" && invocation.ArgumentFor("tag") is { } tag && tag.ConstantString() is { } tagValue)
                CheckTag(tagValue, tag, operation);
        }, OperationKind.Invocation);
    }

    private void Check(ImageLiteral image, IOperation at, OperationAnalysisContext context)
    {
        if (!image.IsScratch && Analyze(image, at) is { } diagnostic) context.ReportDiagnostic(diagnostic);
    }

    private void CheckTag(string tag, IOperation at, OperationAnalysisContext context)
    {
        if (AnalyzeTag(tag, at) is { } diagnostic) context.ReportDiagnostic(diagnostic);
    }

    private protected abstract Diagnostic? Analyze(ImageLiteral image, IOperation at);

    /// <summary>For <c>reference.WithTag("…")</c>; most rules have nothing to say.</summary>
    private protected virtual Diagnostic? AnalyzeTag(string tag, IOperation at) => null;
}
