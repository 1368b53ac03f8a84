using Fluent.Docker.Pinning;

namespace Fluent.Docker.Tests.Pinning;

public sealed class ImagePinningTests
{
    private const string BusyboxDigest = "sha256:1111111111111111111111111111111111111111111111111111111111111111";
    private const string DebianDigest = "sha256:2222222222222222222222222222222222222222222222222222222222222222";
    private const string ToolsDigest = "sha256:3333333333333333333333333333333333333333333333333333333333333333";
    private const string PinnedByAuthor = "sha256:4444444444444444444444444444444444444444444444444444444444444444";

    /// <summary>Every place an image is pulled by name, and every look-alike that is not one.</summary>
    private static Dockerfile EveryKindOfSource()
    {
        var goVersion = new BuildArg("GO_VERSION", "1.19");
        var build = Stage.Named("build").From("busybox:1.36", Platform.BuildPlatform)
            .Run("cp /bin/busybox /out", Mount.Cache("/cache", from: (ImageReference)"127.0.0.1:5000/tools/cache:1"))
            .Run("ls /ctx", Mount.Bind("/ctx", from: new NamedContext("assets")));
        var versioned = Stage.Named("versioned").FromExpanded($"golang:{goVersion}");
        var runtime = Stage.Named("runtime").From("debian:bookworm-slim")
            .CopyFrom(build, "/out", "/bin/tool")
            .CopyFrom((ImageReference)"busybox:1.36", "/bin/busybox", "/bin/busybox")
            .CopyFrom((ImageReference)("alpine:3.20@" + PinnedByAuthor), "/etc/alpine-release", "/etc/")
            .CopyFrom(new NamedContext("assets"), "/", "/assets")
            .OnBuild(t => t.CopyFrom((ImageReference)"127.0.0.1:5000/tools/cache:1", "/x", "/x"));
        var tests = Stage.Named("tests").From(runtime).Run("true");
        var empty = Stage.Named("empty").FromScratch().CopyFrom(build, "/out", "/out");
        return Dockerfile.Create(build, versioned, runtime, tests, empty).WithGlobalArg(goVersion);
    }

    private static ImageLock Lock(params (string Reference, string Digest)[] images) =>
        images.Aggregate(ImageLock.Empty, (l, i) => l.With(new LockedImage(ImageReference.Parse(i.Reference), i.Digest, ValueList.Of(Platform.LinuxAmd64))));

    [Fact]
    public void Images_of_a_dockerfile_are_those_pulled_by_a_tag_in_order_of_first_use()
    {
        var images = ImagePinning.ImagesOf(EveryKindOfSource());

        // Not: stages (build, runtime), named contexts, scratch, the ARG-built golang:${GO_VERSION}, the author's digest.
        Assert.Equal(["busybox:1.36", "127.0.0.1:5000/tools/cache:1", "debian:bookworm-slim"], images.Select(i => i.ToString()));
    }

    [Fact]
    public void Pinning_writes_each_locked_image_with_its_digest_everywhere_it_is_pulled_and_nothing_else_changes()
    {
        var original = EveryKindOfSource();
        var imageLock = Lock(("busybox:1.36", BusyboxDigest), ("debian:bookworm-slim", DebianDigest), ("127.0.0.1:5000/tools/cache:1", ToolsDigest));

        var pinned = ImagePinning.Pin(original, imageLock, out var unlocked);
        var text = pinned.Emit(Fluent.Docker.Tests.Emit.EmitKit.Unwrapped);

        Assert.Empty(unlocked);
        Assert.Contains($"FROM --platform=$BUILDPLATFORM busybox:1.36@{BusyboxDigest} AS build\n", text);
        Assert.Contains($"RUN --mount=type=cache,target=/cache,from=127.0.0.1:5000/tools/cache:1@{ToolsDigest} cp /bin/busybox /out\n", text);
        Assert.Contains($"FROM debian:bookworm-slim@{DebianDigest} AS runtime\n", text);
        Assert.Contains($"COPY --from=busybox:1.36@{BusyboxDigest} /bin/busybox /bin/busybox\n", text);
        Assert.Contains($"ONBUILD COPY --from=127.0.0.1:5000/tools/cache:1@{ToolsDigest} /x /x\n", text);
        Assert.Contains($"COPY --from=alpine:3.20@{PinnedByAuthor} /etc/alpine-release /etc/\n", text);
        Assert.Contains("FROM golang:${GO_VERSION} AS versioned\n", text);
        Assert.Contains("COPY --from=build /out /bin/tool\n", text);
        Assert.Contains("FROM runtime AS tests\n", text);
        Assert.Contains("FROM scratch AS empty\n", text);
        Assert.Contains("COPY --from=assets / /assets\n", text);
        // Only the references changed: removing the digests gives the original text back.
        Assert.Equal(original.Emit(Fluent.Docker.Tests.Emit.EmitKit.Unwrapped), text.Replace("@" + BusyboxDigest, "").Replace("@" + DebianDigest, "").Replace("@" + ToolsDigest, ""));
    }

