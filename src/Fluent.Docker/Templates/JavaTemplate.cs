namespace Fluent.Docker.Templates;

/// <summary>How the jar is built. Both run on <c>$BUILDPLATFORM</c>: bytecode is the same for every platform.</summary>
public abstract record JavaBuild
{
    private JavaBuild() { }

    /// <summary>
    /// Plain <c>javac</c> + <c>jar</c> (no build tool, nothing downloaded): every <c>.java</c> file under
    /// <paramref name="SourceDirectory"/> compiled into one executable jar with <paramref name="MainClass"/>.
    /// </summary>
    public sealed record Javac(string MainClass, string SourceDirectory = "src") : JavaBuild;

    /// <summary>
    /// Maven: <c>pom.xml</c> first and <c>dependency:go-offline</c> into a cached <c>~/.m2</c>, then the source and
    /// <c>package</c>; the jar matching <paramref name="JarPattern"/> under <c>target/</c> is shipped.
    /// </summary>
    public sealed record Maven(string JarPattern = "*.jar") : JavaBuild
    {
        public ImageReference Image { get; init; } = "maven:3.9-eclipse-temurin-21";
    }
}

/// <summary>What the jar runs on.</summary>
public abstract record JavaRuntime
{
    private JavaRuntime() { }

    /// <summary>A JRE image: no compiler, smaller than the JDK.</summary>
    public sealed record Jre(ImageReference Image) : JavaRuntime;

    /// <summary>
    /// A runtime cut to <paramref name="Modules"/> by <c>jlink</c> (in a stage on the target platform, from the JDK
    /// image) on a plain base image: the smallest option, when the module list is known (<c>jdeps --print-module-deps</c>).
    /// The base must have at least the glibc the JDK was built against (Temurin: 2.17; a distribution's OpenJDK: that
    /// distribution's), or the runtime does not start.
    /// </summary>
    public sealed record Jlink(ValueList<string> Modules) : JavaRuntime
    {
        public ImageReference BaseImage { get; init; } = "debian:bookworm-slim";
    }

    /// <summary>The JRE of <see cref="JavaOptions.JavaVersion"/>'s default (21).</summary>
    public static JavaRuntime DefaultJre { get; } = new Jre("eclipse-temurin:21-jre");
}

/// <summary>Options of <see cref="JavaTemplate"/>.</summary>
public sealed record JavaOptions : TemplateOptions
{
    /// <summary>
    /// The Java feature release (default 21); it names <see cref="JdkImage"/> (<c>eclipse-temurin:{JavaVersion}-jdk</c>) and
    /// the default JRE runtime (<c>eclipse-temurin:{JavaVersion}-jre</c>) unless those are set.
    /// </summary>
    public int JavaVersion { get; init; } = 21;

    /// <summary>The JDK image: the <see cref="JavaBuild.Javac"/> build and the <see cref="JavaRuntime.Jlink"/> stage use it.</summary>
    public ImageReference JdkImage { get => _jdkImage ?? $"eclipse-temurin:{JavaVersion}-jdk"; init => _jdkImage = value; }

    private readonly ImageReference? _jdkImage;

    public JavaBuild Build { get; init; } = new JavaBuild.Javac("app.Main");

    public JavaRuntime Runtime { get => _runtime ?? new JavaRuntime.Jre($"eclipse-temurin:{JavaVersion}-jre"); init => _runtime = value; }

    private readonly JavaRuntime? _runtime;

    /// <summary>JVM options of the application (container-aware heap sizing by default).</summary>
    public ValueList<string> JvmOptions { get; init; } = ["-XX:MaxRAMPercentage=75"];

    internal IEnumerable<Problem> JavaProblems()
    {
        if (JavaVersion is < 8 or > 99) yield return TemplateKit.OptionProblem(nameof(JavaVersion), $"{JavaVersion} is not a Java feature release.", "give a release such as 21.");
        else if (JdkImage.Problem is { } jdk) yield return TemplateKit.OptionProblem(nameof(JdkImage), jdk.Message, jdk.Fix);
        switch (Build)
        {
            case JavaBuild.Javac javac:
                if (string.IsNullOrEmpty(javac.MainClass) || !javac.MainClass.Split('.').All(IsJavaIdentifier))
                    yield return TemplateKit.OptionProblem("Build.MainClass", $"'{javac.MainClass}' is not a fully qualified class name.", "give the class with main(), e.g. 'com.example.App'.");
                if (TemplateKit.RelativePathProblem("Build.SourceDirectory", javac.SourceDirectory, "src") is { } source) yield return source;
                break;
            case JavaBuild.Maven maven:
                if (maven.Image.Problem is { } image) yield return TemplateKit.OptionProblem("Build.Image", image.Message, image.Fix);
                if (ExtraCaCertificates is not null)
                    yield return TemplateKit.OptionProblem(nameof(ExtraCaCertificates), "Maven reads a Java trust store, not PEM files: the Java template cannot hand it extra CA certificates yet.",
                        "import the certificates into a trust store in a build image of your own and set it as Build.Image, or use JavaBuild.Javac, which downloads nothing.");
                if (string.IsNullOrEmpty(maven.JarPattern) || maven.JarPattern.IndexOfAny(['/', ' ', '\'', '"', '$', '\n']) >= 0)
                    yield return TemplateKit.OptionProblem("Build.JarPattern", $"'{maven.JarPattern}' is not a file pattern in target/.", "give a name or glob such as 'app-*.jar'.");
                break;
            case null:
                yield return TemplateKit.OptionProblem(nameof(Build), "No build is set.", "use new JavaBuild.Javac(\"com.example.App\") or new JavaBuild.Maven().");
                break;
        }
        switch (Runtime)
        {
            case JavaRuntime.Jre jre when jre.Image.Problem is { } image:
                yield return TemplateKit.OptionProblem("Runtime.Image", image.Message, image.Fix);
                break;
            case JavaRuntime.Jlink jlink:
                if (jlink.Modules.IsEmpty || !jlink.Modules.All(m => m.Split('.').All(IsJavaIdentifier)))
                    yield return TemplateKit.OptionProblem("Runtime.Modules", "The module list is empty or has a name that is not a module name.", "list modules such as java.base, jdk.httpserver (jdeps --print-module-deps app.jar prints them).");
                if (jlink.BaseImage.Problem is { } baseImage) yield return TemplateKit.OptionProblem("Runtime.BaseImage", baseImage.Message, baseImage.Fix);
                break;
            case null:
                yield return TemplateKit.OptionProblem(nameof(Runtime), "No runtime is set.", "use JavaRuntime.DefaultJre or new JavaRuntime.Jlink([\"java.base\"]).");
                break;
        }
        foreach (var option in JvmOptions.Where(o => !o.StartsWith('-')))
            yield return TemplateKit.OptionProblem(nameof(JvmOptions), $"'{option}' is not a JVM option.", "JVM options start with '-', e.g. -XX:MaxRAMPercentage=75.");
    }

