using Fluent.Docker.Templates;

namespace Fluent.Docker.Conformance;

/// <summary>
/// One sample per template and per option that changes the shape of the image, each made from its options so tests can
/// re-make it with other shared options (<c>with { BaseRegistry = … }</c>). The template tests snapshot them and
/// <see cref="Differential.BuildKitCheckDifferential"/> checks their Dockerfiles against BuildKit's checks.
/// </summary>
public static class TemplateSamples
{
    public sealed record Sample(string Key, TemplateOptions Options, Func<TemplateOptions, ImageDefinition> Make, bool CrossCompiles)
    {
        public ImageDefinition Definition => Make(Options);
    }

    public static IReadOnlyList<Sample> All { get; } =
    [
        new("go", new GoOptions(), o => GoTemplate.Create("team/go-api", (GoOptions)o), CrossCompiles: true),
        new("go-distroless", new GoOptions { Runtime = GoRuntime.DistrolessStatic, Package = "./cmd/api" }, o => GoTemplate.Create("team/go-api", (GoOptions)o), CrossCompiles: true),
        new("python-venv", new PythonOptions(), o => PythonTemplate.Create("team/py-api", (PythonOptions)o), CrossCompiles: false),
        new("python-pyproject", new PythonOptions { Dependencies = PythonDependencies.PyProject(), Command = ["python", "-m", "service"] }, o => PythonTemplate.Create("team/py-api", (PythonOptions)o), CrossCompiles: false),
        new("python-stdlib", new PythonOptions { Dependencies = PythonDependencies.None, Command = ["python", "server.py"] }, o => PythonTemplate.Create("team/py-api", (PythonOptions)o), CrossCompiles: false),
        new("python-user", new PythonOptions { Install = PythonInstall.User, Command = ["gunicorn", "app:app"] }, o => PythonTemplate.Create("team/py-api", (PythonOptions)o), CrossCompiles: false),
        new("node", new NodeOptions(), o => NodeTemplate.Create("team/node-api", (NodeOptions)o), CrossCompiles: false),
        new("node-build", new NodeOptions { BuildScript = "build", Command = ["node", "dist/server.js"] }, o => NodeTemplate.Create("team/node-web", (NodeOptions)o), CrossCompiles: true),
        new("java-jre", new JavaOptions { Build = new JavaBuild.Javac("com.example.App") }, o => JavaTemplate.Create("team/java-api", (JavaOptions)o), CrossCompiles: true),
        new("java-maven-jlink", new JavaOptions { Build = new JavaBuild.Maven(), Runtime = new JavaRuntime.Jlink(["java.base", "jdk.httpserver"]) }, o => JavaTemplate.Create("team/java-api", (JavaOptions)o), CrossCompiles: true),
        new("dotnet-aspnet", new DotNetOptions { Project = "src/Api/Api.csproj", RestoreInputs = ["Directory.Build.props", "src/Api/packages.lock.json"] }, o => DotNetTemplate.Create("team/dotnet-api", (DotNetOptions)o), CrossCompiles: true),
        new("dotnet-console", new DotNetOptions { Project = "Worker.csproj", Kind = DotNetAppKind.Console }, o => DotNetTemplate.Create("team/worker", (DotNetOptions)o), CrossCompiles: true),
        new("dotnet-trimmed", new DotNetOptions { Project = "Api.csproj", RuntimeVariant = DotNetRuntimeVariant.SelfContainedTrimmed }, o => DotNetTemplate.Create("team/dotnet-api", (DotNetOptions)o), CrossCompiles: true),
        new("dotnet-aot", new DotNetOptions { Project = "Api.csproj", RuntimeVariant = DotNetRuntimeVariant.NativeAot }, o => DotNetTemplate.Create("team/dotnet-api", (DotNetOptions)o), CrossCompiles: true),
        new("python-extra-ca", new PythonOptions { ExtraCaCertificates = ExtraCaCertificates.FromSecret(new SecretId("corp-ca")) }, o => PythonTemplate.Create("team/py-api", (PythonOptions)o), CrossCompiles: false),
        new("static-npm", new StaticSiteOptions(), o => StaticSiteTemplate.Create("team/site", (StaticSiteOptions)o), CrossCompiles: true),
        new("static-prebuilt", new StaticSiteOptions { Build = new StaticSiteBuild.Prebuilt("public") }, o => StaticSiteTemplate.Create("team/site", (StaticSiteOptions)o), CrossCompiles: false),
    ];

    public static Sample Get(string key) => All.Single(s => s.Key == key);

    /// <summary>The Dockerfile, then the .dockerignore: what a snapshot shows.</summary>
    public static string Render(ImageDefinition definition) =>
        definition.Dockerfile.Emit() + "\n# ---- .dockerignore\n" + definition.Ignore.Emit();
}
