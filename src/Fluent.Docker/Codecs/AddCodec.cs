using System.Text;
using System.Text.RegularExpressions;
using Fluent.Docker.Emit;
using Fluent.Docker.Import;
using Fluent.Docker.Parsing;
using static Fluent.Docker.Parsing.BuilderFlags.Kind;

namespace Fluent.Docker.Codecs;

/// <summary>ADD: URL, git and local sources, <c>--checksum</c>, <c>--keep-git-dir</c>, <c>--unpack</c> and the COPY/ADD flag family.</summary>
internal sealed partial class AddCodec : InstructionCodec<AddInstruction>
{
    /// <summary>ADD's flag table.</summary>
    internal static readonly (string Name, BuilderFlags.Kind Kind)[] Flags =
        [("chown", Value), ("chmod", Value), ("link", Switch), ("keep-git-dir", Switch), ("checksum", Value), ("unpack", Switch), ("exclude", Values)];

    public override IReadOnlyList<string> Commands => ["add"];

    public override IReadOnlyList<Instruction>? Read(InstructionNode node, Dockerfile file, DockerfileReader.Context context)
    {
        var flags = BuilderFlags.Parse(node.Flags, Flags);
        var (sources, destination) = DockerfileReader.SourcesAndDestination(node);
        if (CopyFlagsCodec.Read(flags, context) is not { } options) return null;
        if (sources.Any(s => DockerfileSyntaxParser.ParseHeredoc(s) is not null)) return null;
        var checksum = flags.String("checksum");
        var keepGitDir = flags.Bool("keep-git-dir");
        var added = new List<AddSource>();
        foreach (var source in sources)
        {
            var value = context.Analyze(source);
            added.Add(value.LiteralText is { } literal ? AddSourceOf(literal) : new AddSource.Local(value));
        }
        // --checksum and --keep-git-dir belong to a single URL or git source in the model.
        if (checksum is not null || keepGitDir)
        {
            if (added is not [var only]) return null;
            switch (only)
            {
                case AddSource.Url url when !keepGitDir: added[0] = url with { Checksum = checksum }; break;
                case AddSource.Git git: added[0] = git with { KeepGitDir = keepGitDir, Checksum = checksum }; break;
                default: return null;
            }
        }
        return [new AddInstruction(ValueList.From(added), context.Analyze(destination), options, flags.OptionalBool("unpack"))];
    }

    /// <summary>A literal ADD source: an http(s) URL, a git repository (with an optional #ref), or a path.</summary>
    private static AddSource AddSourceOf(string text)
    {
        if (GitSource().Match(text) is { Success: true } git)
            return new AddSource.Git(git.Groups[1].Value, git.Groups[2].Success ? git.Groups[2].Value : null);
        if ((text.StartsWith("http://", StringComparison.Ordinal) || text.StartsWith("https://", StringComparison.Ordinal))
            && Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.AbsoluteUri == text)
            return new AddSource.Url(uri);
        return new AddSource.Local(Expandable.Literal(text));
    }

    [GeneratedRegex(@"^((?:https?://|git@|git://|ssh://)[^#\s]*\.git)(?:#([^\s]+))?\z")]
    private static partial Regex GitSource();

    protected override (string Header, IReadOnlyList<string> Body) Write(DockerfileSyntax syntax, AddInstruction add) =>
        ("ADD " + AddFlags(syntax, add) + DockerfileEmitter.Paths(syntax, [.. add.Sources.Select(AddSourceText), add.Destination.Value]), []);

    private static string AddFlags(DockerfileSyntax syntax, AddInstruction add)
    {
        var flags = new StringBuilder();
        foreach (var source in add.Sources)
        {
            switch (source)
            {
                case AddSource.Url { Checksum: { } sum }:
                    flags.Append("--checksum=").Append(sum).Append(' ');
                    break;
                case AddSource.Git git:
                    if (git.KeepGitDir) flags.Append("--keep-git-dir=true ");
                    if (git.Checksum is { } commit) flags.Append("--checksum=").Append(commit).Append(' ');
                    break;
            }
        }
        CopyFlagsCodec.Write(syntax, flags, add.Options);
        if (add.Unpack is { } unpack) flags.Append("--unpack=").Append(unpack ? "true" : "false").Append(' ');
        return flags.ToString();
    }

    private static Expandable AddSourceText(AddSource source) => source switch
    {
        AddSource.Url url => Expandable.Literal(url.Address.AbsoluteUri),
        AddSource.Git git => Expandable.Literal(git.Ref is null ? git.Repository : git.Repository + "#" + git.Ref),
        AddSource.Local local => local.Path.Value,
        _ => throw new InvalidOperationException("unknown ADD source"),
    };

    protected override void Check(DockerfileValidator.Scope scope, AddInstruction add)
    {
        var site = scope.Site;
        if (add.Sources.Count == 0) site.Add("sources", "ADD needs at least one source.", "pass an AddSource.");
        foreach (var source in add.Sources) CheckSource(site, source);
        site.Path("destination", add.Destination.Value, add.Destination);
        CopyFlagsCodec.Check(site, add.Options);
        if (add.Options.Parents) site.Add("--parents", "ADD does not support --parents.", "use COPY with Parents = true.");
        if (add.Sources.Count > 1 && add.Sources.Any(s => s is AddSource.Url { Checksum: not null } or AddSource.Git { Checksum: not null }))
            site.Add("--checksum", "ADD --checksum applies to a single source.", "use one ADD per checksum-pinned source.");
    }

