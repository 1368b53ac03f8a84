namespace Fluent.Docker.Examples;

/// <summary>
/// The seeds' Flask-style API as a production image: dependencies installed into a virtualenv in a builder
/// stage (before the source, so code changes keep the dependency layer cached), a slim runtime, a non-root
/// user, a Python-native HEALTHCHECK and OCI labels.
/// </summary>
public static class PythonApi
{
    public static ImageDefinition Definition { get; } = Create();

    private static ImageDefinition Create()
    {
        var deps = Stage.Named("deps").From("python:3.11-slim")
            .Run("python -m venv /opt/venv")
            .Copy("requirements.txt", "/tmp/requirements.txt")
            .Run("/opt/venv/bin/pip install --no-cache-dir --disable-pip-version-check -r /tmp/requirements.txt");

        var runtime = Stage.Named("runtime").From("python:3.11-slim")
            .Env(("PYTHONDONTWRITEBYTECODE", "1"), ("PYTHONUNBUFFERED", "1"), ("PATH", "/opt/venv/bin:" + Expandable.Variable("PATH")), ("PORT", "5000"))
            .CopyFrom(deps, "/opt/venv", "/opt/venv")
            .Workdir("/app")
            .Copy("app.py", "./", new CopyOptions { Chmod = FilePermissions.ReadOnly })
            .Labels(
                (OciLabels.Title, "python-api"),
                (OciLabels.Description, "A Flask-style JSON API on the Python standard library"),
                (OciLabels.Source, "https://example.com/fluent-docker/examples/python-api"))
            .Expose(5000)
            .User(UserSpec.Id(10001, 10001))
            .Healthcheck(Healthcheck.Exec("python", "-c", "import urllib.request; urllib.request.urlopen('http://127.0.0.1:5000/health', timeout=2)")
                .WithInterval(TimeSpan.FromSeconds(30)).WithTimeout(TimeSpan.FromSeconds(3)).WithStartPeriod(TimeSpan.FromSeconds(5)).WithRetries(3))
            .Cmd("python", "app.py");

        return ImageDefinition.Create("examples/python-api", Dockerfile.Create(deps, runtime))
            .WithContextDirectory("python-api")
            // The lab seeds python:3.11-slim for amd64 only (LAB_EXTRA_ARM64=1 adds arm64).
            .WithPlatforms(Platform.LinuxAmd64)
            // Sends only requirements.txt and app.py (what the COPYs read); generated from the model.
            .WithIgnoreFor(ProjectLanguage.Python);
    }
}
