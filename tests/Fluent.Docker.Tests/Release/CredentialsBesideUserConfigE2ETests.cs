using System.Text;
using System.Text.Json.Nodes;
using Fluent.Docker.Build;
using Fluent.Docker.Tests.Build;
using Fluent.Docker.Tests.Engine;

namespace Fluent.Docker.Tests.Release;

/// <summary>
/// Issue 15 point 6: credentials from the environment are added beside the user's docker configuration, never instead
/// of it. Two registries with htpasswd auth: the private base image lives in one, which only the user's config.json
/// <c>auths</c> entry opens; the push goes to the other, opened only by credentials from the environment. One build
/// needs both.
/// </summary>
[Trait("Category", "E2E")]
[Collection(DockerLabCollection.Name)]
public class CredentialsBesideUserConfigE2ETests(DockerLabFixture lab)
{
    [Fact]
    public async Task A_private_base_pulls_with_the_users_auths_while_the_push_uses_credentials_from_the_environment()
    {
        var (basePassword, pushPassword) = ("base-" + Guid.NewGuid().ToString("N"), "push-" + Guid.NewGuid().ToString("N"));
        await using var baseRegistry = await LabRegistry.StartAsync("alice", basePassword);
        await using var pushRegistry = await LabRegistry.StartAsync("bob", pushPassword);
        var suffix = Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        var variables = new[] { $"FD_BASE_USER_{suffix}", $"FD_BASE_PASSWORD_{suffix}", $"FD_PUSH_USER_{suffix}", $"FD_PUSH_PASSWORD_{suffix}" };
        var userConfig = Directory.CreateTempSubdirectory("fluent-user-docker-config-").FullName;
        try
        {
            // The private base: copied into the first registry (credentials for this step only).
            Environment.SetEnvironmentVariable(variables[0], "alice");
            Environment.SetEnvironmentVariable(variables[1], basePassword);
            var privateBase = ImageReference.Parse($"{baseRegistry.Host}/base/busybox:1.36");
            await lab.Buildx.WithCredentials(RegistryCredentials.FromEnvironment(baseRegistry.Host, variables[0], variables[1]))
                .ImagetoolsCreateAsync(privateBase, [ImageReference.Parse($"{lab.Registry}/library/busybox:1.36")]);
            Environment.SetEnvironmentVariable(variables[0], null);
            Environment.SetEnvironmentVariable(variables[1], null);

            // The user's own configuration: a `docker login` entry for the base registry only.
            var configJson = new JsonObject
            {
                ["auths"] = new JsonObject { [baseRegistry.Host] = new JsonObject { ["auth"] = Convert.ToBase64String(Encoding.UTF8.GetBytes("alice:" + basePassword)) } },
            }.ToJsonString();
            var configPath = Path.Combine(userConfig, "config.json");
            await File.WriteAllTextAsync(configPath, configJson);

            Environment.SetEnvironmentVariable(variables[2], "bob");
            Environment.SetEnvironmentVariable(variables[3], pushPassword);
            var pushCredentials = RegistryCredentials.FromEnvironment(pushRegistry.Host, variables[2], variables[3]);
            var buildx = lab.Buildx.WithUserConfigDirectory(userConfig).WithCredentials(pushCredentials);
            var model = Dockerfile.Create(Stage.Named("app").From(privateBase.ToString()).Run("echo built-on-a-private-base > /marker"));
            var tag = ImageReference.Parse($"{pushRegistry.Host}/team/app:1");
            var request = new BuildRequest(lab.WriteContext("beside-" + suffix, model)).WithPlatforms(Platform.LinuxAmd64).WithTags(tag).WithOutput(BuildOutput.Push);

            var result = await buildx.BuildAsync(request);

            Assert.Equal(result.Digest, (await buildx.ImagetoolsInspectAsync(tag)).Digest);
            Assert.Equal(configJson, await File.ReadAllTextAsync(configPath)); // the user's file is read, never written

            // Without the user's auths entry the same build cannot pull its base: the entry above really was used.
            var withoutLogin = lab.Buildx.WithUserConfigDirectory(Directory.CreateTempSubdirectory("fluent-empty-docker-config-").FullName).WithCredentials(pushCredentials);
            var refused = await Assert.ThrowsAsync<BuildxException>(() => withoutLogin.BuildAsync(request.WithNoCache()));
            Assert.Equal(BuildFailureKind.BaseImageNotFound, refused.Failure.Kind);
            Assert.Contains("authoriz", refused.Message, StringComparison.OrdinalIgnoreCase);
        }
        finally
        {
            foreach (var variable in variables) Environment.SetEnvironmentVariable(variable, null);
            Directory.Delete(userConfig, recursive: true);
        }
    }

    [Fact]
    public void The_throw_away_config_keeps_every_setting_of_the_users_and_sends_only_the_given_registries_to_the_helper()
    {
        const string user = """{"auths":{"a.example":{"auth":"eDp5"}},"credsStore":"desktop","credHelpers":{"b.example":"ecr-login"},"currentContext":"lab-node2"}""";

        var merged = JsonNode.Parse(CredentialHelperEnvironment.MergedConfig(user, new Dictionary<string, string> { ["c.example"] = "fluent-docker-0" }))!;

        Assert.Equal("eDp5", (string?)merged["auths"]!["a.example"]!["auth"]);
        Assert.Equal("desktop", (string?)merged["credsStore"]);
        Assert.Equal("ecr-login", (string?)merged["credHelpers"]!["b.example"]);
        Assert.Equal("fluent-docker-0", (string?)merged["credHelpers"]!["c.example"]);
        Assert.Equal("lab-node2", (string?)merged["currentContext"]);
    }
}
