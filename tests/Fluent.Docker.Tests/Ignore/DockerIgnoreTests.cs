namespace Fluent.Docker.Tests.Ignore;

/// <summary>.dockerignore reading, writing, matching and errors, with BuildKit's rules (the corpora cover patternmatcher itself).</summary>
public class DockerIgnoreTests
{
    [Fact]
    public void Parse_reads_a_file_as_buildkit_does()
    {
        var text = "\uFEFF# a comment\r\n  # not a comment\n/bin/\n! /keep/me\nsrc/./x/../y\n\n   \n*.log   \n";

        var ignore = DockerIgnore.Parse(text);

        Assert.Equal(["# not a comment", "bin", "!keep/me", "src/y", "*.log"], ignore.Patterns);
    }

    [Fact]
    public void Emit_then_parse_keeps_the_meaning()
    {
        var ignore = DockerIgnore.Create("/bin/", "**/obj", "!bin/keep.txt", "docs/*.md");

        var reread = DockerIgnore.Parse(ignore.Emit());

        Assert.Equal(["bin", "**/obj", "!bin/keep.txt", "docs/*.md"], reread.Patterns);
        foreach (var path in new[] { "bin/a.dll", "bin/keep.txt", "src/obj/x", "docs/a.md", "docs/sub/a.md", "README.md" })
            Assert.Equal(ignore.Compile().Matches(path), reread.Compile().Matches(path));
    }

    [Fact]
    public void A_line_of_64_KiB_is_refused_with_its_class()
    {
        var error = Assert.Throws<DockerIgnoreException>(() => DockerIgnore.Parse("ok\n" + new string('a', 65536) + "\n"));

        Assert.Equal(DockerIgnoreError.LineTooLong, error.Error);
        Assert.Equal(2, error.Number);
        Assert.Equal(["a"], DockerIgnore.Parse(new string('a', 1) + "\n").Patterns);
        Assert.Single(DockerIgnore.Parse(new string('a', 65535)).Patterns); // the longest line the reader takes
    }

    [Theory]
    [InlineData("!", DockerIgnoreError.IllegalExclusion)]
    [InlineData("!/", DockerIgnoreError.IllegalExclusion)]
    [InlineData("[", DockerIgnoreError.BadPattern)]
    [InlineData("src/[a-", DockerIgnoreError.BadPattern)]
    [InlineData("a\\", DockerIgnoreError.BadPattern)]
    [InlineData("[z-a]", DockerIgnoreError.BadPattern)] // valid glob, invalid regexp: BuildKit fails every build
    [InlineData("[Local-Only]/", DockerIgnoreError.BadPattern)]
    public void Patterns_buildkit_refuses_are_errors_before_anything_is_written(string pattern, DockerIgnoreError error)
    {
        var ignore = DockerIgnore.Create("ok", pattern);

        var problem = Assert.Single(ignore.Validate());
        Assert.Equal("pattern 2", problem.Location.Slot);
        Assert.Equal(error, problem.Kind);
        Assert.Throws<DockerfileValidationException>(() => ignore.Emit());
        Assert.Throws<DockerfileValidationException>(() => ignore.Compile());
    }

    [Fact]
    public void The_raw_compiler_throws_typed_errors_naming_the_pattern()
    {
        var lone = Assert.Throws<DockerIgnoreException>(() => DockerIgnoreMatcher.Compile(["a", " ! "]));
        Assert.Equal(DockerIgnoreError.IllegalExclusion, lone.Error);
        Assert.Equal(2, lone.Number);

        var bracket = Assert.Throws<DockerIgnoreException>(() => DockerIgnoreMatcher.Compile(["a[b"]));
        Assert.Equal(DockerIgnoreError.BadPattern, bracket.Error);
        Assert.Contains("'a[b'", bracket.Message);
        Assert.Contains("Fix:", bracket.Message);

        // Accepted by the glob check, refused at every match: as patternmatcher does.
        var reversed = DockerIgnoreMatcher.Compile(["[z-a]"]);
        Assert.NotNull(reversed.Patterns[0].Problem);
        Assert.Equal(DockerIgnoreError.BadPattern, Assert.Throws<DockerIgnoreException>(() => reversed.Matches("x")).Error);
    }

