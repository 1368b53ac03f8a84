namespace Fluent.Docker.Tests.Ignore;

/// <summary>The context walk and the size report on a realistic project tree (VCS data, build outputs, dependencies, a virtualenv).</summary>
public sealed class BuildContextTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("fd-context-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    /// <summary>Writes a file of <paramref name="bytes"/> bytes and returns its size, so expectations add up what was written.</summary>
    private long Write(string path, int bytes)
    {
        var full = Path.Combine(_root, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllBytes(full, new byte[bytes]);
        return bytes;
    }

    private Dictionary<string, long> RealisticTree() => new()
    {
        ["src/Api/Program.cs"] = Write("src/Api/Program.cs", 1200),
        ["src/Api/Api.csproj"] = Write("src/Api/Api.csproj", 400),
        ["src/Api/bin/Debug/net10.0/Api.dll"] = Write("src/Api/bin/Debug/net10.0/Api.dll", 90_000),
        ["src/Api/obj/project.assets.json"] = Write("src/Api/obj/project.assets.json", 50_000),
        ["web/package.json"] = Write("web/package.json", 300),
        ["web/node_modules/react/index.js"] = Write("web/node_modules/react/index.js", 70_000),
        ["web/node_modules/react/package.json"] = Write("web/node_modules/react/package.json", 900),
        ["tools/venv/lib/python3.12/site.py"] = Write("tools/venv/lib/python3.12/site.py", 30_000),
        [".git/HEAD"] = Write(".git/HEAD", 23),
        [".git/objects/ab/cdef"] = Write(".git/objects/ab/cdef", 200_000),
        [".env"] = Write(".env", 64),
        ["README.md"] = Write("README.md", 500),
    };

    [Fact]
    public void Without_an_ignore_file_every_file_is_sent()
    {
        var tree = RealisticTree();

        var files = BuildContext.Files(_root).ToList();

        Assert.Equal(tree.Keys.Order(StringComparer.Ordinal), files.Select(f => f.Path).Order(StringComparer.Ordinal));
        Assert.All(files, f => Assert.Equal(tree[f.Path], f.Bytes));
    }

    [Fact]
    public void The_report_counts_files_and_bytes_with_and_without_the_ignore_file()
    {
        var tree = RealisticTree();
        var ignore = DockerIgnore.ForLanguage(ProjectLanguage.DotNet).With("**/node_modules", "**/venv");
        string[] sent = ["src/Api/Program.cs", "src/Api/Api.csproj", "web/package.json", "README.md"];

        var report = BuildContextReport.Measure(_root, ignore);

        Assert.Equal(tree.Count, report.TotalFiles);
        Assert.Equal(tree.Values.Sum(), report.TotalBytes);
        Assert.Equal(sent.Length, report.SentFiles);
        Assert.Equal(sent.Sum(p => tree[p]), report.SentBytes);
        Assert.Equal(tree.Count - sent.Length, report.ExcludedFiles);
        Assert.Equal(
            [new ExcludedEntry(".git", 2, tree[".git/HEAD"] + tree[".git/objects/ab/cdef"]),
             new ExcludedEntry("src", 2, tree["src/Api/bin/Debug/net10.0/Api.dll"] + tree["src/Api/obj/project.assets.json"]),
             new ExcludedEntry("web", 2, tree["web/node_modules/react/index.js"] + tree["web/node_modules/react/package.json"]),
             new ExcludedEntry("tools", 1, tree["tools/venv/lib/python3.12/site.py"]),
             new ExcludedEntry(".env", 1, tree[".env"])],
            report.LargestExcluded);
        Assert.Contains($"sends 4 of {tree.Count} files", report.ToString());
    }

    [Fact]
    public void An_exception_reincludes_a_file_inside_an_excluded_directory()
    {
        RealisticTree();

        var sent = BuildContext.Files(_root, DockerIgnore.Create("web", "!web/node_modules/react/package.json")).Select(f => f.Path).ToList();

        Assert.Contains("web/node_modules/react/package.json", sent);
        Assert.DoesNotContain("web/node_modules/react/index.js", sent);
        Assert.DoesNotContain("web/package.json", sent);
    }

    [Fact]
    public void A_glob_exception_makes_the_walk_look_inside_every_excluded_directory()
    {
        RealisticTree();

        var sent = BuildContext.Files(_root, DockerIgnore.Create("*", "!**/*.json")).Select(f => f.Path).Order(StringComparer.Ordinal).ToList();

        Assert.Equal(["src/Api/obj/project.assets.json", "web/node_modules/react/package.json", "web/package.json"], sent);
    }

    [Fact]
    public void An_exception_elsewhere_does_not_reopen_an_excluded_directory()
    {
        // The exception names node_modules at the root; the excluded web/ holds another node_modules that stays out.
        RealisticTree();

        var sent = BuildContext.Files(_root, DockerIgnore.Create("web", "!web/package.json", "!node_modules/react/index.js")).Select(f => f.Path).ToList();

        Assert.Contains("web/package.json", sent);
        Assert.DoesNotContain("web/node_modules/react/index.js", sent);
        Assert.DoesNotContain("web/node_modules/react/package.json", sent);
    }

    [Fact]
    public void Symbolic_links_are_sent_as_links_and_not_followed()
    {
        Write("data/big.bin", 4096);
        File.CreateSymbolicLink(Path.Combine(_root, "link-to-big"), Path.Combine(_root, "data", "big.bin"));
        Directory.CreateSymbolicLink(Path.Combine(_root, "link-to-data"), Path.Combine(_root, "data"));

        var files = BuildContext.Files(_root).ToDictionary(f => f.Path, f => f.Bytes);

        Assert.Equal(new Dictionary<string, long> { ["data/big.bin"] = 4096, ["link-to-big"] = 0, ["link-to-data"] = 0 }, files);
    }

    [Fact]
    public void A_missing_directory_or_an_invalid_ignore_file_is_refused()
    {
        Assert.Throws<DirectoryNotFoundException>(() => BuildContext.Files(Path.Combine(_root, "missing")).ToList());
        Assert.Throws<DockerfileValidationException>(() => BuildContext.Files(_root, DockerIgnore.Create("!")).ToList());
    }
}
