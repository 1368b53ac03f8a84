using Fluent.Docker.Rules;
using Fluent.Docker.Text;

namespace Fluent.Docker.Linting.Rules;

/// <summary>
/// FD0111 (BuildKit CopyIgnoredFile): a COPY or ADD source in the build context that the .dockerignore leaves out.
/// As in BuildKit, nothing is judged when the ignore file has exceptions (<c>!path</c>): whether a re-included file
/// lies under an excluded folder cannot be told without the context; "." only counts when everything is ignored.
/// </summary>
internal sealed class CopyIgnoredFileRule() : LintRule(RuleIds.CopyIgnoredFile)
{
    internal override IEnumerable<Finding> Check(LintContext context)
    {
        if (Matcher(context.Options.DockerIgnore) is not { HasExceptions: false } matcher) yield break;
        foreach (var at in context.Stages.SelectMany(s => s.Instructions))
        {
            var sources = Codecs.InstructionCodecs.For(at.Instruction).ContextReads(at.Instruction).Where(r => !r.Mounted).Select(r => r.Path.Value);
            var scope = at.Before.Scope();
            foreach (var source in sources.Select(s => GoPath.Clean(BuildState.Expand(s, scope))))
                if (Ignored(matcher, source)) yield return At(at, CommandName(at.Instruction.Keyword), Parsing.GoText.Quote(source)[1..^1]);
        }
    }

    /// <summary>As BuildKit names the command in this check's message: <c>Copy</c>, <c>Add</c>.</summary>
    private static string CommandName(string keyword) => keyword[..1].ToUpperInvariant() + keyword[1..].ToLowerInvariant();

    private static bool Ignored(DockerIgnoreMatcher matcher, string source)
    {
        if (source is "." or "/")
            return matcher.Patterns.Any(p => !p.IsException && p.Text is "*" or "**" or "**/*");
        try
        {
            return matcher.MatchesOrParentMatches(source);
        }
        catch (DockerIgnoreException)
        {
            return false; // the build fails on the pattern itself; that is not this rule's finding
        }
    }

    private static DockerIgnoreMatcher? Matcher(DockerIgnore? ignore)
    {
        if (ignore is null || ignore.Patterns.Count == 0) return null;
        try
        {
            return ignore.Compile();
        }
        catch (Exception e) when (e is DockerfileValidationException or DockerIgnoreException)
        {
            return null;
        }
    }
}
