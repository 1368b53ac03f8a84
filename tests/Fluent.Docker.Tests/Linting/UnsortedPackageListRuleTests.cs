using Fluent.Docker.Conformance;
using Fluent.Docker.Examples;
using Fluent.Docker.Linting;
using Fluent.Docker.Tests.Examples;

namespace Fluent.Docker.Tests.Linting;

/// <summary>FD0126: unsorted apt-get / apk package lists are reported with the sorted order, and <c>lint --fix</c> sorts them in place.</summary>
public class UnsortedPackageListRuleTests
{
    private static IReadOnlyList<Problem> Findings(string dockerfile) =>
        [.. Linter.LintText(dockerfile).Diagnostics.Where(d => d.Code == "FD0126")];

    [Fact]
    public void FD0126_reports_an_unsorted_apt_get_list_with_the_sorted_order()
    {
        var finding = Assert.Single(Findings("FROM debian:bookworm-slim\nRUN apt-get install -y --no-install-recommends git curl ca-certificates\n"));

        Assert.Equal("The apt-get package list is not sorted: ca-certificates curl git", finding.Message);
        Assert.Equal(ProblemSeverity.Info, finding.Severity);
        Assert.Equal(2, finding.Location.Line);
    }

    [Theory]
    [InlineData("RUN apt-get install -y ca-certificates curl git")]
    [InlineData("RUN apt-get install -y git curl")]
    [InlineData("RUN apt-get install -y git $EXTRA curl")]
    [InlineData("RUN pip install requests flask attrs")]
    [InlineData("RUN npm install react express axios")]
    public void FD0126_quiet_on_sorted_short_variable_or_order_sensitive_lists(string run) =>
        Assert.Empty(Findings("FROM debian:bookworm-slim\n" + run + "\n"));

    [Fact]
    public void FD0126_reports_an_unsorted_apk_list()
    {
        var finding = Assert.Single(Findings("FROM alpine:3.20\nRUN apk add --no-cache tzdata bash curl\n"));

        Assert.Equal("The apk package list is not sorted: bash curl tzdata", finding.Message);
    }

    [Fact]
    public void The_fix_sorts_the_words_in_place_keeping_options_and_the_one_per_line_layout()
    {
        const string text =
            "FROM debian:bookworm-slim\n# tools\nRUN apt-get update \\\n    && apt-get install -y --no-install-recommends \\\n        git \\\n        curl \\\n        ca-certificates \\\n    && rm -rf /var/lib/apt/lists/*\nUSER 1000\n";

        var result = DockerfileFixer.Fix(text);
        var again = DockerfileFixer.Fix(result.Text);

        Assert.Equal(
            "FROM debian:bookworm-slim\n# tools\nRUN apt-get update \\\n    && apt-get install -y --no-install-recommends \\\n        ca-certificates \\\n        curl \\\n        git \\\n    && rm -rf /var/lib/apt/lists/*\nUSER 1000\n",
            result.Text);
        Assert.Equal("FD0126", Assert.Single(result.Applied).RuleId);
        Assert.Equal(result.Text, again.Text);
        Assert.Empty(Findings(result.Text));
    }

    [Fact]
    public void Options_between_packages_stay_in_their_places()
    {
        var result = DockerfileFixer.Fix("FROM debian:bookworm-slim\nRUN apt-get install -y zsh --no-install-recommends bash make && rm -rf /var/lib/apt/lists/*\n");

        Assert.Equal("FROM debian:bookworm-slim\nRUN apt-get install -y bash --no-install-recommends make zsh && rm -rf /var/lib/apt/lists/*\n", result.Text);
    }

    [Fact]
    public void Every_template_and_example_lists_its_packages_sorted()
    {
        foreach (var (name, dockerfile) in GeneratedDockerfiles())
            Assert.True(Findings(dockerfile).Count == 0, $"{name} has an unsorted package list");
    }

    private static IEnumerable<(string Name, string Dockerfile)> GeneratedDockerfiles() =>
        ExampleCatalog.All.Select(image => (image.Name, image.Dockerfile.Emit()))
            .Concat(TemplateSamples.All.Select(sample => ("template " + sample.Key, sample.Definition.Dockerfile.Emit())));
}
