namespace Fluent.Docker.Templates;

/// <summary>How the site's files are produced.</summary>
public abstract record StaticSiteBuild
{
    private StaticSiteBuild() { }

    /// <summary>
    /// <c>npm ci</c> and <c>npm run {Script}</c> in a Node stage on <c>$BUILDPLATFORM</c> (the output is plain files, the
    /// same for every platform); <paramref name="OutputDirectory"/> is what gets served.
    /// </summary>
    public sealed record Npm(string Script = "build", string OutputDirectory = "dist") : StaticSiteBuild
    {
        public ImageReference Image { get; init; } = "node:20-slim";
    }

    /// <summary>Files already built (committed, or built before <c>docker build</c>): <paramref name="Directory"/> is served as is.</summary>
    public sealed record Prebuilt(string Directory = "public") : StaticSiteBuild;
}

/// <summary>Options of <see cref="StaticSiteTemplate"/>.</summary>
public sealed record StaticSiteOptions : TemplateOptions
{
    /// <summary>The site is its index: the healthcheck asks for <c>/</c> unless <see cref="TemplateOptions.Health"/> says otherwise.</summary>
    internal override HealthProbe DefaultHealth => HealthProbe.Http("/");

    public StaticSiteBuild Build { get; init; } = new StaticSiteBuild.Npm();

    /// <summary>The web server image: busybox's <c>httpd</c> (a few MB, a static binary for every platform).</summary>
    public ImageReference ServerImage { get; init; } = "busybox:1.36";

    /// <summary>Where the files are served from in the image.</summary>
    public string DocumentRoot { get; init; } = "/srv/www";

    internal IEnumerable<Problem> SiteProblems()
    {
        if (Port is null)
            yield return TemplateKit.OptionProblem(nameof(Port), "httpd serves the site on a port; none is set.", "keep the default 8080 or give the port to serve on.");
        if (ServerImage.Problem is { } server) yield return TemplateKit.OptionProblem(nameof(ServerImage), server.Message, server.Fix);
        if (TemplateKit.AbsolutePathProblem(nameof(DocumentRoot), DocumentRoot, "/srv/www") is { } root) yield return root;
        switch (Build)
        {
            case StaticSiteBuild.Npm npm:
                if (npm.Image.Problem is { } image) yield return TemplateKit.OptionProblem("Build.Image", image.Message, image.Fix);
                if (npm.Script.Length == 0 || !npm.Script.All(c => char.IsAsciiLetterOrDigit(c) || c is ':' or '-' or '_' or '.'))
                    yield return TemplateKit.OptionProblem("Build.Script", $"'{npm.Script}' is not a package.json script name.", "give the name of the build script, e.g. 'build'.");
                if (TemplateKit.RelativePathProblem("Build.OutputDirectory", npm.OutputDirectory, "dist") is { } output) yield return output;
                break;
            case StaticSiteBuild.Prebuilt prebuilt:
                if (TemplateKit.RelativePathProblem("Build.Directory", prebuilt.Directory, "public") is { } directory) yield return directory;
                break;
            case null:
                yield return TemplateKit.OptionProblem(nameof(Build), "No build is set.", "use new StaticSiteBuild.Npm() or new StaticSiteBuild.Prebuilt(\"public\").");
                break;
        }
    }
}

/// <summary>
/// Static sites: assets built in a Node stage on <c>$BUILDPLATFORM</c> (or taken prebuilt from the context) and served
/// by busybox <c>httpd</c> as uid 10001; the healthcheck is busybox's own <c>wget</c> of <c>/</c> (or <c>nc</c> for
/// <see cref="HealthProbe.Tcp"/>). The server image is a few MB and
/// exists for every platform, so an arm64 image costs one emulated <c>echo</c> (the account) and nothing else.
/// </summary>
public static class StaticSiteTemplate
{
    public static ImageDefinition Create(string name, StaticSiteOptions? options = null)
    {
        options ??= new StaticSiteOptions();
        TemplateKit.Check("static site", name, options, options.SiteProblems());
        var stages = new List<Stage>();
        var serverImage = options.Resolve(options.ServerImage);
        var runtime = Stage.Named("runtime").From(serverImage).AddBusyboxUser(options.User);
        var ignore = new List<string>();

        switch (options.Build)
        {
            case StaticSiteBuild.Npm npm:
                var build = NodeTemplate.BuildStage(options.Resolve(npm.Image), npm.Script, options);
                stages.Add(build);
                runtime = runtime.CopyFrom(build, $"/src/{npm.OutputDirectory}/", $"{options.DocumentRoot}/");
                ignore.Add(npm.OutputDirectory);
                break;
            case StaticSiteBuild.Prebuilt prebuilt:
                runtime = runtime.Copy($"{prebuilt.Directory}/", $"{options.DocumentRoot}/");
                break;
        }

        var port = options.Port!.Value.Number.ToString(System.Globalization.CultureInfo.InvariantCulture);
        runtime = runtime
            .Finish(name, options, serverImage, TemplateKit.HealthcheckFor(options, HealthProber.Busybox, TimeSpan.FromSeconds(5)))
            .Cmd("httpd", "-f", "-v", "-p", port, "-h", options.DocumentRoot);
        stages.Add(runtime);

        return TemplateKit.Define(name, options, Dockerfile.Create([.. stages]),
            [Platform.LinuxAmd64, Platform.LinuxArm64], ProjectLanguage.Static, [.. ignore]);
    }
}
