using Fluent.Docker.Conformance;
using Fluent.Docker.Emit;
using Fluent.Docker.Examples;
using Fluent.Docker.Tests.Examples;
using static Fluent.Docker.Tests.Emit.EmitKit;

namespace Fluent.Docker.Tests.Emit;

/// <summary>
/// Readable emitted text and <c>fmt</c>: long lines are wrapped within the width at places where BuildKit reads the
/// same instruction back; formatting is idempotent and keeps what every instruction says; committed Dockerfiles and
/// generated examples are formatted.
/// </summary>
public class FormatTests
{
    private const int Width = 100;

    /// <summary>A line over the width is one word (a JSON element, a quoted value, a URL): indentation, a leading keyword and a trailing continuation aside.</summary>
    private static bool IsOneWord(string line)
    {
        var text = line.Trim();
        if (text.EndsWith(" \\", StringComparison.Ordinal)) text = text[..^2].TrimEnd();
        return ShellWords.Split(text) is [_] || (ShellWords.Split(text) is [var keyword, _] && keyword.All(char.IsAsciiLetterUpper));
    }

    /// <summary>Lines over the width that are not one word, a comment, or a heredoc body line (content, not layout).</summary>
    private static IEnumerable<string> LinesOverWidth(string text, int width = Width)
    {
        var bodies = Fluent.Docker.Parsing.DockerfileSyntaxTree.Parse(text).Instructions.Where(n => n.Heredocs.Count > 0)
            .SelectMany(n => Enumerable.Range(n.StartLine + 1, n.EndLine - n.StartLine)).ToHashSet();
        return text.Split('\n').Where((line, i) => line.Length > width && !IsOneWord(line) && !line.TrimStart().StartsWith('#') && !bodies.Contains(i + 1));
    }

