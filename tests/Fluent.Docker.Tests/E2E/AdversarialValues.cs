using System.Globalization;
using System.Text;

namespace Fluent.Docker.Tests.E2E;

/// <summary>
/// The adversarial values and the model that carries them into every config slot of a real image. Both the e2e
/// tests and the offline checks use this one definition, so the text that is built is the text that is checked.
/// </summary>
internal static class AdversarialValues
{
    /// <summary>5000 characters mixing every special character the emitter escapes (no cut surrogate pair).</summary>
    public static string Long5000 { get; } = Repeat("a\"b\\c $d ${e} #f `g 'h' ü✓🐳 %s <<EOF ;&| =\t", 5000);

    /// <summary>
    /// About 70 000 characters (over BuildKit's 65 535-byte physical line limit), so each line that carries it is
    /// wrapped into continuation lines; long runs of '#', blanks and escape characters are where a cut must not go.
    /// Stays below Linux's 128 KiB limit for one argument or environment string, so it can also be run.
    /// </summary>
    public static string LongWrapped { get; } = Repeat("##### \\\\\\\\ ````` \"\" $${x} '' ü🐳 #\t=x", 70_000);

    public static IReadOnlyList<string> Values { get; } =
    [
        // the brief's table
        "a\"b", "a\\b", "trailing\\", "\\\\", "$HOME", "${HOME}", "${x:-y}", "$", "a b  c", " leading and trailing ",
        "ünïcödé ✓ 日本語 🐳", "{\"json\":[\"x\",1]}", "[1,2]", "# not a comment", "#", "--flag=value", "'single'", "back`tick",
        "=", "a=b", "key=\"v\"", "tab\there", "%s%d", "<<EOF", "\\$x", "\"", "''", ";&|", "",
        // escape tokens (both files carry both tokens)
        "`", "``", "trailing`", "`$x", "`\"", "\\\"", "a\\", "\\", "\\ ", "` ",
        // expansion and shell syntax that must stay literal
        "$$", "$(id -u)", "`id`", "${V0}", "$V0", "${HOME:?boom}", "#!/bin/sh", "ENV X=1", "\\\\$HOME",
        // flags, JSON and quoting look-alikes
        "-", "-x", "[\"a\", \"b\"]", "{}", "\\u0041", "%", "\"\"\"", "'", "a'b\"c",
        // whitespace and control characters other than CR/LF/NUL
        " ", "\t", "ctl\v\f\u001b[0m\u007f",
        "\u00a0nbsp\u2028ls\u2029ps\u0085nel", "\u3000ideographic\u3000", "\uFEFFbom", "zwj\u200d👩\u200d💻", "rtl \u202e",
        Long5000, LongWrapped,
    ];

    /// <summary>LABEL keys: the brief's examples plus every value a key can be (not empty, no '=', the validator's rule).</summary>
    public static IReadOnlyList<string> LabelKeys { get; } =
        new[] { "com.example.key with space", "q\"uote", "ünïcödé.ключ.🐳" }
            .Concat(Values.Where(v => v.Length > 0 && !v.Contains('=') && v != LongWrapped))
            .Distinct(StringComparer.Ordinal).ToList();

    /// <summary>
    /// WORKDIR segments: values without '/', not '.' or '..', and at most 255 bytes. BuildKit stores WORKDIR through
    /// Go's path.Clean ('//', '.', '..' and a trailing '/' are resolved) and creates the directory, so a '/' inside a
    /// value is a path separator by design, and a longer segment is the filesystem's NAME_MAX limit, not a text problem.
    /// </summary>
    public static IReadOnlyList<string> WorkdirSegments { get; } = Values
        .Where(v => v.Length > 0 && !v.Contains('/') && v is not ("." or "..") && Encoding.UTF8.GetByteCount(v) <= 255)
        .ToList();

    /// <summary>The final WORKDIR: every segment under /w, one directory per adversarial value.</summary>
    public static string Workdir { get; } = "/w/" + string.Join("/", WorkdirSegments);

    /// <summary>An earlier WORKDIR that BuildKit must clean the way the projection does; the probe checks it exists.</summary>
    public const string UncleanWorkdir = "/w/clean//me/./x/../ y \"$HOME\" /";
    public const string CleanedWorkdir = "/w/clean/me/ y \"$HOME\" ";

    public const string UserName = "--user=x \"q\" $HOME ${x-y} `id` \\ # ü🐳 "; // no ':': the group is given separately
    public const string GroupName = "g${x} \\` 'grp'";

    public const string EntrypointArgument0 = "entry \"$0\" `x` \\ ${y} ü🐳 # --flag";

    /// <summary>The CMD before the values: a shell that prints each following argument as hex, one '=' line after each.</summary>
    public static IReadOnlyList<string> CmdPrefix { get; } =
        ["/bin/sh", "-c", "for a in \"$@\"; do printf '%s' \"$a\" | od -An -v -tx1; echo =; done", "argdump"];

    public static IReadOnlyList<string> Cmd { get; } = [.. CmdPrefix, .. Values];

    public static IReadOnlyList<string> Entrypoint { get; } = ["/bin/sh", "-c", "exec \"$@\"", EntrypointArgument0];

