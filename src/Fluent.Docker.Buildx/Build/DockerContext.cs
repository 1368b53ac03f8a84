namespace Fluent.Docker.Build;

/// <summary>
/// A docker CLI context (<c>docker context ls</c>): which engine <see cref="Buildx"/> talks to. Buildx passes it as
/// <c>docker --context NAME buildx …</c>, so builds run on that engine's own builder (a docker-driver builder is bound to
/// its context: buildx refuses <c>--builder</c> naming another context's engine).
/// </summary>
public sealed record DockerContext
{
    /// <summary>Throws <see cref="DockerValueException"/> when <paramref name="name"/> is not a context name.</summary>
    public DockerContext(string name)
    {
        // The docker CLI's rule: a letter or digit, then letters, digits, '_', '.', '+' and '-'.
        if (string.IsNullOrEmpty(name) || !char.IsAsciiLetterOrDigit(name[0]) || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '+' or '-'))
            throw new DockerValueException(Problem.InvalidValue(
                string.IsNullOrEmpty(name) ? "The docker context name is empty." : $"'{ImageReference.Printable(name)}' is not a docker context name.",
                "name a context from `docker context ls` (a letter or digit, then letters, digits, '_', '.', '+' or '-')."));
        Name = name;
    }

    /// <summary>The context as <c>docker context ls</c> names it, e.g. <c>lab-node2</c>.</summary>
    public string Name { get; }

    /// <summary>The CLI's own context of that name (<c>default</c>: DOCKER_HOST or the local socket).</summary>
    public static DockerContext Default { get; } = new("default");

    public override string ToString() => Name;
}
