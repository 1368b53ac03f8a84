using System.Text;
using Fluent.Docker.Emit;
using static Fluent.Docker.Tests.Emit.EmitKit;

namespace Fluent.Docker.Tests.Emit;

/// <summary>
/// Logical lines longer than BuildKit reads (65535 bytes a physical line) are cut into continuation lines. BuildKit
/// joins them by removing the trailing escape character and concatenating exactly; it drops a continuation line
/// that is blank or whose first non-blank character is '#'; and it does not continue a line whose trailing escape
/// character follows another escape character. These tests check every emitted physical line against those rules,
/// and that joining reproduces the logical line byte for byte.
/// </summary>
public class LineWrapTests
{
    private const int Max = DockerfileEmitter.MaxLineBytes;

    // Every character class that matters: blanks, '#', both escape tokens, quotes, '$', multi-byte and astral chars.
    private const string Alphabet = "aaaaaaaabbbbcccc0123456789/._-  \t##$$\\\\\"'`é✓😀";

    private static string RandomText(int seed, int length)
    {
        var random = new Random(seed);
        var text = new StringBuilder(length + 2);
        var symbols = new List<string>();
        for (var i = 0; i < Alphabet.Length; i++)
            symbols.Add(char.IsHighSurrogate(Alphabet[i]) ? Alphabet.Substring(i++, 2) : Alphabet[i].ToString());
        while (text.Length < length) text.Append(symbols[random.Next(symbols.Count)]);
        return text.ToString();
    }

    public static TheoryData<int, EscapeToken> Seeds()
    {
        var data = new TheoryData<int, EscapeToken>();
        foreach (var seed in new[] { 1, 2, 3, 42 })
        {
            data.Add(seed, EscapeToken.Backslash);
            data.Add(seed, EscapeToken.Backtick);
        }
        return data;
    }

