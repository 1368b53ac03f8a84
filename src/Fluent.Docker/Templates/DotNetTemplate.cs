namespace Fluent.Docker.Templates;

/// <summary>What kind of .NET application: it picks the runtime image and whether a port is exposed.</summary>
public enum DotNetAppKind
{
    /// <summary>ASP.NET Core: the aspnet runtime image, listening on the port.</summary>
    AspNetCore,

    /// <summary>A console app or worker: the runtime image, no port.</summary>
    Console,
}

/// <summary>Options of <see cref="DotNetTemplate"/>.</summary>
public sealed record DotNetOptions : TemplateOptions
{
    /// <summary>
    /// The default account is named <c>appuser</c>: Microsoft's images since .NET 8 already have an <c>app</c>
    /// account (uid 1654), and a second one with that name cannot be created.
    /// </summary>
    public DotNetOptions() => User = RuntimeUser.Default with { Name = "appuser" };

    /// <summary>The project to publish, relative to the build context (<c>Api.csproj</c>, <c>src/Api/Api.csproj</c>).</summary>
    public string Project { get; init; } = "App.csproj";

    public DotNetAppKind Kind { get; init; } = DotNetAppKind.AspNetCore;

    public string SdkVersion { get; init; } = "10.0";

    /// <summary>The SDK image; null means <c>mcr.microsoft.com/dotnet/sdk:{SdkVersion}</c>.</summary>
    public ImageReference? SdkImage { get; init; }

    /// <summary>The runtime image; null means <c>mcr.microsoft.com/dotnet/aspnet</c> or <c>…/runtime</c> at <see cref="SdkVersion"/>.</summary>
    public ImageReference? RuntimeImage { get; init; }

    /// <summary>
    /// Files restore reads besides the project (<c>Directory.Build.props</c>, <c>Directory.Packages.props</c>,
    /// <c>NuGet.config</c>, other projects it references), copied with it before the source so the restore layer
    /// survives code changes. Paths relative to the build context; their folders are kept.
    /// </summary>
    public ValueList<string> RestoreInputs { get; init; } = ValueList<string>.Empty;

    /// <summary>The assembly the project produces: the project file's name without its extension.</summary>
    public string AssemblyName => Path.GetFileNameWithoutExtension(Project);

    /// <summary>A console app listens on no port, whatever <see cref="TemplateOptions.Port"/> says.</summary>
    internal override Port? ListeningPort => Kind == DotNetAppKind.AspNetCore ? Port : null;

    internal ImageReference Sdk => SdkImage ?? $"mcr.microsoft.com/dotnet/sdk:{SdkVersion}";

    internal ImageReference Runtime => RuntimeImage ?? (Kind == DotNetAppKind.AspNetCore
        ? $"mcr.microsoft.com/dotnet/aspnet:{SdkVersion}"
        : $"mcr.microsoft.com/dotnet/runtime:{SdkVersion}");

    internal IEnumerable<Problem> DotNetProblems()
    {
        if (TemplateKit.RelativePathProblem(nameof(Project), Project, "Api.csproj") is { } project) yield return project;
        else if (Path.GetExtension(Project) is not (".csproj" or ".fsproj" or ".vbproj"))
            yield return TemplateKit.OptionProblem(nameof(Project), $"'{Project}' is not a project file.", "name the .csproj (or .fsproj/.vbproj) to publish, e.g. 'src/Api/Api.csproj'.");
        if (string.IsNullOrEmpty(SdkVersion) || !SdkVersion.All(c => char.IsAsciiDigit(c) || c == '.'))
            yield return TemplateKit.OptionProblem(nameof(SdkVersion), $"'{SdkVersion}' is not a .NET version.", "give a version such as '10.0'.");
        else
        {
            if (Sdk.Problem is { } sdk) yield return TemplateKit.OptionProblem(nameof(SdkImage), sdk.Message, sdk.Fix);
            if (Runtime.Problem is { } runtime) yield return TemplateKit.OptionProblem(nameof(RuntimeImage), runtime.Message, runtime.Fix);
        }
        foreach (var input in RestoreInputs)
            if (TemplateKit.RelativePathProblem(nameof(RestoreInputs), input, "Directory.Build.props") is { } problem) yield return problem;
    }
}

