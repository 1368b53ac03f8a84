namespace Fluent.Docker.Templates;

/// <summary>
/// The non-root account a template's final image runs as. Images with a shell get a named account (so tools such
/// as <c>whoami</c> and <c>ps</c> show a name); USER is always numeric, so orchestrators can verify it is not root
/// (Kubernetes <c>runAsNonRoot</c> needs a number).
/// </summary>
public sealed record RuntimeUser(int Uid, int Gid, string Name)
{
    /// <summary>uid and gid 10001, named <c>app</c>: above the ranges distributions hand out, so it clashes with no system account.</summary>
    public static RuntimeUser Default { get; } = new(10001, 10001, "app");

    public UserSpec Spec => UserSpec.Id(Uid, Gid);

    internal IEnumerable<Problem> Problems()
    {
        if (Uid == 0 || Gid == 0)
            yield return TemplateKit.OptionProblem(nameof(TemplateOptions.User), "Templates run their application as a non-root user; uid or gid 0 is root.", "keep RuntimeUser.Default (10001:10001) or pick ids of 1000 and above.");
        else if (Uid < 0 || Gid < 0)
            yield return TemplateKit.OptionProblem(nameof(TemplateOptions.User), $"{Uid}:{Gid} has a negative id.", "use ids of 1000 and above, e.g. 10001.");
        if (string.IsNullOrEmpty(Name) || Name.Length > 32 || !(char.IsAsciiLetterLower(Name[0]) || Name[0] == '_')
            || !Name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '_' or '-'))
            yield return TemplateKit.OptionProblem(nameof(TemplateOptions.User), $"'{Name}' is not a portable user name.", "use lowercase letters, digits, '_' or '-', starting with a letter, at most 32 characters (e.g. 'app').");
    }
}
