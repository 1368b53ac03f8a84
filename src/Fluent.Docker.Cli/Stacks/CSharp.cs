using System.Text;

namespace Fluent.Docker.Cli.Stacks;

/// <summary>C# source text for values the scaffold and the importer write.</summary>
public static class CSharp
{
    /// <summary>A regular string literal that reads back as <paramref name="value"/>.</summary>
    public static string Literal(string value)
    {
        var text = new StringBuilder("\"");
        foreach (var c in value)
        {
            text.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                '\0' => "\\0",
                _ when char.IsControl(c) => $"\\u{(int)c:x4}",
                _ => c.ToString(),
            });
        }
        return text.Append('"').ToString();
    }

    /// <summary>A collection expression of string literals: <c>["node", "server.js"]</c>.</summary>
    public static string List(IEnumerable<string> values) => "[" + string.Join(", ", values.Select(Literal)) + "]";
}
