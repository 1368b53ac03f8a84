using Fluent.Docker.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Fluent.Docker.Analyzers;

/// <summary>FD0001 (hadolint DL3006): an image literal with neither tag nor digest.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ImageWithoutTagAnalyzer : ImageLiteralAnalyzer
{
    public override string RuleId => RuleIds.ImageWithoutTag;

    private protected override Diagnostic? Analyze(ImageLiteral image, IOperation at) =>
        image.Tag is null && !image.HasDigest ? Create(at, image.Text) : null;
}
