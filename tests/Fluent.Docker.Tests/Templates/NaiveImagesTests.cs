using Fluent.Docker.Examples;
using Fluent.Docker.Tests.Examples;

namespace Fluent.Docker.Tests.Templates;

/// <summary>The naive twins the seed exercise and the benchmarks compare against: one per example, committed ones up to date.</summary>
public class NaiveImagesTests
{
    public static TheoryData<string> Committed => new(NaiveImages.Committed.Keys);

    [Theory]
    [MemberData(nameof(Committed))]
    public void Committed_naive_dockerfile_is_up_to_date(string path)
    {
        var file = Path.Combine(RepositoryLayout.ExamplesDirectory, path);

        Assert.True(File.Exists(file), $"{file} is missing: run ./build.sh --target=Generate");
        Assert.Equal(NaiveImages.Committed[path].Emit(), File.ReadAllText(file));
    }

    [Fact]
    public void Every_example_has_a_naive_twin_that_is_single_stage_and_runs_as_root()
    {
        Assert.Equal(ExampleCatalog.All.Select(d => d.Name).Order(), NaiveImages.ByExample.Keys.Order());
        Assert.All(NaiveImages.ByExample.Values, naive =>
        {
            Assert.Single(naive.Stages);
            Assert.Empty(naive.Validate());
            Assert.Equal("", ImageConfigProjection.Project(naive).User); // no USER: whatever the base says, root here
        });
    }

    [Fact]
    public void Seed_exercise_simple_dockerfile_is_the_course_one()
    {
        Assert.Equal("""
            FROM python:3.11
            WORKDIR /app
            COPY . .
            RUN pip install -r requirements.txt
            CMD python app.py

            """.Replace("\r", ""), NaiveImages.PythonApi.Emit());
    }
}
