namespace Fluent.Docker.Templates;

/// <summary>What kind of .NET application: it picks the runtime image and whether a port is exposed.</summary>
public enum DotNetAppKind
{
    /// <summary>ASP.NET Core: the aspnet runtime image, listening on the port.</summary>
    AspNetCore,

    /// <summary>A console app or worker: the runtime image, no port.</summary>
    Console,
}

/// <summary>
/// How the app is published and which image runs it. The small variants carry their own runtime and need only the
/// native libraries of a <c>runtime-deps</c> image (glibc, libstdc++, OpenSSL, zlib; ICU unless the project sets
/// <c>InvariantGlobalization</c>).
/// </summary>
public enum DotNetRuntimeVariant
{
    /// <summary><c>dotnet App.dll</c> on the <c>aspnet</c> (or <c>runtime</c>) image: no runtime pack, any target platform.</summary>
    FrameworkDependent,

    /// <summary>
    /// A self-contained app with the unused parts of the framework trimmed away, on <c>runtime-deps</c>. Cross-compiles
    /// like the default (the runtime packs of the target come from NuGet at restore); the app must be trim-safe. With
    /// SDK 10.0.401 (ILLink 10.0.12) an ASP.NET Core app also needs
    /// <c>&lt;TrimmerRootAssembly Include="System.Collections.NonGeneric" /&gt;</c> in its project: without it the trimmed
    /// <c>X509Certificate2Collection</c> fails to load when Kestrel starts (a <c>TypeLoadException</c>).
    /// </summary>
    SelfContainedTrimmed,

    /// <summary>
    /// A NativeAOT binary on <c>runtime-deps</c>: the smallest image and the fastest start. The build stage installs
    /// clang and zlib1g-dev and compiles for its own architecture only, so the target must be the build machine's
    /// (one platform; a foreign one fails the build with a message saying so). The app must be AOT-compatible.
    /// </summary>
    NativeAot,
}

/// <summary>Options of <see cref="DotNetTemplate"/>.</summary>
public sealed record DotNetOptions : TemplateOptions
{
    /// <summary>The default account is the <see cref="ImageAppUser"/> of Microsoft's images: the template creates none.</summary>
    public DotNetOptions() => User = ImageAppUser;

    /// <summary>
    /// The non-root <c>app</c> account (uid/gid 1654) that Microsoft's .NET images have since .NET 8 (and the lab's
    /// images too). With this user the template adds no account; another <see cref="TemplateOptions.User"/> is created
    /// in the runtime stage (which then needs <c>groupadd</c>/<c>useradd</c>, as the Debian-based images have).
    /// </summary>
    public static RuntimeUser ImageAppUser { get; } = new(1654, 1654, "app");

    /// <summary>Framework-dependent (the default), trimmed self-contained, or NativeAOT; see <see cref="DotNetRuntimeVariant"/>.</summary>
    public DotNetRuntimeVariant RuntimeVariant { get; init; } = DotNetRuntimeVariant.FrameworkDependent;

    /// <summary>The project to publish, relative to the build context (<c>Api.csproj</c>, <c>src/Api/Api.csproj</c>).</summary>
    public string Project { get; init; } = "App.csproj";

    public DotNetAppKind Kind { get; init; } = DotNetAppKind.AspNetCore;

    public string SdkVersion { get; init; } = "10.0";

    /// <summary>The SDK image; null means <c>mcr.microsoft.com/dotnet/sdk:{SdkVersion}</c>.</summary>
    public ImageReference? SdkImage { get; init; }

    /// <summary>
    /// The runtime image; null means, at <see cref="SdkVersion"/>, <c>mcr.microsoft.com/dotnet/aspnet</c> (or
    /// <c>…/runtime</c> for a console app) when framework-dependent, <c>mcr.microsoft.com/dotnet/runtime-deps</c> for the
    /// small variants (a <c>-chiseled</c> tag is smaller still, but has no bash for the default health probe).
    /// </summary>
    public ImageReference? RuntimeImage { get; init; }

    /// <summary>
    /// Files restore reads besides the project (<c>Directory.Build.props</c>, <c>Directory.Packages.props</c>,
    /// <c>NuGet.config</c>, other projects it references), copied with it before the source so the restore layer
    /// survives code changes. Paths relative to the build context; their folders are kept.
    /// </summary>
    public ValueList<string> RestoreInputs { get; init; } = ValueList<string>.Empty;

    /// <summary>
    /// The name of the assembly the project produces, without extension: what the ENTRYPOINT starts in the publish output
    /// (<c>dotnet {AssemblyName}.dll</c>, or <c>/app/{AssemblyName}</c> for the self-contained variants). Unless set, the
    /// project file's name without its extension, which is MSBuild's default; set it when the project has its own
    /// <c>&lt;AssemblyName&gt;</c>. It is not passed to MSBuild: a global <c>-p:AssemblyName</c> would rename every
    /// project the app references too.
    /// </summary>
    public string AssemblyName { get => _assemblyName ?? Path.GetFileNameWithoutExtension(Project); init => _assemblyName = value; }

