using Fluent.Docker.Templates;

namespace Fluent.Docker.Tests.Templates;

/// <summary>
/// <see cref="TemplateOptions.ExtraCaCertificates"/>: the dependency steps of every template that downloads packages
/// mount the secret and set the variables their tools read; no other step, no ENV and no final stage does.
/// </summary>
public class ExtraCaCertificatesTests
{
    private static readonly ExtraCaCertificates CorpCa = ExtraCaCertificates.FromSecret(new SecretId("corp-ca"));

    public static TheoryData<string, string> DependencySteps => new()
    {
        { "dotnet", "dotnet restore" },
        { "node", "npm ci --no-audit --no-fund --omit=dev" },
        { "node-build", "npm ci --no-audit --no-fund" },
        { "python", "pip --python" },
        { "go", "go mod download" },
        { "static", "npm ci --no-audit --no-fund" },
    };

    private static Dockerfile Make(string template) => template switch
    {
        "dotnet" => DotNetTemplate.Create("team/api", new DotNetOptions { ExtraCaCertificates = CorpCa }).Dockerfile,
        "node" => NodeTemplate.Create("team/api", new NodeOptions { ExtraCaCertificates = CorpCa }).Dockerfile,
        "node-build" => NodeTemplate.Create("team/api", new NodeOptions { ExtraCaCertificates = CorpCa, BuildScript = "build" }).Dockerfile,
        "python" => PythonTemplate.Create("team/api", new PythonOptions { ExtraCaCertificates = CorpCa }).Dockerfile,
        "go" => GoTemplate.Create("team/api", new GoOptions { ExtraCaCertificates = CorpCa }).Dockerfile,
        "static" => StaticSiteTemplate.Create("team/site", new StaticSiteOptions { ExtraCaCertificates = CorpCa }).Dockerfile,
        _ => throw new ArgumentOutOfRangeException(nameof(template)),
    };

    private static IEnumerable<RunInstruction> AllRuns(Dockerfile file) => file.Stages.SelectMany(s => s.Instructions).OfType<RunInstruction>();

    private static string Text(RunInstruction run) => ((CommandLine.Shell)run.Command).Command;

    [Theory]
    [MemberData(nameof(DependencySteps))]
    public void Dependency_steps_mount_the_secret_and_set_the_variables_their_tools_read(string template, string step)
    {
        var steps = AllRuns(Make(template)).Where(r => Text(r).Contains(step, StringComparison.Ordinal)).ToList();

        Assert.NotEmpty(steps);
        Assert.All(steps, run =>
        {
            var secret = Assert.Single(run.Options.OfType<SecretMount>());
            Assert.Equal("corp-ca", secret.Id.Id);
            Assert.True(secret.Required); // a build without the certificate fails at the step, not later
            Assert.Equal("/run/fluent-docker-ca", Assert.Single(run.Options.OfType<TmpfsMount>()).Target.ToString());
            Assert.Contains(run.Options, o => o is CacheMount); // the package cache stays
            var text = Text(run);
            Assert.StartsWith("cat /etc/ssl/certs/ca-certificates.crt /run/secrets/corp-ca > /run/fluent-docker-ca/ca-bundle.pem", text, StringComparison.Ordinal);
            Assert.Contains("SSL_CERT_FILE=/run/fluent-docker-ca/ca-bundle.pem NODE_EXTRA_CA_CERTS=/run/secrets/corp-ca PIP_CERT=/run/fluent-docker-ca/ca-bundle.pem " + step, text, StringComparison.Ordinal);
        });
    }

    [Theory]
    [MemberData(nameof(DependencySteps))]
    public void No_other_step_no_env_and_no_final_stage_sees_the_certificates(string template, string step)
    {
        var file = Make(template);
        var others = AllRuns(file).Where(r => !Text(r).Contains(step, StringComparison.Ordinal));

        Assert.All(others, run => Assert.DoesNotContain(run.Options, o => o is SecretMount or TmpfsMount));
        Assert.All(others, run => Assert.DoesNotContain("corp-ca", Text(run), StringComparison.Ordinal));
        Assert.DoesNotContain(file.Stages.SelectMany(s => s.Instructions).OfType<EnvInstruction>().SelectMany(e => e.Variables),
            v => v.Name is "SSL_CERT_FILE" or "NODE_EXTRA_CA_CERTS" or "PIP_CERT");
        Assert.DoesNotContain(file.FinalStage!.Instructions.OfType<RunInstruction>(), r => r.Options.Any(o => o is SecretMount));
    }

    [Fact]
    public void Without_the_option_no_step_mounts_a_secret()
    {
        var file = PythonTemplate.Create("team/api").Dockerfile;

        Assert.DoesNotContain(AllRuns(file), r => r.Options.Any(o => o is SecretMount or TmpfsMount));
    }

    [Fact]
    public void Maven_builds_refuse_the_option_with_a_fix()
    {
        var error = Assert.Throws<TemplateOptionsException>(() => JavaTemplate.Create("team/api",
            new JavaOptions { Build = new JavaBuild.Maven(), ExtraCaCertificates = CorpCa }));

        var problem = Assert.Single(error.Problems);
        Assert.Equal("ExtraCaCertificates", problem.Location.Slot);
        Assert.Contains("trust store", problem.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void Javac_builds_download_nothing_and_accept_the_option()
    {
        var file = JavaTemplate.Create("team/api", new JavaOptions { ExtraCaCertificates = CorpCa }).Dockerfile;

        Assert.DoesNotContain(AllRuns(file), r => r.Options.Any(o => o is SecretMount));
    }

    [Fact]
    public void A_secret_id_that_is_not_one_is_refused_on_the_option()
    {
        var error = Assert.Throws<TemplateOptionsException>(() => GoTemplate.Create("team/api",
            new GoOptions { ExtraCaCertificates = ExtraCaCertificates.FromSecret(new SecretId("corp ca")) }));

        Assert.Equal("ExtraCaCertificates", Assert.Single(error.Problems).Location.Slot);
    }

    [Fact]
    public void Emitted_step_reads_the_secret_with_the_mounts_buildkit_expects()
    {
        var text = PythonTemplate.Create("team/api", new PythonOptions { ExtraCaCertificates = CorpCa }).Dockerfile.Emit(Fluent.Docker.Tests.Emit.EmitKit.Unwrapped);

        Assert.Contains("RUN --mount=type=cache,target=/root/.cache/pip,id=pip --mount=type=secret,id=corp-ca,required=true --mount=type=tmpfs,target=/run/fluent-docker-ca cat ", text, StringComparison.Ordinal);
    }
}
