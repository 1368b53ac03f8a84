using Fluent.Docker.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Fluent.Docker.Analyzers;

/// <summary>FD0002 (hadolint DL3007): an image literal tagged <c>latest</c> without a digest, or <c>WithTag("latest")</c>.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ImageLatestTagAnalyzer : ImageLiteralAnalyzer
{
    public override string RuleId => RuleIds.ImageLatestTag;

    private protected override Diagnostic? Analyze(ImageLiteral image, IOperation at) =>
        image.Tag == "latest" && !image.HasDigest ? Create(at, image.Text) : null;

    private protected override Diagnostic? AnalyzeTag(string tag, IOperation at) =>
        tag == "latest" ? Create(at, ":latest") : null;
}
