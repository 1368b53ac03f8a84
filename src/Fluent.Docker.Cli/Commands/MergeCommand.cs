using System.CommandLine;
using Fluent.Docker.Build;

namespace Fluent.Docker.Cli.Commands;

/// <summary>
/// <c>merge --tag TAG FILE…</c>: the last step of a build spread over CI jobs. Each job ran
/// <c>build --platform P --push-by-digest --digest-file F</c>; this joins their digest files into one index under the
/// tag (<c>docker buildx imagetools create</c>), the tag written last.
/// </summary>
internal static class MergeCommand
{
    public static Command Create(CliConsole console)
    {
        var tag = new Option<string>("--tag", "-t") { Description = "The tag to write, e.g. 127.0.0.1:5000/team/app:1.2.3 (its repository must be the digests').", Required = true, HelpName = "TAG" };
        var files = new Argument<string[]>("DIGEST-FILE") { Description = "The digest files the platform jobs wrote (build --push-by-digest --digest-file).", Arity = ArgumentArity.OneOrMore };
        var context = BuilderCommand.ContextOption();
        var command = new Command("merge", "Join per-platform images stored by digest (their digest files) into one index under a tag.") { tag, files, context };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var digests = (parse.GetValue(files) ?? []).Select(path =>
            {
                var full = console.Resolve(path);
                if (!File.Exists(full)) throw CliException.MissingFile(path, "digest file");
                return PlatformDigest.ReadFrom(full);
            }).ToList();
            var buildx = parse.GetValue(context) is { } name ? new Buildx().WithContext(new DockerContext(name)) : new Buildx();
            ImageReference target;
            try { target = ImageReference.Parse(parse.GetValue(tag)!); }
            catch (FormatException e) { throw CliException.Usage("--tag " + e.Message); }
            SpreadBuildResult merged;
            try { merged = await SpreadBuild.MergeAsync(buildx, target, digests, cancellationToken); }
            catch (ArgumentException e) when (e is not BuildRequestException) { throw CliException.Usage(e.Message.Split(" (Parameter", 2)[0]); }
            console.Out.Write(PlainTable.Format(["PLATFORM", "IMAGE"], [.. merged.Platforms.Select(p => new[] { p.Platform.ToString(), p.Image.ToString() })]));
            console.Out.WriteLine($"{merged.Tag} -> {merged.IndexDigest}");
            return ExitCodes.Ok;
        });
        return command;
    }
}
