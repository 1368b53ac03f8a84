using System.CommandLine;
using System.Net;
using Fluent.Docker.Build;
using Fluent.Docker.Cli.Definitions;
using Fluent.Docker.Engine;
using Fluent.Docker.Parsing;
using Fluent.Docker.Pinning;

namespace Fluent.Docker.Cli.Commands;

/// <summary>
/// <c>lock</c>: resolves every image the definitions pull by a tag to its digest, through the engine (so mirrors and
/// credentials apply), and writes <c>images.lock.json</c> beside the definitions. From then on generate, lint and
/// build pin every such image to its locked digest; <c>lock</c> again adds new images and drops unused ones, and
/// <c>--update</c> moves every image to what its tag names today. It also warns when a locked image lacks a platform
/// an image is built for, before a build finds out. <c>--verify-no-changes</c> writes nothing and exits 1 when the lock
/// would change: in CI, a definition that outgrew the lock, or (with <c>--update</c>) a base image with a newer digest.
/// </summary>
internal static class LockCommand
{
    public static Command Create(CliConsole console)
    {
        var project = CommonOptions.Project();
        var update = new Option<bool>("--update") { Description = "Resolve every image again (default: keep the digests already locked, resolve only new images)." };
        var verify = new Option<bool>("--verify-no-changes")
        {
            Description = "Write nothing; exit 1 when the lock would change (with --update: also when a tag now names another digest).",
        };
        var command = new Command("lock", $"Pin every base image to its digest in {DefinitionsProject.DefaultDirectory}/{ImageLock.FileName}.")
        {
            project, update, verify,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var definitions = DefinitionsProject.Find(console, parse.GetValue(project), parse.GetValue(CliApp.Verbose));
            var manifest = await definitions.DescribeUnpinnedAsync(cancellationToken);
            var dockerfiles = manifest.Images.Select(image => (image, Dockerfile: Read(console, image.DockerfilePath, image.Dockerfile))).ToList();
            var existing = ImageLock.Load(definitions.LockPath);

            using var engine = DockerEngine.Connect();
            await engine.PingAsync(cancellationToken);
            async Task<LockedImage> ResolveAsync(ImageReference reference, CancellationToken token)
            {
                try { return await engine.ResolveAsync(reference, token); }
                catch (DockerEngineException e) when (e.StatusCode == HttpStatusCode.NotFound)
                {
                    throw CliException.Usage($"image not found: {reference} ({e.EngineMessage ?? "the registry has no such manifest"}). Fix: check its name and tag in the definitions.");
                }
            }
            var result = await ImageLocking.LockAsync(dockerfiles.Select(d => d.Dockerfile), existing, ResolveAsync, parse.GetValue(update), cancellationToken);
            var verifying = parse.GetValue(verify);
            if (!verifying) result.Lock.Save(definitions.LockPath);

            console.Out.Write(PlainTable.Format(["IMAGE", "DIGEST", "PLATFORMS", "CHANGE"], [.. result.Changes.Select(change => new[]
            {
                change.Reference.ToString(),
                Short(change.NewDigest ?? change.OldDigest),
                change.Platforms.Count == 0 ? "-" : string.Join(",", change.Platforms),
                change.Kind switch
                {
                    ImageLockChangeKind.Updated => $"updated (was {Short(change.OldDigest)})",
                    var kind => kind.ToString().ToLowerInvariant(),
                },
            })]));
            var changed = result.Changes.Count(c => c.Kind != ImageLockChangeKind.Unchanged);
            if (verifying)
            {
                if (changed == 0)
                {
                    console.Out.WriteLine($"{result.Lock.Images.Count} image(s): {console.Display(definitions.LockPath)} is up to date.");
                    return ExitCodes.Ok;
                }
                console.Error.WriteLine($"error: {console.Display(definitions.LockPath)} is out of date ({changed} change(s) above). Fix: run '{CliApp.Name} lock{(parse.GetValue(update) ? " --update" : "")}' and commit the result.");
                return ExitCodes.Findings;
            }
            console.Out.WriteLine($"{result.Lock.Images.Count} image(s) locked in {console.Display(definitions.LockPath)}; {changed} change(s).");

            foreach (var (image, dockerfile) in dockerfiles)
                foreach (var gap in ImageLocking.PlatformGaps(dockerfile, image.Platforms.Select(Platform.Parse), result.Lock))
                    console.Error.WriteLine($"warning: {image.Name}: {gap}. Fix: build {image.Name} for the platforms its bases offer, or choose a base that offers {gap.Needed}.");
            if (changed > 0) console.Out.WriteLine($"Run '{CliApp.Name} generate' to write the pinned Dockerfiles.");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Dockerfile Read(CliConsole console, string path, string text)
    {
        try { return Dockerfile.Parse(text); }
        catch (DockerfileParseException e) { throw CliException.Usage($"{console.Display(path)} (generated): {e.Message}"); }
    }

    private static string Short(string? digest) => digest is null ? "-" : ImageSetBuild.ShortDigest(digest);
}
