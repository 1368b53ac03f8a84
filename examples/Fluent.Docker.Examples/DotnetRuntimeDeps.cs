namespace Fluent.Docker.Examples;

/// <summary>
/// A <c>runtime-deps</c> style base built from Debian packages, for the .NET template's small variants: glibc, libgcc,
/// libstdc++, zlib, OpenSSL, tzdata, the CA roots, and bash (for the template's health probe), unpacked from bookworm's
/// .deb files onto scratch, with the <c>app</c> account (uid 1654) Microsoft's images have. No ICU: the apps set
/// <c>InvariantGlobalization</c>. The lab's own <c>dotnet/runtime-deps</c> is a whole Debian minbase (about 240 MB),
/// and Microsoft's chiseled images cannot be mirrored here; this one is about 20 MB. Built per run and pushed beside
/// the app, so nothing depends on an image left in the registry by hand.
/// </summary>
public static class DotnetRuntimeDeps
{
    /// <summary>The packages unpacked into the image (their dependencies are these too, on bookworm).</summary>
    public static IReadOnlyList<string> Packages { get; } = ["libc6", "libgcc-s1", "libstdc++6", "zlib1g", "libssl3", "tzdata", "bash", "libtinfo6"];

    public static ImageDefinition Definition { get; } = Create();

    private static ImageDefinition Create()
    {
        var aptCaches = new RunOption[] { Mount.Cache("/var/cache/apt", sharing: CacheSharing.Locked), Mount.Cache("/var/lib/apt", sharing: CacheSharing.Locked) };
        // The files of each package as dpkg would unpack them (no maintainer scripts): the CA bundle is made by
        // ca-certificates' own script in this stage and copied, the loader cache by ldconfig for the new root.
        var rootfs = Stage.Named("rootfs").From("debian:bookworm-slim")
            .Workdir("/debs")
            .Run("apt-get update && apt-get install -y --no-install-recommends ca-certificates && apt-get download " + string.Join(" ", Packages)
                + " && mkdir /rootfs && for deb in *.deb; do dpkg-deb -x \"$deb\" /rootfs; done", aptCaches)
            .Workdir("/rootfs")
            .Run("rm -rf usr/share/doc usr/share/man usr/share/info usr/share/locale usr/share/lintian usr/lib/*/gconv"
                + " && mkdir -p etc/ssl/certs tmp home/app && cp /etc/ssl/certs/ca-certificates.crt etc/ssl/certs/"
                + " && printf 'root:x:0:0:root:/root:/usr/sbin/nologin\\napp:x:1654:1654::/home/app:/usr/sbin/nologin\\n' > etc/passwd"
                + " && printf 'root:x:0:\\napp:x:1654:\\n' > etc/group && chown 1654:1654 home/app && chmod 1777 tmp"
                + " && echo 'include /etc/ld.so.conf.d/*.conf' > etc/ld.so.conf && ldconfig -r /rootfs")
            .Suppress("FD0115", "the packages follow bookworm's point releases; the stage only unpacks them");
        var runtimeDeps = Stage.Named("runtime-deps").FromScratch()
            .CopyFrom(rootfs, "/rootfs/", "/")
            .Env("APP_UID", "1654")
            .Suppress("FD0012", "a base image: the app image on it sets USER (the .NET template: 1654, the app account)")
            .Suppress("FD0023", "a base image: the app image on it sets the HEALTHCHECK");
        // A base image sets no USER of its own (as Microsoft's runtime-deps): the app image on it does.
#pragma warning disable FD0012
        return ImageDefinition.Create("examples/dotnet-runtime-deps", Dockerfile.Create(rootfs, runtimeDeps))
#pragma warning restore FD0012
            .WithContextDirectory("dotnet-runtime-deps")
            .WithIgnore(DockerIgnore.Empty)
            .WithPlatforms(Platform.LinuxAmd64);
    }
}
