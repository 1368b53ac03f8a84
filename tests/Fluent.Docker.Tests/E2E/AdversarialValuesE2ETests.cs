using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Fluent.Docker.Build;
using Fluent.Docker.Engine;
using Fluent.Docker.Tests.Engine;
using static Fluent.Docker.Tests.E2E.AdversarialValues;

namespace Fluent.Docker.Tests.E2E;

/// <summary>
/// Adversarial values through a real BuildKit build: for the default escape token and for <c># escape=`</c>, one
/// image FROM busybox:1.36 carries every value in ENV, LABEL (keys and values), WORKDIR, USER, EXPOSE, CMD and
/// ENTRYPOINT; the engine's image config must hold exactly the intended strings (compared with the model's
/// projection and value by value), and a run of the USER-less <c>probe</c> stage proves the runtime environment,
/// argv and working directory byte for byte. Fails (never skips) without the lab.
/// </summary>
[Trait("Category", "E2E")]
[Collection(DockerLabCollection.Name)]
public class AdversarialValuesE2ETests(DockerLabFixture lab)
{
    private static readonly TimeSpan RunTimeout = TimeSpan.FromSeconds(60);

    /// <summary>The four builds (two files × final/probe) of one test run, started together on first use.</summary>
    private static readonly ConcurrentDictionary<string, Lazy<Task<IReadOnlyDictionary<EscapeToken, AdversarialImages>>>> Builds = new();

    private Task<IReadOnlyDictionary<EscapeToken, AdversarialImages>> AllImagesAsync() =>
        Builds.GetOrAdd(lab.RunId, _ => new(() => BuildAllAsync(lab))).Value;

    private async Task<AdversarialImages> ImagesAsync(EscapeToken escape) => (await AllImagesAsync())[escape];

    private static async Task<IReadOnlyDictionary<EscapeToken, AdversarialImages>> BuildAllAsync(DockerLabFixture lab)
    {
        var busybox = (await lab.Engine.InspectImageAsync("busybox:1.36")).ToImageConfig();
        var started = Stopwatch.StartNew();
        var builds = new[] { EscapeToken.Backslash, EscapeToken.Backtick }.Select(async escape =>
        {
            var file = File(escape);
            var name = "adversarial-" + escape.ToString().ToLowerInvariant();
            var context = lab.WriteContext(name, file);
            var final = lab.UniqueReference(name, "final");
            var probe = lab.UniqueReference(name, "probe");
            lab.RemoveAtEnd(final.ToString());
            lab.RemoveAtEnd(probe.ToString());
            var request = new BuildRequest(context)
                .WithPlatforms(Platform.LinuxAmd64)
                .WithOutput(BuildOutput.Load(containerdImageStore: true))
                .WithProvenance(ProvenanceMode.None);
            await Task.WhenAll(
                lab.Buildx.BuildAsync(request.WithTags(final)),
                lab.Buildx.BuildAsync(request.WithTags(probe).WithTarget(file.Stages.Single(s => s.Name == "probe"))));
            return new AdversarialImages(escape, file, final, probe, busybox);
        }).ToList();
        var images = await Task.WhenAll(builds);
        Console.WriteLine($"adversarial e2e: 4 builds took {started.Elapsed.TotalSeconds:F1} s");
        return images.ToDictionary(i => i.Escape);
    }

    public static TheoryData<EscapeToken> EscapeTokens { get; } = new() { EscapeToken.Backslash, EscapeToken.Backtick };

