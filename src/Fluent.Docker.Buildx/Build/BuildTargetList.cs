namespace Fluent.Docker.Build;

/// <summary>A stage that can be built on its own (<c>--call=targets</c>).</summary>
/// <param name="Name">The stage name (what <c>--target</c> takes).</param>
/// <param name="IsDefault">True for the stage a build without <c>--target</c> builds (the last).</param>
/// <param name="Description">The stage's description comment, if it has one.</param>
/// <param name="Base">What its FROM names: an image or an earlier stage.</param>
/// <param name="Platform">Its FROM <c>--platform</c>, if any.</param>
/// <param name="Location">Its FROM line.</param>
public sealed record BuildTargetInfo(string Name, bool IsDefault, string? Description, string? Base, string? Platform, SourceLine? Location);

/// <summary>What <c>docker buildx build --call=targets,format=json</c> lists (<see cref="Buildx.TargetsAsync"/>).</summary>
public sealed record BuildTargetList(IReadOnlyList<BuildTargetInfo> Targets)
{
    /// <summary>The stage a build without a target builds; null when none is marked.</summary>
    public BuildTargetInfo? Default => Targets.FirstOrDefault(t => t.IsDefault);

    /// <summary>Reads buildx's JSON; <paramref name="file"/> names the Dockerfile in the locations.</summary>
    public static BuildTargetList Parse(string json, string file = "Dockerfile")
    {
        ArgumentNullException.ThrowIfNull(json);
        using var document = CallResultJson.Parse(json, "targets");
        return new BuildTargetList([.. CallResultJson.Array(document.RootElement, "targets").Select(t => new BuildTargetInfo(
            CallResultJson.Text(t, "name") ?? "",
            CallResultJson.Flag(t, "default"),
            CallResultJson.Text(t, "description"),
            CallResultJson.Text(t, "base"),
            CallResultJson.Text(t, "platform"),
            CallResultJson.Location(t, file)))]);
    }
}
