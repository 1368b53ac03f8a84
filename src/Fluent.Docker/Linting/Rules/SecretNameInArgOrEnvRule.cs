using Fluent.Docker.Rules;

namespace Fluent.Docker.Linting.Rules;

/// <summary>FD0003 (BuildKit SecretsUsedInArgOrEnv, hadolint DL3064): a stage ARG or ENV whose name looks like a secret.</summary>
internal sealed class SecretNameInArgOrEnvRule() : LintRule(RuleIds.SecretNameInArgOrEnv)
{
    internal override IEnumerable<Finding> Check(LintContext context)
    {
        foreach (var at in context.Stages.SelectMany(s => s.Instructions))
        {
            switch (at.Instruction)
            {
                case ArgInstruction arg when SecretPatterns.IsSecretName(arg.Arg.Name):
                    yield return At(at, "ARG", arg.Arg.Name);
                    break;
                case EnvInstruction env:
                    foreach (var variable in env.Variables.Where(v => SecretPatterns.IsSecretName(v.Name)))
                        yield return At(at, "ENV", variable.Name);
                    break;
            }
        }
    }
}