    /// <summary>Emits FROM, the instruction and a marker USER line; checks the instruction's physical lines.</summary>
    private static void AssertWrapsExactly(Func<Stage, Stage> build, EscapeToken escape, bool expectWrapped = true)
    {
        var stage = build(App());
        Assert.Single(stage.Instructions);
        var logical = LogicalLine(stage.Instructions[0], escape);
        var text = Dockerfile.Create(stage.User("marker")).WithEscape(escape).Emit();
        var esc = escape == EscapeToken.Backtick ? '`' : '\\';

        var lines = text[..^1].Split('\n');
        foreach (var line in lines) Assert.True(Encoding.UTF8.GetByteCount(line) <= Max, $"a physical line has {Encoding.UTF8.GetByteCount(line)} bytes");

        var first = Array.FindIndex(lines, l => l.StartsWith("FROM ", StringComparison.Ordinal)) + 1;
        var last = Array.IndexOf(lines, "USER marker") - 1;
        var physical = lines[first..(last + 1)];
        Assert.Equal(expectWrapped, physical.Length > 1);

        for (var i = 0; i < physical.Length; i++)
        {
            var line = physical[i];
            if (i > 0)
            {
                var content = line.TrimStart();
                Assert.True(content.Length > 0, $"continuation line {i} is blank");
                Assert.False(content.StartsWith('#'), $"continuation line {i} starts with '#'");
            }
            if (i < physical.Length - 1)
            {
                Assert.True(line.Length >= 2 && line[^1] == esc && line[^2] != esc, $"line {i} does not end with a lone continuation character");
                Assert.False(char.IsHighSurrogate(line[^2]), $"line {i} splits a surrogate pair");
            }
        }

        var joined = string.Concat(physical.Select((l, i) => i < physical.Length - 1 ? l[..^1] : l));
        Assert.Equal(logical, joined);
        // And the same through a model of BuildKit's own line joining, over the whole file.
        Assert.Contains(logical, BuildKitLogicalLines(text, esc));
        Assert.Equal("USER marker", BuildKitLogicalLines(text, esc)[^1]);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Env_value_with_every_special_character(int seed, EscapeToken escape) =>
        AssertWrapsExactly(s => s.Env("A", RandomText(seed, 150_000)), escape);

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Label_value(int seed, EscapeToken escape) =>
        AssertWrapsExactly(s => s.Label("com.example.long", RandomText(seed, 70_000)), escape);

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Shell_command_written_verbatim(int seed, EscapeToken escape)
    {
        var command = "echo " + RandomText(seed, 120_000) + " done";
        AssertWrapsExactly(s => s.Run(command), escape);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Copy_paths_in_json_form(int seed, EscapeToken escape) =>
        AssertWrapsExactly(s => s.Copy([RandomText(seed, 40_000), RandomText(seed + 100, 40_000)], "/dst/"), escape);

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Copy_paths_in_bare_form(int seed, EscapeToken escape)
    {
        // No blanks: the words stay bare, every special character escaped.
        var words = Enumerable.Range(0, 40).Select(i => (SourcePath)RandomText(seed * 100 + i, 3_000).Replace(" ", "").Replace("\t", "")).ToList();
        AssertWrapsExactly(s => s.Copy(words, "/dst/"), escape);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Exec_form_json(int seed, EscapeToken escape) =>
        AssertWrapsExactly(s => s.RunExec(["/bin/echo", RandomText(seed, 100_000)]), escape);

    [Fact]
    public void Escape_characters_at_every_position_never_end_a_continuation_line()
    {
        // Literal '$' and '\' become \$ and \\ inside quotes: a cut between the two would end the instruction.
        AssertWrapsExactly(s => s.Env("A", string.Concat(Enumerable.Repeat("$\\a", 40_000))), EscapeToken.Backslash);
        AssertWrapsExactly(s => s.Env("A", string.Concat(Enumerable.Repeat("$`a", 40_000))), EscapeToken.Backtick);
    }

    [Fact]
    public void Long_runs_of_blanks_and_hashes_that_still_leave_cut_points()
    {
        var value = string.Concat(Enumerable.Repeat(new string(' ', 30_000) + "x" + new string('#', 30_000) + "y", 3));
        AssertWrapsExactly(s => s.Env("A", value), EscapeToken.Backslash);
        AssertWrapsExactly(s => s.Run("echo " + string.Concat(Enumerable.Repeat(" # a", 40_000))), EscapeToken.Backslash);
    }

    [Fact]
    public void Lines_up_to_the_limit_are_not_wrapped()
    {
        // "ENV A=" is 6 bytes: 65529 more make exactly 65535.
        AssertWrapsExactly(s => s.Env("A", new string('x', Max - 6)), EscapeToken.Backslash, expectWrapped: false);
        AssertWrapsExactly(s => s.Env("A", new string('x', Max - 5)), EscapeToken.Backslash, expectWrapped: true);
        // Multi-byte: 'é' is 2 bytes in UTF-8, so the byte count decides, not the char count.
        AssertWrapsExactly(s => s.Env("A", "\"" + new string('é', 32_000)), EscapeToken.Backslash, expectWrapped: false);
        AssertWrapsExactly(s => s.Env("A", new string('é', 33_000)), EscapeToken.Backslash, expectWrapped: true);
    }

    [Fact]
    public void Physical_lines_of_a_short_line_are_the_line_itself() =>
        Assert.Equal(["ENV A=b"], DockerfileEmitter.PhysicalLines(new DockerfileSyntax(EscapeToken.Backslash), "ENV A=b"));

    [Theory]
    [InlineData("blanks")]
    [InlineData("hashes")]
    [InlineData("blank-hash")]
    [InlineData("backslashes")]
    public void A_line_with_no_possible_cut_point_is_a_validation_error_not_a_broken_file(string kind)
    {
        var stage = kind switch
        {
            "blanks" => App().Env("A", new string(' ', 70_000)),
            "hashes" => App().Label("com.example.x", new string('#', 70_000)),
            "blank-hash" => App().Run("echo" + string.Concat(Enumerable.Repeat(" #", 40_000))),
            _ => App().Copy(new string('\\', 40_000), "/dst/"),
        };
        var file = Dockerfile.Create(stage);
        var error = Assert.Single(file.Validate());
        AssertAt(error, "app", 0, 1, stage.Instructions[0].Keyword, "line");
        Assert.Contains("65535", error.Message);
        Assert.Throws<DockerfileValidationException>(() => file.Emit());
    }

    [Fact]
    public void Unwrappable_global_arg_is_a_validation_error()
    {
        var error = Assert.Single(Dockerfile.Create(App()).WithGlobalArg(new BuildArg("A", new string(' ', 70_000))).Validate());
        AssertAt(error, null, null, null, "ARG", "line");
    }
}
