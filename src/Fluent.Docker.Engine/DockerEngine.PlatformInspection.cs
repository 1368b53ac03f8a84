using Fluent.Docker.Build;

namespace Fluent.Docker.Engine;

// Inspecting one platform of a multi-platform image.
//
// What the lab showed (Engine 26.1, API 1.45, containerd image store):
//  * GET /images/{name}/json has no platform parameter before API 1.49 (Engine 28.1); the engine answers with the
//    config of the platform it picks itself.
//  * Pulling with ?platform=linux/arm64 and then inspecting the same tag is not reliable: the tag names the whole index,
//    and once the host's platform is present too (a --load or --push build with the docker driver stores every
//    platform locally) the inspect returns the host's (amd64) config even right after the arm64 pull. It returns arm64
//    only while arm64 is the only platform whose content is local.
//  * What works: read the index from the registry (buildx imagetools inspect --raw), pick the platform's manifest
//    digest, pull repo@<manifest digest> (a single-platform image) and inspect that. The image id is then the manifest
//    digest and Architecture/Os/Config are that platform's. The repo@digest name the pull adds is removed again
//    (not forced: `docker rmi --force repo@digest` also drops every other tag of that manifest).
//  * buildx reads registries itself: the engine's registry-mirrors (daemon.json) do not apply to it, so a Docker Hub
//    name (busybox:1.36) is looked up on the engine's mirrors when Docker Hub itself does not answer (no network).
//  * A multi-platform image that exists only locally (never pushed) cannot be inspected per platform through API 1.45;
//    this fails with an explanation rather than return another platform's config.
public sealed partial class DockerEngine
{
    private async Task<ImageInspection> InspectPlatformAsync(string imageRefOrId, Platform platform, CancellationToken cancellationToken)
    {
        var local = await TryInspectAsync(imageRefOrId, cancellationToken).ConfigureAwait(false);
        if (local is not null && Matches(local, platform)) return local;

        if (!ImageReference.TryParse(imageRefOrId, out var reference))
            throw new DockerEngineException(
                $"Cannot inspect {platform} of '{imageRefOrId}': it is not an image reference, and the engine (API 1.45) inspects only the platform it picks. Fix: pass the image's registry reference, e.g. registry:5000/team/app:1.0.");

        ImageIndex index;
        try
        {
            index = await ReadRegistryIndexAsync(reference, cancellationToken).ConfigureAwait(false);
        }
        catch (BuildxException e)
        {
            var localPart = local is null ? "it is not in the local store either" : $"the local image is {local.Platform}";
            throw new DockerEngineException(
                $"Cannot inspect {platform} of {reference}: the registry does not serve it ({e.ErrorLine}) and {localPart}. " +
                "The engine API cannot pick a platform of a local multi-platform image. Fix: push the image, or build and load only " + platform + ".",
                e.ErrorLine, null, e);
        }

        // The registry's image must be the local one, or we would report another build's config under this name.
        if (local is not null && local.Id != index.Digest && !local.RepoDigests.Any(d => d.EndsWith("@" + index.Digest, StringComparison.Ordinal)))
            throw new DockerEngineException(
                $"Cannot inspect {platform} of {reference}: the local image ({local.Id}) is not what the registry holds under that name ({index.Digest}). Fix: push the local image first, or pull the registry's.");

        var entry = index.Find(platform) ?? throw new DockerEngineException(
            index.IsIndex
                ? $"{reference} has no {platform} image; it offers {string.Join(", ", index.Platforms)}."
                : $"{reference} is a single-platform image{(local is null ? "" : $" ({local.Platform})")}; it has no {platform} image.");

        var byDigest = ImageReference.Parse((reference.Domain is null ? "" : reference.Domain + "/") + reference.Path + "@" + entry.Digest);
        var inspected = await TryInspectAsync(byDigest.ToString(), cancellationToken).ConfigureAwait(false);
        if (inspected is not null) return inspected;

        await PullAsync(byDigest, entry.Platform, null, cancellationToken).ConfigureAwait(false);
        try
        {
            return await TryInspectAsync(byDigest.ToString(), cancellationToken).ConfigureAwait(false)
                ?? throw new DockerEngineException($"Pulled {byDigest}, but the engine does not find it afterwards.");
        }
        finally
        {
            // Leave the store as it was: drop just the repo@digest name this pull added. Not forced, so other names
            // of the same manifest (e.g. a per-platform tag) stay.
            try { await RemoveImageAsync(byDigest.ToString(), force: false, CancellationToken.None).ConfigureAwait(false); }
            catch (DockerEngineException) { /* best effort */ }
        }
    }

    private async Task<ImageIndex> ReadRegistryIndexAsync(ImageReference reference, CancellationToken cancellationToken)
    {
        try
        {
            return await _buildx.ImagetoolsInspectAsync(reference, cancellationToken).ConfigureAwait(false);
        }
        catch (BuildxException) when (IsDockerHub(reference))
        {
            foreach (var mirror in await RegistryMirrorsAsync(cancellationToken).ConfigureAwait(false))
            {
                // A mirror serves Docker Hub's official images under library/.
                var path = reference.Path.Contains('/') ? reference.Path : "library/" + reference.Path;
                var onMirror = ImageReference.Parse(mirror + "/" + path + (reference.Tag is null ? "" : ":" + reference.Tag) + (reference.Digest is null ? "" : "@" + reference.Digest));
                try
                {
                    return await _buildx.ImagetoolsInspectAsync(onMirror, cancellationToken).ConfigureAwait(false);
                }
                catch (BuildxException)
                {
                    // Try the next mirror; the original error is reported if none has it.
                }
            }
            throw;
        }
    }

    private static bool IsDockerHub(ImageReference reference) =>
        reference.Domain is null or "docker.io" or "index.docker.io" or "registry-1.docker.io";

    /// <summary>The engine's registry mirrors as host[:port] (from <c>docker info</c>).</summary>
    private async Task<IReadOnlyList<string>> RegistryMirrorsAsync(CancellationToken cancellationToken)
    {
        var info = await CallAsync("Reading engine info", () => _client.System.GetSystemInfoAsync(cancellationToken)).ConfigureAwait(false);
        return (info.RegistryConfig?.Mirrors ?? [])
            .Select(m => Uri.TryCreate(m, UriKind.Absolute, out var uri) ? uri.Authority : null)
            .OfType<string>()
            .ToList();
    }

    private async Task<ImageInspection?> TryInspectAsync(string imageRefOrId, CancellationToken cancellationToken)
    {
        try
        {
            return ImageInspectionMapping.From(await CallAsync($"Inspecting {imageRefOrId}", () => _client.Images.InspectImageAsync(imageRefOrId, cancellationToken)).ConfigureAwait(false));
        }
        catch (DockerEngineException e) when (e.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    // An unspecified variant accepts any (linux/arm64 matches an image marked linux/arm64/v8).
    private static bool Matches(ImageInspection image, Platform platform) =>
        image.Os == platform.Os && image.Architecture == platform.Architecture && (platform.Variant is null || image.Variant == platform.Variant);
}
