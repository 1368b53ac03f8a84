using Fluent.Docker.Cli.Stacks;
using Fluent.Docker.Engine;
using Fluent.Docker.Pinning;

namespace Fluent.Docker.Cli.Scaffolding;

/// <summary>
/// The platforms <c>init</c> writes: the template's default ones that every base image offers in its registry
/// (asked through the engine, so mirrors and credentials apply), each platform left out with the gap that ruled it
/// out. When the registry cannot be asked, the template's defaults, and <see cref="Reason"/> says so.
/// </summary>
internal sealed record PlatformChoice(IReadOnlyList<Platform> Platforms, string Reason, IReadOnlyList<PlatformGap> LeftOut)
{
    /// <summary>Whether the platforms are an answer (the registry's, or the user's), not the template's default taken blind.</summary>
    public bool Decided { get; init; } = true;

    /// <summary>How long init waits for the registry before it keeps the template's defaults.</summary>
    private static readonly TimeSpan RegistryWait = TimeSpan.FromSeconds(30);

    public static async Task<PlatformChoice> ChooseAsync(DetectedStack stack, string? baseRegistry, CancellationToken cancellationToken)
    {
        var preview = TemplatePreview.Create(stack, baseRegistry);
        var defaults = preview.Platforms.ToList();
        ImageLock resolved;
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(RegistryWait);
            using var engine = DockerEngine.Connect();
            await engine.PingAsync(timeout.Token);
            resolved = (await ImageLocking.LockAsync([preview.Dockerfile], ImageLock.Empty, (image, token) => engine.ResolveAsync(image, token), update: true, timeout.Token)).Lock;
        }
        catch (Exception e) when (e is DockerEngineException or HttpRequestException or System.Net.Sockets.SocketException or TimeoutException
                                      || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            var why = e is OperationCanceledException ? $"no answer within {RegistryWait.TotalSeconds:0} s" : ErrorReport.Classify(e).Message;
            return new PlatformChoice(defaults, $"The template's platforms: the registry could not be asked which ones the base images offer ({why}).", []) { Decided = false };
        }

        var gaps = ImageLocking.PlatformGaps(preview.Dockerfile, defaults, resolved);
        var kept = defaults.Where(p => !gaps.Any(g => g.Needed == p)).ToList();
        if (kept.Count == 0)
            return new PlatformChoice(defaults, $"The template's platforms, though no platform is offered by every base image: {string.Join("; ", gaps)}.", gaps);
        var reason = gaps.Count == 0
            ? $"Every base image offers {string.Join(", ", kept)} (asked the registry at init)."
            : $"Only what every base image offers (asked the registry at init): {string.Join("; ", gaps.GroupBy(g => g.Needed).Select(LeftOutBecause))}.";
        return new PlatformChoice(kept, reason, gaps);
    }

    private static string LeftOutBecause(IGrouping<Platform, PlatformGap> gaps) =>
        $"{gaps.Key} left out, as " + string.Join(", ", gaps.DistinctBy(g => g.Image).Select(g => $"{g.Image} offers only {string.Join(", ", g.Offered)}"));
}
