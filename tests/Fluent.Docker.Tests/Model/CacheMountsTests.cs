namespace Fluent.Docker.Tests.Model;

/// <summary>The package-cache catalogue: targets under a home or at the image's fixed path, ids, sharing, and how the mounts are written.</summary>
public class CacheMountsTests
{
    private static string Emitted(CacheMount mount) =>
        Dockerfile.Create(Stage.Named("app").From("debian:12").Run("true", mount)).Emit().Split('\n').Single(l => l.StartsWith("RUN", StringComparison.Ordinal));

    [Theory]
    [InlineData("nuget", "/root/.nuget/packages", CacheSharing.Shared)]
    [InlineData("npm", "/root/.npm", CacheSharing.Shared)]
    [InlineData("pnpm", "/root/.local/share/pnpm/store", CacheSharing.Shared)]
    [InlineData("yarn", "/root/.cache/yarn", CacheSharing.Locked)]
    [InlineData("pip", "/root/.cache/pip", CacheSharing.Shared)]
    [InlineData("uv", "/root/.cache/uv", CacheSharing.Shared)]
    [InlineData("go-mod", "/go/pkg/mod", CacheSharing.Shared)]
    [InlineData("go-build", "/root/.cache/go-build", CacheSharing.Shared)]
    [InlineData("gradle", "/root/.gradle/caches", CacheSharing.Locked)]
    [InlineData("maven", "/root/.m2/repository", CacheSharing.Locked)]
    [InlineData("cargo-registry", "/usr/local/cargo/registry", CacheSharing.Shared)]
    [InlineData("apt-cache", "/var/cache/apt", CacheSharing.Locked)]
    [InlineData("apt-lists", "/var/lib/apt", CacheSharing.Locked)]
    public void Each_cache_mounts_at_the_official_images_default_path_with_its_id_and_sharing(string id, string target, CacheSharing sharing)
    {
        var cache = Assert.Single(CacheMounts.All, c => c.Id == id);
        var mount = cache.Mount();

        Assert.Equal(target, mount.Target.ToString());
        Assert.Equal(id, mount.Id);
        Assert.Equal(sharing, cache.Sharing);
        // Shared is BuildKit's default and is not written.
        Assert.Equal(sharing == CacheSharing.Shared ? null : sharing, mount.Sharing);
        Assert.Same(cache, CacheMounts.Of(mount));
    }

    [Fact]
    public void Npm_mount_is_written_with_its_id()
    {
        Assert.Equal("RUN --mount=type=cache,target=/root/.npm,id=npm true", Emitted(CacheMounts.Npm.Mount()));
        Assert.Equal("RUN --mount=type=cache,target=/root/.m2/repository,id=maven,sharing=locked true", Emitted(CacheMounts.Maven.Mount()));
    }

    [Fact]
    public void A_non_root_user_gets_the_cache_under_its_home_owned_by_it_under_an_id_of_its_own()
    {
        var mount = CacheMounts.Npm.Mount(home: "/home/node/", uid: 1000, gid: 1000);

        Assert.Equal("RUN --mount=type=cache,target=/home/node/.npm,id=npm-uid1000,uid=1000,gid=1000 true", Emitted(mount));
        Assert.Same(CacheMounts.Npm, CacheMounts.Of(mount));
        // A fixed path stays where the image puts it, whoever runs.
        Assert.Equal("/go/pkg/mod", CacheMounts.GoModules.Mount(home: "/home/gopher", uid: 1000).Target.ToString());
    }

    [Fact]
    public void A_relative_home_or_a_negative_uid_is_refused_naming_the_parameter()
    {
        Assert.Equal("home", Assert.Throws<ArgumentException>(() => CacheMounts.Pip.Mount(home: "home/app")).ParamName);
        Assert.Equal("uid", Assert.Throws<ArgumentOutOfRangeException>(() => CacheMounts.Pip.Mount(uid: -1)).ParamName);
    }

    [Fact]
    public void Of_knows_parent_folders_some_dockerfiles_mount_and_nothing_else()
    {
        Assert.Same(CacheMounts.Maven, CacheMounts.Of(Mount.Cache("/root/.m2")));
        Assert.Same(CacheMounts.Gradle, CacheMounts.Of(Mount.Cache("/home/gradle/.gradle")));
        Assert.Null(CacheMounts.Of(Mount.Cache("/root/.ccache")));
        Assert.Null(CacheMounts.Of(Mount.Cache("/root/.npmrc")));
        Assert.Null(CacheMounts.Of(Mount.Cache($"{new BuildArg("HOME")}/.npm")));
    }

    [Fact]
    public void Every_cache_has_a_distinct_id_and_names_the_programs_that_use_it()
    {
        Assert.Equal(CacheMounts.All.Count, CacheMounts.All.Select(c => c.Id).Distinct().Count());
        Assert.All(CacheMounts.All, c => Assert.NotEmpty(c.Programs));
    }
}
