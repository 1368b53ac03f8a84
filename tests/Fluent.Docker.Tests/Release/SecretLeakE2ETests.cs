using System.IO.Compression;
using System.Formats.Tar;
using System.Text;
using Fluent.Docker.Build;
using Fluent.Docker.Tests.Build;
using Fluent.Docker.Tests.Engine;

namespace Fluent.Docker.Tests.Release;

/// <summary>
/// R2: a <c>RUN --mount=type=secret</c> build whose secret value then appears zero times in the layers, the image
/// config and history, the provenance attestation (max), the engine's history and inspect output, and the build log.
/// </summary>
[Trait("Category", "E2E")]
[Collection(DockerLabCollection.Name)]
public class SecretLeakE2ETests(DockerLabFixture lab)
{
    [Fact]
    public async Task R2_secret_value_appears_nowhere_in_layers_history_config_provenance_or_logs()
    {
        var value = "fluent-r2-" + Guid.NewGuid().ToString("N");
        var token = new SecretId("token");
        var dockerfile = Dockerfile.Create(Stage.Named("app").From("busybox:1.36")
            // Uses the secret for real (its length lands in the image), never its text.
            .Run("wc -c < /run/secrets/token > /token-length && test -s /run/secrets/token", Mount.Secret(token, required: true))
            .Cmd("cat", "/token-length"));
        var context = lab.WriteContext("r2", dockerfile);
        var layout = Path.Combine(lab.WorkDirectory, "r2-layout");
        var log = new List<string>();
        var request = new BuildRequest(context)
            .WithPlatforms(Platform.LinuxAmd64)
            .WithSecret(BuildSecret.FromValue(token, value))
            .WithProvenance(ProvenanceMode.Max)
            .WithNoCache();

        await lab.Buildx.BuildAsync(request.WithOutput(BuildOutput.OciLayout(layout)), new SynchronousProgress(log));
        var image = lab.UniqueReference("r2");
        lab.RemoveAtEnd(image.ToString());
        await lab.Buildx.BuildAsync(request.WithProvenance(ProvenanceMode.None).WithTags(image).WithOutput(BuildOutput.Load()), new SynchronousProgress(log));

        var blobs = Directory.GetFiles(Path.Combine(layout, "blobs", "sha256"));
        Assert.True(blobs.Length >= 4, "index, manifest, config, layers and the provenance attestation");
        Assert.Contains(blobs, b => File.ReadAllText(b).Contains("https://slsa.dev/provenance", StringComparison.Ordinal)); // provenance is there to be searched
        foreach (var blob in blobs) Assert.Equal(0, Occurrences(await ReadBlobAsync(blob), value));

        var inspection = await lab.Engine.InspectImageAsync(image.ToString());
        var history = await lab.Engine.HistoryAsync(image.ToString());
        Assert.Contains(history, h => h.CreatedBy.Contains("token-length", StringComparison.Ordinal)); // the RUN is recorded…
        Assert.Equal(0, Occurrences(string.Join("\n", history.Select(h => h.CreatedBy + h.Comment)), value)); // …without the value
        Assert.Equal(0, Occurrences(string.Join("\n", inspection.Env.Concat(inspection.Labels.Values).Concat(inspection.Cmd ?? [])), value));
        var run = await lab.Engine.RunAsync(image, null, null, TimeSpan.FromMinutes(1));
        Assert.Equal(value.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), run.Stdout.Trim()); // the build did read the secret
        Assert.NotEmpty(log);
        Assert.Equal(0, Occurrences(string.Join("\n", log), value));
        Assert.DoesNotContain(value, request.ToString(), StringComparison.Ordinal);
    }

    /// <summary>A blob's bytes as text; a gzip layer is unpacked and every file in it read.</summary>
    private static async Task<string> ReadBlobAsync(string path)
    {
        var bytes = await File.ReadAllBytesAsync(path);
        if (bytes is not [0x1f, 0x8b, ..]) return Encoding.UTF8.GetString(bytes);
        var text = new StringBuilder();
        await using var gzip = new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress);
        using var tar = new TarReader(gzip);
        while (await tar.GetNextEntryAsync() is { } entry)
        {
            text.Append(entry.Name).Append('\n');
            if (entry.DataStream is { } data)
            {
                using var reader = new StreamReader(data, Encoding.UTF8);
                text.Append(await reader.ReadToEndAsync()).Append('\n');
            }
        }
        return text.ToString();
    }

    // The value, and the value base64-encoded (how JSON documents carry bytes).
    private static int Occurrences(string haystack, string value)
    {
        var base64 = Convert.ToBase64String(Encoding.UTF8.GetBytes(value)).TrimEnd('=');
        return Count(haystack, value) + Count(haystack, base64[..^2]);

        static int Count(string text, string needle)
        {
            var count = 0;
            for (var at = text.IndexOf(needle, StringComparison.Ordinal); at >= 0; at = text.IndexOf(needle, at + 1, StringComparison.Ordinal)) count++;
            return count;
        }
    }
}
