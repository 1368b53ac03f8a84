namespace Fluent.Docker;

/// <summary>
/// The id of a build secret (<c>RUN --mount=type=secret,id=…</c>). It names the secret; the value is supplied to
/// buildx at build time and never appears in the Dockerfile. It deliberately has no conversion to text values.
/// </summary>
public sealed record SecretId : IDockerValue
{
    public SecretId(string id) => Id = id ?? "";

    public string Id { get; }

    public Problem? Problem => Id.Length > 0 && Id.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.')
        ? null
        : Problem.InvalidValue($"'{ImageReference.Printable(Id)}' is not a secret id.", "use letters, digits, '_', '-' and '.' (e.g. npm_token).");

    public override string ToString() => Id;
}

/// <summary>A named build context (<c>docker buildx build --build-context NAME=…</c>), usable in <c>COPY --from</c>.</summary>
public sealed record NamedContext : IDockerValue
{
    public NamedContext(string name) => Name = name ?? "";

    public string Name { get; }

    public Problem? Problem => Name.Length > 0 && Name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.' or '/')
        ? null
        : Problem.InvalidValue($"'{ImageReference.Printable(Name)}' is not a build-context name.", "use letters, digits, '_', '-', '.' and '/'.");

    public override string ToString() => Name;
}
