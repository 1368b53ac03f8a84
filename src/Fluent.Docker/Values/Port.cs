namespace Fluent.Docker;

public enum PortProtocol { Tcp, Udp, Sctp }

/// <summary>A container port with its protocol (EXPOSE). An int converts implicitly to a TCP port.</summary>
public readonly record struct Port : IDockerValue
{
    public Port(int number, PortProtocol protocol = PortProtocol.Tcp)
    {
        Number = number;
        Protocol = protocol;
    }

    public int Number { get; }
    public PortProtocol Protocol { get; }

    public static Port Tcp(int number) => new(number, PortProtocol.Tcp);
    public static Port Udp(int number) => new(number, PortProtocol.Udp);
    public static Port Sctp(int number) => new(number, PortProtocol.Sctp);

    public static implicit operator Port(int number) => new(number);

    /// <summary>A port outside 1-65535: FD0021, a blocking rule, so the problem carries the rule's id.</summary>
    public Problem? Problem => Rules.DockerfileFacts.IsPortInRange(Number) ? null
        : Problem.InvalidValue($"Port {Number} is outside 1-65535.", "expose the port the application listens on, e.g. 8080.") with { Code = Rules.RuleIds.PortOutOfRange };

    /// <summary>The image-config key: <c>8080/tcp</c>.</summary>
    public string ConfigKey => $"{Number}/{Protocol.ToString().ToLowerInvariant()}";

    public override string ToString() => ConfigKey;
}
