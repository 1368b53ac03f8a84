using Fluent.Docker.Linting;
using Fluent.Docker.Pinning;
using Fluent.Docker.Rules;

namespace Fluent.Docker.Tests.Linting;

/// <summary>
/// <see cref="DockerfileFixer"/>: each rule's fix on a minimal file (exact text, every byte outside the fixed instruction
/// kept), refusals with their reasons, idempotence, and a naive team Dockerfile fixed as a whole.
/// </summary>
public class DockerfileFixerTests
{
    private static DockerfileFixResult Fix(string text, ImageLock? imageLock = null) =>
        DockerfileFixer.Fix(text, new DockerfileFixOptions { Lock = imageLock });

    /// <summary>Fixes the text, checks that fixing the result again changes nothing, and returns the result.</summary>
    private static DockerfileFixResult FixTwice(string text, ImageLock? imageLock = null)
    {
        var result = Fix(text, imageLock);
        var again = Fix(result.Text, imageLock);
        Assert.Equal(result.Text, again.Text);
        Assert.Empty(again.Applied);
        return result;
    }

    private static IEnumerable<string> Codes(DockerfileFixResult result) => result.Remaining.Diagnostics.Select(d => d.Code);

    [Fact]
    public void Apt_get_install_gets_its_flags_and_list_cleanup_with_the_continuation_layout_kept()
    {
        const string text = "FROM debian:bookworm-slim\n# tools\nRUN apt-get update \\\n    && apt-get install \\\n      curl \\\n      git\nUSER 1000\n";

        var result = FixTwice(text);

        Assert.Equal(
            "FROM debian:bookworm-slim\n# tools\nRUN apt-get update \\\n    && apt-get install --no-install-recommends -y \\\n      curl \\\n      git && rm -rf /var/lib/apt/lists/*\nUSER 1000\n",
            result.Text);
        Assert.Equal(["FD0016", "FD0017", "FD0018"], result.Applied.Select(f => f.RuleId).Order());
        Assert.All(result.Applied, f => Assert.Equal(3, f.Line));
        Assert.DoesNotContain("FD0016", Codes(result));
        Assert.DoesNotContain("FD0017", Codes(result));
        Assert.DoesNotContain("FD0018", Codes(result));
    }

    [Fact]
    public void A_cache_mount_on_the_apt_lists_needs_no_cleanup()
    {
        const string text = "FROM debian:bookworm-slim\nRUN --mount=type=cache,target=/var/lib/apt/lists apt-get install -y --no-install-recommends curl\n";

        var result = FixTwice(text);

        Assert.False(result.Changed);
        Assert.DoesNotContain(result.Refused, r => r.RuleId == "FD0018");
    }

    [Fact]
    public void Leading_cd_becomes_workdir_and_the_previous_directory_is_set_back()
    {
        const string text = "FROM debian:bookworm-slim\nWORKDIR /app\nCOPY . .\nRUN cd /src && \\\n    make install\nUSER 1000\n";

        var result = FixTwice(text);

        Assert.Equal("FROM debian:bookworm-slim\nWORKDIR /app\nCOPY . .\nWORKDIR /src\nRUN make install\nWORKDIR /app\nUSER 1000\n", result.Text);
        var fix = Assert.Single(result.Applied);
        Assert.Equal(("FD0014", 4), (fix.RuleId, fix.Line));
        Assert.Equal("moved 'cd /src' to WORKDIR /src, and set the working directory back to /app after the RUN", fix.Description);
    }

    [Fact]
    public void Leading_cd_before_a_workdir_needs_no_restore_even_on_an_unknown_base_directory()
    {
        var result = FixTwice("FROM debian:bookworm-slim\nRUN cd /src && make\nWORKDIR /app\n");

        Assert.Equal("FROM debian:bookworm-slim\nWORKDIR /src\nRUN make\nWORKDIR /app\n", result.Text);
    }

    [Theory]
    [InlineData("FROM debian:bookworm-slim\nRUN cd /src && make\n", "the working directory before this RUN comes from the base image")]
    [InlineData("FROM debian:bookworm-slim\nWORKDIR /app\nRUN make && cd /src && make install\n", "only a leading 'cd /absolute/dir &&'")]
    [InlineData("FROM debian:bookworm-slim\nWORKDIR /app\nRUN cd src && make\n", "only a leading 'cd /absolute/dir &&'")]
    [InlineData("FROM debian:bookworm-slim\nWORKDIR /app\nRUN cd $HOME && make\n", "only a leading 'cd /absolute/dir &&'")]
    public void Cd_that_cannot_move_to_workdir_is_left_with_the_reason(string text, string reason)
    {
        var result = Fix(text);

        Assert.Equal(text, result.Text);
        var refused = Assert.Single(result.Refused, r => r.RuleId == "FD0014");
        Assert.StartsWith(reason, refused.Reason, StringComparison.Ordinal);
        Assert.Contains("FD0014", Codes(result));
    }

