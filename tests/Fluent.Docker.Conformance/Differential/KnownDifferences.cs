using System.Text.RegularExpressions;
using Fluent.Docker.Linting;
using Fluent.Docker.Parsing;

namespace Fluent.Docker.Conformance.Differential;

/// <summary>Which side a known difference lets a finding stand alone on.</summary>
public enum DifferenceSide
{
    /// <summary>BuildKit reports it; our lint legitimately does not.</summary>
    BuildKitOnly,

    /// <summary>Our lint reports it; BuildKit legitimately does not.</summary>
    OursOnly,
}

/// <summary>What a difference may look at: the case and our report of it.</summary>
public sealed record CaseFacts(CheckCase Case, LintReport Report);

/// <summary>One explained, legitimate difference between our lint and BuildKit's checks.</summary>
/// <param name="Name">A short name, printed with each finding it lets through.</param>
/// <param name="Side">The side whose finding it lets stand without a match.</param>
/// <param name="Why">Why the two differ here, and why that is right.</param>
/// <param name="Covers">True for the findings it applies to.</param>
public sealed record KnownDifference(string Name, DifferenceSide Side, string Why, Func<CheckFinding, CaseFacts, bool> Covers);

/// <summary>
/// The legitimate differences, each a rule with its reason; never a list of files. A finding one of them covers is
/// left out of the comparison (and listed in the outcome); everything else must match exactly.
/// </summary>
public static class KnownDifferences
{
    public static IReadOnlyList<KnownDifference> All { get; } =
    [
        new("skip-comment-above-instruction", DifferenceSide.BuildKitOnly,
            "A '# check=skip=<check>' (or skip=all) comment right above an instruction turns the check off for that instruction " +
            "from Dockerfile 1.20 (moby/buildkit#6334), and our lint honours it for a file whose # syntax= names such a frontend. " +
            "The checker swaps that directive for the lab's builtin frontend (Docker 28.5, Dockerfile 1.19), which reads the " +
            "comment as a plain one. Files without a syntax directive are linted as the builtin frontend reads them: no difference.",
            (finding, facts) => NamesAFrontend(facts.Case.Text) && SkippedByCommentAbove(finding, facts.Case.Text)),
        new("secret-name-allowed-words", DifferenceSide.BuildKitOnly,
            "SecretsUsedInArgOrEnv in the BuildKit our lint follows (73ed6825, buildkit-lint/SecretsUsedInArgOrEnv-1) does not flag " +
            "a name with a word 'file' or 'version' (PASSWORD_FILE, AUTH_MODULE_VERSION): they name where a secret is, or a " +
            "version. The lab's Docker 28.5 frontend only exempts 'public'.",
            (finding, _) => finding.Check == "SecretsUsedInArgOrEnv" && SecretName(finding.Message) is { } name && HasWord(name, "file", "version")),
        new("copy-ignored-file-experimental-in-lab", DifferenceSide.OursOnly,
            "CopyIgnoredFile runs by default in the BuildKit our lint follows (73ed6825, buildkit-lint/CopyIgnoredFiles-*); in the " +
            "lab's Docker 28.5 frontend it is still experimental and runs only when '# check=experimental=CopyIgnoredFile' enables it.",
            (finding, facts) => finding.Check == "CopyIgnoredFile" && !EnablesExperimental(facts.Case.Text, "CopyIgnoredFile")),
        new("base-image-platform", DifferenceSide.BuildKitOnly,
            "InvalidBaseImagePlatform compares the platform of the image the engine pulled with the one the stage asked for. " +
            "Our rule (FD0125) runs only when the lint is given an engine, and this run lints without one (every image is stood " +
            "in for by busybox:1.36 here); BaseImagePlatformE2ETests compares it with the engine on images of known platforms.",
            (finding, _) => finding.Check == "InvalidBaseImagePlatform"),
    ];

    private static readonly Regex CheckDirective = new(@"^\s*#\s*check\s*=\s*(?<value>.*)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    /// <summary>
    /// The comment lines right above the finding's line say <c>check=skip=</c> with its check or <c>all</c>; the file's
    /// parser directives (which both read, and a BUILDKIT_DOCKERFILE_CHECK build arg replaces) are not such comments.
    /// </summary>
    private static bool SkippedByCommentAbove(CheckFinding finding, string text)
    {
        if (finding.Line is not { } line) return false;
        var directives = DockerfileSyntaxTree.Parse(text).Directives.Select(d => d.Line).ToHashSet();
        var lines = text.Split('\n');
        for (var at = line - 2; at >= 0 && lines[at].TrimStart().StartsWith('#') && !directives.Contains(at + 1); at--)
            if (CheckDirective.Match(lines[at]) is { Success: true } match && Skipped(match.Groups["value"].Value).Any(c => c == "all" || c == finding.Check.ToLowerInvariant()))
                return true;
        return false;
    }

    private static bool NamesAFrontend(string text) =>
        DockerfileSyntaxTree.Parse(text).Directives.Any(d => d.Name == "syntax");

    // "skip=A,B // why" -> a, b
    private static IEnumerable<string> Skipped(string value) =>
        value.Split("//")[0].Split(';').Select(p => p.Trim()).Where(p => p.StartsWith("skip=", StringComparison.OrdinalIgnoreCase))
            .SelectMany(p => p["skip=".Length..].Split(',')).Select(c => c.Trim().ToLowerInvariant());

    private static bool EnablesExperimental(string text, string check) =>
        text.Split('\n').Select(l => CheckDirective.Match(l)).Where(m => m.Success)
            .Any(m => m.Groups["value"].Value.Split(';').Select(p => p.Trim())
                .Any(p => p.StartsWith("experimental=", StringComparison.OrdinalIgnoreCase) && p["experimental=".Length..].Split(',').Any(c => c.Trim() is var name && (name == "all" || name == check))));

    // BuildKit's detail: Do not use ARG or ENV instructions for sensitive data (ENV "NAME")
    private static string? SecretName(string message) =>
        Regex.Match(message, "\\((?:ARG|ENV) \"(?<name>[^\"]*)\"\\)$") is { Success: true } m ? m.Groups["name"].Value : null;

    private static bool HasWord(string name, params string[] words) =>
        name.Split('_').Any(part => words.Contains(part, StringComparer.OrdinalIgnoreCase));
}