    [Fact]
    public void A_stage_that_labels_its_base_name_also_gets_the_base_digest_label()
    {
        var labelled = Dockerfile.Create(
            Stage.Named("build").From("busybox:1.36").Label(OciLabels.BaseName, "busybox:1.36"),
            Stage.Named("runtime").From("debian:bookworm-slim")
                .Labels((OciLabels.Title, "api"), (OciLabels.BaseName, "debian:bookworm-slim"), (OciLabels.Version, "1.0"))
                .Label(OciLabels.BaseName, "something-else:1"),
            Stage.Named("own").From("busybox:1.36").Label(OciLabels.BaseName, "busybox:1.36").Label(OciLabels.BaseDigest, "set-by-hand"));

        var text = ImagePinning.Pin(labelled, Lock(("busybox:1.36", BusyboxDigest), ("debian:bookworm-slim", DebianDigest)), out _).Emit(Fluent.Docker.Tests.Emit.EmitKit.Unwrapped);

        Assert.Contains($"LABEL org.opencontainers.image.base.name=busybox:1.36 org.opencontainers.image.base.digest={BusyboxDigest}\n", text);
        Assert.Contains(
            $"LABEL org.opencontainers.image.title=api org.opencontainers.image.base.name=debian:bookworm-slim org.opencontainers.image.base.digest={DebianDigest} org.opencontainers.image.version=1.0\n",
            text);
        Assert.Contains("LABEL org.opencontainers.image.base.name=something-else:1\n", text); // names another image: left alone
        Assert.Contains("FROM busybox:1.36@" + BusyboxDigest + " AS own\nLABEL org.opencontainers.image.base.name=busybox:1.36\nLABEL org.opencontainers.image.base.digest=set-by-hand\n", text);
    }

    [Fact]
    public void Images_missing_from_the_lock_are_reported_and_left_as_written()
    {
        var pinned = ImagePinning.Pin(EveryKindOfSource(), Lock(("busybox:1.36", BusyboxDigest)), out var unlocked);

        Assert.Equal(["127.0.0.1:5000/tools/cache:1", "debian:bookworm-slim"], unlocked.Select(i => i.ToString()));
        Assert.Contains("FROM debian:bookworm-slim AS runtime\n", pinned.Emit());
    }

    [Fact]
    public void A_definition_pinned_by_a_lock_that_lacks_an_image_fails_naming_it_and_the_fix()
    {
        var definition = ImageDefinition.Create("team/api", EveryKindOfSource());

        var e = Assert.Throws<ImageLockException>(() => definition.PinnedBy(Lock(("busybox:1.36", BusyboxDigest))));

        Assert.Equal("team/api: 127.0.0.1:5000/tools/cache:1, debian:bookworm-slim are not in images.lock.json. Fix: run 'fluent-docker lock' (or ImageLocking.LockAsync) to add them.", e.Message);
    }

    [Fact]
    public void A_pinned_definition_keeps_its_name_platforms_and_ignore_file()
    {
        var definition = ImageDefinition.Create("team/api", EveryKindOfSource()).WithPlatforms(Platform.LinuxAmd64, Platform.LinuxArm64);
        var imageLock = Lock(("busybox:1.36", BusyboxDigest), ("debian:bookworm-slim", DebianDigest), ("127.0.0.1:5000/tools/cache:1", ToolsDigest));

        var pinned = definition.PinnedBy(imageLock);

        Assert.Equal(definition.Name, pinned.Name);
        Assert.Equal(definition.Platforms, pinned.Platforms);
        Assert.Equal(definition.Ignore.Emit(), pinned.Ignore.Emit());
        Assert.NotEqual(definition.Dockerfile, pinned.Dockerfile);
        Assert.Equal(pinned.Dockerfile, pinned.PinnedBy(imageLock).Dockerfile); // pinned references are not pinned twice
    }
}
