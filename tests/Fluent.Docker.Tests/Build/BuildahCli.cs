using Fluent.Docker.Tests.Engine;
using System.Diagnostics;
using System.Text.Json;

namespace Fluent.Docker.Tests.Build;

/// <summary>The lab's <c>buildah</c>, run directly: reading a stored image's config back and removing what the tests made.</summary>
internal static class BuildahCli
{
    public static async Task<(int ExitCode, string Output)> RunAsync(params string[] arguments)
    {
        var run = await ExternalCommand.RunAsync("buildah", arguments);
        return (run.ExitCode, run.Output + run.Error);
    }

    /// <summary>
    /// The docker-format config of an image in Buildah's storage (<c>buildah inspect --type image</c>), as an
    /// <see cref="ImageConfig"/>. Buildah writes an unset CMD or ENTRYPOINT as [], which means the same as none.
    /// </summary>
    public static async Task<ImageConfig> ImageConfigAsync(string image)
    {
        var (exitCode, output) = await RunAsync("inspect", "--type", "image", image);
        Assert.True(exitCode == 0, $"buildah inspect {image}: {output}");
        using var json = JsonDocument.Parse(output);
        var config = json.RootElement.GetProperty("Docker").GetProperty("config");
        static ValueList<string>? List(JsonElement config, string name) =>
            config.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array && value.GetArrayLength() > 0
                ? ValueList.From(value.EnumerateArray().Select(e => e.GetString()!)) : (ValueList<string>?)null;
        static string Text(JsonElement config, string name) => config.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : "";
        HealthcheckConfig? health = null;
        if (config.TryGetProperty("Healthcheck", out var h) && h.ValueKind == JsonValueKind.Object)
        {
            static TimeSpan Nanoseconds(JsonElement h, string name) => h.TryGetProperty(name, out var v) ? TimeSpan.FromTicks(v.GetInt64() / 100) : TimeSpan.Zero;
            health = new HealthcheckConfig(List(h, "Test") ?? ValueList<string>.Empty)
            {
                Interval = Nanoseconds(h, "Interval"), Timeout = Nanoseconds(h, "Timeout"), StartPeriod = Nanoseconds(h, "StartPeriod"),
                StartInterval = Nanoseconds(h, "StartInterval"), Retries = h.TryGetProperty("Retries", out var r) ? r.GetInt32() : 0,
            };
        }
        return new ImageConfig
        {
            User = Text(config, "User"),
            WorkingDir = Text(config, "WorkingDir"),
            Env = ValueList.From((List(config, "Env") ?? ValueList<string>.Empty).Select(e => e.Split('=', 2)).Select(p => new KeyValuePair<string, string>(p[0], p.Length > 1 ? p[1] : ""))),
            Labels = ValueList.From(config.TryGetProperty("Labels", out var labels) && labels.ValueKind == JsonValueKind.Object
                ? labels.EnumerateObject().Select(l => new KeyValuePair<string, string>(l.Name, l.Value.GetString()!)) : []),
            ExposedPorts = ValueList.From(config.TryGetProperty("ExposedPorts", out var ports) && ports.ValueKind == JsonValueKind.Object ? ports.EnumerateObject().Select(p => p.Name) : []),
            Cmd = List(config, "Cmd"),
            Entrypoint = List(config, "Entrypoint"),
            Healthcheck = health,
        };
    }
}
