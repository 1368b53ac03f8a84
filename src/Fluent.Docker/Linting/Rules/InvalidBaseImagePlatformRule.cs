using Fluent.Docker.Rules;

namespace Fluent.Docker.Linting.Rules;

/// <summary>
/// FD0125 (BuildKit InvalidBaseImagePlatform): the base image the registry holds is a single-platform image for another
/// OS or architecture than the stage is built for. Needs the engine's answers (<see cref="Linter.LintTextAsync"/>): without
/// them the rule does not run. An index is not reported: BuildKit picks the stage's platform from it, or the build fails
/// when it has none.
/// </summary>
internal sealed class InvalidBaseImagePlatformRule() : StageRule(RuleIds.InvalidBaseImagePlatform)
{
    internal override bool NeedsEngine => true;

    private protected override IEnumerable<Finding> Check(StageContext stage)
    {
        if (stage.File.Options.BaseImages is not { } facts) yield break;
        var targets = stage.File.Options.Platforms.Count > 0 ? [.. stage.File.Options.Platforms] : new[] { facts.BuildPlatform };
        var reported = new HashSet<string>(StringComparer.Ordinal);
        foreach (var target in targets)
        {
            var scope = Scope(stage.File, target, facts.BuildPlatform);
            if (BaseImageName(stage, scope) is not { } name || !facts.Images.TryGetValue(name, out var image)) continue;
            if (image is not { IsIndex: false, Platforms: [var actual] } || ExpectedPlatform(stage.Stage.Platform, target, facts.BuildPlatform, scope) is not { } expected) continue;
            if (actual.Os == expected.Os && actual.Architecture == expected.Architecture) continue;
            var finding = AtFrom(stage, name, Display(actual), Display(expected));
            if (reported.Add(string.Join("|", finding.MessageArguments))) yield return finding;
        }
    }

    /// <summary>
    /// The image name a build of <paramref name="stage"/> pulls, as BuildKit names it in the message (the FROM word with
    /// the ARGs expanded); null for scratch and for a stage built on another stage.
    /// </summary>
    internal static string? BaseImageName(StageContext stage, IReadOnlyDictionary<string, string> scope)
    {
        var name = stage.Stage.Base switch
        {
            BaseImage.Image image => stage.BaseAsWritten is { } written && !written.Contains('$', StringComparison.Ordinal) ? written : image.Reference.ToString(),
            BaseImage.Expanded expanded => BuildState.Expand(expanded.Reference, scope),
            _ => null,
        };
        if (name is null || name.Length == 0 || string.Equals(name, "scratch", StringComparison.OrdinalIgnoreCase)) return null;
        // An expanded name may name an earlier stage (FROM $BASE with BASE=build).
        var named = BuildStates.IndexOf(stage.File.File, name.ToLowerInvariant());
        return named >= 0 && named < stage.Index ? null : name;
    }

    /// <summary>The names every stage's FROM may pull, for the platforms of the options: what the engine is asked to resolve.</summary>
    internal static IEnumerable<string> BaseImageNames(LintContext context, Platform buildPlatform)
    {
        var targets = context.Options.Platforms.Count > 0 ? [.. context.Options.Platforms] : new[] { buildPlatform };
        foreach (var target in targets)
        {
            var scope = Scope(context, target, buildPlatform);
            foreach (var stage in context.Stages)
                if (BaseImageName(stage, scope) is { } name) yield return name;
        }
    }

    /// <summary>What FROM sees: the global ARGs (with the build's --build-arg values) and the automatic platform ARGs.</summary>
    private static Dictionary<string, string> Scope(LintContext context, Platform target, Platform build)
    {
        var inputs = BuildInputs.For(context.File, target, context.Options.BuildArgs);
        var scope = new Dictionary<string, string>(inputs.Automatic, StringComparer.Ordinal)
        {
            ["BUILDPLATFORM"] = build.ToString(),
            ["BUILDOS"] = build.Os,
            ["BUILDARCH"] = build.Architecture,
            ["BUILDVARIANT"] = build.Variant ?? "",
        };
        foreach (var (name, value) in inputs.Global) scope[name] = value;
        return scope;
    }

    /// <summary>The platform the stage is built for: its FROM --platform (expanded), else the build's target; null when it does not parse (BuildKit stops there).</summary>
    private static Platform? ExpectedPlatform(Platform? from, Platform target, Platform build, IReadOnlyDictionary<string, string> scope)
    {
        if (from is null || from == Platform.TargetPlatform) return target;
        if (from == Platform.BuildPlatform) return build;
        if (from.IsConcrete) return from;
        if (from.Expression is not { } expression) return target;
        try { return Platform.Parse(BuildState.Expand(expression, scope)); }
        catch (FormatException) { return null; }
    }

    // As BuildKit prints it: linux/amd64, linux/arm/v7; arm64's default variant v8 is left out.
    private static string Display(Platform platform) =>
        platform.Architecture == "arm64" && platform.Variant == "v8" ? $"{platform.Os}/arm64" : platform.ToString();
}
