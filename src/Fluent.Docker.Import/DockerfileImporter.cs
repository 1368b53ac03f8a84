using System.Reflection;
using Fluent.Docker.Parsing;
using Scriban;
using Scriban.Runtime;

namespace Fluent.Docker.Import;

/// <summary>
/// Turns a Dockerfile into C# that builds the same model with the fluent API: one variable per stage
/// (<c>var build = Stage.Named("build").From(…)</c>), BuildArg variables used inside values (<c>$"/opt/{version}"</c>),
/// stages passed as values (<c>.CopyFrom(build, …)</c>), typed ports, OCI label keys, exec forms as argument lists, and
/// the Dockerfile's comments. The file layout comes from a Scriban template embedded in this assembly.
/// Running the generated method gives a model equal to <see cref="Dockerfile.Parse"/> of the input.
/// </summary>
public static class DockerfileImporter
{
    /// <summary>C# for Dockerfile text (its comments become <c>.Comment("…")</c> calls). Throws <see cref="DockerfileParseException"/> for a malformed file.</summary>
    public static string ToCSharp(string dockerfile, ImportOptions? options = null)
    {
        return Generate(DockerfileReader.Read(dockerfile), options ?? new ImportOptions());
    }

    /// <summary>C# for a model. Throws <see cref="DockerfileValidationException"/> when the model has problems.</summary>
    public static string ToCSharp(Dockerfile dockerfile, ImportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(dockerfile);
        var errors = dockerfile.Validate();
        if (errors.Count > 0) throw new DockerfileValidationException(errors);
        return Generate(dockerfile, options ?? new ImportOptions());
    }

    private static readonly Lazy<Template> FileTemplate = new(() =>
    {
        using var stream = typeof(DockerfileImporter).Assembly.GetManifestResourceStream("Fluent.Docker.Import.ImportedFile.scriban")
            ?? throw new InvalidOperationException("The import template is not embedded in Fluent.Docker.");
        using var reader = new StreamReader(stream);
        var template = Template.Parse(reader.ReadToEnd());
        return template.HasErrors ? throw new InvalidOperationException("The import template does not parse: " + string.Join("; ", template.Messages)) : template;
    });

    private static string Generate(Dockerfile file, ImportOptions options)
    {
        options.Check();
        var model = new CSharpModel(file).Build(options);
        var context = new TemplateContext { StrictVariables = true, MemberRenamer = member => member.Name };
        var globals = new ScriptObject();
        globals.Import(model, renamer: member => member.Name);
        context.PushGlobal(globals);
        return FileTemplate.Value.Render(context);
    }
}
