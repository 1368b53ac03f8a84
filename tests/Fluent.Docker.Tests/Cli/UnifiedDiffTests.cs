using Fluent.Docker.Cli.Output;

namespace Fluent.Docker.Tests.Cli;

public sealed class UnifiedDiffTests
{
    [Fact]
    public void Equal_texts_give_no_diff() => Assert.Equal("", UnifiedDiff.Create("a\nb\n", "a\nb\n", "x", "y"));

    [Fact]
    public void A_changed_line_shows_removal_then_addition_with_three_lines_of_context()
    {
        var before = "1\n2\n3\n4\n5\n6\n7\n8\n9\n";
        var after = "1\n2\n3\n4\nFIVE\n6\n7\n8\n9\n";

        Assert.Equal("--- a\n+++ b\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+FIVE\n 6\n 7\n 8\n", UnifiedDiff.Create(before, after, "a", "b"));
    }

    [Fact]
    public void Changes_far_apart_get_their_own_hunks()
    {
        var before = string.Concat(Enumerable.Range(1, 20).Select(i => $"{i}\n"));
        var after = string.Concat(Enumerable.Range(1, 20).Select(i => i switch { 2 => "two\n", 19 => "nineteen\n", _ => $"{i}\n" }));

        var diff = UnifiedDiff.Create(before, after, "a", "b");

        Assert.Equal(["@@ -1,5 +1,5 @@", "@@ -16,5 +16,5 @@"], diff.Split('\n').Where(l => l.StartsWith("@@", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_missing_file_diffs_against_dev_null()
    {
        Assert.Equal("--- /dev/null\n+++ b\n@@ -0,0 +1,2 @@\n+x\n+y\n", UnifiedDiff.Create(null, "x\ny\n", "a", "b"));
    }

    [Fact]
    public void A_missing_final_newline_is_a_difference_of_its_own()
    {
        Assert.Equal("--- a\n+++ b\n@@ -1 +1 @@\n-x\n\\ No newline at end of file\n+x\n", UnifiedDiff.Create("x", "x\n", "a", "b"));
    }
}