    private readonly string? _assemblyName;

    /// <summary>A console app listens on no port, whatever <see cref="TemplateOptions.Port"/> says.</summary>
    internal override Port? ListeningPort => Kind == DotNetAppKind.AspNetCore ? Port : null;

    internal ImageReference Sdk => SdkImage ?? $"mcr.microsoft.com/dotnet/sdk:{SdkVersion}";

    internal ImageReference Runtime => RuntimeImage ?? (RuntimeVariant != DotNetRuntimeVariant.FrameworkDependent
        ? $"mcr.microsoft.com/dotnet/runtime-deps:{SdkVersion}"
        : Kind == DotNetAppKind.AspNetCore
            ? $"mcr.microsoft.com/dotnet/aspnet:{SdkVersion}"
            : $"mcr.microsoft.com/dotnet/runtime:{SdkVersion}");

    /// <summary>NativeAOT compiles for the build machine's architecture only: one platform, and amd64 unless set.</summary>
    internal Platform[] DefaultPlatforms => RuntimeVariant == DotNetRuntimeVariant.NativeAot
        ? [Platform.LinuxAmd64]
        : [Platform.LinuxAmd64, Platform.LinuxArm64];

    /// <summary>A problem when <paramref name="name"/> cannot be the file name of an assembly in the publish output.</summary>
    private static Problem? AssemblyNameProblem(string name)
    {
        const string fix = "give the <AssemblyName> of the project, without folder or extension, e.g. 'Contoso.Api'.";
        if (string.IsNullOrWhiteSpace(name) || name.Trim() != name)
            return TemplateKit.OptionProblem(nameof(AssemblyName), $"'{name}' is not an assembly name: it is empty or starts or ends with white space.", fix);
        if (name is "." or ".." || name.IndexOfAny(['/', '\\']) >= 0 || name.Any(char.IsControl))
            return TemplateKit.OptionProblem(nameof(AssemblyName), $"'{name}' is not a file name: an assembly name has no folder.", fix);
        if (name.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".exe", StringComparison.OrdinalIgnoreCase))
            return TemplateKit.OptionProblem(nameof(AssemblyName), $"'{name}' ends with its extension; the template adds '.dll' where one is needed.", fix);
        return null;
    }

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
        if (_assemblyName is not null && AssemblyNameProblem(_assemblyName) is { } assemblyName) yield return assemblyName;
        foreach (var input in RestoreInputs)
            if (TemplateKit.RelativePathProblem(nameof(RestoreInputs), input, "Directory.Build.props") is { } problem) yield return problem;
        if (!Enum.IsDefined(RuntimeVariant))
            yield return TemplateKit.OptionProblem(nameof(RuntimeVariant), $"{RuntimeVariant} is not a runtime variant.", "use DotNetRuntimeVariant.FrameworkDependent, SelfContainedTrimmed or NativeAot.");
        else if (RuntimeVariant == DotNetRuntimeVariant.NativeAot && Platforms.Count > 1)
            yield return TemplateKit.OptionProblem(nameof(Platforms),
                $"NativeAOT compiles for the build machine's architecture only, so one image cannot hold {string.Join(", ", Platforms)}.",
                "build one platform per build machine (Platforms = [Platform.LinuxAmd64]), or use DotNetRuntimeVariant.SelfContainedTrimmed, which cross-compiles.");
    }
}

