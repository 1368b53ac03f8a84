using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Fluent.Docker.Build;

/// <summary>
/// Pushes one image of an OCI layout directory to a repository by digest, with no tag (Registry HTTP API v2: blobs,
/// then manifests, then the index). The docker driver refuses <c>push-by-digest</c> ("not implemented for docker
/// driver") and the engine refuses <c>docker push repo@digest</c>, so a spread build exports an OCI layout and this
/// pushes it. Loopback registries are spoken to over HTTP (as the engine treats them), others over HTTPS. A registry
/// that asks for credentials (<c>GET /v2/</c> answers 401) gets the runner's <see cref="RegistryCredentials"/> for it:
/// as Basic auth, or exchanged for a push token at the realm a Bearer challenge names.
/// </summary>
internal static class LayoutDigestPush
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromMinutes(10) };

    public static async Task PushAsync(string layoutDirectory, string digest, ImageReference repository, IReadOnlyList<RegistryCredentials> credentials, CancellationToken cancellationToken)
    {
        var registry = BaseUri(repository);
        var path = repository.Normalized.Path;
        var target = new Target(registry, path, await AuthorizeAsync(registry, path, repository, credentials, cancellationToken).ConfigureAwait(false));
        var root = await ReadBlobAsync(layoutDirectory, digest, cancellationToken).ConfigureAwait(false);
        await PushManifestAsync(layoutDirectory, target, digest, root, cancellationToken).ConfigureAwait(false);
    }

    private sealed record Target(Uri Registry, string Path, AuthenticationHeaderValue? Authorization);

    /// <summary>The Authorization every request of the push carries: none when the registry lets anyone push.</summary>
    private static async Task<AuthenticationHeaderValue?> AuthorizeAsync(Uri registry, string path, ImageReference repository,
        IReadOnlyList<RegistryCredentials> credentials, CancellationToken cancellationToken)
    {
        using var probe = await Http.GetAsync(new Uri(registry, "v2/"), cancellationToken).ConfigureAwait(false);
        if (probe.StatusCode != HttpStatusCode.Unauthorized) return null;
        var domain = repository.Normalized.Domain ?? ImageReference.DockerHubDomain;
        var basic = credentials.FirstOrDefault(c => c.Registry == domain)?.Resolve() is var (user, password)
            ? Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{user}:{password}"))
            : null;
        var challenge = probe.Headers.WwwAuthenticate.FirstOrDefault();
        if (challenge?.Scheme.Equals("Basic", StringComparison.OrdinalIgnoreCase) == true)
            return basic is null
                ? throw new InvalidOperationException($"{domain} asks for credentials: give the runner them with Buildx.WithCredentials(RegistryCredentials.FromEnvironment(\"{domain}\", …)).")
                : new AuthenticationHeaderValue("Basic", basic);
        if (challenge?.Scheme.Equals("Bearer", StringComparison.OrdinalIgnoreCase) != true || BearerChallenge.Realm(challenge.Parameter) is not { } realm)
            throw new InvalidOperationException($"{domain} asks for an authentication this push does not speak ({challenge?.Scheme ?? "none named"}).");
        var query = $"?scope={Uri.EscapeDataString($"repository:{path}:pull,push")}"
            + (BearerChallenge.Service(challenge.Parameter) is { } service ? "&service=" + Uri.EscapeDataString(service) : "");
        using var ask = new HttpRequestMessage(HttpMethod.Get, new Uri(realm + query));
        if (basic is not null) ask.Headers.Authorization = new AuthenticationHeaderValue("Basic", basic);
        using var answer = await Http.SendAsync(ask, cancellationToken).ConfigureAwait(false);
        if (!answer.IsSuccessStatusCode)
            throw new InvalidOperationException($"{domain}'s token service refused a push token for {path}: {(int)answer.StatusCode} {answer.ReasonPhrase}.{(basic is null ? " No credentials were given for it (Buildx.WithCredentials)." : "")}");
        using var token = JsonDocument.Parse(await answer.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false));
        var value = token.RootElement.TryGetProperty("token", out var t) ? t.GetString()
            : token.RootElement.TryGetProperty("access_token", out var a) ? a.GetString() : null;
        return new AuthenticationHeaderValue("Bearer", value ?? throw new InvalidOperationException($"{domain}'s token service answered without a token."));
    }

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
        await SendAsync(target, put, $"manifest {digest}", cancellationToken).ConfigureAwait(false);
    }

    private static async Task PushBlobAsync(string layout, Target target, string digest, CancellationToken cancellationToken)
    {
        using (var head = new HttpRequestMessage(HttpMethod.Head, new Uri(target.Registry, $"v2/{target.Path}/blobs/{digest}")))
        using (var exists = await SendAsync(target, head, null, cancellationToken).ConfigureAwait(false))
            if (exists.StatusCode == HttpStatusCode.OK) return;

        using var start = new HttpRequestMessage(HttpMethod.Post, new Uri(target.Registry, $"v2/{target.Path}/blobs/uploads/"));
        using var started = await SendAsync(target, start, $"blob upload {digest}", cancellationToken).ConfigureAwait(false);
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
        using var _ = await SendAsync(target, put, $"blob {digest}", cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Sends with the push's authorization; a failure throws naming <paramref name="what"/> (null: any answer is returned).</summary>
    private static async Task<HttpResponseMessage> SendAsync(Target target, HttpRequestMessage request, string? what, CancellationToken cancellationToken)
    {
        request.Headers.Authorization = target.Authorization;
        var response = await Http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.IsSuccessStatusCode || what is null) return response;
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        response.Dispose();
        var hint = response.StatusCode == HttpStatusCode.Unauthorized
            ? " The registry refused the credentials (Buildx.WithCredentials on the engine's runner)."
            : "";
        throw new InvalidOperationException($"Pushing {what} to {request.RequestUri} failed: {(int)response.StatusCode} {response.ReasonPhrase} {body.Trim()}.{hint}");
    }
}
