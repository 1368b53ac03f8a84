namespace Fluent.Docker.Import;

/// <summary>Names of the generated code: <c>namespace Namespace; public static class ClassName { public static Dockerfile MethodName() … }</c>.</summary>
public sealed record ImportOptions
{
    public string Namespace { get; init; } = "Imported";
    public string ClassName { get; init; } = "ImportedDockerfile";
    public string MethodName { get; init; } = "Create";

    internal void Check()
    {
        foreach (var (value, what) in new[] { (Namespace, "namespace"), (ClassName, "class name"), (MethodName, "method name") })
        {
            var parts = what == "namespace" ? value.Split('.') : [value];
            if (string.IsNullOrEmpty(value) || parts.Any(p => p.Length == 0 || !(char.IsLetter(p[0]) || p[0] == '_') || !p.All(c => char.IsLetterOrDigit(c) || c == '_')))
                throw new ArgumentException($"'{value}' is not a C# {what}.", nameof(ImportOptions));
        }
    }
}
