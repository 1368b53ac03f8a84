using Fluent.Docker.Build;

namespace Fluent.Docker.Tests.Build;

public class BuildSecretTests
{
    private const string Value = "s3cr3t-value-7f";

    [Fact]
    public void Value_secret_to_string_is_redacted()
    {
        var text = BuildSecret.FromValue(new SecretId("token"), Value).ToString();
        Assert.Contains("[REDACTED]", text);
        Assert.DoesNotContain(Value, text);
    }

    [Fact]
    public void Request_to_string_never_shows_a_secret_value()
    {
        var request = new BuildRequest(".").WithSecret(BuildSecret.FromValue(new SecretId("token"), Value));
        Assert.DoesNotContain(Value, request.ToString());
        Assert.DoesNotContain(Value, request.Secrets.ToString());
    }

    [Fact]
    public void Environment_secret_shows_only_the_variable_name() =>
        Assert.Equal("secret npm from env NPM_TOKEN", BuildSecret.FromEnvironment(new SecretId("npm"), "NPM_TOKEN").ToString());

    [Fact]
    public void File_secret_shows_only_the_path() =>
        Assert.Equal("secret npmrc from file /run/npmrc", BuildSecret.FromFile(new SecretId("npmrc"), "/run/npmrc").ToString());

    [Fact]
    public void Value_secrets_of_different_ids_get_different_variables() =>
        Assert.NotEqual(BuildSecret.FromValue(new SecretId("a-b"), "x").Reference, BuildSecret.FromValue(new SecretId("a_b"), "x").Reference);

    [Fact]
    public void Buildx_exception_for_a_request_with_a_secret_value_does_not_show_it()
    {
        var request = new BuildRequest(".").WithSecret(BuildSecret.FromValue(new SecretId("token"), Value));
        var exception = new BuildxException(1, CommandLineText.Format("docker", BuildxArguments.For(request, "/tmp/m.json")), "ERROR: boom");
        Assert.DoesNotContain(Value, exception.Message);
        Assert.Contains("id=token,env=FLUENT_DOCKER_SECRET_", exception.Message);
    }
}
