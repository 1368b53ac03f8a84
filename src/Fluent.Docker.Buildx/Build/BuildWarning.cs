namespace Fluent.Docker.Build;

/// <summary>
/// A <see cref="BuildRequest"/> that runs but will not do all it seems to ask (e.g. attestations with <c>--load</c>).
/// The runner reports each one to the build log before starting.
/// </summary>
public sealed record BuildWarning(string Option, string Message)
{
    public override string ToString() => $"warning: BuildRequest.{Option}: {Message}";
}
