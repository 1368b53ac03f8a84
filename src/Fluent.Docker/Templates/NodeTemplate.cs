namespace Fluent.Docker.Templates;

/// <summary>Options of <see cref="NodeTemplate"/>.</summary>
public sealed record NodeOptions : TemplateOptions
{
    public NodeOptions() => Port = 3000;

    /// <summary>The Node.js major version (default 20); it names <see cref="Image"/> unless that is set.</summary>
    public string NodeVersion { get; init; } = "20";

    /// <summary>
    /// The Node image of every stage (the runtime needs the same Node that installed the modules); by default
    /// <c>node:{NodeVersion}-slim</c>.
    /// </summary>
    public ImageReference Image { get => _image ?? $"node:{NodeVersion}-slim"; init => _image = value; }

    private readonly ImageReference? _image;

    /// <summary>
    /// The <c>package.json</c> script that builds the app (<c>npm run build</c>), or null when the source runs as is.
    /// With a script, the build stage installs all dependencies (dev ones too) and only <see cref="BuildOutput"/> reaches
    /// the runtime.
    /// </summary>
    public string? BuildScript { get; init; }

    /// <summary>The directory the build script writes, relative to the package root.</summary>
    public string BuildOutput { get; init; } = "dist";

    /// <summary>The command that starts the application, run from <c>/app</c>.</summary>
    public ValueList<string> Command { get; init; } = ["node", "server.js"];

    internal IEnumerable<Problem> NodeProblems()
    {
        if (TemplateKit.VersionProblem(nameof(NodeVersion), NodeVersion, "Node.js", "20") is { } version) yield return version;
        else if (Image.Problem is { } image) yield return TemplateKit.OptionProblem(nameof(Image), image.Message, image.Fix);
        if (BuildScript is not null && (BuildScript.Length == 0 || !BuildScript.All(c => char.IsAsciiLetterOrDigit(c) || c is ':' or '-' or '_' or '.')))
            yield return TemplateKit.OptionProblem(nameof(BuildScript), $"'{BuildScript}' is not a package.json script name.", "give the name of a script in package.json, e.g. 'build', or null when there is no build step.");
        if (TemplateKit.RelativePathProblem(nameof(BuildOutput), BuildOutput, "dist") is { } output) yield return output;
        foreach (var problem in TemplateKit.CommandProblems(nameof(Command), Command, "[\"node\", \"server.js\"]")) yield return problem;
    }
}

/// <summary>
/// Node: <c>npm ci</c> from the lock file (<c>package.json</c> and <c>package-lock.json</c> are copied before the
/// source, npm's cache on a cache mount). With a build script, a builder stage on <c>$BUILDPLATFORM</c> runs it (its
/// JavaScript output is the same for every platform) and production dependencies are installed separately on the
/// target platform (native addons are per platform). The runtime gets production modules plus the app, runs as uid
/// 10001 with <c>NODE_ENV=production</c>, and checks health with Node's own <c>net</c>/<c>http</c> modules (slim images have no
/// curl): a TCP connect to the port unless <see cref="TemplateOptions.Health"/> says otherwise.
/// </summary>
public static class NodeTemplate
{
    private const string NpmCi = "npm ci --no-audit --no-fund";
    private static readonly SourcePath[] Manifests = ["package.json", "package-lock.json"];

    /// <summary>
    /// <c>npm ci</c> (all dependencies, dev ones too) and <c>npm run {script}</c> on <c>$BUILDPLATFORM</c>, in
    /// <c>/src</c>: JavaScript build output is the same for every platform. The static-site template builds with it too.
    /// </summary>
    internal static Stage BuildStage(ImageReference image, string script, TemplateOptions options) =>
        Stage.Named("build").From(image, Platform.BuildPlatform)
            .Workdir("/src")
            .Copy(Manifests, "./")
            .DependencyRun(options, NpmCi, CacheMounts.Npm.Mount())
            .Copy(".", ".")
            .Run($"npm run {script}");

    public static ImageDefinition Create(string name, NodeOptions? options = null)
    {
        options ??= new NodeOptions();
        TemplateKit.Check("Node", name, options, options.NodeProblems());
        var image = options.Resolve(options.Image);
        var npmCache = CacheMounts.Npm.Mount();

        // Production modules for the target platform. npm creates no node_modules when there is nothing to install,
        // so the runtime copies the whole folder (manifests + modules, if any) rather than naming node_modules.
        var deps = Stage.Named("deps").From(image)
            .Workdir("/src")
            .Copy(Manifests, "./")
            .DependencyRun(options, NpmCi + " --omit=dev", npmCache);

        var stages = new List<Stage>();
        Stage? build = null;
        if (options.BuildScript is { } script)
        {
            build = BuildStage(image, script, options);
            stages.Add(build);
        }
        stages.Add(deps);

        var runtime = Stage.Named("runtime").From(image)
            .AddDebianUser(options.User)
            .Env([("NODE_ENV", "production"), .. TemplateKit.PortEnv(options)])
            .Workdir("/app")
            .CopyFrom(deps, "/src/", "./");
        runtime = build is null
            ? runtime.Copy(".", ".")
            : runtime.CopyFrom(build, $"/src/{options.BuildOutput}", $"./{options.BuildOutput}");
        runtime = runtime
            .Finish(name, options, image, TemplateKit.HealthcheckFor(options, HealthProber.Node, TimeSpan.FromSeconds(5)))
            .Cmd([.. options.Command]);
        stages.Add(runtime);

        return TemplateKit.Define(name, options, Dockerfile.Create([.. stages]),
            [Platform.LinuxAmd64, Platform.LinuxArm64], ProjectLanguage.Node,
            // The build output is made inside the image; a local copy would only be sent and overwritten.
            options.BuildScript is null ? [] : [options.BuildOutput]);
    }
}