    [Theory, MemberData(nameof(EscapeTokens))]
    public async Task Image_config_equals_the_models_projection(EscapeToken escape)
    {
        var images = await ImagesAsync(escape);

        foreach (var (stage, image) in new[] { ((string?)null, images.Final), ("probe", images.Probe) })
        {
            var actual = Normalize((await lab.Engine.InspectImageAsync(image.ToString())).ToImageConfig());
            var expected = Normalize(ImageConfigProjection.Project(images.File, stageName: stage, platform: Platform.LinuxAmd64, baseImages: _ => images.Busybox));

            AssertSameStrings($"{escape} {stage ?? "final"} Env", expected.Env.Select(e => $"{e.Key}={e.Value}").ToList(), actual.Env.Select(e => $"{e.Key}={e.Value}").ToList());
            AssertSameStrings($"{escape} {stage ?? "final"} Labels", expected.Labels.Select(e => $"{e.Key}={e.Value}").ToList(), actual.Labels.Select(e => $"{e.Key}={e.Value}").ToList());
            AssertSameStrings($"{escape} {stage ?? "final"} Cmd", [.. expected.Cmd ?? []], [.. actual.Cmd ?? []]);
            Assert.Equal(expected, actual);
        }
    }

    [Theory, MemberData(nameof(EscapeTokens))]
    public async Task Every_env_value_is_stored_exactly(EscapeToken escape)
    {
        var images = await ImagesAsync(escape);
        var inspection = await lab.Engine.InspectImageAsync(images.Final.ToString());

        var mismatches = IntendedEnv()
            .Where(e => inspection.GetEnv(e.Name) != e.Value)
            .Select(e => $"{e.Name}: {Diff(e.Value, inspection.GetEnv(e.Name))}")
            .ToList();

        Assert.True(mismatches.Count == 0, Report(images, "ENV", mismatches));
        Assert.Equal(IntendedEnv().Count(), inspection.Env.Count(e => e.StartsWith('V') || e.StartsWith('R'))); // no extra or split entries
    }

    [Theory, MemberData(nameof(EscapeTokens))]
    public async Task Every_label_key_and_value_is_stored_exactly(EscapeToken escape)
    {
        var images = await ImagesAsync(escape);
        var inspection = await lab.Engine.InspectImageAsync(images.Final.ToString());

        var intended = IntendedLabels().ToList();
        var mismatches = intended
            .Where(l => !inspection.Labels.TryGetValue(l.Key, out var value) || value != l.Value)
            .Select(l => $"label {Show(l.Key)}: {Diff(l.Value, inspection.Labels.GetValueOrDefault(l.Key))}")
            .Concat(inspection.Labels.Keys.Except(intended.Select(l => l.Key), StringComparer.Ordinal).Select(k => $"unexpected label key {Show(k)}"))
            .ToList();

        Assert.True(mismatches.Count == 0, Report(images, "LABEL", mismatches));
    }

    [Theory, MemberData(nameof(EscapeTokens))]
    public async Task Cmd_and_entrypoint_hold_every_argument_exactly(EscapeToken escape)
    {
        var images = await ImagesAsync(escape);
        var inspection = await lab.Engine.InspectImageAsync(images.Final.ToString());

        AssertSameStrings($"{escape} CMD", Cmd, inspection.Cmd ?? []);
        AssertSameStrings($"{escape} ENTRYPOINT", Entrypoint, inspection.Entrypoint ?? []);
    }

    [Theory, MemberData(nameof(EscapeTokens))]
    public async Task Workdir_user_and_ports_are_stored_exactly(EscapeToken escape)
    {
        var images = await ImagesAsync(escape);
        var final = await lab.Engine.InspectImageAsync(images.Final.ToString());
        var probe = await lab.Engine.InspectImageAsync(images.Probe.ToString());

        Assert.Equal(Workdir, final.WorkingDir);
        Assert.Equal(UserName + ":" + GroupName, final.User);
        Assert.Equal(Ports.Select(p => p.ConfigKey).Order(StringComparer.Ordinal), final.ExposedPorts.Order(StringComparer.Ordinal));
        Assert.Equal(["1/tcp", "53/udp", "65535/udp", "8080/tcp", "9999/sctp"], final.ExposedPorts.Order(StringComparer.Ordinal));
        Assert.Equal("", probe.User ?? ""); // the probe stage has no USER, so it can run
    }

