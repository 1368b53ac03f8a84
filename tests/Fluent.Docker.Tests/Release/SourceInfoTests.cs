using Fluent.Docker.Release;
using Fluent.Docker.Tests.Examples;

namespace Fluent.Docker.Tests.Release;

public class SourceInfoTests
{
    [Theory]
    [InlineData("git@github.com:team/app.git", "https://github.com/team/app")]
    [InlineData("https://github.com/team/app.git", "https://github.com/team/app")]
    [InlineData("https://user:t0ken@git.example.com/team/app.git", "https://git.example.com/team/app")]
    [InlineData("ssh://git@git.example.com:2222/team/app.git", "https://git.example.com/team/app")]
    [InlineData("https://git.example.com:8443/team/app/", "https://git.example.com:8443/team/app")]
    public void Remote_becomes_a_public_https_url_without_credentials(string remote, string expected) => Assert.Equal(expected, SourceInfo.PublicUrl(remote));

    [Theory]
    [InlineData("/srv/git/app.git")]
    [InlineData("file:///srv/git/app.git")]
    [InlineData("../app")]
    [InlineData("")]
    [InlineData(null)]
    public void Local_remotes_give_no_url(string? remote) => Assert.Null(SourceInfo.PublicUrl(remote));

    [Fact]
    public async Task Reads_this_checkout()
    {
        var source = await SourceInfo.ReadAsync(RepositoryLayout.Root);

        Assert.Matches("^[0-9a-f]{40}$", source.Commit);
        Assert.Equal(source.Commit[..7], source.ShortCommit);
        Assert.True(source.CommitTime > new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public async Task Outside_a_checkout_the_error_says_so()
    {
        var directory = Directory.CreateTempSubdirectory("fluent-nogit-").FullName;
        try
        {
            var e = await Assert.ThrowsAsync<InvalidOperationException>(() => SourceInfo.ReadAsync(directory));
            Assert.Contains("git checkout", e.Message);
        }
        finally
        {
            Directory.Delete(directory);
        }
    }
}
