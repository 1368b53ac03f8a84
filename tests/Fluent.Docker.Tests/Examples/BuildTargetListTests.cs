using System.Text.RegularExpressions;

namespace Fluent.Docker.Tests.Examples;

/// <summary>
/// The build targets people read about are the ones build/build.cake defines: the README and the usage lines of
/// build.sh and build.ps1 name every task and no other, so a new or renamed target cannot drift out of the docs.
/// </summary>
public partial class BuildTargetListTests
{
    private static string Read(string relative) => File.ReadAllText(Path.Combine(RepositoryLayout.Root, relative));

    private static SortedSet<string> CakeTasks() => new(TaskDefinition().Matches(Read("build/build.cake")).Select(m => m.Groups["name"].Value), StringComparer.Ordinal);

    [Theory]
    [InlineData("build.sh")]
    [InlineData("build.ps1")]
    public void Script_usage_line_lists_every_cake_task(string script)
    {
        var usage = UsageTargets().Match(Read(script));
        Assert.True(usage.Success, $"{script} has no '--target=A|B|…' usage line.");

        Assert.Equal(CakeTasks(), new SortedSet<string>(usage.Groups["targets"].Value.Split('|'), StringComparer.Ordinal));
    }

    [Fact]
    public void Readme_names_every_cake_task_and_no_other()
    {
        var readme = Read("README.md");
        var other = OtherTargetsLine().Match(readme);
        Assert.True(other.Success, "README.md has no 'Other targets:' line.");
        var named = new SortedSet<string>(TargetFlag().Matches(readme).Select(m => m.Groups["name"].Value), StringComparer.Ordinal) { "Default" }; // plain ./build.sh
        named.UnionWith(Backticked().Matches(other.Groups["list"].Value).Select(m => m.Groups["name"].Value));

        Assert.Equal(CakeTasks(), named);
    }

    [GeneratedRegex(@"^Task\(""(?<name>\w+)""\)", RegexOptions.Multiline)]
    private static partial Regex TaskDefinition();

    [GeneratedRegex(@"--target=(?<targets>\w+(?:\|\w+)+)")]
    private static partial Regex UsageTargets();

    [GeneratedRegex(@"--target=(?<name>\w+)")]
    private static partial Regex TargetFlag();

    [GeneratedRegex(@"^Other targets: (?<list>[^(.]*)", RegexOptions.Multiline)]
    private static partial Regex OtherTargetsLine();

    [GeneratedRegex(@"`(?<name>\w+)`")]
    private static partial Regex Backticked();
}
