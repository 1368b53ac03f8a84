namespace Fluent.Docker.Tests.TypeSafety;

/// <summary>
/// Misuses that once compiled and silently produced a wrong model: interpolated paths losing their ARG reference,
/// collection syntax on ValueList yielding an empty list, and an interpolated value changing after a stage held it.
/// </summary>
public class ClosedGapTests
{

    [Fact]
    public void Interpolated_paths_keep_the_build_arg_reference()
    {
        var version = new BuildArg("VERSION");
        var stage = Stage.Named("b").From("alpine").Arg(version)
            .Workdir($"/opt/{version}")
            .Copy($"dist/{version}/", $"/srv/{version}/");

        var workdir = (WorkdirInstruction)stage.Instructions[1];
        var copy = (CopyInstruction)stage.Instructions[2];
        Assert.Equal(["VERSION"], workdir.Path.Value.VariableNames);
        Assert.Equal(["VERSION"], copy.Sources[0].Value.VariableNames);
        Assert.Equal(["VERSION"], copy.Destination.Value.VariableNames);
    }


    [Fact]
    public void Collection_expressions_fill_a_value_list()
    {
        ValueList<string> list = ["a", "b"];
        var options = new CopyOptions { Exclude = ["bin/", "obj/"] };

        Assert.Equal(["a", "b"], list);
        Assert.Equal(["bin/", "obj/"], options.Exclude);
    }

    [Fact]
    public void A_collection_initializer_on_a_value_list_does_not_compile()
    {
        var result = SnippetCompiler.CompileStatements("""var list = [|new ValueList<string> { "a" }|];""");
        Assert.Contains(result.Errors, result.IsInMarkedSpan);
        SnippetCompiler.AssertCompiles("""var list = ValueList.Of("a");""");
    }


    [Fact]
    public void An_expandable_held_by_a_stage_cannot_change()
    {
        Expandable value = $"a{new BuildArg("B")}";
        var stage = Stage.Named("b").From("alpine").Env("A", value);

        // The stage holds its own copy of the struct: appending to the local changes only the local.
        value.AppendLiteral("-changed");

        var env = (EnvInstruction)stage.Instructions[^1];
        Assert.Equal([new("a", false), new("B", true)], env.Variables[0].Value.Parts);
    }
}
