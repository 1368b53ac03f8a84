namespace Fluent.Docker;

/// <summary>
/// The USER of a stage: a name or numeric id, optionally with a group (<c>app</c>, <c>10001</c>, <c>10001:10001</c>).
/// Strings and ints convert implicitly.
/// </summary>
public sealed record UserSpec : IDockerValue
{
    private UserSpec(Expandable user, Expandable? group)
    {
        User = user;
        Group = group;
    }

    public Expandable User { get; }
    public Expandable? Group { get; }

    public static UserSpec Root { get; } = new("root", null);

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

    public ValueProblem? Problem
    {
        get
        {
            if (User.Problem is { } p) return p;
            if (Group?.Problem is { } g) return g;
            if (User.LiteralText is "") return new ValueProblem("The user is empty.", "name a user (e.g. \"app\") or a uid (e.g. 10001).");
            if (Group?.LiteralText is "") return new ValueProblem("The group is empty.", "name a group or gid, or leave it out.");
            if (Group is not null && User.LiteralText?.Contains(':') == true)
                return new ValueProblem("The user name contains ':' and a group is also given.", "pass the group separately, not inside the user name.");
            return null;
        }
    }

    public override string ToString() => Group is null ? User.ToString() : $"{User}:{Group}";
}
