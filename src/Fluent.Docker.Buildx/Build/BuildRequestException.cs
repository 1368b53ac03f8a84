namespace Fluent.Docker.Build;

/// <summary>A <see cref="BuildRequest"/> buildx would reject or misread: names the option, the problem and the fix.</summary>
public sealed class BuildRequestException(string option, string problem, string fix)
    : ArgumentException($"BuildRequest.{option}: {problem} Fix: {fix}")
{
    /// <summary>The <see cref="BuildRequest"/> property at fault, e.g. <c>Output</c>.</summary>
    public string Option { get; } = option;

    public string Problem { get; } = problem;
    public string Fix { get; } = fix;
}
