using System.Reflection;

namespace Fluent.Docker.Tests;

/// <summary>
/// One test-naming style: a test reads as a sentence with underscores, first word capitalised
/// (<c>Duplicate_stage_name_is_reported_on_the_second_stage</c>), so a failing test's name says what broke.
/// </summary>
public sealed class TestNamingTests
{
    [Fact]
    public void Every_test_is_named_as_an_underscored_sentence()
    {
        var tests = typeof(TestNamingTests).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Where(m => m.GetCustomAttributes<FactAttribute>(inherit: true).Any())
            .ToList();
        Assert.NotEmpty(tests);
        var misnamed = tests.Where(m => !IsSentence(m.Name)).Select(m => $"{m.DeclaringType!.Name}.{m.Name}").ToList();
        Assert.True(misnamed.Count == 0, "Name these tests as underscored sentences (First_word_then_lowercase_words):\n" + string.Join("\n", misnamed));
    }

    private static bool IsSentence(string name) =>
        name.Contains('_', StringComparison.Ordinal) && char.IsUpper(name[0]) && !name.Contains("__", StringComparison.Ordinal);
}
