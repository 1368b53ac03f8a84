using System.Globalization;

namespace Fluent.Docker.Parsing;

/// <summary>Go's time.ParseDuration (HEALTHCHECK timings): <c>30s</c>, <c>1m30s</c>, <c>1.5h</c>, <c>500ms</c>, <c>10us</c>.</summary>
internal static class GoDuration
{
    /// <summary>The duration in nanoseconds, or null for text Go rejects.</summary>
    public static decimal? ParseNanoseconds(string text)
    {
        var s = text;
        var negative = false;
        if (s.Length > 0 && s[0] is '-' or '+')
        {
            negative = s[0] == '-';
            s = s[1..];
        }
        if (s == "0") return 0m;
        if (s.Length == 0) return null;
        decimal nanoseconds = 0;
        while (s.Length > 0)
        {
            var i = 0;
            while (i < s.Length && (char.IsAsciiDigit(s[i]) || s[i] == '.')) i++;
            var number = s[..i];
            if (number.Length == 0 || number == "." || number.Count(c => c == '.') > 1) return null;
            s = s[i..];
            var j = 0;
            while (j < s.Length && !char.IsAsciiDigit(s[j]) && s[j] != '.') j++;
            decimal unit = s[..j] switch
            {
                "ns" => 1m,
                "us" or "µs" or "μs" => 1_000m,
                "ms" => 1_000_000m,
                "s" => 1_000_000_000m,
                "m" => 60_000_000_000m,
                "h" => 3_600_000_000_000m,
                _ => 0m,
            };
            if (unit == 0m) return null;
            s = s[j..];
            if (!decimal.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)) return null;
            nanoseconds += value * unit;
            if (nanoseconds > long.MaxValue) return null;
        }
        nanoseconds = decimal.Truncate(nanoseconds);
        return negative ? -nanoseconds : nanoseconds;
    }
}