    public static IReadOnlyList<Port> Ports { get; } = [Port.Tcp(8080), Port.Udp(53), Port.Sctp(9999), Port.Tcp(1), Port.Udp(65535)];

    public static string EnvName(int index) => "V" + index.ToString(CultureInfo.InvariantCulture);

    public static string ValueLabelKey(int index) => "com.example.v" + index.ToString(CultureInfo.InvariantCulture);

    public static string KeyLabelValue(int index) => "k" + index.ToString(CultureInfo.InvariantCulture);

    /// <summary>ENV values that mix references with adversarial literals, and what BuildKit must expand them to.</summary>
    public static IReadOnlyList<(string Name, Expandable Value, string Expected)> References { get; } =
    [
        ("R0", Expandable.Variable("V1") + " and $ {V2} \"" + Expandable.Variable("V3") + "`\\", Values[1] + " and $ {V2} \"" + Values[3] + "`\\"),
        ("R1", Expandable.Literal("$V0 literal then ") + Expandable.Variable("V0"), "$V0 literal then " + Values[0]),
        ("R2", Expandable.Variable("V5") + Expandable.Variable("V28") + Expandable.Variable("V13"), Values[5] + Values[28] + Values[13]),
    ];

    public const string ReferenceLabelKey = "com.example.ref";
    public static Expandable ReferenceLabelValue => Expandable.Variable("V2") + " #ref ${V2}";
    public static string ReferenceLabelExpected => Values[2] + " #ref ${V2}";

    /// <summary>
    /// Two stages with the same configuration: <c>probe</c> (no USER, so it can run) and the final stage, which ends
    /// with the adversarial USER (not validated until something runs as it, so nothing runs after it).
    /// </summary>
    public static Dockerfile File(EscapeToken escape)
    {
        Stage Configure(Stage stage) => stage
            .Env([.. Values.Select((v, i) => (EnvName(i), (Expandable)v))])
            .Env([.. References.Select(r => (r.Name, r.Value))])
            .Labels([.. Values.Select((v, i) => ((LabelKey)ValueLabelKey(i), (Expandable)v))])
            .Labels([.. LabelKeys.Select((k, i) => ((LabelKey)k, (Expandable)KeyLabelValue(i)))])
            .Label(ReferenceLabelKey, ReferenceLabelValue)
            .Workdir(UncleanWorkdir)
            .Workdir(Workdir)
            .Expose([.. Ports])
            .Entrypoint([.. Entrypoint])
            .Cmd([.. Cmd]);

        var probe = Configure(Stage.Named("probe").From("busybox:1.36"));
        var final = Configure(Stage.Named("final").From("busybox:1.36")).User(UserSpec.Named(UserName, GroupName));
        return Dockerfile.Create(probe, final).WithEscape(escape);
    }

    /// <summary>Every intended environment entry (name, raw value) of both stages.</summary>
    public static IEnumerable<(string Name, string Value)> IntendedEnv() =>
        Values.Select((v, i) => (EnvName(i), v)).Concat(References.Select(r => (r.Name, r.Expected)));

    /// <summary>Every intended label (key, raw value) of both stages.</summary>
    public static IEnumerable<(string Key, string Value)> IntendedLabels() =>
        Values.Select((v, i) => (ValueLabelKey(i), v))
            .Concat(LabelKeys.Select((k, i) => (k, KeyLabelValue(i))))
            .Append((ReferenceLabelKey, ReferenceLabelExpected));

    /// <summary>A readable, unambiguous form of a value for failure messages (escapes, long values shortened).</summary>
    public static string Show(string? value)
    {
        if (value is null) return "<null>";
        var text = new StringBuilder("\"");
        foreach (var rune in value.EnumerateRunes())
        {
            if (rune.Value is '"' or '\\') text.Append('\\').Append((char)rune.Value);
            else if (Rune.IsControl(rune) || Rune.IsWhiteSpace(rune) && rune.Value != ' ' || rune.Value is 0xFEFF or 0x200D or 0x202E)
                text.Append(CultureInfo.InvariantCulture, $"\\u{rune.Value:x4}");
            else text.Append(rune.ToString());
        }
        text.Append('"');
        var shown = text.ToString();
        return shown.Length <= 160 ? shown : $"{shown[..120]}…({value.Length} chars)";
    }

    /// <summary>Where two values first differ, with both lengths and the text around that place.</summary>
    public static string Diff(string intended, string? actual)
    {
        if (actual is null) return $"intended {Show(intended)}, got nothing";
        if (intended.Length <= 60 && actual.Length <= 60) return $"intended {Show(intended)}, got {Show(actual)}";
        var at = 0;
        while (at < intended.Length && at < actual.Length && intended[at] == actual[at]) at++;
        var from = Math.Max(0, at - 20);
        string Around(string text) => Show(text.Substring(Math.Min(from, text.Length), Math.Min(50, Math.Max(0, text.Length - from))));
        return $"intended {intended.Length} chars, got {actual.Length}; first difference at {at}: intended …{Around(intended)}…, got …{Around(actual)}…";
    }

    private static string Repeat(string pattern, int length)
    {
        var text = new StringBuilder(length + pattern.Length);
        while (text.Length < length) text.Append(pattern);
        text.Length = length;
        if (char.IsHighSurrogate(text[^1])) text[^1] = 'x';
        return text.ToString();
    }
}
