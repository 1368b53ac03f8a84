using Fluent.Docker.Emit;
using Fluent.Docker.Import;
using Fluent.Docker.Parsing;

namespace Fluent.Docker.Codecs;

/// <summary>RUN <c>--network=default|none|host</c>.</summary>
internal sealed class RunNetworkFlag : RunFlagCodec<RunNetwork>
{
    public override string Flag => "network";

    public override BuilderFlags.Kind Kind => BuilderFlags.Kind.Value;

    public override int ReadOrder => 1;

    public override bool Read(BuilderFlags flags, Dockerfile file, DockerfileReader.Context context, List<RunOption> options)
    {
        if (flags.String(Flag) is { } network)
            options.Add(network switch
            {
                "none" => RunNetwork.None,
                "host" => RunNetwork.Host,
                "default" => RunNetwork.Default,
                _ => throw new InstructionSyntaxException($"unsupported network mode {GoText.Quote(network)}"),
            });
        return true;
    }

    protected override string Write(DockerfileSyntax syntax, RunNetwork network) => "--network=" + network.Mode.ToString().ToLowerInvariant();

    protected override void RequireFrontend(BuilderProfile frontend, DockerfileValidator.Site site, RunNetwork network) =>
        BuildahFeatures.Require(frontend, site, "--network", BuilderFeature.RunNetwork);

    protected override string ToCSharp(CSharpModel model, RunNetwork network) => "RunNetwork." + network.Mode;

    /// <summary>The host's network needs the <c>network.host</c> entitlement.</summary>
    public override bool NeedsEntitlement(RunOption option) => option is RunNetwork { Mode: NetworkMode.Host };
}
