namespace Fluent.Docker.Build;

/// <summary>A build arg the target uses (<c>--call=outline</c>): its name, default and where it is declared.</summary>
public sealed record OutlineArg(string Name, string? Description, string? Value, SourceLine? Location);

/// <summary>A secret or SSH id a RUN mount of the target uses, and whether the build fails without it.</summary>
public sealed record OutlineMount(string Name, bool Required, SourceLine? Location);

/// <summary>
/// What <c>docker buildx build --call=outline,format=json</c> reports for the target stage
/// (<see cref="Buildx.OutlineAsync"/>): the build args it reads, and the secrets and SSH agents its RUN mounts need.
/// </summary>
public sealed record BuildOutline(string? Name, string? Description, IReadOnlyList<OutlineArg> Args, IReadOnlyList<OutlineMount> Secrets, IReadOnlyList<OutlineMount> Ssh)
{
    /// <summary>Reads buildx's JSON; <paramref name="file"/> names the Dockerfile in the locations (the outline names none).</summary>
    public static BuildOutline Parse(string json, string file = "Dockerfile")
    {
        ArgumentNullException.ThrowIfNull(json);
        using var document = CallResultJson.Parse(json, "outline");
        var root = document.RootElement;
        List<OutlineMount> Mounts(string name) => [.. CallResultJson.Array(root, name).Select(m =>
            new OutlineMount(CallResultJson.Text(m, "name") ?? "", CallResultJson.Flag(m, "required"), CallResultJson.Location(m, file)))];
        return new BuildOutline(
            CallResultJson.Text(root, "name"),
            CallResultJson.Text(root, "description"),
            [.. CallResultJson.Array(root, "args").Select(a => new OutlineArg(CallResultJson.Text(a, "name") ?? "", CallResultJson.Text(a, "description"),
                CallResultJson.Text(a, "value"), CallResultJson.Location(a, file)))],
            Mounts("secrets"),
            Mounts("ssh"));
    }
}
