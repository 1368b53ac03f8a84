using System.CommandLine;
using Fluent.Docker.Cli.Definitions;
using Fluent.Docker.Engine;
using Fluent.Docker.Pinning;
using Fluent.Docker.Workflow;

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
            using var engine = DockerEngine.Connect();
            await engine.PingAsync(cancellationToken);
            var verifying = parse.GetValue(verify);
            var run = await ImageWorkflow.LockAsync([.. manifest.Images.Select(WorkflowImage.From)], definitions.LockPath, engine,
                new LockOptions(Update: parse.GetValue(update), VerifyOnly: verifying), cancellationToken);

            console.Out.Write(run.ToTable());
            if (verifying)
            {
                if (run.IsUpToDate)
                {
                    console.Out.WriteLine($"{run.Lock.Images.Count} image(s): {console.Display(definitions.LockPath)} is up to date.");
                    return ExitCodes.Ok;
                }
                console.Error.WriteLine($"error: {console.Display(definitions.LockPath)} is out of date ({run.ChangedCount} change(s) above). Fix: run '{CliApp.Name} lock{(parse.GetValue(update) ? " --update" : "")}' and commit the result.");
                return ExitCodes.Findings;
            }
            console.Out.WriteLine($"{run.Lock.Images.Count} image(s) locked in {console.Display(definitions.LockPath)}; {run.ChangedCount} change(s).");
            foreach (var gap in run.PlatformGaps)
                console.Error.WriteLine($"warning: {gap}. Fix: build {gap.ImageName} for the platforms its bases offer, or choose a base that offers {gap.Gap.Needed}.");
            if (!run.IsUpToDate) console.Out.WriteLine($"Run '{CliApp.Name} generate' to write the pinned Dockerfiles.");
            return ExitCodes.Ok;
        });
        return command;
    }
}
