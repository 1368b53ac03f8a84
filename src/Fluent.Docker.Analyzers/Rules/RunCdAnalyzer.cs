using System.Collections.Immutable;
using System.Linq;
using Fluent.Docker.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Fluent.Docker.Analyzers;

/// <summary>
/// FD0014 (hadolint DL3003): <c>cd</c> in a one-line RUN. When the RUN starts with <c>cd /abs &amp;&amp; …</c> the code fix
/// moves the directory into <c>.Workdir("/abs")</c>. Scripts (RunScript) may cd freely.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class RunCdAnalyzer : RunTextAnalyzer
{
    public override string RuleId => RuleIds.RunCd;

    private protected override Diagnostic? Analyze(RunCall run)
    {
        if (run.IsScript) return null;
        var cd = run.Script.Commands.FirstOrDefault(c => c.Program == "cd");
        if (cd is null) return null;
        var target = cd.Words.Count > cd.ProgramIndex + 1 ? cd.Words[cd.ProgramIndex + 1].Value : "";
        var properties = RunText.SplitLeadingCd(run.Script) is { } split
            ? ImmutableDictionary<string, string?>.Empty.Add(FixProperties.Directory, split.Directory).Add(FixProperties.Rest, split.Remainder)
            : null;
        return Create(run.TextOperand, properties, target);
    }
}
