using Fluent.Docker.Emit;
using static Fluent.Docker.Tests.Emit.EmitKit;

namespace Fluent.Docker.Tests.Emit;

/// <summary>
/// Exact emitted text for values BuildKit would otherwise misread. The expected strings encode BuildKit's rules:
/// inside double quotes only <c>"</c>, <c>$</c> and the escape token are escapable; outside quotes the escape
/// token makes any next character literal; exec forms are JSON; a leading <c>--word</c> is a flag; flag values
/// pass BuildKit's flag parser (backslash escapes, always) before the lexer expands them.
/// </summary>
public class EscapingTests
{
    private const EscapeToken Backtick = EscapeToken.Backtick;

    // ---- ENV / LABEL / ARG / WORKDIR / USER: one word, bare or double-quoted

    [Theory]
    [InlineData("plain", "ENV A=plain")]
    [InlineData("/usr/local/bin:/usr/bin", "ENV A=/usr/local/bin:/usr/bin")]
    [InlineData("say \"hi\"", "ENV A=\"say \\\"hi\\\"\"")]
    [InlineData("it's", "ENV A=\"it's\"")]
    [InlineData(@"C:\tools\bin", @"ENV A=""C:\\tools\\bin""")]
    [InlineData("cost $5", "ENV A=\"cost \\$5\"")]
    [InlineData("${x}", "ENV A=\"\\${x}\"")]
    [InlineData("$HOME/bin", "ENV A=\"\\$HOME/bin\"")]
    [InlineData("two words", "ENV A=\"two words\"")]
    [InlineData("tab\there", "ENV A=\"tab\there\"")]
    [InlineData("héllo wörld ✓ 😀", "ENV A=\"héllo wörld ✓ 😀\"")]
    [InlineData("#not a comment", "ENV A=\"#not a comment\"")]
    [InlineData("-x", "ENV A=\"-x\"")]
    [InlineData("--flag", "ENV A=\"--flag\"")]
    [InlineData("a=b", "ENV A=\"a=b\"")]
    [InlineData("<<EOF", "ENV A=\"<<EOF\"")]
    [InlineData("back`tick", "ENV A=\"back`tick\"")]
    [InlineData("", "ENV A=\"\"")]
    public void Env_value(string value, string expected) => Assert.Equal(expected, Line(s => s.Env("A", value)));

    [Theory]
    [InlineData(@"C:\tools\bin", @"ENV A=""C:\tools\bin""")]
    [InlineData("cost $5", "ENV A=\"cost `$5\"")]
    [InlineData("say \"hi\"", "ENV A=\"say `\"hi`\"\"")]
    [InlineData("back`tick", "ENV A=\"back``tick\"")]
    [InlineData("plain", "ENV A=plain")]
    public void Env_value_with_backtick_escape(string value, string expected) =>
        Assert.Equal(expected, Line(s => s.Env("A", value), Backtick));

    [Fact]
    public void Variables_render_as_braced_references_bare_or_inside_quotes()
    {
        var v = new BuildArg("VERSION");
        Assert.Equal("ENV A=${VERSION}", Line(s => s.Env("A", v)));
        Assert.Equal("ENV A=/opt/app-${VERSION}", Line(s => s.Env("A", (Expandable)$"/opt/app-{v}")));
        Assert.Equal("ENV A=\"my app ${VERSION} \\$x\"", Line(s => s.Env("A", (Expandable)$"my app {v} $x")));
        Assert.Equal("ENV A=\"-${VERSION}\"", Line(s => s.Env("A", (Expandable)$"-{v}")));
    }

    [Fact]
    public void Empty_values_are_empty_quotes()
    {
        Assert.Equal("LABEL com.example.empty=\"\"", Line(s => s.Label("com.example.empty", "")));
        Assert.Equal("ARG EMPTY=\"\"", Line(s => s.Arg(new BuildArg("EMPTY", ""))));
        Assert.Equal("ENV A=\"\" B=x", Line(s => s.Env(("A", ""), ("B", "x"))));
        Assert.Equal("CMD [\"\"]", Line(s => s.Cmd("")));
    }

    [Fact]
    public void Label_keys_and_values()
    {
        Assert.Equal("LABEL org.opencontainers.image.title=app", Line(s => s.Label(OciLabels.Title, "app")));
        Assert.Equal("LABEL \"my key\"=\"my value\"", Line(s => s.Label("my key", "my value")));
        Assert.Equal("LABEL \"a\\$b\"=\"\\$c\"", Line(s => s.Label("a$b", "$c")));
        Assert.Equal("LABEL \"-k\"=\"-v\"", Line(s => s.Label("-k", "-v")));
        Assert.Equal("LABEL \"#k\"=\"#v\"", Line(s => s.Label("#k", "#v")));
    }

