namespace Fluent.Docker.Templates;

/// <summary>How the dependencies are installed in the builder stage and carried into the runtime.</summary>
public enum PythonInstall
{
    /// <summary>
    /// Into a virtual environment at <c>/opt/venv</c> (created without its own pip; the image's pip fills it), copied
    /// whole and put first on PATH.
    /// </summary>
    Venv,

    /// <summary><c>pip install --user</c> under <c>PYTHONUSERBASE=/opt/python</c>, copied whole.</summary>
    User,
}

/// <summary>Options of <see cref="PythonTemplate"/>.</summary>
public sealed record PythonOptions : TemplateOptions
{
    public PythonOptions() => Port = 8000;

    /// <summary>
    /// The image both stages use. Installed packages are tied to the interpreter that installed them (paths, ABI), so
    /// builder and runtime share one image; a slim one keeps compilers out of the runtime.
    /// </summary>
    public ImageReference Image { get => _image ?? $"python:{PythonVersion}-slim"; init => _image = value; }

    private readonly ImageReference? _image;

    /// <summary>The Python version (default 3.13); it names <see cref="Image"/> (<c>python:{PythonVersion}-slim</c>) unless that is set.</summary>
    public string PythonVersion { get; init; } = "3.13";

    public PythonInstall Install { get; init; } = PythonInstall.Venv;

    /// <summary>The requirements file, copied and installed before the source so code changes keep the dependency layer.</summary>
    public string RequirementsFile { get; init; } = "requirements.txt";

    /// <summary>The command that starts the application, run from <c>/app</c>.</summary>
    public ValueList<string> Command { get; init; } = ["python", "app.py"];

    internal IEnumerable<Problem> PythonProblems()
    {
        if (TemplateKit.VersionProblem(nameof(PythonVersion), PythonVersion, "Python", "3.13") is { } version) yield return version;
        else if (Image.Problem is { } image) yield return TemplateKit.OptionProblem(nameof(Image), image.Message, image.Fix);
        if (TemplateKit.RelativePathProblem(nameof(RequirementsFile), RequirementsFile, "requirements.txt") is { } requirements) yield return requirements;
        foreach (var problem in TemplateKit.CommandProblems(nameof(Command), Command, "[\"python\", \"app.py\"]")) yield return problem;
    }
}

/// <summary>
/// Python: dependencies installed in a builder stage (a virtualenv, or <c>pip install --user</c>) with pip's cache on a
/// cache mount, before the source is copied; a slim runtime that gets only the installed packages and the source, runs
/// as uid 10001, and checks health with Python's own <c>socket</c>/<c>http.client</c> (slim images have no curl): a TCP
/// connect to the port unless <see cref="TemplateOptions.Health"/> says otherwise. The builder runs on the target
/// platform: wheels and the interpreter are platform-specific, so Python cannot cross-build.
/// </summary>
public static class PythonTemplate
{
    private const string Venv = "/opt/venv";
    private const string UserBase = "/opt/python";

    public static ImageDefinition Create(string name, PythonOptions? options = null)
    {
        options ??= new PythonOptions();
        TemplateKit.Check("Python", name, options, options.PythonProblems());
        var image = options.Resolve(options.Image);
        var pipCache = CacheMounts.Pip.Mount();

        var deps = Stage.Named("deps").From(image)
            .Env(("PIP_DISABLE_PIP_VERSION_CHECK", "1"), ("PIP_ROOT_USER_ACTION", "ignore"))
            .Workdir("/src");
        deps = options.Install == PythonInstall.Venv
            // No pip inside the venv (about 25 MB): the image's pip installs into it (pip --python, pip 22.3 and later).
            ? deps.Run($"python -m venv --without-pip {Venv}")
                .Copy(options.RequirementsFile, "requirements.txt")
                .DependencyRun(options, $"pip --python {Venv}/bin/python install -r requirements.txt", pipCache)
            : deps.Env("PYTHONUSERBASE", UserBase)
                .Copy(options.RequirementsFile, "requirements.txt")
                .DependencyRun(options, "pip install --user -r requirements.txt", pipCache);

        var runtime = Stage.Named("runtime").From(image).AddDebianUser(options.User);
        runtime = options.Install == PythonInstall.Venv
            ? runtime.Env(Environment(options, ("PATH", $"{Venv}/bin:" + Expandable.Variable("PATH")))).CopyFrom(deps, Venv, Venv)
            : runtime.Env(Environment(options, ("PYTHONUSERBASE", UserBase), ("PATH", $"{UserBase}/bin:" + Expandable.Variable("PATH")))).CopyFrom(deps, UserBase, UserBase);
        runtime = runtime
            .Workdir("/app")
            .Copy(".", ".")
            .Finish(name, options, image, TemplateKit.HealthcheckFor(options, HealthProber.Python, TimeSpan.FromSeconds(5)))
            .Cmd([.. options.Command]);

        return TemplateKit.Define(name, options, Dockerfile.Create(deps, runtime),
            [Platform.LinuxAmd64, Platform.LinuxArm64], ProjectLanguage.Python, "build", "dist");
    }

    private static (string, Expandable)[] Environment(PythonOptions options, params (string, Expandable)[] paths) =>
        [("PYTHONDONTWRITEBYTECODE", "1"), ("PYTHONUNBUFFERED", "1"), .. paths, .. TemplateKit.PortEnv(options)];
}
