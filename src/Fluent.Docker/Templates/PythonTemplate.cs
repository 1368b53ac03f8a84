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

/// <summary>
/// Where the app's third-party packages are declared. The template installs them in a builder stage, from that one file
/// copied before the source (so code changes keep the dependency layer); an app on the standard library alone has no
/// builder stage at all.
/// </summary>
public abstract record PythonDependencies
{
    private PythonDependencies() { }

    /// <summary><c>pip install -r</c> <paramref name="path"/> (relative to the build context): the default, <c>requirements.txt</c>.</summary>
    public static PythonDependencies Requirements(string path = "requirements.txt") => new RequirementsFile(path);

    /// <summary>
    /// The <c>[project] dependencies</c> list of <paramref name="path"/> (PEP 621), installed with <c>pip install -r</c>. The
    /// list is read with Python's own <c>tomllib</c> (3.11 and later) in the builder stage; an empty or absent list installs
    /// nothing and downloads nothing. The project itself is not built or installed (<c>pip install .</c> would fetch its
    /// build backend from the package index and need the source before the dependency layer): the source is copied to
    /// <c>/app</c> and run from there, like any other app. Dependencies the build backend computes
    /// (<c>dynamic = ["dependencies"]</c>) stop the build with a message, and optional dependencies (extras) are not
    /// installed: list what the app needs in <c>dependencies</c>, or use <see cref="Requirements"/>.
    /// </summary>
    public static PythonDependencies PyProject(string path = "pyproject.toml") => new PyProjectFile(path);

    /// <summary>The standard library only: no builder stage, no virtualenv, no pip step.</summary>
    public static PythonDependencies None { get; } = new StandardLibraryOnly();

    /// <summary>A pip requirements file.</summary>
    public sealed record RequirementsFile(string Path) : PythonDependencies;

    /// <summary>The <c>[project] dependencies</c> of a <c>pyproject.toml</c>.</summary>
    public sealed record PyProjectFile(string Path) : PythonDependencies;

    /// <summary>No third-party packages.</summary>
    public sealed record StandardLibraryOnly : PythonDependencies;

    internal IEnumerable<Problem> Problems(string slot, string pythonVersion, bool imageIsDefault)
    {
        switch (this)
        {
            case RequirementsFile { Path: var path }:
                if (TemplateKit.RelativePathProblem(slot, path, "requirements.txt") is { } requirements) yield return requirements;
                break;
            case PyProjectFile { Path: var path }:
                if (TemplateKit.RelativePathProblem(slot, path, "pyproject.toml") is { } project) yield return project;
                if (imageIsDefault && Version.TryParse(pythonVersion.Contains('.', StringComparison.Ordinal) ? pythonVersion : pythonVersion + ".0", out var version) && version < new Version(3, 11))
                    yield return TemplateKit.OptionProblem(slot, $"Python {pythonVersion} has no tomllib to read pyproject.toml with (3.11 and later have).",
                        "use Python 3.11 or later, or list the dependencies in a requirements file (PythonDependencies.Requirements()).");
                break;
        }
    }
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

    /// <summary>
    /// Where the dependencies are declared: <c>requirements.txt</c> unless set; <see cref="PythonDependencies.PyProject"/>
    /// for <c>pyproject.toml</c>, <see cref="PythonDependencies.None"/> for the standard library alone.
    /// </summary>
    public PythonDependencies Dependencies { get; init; } = PythonDependencies.Requirements();

    /// <summary>The command that starts the application, run from <c>/app</c>.</summary>
    public ValueList<string> Command { get; init; } = ["python", "app.py"];

    internal IEnumerable<Problem> PythonProblems()
    {
        if (TemplateKit.VersionProblem(nameof(PythonVersion), PythonVersion, "Python", "3.13") is { } version) yield return version;
        else if (Image.Problem is { } image) yield return TemplateKit.OptionProblem(nameof(Image), image.Message, image.Fix);
        if (Dependencies is null)
            yield return TemplateKit.OptionProblem(nameof(Dependencies), "No dependency source is given.", "use PythonDependencies.Requirements(), PythonDependencies.PyProject() or PythonDependencies.None.");
        else
            foreach (var problem in Dependencies.Problems(nameof(Dependencies), PythonVersion, _image is null)) yield return problem;
        foreach (var problem in TemplateKit.CommandProblems(nameof(Command), Command, "[\"python\", \"app.py\"]")) yield return problem;
    }
}

