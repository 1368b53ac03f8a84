using Fluent.Docker.Build;
using Fluent.Docker.Parsing;

namespace Fluent.Docker.Conformance.Differential;

/// <summary>
/// Runs the engine's own Dockerfile checks (<c>docker buildx build --call=check,format=json</c>, through
/// <see cref="Buildx.CheckAsync"/>) on a case, offline: the lab has no network, so
/// <list type="bullet">
/// <item>every image the file pulls (each FROM's base, <c>COPY --from</c> and <c>RUN --mount from=</c> images, read from
/// our parsed model, ARGs expanded with their defaults and the case's build args) is stood in for by
/// <see cref="StandIn"/> with <c>--build-context NAME=docker-image://busybox:1.36</c>; stages named in the file are not images;</item>
/// <item>a <c># syntax=</c> directive would make the engine pull that frontend image, so its line is replaced by a
/// directive that changes nothing (<c># escape=\</c>, the default, or <c># check=error=false</c>, the default) and the
/// engine's builtin Dockerfile frontend runs. Line numbers stay as they are.</item>
/// </list>
/// </summary>
public sealed class BuildKitChecker(Buildx buildx, string workDirectory)
{
    /// <summary>The image every pulled image is replaced by (the lab has it).</summary>
    public static ImageReference StandIn { get; } = ImageReference.Parse("busybox:1.36");

    public async Task<BuildCheckResult> CheckAsync(CheckCase item, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(item);
        var directory = Path.Combine(workDirectory, Safe(item.Name));
        Directory.CreateDirectory(directory);
        await File.WriteAllTextAsync(Path.Combine(directory, "Dockerfile"), WithBuiltinFrontend(item.Text), cancellationToken).ConfigureAwait(false);
        if (item.DockerIgnore is not null) await File.WriteAllTextAsync(Path.Combine(directory, ".dockerignore"), item.DockerIgnore, cancellationToken).ConfigureAwait(false);
        var request = new BuildRequest(directory) { BuildArgs = item.BuildArgs };
        foreach (var image in PulledImages(item)) request = request.WithNamedContext(image, BuildContextSource.Image(StandIn));
        return await buildx.CheckAsync(request, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// What the engine's <c>--call=outline,format=json</c> reports for the case's last stage (build args, secrets, SSH),
    /// locations left out, with the same stand-ins as <see cref="CheckAsync"/>; the error's message when the engine refuses.
    /// </summary>
    /// <summary>What <see cref="OutlineAsync"/> gives when the engine refuses the file.</summary>
    public const string Refused = "refused";

    public async Task<string> OutlineAsync(CheckCase item, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(item);
        var directory = Path.Combine(workDirectory, "outline-" + Safe(item.Name));
        Directory.CreateDirectory(directory);
        await File.WriteAllTextAsync(Path.Combine(directory, "Dockerfile"), WithBuiltinFrontend(item.Text), cancellationToken).ConfigureAwait(false);
        var request = new BuildRequest(directory) { BuildArgs = item.BuildArgs };
        foreach (var image in PulledImages(item)) request = request.WithNamedContext(image, BuildContextSource.Image(StandIn));
        try
        {
            var outline = await buildx.OutlineAsync(request, cancellationToken: cancellationToken).ConfigureAwait(false);
            return string.Join("\n", [$"name={outline.Name} description={outline.Description}",
                // Sorted: BuildKit lists them by the line that declares them, which formatting may move.
                .. outline.Args.Select(a => $"arg {a.Name}={a.Value} ({a.Description})").Order(StringComparer.Ordinal),
                .. outline.Secrets.Select(m => $"secret {m.Name} required={m.Required}"),
                .. outline.Ssh.Select(m => $"ssh {m.Name} required={m.Required}")]);
        }
        catch (Exception e) when (e is BuildxException or FormatException or IProblemException)
        {
            return Refused;
        }
    }

    /// <summary>
    /// <paramref name="text"/> with its <c># syntax=</c> directive (if any) replaced, on the same line, by a directive
    /// with its default value that the file does not already give.
    /// </summary>
    public static string WithBuiltinFrontend(string text)
    {
        DockerfileSyntaxTree tree;
        try { tree = DockerfileSyntaxTree.Parse(text); }
        catch (DockerfileParseException) { return text; } // the engine reports what it makes of it
        if (tree.Directives.FirstOrDefault(d => d.Name.Equals("syntax", StringComparison.OrdinalIgnoreCase)) is not { } syntax) return text;
        bool Has(string name) => tree.Directives.Any(d => d.Name.Equals(name, StringComparison.OrdinalIgnoreCase));
        var neutral = !Has("escape") ? "# escape=\\" : !Has("check") ? "# check=error=false"
            : throw new InvalidOperationException("The file gives syntax, escape and check directives: no neutral directive is left to put in the syntax directive's place.");
        var lines = text.Split('\n');
        var at = syntax.Line - 1;
        lines[at] = neutral + (lines[at].EndsWith('\r') ? "\r" : "");
        return string.Join('\n', lines);
    }

    /// <summary>
    /// The images the case pulls, by the name BuildKit looks a named context up by: each stage's base (ARG references
    /// expanded with the global ARG defaults, the platform ARGs and the case's build args) and the model's
    /// <c>COPY --from</c>/<c>--mount from=</c> images. Stages, <c>scratch</c> and names that are not references are left out.
    /// </summary>
    public static IReadOnlyList<ImageReference> PulledImages(CheckCase item)
    {
        ArgumentNullException.ThrowIfNull(item);
        Dockerfile file;
        try { file = DockerfileReader.ReadForLint(DockerfileSyntaxTree.Parse(item.Text)).File; }
        catch (DockerfileParseException) { return []; }
        var stageNames = file.Stages.Where(s => s.Name is not null).Select(s => s.Name!).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var inputs = BuildInputs.For(file, null, item.BuildArgs);
        var scope = inputs.Automatic.Concat(inputs.Global).GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.Last().Value, StringComparer.Ordinal);
        var images = new List<ImageReference>();
        void Add(ImageReference image)
        {
            if (image.Problem is null && !stageNames.Contains(image.ToString()) && !images.Contains(image)) images.Add(image);
        }
        foreach (var stage in file.Stages)
        {
            switch (stage.Base)
            {
                case BaseImage.Image { Reference: var reference }:
                    Add(reference);
                    break;
                case BaseImage.Expanded { Reference: var reference }:
                    var name = BuildState.Expand(reference, scope);
                    if (name.Length > 0 && !name.Equals("scratch", StringComparison.OrdinalIgnoreCase) && !stageNames.Contains(name) && ImageReference.TryParse(name, out var expanded)) Add(expanded);
                    break;
            }
        }
        foreach (var source in file.Stages.SelectMany(s => s.Instructions).SelectMany(i => Codecs.InstructionCodecs.For(i).ArtifactSources(i)))
            if (source is ArtifactSource.FromImage { Image: var image }) Add(image);
        return images;
    }

    private static string Safe(string name) => string.Concat(name.Select(c => char.IsLetterOrDigit(c) || c is '-' or '.' ? c : '_'));
}
