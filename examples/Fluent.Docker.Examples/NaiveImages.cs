namespace Fluent.Docker.Examples;

/// <summary>
/// What people write first, for each example app: one stage on the full toolchain image, the whole context copied
/// before the dependencies are installed, shell-form CMD, root. The seed exercise and the benchmarks measure each
/// template image against its naive twin (same app, same context).
/// </summary>
public static class NaiveImages
{
    /// <summary>The seed exercise's <c>Dockerfile.simple</c>, committed beside the python-api example.</summary>
    public static Dockerfile PythonApi { get; } = Naive("python:3.11", "pip install -r requirements.txt", "python app.py");

    public static Dockerfile GoHello { get; } = Naive("golang:1.24", "go build -o app .", "./app");

    public static Dockerfile NodeWeb { get; } = Naive("node:20-slim", "npm ci && npm run build", "npm start");

    public static Dockerfile JavaWeb { get; } = Naive("eclipse-temurin:21-jdk",
        "javac -d classes $(find src -name '*.java') && jar --create --file app.jar --main-class example.App -C classes .", "java -jar app.jar");

    public static Dockerfile DotnetApi { get; } = Naive($"{Examples.DotnetApi.LabRegistry}/dotnet/sdk:10.0",
        "dotnet publish DotnetApi.csproj -c Release -o out", "dotnet out/DotnetApi.dll");

    public static Dockerfile StaticSite { get; } = Naive("node:20-slim", "npm ci && npm run build", "npm start");

    /// <summary>The naive twin of each example, by example name.</summary>
    public static IReadOnlyDictionary<string, Dockerfile> ByExample { get; } = new Dictionary<string, Dockerfile>
    {
        [Examples.GoHello.Definition.Name] = GoHello,
        [Examples.PythonApi.Definition.Name] = PythonApi,
        [Examples.NodeWeb.Definition.Name] = NodeWeb,
        [Examples.JavaWeb.Definition.Name] = JavaWeb,
        [Examples.DotnetApi.Definition.Name] = DotnetApi,
        [Examples.StaticSite.Definition.Name] = StaticSite,
    };

    /// <summary>Naive Dockerfiles committed in the examples, by path relative to examples/ (Generate writes them).</summary>
    public static IReadOnlyDictionary<string, Dockerfile> Committed { get; } = new Dictionary<string, Dockerfile>
    {
        ["python-api/Dockerfile.simple"] = PythonApi,
    };

    // Naive on purpose: the root user (FD0012) and the shell-form CMD (FD0006) are what the templates are measured against.
#pragma warning disable FD0012, FD0006
    private static Dockerfile Naive(ImageReference image, string build, string start) =>
        Dockerfile.Create(Stage.Unnamed().From(image)
            .Workdir("/app")
            .Copy(".", ".")
            .Run(build)
            .CmdShell(start));
#pragma warning restore FD0012, FD0006
}