    [Fact]
    public void Workdir_and_user_are_one_word()
    {
        Assert.Equal("WORKDIR \"/srv/my app\"", Line(s => s.Workdir("/srv/my app")));
        Assert.Equal("WORKDIR \"/srv/\\$weird\"", Line(s => s.Workdir("/srv/$weird")));
        Assert.Equal("USER \"-app\"", Line(s => s.User("-app")));
        Assert.Equal("USER app:staff", Line(s => s.User(UserSpec.Named("app", "staff"))));
        Assert.Equal(@"USER ""DOMAIN\app""", Line(s => s.User(@"DOMAIN\app"), Backtick));
    }

    // ---- exec forms: JSON

    [Fact]
    public void Exec_form_is_json_with_metacharacters_escaped()
    {
        Assert.Equal(
            "RUN [\"echo\", \"a\\\"b\", \"c\\\\d\", \"tab\\there\", \"line\\u0001\", \"<&>'+\", \"$HOME\", \"#x\", \"--flag\"]",
            Line(s => s.RunExec(["echo", "a\"b", "c\\d", "tab\there", "line\u0001", "<&>'+", "$HOME", "#x", "--flag"])));
    }

    [Theory]
    [InlineData(EscapeToken.Backslash)]
    [InlineData(EscapeToken.Backtick)]
    public void Exec_form_json_decodes_back_to_the_exact_arguments(EscapeToken escape)
    {
        var random = new Random(11);
        const string alphabet = "a \t\"\\/`$'#<>&+é✓\u0001\u007f\u2028";
        for (var round = 0; round < 50; round++)
        {
            var arguments = Enumerable.Range(0, random.Next(1, 6))
                .Select(_ => new string(Enumerable.Range(0, random.Next(0, 20)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray()) + "😀")
                .ToArray();
            var line = Line(s => s.RunExec(arguments), escape);
            Assert.StartsWith("RUN [", line);
            Assert.Equal(arguments, System.Text.Json.JsonSerializer.Deserialize<string[]>(line["RUN ".Length..]));
        }
    }

    [Fact]
    public void Exec_form_keeps_non_ascii_readable_and_escapes_astral_characters_as_surrogate_pairs()
    {
        // Go's encoding/json decodes "\uD83D\uDE00" back to U+1F600.
        Assert.Equal("CMD [\"héllo\", \"✓\", \"\\uD83D\\uDE00\"]", Line(s => s.Cmd("héllo", "✓", "😀")));
    }

    [Fact]
    public void Exec_form_is_the_same_with_backtick_escape() =>
        Assert.Equal("ENTRYPOINT [\"C:\\\\app.exe\", \"`x\"]", Line(s => s.Entrypoint(@"C:\app.exe", "`x"), Backtick));

    [Fact]
    public void Shell_instruction_is_json() =>
        Assert.Equal("SHELL [\"powershell\", \"-Command\", \"$ErrorActionPreference = 'Stop';\"]",
            Line(s => s.Shell("powershell", "-Command", "$ErrorActionPreference = 'Stop';")));

    [Fact]
    public void Shell_form_commands_are_written_as_given()
    {
        Assert.Equal("RUN echo \"$HOME\" 'x' \\$y # not a Dockerfile comment", Line(s => s.Run("echo \"$HOME\" 'x' \\$y # not a Dockerfile comment")));
        Assert.Equal("CMD exec app -x", Line(s => s.CmdShell("exec app -x")));
        Assert.Equal("RUN echo `date`; echo \\", Line(s => s.Run("echo `date`; echo \\"), Backtick));
    }

    // ---- COPY / ADD / VOLUME paths: escaped words, JSON when a word cannot stand bare

    [Fact]
    public void Paths_escape_quotes_dollar_and_escape_token()
    {
        Assert.Equal("COPY \\$weird\\\"name\\'s /dst/", Line(s => s.Copy("$weird\"name's", "/dst/")));
        Assert.Equal(@"COPY dir\\file /dst/", Line(s => s.Copy(@"dir\file", "/dst/")));
        Assert.Equal(@"COPY dir\file ``x /dst/", Line(s => s.Copy([@"dir\file", "`x"], "/dst/"), Backtick));
        Assert.Equal("COPY `$x /dst/", Line(s => s.Copy("$x", "/dst/"), Backtick));
        Assert.Equal("COPY src/#1 /dst/", Line(s => s.Copy("src/#1", "/dst/")));
        Assert.Equal("COPY héllo /dst/", Line(s => s.Copy("héllo", "/dst/")));
    }

    [Fact]
    public void Paths_with_whitespace_or_empty_use_the_json_form_still_escaped_for_the_lexer()
    {
        Assert.Equal("COPY [\"my file\", \"/my dir/\"]", Line(s => s.Copy("my file", "/my dir/")));
        Assert.Equal("COPY [\"a b\", \"\\\\$x\", \"/dst/\"]", Line(s => s.Copy(["a b", "$x"], "/dst/")));
        Assert.Equal("VOLUME [\"/my data\", \"/logs\"]", Line(s => s.Volume("/my data", "/logs")));
    }

    [Fact]
    public void Leading_dash_or_bracket_path_uses_the_json_form_so_it_is_not_a_flag()
    {
        Assert.Equal("COPY [\"--weird\", \"/dst/\"]", Line(s => s.Copy("--weird", "/dst/")));
        Assert.Equal("COPY [\"-x\", \"/dst/\"]", Line(s => s.Copy("-x", "/dst/")));
        Assert.Equal("COPY [\"[abc]\", \"/dst/\"]", Line(s => s.Copy("[abc]", "/dst/")));
        Assert.Equal("COPY a --weird", Line(s => s.Copy("a", "--weird")));
    }

    [Fact]
    public void Heredoc_like_path_words_are_escaped()
    {
        Assert.Equal(@"COPY \<\<x /dst/", Line(s => s.Copy("<<x", "/dst/")));
        Assert.Equal(@"COPY 2\<\<x /dst/", Line(s => s.Copy("2<<x", "/dst/")));
        Assert.Equal("COPY `<`<x /dst/", Line(s => s.Copy("<<x", "/dst/"), Backtick));
    }

    [Fact]
    public void Add_sources_are_escaped_words()
    {
        Assert.Equal("ADD https://example.com/a%20b.tar.gz /opt/", Line(s => s.Add(new AddSource.Url(new Uri("https://example.com/a b.tar.gz")), "/opt/")));
        Assert.Equal("ADD https://example.com/\\$x /opt/", Line(s => s.Add(new AddSource.Url(new Uri("https://example.com/$x")), "/opt/")));
        Assert.Equal("ADD https://github.com/org/repo.git#v1.0 /src", Line(s => s.Add(new AddSource.Git("https://github.com/org/repo.git", "v1.0"), "/src")));
    }

    // ---- flag values: escaped for BuildKit's flag parser (always backslash) on top of the lexer

    [Fact]
    public void Expanded_flag_values_are_escaped_twice_with_backslash_escape()
    {
        // Literal $ → lexer \$ → flag parser \\$ (BuildKit's flag parser turns \\$ back into \$, then the lexer into $).
        Assert.Equal(@"RUN --mount=type=cache,target=/cache/\\$x make", Line(s => s.Run("make", Mount.Cache("/cache/$x"))));
        Assert.Equal(@"RUN --mount=type=cache,target=/c\\\\d make", Line(s => s.Run("make", Mount.Cache(@"/c\d"))));
        Assert.Equal(@"RUN --mount=type=cache,target=/c/${ARCH},id=go-\\$x make",
            Line(s => s.Run("make", Mount.Cache((Expandable)"/c/" + Expandable.Variable("ARCH"), id: "go-$x"))));
        Assert.Equal(@"COPY --chown=a\\$b:c\\\""d\\\'e f /g", Line(s => s.Copy("f", "/g", new CopyOptions { Chown = UserSpec.Named("a$b", "c\"d'e") })));
        Assert.Equal("COPY --chown=${APP_UID} f /g", Line(s => s.Copy("f", "/g", new CopyOptions { Chown = UserSpec.Named(Expandable.Variable("APP_UID")) })));
    }

    [Fact]
    public void Expanded_flag_values_with_backtick_escape_only_double_backslashes()
    {
        Assert.Equal(@"RUN --mount=type=cache,target=/c\\d,id=`$x make", Line(s => s.Run("make", Mount.Cache(@"/c\d", id: "$x")), Backtick));
        Assert.Equal(@"COPY --chown=DOMAIN\\app f /g", Line(s => s.Copy("f", "/g", new CopyOptions { Chown = @"DOMAIN\app" }), Backtick));
    }

    [Fact]
    public void Exclude_patterns_are_not_expanded_so_only_the_flag_parser_escaping_applies()
    {
        Assert.Equal(@"COPY --exclude=*.md --exclude=$x --exclude=a\\b --exclude=\""q\"" . /src", Line(s => s.Copy(".", "/src", new CopyOptions { Exclude = ValueList.Of("*.md", "$x", @"a\b", "\"q\"") }), frontend: Labs));
        Assert.Equal(@"COPY --exclude=a\\b --exclude=`x . /src", Line(s => s.Copy(".", "/src", new CopyOptions { Exclude = ValueList.Of(@"a\b", "`x") }), Backtick, Labs));
    }

    // ---- heredocs

    [Theory]
    [InlineData("echo hi\n", "EOF")]
    [InlineData("cat <<EOF\nx\nEOF\n", "EOF1")]
    [InlineData("EOF\nEOF1\n", "EOF2")]
    [InlineData("EOF1\nEOF2\n", "EOF")]
    [InlineData("EOF \n EOF\n\tEOF\nEOFX\n", "EOF")]
    public void Heredoc_delimiter_avoids_every_body_line(string content, string expected) =>
        Assert.Equal(expected, DockerfileEmitter.HeredocDelimiter(content));

    [Fact]
    public void Heredoc_script_with_a_colliding_line_ends_with_the_new_delimiter()
    {
        var lines = BodyLines(s => s.RunScript("cat <<EOF >/etc/x\nhello\nEOF\n"));
        Assert.Equal(["RUN <<\"EOF1\"", "cat <<EOF >/etc/x", "hello", "EOF", "EOF1"], lines);
    }

    [Fact]
    public void Heredoc_body_is_written_verbatim_with_a_final_newline()
    {
        Assert.Equal(["COPY <<\"EOF\" /etc/x", "  $HOME \\", "# not a comment", "", "last", "EOF"],
            BodyLines(s => s.CopyContent("/etc/x", "  $HOME \\\n# not a comment\n\nlast")));
        Assert.Equal(["COPY <<\"EOF\" /etc/x", "a", "EOF"], BodyLines(s => s.CopyContent("/etc/x", "a\n")));
        Assert.Equal(["COPY <<\"EOF\" /etc/x", "", "EOF"], BodyLines(s => s.CopyContent("/etc/x", "\n")));
    }

    [Fact]
    public void Empty_inline_content_is_an_empty_heredoc() =>
        Assert.Equal(["COPY <<\"EOF\" /etc/empty", "EOF"], BodyLines(s => s.CopyContent("/etc/empty", "")));

    [Fact]
    public void Heredoc_destination_is_an_escaped_word() =>
        Assert.Equal(["COPY --chown=app <<\"EOF\" /etc/\\$x\\<\\<y", "z", "EOF"],
            BodyLines(s => s.CopyContent("/etc/$x<<y", "z", new CopyOptions { Chown = "app" })));

    // ---- Go durations

    [Theory]
    [InlineData(0, "0s")]
    [InlineData(30_000, "30s")]
    [InlineData(90_000, "1m30s")]
    [InlineData(3_600_000, "1h0m0s")]
    [InlineData(5_400_000, "1h30m0s")]
    [InlineData(90_000_000, "25h0m0s")]
    [InlineData(500, "500ms")]
    [InlineData(1_500, "1.5s")]
    [InlineData(61_500, "1m1.5s")]
    [InlineData(1, "1ms")]
    public void Duration_in_go_format(long milliseconds, string expected) =>
        Assert.Equal(expected, DockerfileSyntax.Duration(TimeSpan.FromMilliseconds(milliseconds)));

    [Fact]
    public void Duration_below_a_millisecond_and_fractions()
    {
        Assert.Equal("250us", DockerfileSyntax.Duration(TimeSpan.FromMicroseconds(250)));
        Assert.Equal("1500us", DockerfileSyntax.Duration(TimeSpan.FromMicroseconds(1500)));
        Assert.Equal("1.0000001s", DockerfileSyntax.Duration(TimeSpan.FromTicks(TimeSpan.TicksPerSecond + 1)));
        Assert.Equal("1h0m0.25s", DockerfileSyntax.Duration(TimeSpan.FromHours(1) + TimeSpan.FromMilliseconds(250)));
    }

    [Fact]
    public void Healthcheck_flags_use_go_durations() =>
        Assert.Equal("HEALTHCHECK --interval=1m30s --timeout=1.5s --start-period=1h0m0s --start-interval=500ms --retries=5 CMD [\"/app\", \"-health\"]",
            Line(s => s.Healthcheck(Healthcheck.Exec("/app", "-health")
                .WithInterval(TimeSpan.FromSeconds(90)).WithTimeout(TimeSpan.FromMilliseconds(1500))
                .WithStartPeriod(TimeSpan.FromHours(1)).WithStartInterval(TimeSpan.FromMilliseconds(500)).WithRetries(5))));
}
