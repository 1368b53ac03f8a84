using Fluent.Docker.Emit;
using Fluent.Docker.Import;
using Fluent.Docker.Parsing;

namespace Fluent.Docker.Codecs;

/// <summary>RUN <c>--security=sandbox|insecure</c>.</summary>
internal sealed class RunSecurityFlag : RunFlagCodec<RunSecurity>
{
    public override string Flag => "security";

    public override BuilderFlags.Kind Kind => BuilderFlags.Kind.Value;

    public override int ReadOrder => 2;

    public override bool Read(BuilderFlags flags, Dockerfile file, DockerfileReader.Context context, List<RunOption> options)
    {
        if (flags.String(Flag) is { } security)
            options.Add(security switch
            {
                "insecure" => RunSecurity.Insecure,
                "sandbox" => RunSecurity.Sandbox,
                _ => throw new InstructionSyntaxException($"unsupported security mode {GoText.Quote(security)}"),
            });
        return true;
    }

    protected override string Write(DockerfileSyntax syntax, RunSecurity security) => "--security=" + security.Mode.ToString().ToLowerInvariant();

    protected override void RequireFrontend(BuilderProfile frontend, DockerfileValidator.Site site, RunSecurity security) =>
        BuildahFeatures.Require(frontend, site, "--security", BuilderFeature.RunSecurity);

    protected override string ToCSharp(CSharpModel model, RunSecurity security) => "RunSecurity." + security.Mode;

    /// <summary>A privileged step needs the <c>security.insecure</c> entitlement.</summary>
    public override bool NeedsEntitlement(RunOption option) => option is RunSecurity { Mode: SecurityMode.Insecure };
}
