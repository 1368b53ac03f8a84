using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Fluent.Docker.Engine;

/// <summary>
/// An image history entry in Dockerfile words. BuildKit records some instructions with Go's <c>%v</c> of its config
/// structs (<c>EXPOSE map[8080/tcp:{}]</c> up to BuildKit 0.13, <c>EXPOSE [8080/tcp]</c> from the sorted port list of
/// BuildKit 0.2x in Docker 28, <c>HEALTHCHECK &amp;{["CMD" "/app"] "30s" "3s" "0s" "0s" '\x03'}</c>) and
/// shell steps with their <c>/bin/sh -c</c> and <c># buildkit</c> markers; people read the instruction they wrote.
/// </summary>
internal static partial class HistoryText
{
    public static string Readable(string createdBy)
    {
        ArgumentNullException.ThrowIfNull(createdBy);
        var text = createdBy.Replace("/bin/sh -c ", "", StringComparison.Ordinal).Replace(" # buildkit", "", StringComparison.Ordinal)
            .Replace('\n', ' ').Replace('\t', ' ').Trim();
        if (ExposeMap().Match(text) is { Success: true } expose)
            return "EXPOSE " + string.Join(' ', ExposePort().Matches(expose.Groups["ports"].Value).Select(m => m.Groups["port"].Value));
        if (ExposeList().Match(text) is { Success: true } list)
            return "EXPOSE " + list.Groups["ports"].Value;
        if (HealthcheckStruct().Match(text) is { Success: true } health)
            return Healthcheck(health);
        return text;
    }

    private static string Healthcheck(Match health)
    {
        var test = GoString().Matches(health.Groups["test"].Value).Select(m => Unquote(m.Groups["body"].Value)).ToList();
        var durations = GoString().Matches(health.Groups["durations"].Value).Select(m => m.Groups["body"].Value).ToList();
        var command = test switch
        {
            ["NONE", ..] => "NONE",
            ["CMD-SHELL", var shell, ..] => "CMD " + shell,
            ["CMD", .. var argv] => "CMD [" + string.Join(',', argv.Select(a => "\"" + a.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"")) + "]",
            _ => string.Join(' ', test),
        };
        if (command == "NONE") return "HEALTHCHECK NONE";
        var options = new List<string>();
        string[] names = ["interval", "timeout", "start-period", "start-interval"];
        for (var i = 0; i < Math.Min(names.Length, durations.Count); i++)
            if (durations[i] != "0s") options.Add($"--{names[i]}={durations[i]}");
        if (Retries(health.Groups["retries"].Value) is > 0 and var retries) options.Add("--retries=" + retries.ToString(CultureInfo.InvariantCulture));
        return "HEALTHCHECK " + string.Concat(options.Select(o => o + " ")) + command;
    }

    // Go prints Retries (an int) as a rune literal ('\x03') or a number, depending on the engine's version.
    private static int Retries(string text)
    {
        text = text.Trim();
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number)) return number;
        if (text.Length >= 3 && text[0] == '\'' && text[^1] == '\'')
        {
            var body = text[1..^1];
            if (body.StartsWith("\\x", StringComparison.Ordinal) && int.TryParse(body[2..], NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var hex)) return hex;
            if (body.Length == 1) return body[0];
        }
        return 0;
    }

    private static string Unquote(string body)
    {
        var text = new StringBuilder(body.Length);
        for (var i = 0; i < body.Length; i++)
        {
            if (body[i] == '\\' && i + 1 < body.Length && body[i + 1] is '"' or '\\') i++;
            text.Append(body[i]);
        }
        return text.ToString();
    }

    [GeneratedRegex(@"^EXPOSE map\[(?<ports>[^\]]*)\]$")]
    private static partial Regex ExposeMap();

    [GeneratedRegex(@"^EXPOSE \[(?<ports>\d+(?:-\d+)?/\w+(?: \d+(?:-\d+)?/\w+)*)\]$")]
    private static partial Regex ExposeList();

    [GeneratedRegex(@"(?<port>\d+(?:-\d+)?/\w+):\{\}")]
    private static partial Regex ExposePort();

    [GeneratedRegex(@"^HEALTHCHECK &\{\[(?<test>.*)\](?<durations>(?:\s+""[^""]*"")*)\s+(?<retries>'[^']*'|\d+)\}$")]
    private static partial Regex HealthcheckStruct();

    [GeneratedRegex(@"""(?<body>(?:[^""\\]|\\.)*)""")]
    private static partial Regex GoString();
}
