using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Fluent.Docker.Build;

/// <summary>
/// Pushes one image of an OCI layout directory to a repository by digest, with no tag (Registry HTTP API v2: blobs,
/// then manifests, then the index). The docker driver refuses <c>push-by-digest</c> ("not implemented for docker
/// driver") and the engine refuses <c>docker push repo@digest</c>, so a spread build exports an OCI layout and this
/// pushes it. Loopback registries are spoken to over HTTP (as the engine treats them), others over HTTPS; anonymous
/// access only (a registry that asks for credentials gives a clear error).
/// </summary>
internal static class LayoutDigestPush
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromMinutes(10) };

    public static async Task PushAsync(string layoutDirectory, string digest, ImageReference repository, CancellationToken cancellationToken)
    {
        var target = new Target(BaseUri(repository), repository.Path);
        var root = await ReadBlobAsync(layoutDirectory, digest, cancellationToken).ConfigureAwait(false);
        await PushManifestAsync(layoutDirectory, target, digest, root, cancellationToken).ConfigureAwait(false);
    }

    private sealed record Target(Uri Registry, string Path);

    private static Uri BaseUri(ImageReference repository)
    {
        var domain = repository.Normalized.Domain ?? ImageReference.DockerHubDomain;
        if (domain == ImageReference.DockerHubDomain) domain = "registry-1.docker.io";
        var host = domain.StartsWith('[') ? domain[..(domain.IndexOf(']', StringComparison.Ordinal) + 1)] : domain.Split(':')[0];
        var loopback = host is "localhost" or "[::1]" || host.StartsWith("127.", StringComparison.Ordinal);
        return new Uri((loopback ? "http://" : "https://") + domain + "/");
    }

    private static async Task<byte[]> ReadBlobAsync(string layoutDirectory, string digest, CancellationToken cancellationToken)
    {
        var parts = digest.Split(':', 2);
        var path = Path.Combine(layoutDirectory, "blobs", parts[0], parts.Length == 2 ? parts[1] : "");
        if (parts.Length != 2 || !File.Exists(path))
            throw new InvalidOperationException($"The OCI layout {layoutDirectory} has no blob {digest}: the build's export is incomplete.");
        return await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Children first, so the registry never holds a manifest whose blobs are missing.</summary>
    private static async Task PushManifestAsync(string layout, Target target, string digest, byte[] manifest, CancellationToken cancellationToken)
    {
        using var document = JsonDocument.Parse(manifest);
        var root = document.RootElement;
        var mediaType = root.TryGetProperty("mediaType", out var m) ? m.GetString() : null;
        if (root.TryGetProperty("manifests", out var children))
        {
            mediaType ??= "application/vnd.oci.image.index.v1+json";
            foreach (var child in children.EnumerateArray())
            {
                var childDigest = child.GetProperty("digest").GetString()!;
                await PushManifestAsync(layout, target, childDigest, await ReadBlobAsync(layout, childDigest, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
            }
        }
        else
        {
            mediaType ??= "application/vnd.oci.image.manifest.v1+json";
            var blobs = new List<string> { root.GetProperty("config").GetProperty("digest").GetString()! };
            if (root.TryGetProperty("layers", out var layers)) blobs.AddRange(layers.EnumerateArray().Select(l => l.GetProperty("digest").GetString()!));
            foreach (var blob in blobs.Distinct(StringComparer.Ordinal))
                await PushBlobAsync(layout, target, blob, cancellationToken).ConfigureAwait(false);
        }

        using var put = new HttpRequestMessage(HttpMethod.Put, new Uri(target.Registry, $"v2/{target.Path}/manifests/{digest}"))
        {
            Content = new ByteArrayContent(manifest),
        };
        put.Content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        await SendAsync(put, $"manifest {digest}", cancellationToken).ConfigureAwait(false);
    }

    private static async Task PushBlobAsync(string layout, Target target, string digest, CancellationToken cancellationToken)
    {
        using (var head = new HttpRequestMessage(HttpMethod.Head, new Uri(target.Registry, $"v2/{target.Path}/blobs/{digest}")))
        using (var exists = await Http.SendAsync(head, cancellationToken).ConfigureAwait(false))
            if (exists.StatusCode == HttpStatusCode.OK) return;

        using var start = new HttpRequestMessage(HttpMethod.Post, new Uri(target.Registry, $"v2/{target.Path}/blobs/uploads/"));
        using var started = await SendAsync(start, $"blob upload {digest}", cancellationToken).ConfigureAwait(false);
        var location = started.Headers.Location ?? throw new InvalidOperationException($"{target.Registry} started an upload of {digest} without a Location.");
        if (!location.IsAbsoluteUri) location = new Uri(target.Registry, location);
        var separator = string.IsNullOrEmpty(location.Query) ? "?" : "&";
        var path = Path.Combine(layout, "blobs", digest.Split(':')[0], digest.Split(':')[1]);
        await using var file = File.OpenRead(path);
        using var put = new HttpRequestMessage(HttpMethod.Put, new Uri(location.AbsoluteUri + separator + "digest=" + Uri.EscapeDataString(digest)))
        {
            Content = new StreamContent(file),
        };
        put.Content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        put.Content.Headers.ContentLength = file.Length;
        using var _ = await SendAsync(put, $"blob {digest}", cancellationToken).ConfigureAwait(false);
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, string what, CancellationToken cancellationToken)
    {
        var response = await Http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.IsSuccessStatusCode) return response;
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        response.Dispose();
        var hint = response.StatusCode == HttpStatusCode.Unauthorized
            ? " The registry asks for credentials; a spread build pushes anonymously (use a registry that accepts anonymous pushes, or a docker-container builder's push-by-digest)."
            : "";
        throw new InvalidOperationException($"Pushing {what} to {request.RequestUri} failed: {(int)response.StatusCode} {response.ReasonPhrase} {body.Trim()}.{hint}");
    }
}
