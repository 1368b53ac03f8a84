namespace Fluent.Docker;

/// <summary>
/// The USER of a stage: a name or numeric id, optionally with a group (<c>app</c>, <c>10001</c>, <c>10001:10001</c>).
/// Strings and ints convert implicitly.
/// </summary>
public sealed record UserSpec : IDockerValue
{
    private UserSpec(Expandable user, Expandable? group)
    {
        // "user:group" in one value is split the way BuildKit's text reads back, so equal text gives equal values.
        if (group is null && Split(user) is var (name, g))
        {
            user = name;
            group = g;
        }
        User = user;
        Group = group;
    }

    /// <summary>The user and group of <c>user:group</c> text: split at the first literal ':' when both sides are non-empty.</summary>
    private static (Expandable User, Expandable Group)? Split(Expandable text)
    {
        for (var i = 0; i < text.Parts.Count; i++)
        {
            var part = text.Parts[i];
            var colon = part.IsLiteral ? part.Text.IndexOf(':', StringComparison.Ordinal) : -1;
            if (colon < 0) continue;
            var user = Expandable.Empty;
            for (var j = 0; j < i; j++) user += Single(text.Parts[j]);
            user += Expandable.Literal(part.Text[..colon]);
            var group = Expandable.Literal(part.Text[(colon + 1)..]);
            for (var j = i + 1; j < text.Parts.Count; j++) group += Single(text.Parts[j]);
            return user.Parts.Count > 0 && group.Parts.Count > 0 ? (user, group) : null;
        }
        return null;
    }

    private static Expandable Single(ExpandablePart part) =>
        part.IsVariable ? Expandable.Variable(part.Text) : part.IsRaw ? Expandable.Raw(part.Text) : Expandable.Literal(part.Text);

    public Expandable User { get; }
    public Expandable? Group { get; }

    public static UserSpec Root { get; } = new("root", null);

    /// <summary>A user (and group); <c>Named("app:app")</c> is the same as <c>Named("app", "app")</c>.</summary>
    public static UserSpec Named(Expandable user, Expandable? group = null) => new(user, group);
    public static UserSpec Id(int uid, int? gid = null) =>
        new(uid.ToString(System.Globalization.CultureInfo.InvariantCulture),
            gid is { } g ? Expandable.Literal(g.ToString(System.Globalization.CultureInfo.InvariantCulture)) : (Expandable?)null);

    public static implicit operator UserSpec(string user) => new(user, null);
    public static implicit operator UserSpec(int uid) => Id(uid);

    /// <summary>The whole value as USER and --chown read it: <c>user</c> or <c>user:group</c>.</summary>
    public Expandable Text => Group is { } group ? User + ":" + group : User;

    /// <summary>True for <c>root</c> and uid <c>0</c>.</summary>
    public bool IsRoot => User.LiteralText is "root" or "0";

    public Problem? Problem
    {
        get
        {
            if (User.Problem is { } p) return p;
            if (Group?.Problem is { } g) return g;
            if (User.LiteralText is "") return Problem.InvalidValue("The user is empty.", "name a user (e.g. \"app\") or a uid (e.g. 10001).");
            if (Group?.LiteralText is "") return Problem.InvalidValue("The group is empty.", "name a group or gid, or leave it out.");
            if (Group is not null && User.LiteralText?.Contains(':') == true)
                return Problem.InvalidValue("The user name contains ':' and a group is also given.", "pass the group separately, not inside the user name.");
            return null;
        }
    }

    public override string ToString() => Group is null ? User.ToString() : $"{User}:{Group}";
}
