using Fluent.Docker.Examples;
using Fluent.Docker.Linting;

namespace Fluent.Docker.Tests.Linting;

/// <summary>The examples pass the Cake Lint task: no error, and a report that names each finding's line in their Dockerfile.</summary>
public class ExampleLintTests
{
    public static TheoryData<string> Examples => new(ExampleCatalog.All.Select(d => d.Name));

    [Theory]
    [MemberData(nameof(Examples))]
    public void Example_has_no_lint_error(string name)
    {
        var definition = ExampleCatalog.All.Single(d => d.Name == name);
        var report = Linter.Lint(definition);
        Assert.False(report.HasErrors, report.ToText());
        Assert.All(report.Diagnostics, d => Assert.NotNull(d.Location.Line));
    }

    [Fact]
    public void The_lint_task_would_fail_on_an_error_finding()
    {
        var broken = ExampleCatalog.All[0].WithDockerfile(Dockerfile.Create(Stage.Named("app").From("debian:12").User("root")));
        Assert.True(Linter.Lint(broken, LintOptions.Default.WithSeverity("FD0011", ProblemSeverity.Error)).HasErrors);
    }
}
