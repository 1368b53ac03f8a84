using Fluent.Docker.Text;

namespace Fluent.Docker.Tests.Ignore;

/// <summary>
/// Go's path and regexp rules where they differ from .NET's, pinned through .dockerignore patterns. patternmatcher turns a
/// glob into a Go regexp and the brackets and escapes keep their regexp meaning, so some globs mean what RE2 says,
/// not what the glob suggests; BuildKit behaves the same way.
/// </summary>
public class GoRulesTests
{
    [Theory]
    [InlineData("", ".")]
    [InlineData("a//b", "a/b")]
    [InlineData("./a/../b/", "b")]
    [InlineData("a/..", ".")]
    [InlineData("../../a", "../../a")]
    [InlineData("a/../../b", "../b")]
    [InlineData("/../a", "/a")]
    [InlineData("/", "/")]
    public void Clean_matches_go_path_clean(string path, string cleaned) => Assert.Equal(cleaned, GoPath.Clean(path));

    [Theory]
    [InlineData("a/b", "a")]
    [InlineData("a", ".")]
    [InlineData("a/", "a")]
    [InlineData("/a", "/")]
    public void Dir_matches_go_path_dir(string path, string directory) => Assert.Equal(directory, GoPath.Dir(path));

    private static bool Excludes(string pattern, string path) => DockerIgnoreMatcher.Compile([pattern]).Matches(path);

    [Theory]
    [InlineData("[[:digit:]]x", "5x", true)]   // POSIX classes work inside brackets
    [InlineData("[[:digit:]]x", "ax", false)]
    [InlineData("\\d", "5", true)]             // the glob escape \d reaches the regexp as "a digit"
    [InlineData("\\d", "d", false)]
    [InlineData("\\x41", "A", true)]           // ... and \x41 as the letter A
    [InlineData("[*]", "]", true)]             // '*' inside brackets becomes [^/]*: the class swallows it
    [InlineData("[*]", "*", false)]
    [InlineData("a?b", "a😀b", true)]          // '?' is one rune, also outside the BMP
    [InlineData("a??b", "a😀b", false)]
    [InlineData("a*b", "a1b\n", false)]        // '$' is the end of the text, not "before a final newline"
    [InlineData("a*", "a\nb", true)]           // [^/] takes a newline
    [InlineData("**/x", "a\nb/x", true)]
    [InlineData("a/**/x", "a/b\nc/x", false)]  // '.' in (.*/)? does not take a newline
    public void Patterns_mean_what_go_regexp_makes_of_them(string pattern, string path, bool excluded) =>
        Assert.Equal(excluded, Excludes(pattern, path));

    [Theory]
    [InlineData("\\é")]       // Go's glob accepts the escape, its regexp refuses a non-ASCII one
    [InlineData("[[:nope:]]")] // an unknown POSIX class
    [InlineData("[\\pQ]")]     // an unknown Unicode class
    [InlineData("a\\1")]       // a back-reference
    public void Globs_whose_regexp_go_refuses_fail_every_match(string pattern)
    {
        var matcher = DockerIgnoreMatcher.Compile([pattern]);

        Assert.NotNull(matcher.Patterns[0].Problem);
        Assert.Equal(DockerIgnoreError.BadPattern, Assert.Throws<DockerIgnoreException>(() => matcher.Matches("x")).Error);
        Assert.Equal(DockerIgnoreError.BadPattern, Assert.Single(DockerIgnore.Create(pattern).Validate()).Kind);
    }

    [Theory]
    [InlineData("[\\pL]x", "Äx", true)]
    [InlineData("[\\pL]x", "1x", false)]
    [InlineData("[^\\PL]", "ß", true)]
    [InlineData("a\\Q.b", "a\\.b$-and-more", true)] // \Q quotes the rest of the regexp, its escaped '.' and final '$' too
    [InlineData("a\\Q.b", "a.b", false)]
    public void Unicode_classes_and_quoted_text(string pattern, string path, bool excluded) =>
        Assert.Equal(excluded, Excludes(pattern, path));

    [Fact]
    public void Braces_are_escaped_so_a_named_unicode_class_cannot_be_written()
    {
        // "[\p{Lu}]" reaches the regexp as "[\p\{Lu\}]": Go reads "\p\" as an unknown class.
        Assert.NotNull(DockerIgnoreMatcher.Compile(["[\\p{Lu}]"]).Patterns[0].Problem);
    }

    [Fact]
    public void Regexp_syntax_errors_are_reported_in_gos_words()
    {
        Assert.Contains("invalid character class range", Assert.Throws<GoRegexException>(() => GoRegex.Compile("^[z-a]$")).Message);
        Assert.Contains("missing closing ]", Assert.Throws<GoRegexException>(() => GoRegex.Compile("^[a")).Message);
        Assert.Contains("invalid nested repetition operator", Assert.Throws<GoRegexException>(() => GoRegex.Compile("a**")).Message);
        Assert.Contains("missing argument to repetition operator", Assert.Throws<GoRegexException>(() => GoRegex.Compile("*a")).Message);
        Assert.True(GoRegex.Compile("^a*?b$").IsMatch("aab"));
        Assert.True(GoRegex.Compile(@"\bfoo\b").IsMatch("a foo b"));
        Assert.False(GoRegex.Compile(@"\bfoo\b").IsMatch("afoob"));
    }
}