    [Theory]
    [InlineData("*.md", "README.md", true)]
    [InlineData("*.md", "docs/README.md", false)] // '*' stays in one directory
    [InlineData("**/*.md", "docs/api/README.md", true)]
    [InlineData("docs", "docs/api/README.md", true)] // a parent directory matches
    [InlineData("/docs/", "docs/a", true)] // a leading and trailing '/' change nothing
    [InlineData("a/../docs", "docs/a", true)] // cleaned like a path
    [InlineData("../docs", "docs/a", false)] // above the context: matches nothing in it
    [InlineData("temp?", "temps", true)]
    [InlineData("temp?", "temp/s", false)]
    [InlineData("**", "anything/at/all", true)]
    public void One_pattern(string pattern, string path, bool excluded) =>
        Assert.Equal(excluded, DockerIgnore.Parse(pattern).Compile().Matches(path));

    [Fact]
    public void The_last_pattern_that_applies_wins()
    {
        var matcher = DockerIgnore.Create("*.md", "!README*.md", "README-secret.md").Compile();

        Assert.True(matcher.Matches("CHANGES.md"));
        Assert.False(matcher.Matches("README.md"));
        Assert.True(matcher.Matches("README-secret.md"));
        Assert.False(matcher.Matches("."));   // the context root is never excluded
        Assert.True(matcher.HasExceptions);

        var reordered = DockerIgnore.Create("*.md", "README-secret.md", "!README*.md").Compile();
        Assert.False(reordered.Matches("README-secret.md"));
    }

    [Fact]
    public void Language_presets_add_outputs_and_caches_at_any_depth()
    {
        var dotnet = DockerIgnore.ForLanguage(ProjectLanguage.DotNet);

        Assert.StartsWith(string.Join("\n", DockerIgnore.Common.Patterns), string.Join("\n", dotnet.Patterns), StringComparison.Ordinal);
        var matcher = dotnet.Compile();
        Assert.True(matcher.Matches("src/Api/bin/Release/Api.dll"));
        Assert.True(matcher.Matches("src/Api/obj/project.assets.json"));
        Assert.True(matcher.Matches(".git/HEAD"));
        Assert.True(matcher.Matches("api.Dockerfile.dockerignore"));
        Assert.False(matcher.Matches("src/Api/Program.cs"));

        Assert.True(DockerIgnore.ForLanguage(ProjectLanguage.Node).Compile().Matches("packages/web/node_modules/react/index.js"));
        Assert.True(DockerIgnore.ForLanguage(ProjectLanguage.Python).Compile().Matches("app/__pycache__/x.cpython-312.pyc"));
        Assert.True(DockerIgnore.ForLanguage(ProjectLanguage.Java).Compile().Matches("service/target/app.jar"));
        Assert.False(DockerIgnore.ForLanguage(ProjectLanguage.Go).Compile().Matches("cmd/main.go"));
        Assert.True(DockerIgnore.ForLanguage(ProjectLanguage.Static).Compile().Matches("site/node_modules/x"));
        Assert.All(Enum.GetValues<ProjectLanguage>(), language => Assert.Empty(DockerIgnore.ForLanguage(language).Validate()));
    }

    private static readonly BuildArg Version = new("VERSION", "1.0");

    [Fact]
    public void An_allow_list_keeps_exactly_the_context_paths_the_model_reads()
    {
        var build = Stage.Named("build").From("golang:1.22")
            .Copy("go.mod", "./")
            .Copy(["go.sum", "./cmd/"], "./")
            .Copy("/internal/**/*.go", "./internal/")
            .Run("go build", Mount.Bind("/cfg", source: "config/build.yaml"), Mount.Bind("/tools", from: ImageReference.Parse("busybox:1.36")))
            .Copy($"dist/{Version}/notes.txt", "/notes.txt")
            .Add(new AddSource.Local("vendor.tar.gz"), "/vendor/")
            .Add(new AddSource.Url(new Uri("https://example.com/x.tgz")), "/x/");
        var runtime = Stage.Named("runtime").FromScratch()
            .CopyFrom(build, "/out/app", "/app")
            .CopyFrom(new NamedContext("assets"), "img/", "/img/")
            .OnBuild(t => t.Copy("child-context-file", "/x"));

        var ignore = DockerIgnore.AllowListFor(Dockerfile.Create(build, runtime));

        Assert.Equal(["*", "!go.mod", "!go.sum", "!cmd", "!internal/**/*.go", "!config/build.yaml", "!dist", "!vendor.tar.gz"], ignore.Patterns);
        var matcher = ignore.Compile();
        Assert.False(matcher.Matches("cmd/api/main.go"));
        Assert.False(matcher.Matches("internal/a/b/c.go"));
        Assert.True(matcher.Matches("internal/a/b/c_test.txt"));
        Assert.True(matcher.Matches(".git/config"));
        Assert.True(matcher.Matches("child-context-file"));
    }

