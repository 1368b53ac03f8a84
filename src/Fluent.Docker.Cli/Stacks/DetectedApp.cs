namespace Fluent.Docker.Cli.Stacks;

/// <summary>
/// What <c>init</c> read about the app itself: what it does (<see cref="Kind"/>), what starts it (<see cref="Entry"/>:
/// the project file, start file, module or main package), the TCP port it declares (null when it declares none or
/// listens on none) and, for each of these, the file and text that told (<see cref="Why"/>, shown to the user).
/// </summary>
public sealed record DetectedApp(AppKind Kind, string Entry, Port? Port, IReadOnlyList<string> Why)
{
    public override string ToString() =>
        $"{Kind.ToString().ToLowerInvariant()} app, entry {Entry}" + (Port is { } port ? $", port {port.Number}" : "");
}
