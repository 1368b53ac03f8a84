namespace Fluent.Docker;

/// <summary>One use of a <see cref="DockerfileFeature"/> in a Dockerfile, and where.</summary>
public sealed record FeatureUse(DockerfileFeature Feature, ProblemLocation Location);

/// <summary>
/// What a Dockerfile asks of its frontend: every feature it uses that not every frontend knows, and the oldest
/// <c>docker/dockerfile</c> release that knows them all (labs when a labs-only feature is used). A stable release
/// knows the stable syntax of its version and earlier; the labs release of the same version knows that plus the labs
/// syntax, so a file that needs labs at all is solved by the newest labs version its features need.
/// </summary>
public sealed record FrontendRequirement
{
    private FrontendRequirement(ValueList<FeatureUse> uses, DockerfileSyntaxVersion minimum, bool labs)
    {
        Uses = uses;
        Minimum = minimum;
        Labs = labs;
    }

    /// <summary>Every use of a versioned feature, in file order.</summary>
    public ValueList<FeatureUse> Uses { get; }

    /// <summary>The oldest version that knows every feature used (<c>1.0</c> when none is used).</summary>
    public DockerfileSyntaxVersion Minimum { get; }

    /// <summary>True when a labs-only feature is used, so only a labs frontend reads the file.</summary>
    public bool Labs { get; }

    /// <summary>The minimal pinned frontend: <c># syntax=docker/dockerfile:1.N</c> (or <c>1.N-labs</c>).</summary>
    public BuilderProfile Frontend => BuilderProfile.DockerfileFrontend(Minimum + (Labs ? "-labs" : ""));

    /// <summary>The features <paramref name="file"/> uses and the minimal frontend that knows them.</summary>
    public static FrontendRequirement Of(Dockerfile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        var uses = new List<FeatureUse>();
        if (file.Checks is { } checks)
        {
            var directive = ProblemLocation.InSlot("# check=");
            uses.Add(new FeatureUse(DockerfileFeature.CheckDirective, directive));
            if (checks.ExperimentalAll || checks.Experimental.Count > 0) uses.Add(new FeatureUse(DockerfileFeature.ExperimentalChecks, directive));
        }
        for (var index = 0; index < file.Stages.Count; index++)
        {
            var stage = file.Stages[index];
            for (var i = 0; i < stage.Instructions.Count; i++)
            {
                var instruction = stage.Instructions[i];
                var at = ProblemLocation.InStage(stage.Name, index, i + 1, instruction.Keyword);
                uses.AddRange(Codecs.InstructionCodecs.For(instruction).Features(instruction).Select(use => new FeatureUse(use.Feature, at.WithSlot(use.Slot))));
            }
        }
        var labs = uses.Any(u => u.Feature.LabsOnly);
        var minimum = uses.Select(u => labs ? u.Feature.Labs!.Value : u.Feature.Stable!.Value).DefaultIfEmpty(new DockerfileSyntaxVersion(1, 0)).Max();
        return new FrontendRequirement(ValueList.Of(uses.ToArray()), minimum, labs);
    }

    /// <summary>The uses <paramref name="frontend"/> does not know.</summary>
    public IEnumerable<FeatureUse> UnknownTo(BuilderProfile frontend) => Uses.Where(u => !frontend.Knows(u.Feature));

    /// <summary>The uses <paramref name="frontend"/> would refuse to read (not those it reads and ignores).</summary>
    public IEnumerable<FeatureUse> RefusedBy(BuilderProfile frontend)
    {
        ArgumentNullException.ThrowIfNull(frontend);
        return Uses.Where(u => frontend.Refuses(u.Feature));
    }
}
