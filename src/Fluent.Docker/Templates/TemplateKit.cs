using System.Globalization;

namespace Fluent.Docker.Templates;

/// <summary>The parts every template assembles the same way: checks, accounts, the metadata tail of the final stage, the definition.</summary>
internal static class TemplateKit
{
    /// <summary>A template option that cannot produce a working image: <see cref="ProblemCodes.TemplateOption"/> on the option.</summary>
    public static Problem OptionProblem(string option, string message, string fix) =>
        Problem.Error(ProblemCodes.TemplateOption, ProblemLocation.InSlot(option), message, fix);

    /// <summary>A language version that names an image tag (<c>20</c>, <c>3.13</c>, <c>1.24</c>): digits separated by single dots.</summary>
    public static Problem? VersionProblem(string slot, string? version, string language, string example) =>
        !string.IsNullOrEmpty(version) && version.Split('.').All(part => part.Length > 0 && part.All(char.IsAsciiDigit))
            ? null
            : TemplateKit.OptionProblem(slot, $"'{version}' is not a {language} version.", $"give a version such as '{example}', or set the image itself.");

    /// <summary>Throws <see cref="TemplateOptionsException"/> listing every problem of the shared and the template's own options.</summary>
    public static void Check(string template, string imageName, TemplateOptions options, IEnumerable<Problem> own)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Problems().Concat(own).ToList();
        if (imageName is null || !ImageReference.TryParse(imageName, out var reference) || reference.Domain is not null || reference.Tag is not null || reference.Digest is not null)
            problems.Insert(0, TemplateKit.OptionProblem("name", $"'{imageName}' is not a repository name.", "use lowercase path components such as 'team/api' (no registry, no tag)."));
        if (problems.Count > 0) throw new TemplateOptionsException(template, problems);
    }

    /// <summary>
    /// A step that downloads dependencies: with <see cref="TemplateOptions.ExtraCaCertificates"/> it alone mounts them
    /// and sets the variables its tools read (<see cref="ExtraCaCertificates.Wrap"/>); otherwise a plain RUN.
    /// </summary>
    public static Stage DependencyRun(this Stage stage, TemplateOptions options, string command, params RunOption[] mounts) =>
        options.ExtraCaCertificates is { } certificates
            ? stage.Run(certificates.Wrap(command), [.. mounts, .. certificates.Mounts])
            : stage.Run(command, mounts);

    /// <summary>A named account on Debian-based images (shadow's groupadd/useradd; -l keeps the lastlog file small for high uids).</summary>
    public static Stage AddDebianUser(this Stage stage, RuntimeUser user) =>
        stage.Run(Invariant($"groupadd --gid {user.Gid} {user.Name} && useradd --uid {user.Uid} --gid {user.Gid} --no-log-init --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin {user.Name}"));

    /// <summary>A named account on busybox, which has no adduser applet here: one line each in passwd and group.</summary>
    public static Stage AddBusyboxUser(this Stage stage, RuntimeUser user) =>
        stage.Run(Invariant($"echo '{user.Name}:x:{user.Uid}:{user.Gid}:{user.Name}:/nonexistent:/bin/false' >> /etc/passwd && echo '{user.Name}:x:{user.Gid}:' >> /etc/group"));

    /// <summary>
    /// The end of every final stage: VERSION, OCI labels, EXPOSE (when the app listens on a port), the numeric non-root
    /// USER and the HEALTHCHECK. Labels come last so a metadata change never invalidates a filesystem layer.
    /// </summary>
    public static Stage Finish(this Stage runtime, string imageName, TemplateOptions options, ImageReference? baseImage, Healthcheck healthcheck)
    {
        var stage = runtime
            .Arg(options.Metadata.VersionArg)
            .Labels(options.Metadata.Labels(imageName, baseImage));
        if (options.ListeningPort is { } port) stage = stage.Expose(port);
        return stage.User(options.User.Spec).Healthcheck(healthcheck);
    }

    /// <summary>
    /// The HEALTHCHECK for <see cref="TemplateOptions.EffectiveHealth"/>: a TCP or HTTP probe run by
    /// <paramref name="prober"/>, the user's command, or <c>HEALTHCHECK NONE</c>. Exec form with the templates' timings
    /// (a user's command keeps those it sets); slow starters (JVM, .NET) get a longer start period. During the start
    /// period the engine probes every 2 s (<c>--start-interval</c>, Docker Engine 25+), so a container reports healthy
    /// seconds after it is ready instead of after the first 30 s interval.
    /// </summary>
    public static Healthcheck HealthcheckFor(TemplateOptions options, HealthProber prober, TimeSpan startPeriod)
    {
        var probe = options.EffectiveHealth;
        var test = probe switch
        {
            HealthProbe.TcpConnect => Fluent.Docker.Healthcheck.Exec(prober.Tcp(ProbedPort(options))),
            HealthProbe.HttpGet http => Fluent.Docker.Healthcheck.Exec(prober.Http(ProbedPort(options), http.Path)),
            HealthProbe.CustomCommand custom => custom.Healthcheck,
            _ => null,
        };
        return test is null
            ? Fluent.Docker.Healthcheck.None
            : test with
            {
                Interval = test.Interval ?? TimeSpan.FromSeconds(30),
                Timeout = test.Timeout ?? TimeSpan.FromSeconds(5),
                StartPeriod = test.StartPeriod ?? startPeriod,
                StartInterval = test.StartInterval ?? TimeSpan.FromSeconds(2),
                Retries = test.Retries ?? 3,
            };
    }

    /// <summary>Whether the HEALTHCHECK runs a template prober (so an image without a shell needs the static probe).</summary>
    public static bool ProbesPort(TemplateOptions options) => options.EffectiveHealth is HealthProbe.TcpConnect or HealthProbe.HttpGet;

    private static int ProbedPort(TemplateOptions options) =>
        options.ListeningPort?.Number ?? throw new InvalidOperationException("unreachable: a port probe without a port is refused by the option checks");

    /// <summary>The <c>PORT</c> variable for an app that listens on a port; none for one that does not.</summary>
    public static (string Name, Expandable Value)[] PortEnv(TemplateOptions options) =>
        options.ListeningPort is { } port ? [("PORT", port.Number.ToString(CultureInfo.InvariantCulture))] : [];

    /// <summary>
    /// The definition, with its .dockerignore generated from the model for <paramref name="language"/> (an allow-list of
    /// what the COPYs read, or the language's outputs and caches when a COPY takes the whole context), then the
    /// template's <paramref name="alsoExclude"/> and the user's <see cref="TemplateOptions.ExtraIgnorePatterns"/>.
    /// </summary>
    public static ImageDefinition Define(string name, TemplateOptions options, Dockerfile dockerfile, Platform[] defaultPlatforms,
        ProjectLanguage language, params string[] alsoExclude) =>
        ImageDefinition.Create(name, dockerfile)
            .WithPlatforms(options.Platforms.IsEmpty ? defaultPlatforms : [.. options.Platforms])
            .WithContextDirectory(options.ContextDirectory)
            .WithIgnoreFor(language, [.. alsoExclude, .. options.ExtraIgnorePatterns]);

    /// <summary>A problem when <paramref name="path"/> is not a plain relative path inside the build context.</summary>
    public static Problem? RelativePathProblem(string option, string? path, string example)
    {
        if (string.IsNullOrWhiteSpace(path))
            return TemplateKit.OptionProblem(option, "The path is empty.", $"give a path relative to the build context, e.g. '{example}'.");
        if (path.StartsWith('/') || path.Split('/').Contains("..") || path.IndexOfAny(['\\', '\n', '\r', '\0', '$', '"', '\'', ' ', '*', '?']) >= 0)
            return TemplateKit.OptionProblem(option, $"'{path}' is not a plain relative path inside the build context.", $"use forward slashes, no '..', spaces, quotes, globs or variables, e.g. '{example}'.");
        return null;
    }

    /// <summary>A problem when <paramref name="path"/> is not a literal absolute path (exec forms do not expand variables).</summary>
    public static Problem? AbsolutePathProblem(string option, string? path, string example) =>
        path is null || !path.StartsWith('/') || path.IndexOfAny([' ', '\t', '\n', '\r', '\0', '$', '"', '\'', '\\']) >= 0
            ? TemplateKit.OptionProblem(option, $"'{path}' is not a literal absolute path.", $"give an absolute path without spaces, quotes or variables, e.g. '{example}'.")
            : null;

    public static IEnumerable<Problem> CommandProblems(string option, ValueList<string> command, string example)
    {
        if (command.IsEmpty || string.IsNullOrWhiteSpace(command[0]))
            yield return TemplateKit.OptionProblem(option, "The command is empty.", $"give the program and its arguments, e.g. {example}.");
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