    [Theory, MemberData(nameof(EscapeTokens))]
    public async Task Runtime_environment_and_working_directory_are_the_intended_bytes(EscapeToken escape)
    {
        var images = await ImagesAsync(escape);
        var env = IntendedEnv().ToList();
        // Each value is printed as hex (od), so the check is on bytes and no log framing or decoding can blur it.
        var script = string.Concat(env.Select(e => $"printf '%s' \"${e.Name}\" | od -An -v -tx1; echo =; "))
                     + "printf '%s' \"$(pwd)\" | od -An -v -tx1; echo =; "
                     + "for d in \"$@\"; do if [ -d \"$d\" ]; then echo D1; else echo D0; fi; done";

        var result = await lab.Engine.RunAsync(images.Probe, ["sh", "-c", script, "envdump", CleanedWorkdir, Workdir], null, RunTimeout);

        Assert.True(result.ExitCode == 0, $"exit {result.ExitCode}: {result.Stderr}");
        var (dumped, marks) = ParseDump(result.Stdout);
        Assert.Equal(env.Count + 1, dumped.Count);
        var mismatches = env.Select((e, i) => (e.Name, e.Value, Actual: dumped[i]))
            .Where(x => !x.Actual.SequenceEqual(Encoding.UTF8.GetBytes(x.Value)))
            .Select(x => $"{x.Name}: {Diff(x.Value, Encoding.UTF8.GetString(x.Actual))}")
            .ToList();
        Assert.True(mismatches.Count == 0, Report(images, "runtime ENV", mismatches));
        Assert.Equal(Encoding.UTF8.GetBytes(Workdir), dumped[^1]);
        Assert.Equal(["D1", "D1"], marks); // both WORKDIRs were created (the first one cleaned)
    }

    [Theory, MemberData(nameof(EscapeTokens))]
    public async Task Runtime_arguments_from_the_images_cmd_are_the_intended_bytes(EscapeToken escape)
    {
        var images = await ImagesAsync(escape);

        // No command: the image's ENTRYPOINT (exec "$@") runs its CMD, which prints each adversarial argument as hex.
        var result = await lab.Engine.RunAsync(images.Probe, null, null, RunTimeout);

        Assert.True(result.ExitCode == 0, $"exit {result.ExitCode}: {result.Stderr}");
        var (dumped, _) = ParseDump(result.Stdout);
        Assert.Equal(Values.Count, dumped.Count);
        var mismatches = Values.Select((v, i) => (Index: i, Value: v, Actual: dumped[i]))
            .Where(x => !x.Actual.SequenceEqual(Encoding.UTF8.GetBytes(x.Value)))
            .Select(x => $"argument {x.Index}: {Diff(x.Value, Encoding.UTF8.GetString(x.Actual))}")
            .ToList();
        Assert.True(mismatches.Count == 0, Report(images, "runtime argv", mismatches));
    }

