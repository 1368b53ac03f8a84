using Fluent.Docker.Build;
using Fluent.Docker.Tests.Engine;

namespace Fluent.Docker.Tests.Fuzz;

/// <summary>
/// The fuzz property checked by BuildKit itself: 200 generated values that the validator accepts as ENV and LABEL
/// values (unicode, quotes, backslashes, <c>$</c>, <c>${…}</c> expressions…) are built into one busybox image, and
/// the image config the engine reports equals the one the model projects.
/// </summary>
[Trait("Category", "E2E")]
[Collection(DockerLabCollection.Name)]
public class FuzzedValuesE2ETests(DockerLabFixture lab)
{
    private const int Seed = 4242;
    private static readonly ImageReference Busybox = ImageReference.Parse("busybox:1.36");

    [Fact]
    public async Task Two_hundred_accepted_values_build_into_the_config_the_model_projects()
    {
        await lab.Engine.PullAsync(Busybox, Platform.LinuxAmd64);
        var baseConfig = (await lab.Engine.InspectImageAsync(Busybox.ToString(), Platform.LinuxAmd64)).ToImageConfig();
        var stage = Stage.Named("fuzz").From(Busybox);
        var file = Dockerfile.Create(stage);
        var taken = 0;
        for (var index = 0; taken < 200; index++)
        {
            var value = EmitParseFuzzer.Input(Seed, index).Value;
            var env = new EnvInstruction(ValueList.Of(new EnvVariable($"FUZZ_{taken}", value)));
            var label = new LabelInstruction(ValueList.Of(new Label($"fuzz.{taken}", value)));
            if (value.ToString().Length > 20_000
                || DockerfileValidator.ValidateInstruction(file, stage, 0, env).Count > 0
                || DockerfileValidator.ValidateInstruction(file, stage, 0, label).Count > 0)
                continue;
            var candidate = Dockerfile.Create(stage.Append(env).Append(label));
            if (!Projects(candidate)) continue; // e.g. ${A?message}: BuildKit fails such a build by design
            stage = stage.Append(env).Append(label);
            file = Dockerfile.Create(stage);
            taken++;
        }
        Assert.Equal(file, Dockerfile.Parse(file.Emit()));

        var image = lab.UniqueReference("fuzzed-values");
        lab.RemoveAtEnd(image.ToString());
        await lab.Buildx.BuildAsync(new BuildRequest(lab.WriteContext("fuzzed-values", file))
            .WithPlatforms(Platform.LinuxAmd64).WithTags(image).WithOutput(BuildOutput.Load()));
        var actual = (await lab.Engine.InspectImageAsync(image.ToString(), Platform.LinuxAmd64)).ToImageConfig();
        var expected = ImageConfigProjection.Project(file, platform: Platform.LinuxAmd64, baseImages: _ => baseConfig);

        Assert.Equal(expected.Env, actual.Env);
        Assert.Equal(expected.Labels.OrderBy(l => l.Key, StringComparer.Ordinal), actual.Labels.OrderBy(l => l.Key, StringComparer.Ordinal));
        Assert.Equal(201, actual.Env.Count); // busybox's PATH and the 200 values
    }

    private static bool Projects(Dockerfile file)
    {
        try
        {
            ImageConfigProjection.Project(file);
            return true;
        }
        catch (Fluent.Docker.Parsing.ShellLexerException)
        {
            return false;
        }
    }
}
