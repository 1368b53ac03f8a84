using System.Reflection;

namespace Fluent.Docker.Tests;

/// <summary>How rule tests are named: <c>FD0014_reports_…</c> and <c>FD0014_quiet_…</c>, in the namespace of the rules' tests.</summary>
internal static class RuleTestConventions
{
    /// <summary>Asserts that the namespace of <paramref name="anchor"/> has a reporting and a quiet test for rule <paramref name="id"/>.</summary>
    public static void AssertTestedBothWays(Type anchor, string id)
    {
        var tests = anchor.Assembly.GetTypes()
            .Where(t => t.Namespace == anchor.Namespace)
            .SelectMany(t => t.GetMethods())
            .Where(m => m.GetCustomAttribute<FactAttribute>() is not null && m.Name.StartsWith(id + "_", StringComparison.Ordinal))
            .Select(m => m.Name)
            .ToList();
        Assert.Contains(tests, n => n.Contains("_quiet_", StringComparison.Ordinal));
        Assert.Contains(tests, n => !n.Contains("_quiet_", StringComparison.Ordinal));
    }
}