    /// <summary>
    /// Why the validator rejects some shell-form commands: BuildKit trims every Unicode blank from both ends of an
    /// instruction line, so NBSP, U+3000, \v, \f or the blank after a shell backslash at the ends are lost. The
    /// Dockerfile is written by hand here, since the model refuses to emit it.
    /// </summary>
    [Fact]
    public async Task Build_kit_strips_blanks_at_the_ends_of_shell_form_commands_so_the_model_rejects_them()
    {
        const string entrypoint = "\u3000echo a\\ ", cmd = "printf x\u00a0\v\f";
        var context = Path.Combine(lab.WorkDirectory, "shell-ends");
        Directory.CreateDirectory(context);
        await System.IO.File.WriteAllTextAsync(Path.Combine(context, "Dockerfile"),
            $"# escape=`\n\nFROM busybox:1.36\nENTRYPOINT {entrypoint}\nCMD {cmd}\n", new UTF8Encoding(false));
        var image = lab.UniqueReference("shell-ends");
        lab.RemoveAtEnd(image.ToString());

        await lab.Buildx.BuildAsync(new BuildRequest(context).WithTags(image)
            .WithOutput(BuildOutput.Load(containerdImageStore: true)).WithProvenance(ProvenanceMode.None));
        var inspection = await lab.Engine.InspectImageAsync(image.ToString());

        Assert.Equal(["/bin/sh", "-c", "echo a\\"], inspection.Entrypoint); // the shell would have printed "a "
        Assert.Equal(["/bin/sh", "-c", "printf x"], inspection.Cmd);
        var errors = Dockerfile.Create(Stage.Named("app").From("busybox:1.36").EntrypointShell(entrypoint).CmdShell(cmd))
            .WithEscape(EscapeToken.Backtick).Validate();
        Assert.Equal(["ENTRYPOINT", "CMD"], errors.Where(e => e.Location.Slot == "command" && e.Message.Contains("BuildKit strips blanks", StringComparison.Ordinal)).Select(e => e.Location.Keyword));
    }

    /// <summary>Hex blocks ended by '=' lines, and the other marker lines (D1/D0) in order.</summary>
    private static (List<byte[]> Values, List<string> Marks) ParseDump(string stdout)
    {
        var values = new List<byte[]>();
        var marks = new List<string>();
        var current = new List<byte>();
        foreach (var line in stdout.Split('\n'))
        {
            var trimmed = line.Trim();
            if (trimmed == "=") { values.Add([.. current]); current.Clear(); }
            else if (trimmed is "D0" or "D1") marks.Add(trimmed);
            else
                foreach (var hex in trimmed.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                    current.Add(byte.Parse(hex, NumberStyles.HexNumber, CultureInfo.InvariantCulture));
        }
        return (values, marks);
    }

    private static ImageConfig Normalize(ImageConfig config) =>
        config with { Labels = ValueList.From(config.Labels.OrderBy(l => l.Key, StringComparer.Ordinal)) };

    private static void AssertSameStrings(string what, IReadOnlyList<string> expected, IReadOnlyList<string> actual)
    {
        var problems = new List<string>();
        if (expected.Count != actual.Count) problems.Add($"{expected.Count} intended, {actual.Count} stored");
        for (var i = 0; i < Math.Min(expected.Count, actual.Count); i++)
            if (expected[i] != actual[i]) problems.Add($"[{i}] {Diff(expected[i], actual[i])}");
        Assert.True(problems.Count == 0, $"{what}:\n  " + string.Join("\n  ", problems));
    }

    private static string Report(AdversarialImages images, string what, List<string> mismatches) =>
        $"{images.Escape} file, {what}: {mismatches.Count} value(s) differ:\n  " + string.Join("\n  ", mismatches);
}

/// <summary>One file's built images: the final stage (with the adversarial USER) and the USER-less probe stage.</summary>
public sealed record AdversarialImages(EscapeToken Escape, Dockerfile File, ImageReference Final, ImageReference Probe, ImageConfig Busybox);

/// <summary>
/// The offline half: line breaks and NUL in any single-line slot are rejected before anything is written (the error
/// names the slot, a fresh directory stays empty, an existing Dockerfile and .dockerignore keep their exact bytes);
/// shell-form ends BuildKit would strip are rejected; the adversarial model itself is valid and wraps its long lines.
/// </summary>
[Trait("Category", "E2E")]
public class AdversarialValidationTests
{
    public static IReadOnlyList<string> BadValues { get; } =
    [
        "a\nb", "a\rb", "a\r\nb", "a\0b", "x\\\nRUN id", "x`\nRUN id", "\n# escape=`", "ok\n", "\r", "FROM scratch\0",
    ];

