using Fluent.Docker.Conformance;
using Fluent.Docker.Linting;
using Fluent.Docker.Rules;
using Fluent.Docker.Templates;

namespace Fluent.Docker.Tests.Templates;

/// <summary>
/// Each template's HEALTHCHECK needs nothing from the app: by default a TCP connect to its port, run with what the
/// runtime image has (exec form); <see cref="HealthProbe.Http"/> GETs a path; the user can replace or drop it; an app
/// on no port gets <c>HEALTHCHECK NONE</c>; and our own lint stays quiet on every variant.
/// </summary>
public class TemplateHealthcheckTests
{
    private const string Probe = "/usr/local/bin/health-probe";

    public static TheoryData<string, string[]> DefaultProbes => new()
    {
        { "go", [Probe, "tcp", "8080"] },
        { "go-distroless", [Probe, "tcp", "8080"] },
        { "node", ["node", "-e", "require('net').connect(3000, '127.0.0.1', function () { this.end(); process.exit(0); }).on('error', () => process.exit(1))"] },
        { "python-venv", ["python", "-c", "import socket; socket.create_connection(('127.0.0.1', 8000), timeout=4).close()"] },
        { "java-jre", ["bash", "-c", ": </dev/tcp/127.0.0.1/8080"] },
        { "java-maven-jlink", ["bash", "-c", ": </dev/tcp/127.0.0.1/8080"] },
        { "dotnet-aspnet", ["bash", "-c", ": </dev/tcp/127.0.0.1/8080"] },
        { "static-npm", ["wget", "-q", "-O", "/dev/null", "http://127.0.0.1:8080/"] },
    };

