using System.Globalization;
using System.Text.RegularExpressions;
using Fluent.Docker.Emit;
using Fluent.Docker.Import;
using Fluent.Docker.Parsing;

namespace Fluent.Docker.Codecs;

/// <summary>EXPOSE <c>port[/protocol] …</c>: literal ports only.</summary>
internal sealed partial class ExposeCodec : InstructionCodec<ExposeInstruction>
{
    public override IReadOnlyList<string> Commands => ["expose"];

    public override IReadOnlyList<Instruction>? Read(InstructionNode node, Dockerfile file, DockerfileReader.Context context)
    {
        DockerfileReader.AtLeastOne(node);
        DockerfileReader.NoFlags(node);
        var ports = new List<Port>();
        foreach (var word in node.Arguments)
        {
            var match = context.Analyze(word).LiteralText is { } literal ? PortPattern().Match(literal) : Match.Empty;
            if (!match.Success || !int.TryParse(match.Groups[1].Value, CultureInfo.InvariantCulture, out var number)) return null;
            var protocol = match.Groups[2].Success ? Enum.Parse<PortProtocol>(match.Groups[2].Value, ignoreCase: true) : PortProtocol.Tcp;
            ports.Add(new Port(number, protocol));
        }
        return [new ExposeInstruction(ValueList.From(ports))];
    }

    [GeneratedRegex(@"^([0-9]{1,5})(?:/(tcp|udp|sctp))?\z", RegexOptions.IgnoreCase)]
    private static partial Regex PortPattern();

    protected override (string Header, IReadOnlyList<string> Body) Write(DockerfileSyntax syntax, ExposeInstruction expose) =>
        ("EXPOSE " + string.Join(" ", expose.Ports.Select(PortText)), []);

    private static string PortText(Port port) => port.Protocol == PortProtocol.Tcp
        ? port.Number.ToString(CultureInfo.InvariantCulture)
        : port.ConfigKey;

    protected override void Check(DockerfileValidator.Scope scope, ExposeInstruction expose)
    {
        if (expose.Ports.Count == 0) scope.Site.Add("ports", "EXPOSE needs at least one port.", "pass a port, e.g. 8080.");
        foreach (var port in expose.Ports) scope.Site.Value($"port {port.Number}", port);
    }

    protected override BuildState ApplyTo(BuildState state, ExposeInstruction expose, BuildInputs inputs) =>
        state with { Config = state.Config with { ExposedPorts = ValueList.From(state.Config.ExposedPorts.Concat(expose.Ports.Select(p => p.ConfigKey)).Distinct().Order(StringComparer.Ordinal)) } };

    protected override string ToCSharp(CSharpModel model, ExposeInstruction expose) => $"Expose({string.Join(", ", expose.Ports.Select(PortOf))})";

    private static string PortOf(Port port) => port.Protocol switch
    {
        PortProtocol.Udp => $"Port.Udp({port.Number.ToString(CultureInfo.InvariantCulture)})",
        PortProtocol.Sctp => $"Port.Sctp({port.Number.ToString(CultureInfo.InvariantCulture)})",
        _ => port.Number.ToString(CultureInfo.InvariantCulture),
    };

    protected override LineShape ShapeOf(ExposeInstruction instruction) => new LineShape.Items(OnePerLine: false);
}
