using Fluent.Docker.Templates;

namespace Fluent.Docker.Tests.Templates;

/// <summary>
/// The Python template's dependency sources: a requirements file, pyproject.toml's <c>[project] dependencies</c>, or
/// the standard library alone (one stage, no pip); what each puts in the Dockerfile, and what the options refuse.
/// </summary>
public class PythonDependenciesTests
{
    private static Dockerfile Make(PythonOptions options) => PythonTemplate.Create("team/py", options).Dockerfile;

    private static IReadOnlyList<string> Runs(Stage stage) =>
        stage.Instructions.OfType<RunInstruction>().Select(r => ((CommandLine.Shell)r.Command).Command).ToList();

    private static IReadOnlyList<(string Source, string Destination)> Copies(Stage stage) =>
        stage.Instructions.OfType<CopyInstruction>().Where(c => c.From is null)
            .Select(c => (c.Sources.Single().ToString(), c.Destination.ToString())).ToList();

    [Fact]
    public void Requirements_file_is_the_default_and_is_installed_with_the_pip_cache_before_the_source()
    {
        var file = Make(new PythonOptions());
        var deps = file.Stages.Single(s => s.Name == "deps");
        var install = deps.Instructions.OfType<RunInstruction>().Last();

        Assert.Equal(PythonDependencies.Requirements(), new PythonOptions().Dependencies);
        Assert.Equal([("requirements.txt", "requirements.txt")], Copies(deps));
        Assert.Equal("pip --python /opt/venv/bin/python install -r requirements.txt", ((CommandLine.Shell)install.Command).Command);
        Assert.Contains(install.Options, o => o is CacheMount { Target.Value.LiteralText: "/root/.cache/pip" });
    }

    [Fact]
    public void Requirements_file_elsewhere_is_copied_under_the_name_pip_reads()
    {
        var deps = Make(new PythonOptions { Dependencies = PythonDependencies.Requirements("deps/prod.txt"), Install = PythonInstall.User }).Stages[0];

        Assert.Equal([("deps/prod.txt", "requirements.txt")], Copies(deps));
        Assert.Equal("pip install --user -r requirements.txt", Runs(deps)[^1]);
    }

    [Fact]
    public void Pyproject_dependencies_are_read_with_tomllib_and_installed_from_the_list_alone()
    {
        var file = Make(new PythonOptions { Dependencies = PythonDependencies.PyProject() });
        var deps = file.Stages.Single(s => s.Name == "deps");
        var runs = Runs(deps);

        Assert.Equal([("pyproject.toml", "pyproject.toml")], Copies(deps)); // not the source: code changes keep the layer
        Assert.Equal(3, runs.Count); // the venv, the list, the install
        Assert.StartsWith("python -c \"import sys, tomllib; ", runs[1], StringComparison.Ordinal);
        Assert.EndsWith("> pyproject-requirements.txt", runs[1], StringComparison.Ordinal);
        Assert.Contains("'dynamic'", runs[1], StringComparison.Ordinal); // dynamic dependencies stop the build
        Assert.Equal("pip --python /opt/venv/bin/python install -r pyproject-requirements.txt", runs[2]);
        Assert.DoesNotContain(runs, r => r.Contains("install .", StringComparison.Ordinal)); // the project is not built
        Assert.Contains(file.FinalStage!.Instructions, i => i is CopyInstruction { From: ArtifactSource.FromStage { Stage.Name: "deps" } });
    }

    [Fact]
    public void Pyproject_step_alone_trusts_extra_ca_certificates_the_list_step_needs_no_network()
    {
        var deps = Make(new PythonOptions { Dependencies = PythonDependencies.PyProject(), ExtraCaCertificates = ExtraCaCertificates.FromSecret(new SecretId("corp-ca")) }).Stages[0];
        var runs = deps.Instructions.OfType<RunInstruction>().ToList();

        Assert.DoesNotContain(runs[1].Options, o => o is SecretMount);
        Assert.Contains(runs[2].Options, o => o is SecretMount);
        Assert.Contains("PIP_CERT=", ((CommandLine.Shell)runs[2].Command).Command, StringComparison.Ordinal);
    }

    [Fact]
    public void Standard_library_only_is_one_stage_with_no_pip_and_no_virtualenv()
    {
        var file = Make(new PythonOptions { Dependencies = PythonDependencies.None, Command = ["python", "server.py"] });
        var config = ImageConfigProjection.Project(file);

        var stage = Assert.Single(file.Stages);
        Assert.Equal("runtime", stage.Name);
        Assert.DoesNotContain(Runs(stage), r => r.Contains("pip", StringComparison.Ordinal) || r.Contains("venv", StringComparison.Ordinal));
        Assert.Equal([(".", ".")], Copies(stage));
        Assert.DoesNotContain("/opt/", config.GetEnv("PATH") ?? "", StringComparison.Ordinal); // the image's own PATH
        Assert.Null(config.GetEnv("PYTHONUSERBASE"));
        Assert.Equal("1", config.GetEnv("PYTHONDONTWRITEBYTECODE"));
        Assert.Equal("8000", config.GetEnv("PORT"));
        Assert.Equal(["python", "server.py"], config.Cmd!);
        Assert.Empty(file.Validate());
    }

    [Fact]
    public void Standard_library_only_ignores_the_install_mode() =>
        Assert.Equal(
            Make(new PythonOptions { Dependencies = PythonDependencies.None }).Emit(),
            Make(new PythonOptions { Dependencies = PythonDependencies.None, Install = PythonInstall.User }).Emit());

    [Theory]
    [InlineData("../pyproject.toml")]
    [InlineData("/src/pyproject.toml")]
    [InlineData("")]
    public void Dependency_file_outside_the_context_is_refused_on_the_option(string path)
    {
        var error = Assert.Throws<TemplateOptionsException>(() => Make(new PythonOptions { Dependencies = PythonDependencies.PyProject(path) }));

        Assert.Equal("Dependencies", Assert.Single(error.Problems).Location.Slot);
    }

    [Fact]
    public void Pyproject_needs_python_3_11_for_tomllib_unless_the_image_is_given()
    {
        var error = Assert.Throws<TemplateOptionsException>(() => Make(new PythonOptions { Dependencies = PythonDependencies.PyProject(), PythonVersion = "3.10" }));
        var problem = Assert.Single(error.Problems);

        Assert.Equal("Dependencies", problem.Location.Slot);
        Assert.Contains("tomllib", problem.Message, StringComparison.Ordinal);
        Assert.NotNull(Make(new PythonOptions { Dependencies = PythonDependencies.PyProject(), PythonVersion = "3.11" }));
        Assert.NotNull(Make(new PythonOptions { Dependencies = PythonDependencies.Requirements(), PythonVersion = "3.10" }));
        Assert.NotNull(Make(new PythonOptions { Dependencies = PythonDependencies.PyProject(), PythonVersion = "3.10", Image = "python:3.12-slim" }));
    }

    [Fact]
    public void Missing_dependency_source_is_refused_with_the_choices()
    {
        var error = Assert.Throws<TemplateOptionsException>(() => Make(new PythonOptions { Dependencies = null! }));

        Assert.Contains("PythonDependencies.None", Assert.Single(error.Problems).Fix, StringComparison.Ordinal);
    }
}
