using Fluent.Docker.Rules;

namespace Fluent.Docker.Linting.Rules;

/// <summary>
/// FD0123 (Docker's "leverage the build cache"): <c>COPY . .</c> of the whole context, then a RUN that installs the
/// dependencies, with no install of that kind before the copy: every code change reinstalls everything.
/// </summary>
internal sealed class CopyAllBeforeInstallRule() : LintRule(RuleIds.CopyAllBeforeInstall)
{
    // (program, subcommand or null for any, the manifest to copy first)
    private static readonly (string Program, string? Verb, string Manifest)[] Installers =
    [
        ("pip", "install", "requirements.txt"), ("pip3", "install", "requirements.txt"), ("npm", "install", "package.json and package-lock.json"),
        ("npm", "ci", "package.json and package-lock.json"), ("yarn", null, "package.json and yarn.lock"), ("pnpm", "install", "package.json and pnpm-lock.yaml"),
        ("bundle", "install", "Gemfile and Gemfile.lock"), ("composer", "install", "composer.json and composer.lock"), ("go", "mod", "go.mod and go.sum"),
        ("dotnet", "restore", "the *.csproj files"), ("poetry", "install", "pyproject.toml and poetry.lock"), ("uv", "sync", "pyproject.toml and uv.lock"),
        ("cargo", "fetch", "Cargo.toml and Cargo.lock"), ("mvn", "dependency:go-offline", "pom.xml"),
    ];

    internal override IEnumerable<Finding> Check(LintContext context)
    {
        foreach (var stage in context.Stages)
        {
            var installedBefore = new HashSet<string>(StringComparer.Ordinal);
            var copiedAll = false;
            InstructionContext? copy = null;
            foreach (var at in stage.Instructions)
            {
                if (!copiedAll && at.Instruction is CopyInstruction { From: null } c && c.Sources.Any(s => s.Value.LiteralText is "." or "./"))
                {
                    copiedAll = true;
                    copy = at;
                    continue;
                }
                foreach (var (program, _, manifest) in Installs(at.Instruction))
                {
                    if (copiedAll && !installedBefore.Contains(program))
                    {
                        yield return At(copy!, RunText(at.Instruction), at.Number, manifest);
                        copiedAll = false; // once per copy
                        break;
                    }
                    installedBefore.Add(program);
                }
            }
        }
    }

    private static IEnumerable<(string Program, string? Verb, string Manifest)> Installs(Instruction instruction)
    {
        if (instruction is not RunInstruction { Command: CommandLine.Shell or CommandLine.Script } run) yield break;
        foreach (var command in ShellScript.Parse(RunText(run)).Commands)
        {
            var words = command.Words.Skip(command.EffectiveProgramIndex).Select(w => w.Value).ToList();
            if (words.Count == 0) continue;
            foreach (var installer in Installers)
                if (Path.GetFileName(words[0]) == installer.Program && (installer.Verb is null || words.Skip(1).FirstOrDefault(w => !w.StartsWith('-')) == installer.Verb))
                    yield return installer;
        }
    }

    private static string RunText(Instruction instruction) => instruction switch
    {
        RunInstruction { Command: CommandLine.Shell shell } => shell.Command.Trim(),
        RunInstruction { Command: CommandLine.Script script } => script.Text.Trim(),
        _ => "",
    };
}
