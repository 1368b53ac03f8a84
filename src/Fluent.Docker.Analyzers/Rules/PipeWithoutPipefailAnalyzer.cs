using Fluent.Docker.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Fluent.Docker.Analyzers;

/// <summary>
/// FD0019 (hadolint DL4006): a RUN with a pipe and no <c>set -o pipefail</c> before it. Quiet when the stage
/// visibly sets a SHELL (which may carry -o pipefail). The code fix prepends <c>set -o pipefail &amp;&amp;</c>.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class PipeWithoutPipefailAnalyzer : RunTextAnalyzer
{
    public override string RuleId => RuleIds.PipeWithoutPipefail;

    private protected override Diagnostic? Analyze(RunCall run) =>
        RunText.PipesWithoutPipefail(run.Script) && !run.StageSetsShell()
            ? Create(run.TextOperand, RunCall.FixedText(run.IsScript ? null : RunText.PrependPipefail(run.Script)))
            : null;
}
