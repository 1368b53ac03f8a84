using System.Globalization;
using System.Text.RegularExpressions;

namespace Fluent.Docker.Cli.Stacks;

/// <summary>A port number read from source text: the first match of a rule's regex whose group <c>port</c> is 1-65535.</summary>
internal static class SourcePort
{
    public static (Port Port, string Text)? Find(string text, params Regex[] rules)
    {
        foreach (var rule in rules)
            foreach (Match match in rule.Matches(text))
                if (int.TryParse(match.Groups["port"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number is > 0 and < 65536)
                    return (number, match.Value.Trim());
        return null;
    }
}
