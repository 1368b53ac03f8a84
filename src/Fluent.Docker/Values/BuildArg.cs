namespace Fluent.Docker;

/// <summary>
/// A typed handle to a build argument (<c>ARG NAME[=default]</c>). Declare it on the file (global, usable in
/// FROM) or on a stage with <c>.Arg(handle)</c>; use it inside values, where it renders as <c>${NAME}</c>.
/// </summary>
public sealed record BuildArg : IDockerValue
{
    public BuildArg(string name, Expandable? defaultValue = null)
    {
        Name = name ?? "";
        DefaultValue = defaultValue;
    }

    public string Name { get; }
    /// <summary>The default: literal text, or text with references to earlier ARGs (<c>ARG B=${A}-x</c>), which BuildKit expands.</summary>
    public Expandable? DefaultValue { get; }
    public Problem? Problem => VariableName.Check(Name, "ARG name") ?? DefaultValue?.Problem;

    public BuildArg WithDefault(Expandable? value) => new(Name, value);

    /// <summary>The reference as BuildKit reads it inside an expanded value: <c>${NAME}</c>.</summary>
    public Expandable Reference => Expandable.Variable(Name);

    // BuildKit's automatic platform arguments (declare them in a stage to use them there).
    public static BuildArg BuildPlatform { get; } = new("BUILDPLATFORM");
    public static BuildArg BuildOs { get; } = new("BUILDOS");
    public static BuildArg BuildArch { get; } = new("BUILDARCH");
    public static BuildArg TargetPlatform { get; } = new("TARGETPLATFORM");
    public static BuildArg TargetOs { get; } = new("TARGETOS");
    public static BuildArg TargetArch { get; } = new("TARGETARCH");
    public static BuildArg TargetVariant { get; } = new("TARGETVARIANT");

    public override string ToString() => "${" + Name + "}";
}

/// <summary>The rule for ARG/ENV names, shared by the model and by build requests (build args, SSH agent variables).</summary>
public static class VariableName
{
    /// <summary>ARG/ENV names BuildKit can reference as ${NAME}: a letter or '_' then letters, digits, '_'.</summary>
    public static Problem? Check(string name, string slot)
    {
        if (name.Length == 0) return Problem.InvalidValue($"The {slot} is empty.", "give it a name like APP_VERSION.");
        if (!(char.IsAsciiLetter(name[0]) || name[0] == '_') || !name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'))
            return Problem.InvalidValue($"The {slot} '{ImageReference.Printable(name)}' is not a variable name BuildKit can reference.",
                "use ASCII letters, digits and '_', not starting with a digit (e.g. APP_VERSION).");
        return null;
    }
}