    private static bool IsJavaIdentifier(string part) =>
        part.Length > 0 && (char.IsLetter(part[0]) || part[0] is '_' or '$') && part.All(c => char.IsLetterOrDigit(c) || c is '_' or '$');
}

/// <summary>
/// Java: a JDK build stage on <c>$BUILDPLATFORM</c> produces one executable jar (plain <c>javac</c>, or Maven with a
/// cached <c>~/.m2</c> and the POM resolved before the source is copied); the runtime is a JRE image, or a
/// <c>jlink</c>-cut runtime on a slim base. It runs as uid 10001 and reads <c>PORT</c>. The HEALTHCHECK uses bash's
/// <c>/dev/tcp</c> (Temurin and debian:*-slim have bash, not curl): a TCP connect to the port unless
/// <see cref="TemplateOptions.Health"/> says otherwise. A runtime base without bash needs <see cref="HealthProbe.Command(string[])"/>
/// or <see cref="HealthProbe.None"/>.
/// </summary>
public static class JavaTemplate
{
    private const string Jar = "/app/app.jar";

    public static ImageDefinition Create(string name, JavaOptions? options = null)
    {
        options ??= new JavaOptions();
        TemplateKit.Check("Java", name, options, options.JavaProblems());
        var jdk = options.Resolve(options.JdkImage);
        var stages = new List<Stage>();

        var build = options.Build switch
        {
            JavaBuild.Javac javac => Stage.Named("build").From(jdk, Platform.BuildPlatform)
                .Workdir("/src")
                .Copy($"{javac.SourceDirectory}/", $"{javac.SourceDirectory}/")
                .Run($"mkdir -p /out/classes && javac -d /out/classes $(find {javac.SourceDirectory} -name '*.java') && jar --create --file /out/app.jar --main-class {javac.MainClass} -C /out/classes ."),
            JavaBuild.Maven maven => Stage.Named("build").From(options.Resolve(maven.Image), Platform.BuildPlatform)
                .Workdir("/src")
                .Copy("pom.xml", "./")
                .Run("mvn -B -q dependency:go-offline", CacheMounts.Maven.Mount())
                .Copy("src/", "src/")
                .Run($"mvn -B -q -DskipTests package && mkdir -p /out && cp target/{maven.JarPattern} /out/app.jar", CacheMounts.Maven.Mount()),
            _ => throw new InvalidOperationException("unreachable: checked above"),
        };
        stages.Add(build);

        Stage runtime;
        ImageReference runtimeImage;
        switch (options.Runtime)
        {
            case JavaRuntime.Jlink jlink:
                // --strip-java-debug-attributes, not --strip-debug: stripping native symbols needs objcopy, which JDK images lack.
                var jre = Stage.Named("jre").From(jdk)
                    .Run($"jlink --add-modules {string.Join(",", jlink.Modules)} --strip-java-debug-attributes --no-man-pages --no-header-files --compress=2 --output /opt/jre");
                stages.Add(jre);
                runtimeImage = options.Resolve(jlink.BaseImage);
                runtime = Stage.Named("runtime").From(runtimeImage)
                    .AddDebianUser(options.User)
                    .CopyFrom(jre, "/opt/jre", "/opt/jre")
                    .Env([("JAVA_HOME", "/opt/jre"), ("PATH", "/opt/jre/bin:" + Expandable.Variable("PATH")), .. TemplateKit.PortEnv(options)]);
                break;
            default:
                runtimeImage = options.Resolve(((JavaRuntime.Jre)options.Runtime).Image);
                runtime = Stage.Named("runtime").From(runtimeImage)
                    .AddDebianUser(options.User);
                if (TemplateKit.PortEnv(options) is [_, ..] port) runtime = runtime.Env(port);
                break;
        }
        runtime = runtime
            .Workdir("/app")
            .CopyFrom(build, "/out/app.jar", Jar)
            .Finish(name, options, runtimeImage, TemplateKit.HealthcheckFor(options, HealthProber.Bash, TimeSpan.FromSeconds(15)))
            .Entrypoint(["java", .. options.JvmOptions, "-jar", Jar]);
        stages.Add(runtime);

        return TemplateKit.Define(name, options, Dockerfile.Create([.. stages]),
            [Platform.LinuxAmd64, Platform.LinuxArm64], ProjectLanguage.Java);
    }
}