    public static TheoryData<string, string[]> HttpProbes => new()
    {
        { "go", [Probe, "http", "8080", "/healthz?full=1"] },
        { "node", ["node", "-e", "require('http').get({ host: '127.0.0.1', port: 3000, path: '/healthz?full=1', timeout: 4000 }, r => process.exit(r.statusCode >= 200 && r.statusCode < 400 ? 0 : 1)).on('timeout', () => process.exit(1)).on('error', () => process.exit(1))"] },
        { "python-venv", ["python", "-c", "import http.client, sys; c = http.client.HTTPConnection('127.0.0.1', 8000, timeout=4); c.request('GET', '/healthz?full=1'); sys.exit(0 if 200 <= c.getresponse().status < 400 else 1)"] },
        { "java-jre", ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/8080 && printf 'GET %s HTTP/1.0\\r\\nHost: 127.0.0.1:8080\\r\\nConnection: close\\r\\n\\r\\n' '/healthz?full=1' >&3 && read -r -t 4 _ status _ <&3 && [[ $status == [23][0-9][0-9] ]]"] },
        { "dotnet-aspnet", ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/8080 && printf 'GET %s HTTP/1.0\\r\\nHost: 127.0.0.1:8080\\r\\nConnection: close\\r\\n\\r\\n' '/healthz?full=1' >&3 && read -r -t 4 _ status _ <&3 && [[ $status == [23][0-9][0-9] ]]"] },
        { "static-npm", ["wget", "-q", "-O", "/dev/null", "http://127.0.0.1:8080/healthz?full=1"] },
    };

    public static TheoryData<string> Keys => new(TemplateSamples.All.Select(s => s.Key));

    private static ImageDefinition Make(string key, Func<TemplateOptions, TemplateOptions> edit)
    {
        var sample = TemplateSamples.Get(key);
        return sample.Make(edit(sample.Options));
    }

    private static HealthcheckConfig? HealthOf(ImageDefinition definition) => ImageConfigProjection.Project(definition.Dockerfile).Healthcheck;

    private static HealthcheckInstruction HealthInstruction(ImageDefinition definition) =>
        Assert.Single(definition.Dockerfile.FinalStage!.Instructions.OfType<HealthcheckInstruction>());

    /// <summary>No error, no warning, and neither FD0023 (no HEALTHCHECK) nor FD0107 (a replaced one) from our own lint.</summary>
    private static void AssertLintQuiet(ImageDefinition definition)
    {
        Assert.Empty(definition.Dockerfile.Validate());
        var lint = Linter.Lint(definition);
        Assert.DoesNotContain(lint.Diagnostics, d => d.Severity >= ProblemSeverity.Warning);
        Assert.DoesNotContain(lint.Diagnostics, d => d.Code is RuleIds.FinalStageWithoutHealthcheck or RuleIds.MultipleInstructions);
    }

    [Theory]
    [MemberData(nameof(DefaultProbes))]
    public void Default_probe_connects_to_the_port_with_what_the_runtime_image_has(string key, string[] command)
    {
        var health = HealthOf(TemplateSamples.Get(key).Definition)!;

        Assert.Equal(["CMD", .. command], health.Test);
        Assert.DoesNotContain(health.Test, a => a.Contains("healthcheck", StringComparison.OrdinalIgnoreCase)); // no second copy of the app
    }

    [Theory]
    [MemberData(nameof(HttpProbes))]
    public void Http_probe_gets_the_named_path(string key, string[] command)
    {
        var definition = Make(key, o => o with { Health = HealthProbe.Http("/healthz?full=1") });

        Assert.Equal(["CMD", .. command], HealthOf(definition)!.Test);
        AssertLintQuiet(definition);
    }

    [Theory]
    [MemberData(nameof(Keys))]
    public void Every_variant_keeps_the_lint_quiet_and_emits_one_exec_form_healthcheck(string key)
    {
        var listens = key != "dotnet-console"; // a worker has no port to GET from
        foreach (var health in new[] { null, listens ? HealthProbe.Http("/ready") : null, HealthProbe.None, HealthProbe.Command("/bin/probe", "--ready") })
        {
            var definition = Make(key, o => o with { Health = health ?? o.Health });

            AssertLintQuiet(definition);
            var line = Assert.Single(definition.Dockerfile.Emit(Fluent.Docker.Tests.Emit.EmitKit.Unwrapped).Split('\n'), l => l.StartsWith("HEALTHCHECK", StringComparison.Ordinal));
            Assert.True(line == "HEALTHCHECK NONE" || line.Contains(" CMD [\"", StringComparison.Ordinal), line);
        }
    }

    [Fact]
    public void Probes_run_with_the_templates_timings_and_slow_starters_get_a_longer_start_period()
    {
        var go = HealthInstruction(TemplateSamples.Get("go").Definition).Healthcheck;
        var java = HealthInstruction(TemplateSamples.Get("java-jre").Definition).Healthcheck;

        Assert.Equal((TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(2), 3),
            (go.Interval, go.Timeout, go.StartPeriod, go.StartInterval, go.Retries));
        Assert.Equal(TimeSpan.FromSeconds(15), java.StartPeriod);
    }

    [Fact]
    public void Go_compiles_the_static_probe_in_its_own_stage_on_the_build_platform_and_copies_only_the_binary()
    {
        var file = TemplateSamples.Get("go-distroless").Definition.Dockerfile;
        var probe = file.Stages.Single(s => s.Name == "health-probe");
        var source = Assert.Single(probe.Instructions.OfType<CopyContentInstruction>());
        var compile = ((CommandLine.Shell)probe.Instructions.OfType<RunInstruction>().Single().Command).Command;

        Assert.Equal(Platform.BuildPlatform, probe.Platform);
        Assert.Equal("golang:1.24", ((BaseImage.Image)probe.Base).Reference.ToString());
        Assert.Contains("package main", source.Content);
        Assert.DoesNotContain("\"net\"", source.Content); // raw syscalls keep it small
        Assert.StartsWith("CGO_ENABLED=0 GOOS=${TARGETOS} GOARCH=${TARGETARCH} go build -trimpath -ldflags=\"-s -w\"", compile);
        Assert.Contains(file.FinalStage!.Instructions, i => i is CopyInstruction { From: ArtifactSource.FromStage { Stage.Name: "health-probe" } } c
            && c.Sources.Single().ToString() == "/out/health-probe" && c.Destination.ToString() == Probe);
    }

    [Theory]
    [InlineData("go")]
    [InlineData("go-distroless")]
    public void Go_without_a_port_probe_has_no_probe_stage(string key)
    {
        foreach (var health in new[] { HealthProbe.None, HealthProbe.Command("/app", "-healthcheck") })
        {
            var file = Make(key, o => o with { Health = health }).Dockerfile;

            Assert.DoesNotContain(file.Stages, s => s.Name == "health-probe");
            Assert.DoesNotContain(file.Emit(), "health-probe", StringComparison.Ordinal);
        }
    }

    [Fact]
    public void None_drops_the_healthcheck_on_purpose()
    {
        var definition = Make("node", o => o with { Health = HealthProbe.None });

        Assert.Equal(["NONE"], HealthOf(definition)!.Test);
        Assert.Null(HealthInstruction(definition).Healthcheck.Test);
        AssertLintQuiet(definition);
    }

    [Fact]
    public void A_command_replaces_the_probe_and_takes_the_template_timings_it_leaves_unset()
    {
        var own = Make("java-jre", o => o with { Health = HealthProbe.Command("java", "-cp", "/app/app.jar", "example.Probe") });
        var timed = Make("go", o => o with { Health = HealthProbe.Command(Healthcheck.Exec("/app", "-healthcheck").WithInterval(TimeSpan.FromSeconds(10)).WithRetries(5)) });

        Assert.Equal(["CMD", "java", "-cp", "/app/app.jar", "example.Probe"], HealthOf(own)!.Test);
        Assert.Equal(TimeSpan.FromSeconds(15), HealthInstruction(own).Healthcheck.StartPeriod);
        var health = HealthInstruction(timed).Healthcheck;
        Assert.Equal(["CMD", "/app", "-healthcheck"], HealthOf(timed)!.Test);
        Assert.Equal((TimeSpan.FromSeconds(10), 5, TimeSpan.FromSeconds(5)), (health.Interval, health.Retries, health.Timeout));
        AssertLintQuiet(timed);
    }

    [Fact]
    public void A_dotnet_worker_gets_healthcheck_none_and_no_port()
    {
        var definition = TemplateSamples.Get("dotnet-console").Definition;
        var config = ImageConfigProjection.Project(definition.Dockerfile);

        Assert.Equal(["NONE"], config.Healthcheck!.Test);
        Assert.Empty(config.ExposedPorts);
        Assert.Null(config.GetEnv("PORT"));
        AssertLintQuiet(definition);
    }

    [Theory]
    [InlineData("go")]
    [InlineData("node")]
    [InlineData("python-venv")]
    [InlineData("java-jre")]
    public void An_app_on_no_port_gets_no_expose_no_port_variable_and_healthcheck_none(string key)
    {
        var definition = Make(key, o => o with { Port = null });
        var config = ImageConfigProjection.Project(definition.Dockerfile);

        Assert.Equal(["NONE"], config.Healthcheck!.Test);
        Assert.Empty(config.ExposedPorts);
        Assert.Null(config.GetEnv("PORT"));
        Assert.DoesNotContain(definition.Dockerfile.Stages, s => s.Name == "health-probe");
        AssertLintQuiet(definition);
    }

    [Fact]
    public void A_worker_can_still_ask_for_a_command()
    {
        var definition = Make("dotnet-console", o => o with { Health = HealthProbe.Command("dotnet", "Worker.dll", "--alive") });

        Assert.Equal(["CMD", "dotnet", "Worker.dll", "--alive"], HealthOf(definition)!.Test);
    }

    [Theory]
    [InlineData("go", "Port")] // no port to connect to
    [InlineData("dotnet-console", "Kind")]
    public void A_port_probe_without_a_port_is_refused(string key, string why)
    {
        var sample = TemplateSamples.Get(key);
        var options = why == "Port" ? sample.Options with { Port = null, Health = HealthProbe.Tcp } : sample.Options with { Health = HealthProbe.Http("/health") };

        var error = Assert.Throws<TemplateOptionsException>(() => sample.Make(options));

        var problem = Assert.Single(error.Problems);
        Assert.Equal((ProblemCodes.TemplateOption, "Health"), (problem.Code, problem.Location.Slot));
        Assert.Contains("listens on none", problem.Message);
        Assert.Contains("HealthProbe.None", problem.Fix);
    }

    [Fact]
    public void A_udp_port_gets_no_default_probe_and_refuses_a_tcp_one()
    {
        var udp = Make("go", o => o with { Port = Port.Udp(5353) });
        var error = Assert.Throws<TemplateOptionsException>(() => Make("go", o => o with { Port = Port.Udp(5353), Health = HealthProbe.Tcp }));

        Assert.Equal(["NONE"], HealthOf(udp)!.Test);
        Assert.Contains("5353/udp", Assert.Single(error.Problems).Message);
    }

    [Theory]
    [InlineData("health")]
    [InlineData("")]
    [InlineData("/he alth")]
    [InlineData("/it's")]
    [InlineData("/a\"b")]
    [InlineData("/a\\b")]
    [InlineData("/$HOME")]
    [InlineData("/100%")]
    [InlineData("/x\n")]
    public void Http_path_must_be_a_plain_url_path(string path)
    {
        var error = Assert.Throws<TemplateOptionsException>(() => NodeTemplate.Create("team/web", new NodeOptions { Health = HealthProbe.Http(path) }));

        var problem = Assert.Single(error.Problems);
        Assert.Equal((ProblemCodes.TemplateOption, "Health"), (problem.Code, problem.Location.Slot));
        Assert.Contains("not a URL path", problem.Message);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/health")]
    [InlineData("/api/v1/health?verbose=true&x=%2F")]
    [InlineData("/-._~!&()*+,;=:@")]
    public void Http_path_accepts_url_characters(string path) =>
        Assert.Equal(["CMD", Probe, "http", "8080", path], HealthOf(GoTemplate.Create("team/api", new GoOptions { Health = HealthProbe.Http(path) }))!.Test);

    [Fact]
    public void A_custom_command_must_have_a_program()
    {
        var empty = Assert.Throws<TemplateOptionsException>(() => GoTemplate.Create("team/api", new GoOptions { Health = HealthProbe.Command() }));
        var blank = Assert.Throws<TemplateOptionsException>(() => GoTemplate.Create("team/api", new GoOptions { Health = HealthProbe.Command(" ", "x") }));
        var none = Assert.Throws<TemplateOptionsException>(() => GoTemplate.Create("team/api", new GoOptions { Health = HealthProbe.Command(Healthcheck.None) }));

        Assert.All(new[] { empty, blank, none }, e => Assert.Equal("Health", Assert.Single(e.Problems).Location.Slot));
        Assert.Contains("HealthProbe.None", none.Problems[0].Fix);
    }

    [Fact]
    public void A_static_site_needs_a_port()
    {
        var error = Assert.Throws<TemplateOptionsException>(() => StaticSiteTemplate.Create("team/site", new StaticSiteOptions { Port = null }));

        Assert.Equal("Port", Assert.Single(error.Problems).Location.Slot);
    }

    [Fact]
    public void Static_site_tcp_probe_uses_busybox_nc()
    {
        var definition = StaticSiteTemplate.Create("team/site", new StaticSiteOptions { Health = HealthProbe.Tcp });

        Assert.Equal(["CMD", "nc", "127.0.0.1", "8080"], HealthOf(definition)!.Test);
    }

    [Fact]
    public void Probe_values_compare_by_value()
    {
        Assert.Equal(HealthProbe.Http("/a"), HealthProbe.Http("/a"));
        Assert.NotEqual(HealthProbe.Http("/a"), HealthProbe.Http("/b"));
        Assert.Same(HealthProbe.Tcp, HealthProbe.Tcp);
        Assert.IsType<HealthProbe.Disabled>(HealthProbe.None);
    }
}
