using Fluent.Docker.Build;

namespace Fluent.Docker.Tests.Build;

public class BearerChallengeTests
{
    // As Docker Hub sends it (WWW-Authenticate: Bearer …), and with a scope whose value holds commas.
    private const string Hub = "realm=\"https://auth.docker.io/token\",service=\"registry.docker.io\"";
    private const string Scoped = "realm=\"https://ghcr.io/token\",service=\"ghcr.io\",scope=\"repository:team/app:pull,push\"";

    [Fact]
    public void The_realm_and_service_are_read_from_the_challenge()
    {
        Assert.Equal("https://auth.docker.io/token", BearerChallenge.Realm(Hub));
        Assert.Equal("registry.docker.io", BearerChallenge.Service(Hub));
    }

    [Fact]
    public void A_comma_inside_a_quoted_value_belongs_to_the_value()
    {
        Assert.Equal("repository:team/app:pull,push", BearerChallenge.Value(Scoped, "scope"));
        Assert.Equal("ghcr.io", BearerChallenge.Service(Scoped));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("service=\"registry.docker.io\"")]
    public void A_challenge_without_a_realm_has_none(string? parameters) => Assert.Null(BearerChallenge.Realm(parameters));

    [Fact]
    public void Unquoted_values_are_read_up_to_the_next_comma() =>
        Assert.Equal("example", BearerChallenge.Service("realm=https://example/token, service=example"));
}
