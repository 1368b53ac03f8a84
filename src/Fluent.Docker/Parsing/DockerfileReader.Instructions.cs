using System.Globalization;
namespace Fluent.Docker.Parsing;

// What the instruction codecs (Fluent.Docker.Codecs) share when they read a node: BuildKit's argument-count and
// flag checks (instructions/parse.go) throw; what the typed model cannot say returns null, and the node is kept raw.
public static partial class DockerfileReader
{
    /// <summary>The instructions of one node (its codec's reading); null when kept raw.</summary>
    internal static IReadOnlyList<Instruction>? ReadTyped(InstructionNode node, Dockerfile file, Context context) =>
        Codecs.InstructionCodecs.Read(node, file, context);

    internal static void NoFlags(InstructionNode node) => BuilderFlags.Parse(node.Flags);

    internal static void ExactlyOne(InstructionNode node)
    {
        if (node.Arguments.Count != 1) throw new InstructionSyntaxException($"{node.Command.ToUpperInvariant()} requires exactly one argument");
    }

    internal static void AtLeastOne(InstructionNode node)
    {
        if (node.Arguments.Count == 0) throw new InstructionSyntaxException($"{node.Command.ToUpperInvariant()} requires at least one argument");
    }

    /// <summary>The (key, value) pairs of ENV/LABEL: the parser gives key, value, separator triples.</summary>
    internal static List<(string Key, string Value)> Pairs(InstructionNode node)
    {
        NoFlags(node);
        AtLeastOne(node);
        var pairs = new List<(string, string)>();
        for (var i = 0; i + 1 < node.Arguments.Count; i += 3)
        {
            if (node.Arguments[i].Length == 0) throw new InstructionSyntaxException($"{node.Command.ToUpperInvariant()} names can not be blank");
            pairs.Add((node.Arguments[i], node.Arguments[i + 1]));
        }
        return pairs;
    }

    /// <summary>Exec form from JSON, shell form otherwise; null for an empty shell form (kept raw).</summary>
    internal static CommandLine? ReadCommand(InstructionNode node) =>
        node.IsJson ? new CommandLine.Exec(ValueList.From(node.Arguments))
        : node.Arguments is [var shell] ? new CommandLine.Shell(shell)
        : null;

    internal static (List<string> Sources, string Destination) SourcesAndDestination(InstructionNode node)
    {
        if (node.Arguments.Count < 2)
            throw new InstructionSyntaxException($"{node.Command.ToUpperInvariant()} requires at least two arguments, but only one was provided. Destination could not be determined");
        var destination = node.Arguments[^1];
        if (DockerfileSyntaxParser.ParseHeredoc(destination) is not null)
            throw new InstructionSyntaxException($"{node.Command.ToUpperInvariant()} cannot accept a heredoc as a destination");
        return ([.. node.Arguments.Take(node.Arguments.Count - 1)], destination);
    }

    /// <summary><c>--from</c> / <c>from=</c>: an earlier stage (by name or index), else an image reference.</summary>
    internal static ArtifactSource? ReadSource(string text, Dockerfile file, Context context)
    {
        if (context.Analyze(text).LiteralText is not { Length: > 0 } name) return null;
        if (file.Stages.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase)) is { } stage) return stage;
        if (name.All(char.IsAsciiDigit) && int.TryParse(name, CultureInfo.InvariantCulture, out var index))
        {
            if (index < file.Stages.Count && file.Stages[index] is { Name: not null } byIndex) return byIndex;
            return null;
        }
        if (context.StageNames.Contains(name.ToLowerInvariant())) return null; // a stage of this file that is not earlier
        if (ImageReference.TryParse(name, out var image) && image.ToString() == name) return image;
        return null;
    }

    /// <summary><c>user[:group]</c>: UserSpec splits it the same way BuildKit's text reads back.</summary>
    internal static UserSpec UserOf(Expandable text) => UserSpec.Named(text);
}
