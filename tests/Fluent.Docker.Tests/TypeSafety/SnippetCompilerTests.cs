namespace Fluent.Docker.Tests.TypeSafety;

/// <summary>
/// The snippet compiler checks itself: if it could not see Fluent.Docker, ignored warnings, or accepted an error
/// anywhere in the snippet, every "does not compile" test would pass for the wrong reason.
/// </summary>
public class SnippetCompilerTests
{
    [Fact]
    public void User_code_with_the_library_and_implicit_usings_compiles()
    {
        var result = SnippetCompiler.AssertCompiles("""
            var build = Stage.Named("build").From("golang:1.23").Run("go build -o /out/app .");
            var names = new List<string> { "a" }.Select(n => n.ToUpperInvariant()).ToList();
            var file = Dockerfile.Create(build, Stage.Named("final").FromScratch().CopyFrom(build, "/out/app", "/app"));
            _ = (names, file, Path.Combine("a", "b"), Task.CompletedTask);
            """);
        Assert.True(result.Compiles);
    }

    [Fact]
    public void An_error_is_reported_with_its_id_and_location()
    {
        var result = SnippetCompiler.CompileStatements("""var s = [|NoSuchType|].Create();""");
        var error = Assert.Single(result.Errors);
        Assert.Equal("CS0103", error.Id);
        Assert.True(result.IsInMarkedSpan(error));
        Assert.False(result.Compiles);
    }

    [Fact]
    public void Assert_compiles_fails_on_an_error() =>
        Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => SnippetCompiler.AssertCompiles("""var s = Stage.Named("b").Run("x");"""));

    [Fact]
    public void Assert_compiles_fails_on_a_warning() =>
        // The repo builds with TreatWarningsAsErrors; CS0219 (assigned but never used) must count.
        Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => SnippetCompiler.AssertCompiles("""int unused = 1;"""));

    [Fact]
    public void Nullable_is_enabled()
    {
        var result = SnippetCompiler.CompileStatements("""string text = [|null|]; _ = text;""");
        Assert.Contains(result.Diagnostics, d => d.Id == "CS8600" && result.IsInMarkedSpan(d));
    }

    [Fact]
    public void Assert_error_fails_when_the_snippet_compiles() =>
        Assert.ThrowsAny<Xunit.Sdk.XunitException>(() =>
            SnippetCompiler.AssertError("CS1061", """var s = Stage.Named("b").From("alpine").[|Run|]("x");"""));

    [Fact]
    public void Assert_error_fails_on_a_different_error_id() =>
        Assert.ThrowsAny<Xunit.Sdk.XunitException>(() =>
            SnippetCompiler.AssertError("CS1503", """var s = Stage.Named("b").[|Run|]("x");"""));

    [Fact]
    public void Assert_error_fails_when_the_error_is_outside_the_marked_span() =>
        // The expected CS1061 is there, but blamed on the wrong code: a typo elsewhere must not satisfy a test.
        Assert.ThrowsAny<Xunit.Sdk.XunitException>(() =>
            SnippetCompiler.AssertError("CS1061", """var s = [|Stage.Named("b")|].From("alpine").Runn("x");"""));

    [Fact]
    public void Assert_error_fails_when_there_is_another_error_elsewhere() =>
        Assert.ThrowsAny<Xunit.Sdk.XunitException>(() =>
            SnippetCompiler.AssertError("CS1061", """var s = Stage.Named("b").[|Run|]("x"); var t = Missing;"""));

    [Fact]
    public void Assert_error_passes_on_the_expected_error_in_the_marked_span() =>
        SnippetCompiler.AssertError("CS1061", """var s = Stage.Named("b").[|Run|]("x");""");

    [Fact]
    public void Snippets_see_only_the_public_surface()
    {
        // The test assembly has InternalsVisibleTo; the snippet must not, or internal members would leak into tests.
        SnippetCompiler.AssertError("CS0122", """var p = [|IgnoreFileReader|].ReadAll("bin/");""");
        SnippetCompiler.AssertCompiles("""var p = new BuildArg("A").Problem;""");
    }

    [Fact]
    public void Whole_files_compile_too()
    {
        SnippetCompiler.CompileFile("""
            namespace User;
            public static class Images
            {
                public static Stage Build { get; } = Stage.Named("build").From("golang:1.23");
            }
            """).AssertClean();
    }
}