    /// <summary>Slot → how to put a bad value into it, the instruction keyword, and the slot name the error must carry.</summary>
    private static readonly Dictionary<string, (Func<string, Stage> Build, string Keyword, string Slot)> Slots = new()
    {
        ["ENV value"] = (v => Base().Env("V", v), "ENV", "ENV value of V"),
        ["LABEL key"] = (v => Base().Label(v, "x"), "LABEL", "label key"),
        ["LABEL value"] = (v => Base().Label("com.example.k", v), "LABEL", "value of label com.example.k"),
        ["WORKDIR"] = (v => Base().Workdir("/w/" + v), "WORKDIR", "path"),
        ["USER"] = (v => Base().User(v), "USER", "user"),
        ["USER group"] = (v => Base().User(UserSpec.Named("app", v)), "USER", "group"),
        ["CMD argument"] = (v => Base().Cmd("echo", v), "CMD", "command argument 2"),
        ["ENTRYPOINT argument"] = (v => Base().Entrypoint(v), "ENTRYPOINT", "command argument 1"),
        ["RUN exec argument"] = (v => Base().RunExec(["echo", v]), "RUN", "command argument 2"),
        ["RUN shell command"] = (v => Base().Run("echo " + v), "RUN", "command"),
        ["CMD shell command"] = (v => Base().CmdShell("echo " + v), "CMD", "command"),
    };

    private static Stage Base() => Stage.Named("app").From("busybox:1.36");

    public static TheoryData<string, int> Cases()
    {
        var data = new TheoryData<string, int>();
        foreach (var slot in Slots.Keys)
            for (var i = 0; i < BadValues.Count; i++) data.Add(slot, i);
        return data;
    }