/// <summary>
/// .NET: the SDK runs on <c>$BUILDPLATFORM</c> and publishes for the target with <c>-a $TARGETARCH</c> (the SDK maps
/// Docker's architecture names to its runtime identifiers: amd64 → linux-x64, arm64 → linux-arm64, see
/// <see cref="RuntimeIdentifier"/>). The project file is restored before the source is copied, with the NuGet package
/// folder on a cache mount; publishing is framework-dependent without an apphost (<c>dotnet App.dll</c> runs it), which
/// needs no runtime pack. The runtime image runs it as uid 10001. An ASP.NET Core app's HEALTHCHECK uses bash's
/// <c>/dev/tcp</c> (Microsoft's Debian-based images have bash, not curl): a TCP connect to the port unless
/// <see cref="TemplateOptions.Health"/> says otherwise; a chiseled runtime without bash needs
/// <see cref="HealthProbe.Command(string[])"/> or <see cref="HealthProbe.None"/>. A console app (a worker) listens on no
/// port, so it gets <c>HEALTHCHECK NONE</c> unless <see cref="TemplateOptions.Health"/> names a command.
/// </summary>
public static class DotNetTemplate
{
    public static ImageDefinition Create(string name, DotNetOptions? options = null)
    {
        options ??= new DotNetOptions();
        TemplateKit.Check(".NET", name, options, options.DotNetProblems());
        var nuget = CacheMounts.NuGet.Mount();
        var project = options.Project;

        var build = Stage.Named("build").From(options.Resolve(options.Sdk), Platform.BuildPlatform)
            .Arg(BuildArg.TargetArch)
            .Workdir("/src");
        foreach (var file in options.RestoreInputs.Prepend(project))
            build = build.Copy(file, Folder(file));
        build = build
            // UseAppHost=false on restore too: the apphost pack of a foreign architecture would be a NuGet download.
            .Run($"dotnet restore {project} -a ${{TARGETARCH}} -p:UseAppHost=false", nuget)
            .Copy(".", ".")
            .Run($"dotnet publish {project} -a ${{TARGETARCH}} --no-restore -c Release -p:UseAppHost=false -o /out", nuget);

        var runtimeImage = options.Resolve(options.Runtime);
        var aspNet = options.Kind == DotNetAppKind.AspNetCore;
        var dll = $"{options.AssemblyName}.dll";
        var runtime = Stage.Named("runtime").From(runtimeImage)
            .AddDebianUser(options.User);
        runtime = aspNet
            ? runtime.Env([.. TemplateKit.PortEnv(options).Select(p => ("ASPNETCORE_HTTP_PORTS", p.Value)), .. TemplateKit.PortEnv(options), ("DOTNET_NOLOGO", "1")])
            : runtime.Env("DOTNET_NOLOGO", "1");
        runtime = runtime
            .Workdir("/app")
            .CopyFrom(build, "/out/", "./")
            .Finish(name, options, runtimeImage, TemplateKit.HealthcheckFor(options, HealthProber.Bash, TimeSpan.FromSeconds(10)))
            .Entrypoint("dotnet", dll);

        return TemplateKit.Define(name, options, Dockerfile.Create(build, runtime),
            [Platform.LinuxAmd64, Platform.LinuxArm64], ProjectLanguage.DotNet, "artifacts");
    }

    /// <summary>
    /// The runtime identifier <c>dotnet publish -a $TARGETARCH</c> targets on Linux for <paramref name="platform"/>
    /// (Docker's <c>amd64</c> is .NET's <c>x64</c>).
    /// </summary>
    public static string RuntimeIdentifier(Platform platform)
    {
        ArgumentNullException.ThrowIfNull(platform);
        if (!platform.IsConcrete || platform.Os != "linux")
            throw new ArgumentException($"{platform} has no .NET runtime identifier here; give a concrete linux platform such as linux/arm64.", nameof(platform));
        return platform.Architecture switch
        {
            "amd64" => "linux-x64",
            "arm64" => "linux-arm64",
            "arm" => "linux-arm",
            var other => throw new ArgumentException($"Architecture '{other}' is not one .NET images are published for (amd64, arm64, arm).", nameof(platform)),
        };
    }

    private static string Folder(string path) => path.Contains('/') ? path[..(path.LastIndexOf('/') + 1)] : "./";
}