    /// <summary>The comment lines of a file, trimmed, parser directives aside (the canonical form writes only the ones that say something).</summary>
    private static List<string> CommentLines(string text) =>
        [.. text.Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith('#') && !System.Text.RegularExpressions.Regex.IsMatch(l, @"^#\s*(?i:syntax|escape|check)\s*=")).Order(StringComparer.Ordinal)];

    private static IReadOnlyList<string> CorpusFiles() =>
        [.. Directory.EnumerateFiles(Path.Combine(RepositoryLayout.Root, "tests", "corpora"), "*", SearchOption.AllDirectories)
            .Where(f => Path.GetFileName(f) == "Dockerfile" || f.EndsWith(".Dockerfile", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)];

    /// <summary>Every Dockerfile committed outside the third-party corpora (kept byte-exact) and build output.</summary>
    private static IReadOnlyList<string> CommittedDockerfiles()
    {
        var skipped = new[] { Path.Combine("tests", "corpora"), "bin", "obj", ".git", "node_modules", "TestResults" };
        return [.. Directory.EnumerateFiles(RepositoryLayout.Root, "*", SearchOption.AllDirectories)
            .Where(f => Path.GetFileName(f) == "Dockerfile" || f.EndsWith(".Dockerfile", StringComparison.Ordinal))
            .Where(f =>
            {
                var relative = Path.GetRelativePath(RepositoryLayout.Root, f);
                return !skipped.Any(s => relative.StartsWith(s + Path.DirectorySeparatorChar, StringComparison.Ordinal)
                                         || relative.Contains(Path.DirectorySeparatorChar + s + Path.DirectorySeparatorChar, StringComparison.Ordinal));
            })
            .Order(StringComparer.Ordinal)];
    }

    [Fact]
    public void No_line_of_a_generated_example_or_template_is_wider_than_the_width_unless_it_is_one_word()
    {
        var texts = ExampleCatalog.All.Select(d => (d.Name, Text: d.Dockerfile.Emit()))
            .Concat(TemplateSamples.All.Select(s => ("template " + s.Key, Text: s.Definition.Dockerfile.Emit())))
            .ToList();
        var wide = texts.SelectMany(t => LinesOverWidth(t.Text).Select(line => $"{t.Item1}: {line.Length}: {line}")).ToList();

        Assert.True(wide.Count == 0, string.Join("\n", wide));
        Assert.True(texts.Count >= 20, $"only {texts.Count} files checked");
        // Before wrapping the examples had lines of 246 to 340 columns: the check has lines to look at.
        Assert.Contains(texts, t => t.Text.Contains(" \\\n", StringComparison.Ordinal));
    }

    [Fact]
    public void Generated_examples_and_templates_read_back_to_their_models_and_are_what_fmt_writes()
    {
        var definitions = ExampleCatalog.All.Select(d => (d.Name, d.Dockerfile))
            .Concat(TemplateSamples.All.Select(s => ("template " + s.Key, s.Definition.Dockerfile)));
        foreach (var (name, model) in definitions)
        {
            var text = model.Emit();
            var read = Dockerfile.Parse(text);
            // What the text says (stages and instructions); C#-only values such as rule suppressions are not in the text.
            Assert.Equal(model.Stages.Count, read.Stages.Count);
            for (var s = 0; s < model.Stages.Count; s++)
            {
                Assert.Equal((model.Stages[s].Name, model.Stages[s].Base, model.Stages[s].Platform), (read.Stages[s].Name, read.Stages[s].Base, read.Stages[s].Platform));
                Assert.Equal(model.Stages[s].Instructions.Select(ShellWords.LayoutInsensitive), read.Stages[s].Instructions.Select(ShellWords.LayoutInsensitive));
            }
            Assert.Equal(text, Dockerfile.Format(text));
        }
    }

    [Fact]
    public void Every_committed_dockerfile_outside_the_corpora_is_formatted()
    {
        var files = CommittedDockerfiles();
        var unformatted = files.Where(f => Dockerfile.Format(File.ReadAllText(f)) != File.ReadAllText(f))
            .Select(f => Path.GetRelativePath(RepositoryLayout.Root, f)).ToList();

        Assert.True(unformatted.Count == 0, "not formatted (run fluent-docker fmt): " + string.Join(", ", unformatted));
        Assert.True(files.Count >= ExampleCatalog.All.Count, $"only {files.Count} committed Dockerfiles found");
    }

    [Fact]
    public void Formatting_every_corpus_file_is_idempotent_and_keeps_every_instruction_flag_stage_and_comment()
    {
        var (formatted, changed, failures) = (0, 0, new List<string>());
        foreach (var file in CorpusFiles())
        {
            var text = File.ReadAllText(file);
            Dockerfile model;
            try
            {
                model = Dockerfile.Parse(text);
            }
            catch (Fluent.Docker.Parsing.DockerfileParseException)
            {
                continue; // BuildKit rejects it too: fmt reports it and writes nothing
            }
            var name = Path.GetRelativePath(RepositoryLayout.Root, file);
            var once = Dockerfile.Format(text);
            formatted++;
            if (once != text) changed++;
            var twice = Dockerfile.Format(once);
            if (twice != once) failures.Add($"{name}: not idempotent\n--- once\n{once}\n--- twice\n{twice}");
            var read = Dockerfile.Parse(once);
            var (expected, actual) = (ShellWords.LayoutInsensitive(model), ShellWords.LayoutInsensitive(read));
            if (!actual.Equals(expected)) failures.Add($"{name}: {ModelDifference.Describe(expected, actual)}");
            if (LinesOverWidth(once).FirstOrDefault(l => !text.Contains(l.Trim(), StringComparison.Ordinal)) is { } wide)
                failures.Add($"{name}: a formatted line is still {wide.Length} columns: {wide}");
            if (!CommentLines(once).SequenceEqual(CommentLines(text))) failures.Add($"{name}: comment lines lost or added");
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(10)) + $"\n({failures.Count} failures)");
        Assert.True(formatted > 100 && changed > 50, $"only {formatted} corpus files formatted, {changed} changed");
    }

    [Fact]
    public void A_long_install_chain_breaks_before_each_operator_with_one_package_per_line()
    {
        var stage = App().Run("apt-get update && apt-get install -y --no-install-recommends ca-certificates curl git gnupg jq openssh-client unzip xz-utils && rm -rf /var/lib/apt/lists/*");

        Assert.Equal(
            """
            RUN apt-get update \
                && apt-get install -y --no-install-recommends \
                    ca-certificates \
                    curl \
                    git \
                    gnupg \
                    jq \
                    openssh-client \
                    unzip \
                    xz-utils \
                && rm -rf /var/lib/apt/lists/*

            """, Dockerfile.Create(stage).Emit()[("FROM debian:bookworm-slim AS app\n".Length)..]);
    }

    [Fact]
    public void A_semicolon_chain_breaks_after_each_command()
    {
        var stage = App().Run("set -eux; apt-get update; apt-get install -y --no-install-recommends ca-certificates curl git gnupg jq openssh-client unzip xz-utils; rm -rf /var/lib/apt/lists/*");

        Assert.Equal(
            """
            RUN set -eux; \
                apt-get update; \
                apt-get install -y --no-install-recommends \
                    ca-certificates \
                    curl \
                    git \
                    gnupg \
                    jq \
                    openssh-client \
                    unzip \
                    xz-utils; \
                rm -rf /var/lib/apt/lists/*

            """, Dockerfile.Create(stage).Emit()[("FROM debian:bookworm-slim AS app\n".Length)..]);
    }

    [Fact]
    public void Flags_exec_arrays_pairs_and_healthchecks_break_between_items_and_read_back_identical()
    {
        var stage = App()
            .Env(("ASPNETCORE_HTTP_PORTS", "8080"), ("DOTNET_NOLOGO", "1"), ("DOTNET_CLI_TELEMETRY_OPTOUT", "1"), ("LONG_SETTING_NAME", "a value with blanks"))
            .Cmd("/usr/local/bin/server", "--listen", "0.0.0.0:8080", "--config", "/etc/server/config.yaml", "--log-level", "info")
            .Healthcheck(Healthcheck.Exec("/usr/local/bin/server", "probe", "--url", "http://127.0.0.1:8080/health", "--timeout", "4s")
                .WithInterval(TimeSpan.FromSeconds(30)).WithTimeout(TimeSpan.FromSeconds(5)).WithRetries(3));
        var model = Dockerfile.Create(stage);
        var text = model.Emit();

        Assert.Empty(LinesOverWidth(text));
        Assert.Contains("ENV ASPNETCORE_HTTP_PORTS=8080 \\\n    DOTNET_NOLOGO=1 \\\n", text, StringComparison.Ordinal);
        Assert.Contains("CMD [\"/usr/local/bin/server\",", text, StringComparison.Ordinal);
        Assert.Contains(" \\\n    CMD [\"/usr/local/bin/server\",", text, StringComparison.Ordinal);
        Assert.Equal(model, Dockerfile.Parse(text)); // no shell-form command: the parse is equal, not only equivalent
    }

    [Fact]
    public void Blanks_inside_quotes_and_commands_the_scanner_does_not_understand_are_never_touched()
    {
        var quoted = "echo \"a   lot   of   blanks   inside   double   quotes   that   must   stay   exactly   as   written   here\" 'and  single'";
        var unbalanced = "echo \"unterminated    quote and a very long line that goes on and on past the width of one hundred columns";
        var text = Dockerfile.Create(App().Run(quoted).Run(unbalanced).Run("echo x   # a comment that runs past the width of one hundred columns for sure, really")).Emit();

        Assert.Contains("\"a   lot   of   blanks   inside   double   quotes   that   must   stay   exactly   as   written   here\"", text, StringComparison.Ordinal);
        Assert.Contains("RUN " + unbalanced + "\n", text, StringComparison.Ordinal);
        Assert.Contains("RUN echo x   # a comment", text, StringComparison.Ordinal);
        Assert.Null(ShellWords.Split(unbalanced));
        Assert.Equal(["echo", "\"$(printf '%s  %s' a b)\"", "&&", "x=${y:-a  b}"], ShellWords.Split("echo   \"$(printf '%s  %s' a b)\" &&  x=${y:-a  b}"));
    }

    [Fact]
    public void Fmt_collapses_blank_runs_in_shell_commands_and_unwraps_what_fits()
    {
        const string text = "FROM busybox:1.36\nRUN echo   a  &&   \\\n      echo b\n";

        Assert.Equal("FROM busybox:1.36\nRUN echo a && echo b\n", Dockerfile.Format(text));
    }

    [Fact]
    public void A_shell_instruction_or_a_backquote_escape_keeps_shell_commands_as_written()
    {
        const string text = "FROM busybox:1.36\nSHELL [\"cmd\", \"/S\", \"/C\"]\nRUN echo   a  b\n";

        Assert.Equal(text, Dockerfile.Format(text));
    }

    [Fact]
    public void A_command_the_scanner_does_not_understand_and_a_line_read_as_several_args_keep_their_lines()
    {
        const string text = "FROM busybox:1.36\nARG A=1 B=2\nRUN case \"$A\" in \\\n      1) echo one ;; \\\n    esac\n";

        Assert.Null(ShellWords.Split(Dockerfile.Parse(text).Stages[0].Instructions[2] is RunInstruction { Command: CommandLine.Shell shell } ? shell.Command : ""));
        Assert.Equal(text, Dockerfile.Format(text));
    }

    [Fact]
    public void The_width_is_an_emit_option()
    {
        var model = Dockerfile.Create(App().Run("echo one && echo two && echo three && echo four"));

        Assert.Equal(1, model.Emit().Split('\n').Count(l => l.StartsWith("RUN", StringComparison.Ordinal) && !l.EndsWith('\\')));
        Assert.Contains("RUN echo one \\\n    && echo two \\\n", model.Emit(new EmitOptions { Width = 40 }), StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => new EmitOptions { Width = 10 });
    }
}