    [Theory, MemberData(nameof(Cases))]
    public void Line_break_or_nul_is_rejected_naming_the_slot_and_nothing_is_written(string slot, int badValue)
    {
        var (build, keyword, slotName) = Slots[slot];
        var value = BadValues[badValue];
        var file = Dockerfile.Create(build(value));
        var valid = Dockerfile.Create(Base().Env("OK", "1"));
        var first = value.IndexOfAny(['\r', '\n', '\0']);
        var what = value[first] switch { '\r' => "carriage return", '\n' => "line feed", _ => "NUL" };
        void AssertNamesTheSlot(DockerfileValidationException e) =>
            Assert.Contains(e.Problems, error => error.Location.Keyword == keyword && error.Location.Slot == slotName && error.Message.Contains(what, StringComparison.Ordinal));

        // Fresh directory: WriteTo and Generate throw, and leave nothing behind (not even the directory they would create).
        var fresh = Directory.CreateTempSubdirectory("fluent-docker-newline-").FullName;
        try
        {
            AssertNamesTheSlot(Assert.Throws<DockerfileValidationException>(() => file.WriteTo(Path.Combine(fresh, "sub", "Dockerfile"))));
            AssertNamesTheSlot(Assert.Throws<DockerfileValidationException>(() => ImageDefinition.Create("adversarial/newline", file).Generate(fresh)));
            AssertNamesTheSlot(Assert.Throws<DockerfileValidationException>(() => ImageDefinition.Create("adversarial/newline", file).WithContextDirectory("ctx").Generate(fresh)));
            Assert.Empty(Directory.EnumerateFileSystemEntries(fresh));

            // Existing files: byte-identical afterwards, and no temp file left next to them.
            var generated = ImageDefinition.Create("adversarial/newline", valid).Generate(fresh);
            var dockerfileBytes = System.IO.File.ReadAllBytes(generated.DockerfilePath);
            var ignoreBytes = System.IO.File.ReadAllBytes(generated.DockerIgnorePath);
            AssertNamesTheSlot(Assert.Throws<DockerfileValidationException>(() => file.WriteTo(generated.DockerfilePath)));
            AssertNamesTheSlot(Assert.Throws<DockerfileValidationException>(() => ImageDefinition.Create("adversarial/newline", file).Generate(fresh)));
            Assert.Equal(dockerfileBytes, System.IO.File.ReadAllBytes(generated.DockerfilePath));
            Assert.Equal(ignoreBytes, System.IO.File.ReadAllBytes(generated.DockerIgnorePath));
            Assert.Equal([".dockerignore", "Dockerfile"], Directory.EnumerateFileSystemEntries(fresh).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        }
        finally
        {
            Directory.Delete(fresh, recursive: true);
        }
    }

    /// <summary>Blanks BuildKit strips from the ends of the line but the shell would keep (see the e2e evidence test).</summary>
    [Theory]
    [InlineData("printf x\u00a0", "ends with the blank U+00A0")]
    [InlineData("printf x\v", "ends with the blank U+000B")]
    [InlineData("printf x\f ", "ends with the blank U+000C")]
    [InlineData("printf x\u3000", "ends with the blank U+3000")]
    [InlineData("\u0085printf x", "starts with the blank U+0085")]
    [InlineData(" \u2028printf x", "starts with the blank U+2028")]
    [InlineData("echo a\\ ", "ends with a backslash-escaped blank")]
    [InlineData("echo a\\\t\t", "ends with a backslash-escaped blank")]
    [InlineData("echo a\\\\\\ ", "ends with a backslash-escaped blank")]
    public void Shell_command_whose_ends_build_kit_would_strip_is_rejected(string command, string reason)
    {
        // Backtick file: there a trailing backslash is not the escape token, so only this rule catches it.
        var stages = new[]
        {
            Base().Run(command), Base().CmdShell(command), Base().EntrypointShell(command), Base().Healthcheck(Healthcheck.Shell(command)),
            Base().OnBuild(t => t.Run(command)),
        };
        foreach (var stage in stages)
        {
            var errors = Dockerfile.Create(stage).WithEscape(EscapeToken.Backtick).Validate();
            var error = Assert.Single(errors);
            Assert.Contains(reason, error.Message, StringComparison.Ordinal);
            Assert.Contains(error.Location.Slot, new[] { "command", "test" });
        }
    }

    [Theory]
    [InlineData("echo a  ")]
    [InlineData("  echo a")]
    [InlineData("\techo a\t")]
    [InlineData("echo a\\\\ ")] // two backslashes: the blank is not escaped, but still at the end
    public void Shell_command_with_plain_blanks_at_its_ends_is_refused_because_it_would_not_read_back(string command)
    {
        var errors = Dockerfile.Create(Base().Run(command).CmdShell(command)).WithEscape(EscapeToken.Backtick).Validate();

        Assert.Equal(2, errors.Count);
        Assert.All(errors, e => Assert.Contains("spaces or tabs", e.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void A_blank_inside_the_command_is_kept() =>
        Assert.Empty(Dockerfile.Create(Base().Run("echo a\u00a0b").CmdShell("echo a\u00a0b")).WithEscape(EscapeToken.Backtick).Validate());

    [Fact]
    public void Every_slot_and_bad_value_is_covered() => Assert.Equal(Slots.Count * BadValues.Count, Cases().Count);

    [Theory]
    [InlineData(EscapeToken.Backslash)]
    [InlineData(EscapeToken.Backtick)]
    public void The_adversarial_model_is_valid_and_wraps_its_long_lines(EscapeToken escape)
    {
        var file = File(escape);

        Assert.Empty(file.Validate());
        var text = file.Emit();
        // The ~70 000-character value forces continuation lines; BuildKit reads at most 65 535 bytes per line.
        Assert.All(text.Split('\n'), line => Assert.True(Encoding.UTF8.GetByteCount(line) <= 65535));
        Assert.Contains(text.Split('\n'), line => line.EndsWith(escape == EscapeToken.Backtick ? '`' : '\\'));
        Assert.True(Values.Count >= 25);
        Assert.Contains("", Values);
    }
}