    private static void CheckSource(DockerfileValidator.Site site, AddSource source)
    {
        switch (source)
        {
            case AddSource.Url url:
                if (url.Address is null || !url.Address.IsAbsoluteUri || url.Address.Scheme is not ("http" or "https"))
                    site.Add("source URL", $"'{url.Address}' is not an http(s) URL.", "pass an absolute http:// or https:// address.");
                else site.SingleLine("source URL", url.Address.AbsoluteUri);
                if (url.Checksum is { } sum && !Checksum().IsMatch(sum))
                    site.Add("--checksum", $"'{DockerfileValidator.Show(sum)}' is not a checksum.", "use sha256:<64 hex digits>.");
                break;
            case AddSource.Git git:
                if (site.SingleLine("git repository", git.Repository) && (git.Repository.Any(char.IsWhiteSpace) || git.Repository.Contains('#')))
                    site.Add("git repository", "The repository address contains whitespace or '#'.", "pass the ref separately (Ref = \"v1.0\").");
                if (git.Checksum is { } commit && !GitCommit().IsMatch(commit))
                    site.Add("--checksum", $"'{DockerfileValidator.Show(commit)}' is not a git commit hash.", "use the commit's lowercase hex hash.");
                if (git.Ref is { } gitRef && (gitRef.Length == 0 || gitRef.Any(char.IsWhiteSpace) || gitRef.Any(char.IsControl)))
                    site.Add("git ref", $"'{DockerfileValidator.Show(gitRef)}' is not a git ref.", "use a branch, tag or commit, e.g. v1.0.");
                else if (git.Ref is { } validRef) site.SingleLine("git ref", validRef);
                break;
            case AddSource.Local local:
                site.Path("source", local.Path.Value, local.Path);
                break;
        }
    }

    [GeneratedRegex(@"^sha256:[0-9a-f]{64}\z")]
    private static partial Regex Checksum();

    [GeneratedRegex(@"^[0-9a-f]{7,64}\z")]
    private static partial Regex GitCommit();

    protected override IEnumerable<(DockerfileFeature Feature, string Slot)> FeaturesOf(AddInstruction add)
    {
        foreach (var use in CopyFlagsCodec.Features(add.Options)) yield return use;
        if (add.Unpack is not null) yield return (DockerfileFeature.AddUnpack, "--unpack");
        foreach (var source in add.Sources)
        {
            switch (source)
            {
                case AddSource.Git git:
                    yield return (DockerfileFeature.AddGit, "source");
                    if (git.Checksum is not null) yield return (DockerfileFeature.AddGitChecksum, "--checksum");
                    break;
                case AddSource.Url { Checksum: not null }:
                    yield return (DockerfileFeature.AddChecksum, "--checksum");
                    break;
            }
        }
    }

    protected override IEnumerable<ContextRead> ContextReadsOf(AddInstruction add) =>
        add.Sources.OfType<AddSource.Local>().Select(l => new ContextRead(l.Path, Mounted: false));

    protected override ContainerPath? DestinationOf(AddInstruction add) => add.Destination;

    protected override IEnumerable<Expandable> ExpandedValuesOf(AddInstruction add) =>
        [.. add.Sources.OfType<AddSource.Local>().Select(s => s.Path.Value), add.Destination.Value, .. Chown(add.Options)];

    protected override string ToCSharp(CSharpModel model, AddInstruction add) => add.Sources is [var source]
        ? $"Add({AddSourceOf(model, source)}, {model.Value(add.Destination.Value)}{CopyFlagsCodec.Argument(model, add.Options, add.Unpack is not null)}{(add.Unpack is { } unpack ? ", unpack: " + CSharpModel.Bool(unpack) : "")})"
        : $"Append(new AddInstruction(ValueList.Of<AddSource>({string.Join(", ", add.Sources.Select(s => AddSourceOf(model, s)))}), {model.Value(add.Destination.Value, cast: true)}, {CopyFlagsCodec.ToCSharp(model, add.Options)}, {(add.Unpack is { } u ? CSharpModel.Bool(u) : "null")}))";

    private static string AddSourceOf(CSharpModel model, AddSource source) => source switch
    {
        AddSource.Url url => $"new AddSource.Url(new System.Uri({CSharpText.String(url.Address.AbsoluteUri)}){(url.Checksum is { } sum ? ", " + CSharpText.String(sum) : "")})",
        AddSource.Git git => $"new AddSource.Git({CSharpText.String(git.Repository)}"
                             + (git.Ref is { } gitRef ? ", " + CSharpText.String(gitRef) : "")
                             + (git.KeepGitDir ? ", KeepGitDir: true" : "")
                             + (git.Checksum is { } commit ? ", Checksum: " + CSharpText.String(commit) : "") + ")",
        AddSource.Local local => $"new AddSource.Local({model.Value(local.Path.Value, cast: true)})",
        _ => throw new NotSupportedException(source.GetType().Name),
    };

    protected override LineShape ShapeOf(AddInstruction instruction) => new LineShape.Items(OnePerLine: true);
}
