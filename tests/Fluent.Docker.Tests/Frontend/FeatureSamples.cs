namespace Fluent.Docker.Tests.Frontend;

/// <summary>One small Dockerfile model per <see cref="DockerfileFeature"/>, using that feature and nothing newer.</summary>
internal static class FeatureSamples
{
    private static Stage Base() => Stage.Unnamed().From("busybox:1.36");

    public static Dockerfile For(DockerfileFeature feature)
    {
        var stage = Base();
        var checks = (CheckDirective?)null;
        if (feature == DockerfileFeature.RunMount) stage = stage.Run("true", Mount.Cache("/root/.cache"));
        else if (feature == DockerfileFeature.RunNetwork) stage = stage.Run("true", RunNetwork.None);
        else if (feature == DockerfileFeature.RunSecurity) stage = stage.Run("true", RunSecurity.Sandbox);
        else if (feature == DockerfileFeature.RunDevice) stage = stage.Run("true", new RunDevice("vendor.com/device=all"));
        else if (feature == DockerfileFeature.SecretAsEnvironment) stage = stage.Run("true", new SecretMount(new SecretId("token")) { Env = "TOKEN" });
        else if (feature == DockerfileFeature.Heredocs) stage = stage.RunScript("echo one\necho two\n");
        else if (feature == DockerfileFeature.CopyChmod) stage = stage.Copy("a", "/a", new CopyOptions { Chmod = FilePermissions.Octal("0755") });
        else if (feature == DockerfileFeature.CopyLink) stage = stage.Copy("a", "/a", new CopyOptions { Link = true });
        else if (feature == DockerfileFeature.CopyExclude) stage = stage.Copy("a", "/a/", new CopyOptions { Exclude = ValueList.Of("*.md") });
        else if (feature == DockerfileFeature.CopyParents) stage = stage.Copy("a", "/a/", new CopyOptions { Parents = true });
        else if (feature == DockerfileFeature.AddGit) stage = stage.Add(new AddSource.Git("https://github.com/moby/buildkit.git", "v0.25.0"), "/src");
        else if (feature == DockerfileFeature.AddChecksum) stage = stage.Add(new AddSource.Url(new Uri("https://example.com/a.tar"), "sha256:" + new string('0', 64)), "/a.tar");
        else if (feature == DockerfileFeature.AddGitChecksum) stage = stage.Add(new AddSource.Git("https://github.com/moby/buildkit.git", "v0.25.0", Checksum: new string('0', 40)), "/src");
        else if (feature == DockerfileFeature.AddUnpack) stage = stage.Add(new AddSource.Local("a.tar"), "/a/", unpack: false);
        else if (feature == DockerfileFeature.HealthcheckStartInterval) stage = stage.Healthcheck(Healthcheck.Exec("true") with { StartInterval = TimeSpan.FromSeconds(2) });
        else if (feature == DockerfileFeature.OnBuildFrom) stage = stage.OnBuild(t => t.CopyFrom(ImageReference.Parse("busybox:1.36"), "/bin/true", "/a"));
        else if (feature == DockerfileFeature.CheckDirective) checks = new CheckDirective { Skip = ValueList.Of("JSONArgsRecommended") };
        else if (feature == DockerfileFeature.ExperimentalChecks) checks = new CheckDirective { Experimental = ValueList.Of("CopyIgnoredFile") };
        else throw new InvalidOperationException($"No sample for {feature}: add one.");
        return Dockerfile.Create(stage).WithChecks(checks);
    }
}