/// <summary>
/// Python: dependencies installed in a builder stage (a virtualenv, or <c>pip install --user</c>) with pip's cache on a
/// cache mount, from their one declaring file (<see cref="PythonOptions.Dependencies"/>) copied before the source; a slim
/// runtime that gets only the installed packages and the source, runs as uid 10001, and checks health with Python's own
/// <c>socket</c>/<c>http.client</c> (slim images have no curl): a TCP connect to the port unless
/// <see cref="TemplateOptions.Health"/> says otherwise. An app on the standard library alone is one stage. The builder
/// runs on the target platform: wheels and the interpreter are platform-specific, so Python cannot cross-build.
/// </summary>
public static class PythonTemplate
{
    private const string Venv = "/opt/venv";
    private const string UserBase = "/opt/python";

    /// <summary>The requirements the builder stage writes from pyproject.toml's <c>[project] dependencies</c>.</summary>
    private const string PyProjectRequirements = "pyproject-requirements.txt";

    public static ImageDefinition Create(string name, PythonOptions? options = null)
    {
        options ??= new PythonOptions();
        TemplateKit.Check("Python", name, options, options.PythonProblems());
        var image = options.Resolve(options.Image);
        var deps = DependencyStage(options, image);

        var runtime = Stage.Named("runtime").From(image).AddDebianUser(options.User);
        runtime = deps is null
            ? runtime.Env(Environment(options))
            : options.Install == PythonInstall.Venv
                ? runtime.Env(Environment(options, ("PATH", $"{Venv}/bin:" + Expandable.Variable("PATH")))).CopyFrom(deps, Venv, Venv)
                : runtime.Env(Environment(options, ("PYTHONUSERBASE", UserBase), ("PATH", $"{UserBase}/bin:" + Expandable.Variable("PATH")))).CopyFrom(deps, UserBase, UserBase);
        runtime = runtime
            .Workdir("/app")
            .Copy(".", ".")
            .Finish(name, options, image, TemplateKit.HealthcheckFor(options, HealthProber.Python, TimeSpan.FromSeconds(5)))
            .Cmd([.. options.Command]);

        return TemplateKit.Define(name, options, deps is null ? Dockerfile.Create(runtime) : Dockerfile.Create(deps, runtime),
            [Platform.LinuxAmd64, Platform.LinuxArm64], ProjectLanguage.Python, "build", "dist");
    }

    /// <summary>
    /// The builder stage: the declaring file alone, then <c>pip install -r</c> into the virtualenv or the user base;
    /// null for an app on the standard library alone.
    /// </summary>
    private static Stage? DependencyStage(PythonOptions options, ImageReference image)
    {
        var requirements = options.Dependencies switch
        {
            PythonDependencies.RequirementsFile => "requirements.txt",
            PythonDependencies.PyProjectFile => PyProjectRequirements,
            _ => null,
        };
        if (requirements is null) return null;

        var deps = Stage.Named("deps").From(image)
            .Env(("PIP_DISABLE_PIP_VERSION_CHECK", "1"), ("PIP_ROOT_USER_ACTION", "ignore"))
            .Workdir("/src");
        deps = options.Install == PythonInstall.Venv
            // No pip inside the venv (about 25 MB): the image's pip installs into it (pip --python, pip 22.3 and later).
            ? deps.Run($"python -m venv --without-pip {Venv}")
            : deps.Env("PYTHONUSERBASE", UserBase);
        deps = options.Dependencies switch
        {
            PythonDependencies.RequirementsFile file => deps.Copy(file.Path, "requirements.txt"),
            PythonDependencies.PyProjectFile project => deps.Copy(project.Path, "pyproject.toml").Run(PyProjectDependencies),
            _ => deps,
        };
        var pip = CacheMounts.Pip.Mount();
        return options.Install == PythonInstall.Venv
            ? deps.DependencyRun(options, $"pip --python {Venv}/bin/python install -r {requirements}", pip)
            : deps.DependencyRun(options, $"pip install --user -r {requirements}", pip);
    }

    /// <summary>
    /// pyproject.toml's <c>[project] dependencies</c> as a requirements file, read with the standard library's tomllib
    /// (an empty list makes a file pip installs nothing from, offline); dynamic dependencies stop the build.
    /// </summary>
    private const string PyProjectDependencies =
        "python -c \"import sys, tomllib; "
        + "project = tomllib.load(open('pyproject.toml', 'rb')).get('project', {}); "
        + "'dependencies' in project.get('dynamic', []) and sys.exit('pyproject.toml: the dependencies are dynamic (computed by the build backend), so they cannot be installed before the source; list them in [project] dependencies, or use PythonDependencies.Requirements()'); "
        + "print('# [project] dependencies of pyproject.toml'); "
        + "print(*project.get('dependencies', []), sep=chr(10))\" > " + PyProjectRequirements;

    private static (string, Expandable)[] Environment(PythonOptions options, params (string, Expandable)[] paths) =>
        [("PYTHONDONTWRITEBYTECODE", "1"), ("PYTHONUNBUFFERED", "1"), .. paths, .. TemplateKit.PortEnv(options)];
}