    [Fact]
    public void Shell_form_cmd_of_plain_words_becomes_exec_form_and_anything_else_is_left()
    {
        var plain = FixTwice("from node:20-slim\n# start\ncmd npm start\n");
        var shelly = Fix("FROM node:20-slim\nCMD node server.js > /tmp/log\n");
        var entrypointWithCmd = Fix("FROM node:20-slim\nENTRYPOINT node server.js\nCMD [\"--port\", \"80\"]\n");

        Assert.Equal("from node:20-slim\n# start\ncmd [\"npm\", \"start\"]\n", plain.Text);
        Assert.False(shelly.Changed);
        Assert.StartsWith("the command uses shell syntax", Assert.Single(shelly.Refused).Reason, StringComparison.Ordinal);
        Assert.False(entrypointWithCmd.Changed);
        Assert.StartsWith("the stage sets a CMD", Assert.Single(entrypointWithCmd.Refused, r => r.RuleId == "FD0006").Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Pipefail_on_a_debian_base_is_a_bash_shell_before_the_first_piping_run()
    {
        // Debian 12's /bin/sh (dash) refuses "set -o pipefail": the lab's debian:bookworm-slim exits 2 with "Illegal option".
        const string text = "FROM debian:bookworm-slim\nRUN curl -fsSL https://example.com/a | tar -x\nRUN echo a | wc -c\n";

        var result = FixTwice(text);

        Assert.Equal("FROM debian:bookworm-slim\nSHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]\nRUN curl -fsSL https://example.com/a | tar -x\nRUN echo a | wc -c\n", result.Text);
        Assert.Equal(("FD0019", 2), (Assert.Single(result.Applied).RuleId, result.Applied[0].Line));
        Assert.DoesNotContain("FD0019", Codes(result));
    }

    [Fact]
    public void Pipefail_with_busybox_or_a_bash_shell_is_prepended_and_an_unknown_base_is_refused()
    {
        var busybox = FixTwice("FROM busybox:1.36\nRUN echo a | wc -c\n");
        var bash = FixTwice("FROM debian:bookworm-slim\nSHELL [\"/bin/bash\", \"-c\"]\nRUN echo a | wc -c\n");
        var unknown = Fix("FROM example.com/team/base:1\nRUN echo a | wc -c\n");

        Assert.Equal("FROM busybox:1.36\nRUN set -o pipefail && echo a | wc -c\n", busybox.Text);
        Assert.Equal("FROM debian:bookworm-slim\nSHELL [\"/bin/bash\", \"-c\"]\nRUN set -o pipefail && echo a | wc -c\n", bash.Text);
        Assert.False(unknown.Changed);
        Assert.StartsWith("the base image is not known to have bash", Assert.Single(unknown.Refused).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Buildkit_text_checks_are_fixed_where_they_are_written()
    {
        const string text = "from busybox:1.36 AS build\nenv A b\nrun echo $A\nFROM build as final\nlabel team platform\n";

        var result = FixTwice(text);

        Assert.Equal("from busybox:1.36 as build\nenv A=b\nrun echo $A\nfrom build as final\nlabel team=platform\n", result.Text);
        Assert.DoesNotContain(Codes(result), c => c is "FD0101" or "FD0103" or "FD0108");
    }

    [Fact]
    public void Maintainer_is_the_author_field_and_stays()
    {
        const string text = "FROM busybox:1.36\nMAINTAINER team@example.com\n";

        var result = Fix(text);

        Assert.Equal(text, result.Text);
        Assert.Contains(RuleIds.MaintainerDeprecated, Codes(result));
        Assert.DoesNotContain(result.Refused, r => r.RuleId == RuleIds.MaintainerDeprecated);
    }

    [Fact]
    public void Base_images_the_lock_knows_are_pinned_and_the_others_are_listed()
    {
        const string digest = "sha256:" + "ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12";
        var imageLock = ImageLock.Empty.With(new LockedImage(ImageReference.Parse("debian:bookworm-slim"), digest, ValueList<Platform>.Empty));
        const string text = "FROM --platform=$BUILDPLATFORM debian:bookworm-slim AS build\nRUN true\nFROM node:20-slim\nCOPY --from=build /x /x\n";

        var result = FixTwice(text, imageLock);

        Assert.Equal($"FROM --platform=$BUILDPLATFORM debian:bookworm-slim@{digest} AS build\nRUN true\nFROM node:20-slim\nCOPY --from=build /x /x\n", result.Text);
        Assert.Equal((DockerfileFixer.LockFixId, 1), (Assert.Single(result.Applied).RuleId, result.Applied[0].Line));
        Assert.Equal("node:20-slim", Assert.Single(result.Unlocked).ToString());
    }

    [Fact]
    public void Suppressed_findings_are_not_fixed()
    {
        const string text = "# check=skip=JSONArgsRecommended\nFROM busybox:1.36\nCMD echo hi\n";

        var result = Fix(text);

        Assert.Equal(text, result.Text);
    }

    [Fact]
    public void Comment_lines_inside_a_run_stay_when_the_edit_is_elsewhere_and_block_a_rewrite_that_would_drop_them()
    {
        const string kept = "FROM debian:bookworm-slim\nRUN apt-get update && \\\n# pinned by ops\n    apt-get install -y --no-install-recommends curl\n";

        var result = FixTwice(kept);

        Assert.Equal("FROM debian:bookworm-slim\nRUN apt-get update && \\\n# pinned by ops\n    apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\n", result.Text);
    }

    [Fact]
    public void Lines_of_applied_fixes_are_lines_of_the_text_given()
    {
        const string text = "FROM debian:bookworm-slim\nWORKDIR /app\nRUN cd /src && make\nRUN cd /opt && make\nCMD app --serve\n";

        var result = FixTwice(text);

        Assert.Equal([("FD0014", 3), ("FD0014", 4), ("FD0006", 5)], result.Applied.Select(f => (f.RuleId, f.Line)));
        Assert.Equal("FROM debian:bookworm-slim\nWORKDIR /app\nWORKDIR /src\nRUN make\nWORKDIR /app\nWORKDIR /opt\nRUN make\nWORKDIR /app\nCMD [\"app\", \"--serve\"]\n", result.Text);
    }

    [Fact]
    public void Crlf_lines_stay_crlf_and_a_last_line_without_a_line_break_is_fixed()
    {
        var crlf = FixTwice("FROM debian:bookworm-slim\r\nWORKDIR /app\r\nRUN cd /src && make\r\nUSER 1000\r\n");
        var unterminated = FixTwice("FROM debian:bookworm-slim\nWORKDIR /app\nRUN cd /src && make");

        Assert.Equal("FROM debian:bookworm-slim\r\nWORKDIR /app\r\nWORKDIR /src\r\nRUN make\r\nWORKDIR /app\r\nUSER 1000\r\n", crlf.Text);
        Assert.Equal("FROM debian:bookworm-slim\nWORKDIR /app\nWORKDIR /src\nRUN make\nWORKDIR /app\n", unterminated.Text);
    }

    [Fact]
    public void A_backtick_escaped_file_keeps_its_continuations()
    {
        const string text = "# escape=`\nFROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y `\n    curl && rm -rf /var/lib/apt/lists/*\n";

        var result = FixTwice(text);

        Assert.Equal("# escape=`\nFROM debian:bookworm-slim\nRUN apt-get update && apt-get install --no-install-recommends -y `\n    curl && rm -rf /var/lib/apt/lists/*\n", result.Text);
    }

    [Fact]
    public void A_rewrite_that_would_drop_a_comment_line_inside_the_run_is_refused()
    {
        const string text = "FROM debian:bookworm-slim\nWORKDIR /app\nRUN cd /src && \\\n# build it\n    make\n";

        var result = Fix(text);

        Assert.Equal(text, result.Text);
        Assert.Equal("the RUN has comment lines inside it that rewriting it would drop", Assert.Single(result.Refused, r => r.RuleId == "FD0014").Reason);
    }

    [Fact]
    public void Heredoc_scripts_are_not_rewritten()
    {
        const string text = "FROM debian:bookworm-slim\nRUN <<EOF\napt-get install curl\nEOF\n";

        var result = Fix(text);

        Assert.Equal(text, result.Text);
        Assert.All(result.Refused.Where(r => r.RuleId is "FD0016" or "FD0017" or "FD0018"),
            r => Assert.Equal("the RUN is a heredoc script or in exec form: not rewritten", r.Reason));
        Assert.Equal(3, result.Refused.Count(r => r.RuleId is "FD0016" or "FD0017" or "FD0018"));
    }

    /// <summary>
    /// Over every corpus file: fixing is idempotent, no comment line is lost, and every line before the first fixed
    /// line is the original's (a fix only rewrites its instruction's own lines; the exact tests above show the rest).
    /// </summary>
    [Fact]
    public void Every_corpus_file_fixes_idempotently_and_keeps_its_comments_and_untouched_lines()
    {
        var root = Fluent.Docker.Conformance.Corpora.FindRoot();
        var files = Directory.GetFiles(root, "*Dockerfile", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        var changed = 0;
        foreach (var path in files)
        {
            var text = File.ReadAllText(path);
            DockerfileFixResult result;
            try { result = Fix(text); }
            catch (Fluent.Docker.Parsing.DockerfileParseException) { continue; }
            if (!result.Changed) continue;
            changed++;
            var name = Path.GetRelativePath(root, path);
            Assert.True(Fix(result.Text).Text == result.Text, $"{name}: a second fix changes the text");
            static int Comments(string t) => t.Split('\n').Count(l => l.TrimStart().StartsWith('#'));
            Assert.True(Comments(result.Text) >= Comments(text), $"{name}: comment lines were lost");
            var before = text.Split('\n');
            var after = result.Text.Split('\n');
            var first = result.Applied.Min(f => f.Line) - 1;
            Assert.True(before.Take(first).SequenceEqual(after.Take(first)), $"{name}: a line before the first fix changed");
        }
        Assert.True(changed >= 50, $"only {changed} corpus files had fixes");
    }

    /// <summary>A naive team Dockerfile, as the seeds' exercise starts from: every byte not fixed stays.</summary>
    internal const string Seed = """
        # Team API image (hand-written)
        FROM node:20-slim as build
        WORKDIR /app

        # system packages
        RUN apt-get update && apt-get install \
              ca-certificates \
              curl

        COPY package.json ./
        RUN npm install
        COPY . .
        # build the bundle
        RUN cd /app/web && npm run build

        FROM debian:bookworm-slim
        ENV APP_HOME /srv/app
        WORKDIR /srv/app
        RUN apt-get update && apt-get install python3
        # record the runtime version
        RUN python3 --version | grep Python > /srv/app/VERSION
        COPY --from=build /app/web/dist /srv/app/public
        EXPOSE 8080
        USER 1000
        CMD python3 -m http.server 8080

        """;

    internal const string FixedSeed = """
        # Team API image (hand-written)
        FROM node:20-slim AS build
        WORKDIR /app

        # system packages
        RUN apt-get update && apt-get install --no-install-recommends -y \
              ca-certificates \
              curl && rm -rf /var/lib/apt/lists/*

        COPY package.json ./
        RUN npm install
        COPY . .
        # build the bundle
        WORKDIR /app/web
        RUN npm run build
        WORKDIR /app

        FROM debian:bookworm-slim
        ENV APP_HOME=/srv/app
        WORKDIR /srv/app
        RUN apt-get update && apt-get install --no-install-recommends -y python3 && rm -rf /var/lib/apt/lists/*
        # record the runtime version
        SHELL ["/bin/bash", "-o", "pipefail", "-c"]
        RUN python3 --version | grep Python > /srv/app/VERSION
        COPY --from=build /app/web/dist /srv/app/public
        EXPOSE 8080
        USER 1000
        CMD ["python3", "-m", "http.server", "8080"]

        """;

    [Fact]
    public void A_naive_team_dockerfile_is_fixed_and_the_lint_no_longer_reports_the_fixed_rules()
    {
        var result = FixTwice(Seed);

        Assert.Equal(FixedSeed, result.Text);
        var fixedRules = result.Applied.Select(f => f.RuleId).ToHashSet();
        Assert.Equal(["FD0006", "FD0014", "FD0016", "FD0017", "FD0018", "FD0019", "FD0101", "FD0108"], fixedRules.Order());
        Assert.DoesNotContain(Codes(result), fixedRules.Contains);
        Assert.Equal(Linter.LintText(result.Text).Diagnostics, result.Remaining.Diagnostics);
    }
}
