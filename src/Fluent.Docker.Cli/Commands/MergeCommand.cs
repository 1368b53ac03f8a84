using System.CommandLine;
using Fluent.Docker.Build;

namespace Fluent.Docker.Cli.Commands;

/// <summary>
/// <c>merge --tag REF FILE…</c>: the last step of a build spread over CI jobs. Each job ran
/// <c>build --platform P --push-by-digest --digest-file FILE</c>; this joins the stored platforms into one index under
/// the tag (<c>imagetools create</c>), so the tag appears only once every platform is in the registry.
/// </summary>
internal static class MergeCommand
{
    public static Command Create(CliConsole console)
    {
        var files = new Argument<string[]>("DIGEST-FILE") { Description = "The digest files the platform builds wrote (one per platform).", Arity = ArgumentArity.OneOrMore };
        var tag = new Option<string>("--tag", "-t")
        {
            Description = "The tag to write, a full reference in the digests' repository (e.g. 127.0.0.1:5000/team/api:1.0).",
            HelpName = "REF",
            Required = true,
        };
        var command = new Command("merge", "Merge per-platform images stored by digest (build --push-by-digest) into one tagged index.")
        {
            files, tag,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (!ImageReference.TryParse(parse.GetValue(tag)!, out var reference) || reference.Tag is null)
                throw CliException.Usage($"--tag '{parse.GetValue(tag)}' is not a tagged image reference. Fix: give the full name and tag, e.g. 127.0.0.1:5000/team/api:1.0.");
            var digests = new List<PlatformDigest>();
            foreach (var file in parse.GetValue(files) ?? [])
            {
                var path = Path.GetFullPath(file, console.WorkingDirectory);
                if (!File.Exists(path)) throw CliException.Usage($"digest file {console.Display(path)} does not exist. Fix: pass the files the platform builds wrote with --digest-file.");
                try { digests.Add(PlatformDigest.ReadFrom(path)); }
                catch (FormatException e) { throw CliException.Usage(e.Message); }
            }
            SpreadBuildResult merged;
            try { merged = await SpreadBuild.MergeAsync(new Buildx(), reference, digests, cancellationToken); }
            catch (ArgumentException e) { throw CliException.Usage(e.Message.Split(" (Parameter", 2)[0]); }
            console.Out.WriteLine($"{merged.Tag}  {string.Join(",", merged.Platforms.Select(p => p.Platform.ToString()).Order(StringComparer.Ordinal))}  {merged.IndexDigest}");
            return ExitCodes.Ok;
        });
        return command;
    }
}
