using Fluent.Docker.Build;

namespace Fluent.Docker.Tests.Build;

public class BuildSecretTests
{
    private const string Value = "s3cr3t-value-7f";

    [Fact]
    public void ValueSecretToStringIsRedacted()
    {
        var text = BuildSecret.FromValue(new SecretId("token"), Value).ToString();
        Assert.Contains("[REDACTED]", text);
        Assert.DoesNotContain(Value, text);
    }

    [Fact]
    public void RequestToStringNeverShowsASecretValue()
    {
        var request = new BuildRequest(".").WithSecret(BuildSecret.FromValue(new SecretId("token"), Value));
        Assert.DoesNotContain(Value, request.ToString());
        Assert.DoesNotContain(Value, request.Secrets.ToString());
    }

    [Fact]
    public void EnvironmentSecretShowsOnlyTheVariableName() =>
        Assert.Equal("secret npm from env NPM_TOKEN", BuildSecret.FromEnvironment(new SecretId("npm"), "NPM_TOKEN").ToString());

    [Fact]
    public void FileSecretShowsOnlyThePath() =>
        Assert.Equal("secret npmrc from file /run/npmrc", BuildSecret.FromFile(new SecretId("npmrc"), "/run/npmrc").ToString());

    [Fact]
    public void ValueSecretsOfDifferentIdsGetDifferentVariables() =>
        Assert.NotEqual(BuildSecret.FromValue(new SecretId("a-b"), "x").Reference, BuildSecret.FromValue(new SecretId("a_b"), "x").Reference);

    [Fact]
    public void BuildxExceptionForARequestWithASecretValueDoesNotShowIt()
    {
        var request = new BuildRequest(".").WithSecret(BuildSecret.FromValue(new SecretId("token"), Value));
        var exception = new BuildxException(1, CommandLineText.Format("docker", BuildxArguments.For(request, "/tmp/m.json")), "ERROR: boom");
        Assert.DoesNotContain(Value, exception.Message);
        Assert.Contains("id=token,env=FLUENT_DOCKER_SECRET_", exception.Message);
    }
}
