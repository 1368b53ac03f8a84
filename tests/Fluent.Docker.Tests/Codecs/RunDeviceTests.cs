using System.Runtime.Loader;
using Fluent.Docker.Import;
using Fluent.Docker.Parsing;
using Fluent.Docker.Tests.TypeSafety;

using Fluent.Docker.Tests.Import;

namespace Fluent.Docker.Tests.Codecs;

/// <summary>
/// RUN <c>--device</c> (Dockerfile labs syntax), added as one codec file: emitted, read like BuildKit's ParseDevice
/// (cases from instructions/commands_rundevice_test.go), validated, gated to a labs frontend, and imported as C#.
/// </summary>
public class RunDeviceTests
{
    private static readonly BuilderProfile Labs = BuilderProfile.DockerfileFrontend("1.14-labs");

    private static Dockerfile WithDevices(BuilderProfile frontend, params RunOption[] options) =>
        Dockerfile.Create(Stage.Named("app").From("busybox:1.36").Run("nvidia-smi", options)).WithFrontend(frontend);

    private static RunInstruction ReadRun(string flags) =>
        Assert.IsType<RunInstruction>(Dockerfile.Parse($"# syntax=docker/dockerfile:1.14-labs\nFROM busybox:1.36\nRUN {flags} true\n").Stages[0].Instructions[0]);

    [Fact]
    public void A_device_is_written_name_first_with_required_as_a_bare_field()
    {
        var file = WithDevices(Labs, new RunDevice("nvidia.com/gpu=all") { Required = true }, new RunDevice("vendor1.com/device=foo"), RunNetwork.None);

        Assert.Equal("""
            # syntax=docker/dockerfile:1.14-labs

            FROM busybox:1.36 AS app
            RUN --device=nvidia.com/gpu=all,required --device=vendor1.com/device=foo --network=none nvidia-smi

            """, file.Emit());
    }

    [Theory]
    [InlineData("--device=vendor1.com/device=foo", "vendor1.com/device=foo", false)]
    [InlineData("--device=vendor1.com/device=foo,required", "vendor1.com/device=foo", true)]
    [InlineData("--device=vendor1.com/device=foo,required=true", "vendor1.com/device=foo", true)]
    [InlineData("--device=vendor1.com/device=foo,required=false", "vendor1.com/device=foo", false)]
    [InlineData("--device=name=vendor1.com/device=foo", "vendor1.com/device=foo", false)]
    [InlineData("--device=name=vendor1.com/device=foo,REQUIRED", "vendor1.com/device=foo", true)]
    public void BuildKit_device_fields_read_into_the_model(string flag, string name, bool required)
    {
        var run = ReadRun(flag);

        Assert.Equal([new RunDevice(name) { Required = required }], run.Options);
    }

    [Theory]
    [InlineData("--device=vendor1.com/device=foo,name=vendor2.com/device=bar", "device name already set to vendor1.com/device=foo")]
    [InlineData("--device=a.com/b=c,required=maybe", "invalid value for required: maybe")]
    [InlineData("--device=a.com/b=c,extra", "invalid field 'extra' must be a key=value pair")]
    [InlineData("--device=a.com/b=c,size=1", "unexpected key 'size' in 'size=1'")]
    public void BuildKit_device_errors_are_read_errors_with_its_message(string flag, string message)
    {
        var error = Assert.Throws<DockerfileParseException>(() => Dockerfile.Parse($"# syntax=docker/dockerfile:1.14-labs\nFROM busybox:1.36\nRUN {flag} true\n"));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--device=required")]
    [InlineData("--device=a.com/$GPU")]
    public void A_device_the_model_cannot_name_stays_raw(string flag)
    {
        var instruction = Dockerfile.Parse($"# syntax=docker/dockerfile:1.14-labs\nFROM busybox:1.36\nRUN {flag} true\n").Stages[0].Instructions[0];

        Assert.Equal(new RawInstruction($"RUN {flag} true"), instruction);
    }

    [Fact]
    public void Devices_read_back_equal_and_keep_their_place_after_mounts_network_and_security()
    {
        var file = WithDevices(Labs, Mount.Cache("/root/.cache"), RunNetwork.Host, RunSecurity.Insecure, new RunDevice("nvidia.com/gpu=all") { Required = true }, new RunDevice("amd.com/gpu=0"));

        Assert.Equal(file, Dockerfile.Parse(file.Emit()));
    }

    [Theory]
    [InlineData(null, "The builtin Dockerfile frontend (Dockerfile 1.19) does not know RUN --device")]
    [InlineData("1.14", "docker/dockerfile:1.14 does not know RUN --device")]
    [InlineData("1.7-labs", "docker/dockerfile:1.7-labs does not know RUN --device")]
    public void A_device_needs_a_labs_frontend_from_1_14(string? version, string message)
    {
        var file = WithDevices(version is null ? BuilderProfile.Builtin : BuilderProfile.DockerfileFrontend(version), new RunDevice("nvidia.com/gpu=all"));

        var error = Assert.Single(file.Validate());
        Assert.Equal("--device", error.Location.Slot);
        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
        Assert.Contains("1.14-labs", error.Fix, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1.14-labs")]
    [InlineData("1.15.1-labs")]
    [InlineData("1-labs")]
    public void Labs_frontends_from_1_14_and_custom_frontends_accept_a_device(string version)
    {
        Assert.Empty(WithDevices(BuilderProfile.DockerfileFrontend(version), new RunDevice("nvidia.com/gpu=all")).Validate());
        Assert.Empty(WithDevices(BuilderProfile.CustomFrontend("docker/dockerfile-upstream:master"), new RunDevice("nvidia.com/gpu=all")).Validate());
    }

    [Fact]
    public void On_the_builtin_frontend_the_reader_keeps_a_device_raw()
    {
        Assert.Equal(new RawInstruction("RUN --device=nvidia.com/gpu=all true"), Dockerfile.Parse("FROM busybox:1.36\nRUN --device=nvidia.com/gpu=all true\n").Stages[0].Instructions[0]);
    }

    [Theory]
    [InlineData("")]
    [InlineData("a.com/gpu=0,required")]
    [InlineData("a.com/gpu 0")]
    [InlineData("a.com/\"gpu\"")]
    [InlineData("a.com/$GPU")]
    [InlineData("a.com/gpü")]
    [InlineData("required")]
    [InlineData("Required=true")]
    [InlineData("name=a.com/gpu=0")]
    public void A_name_the_flag_cannot_carry_is_a_typed_error(string name)
    {
        var error = Assert.Single(WithDevices(Labs, new RunDevice(name)).Validate());

        Assert.Equal("--device", error.Location.Slot);
        Assert.Contains("nvidia.com/gpu=all", error.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void A_device_imports_as_the_record_and_rebuilds_the_model()
    {
        var model = WithDevices(Labs, new RunDevice("nvidia.com/gpu=all") { Required = true }, new RunDevice("amd.com/gpu=0"));

        var code = DockerfileImporter.ToCSharp(model);

        Assert.Contains("""Run("nvidia-smi", new RunDevice("nvidia.com/gpu=all") { Required = true }, new RunDevice("amd.com/gpu=0"))""", code, StringComparison.Ordinal);
        var built = ImportedCode.Build(code, "Devices");
        Assert.Equal(model, built);
    }
}
