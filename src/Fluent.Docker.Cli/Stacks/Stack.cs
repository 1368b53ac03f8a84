namespace Fluent.Docker.Cli.Stacks;

/// <summary>A language template <c>init</c> can scaffold; <see cref="Id"/> is what <c>--template</c> takes.</summary>
public sealed record StackKind(string Id, string DisplayName, string TemplateClass, string OptionsClass)
{
    public static StackKind DotNet { get; } = new("dotnet", ".NET", "DotNetTemplate", "DotNetOptions");
    public static StackKind Go { get; } = new("go", "Go", "GoTemplate", "GoOptions");
    public static StackKind Java { get; } = new("java", "Java", "JavaTemplate", "JavaOptions");
    public static StackKind Python { get; } = new("python", "Python", "PythonTemplate", "PythonOptions");
    public static StackKind Node { get; } = new("node", "Node.js", "NodeTemplate", "NodeOptions");
    public static StackKind Static { get; } = new("static", "static site", "StaticSiteTemplate", "StaticSiteOptions");

    /// <summary>In the order detection prefers them when a directory matches several.</summary>
    public static IReadOnlyList<StackKind> All { get; } = [DotNet, Go, Java, Python, Node, Static];

    public static StackKind? Find(string id) => All.FirstOrDefault(k => string.Equals(k.Id, id, StringComparison.OrdinalIgnoreCase));

    public override string ToString() => Id;
}

/// <summary>
/// A stack found in a directory: which template, the file that gave it away, and the template options read from the
/// project (as C# expressions the scaffold writes verbatim, e.g. <c>Project</c> → <c>"Api.csproj"</c>). <see cref="App"/>
/// is what was read about the app itself (kind, entry, port, and why); <see cref="Warnings"/> what will stop a build
/// until the user acts (a missing lock file, say), each with its fix.
/// </summary>
public sealed record DetectedStack(StackKind Kind, string Evidence, IReadOnlyList<(string Option, string Expression)> Options)
{
    public DetectedApp? App { get; init; }

    public IReadOnlyList<string> Warnings { get; init; } = [];

    public override string ToString() => $"{Kind.DisplayName} ({Evidence})";
}
