using Fluent.Docker.Build;
using Fluent.Docker.Tests.Engine;

namespace Fluent.Docker.Tests.Ignore;

/// <summary>BuildKit itself decides which files reach the build: they must be exactly the ones BuildContext predicts.</summary>
[Trait("Category", "E2E")]
[Collection(DockerLabCollection.Name)]
public class DockerIgnoreE2ETests(DockerLabFixture lab)
{
    [Fact]
    public async Task Buildkit_sends_exactly_the_files_the_matcher_predicts()
    {
        var context = CreateTree("ignore-handwritten",
            "src/app.cs", "src/bin/Debug/app.dll", "src/keep/bin/tool", "src/.DS_Store",
            "docs/a.md", "docs/sub/b.md", "docs/keep.md", "docs/img.png",
            "temp", "temps", "tempab", "ace", "aze", "rooted.txt", "sub/rooted.txt", "y", "x/y", ".DS_Store",
            "node_modules/pkg/index.js", "node_modules/pkg/package.json",
            "build.log", "important.log", "logs/debug.log", "file with spaces.txt", "ünïcödé.txt");
        File.CreateSymbolicLink(Path.Combine(context, "link-to-app"), "src/app.cs");
        var ignore = DockerIgnore.Create(
            "**/bin", "!src/keep/bin/tool", "docs/**/*.md", "!docs/keep.md", "temp?", "a[b-d]e", "/rooted.txt", "x/../y",
            "**/.DS_Store", "*.Dockerfile", ".dockerignore", "node_modules", "!node_modules/pkg/package.json", "**/*.log", "!important.log");

        var (predicted, received) = await SentByBuildKitAsync(context, ignore);

        Assert.Equal(predicted, received);
        Assert.Equal(
            ["aze", "ctx.Dockerfile.dockerignore", "docs/img.png", "docs/keep.md", "file with spaces.txt", "important.log", "link-to-app",
             "node_modules/pkg/package.json", "src/app.cs", "src/keep/bin/tool", "sub/rooted.txt", "temp", "tempab", "x/y", "ünïcödé.txt"],
            received);
    }

    [Fact]
    public async Task A_generated_allow_list_sends_what_the_model_reads_and_the_model_builds_with_it()
    {
        var context = CreateTree("ignore-generated",
            "src/App/Program.cs", "src/App/bin/Debug/App.dll", "src/App/obj/project.assets.json", "appsettings.json", "package.json",
            "tools/bin/protoc", "tools/bin/other", ".git/HEAD", ".env", "README.md");
        var model = Dockerfile.Create(Stage.Named("app").FromScratch()
            .Copy("src/", "/src/")
            .Copy("*.json", "/config/")
            .Copy("tools/bin/protoc", "/protoc"));
        var ignore = DockerIgnore.For(model, ProjectLanguage.DotNet);

        var (predicted, received) = await SentByBuildKitAsync(context, ignore);
        Assert.Equal(predicted, received);
        Assert.Equal(["appsettings.json", "package.json", "src/App/Program.cs", "tools/bin/protoc"], received);

        // The model itself builds from that context: every source it reads is there.
        var generated = ImageDefinition.Create("fluent-tests/ignore-app", model).WithIgnoreFor(ProjectLanguage.DotNet).Generate(context);
        var output = Path.Combine(lab.WorkDirectory, "ignore-generated-app");
        await lab.Buildx.BuildAsync(new BuildRequest(context).WithDockerfile(generated.DockerfilePath).WithOutput(BuildOutput.LocalDirectory(output)));
        Assert.Equal(["config/appsettings.json", "config/package.json", "protoc", "src/App/Program.cs"], Files(output));
    }

    private string CreateTree(string name, params string[] paths)
    {
        var context = Path.Combine(lab.WorkDirectory, name);
        foreach (var path in paths)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(context, path))!);
            File.WriteAllText(Path.Combine(context, path), path);
        }
        return context;
    }

    /// <summary>
    /// Builds <c>FROM scratch</c> + <c>COPY . /</c> as <c>ctx.Dockerfile</c> with <paramref name="ignore"/> beside it: what
    /// BuildContext predicts from the ignore file BuildKit should pick, and what arrived. A root .dockerignore that would
    /// leave everything out checks that BuildKit prefers the one beside the Dockerfile. The probe files are removed after.
    /// </summary>
    private async Task<(List<string> Predicted, List<string> Received)> SentByBuildKitAsync(string context, DockerIgnore ignore)
    {
        var decoy = Path.Combine(context, ".dockerignore");
        File.WriteAllText(decoy, "**\n");
        var probe = Dockerfile.Create(Stage.Named("files").FromScratch().Copy(".", "/"));
        var generated = ImageDefinition.Create("fluent-tests/ignore", probe).WithDockerfileName("ctx.Dockerfile").WithIgnore(ignore).Generate(context);
        var picked = DockerIgnore.Locate(context, "ctx.Dockerfile")!;
        var predicted = BuildContext.Files(context, DockerIgnore.Load(picked)).Select(f => f.Path).Order(StringComparer.Ordinal).ToList();
        var output = Path.Combine(lab.WorkDirectory, Path.GetFileName(context) + "-output");
        try
        {
            await lab.Buildx.BuildAsync(new BuildRequest(context).WithDockerfile(generated.DockerfilePath).WithOutput(BuildOutput.LocalDirectory(output)));
        }
        finally
        {
            foreach (var file in new[] { generated.DockerfilePath, generated.DockerIgnorePath, decoy }) File.Delete(file);
        }
        return (predicted, Files(output));
    }

    private static List<string> Files(string directory) =>
        new DirectoryInfo(directory).EnumerateFileSystemInfos("*", SearchOption.AllDirectories)
            .Where(e => e is FileInfo || e.LinkTarget is not null)
            .Select(e => Path.GetRelativePath(directory, e.FullName).Replace('\\', '/'))
            .Order(StringComparer.Ordinal).ToList();
}
