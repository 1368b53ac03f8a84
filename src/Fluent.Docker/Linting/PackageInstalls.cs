using Fluent.Docker.Rules;

namespace Fluent.Docker.Linting;

/// <summary>A package manager's install command in a RUN: which manager, and the package words it was given.</summary>
internal sealed record PackageInstall(string Manager, ShellCommand Command, IReadOnlyList<string> Packages, IReadOnlyList<string> Options)
{
    /// <summary>The package words as written (with where each sits in the command text), in the same order as <see cref="Packages"/>.</summary>
    public IReadOnlyList<ShellWord> PackageWords { get; init; } = [];

    public bool Has(params string[] options) => Options.Any(o => options.Contains(o, StringComparer.Ordinal));
}

/// <summary>
/// Finds <c>apt-get install</c>, <c>apk add</c>, <c>pip install</c> and <c>npm install</c> in shell text and splits
/// their words into options and packages (an option's value is neither), so the pinning and cache rules share one reading.
/// </summary>
internal static class PackageInstalls
{
    public const string AptGet = "apt-get";
    public const string Apk = "apk";
    public const string Pip = "pip";
    public const string Npm = "npm";

    private static readonly Dictionary<string, HashSet<string>> OptionsWithValue = new()
    {
        [AptGet] = ["-o", "-c", "-t", "--option", "--config-file", "--target-release"],
        [Apk] = ["-t", "--virtual", "-X", "--repository", "-p", "--root", "--arch", "--keys-dir", "--cache-dir", "--repositories-file"],
        [Pip] =
        [
            "-r", "--requirement", "-c", "--constraint", "-e", "--editable", "-i", "--index-url", "--extra-index-url", "-f", "--find-links",
            "-t", "--target", "--prefix", "--root", "--src", "--platform", "--python-version", "--implementation", "--abi", "--trusted-host",
            "--cache-dir", "--progress-bar", "--upgrade-strategy", "--log", "--proxy", "--retries", "--timeout", "--exists-action", "--cert",
            "--client-cert", "--no-binary", "--only-binary", "-C", "--config-settings", "--global-option",
        ],
        [Npm] = ["--prefix", "--registry", "--cache", "-w", "--workspace", "--tag", "--userconfig", "--loglevel"],
    };

    private static readonly Dictionary<string, string[]> InstallVerbs = new()
    {
        [AptGet] = ["install"],
        [Apk] = ["add"],
        [Pip] = ["install"],
        [Npm] = ["install", "i", "add", "isntall"],
    };

    public static IEnumerable<PackageInstall> In(ShellScript script, string manager) =>
        script.Commands.Select(c => Read(c, manager)).OfType<PackageInstall>();

    private static PackageInstall? Read(ShellCommand command, string manager)
    {
        var shellWords = command.Words.Skip(command.EffectiveProgramIndex).ToList();
        var words = shellWords.Select(w => w.Value).ToList();
        if (words.Count == 0 || ManagerOf(words) is not { } found || found.Manager != manager) return null;
        var rest = words.Skip(found.VerbIndex).ToList();
        var restWords = shellWords.Skip(found.VerbIndex).ToList();
        // The verb is the first word that is neither an option nor an option's value.
        var withValue = OptionsWithValue[manager];
        var options = new List<string>();
        var packages = new List<string>();
        var packageWords = new List<ShellWord>();
        var verbSeen = false;
        for (var i = 0; i < rest.Count; i++)
        {
            var word = rest[i];
            if (word.StartsWith('-'))
            {
                options.Add(word);
                if (withValue.Contains(word) && i + 1 < rest.Count) options.Add(rest[++i]);
                continue;
            }
            if (!verbSeen)
            {
                if (!InstallVerbs[manager].Contains(word, StringComparer.Ordinal)) return null;
                verbSeen = true;
                continue;
            }
            packages.Add(word);
            packageWords.Add(restWords[i]);
        }
        return verbSeen ? new PackageInstall(manager, command, packages, options) { PackageWords = packageWords } : null;
    }

    /// <summary>The manager a command runs and where its own words start: <c>pip3 install</c>, <c>python -m pip install</c>.</summary>
    private static (string Manager, int VerbIndex)? ManagerOf(IReadOnlyList<string> words)
    {
        var program = Path.GetFileName(words[0]);
        if (program == AptGet) return (AptGet, 1);
        if (program == Apk) return (Apk, 1);
        if (program == Npm) return (Npm, 1);
        if (IsPip(program)) return (Pip, 1);
        if (program.StartsWith("python", StringComparison.Ordinal))
            for (var i = 1; i + 1 < words.Count; i++)
                if (words[i] == "-m" && IsPip(words[i + 1])) return (Pip, i + 2);
        return null;
    }

    private static bool IsPip(string program) =>
        program == "pip" || (program.StartsWith("pip", StringComparison.Ordinal) && program[3..].All(c => char.IsAsciiDigit(c) || c == '.'));
}
