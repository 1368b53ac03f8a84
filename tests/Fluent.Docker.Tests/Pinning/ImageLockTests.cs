using Fluent.Docker.Pinning;

namespace Fluent.Docker.Tests.Pinning;

public sealed class ImageLockTests
{
    private const string DigestA = "sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
    private const string DigestB = "sha256:bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb";

    private static LockedImage Locked(string reference, string digest, params Platform[] platforms) =>
        new(ImageReference.Parse(reference), digest, ValueList.Of(platforms));

    [Fact]
    public void Json_round_trips_sorted_by_reference()
    {
        var imageLock = ImageLock.Empty
            .With(Locked("python:3.11-slim", DigestB, Platform.LinuxAmd64))
            .With(Locked("busybox:1.36", DigestA, Platform.LinuxAmd64, Platform.LinuxArm64));

        var json = imageLock.ToJson();

        Assert.Equal(
            "{\n  \"version\": 1,\n  \"images\": [\n" +
            $"    {{\n      \"reference\": \"busybox:1.36\",\n      \"digest\": \"{DigestA}\",\n      \"platforms\": [\n        \"linux/amd64\",\n        \"linux/arm64\"\n      ]\n    }},\n" +
            $"    {{\n      \"reference\": \"python:3.11-slim\",\n      \"digest\": \"{DigestB}\",\n      \"platforms\": [\n        \"linux/amd64\"\n      ]\n    }}\n" +
            "  ]\n}\n",
            json.Replace("\r\n", "\n"));
        Assert.Equal(imageLock, ImageLock.Parse(json));
        Assert.Equal(DigestA, ImageLock.Parse(json).Find(ImageReference.Parse("busybox:1.36"))!.Digest);
    }

    [Theory]
    [InlineData("{", "images.lock.json is not valid JSON")]
    [InlineData("{\"images\": []}", "images.lock.json has no \"version\": 1. Fix: delete it and run 'fluent-docker lock'")]
    [InlineData("{\"version\": 1, \"images\": [{\"reference\": \"busybox:1.36\"}]}", "images.lock.json: entry 1 needs \"reference\" and \"digest\"")]
    [InlineData("{\"version\": \"1\", \"images\": []}", "has no \"version\": 1")]
    [InlineData("{\"version\": 1.5, \"images\": []}", "has no \"version\": 1")]
    [InlineData("{\"version\": 1, \"images\": [{\"reference\": 7, \"digest\": \"sha256:x\"}]}", "entry 1 needs \"reference\" and \"digest\"")]
    [InlineData("{\"version\": 1, \"images\": [{\"reference\": \"Not A Reference\", \"digest\": \"" + DigestA + "\"}]}", "entry 1 (Not A Reference) is malformed")]
    [InlineData("{\"version\": 1, \"images\": [{\"reference\": \"busybox:1.36\", \"digest\": \"" + DigestA + "\", \"platforms\": [\"linux\"]}]}", "entry 1 (busybox:1.36) is malformed")]
    [InlineData("{\"version\": 1, \"images\": [{\"reference\": \"busybox:1.36\", \"digest\": \"" + DigestA + "\", \"platforms\": [3]}]}", "entry 1 (busybox:1.36) is malformed: a platform is not a string")]
    [InlineData("{\"version\": 1, \"images\": [{\"reference\": \"busybox:1.36\", \"digest\": \"md5:x\"}]}", "'md5:x' (for busybox:1.36) is not a digest. Fix: use the form sha256:<64 hex digits>.")]
    [InlineData("{\"version\": 1, \"images\": [{\"reference\": \"busybox@" + DigestA + "\", \"digest\": \"" + DigestA + "\"}]}", "already names a digest")]
    public void A_broken_lock_file_is_a_clear_error(string json, string expected)
    {
        var e = Assert.Throws<ImageLockException>(() => ImageLock.Parse(json));

        Assert.Contains(expected, e.Message);
    }

    [Fact]
    public void Saving_writes_the_file_atomically_and_loading_a_missing_file_gives_the_empty_lock()
    {
        var directory = Directory.CreateTempSubdirectory("fluent-lock-").FullName;
        var path = Path.Combine(directory, ImageLock.FileName);
        var imageLock = ImageLock.Empty.With(Locked("busybox:1.36", DigestA, Platform.LinuxAmd64));

        var missing = ImageLock.Load(path);
        imageLock.Save(path);

        Assert.Equal(ImageLock.Empty, missing);
        Assert.Equal(imageLock, ImageLock.Load(path));
        Assert.Equal([ImageLock.FileName], Directory.GetFiles(directory).Select(Path.GetFileName)); // no temp file left behind
        Directory.Delete(directory, recursive: true);
    }

