using Fluent.Docker.Codecs;
using Fluent.Docker.Emit;
using Fluent.Docker.Import;
using Fluent.Docker.Parsing;

// The record is public API, so it lives in the library's namespace; its codec sits next to it.
namespace Fluent.Docker;

/// <summary>
/// RUN <c>--device=NAME[,required]</c>: gives the command a device the builder exposes, named as CDI names it
/// (e.g. <c>nvidia.com/gpu=all</c>). Without <see cref="Required"/> the build goes on when the builder lacks it.
/// Dockerfile labs syntax: it needs <c>BuilderProfile.DockerfileFrontend("1.14-labs")</c> or later.
/// </summary>
public sealed record RunDevice(string Name) : RunOption
{
    /// <summary>Fail the build when the builder has no such device.</summary>
    public bool Required { get; init; }
}

/// <summary>
/// The <c>--device</c> flag, read like BuildKit's ParseDevice (instructions/commands_rundevice.go): CSV fields, the
/// first bare field is the name (or <c>name=</c>), <c>required</c> alone or <c>required=BOOL</c>.
/// </summary>
internal sealed class RunDeviceFlag : RunFlagCodec<RunDevice>
{
    /// <summary>The first docker/dockerfile labs release whose RUN knows --device.</summary>
    private static readonly Version LabsSince = new(1, 14);

    public override string Flag => "device";

    public override BuilderFlags.Kind Kind => BuilderFlags.Kind.Values;

    public override int ReadOrder => 3;

    public override bool Read(BuilderFlags flags, Dockerfile file, DockerfileReader.Context context, List<RunOption> options)
    {
        foreach (var value in flags.Strings(Flag))
        {
            if (Parse(value) is not { } device || Problem(device.Name) is not null) return false;
            options.Add(device);
        }
        return true;
    }

    /// <summary>BuildKit's ParseDevice; null for what the model cannot hold (no name).</summary>
    private static RunDevice? Parse(string value)
    {
        List<string> fields;
        try
        {
            fields = RunMountFlag.CsvFields(value);
        }
        catch (InstructionSyntaxException e)
        {
            throw new InstructionSyntaxException(e.Message.Replace("csv mounts", "csv devices", StringComparison.Ordinal));
        }
        var (name, required) = ("", false);
        foreach (var field in fields)
        {
            var equals = field.IndexOf('=', StringComparison.Ordinal);
            var key = (equals < 0 ? field : field[..equals]).ToLowerInvariant();
            var text = equals < 0 ? "" : field[(equals + 1)..];
            if (equals < 0 && key == "required") required = true;
            else if (equals >= 0 && key == "name")
            {
                if (name.Length > 0) throw new InstructionSyntaxException($"device name already set to {name}");
                name = text;
            }
            else if (equals >= 0 && key == "required")
                required = DockerfileReader.ParseGoBool(text) ?? throw new InstructionSyntaxException($"invalid value for {key}: {text}");
            else if (name.Length == 0) name = field;
            else if (equals < 0) throw new InstructionSyntaxException($"invalid field '{field}' must be a key=value pair");
            else throw new InstructionSyntaxException($"unexpected key '{key}' in '{field}'");
        }
        return name.Length == 0 ? null : new RunDevice(name) { Required = required };
    }

    protected override string Write(DockerfileSyntax syntax, RunDevice device) => "--device=" + device.Name + (device.Required ? ",required" : "");

    protected override void Check(DockerfileValidator.Scope scope, RunDevice device)
    {
        if (Problem(device.Name) is { } problem)
            scope.Site.Add("--device", problem, "name the device as the builder's CDI specs do, e.g. nvidia.com/gpu=all.");
    }

    /// <summary>Why <paramref name="name"/> cannot be written as the first field of --device, or null.</summary>
    private static string? Problem(string? name)
    {
        if (string.IsNullOrEmpty(name)) return "The device name is empty.";
        var shown = DockerfileValidator.Show(name);
        if (!name.All(c => c is > ' ' and <= '~' and not ('"' or '$' or '\'' or ',' or '\\' or '`')))
            return $"The device name '{shown}' has a character the --device flag cannot keep (blanks, commas, quotes, '$', '\\', '`' and non-ASCII are not allowed).";
        var key = name.Split('=')[0].ToLowerInvariant();
        if (key == "required" || (name.Contains('=', StringComparison.Ordinal) && key == "name"))
            return $"BuildKit would read the device name '{shown}' as the {key} field.";
        return null;
    }

    protected override void RequireFrontend(BuilderProfile frontend, DockerfileValidator.Site site, RunDevice device)
    {
        if (frontend.BuildahVersion is not null)
            BuildahFeatures.Require(frontend, site, "--device", BuilderFeature.RunDevice);
        else if (frontend.IsBuiltin)
            site.Add("--device", "The builtin Dockerfile frontend does not know RUN --device (Dockerfile labs syntax).", "use Dockerfile.WithFrontend(BuilderProfile.DockerfileFrontend(\"1.14-labs\")).");
        else if (frontend.FrontendVersion is { } version && !KnowsDevice(version))
            site.Add("--device", $"docker/dockerfile:{version} does not know RUN --device: it is labs syntax since 1.14-labs.", "use Dockerfile.WithFrontend(BuilderProfile.DockerfileFrontend(\"1.14-labs\")) or a later labs version.");
    }

    /// <summary>A labs version from 1.14 on; <c>1-labs</c> (the latest 1.x labs) too. Custom frontends are taken at their word.</summary>
    private static bool KnowsDevice(string version)
    {
        if (!version.EndsWith("-labs", StringComparison.Ordinal)) return false;
        var numbers = version[..^"-labs".Length].Split('.');
        return numbers.Length == 1 || new Version(int.Parse(numbers[0], System.Globalization.CultureInfo.InvariantCulture), int.Parse(numbers[1], System.Globalization.CultureInfo.InvariantCulture)) >= LabsSince;
    }

    protected override string ToCSharp(CSharpModel model, RunDevice device) =>
        $"new RunDevice({CSharpText.String(device.Name)}){(device.Required ? " { Required = true }" : "")}";
}