    [Theory]
    [InlineData(".")]
    [InlineData("./")]
    [InlineData("/")]
    public void Copying_the_whole_context_leaves_nothing_out(string source)
    {
        var model = Dockerfile.Create(Stage.Named("app").From("node:22").Copy("package.json", "./").Copy(source, "./"));

        Assert.Equal(DockerIgnore.Empty, DockerIgnore.AllowListFor(model));
    }

    [Fact]
    public void A_source_that_starts_with_a_variable_or_a_bind_of_the_whole_context_leaves_nothing_out()
    {
        Assert.Empty(DockerIgnore.AllowListFor(Dockerfile.Create(Stage.Named("a").From("alpine:3.20").Copy($"{Version}/x", "/x"))).Patterns);
        Assert.Empty(DockerIgnore.AllowListFor(Dockerfile.Create(Stage.Named("a").From("alpine:3.20").Run("make", Mount.Bind("/src")))).Patterns);
    }

    [Fact]
    public void A_model_that_reads_nothing_from_the_context_sends_nothing()
    {
        var model = Dockerfile.Create(Stage.Named("a").From("alpine:3.20").Run("apk add curl"));

        Assert.Equal(["*"], DockerIgnore.AllowListFor(model).Patterns);
    }

    [Fact]
    public void The_generated_file_is_the_allow_list_then_the_language_defaults()
    {
        var model = Dockerfile.Create(Stage.Named("build").From("mcr.microsoft.com/dotnet/sdk:10.0")
            .Copy("src/", "/src/")
            .Copy("tools/bin/protoc", "/usr/local/bin/protoc"));

        var ignore = DockerIgnore.For(model, ProjectLanguage.DotNet);

        var defaults = DockerIgnore.ForLanguage(ProjectLanguage.DotNet).Patterns;
        Assert.Equal(["*", "!src", "!tools/bin/protoc", .. defaults, "!tools/bin/protoc"], ignore.Patterns);
        var matcher = ignore.Compile();
        Assert.False(matcher.Matches("src/Api/Program.cs"));
        Assert.True(matcher.Matches("src/Api/bin/Debug/Api.dll")); // outputs inside an allowed directory stay out
        Assert.False(matcher.Matches("tools/bin/protoc"));         // a source the defaults hide is re-included
        Assert.True(matcher.Matches("tools/bin/other"));
        Assert.True(matcher.Matches("README.md"));
        Assert.Equal(DockerIgnore.ForLanguage(ProjectLanguage.DotNet), DockerIgnore.For(Dockerfile.Create(Stage.Named("a").From("alpine:3.20").Copy(".", "/")), ProjectLanguage.DotNet));
    }

    [Fact]
    public void Buildkit_prefers_the_ignore_file_beside_a_named_dockerfile()
    {
        var context = Directory.CreateTempSubdirectory("fd-locate-").FullName;
        try
        {
            Assert.Null(DockerIgnore.Locate(context, "Dockerfile"));
            File.WriteAllText(Path.Combine(context, ".dockerignore"), "a\n");
            Assert.Equal(Path.Combine(context, ".dockerignore"), DockerIgnore.Locate(context, "api.Dockerfile"));
            Directory.CreateDirectory(Path.Combine(context, "build"));
            File.WriteAllText(Path.Combine(context, "build", "api.Dockerfile.dockerignore"), "b\n");
            Assert.Equal(Path.Combine(context, "build", "api.Dockerfile.dockerignore"), DockerIgnore.Locate(context, "build/api.Dockerfile"));
            Assert.Equal(["b"], DockerIgnore.Load(DockerIgnore.Locate(context, "build/api.Dockerfile")!).Patterns);
        }
        finally
        {
            Directory.Delete(context, recursive: true);
        }
    }
}
