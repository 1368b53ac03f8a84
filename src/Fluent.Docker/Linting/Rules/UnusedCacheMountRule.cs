using Fluent.Docker.Rules;

namespace Fluent.Docker.Linting.Rules;

/// <summary>
/// FD0124: a RUN cache mount at a package manager's cache (<see cref="CacheMounts"/>: <c>~/.npm</c>,
/// <c>~/.nuget/packages</c>, <c>/go/pkg/mod</c>, …) while no command of that RUN is a program that uses it: the
/// mount is for another tool, or the RUN installs nothing. Targets the catalogue does not know, and RUNs whose
/// programs cannot be read, are left alone: a variable as the program, or a build driver that runs tools of its own
/// (make, a script by path such as <c>./build.sh</c>, <c>sh build.sh</c>).
/// </summary>
internal sealed class UnusedCacheMountRule() : LintRule(RuleIds.UnusedCacheMount)
{
    /// <summary>Programs that run other tools the RUN text does not name.</summary>
    private static readonly HashSet<string> BuildDrivers =
        new(["make", "gmake", "cmake", "ninja", "just", "task", "mage", "bazel", "bazelisk", "scons", "xargs", "env", "exec", "nice", "time", "timeout"], StringComparer.Ordinal);

    private static readonly HashSet<string> Shells = new(["sh", "bash", "dash", "ash", "zsh"], StringComparer.Ordinal);

    internal override IEnumerable<Finding> Check(LintContext context)
    {
        foreach (var at in context.Stages.SelectMany(stage => stage.Instructions))
        {
            if (at.Instruction is not RunInstruction run) continue;
            var caches = run.Options.OfType<CacheMount>()
                .Select(mount => (Mount: mount, Cache: CacheMounts.Of(mount)))
                .Where(m => m.Cache is not null)
                .ToList();
            if (caches.Count == 0 || Programs(run) is not { } programs) continue;
            foreach (var (mount, cache) in caches)
                if (!cache!.Programs.Any(programs.Contains))
                    yield return At(at, mount.Target.Value.LiteralText, cache.Tool, string.Join(", ", cache.Programs));
        }
    }

    /// <summary>The programs the RUN's commands run (<c>pip3</c> counts as pip, <c>python -m pip</c> as pip), or null when one is unreadable.</summary>
    private static HashSet<string>? Programs(RunInstruction run)
    {
        var commands = run.Command switch
        {
            CommandLine.Exec exec => [exec.Arguments.ToList()],
            CommandLine.Shell shell => Commands(shell.Command),
            CommandLine.Script script => Commands(script.Text),
            _ => [],
        };
        var programs = new HashSet<string>(StringComparer.Ordinal);
        foreach (var words in commands)
        {
            if (words.Count == 0) continue;
            if (words[0].Contains('$', StringComparison.Ordinal)) return null;
            var program = Normalize(Path.GetFileName(words[0]));
            var known = CacheMounts.All.Any(cache => cache.Programs.Contains(program)) || program is "python" or "corepack";
            // A script by path, or a driver, may run any tool; so may a shell given a script file rather than -c text.
            if (!known && (BuildDrivers.Contains(program) || words[0].Contains('/', StringComparison.Ordinal))) return null;
            if (Shells.Contains(program) && !words.Contains("-c")) return null;
            programs.Add(program);
            // A runner names the tool it runs: python -m pip, corepack pnpm, and a shell's -c text.
            if (program.StartsWith("python", StringComparison.Ordinal))
                for (var i = 1; i + 1 < words.Count; i++)
                    if (words[i] == "-m") { programs.Add(Normalize(words[i + 1])); break; }
            if (program == "corepack" && words.Count > 1) programs.Add(Normalize(words[1]));
            if (Shells.Contains(program) && words.IndexOf("-c") is var c and >= 0 && c + 1 < words.Count)
                foreach (var inner in Commands(words[c + 1]))
                    if (inner.Count > 0) programs.Add(Normalize(Path.GetFileName(inner[0])));
        }
        return programs;
    }

    private static List<List<string>> Commands(string text) =>
        ShellScript.Parse(text).Commands.Select(c => c.Words.Skip(c.EffectiveProgramIndex).Select(w => w.Value).ToList()).ToList();

    /// <summary><c>pip3</c>, <c>pip3.13</c> → pip; <c>python3.13</c> → python.</summary>
    private static string Normalize(string program)
    {
        foreach (var family in (ReadOnlySpan<string>)["pip", "python"])
            if (program.StartsWith(family, StringComparison.Ordinal) && program[family.Length..].All(c => char.IsAsciiDigit(c) || c == '.'))
                return family;
        return program;
    }
}
