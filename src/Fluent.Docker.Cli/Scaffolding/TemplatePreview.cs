using Fluent.Docker.Cli.Stacks;
using Fluent.Docker.Templates;

namespace Fluent.Docker.Cli.Scaffolding;

/// <summary>
/// The template <c>init</c> is about to scaffold, built in the tool with what decides its base images (the .NET app
/// kind, the base registry) and the template's defaults otherwise: its stages name the images the registry is asked
/// about, its platforms are the template's default.
/// </summary>
internal static class TemplatePreview
{
    private const string Name = "preview";

    public static ImageDefinition Create(DetectedStack stack, string? baseRegistry)
    {
        if (stack.Kind == StackKind.DotNet)
            return DotNetTemplate.Create(Name, new DotNetOptions
            {
                BaseRegistry = baseRegistry,
                Kind = stack.App?.Kind == AppKind.Web || stack.App is null ? DotNetAppKind.AspNetCore : DotNetAppKind.Console,
            });
        if (stack.Kind == StackKind.Go) return GoTemplate.Create(Name, new GoOptions { BaseRegistry = baseRegistry });
        if (stack.Kind == StackKind.Java)
            return JavaTemplate.Create(Name, new JavaOptions
            {
                BaseRegistry = baseRegistry,
                Build = stack.Options.Any(o => o.Expression.StartsWith("new JavaBuild.Maven", StringComparison.Ordinal)) ? new JavaBuild.Maven() : new JavaBuild.Javac("app.Main"),
            });
        if (stack.Kind == StackKind.Python) return PythonTemplate.Create(Name, new PythonOptions { BaseRegistry = baseRegistry });
        if (stack.Kind == StackKind.Node) return NodeTemplate.Create(Name, new NodeOptions { BaseRegistry = baseRegistry });
        return StaticSiteTemplate.Create(Name, new StaticSiteOptions
        {
            BaseRegistry = baseRegistry,
            Build = stack.Options.Any(o => o.Expression.StartsWith("new StaticSiteBuild.Npm", StringComparison.Ordinal)) ? new StaticSiteBuild.Npm() : new StaticSiteBuild.Prebuilt("."),
        });
    }
}
