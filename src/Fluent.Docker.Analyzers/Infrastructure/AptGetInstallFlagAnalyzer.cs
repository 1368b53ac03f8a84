using System;
using System.Linq;
using Fluent.Docker.Rules;
using Microsoft.CodeAnalysis;

namespace Fluent.Docker.Analyzers;

/// <summary>Base of the rules that want a flag on every <c>apt-get install</c>; the code fix inserts it after <c>install</c>.</summary>
public abstract class AptGetInstallFlagAnalyzer : RunTextAnalyzer
{
    private readonly Func<ShellCommand, bool> _hasFlag;
    private readonly string _flag;

    private protected AptGetInstallFlagAnalyzer(Func<ShellCommand, bool> hasFlag, string flag)
    {
        _hasFlag = hasFlag;
        _flag = flag;
    }

    private protected sealed override Diagnostic? Analyze(RunCall run)
    {
        bool Lacks(ShellCommand command) => !_hasFlag(command);
        return RunText.AptGetInstalls(run.Script).Any(Lacks)
            ? Create(run.TextOperand, RunCall.FixedText(run.IsScript ? null : RunText.InsertAfterAptGetInstall(run.Script, Lacks, _flag)))
            : null;
    }
}