    private static readonly Dockerfile Busybox = Dockerfile.Create(Stage.Named("app").From("busybox:1.36").Run("true"));
    private static readonly Dockerfile PythonOnDebian = Dockerfile.Create(
        Stage.Named("build").From("debian:bookworm-slim", Platform.BuildPlatform).Run("true"),
        Stage.Named("app").From("python:3.11-slim").Run("true"));

    [Fact]
    public async Task Locking_resolves_new_images_keeps_locked_ones_and_drops_unused_ones()
    {
        var resolved = new List<string>();
        Task<LockedImage> Registry(ImageReference reference, CancellationToken _)
        {
            resolved.Add(reference.ToString());
            return Task.FromResult(new LockedImage(reference, DigestB, ValueList.Of(Platform.LinuxAmd64)));
        }
        var existing = ImageLock.Empty
            .With(Locked("busybox:1.36", DigestA, Platform.LinuxAmd64, Platform.LinuxArm64))
            .With(Locked("node:18-slim", DigestA, Platform.LinuxAmd64));

        var kept = await ImageLocking.LockAsync([Busybox, PythonOnDebian], existing, Registry, update: false);
        var resolvedWithoutUpdate = resolved.ToList();
        resolved.Clear();
        var updated = await ImageLocking.LockAsync([Busybox], kept.Lock, Registry, update: true);

        Assert.Equal(["debian:bookworm-slim", "python:3.11-slim"], resolvedWithoutUpdate);
        Assert.Equal(["busybox:1.36", "debian:bookworm-slim", "python:3.11-slim"], kept.Lock.Images.Select(i => i.Reference.ToString()));
        Assert.Equal(DigestA, kept.Lock.Find(ImageReference.Parse("busybox:1.36"))!.Digest);
        Assert.Equal(
            ["busybox:1.36 Unchanged", "debian:bookworm-slim Added", "python:3.11-slim Added", "node:18-slim Removed"],
            kept.Changes.Select(c => $"{c.Reference} {c.Kind}"));

        Assert.Equal(["busybox:1.36"], resolved);
        var change = Assert.Single(updated.Changes, c => c.Kind == ImageLockChangeKind.Updated);
        Assert.Equal((DigestA, DigestB), (change.OldDigest, change.NewDigest));
        Assert.Equal(["busybox:1.36"], updated.Lock.Images.Select(i => i.Reference.ToString()));
    }

    [Fact]
    public void Platform_gaps_name_the_stage_image_and_platform_but_skip_build_platform_stages()
    {
        var imageLock = ImageLock.Empty
            .With(Locked("debian:bookworm-slim", DigestA, Platform.LinuxAmd64))
            .With(Locked("python:3.11-slim", DigestB, Platform.LinuxAmd64));

        var gaps = ImageLocking.PlatformGaps(PythonOnDebian, [Platform.LinuxAmd64, Platform.LinuxArm64], imageLock);

        var gap = Assert.Single(gaps);
        Assert.Equal("stage 'app' needs python:3.11-slim for linux/arm64, but it offers only linux/amd64", gap.ToString());
        Assert.Empty(ImageLocking.PlatformGaps(PythonOnDebian, [Platform.LinuxAmd64], imageLock));
        Assert.Empty(ImageLocking.PlatformGaps(PythonOnDebian, [Platform.LinuxArm64], ImageLock.Empty)); // not locked: not judged
    }

    [Fact]
    public void Platform_gaps_are_found_in_generated_text_whose_bases_are_already_pinned()
    {
        var imageLock = ImageLock.Empty
            .With(Locked("debian:bookworm-slim", DigestA, Platform.LinuxAmd64, Platform.LinuxArm64))
            .With(Locked("python:3.11-slim", DigestB, Platform.LinuxAmd64));
        var generated = Dockerfile.Parse(ImagePinning.Pin(PythonOnDebian, imageLock, out _).Emit());

        var gap = Assert.Single(ImageLocking.PlatformGaps(generated, [Platform.LinuxArm64], imageLock));

        Assert.Equal("python:3.11-slim", gap.Image.ToString()); // named as the lock and the definitions write it
        Assert.Equal(DigestB, ImageLocking.Locked(imageLock, ImageReference.Parse($"python:3.11-slim@{DigestB}"))!.Digest);
        // A digest the lock does not hold is not this lock's entry.
        Assert.Null(ImageLocking.Locked(imageLock, ImageReference.Parse($"python:3.11-slim@{DigestA}")));
    }
}
