using Fluent.Docker.Rules;

namespace Fluent.Docker.Linting.Rules;

/// <summary>FD0003 (BuildKit SecretsUsedInArgOrEnv, hadolint DL3064): a stage ARG or ENV whose name looks like a secret.</summary>
internal sealed class SecretNameInArgOrEnvRule() : LintRule(RuleIds.SecretNameInArgOrEnv)
{
    internal override IEnumerable<Finding> Check(LintContext context)
    {
        foreach (var at in context.Stages.SelectMany(s => s.Instructions))
        {
            foreach (var name in Codecs.InstructionCodecs.For(at.Instruction).DeclaredVariables(at.Instruction).Where(SecretPatterns.IsSecretName))
                yield return At(at, at.Instruction.Keyword, name);
        }
    }
}
