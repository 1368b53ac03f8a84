using Fluent.Docker.Build;
using Fluent.Docker.Cli.Definitions;
using Fluent.Docker.Workflow;

namespace Fluent.Docker.Cli.Commands;

/// <summary>
/// <c>build --engine buildah</c>: the same typed requests as the buildx path, run by <c>buildah build</c>. Each model is
/// checked against <see cref="Buildah.DefaultProfile"/> first, so a Dockerfile feature Buildah lacks stops the command
/// before anything builds, naming the profile and the fix. Without <c>--push</c> the images stay in Buildah's storage
/// (Buildah cannot load into the Docker engine).
/// </summary>
internal static class BuildahBuild
{
    public static async Task<int> RunAsync(CliConsole console, DefinitionsProject definitions, ImageDestination destination, BuildSetOptions options,
        bool dryRun, CancellationToken cancellationToken)
    {
        if (options.Entitlements.Count > 0)
            throw CliException.Usage($"--allow grants BuildKit entitlements; {Buildah.DefaultProfile.DisplayName} has none. Fix: drop --allow (set the RUN network with --network).");
        if (dryRun)
        {
            var described = await definitions.DescribeAsync(cancellationToken);
            var images = described.Images.Select(WorkflowImage.From).ToList();
            Refuse(images);
            foreach (var image in images)
                console.Out.WriteLine(CommandLineText.Format("buildah", BuildahArguments.Render(RequestFor(image, destination, options), "<iidfile>")));
            return ExitCodes.Ok;
        }

        var buildah = new Buildah();
        if (!await buildah.IsAvailableAsync(cancellationToken))
            throw new CliException(ExitCodes.EngineUnavailable, "buildah is not available. Fix: install Buildah (buildah --version must work), or build with the default engine (buildx).");
        var manifest = await definitions.GenerateAsync(cancellationToken);
        var generated = manifest.Images.Select(WorkflowImage.From).ToList();
        Refuse(generated);
        var rows = new List<string>();
        foreach (var image in generated)
        {
            console.Error.WriteLine($"building {image.Name} with {buildah.Profile.DisplayName}");
            var result = await buildah.BuildAsync(RequestFor(image, destination, options), cancellationToken: cancellationToken);
            rows.Add($"{image.Name}\t{result.ImageId ?? "list " + result.ManifestList}\t{string.Join(" ", result.Tags)}{(destination is ImageDestination.Registry ? "\tpushed" : "\tin buildah storage")}");
        }
        console.Out.Write(string.Concat(rows.Select(row => row + Environment.NewLine)));
        return ExitCodes.Ok;
    }

    /// <summary>Every model's features Buildah lacks, all at once, before the first build.</summary>
    private static void Refuse(IEnumerable<WorkflowImage> images)
    {
        var problems = images.SelectMany(image => Buildah.Check(image.Dockerfile).Select(p => p with { Message = $"{image.Name}: {p.Message}" })).ToList();
        if (problems.Count > 0) throw new DockerfileValidationException(problems);
    }

    /// <summary>The buildx request of the image, delivered the Buildah way: pushed, written as an archive, or kept in Buildah's storage instead of loaded.</summary>
    internal static BuildRequest RequestFor(WorkflowImage image, ImageDestination destination, BuildSetOptions options)
    {
        var request = ImageRequests.For(image, destination, options);
        return request.Output is BuildOutput.ImageStoreLoad ? request with { Output = null } : request;
    }
}