/// <summary>
/// .NET: the SDK runs on <c>$BUILDPLATFORM</c> (never under emulation) and publishes for the target with
/// <c>-a $TARGETARCH</c> (the SDK maps Docker's architecture names to its runtime identifiers: amd64 → linux-x64,
/// arm64 → linux-arm64, see <see cref="RuntimeIdentifier"/>). The project file is restored before the source is copied,
/// with the NuGet package folder on a cache mount. By default publishing is framework-dependent without an apphost
/// (<c>dotnet App.dll</c> runs it), which needs no runtime pack; <see cref="DotNetOptions.RuntimeVariant"/> picks a
/// trimmed self-contained app or a NativeAOT binary on <c>runtime-deps</c> instead. The runtime runs as the images' own
/// non-root <c>app</c> account (uid 1654) unless <see cref="TemplateOptions.User"/> names another. An ASP.NET Core app's
/// HEALTHCHECK uses bash's <c>/dev/tcp</c> (Microsoft's Debian-based images have bash, not curl): a TCP connect to the
/// port unless <see cref="TemplateOptions.Health"/> says otherwise; a chiseled runtime without bash needs
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
        var properties = PublishProperties(options.RuntimeVariant);

        var build = Stage.Named("build").From(options.Resolve(options.Sdk), Platform.BuildPlatform)
            .Arg(BuildArg.TargetArch);
        build = WithNativeToolchain(build, options.RuntimeVariant)
            .Workdir("/src");
        foreach (var file in options.RestoreInputs.Prepend(project))
            build = build.Copy(file, Folder(file));
        build = build
            .DependencyRun(options, $"dotnet restore {project} -a ${{TARGETARCH}} {properties}", nuget)
            .Copy(".", ".")
            .Run($"dotnet publish {project} -a ${{TARGETARCH}} --no-restore -c Release {properties} -o /out{NoBuildServers(options)}", nuget);

        var runtimeImage = options.Resolve(options.Runtime);
        var aspNet = options.Kind == DotNetAppKind.AspNetCore;
        var runtime = Stage.Named("runtime").From(runtimeImage);
        if (options.User != DotNetOptions.ImageAppUser) runtime = runtime.AddDebianUser(options.User);
        runtime = aspNet
            ? runtime.Env([.. TemplateKit.PortEnv(options).Select(p => ("ASPNETCORE_HTTP_PORTS", p.Value)), .. TemplateKit.PortEnv(options), ("DOTNET_NOLOGO", "1")])
            : runtime.Env("DOTNET_NOLOGO", "1");
        runtime = runtime
            .Workdir("/app")
            .CopyFrom(build, "/out/", "./")
            .Finish(name, options, runtimeImage, TemplateKit.HealthcheckFor(options, HealthProber.Bash, TimeSpan.FromSeconds(10)))
            .Entrypoint(Entrypoint(options));

        return TemplateKit.Define(name, options, Dockerfile.Create(build, runtime),
            options.DefaultPlatforms, ProjectLanguage.DotNet, "artifacts");
    }

    /// <summary>
    /// The MSBuild properties restore and publish share (restore must see them to fetch the packs publish needs):
    /// no apphost for a framework-dependent app (a foreign one would be a NuGet download); the runtime packs and the
    /// trimmer; or the ILCompiler packages. Native symbols stay out of the output.
    /// </summary>
    private static string PublishProperties(DotNetRuntimeVariant variant) => variant switch
    {
        DotNetRuntimeVariant.SelfContainedTrimmed => "-p:SelfContained=true -p:PublishTrimmed=true -p:DebugType=none",
        DotNetRuntimeVariant.NativeAot => "-p:PublishAot=true -p:CopyOutputSymbolsToPublishDirectory=false",
        _ => "-p:UseAppHost=false",
    };

    /// <summary>
    /// A RUN is one-shot: the compiler server and MSBuild's reusable nodes that <c>dotnet publish</c> starts die with its
    /// container, so starting them is waste; <c>--disable-build-servers</c> (SDK 7 and later) compiles without them, to the
    /// same output. Measured on the framework-dependent publish only (P1: about 13% less CPU, lower in 13 of 17 paired
    /// runs), so the other variants keep their line.
    /// </summary>
    private static string NoBuildServers(DotNetOptions options) =>
        options.RuntimeVariant == DotNetRuntimeVariant.FrameworkDependent
            && int.TryParse(options.SdkVersion.Split('.')[0], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var major) && major >= 7
            ? " --disable-build-servers"
            : "";

    /// <summary>
    /// NativeAOT links with the platform's toolchain: clang and zlib1g-dev from the SDK image's Debian release (unpinned:
    /// the versions follow that release, and the stage is never shipped). It cannot cross-compile here, so a target
    /// architecture other than the build machine's stops the build with a message that says why.
    /// </summary>
    private static Stage WithNativeToolchain(Stage build, DotNetRuntimeVariant variant) =>
        variant != DotNetRuntimeVariant.NativeAot
            ? build
            : build
                .Arg(BuildArg.BuildArch)
                .Run("if [ \"${TARGETARCH}\" != \"${BUILDARCH}\" ]; then echo \"NativeAOT cannot cross-compile: the target is ${TARGETARCH}, the build machine ${BUILDARCH}. Build on a ${TARGETARCH} machine or use DotNetRuntimeVariant.SelfContainedTrimmed.\" >&2; exit 1; fi"
                    // Debian images delete each download after installing it (docker-clean): without the file the cache keeps them.
                    + " && rm -f /etc/apt/apt.conf.d/docker-clean && apt-get update && apt-get install -y --no-install-recommends clang zlib1g-dev",
                    CacheMounts.Apt.Mount(), CacheMounts.AptLists.Mount())
                .Suppress(Rules.RuleIds.AptGetInstallUnpinned, "clang and zlib1g-dev follow the SDK image's Debian release; the build stage is not shipped");

    /// <summary><c>dotnet App.dll</c> when framework-dependent; the app's own executable otherwise.</summary>
    private static string[] Entrypoint(DotNetOptions options) => options.RuntimeVariant == DotNetRuntimeVariant.FrameworkDependent
        ? ["dotnet", $"{options.AssemblyName}.dll"]
        : [$"/app/{options.AssemblyName}"];

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
