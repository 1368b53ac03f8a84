using System.Text.RegularExpressions;

namespace Fluent.Docker.Linting;

/// <summary>The variable names a value reads: typed references, raw <c>${NAME:-x}</c> expressions, and <c>$NAME</c> in text as written.</summary>
internal static partial class VariableReferences
{
    public static IEnumerable<string> In(Expandable value)
    {
        foreach (var part in value.Parts)
        {
            if (part.IsVariable) yield return part.Text;
            else if (part.IsRaw)
                foreach (var name in InText(part.Text))
                    yield return name;
        }
    }

    /// <summary>References in unexpanded Dockerfile text (<c>busybox:${tag}</c>, <c>--platform=$BUILDPLATFORM</c>).</summary>
    public static IEnumerable<string> InText(string text) =>
        Reference().Matches(text).Select(m => m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value);

    [GeneratedRegex(@"(?<!\\)\$(?:\{([A-Za-z_][A-Za-z0-9_]*)|([A-Za-z_][A-Za-z0-9_]*))")]
    private static partial Regex Reference();
}
