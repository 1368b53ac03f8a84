using Fluent.Docker.Analyzers;
using static Fluent.Docker.Tests.Analyzers.AnalyzerTestKit;

namespace Fluent.Docker.Tests.Analyzers;

public class SecretRuleTests
{
    // Names from BuildKit's SecretsUsedInArgOrEnv test Dockerfile (tests/corpora/buildkit-lint/SecretsUsedInArgOrEnv-1).
    [Fact]
    public Task FD0003_secret_looking_ARG_and_ENV_names() => VerifyAsync<SecretNameInArgOrEnvAnalyzer>("""
        var passphrase = new BuildArg({|FD0003:"SECRET_PASSPHRASE"|});
        var token = new BuildArg({|FD0003:"super_duper_secret_token"|}, "foo");
        var s = someStage
            .Env({|FD0003:"SUPER_Secret"|}, "foo")
            .Env(({|FD0003:"password"|}, "bar"), ({|FD0003:"secret"|}, "baz"))
            .Env(({|FD0003:"apikey"|}, "bar"), ("sunflower", "foo"))
            .Env({|FD0003:"git_key"|}, "");
        """);

    [Fact]
    public Task FD0003_quiet_for_public_file_version_and_ordinary_names() => VerifyAsync<SecretNameInArgOrEnvAnalyzer>("""
        var name = Environment.GetEnvironmentVariable("NAME") ?? "X";
        var a = new BuildArg("public_token");
        var b = new BuildArg("SECRET_PASSPHRASE_FILE");
        var c = new BuildArg("AUTH_MODULE_VERSION");
        var d = new BuildArg(name);
        var s = someStage
            .Env("PUBLIC_KEY", "")
            .Env(("password_file", "bar"), ("secret_File", "baz"))
            .Env("KEYBOARD", "us")
            .Label("org.example.token", "x");
        """);

    [Fact]
    public Task FD0004_credential_formats_in_ENV_ARG_LABEL_and_RUN() => VerifyAsync<SecretLiteralAnalyzer>("""
        var arg = new BuildArg("GH", {|FD0004:"ghp_0123456789abcdefghijABCDEFGHIJ012345"|});
        var s = someStage
            .Env("AWS_ID", {|FD0004:"AKIAIOSFODNN7EXAMPLE"|})
            .Env(("DB_URL", {|FD0004:"postgres://app:hunter2@db:5432/app"|}), ("MODE", "prod"))
            .Label("org.example.key", {|FD0004:"-----BEGIN RSA PRIVATE KEY-----"|})
            .Run({|FD0004:"curl -H 'Authorization: Bearer xoxb-1234567890-abcdefghij' https://slack.example"|});
        """);

    [Fact]
    public Task FD0004_quiet_for_ordinary_values_and_non_constants() => VerifyAsync<SecretLiteralAnalyzer>("""
        var token = Environment.GetEnvironmentVariable("TOKEN") ?? "";
        var arg = new BuildArg("VERSION", "1.2.3");
        var s = someStage
            .Env("URL", "https://example.com/path")
            .Env("PASSWORD_HINT", token)
            .Label("org.opencontainers.image.source", "https://github.com/org/repo")
            .Run("curl -fsSL https://example.com/install.sh -o /tmp/install.sh");
        """);
}
