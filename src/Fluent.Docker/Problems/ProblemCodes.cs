namespace Fluent.Docker;

/// <summary>
/// The codes of problems that are not rules of the catalogue (rules have their <c>FDxxxx</c> id from
/// <c>src/Shared/RuleCatalog.cs</c>; a fact that is both a rule and a reason to refuse the model carries the rule's id).
/// One code per family; <see cref="Problem.Kind"/> carries the finer class where there is one. Never reuse or renumber.
/// </summary>
public static class ProblemCodes
{
    /// <summary>A value that cannot be written where it stands (an image reference, a port, a path, a flag value…).</summary>
    public const string InvalidValue = "FD2001";

    /// <summary>A model the emitter refuses for a reason that is not a catalogue rule (no stage, a missing stage, text BuildKit would misread…).</summary>
    public const string InvalidModel = "FD2002";

    /// <summary>A Dockerfile BuildKit cannot read.</summary>
    public const string UnreadableDockerfile = "FD2003";

    /// <summary>A .dockerignore BuildKit would refuse.</summary>
    public const string InvalidDockerIgnore = "FD2004";

    /// <summary>A lock file that is missing, unreadable or lacks an image.</summary>
    public const string ImageLock = "FD2005";

    /// <summary>A template option that cannot produce a working image.</summary>
    public const string TemplateOption = "FD2006";

    /// <summary>A build request buildx would reject or misread (errors), or that will not do all it seems to ask (warnings).</summary>
    public const string BuildRequest = "FD2007";

    /// <summary>A definitions project or image set that cannot be described (two images writing one file, bad host arguments).</summary>
    public const string Definition = "FD2008";

    /// <summary>A failure that is not one of the families above (an unexpected exception in a definitions host).</summary>
    public const string Unexpected = "FD2009";

    /// <summary>An image (a base or a lock entry) the registry does not have.</summary>
    public const string ImageNotFound = "FD2010";

    /// <summary>A platform an image set asks for that a base image lacks.</summary>
    public const string PlatformGap = "FD2011";

    /// <summary>A registry that refused a push (after every retry).</summary>
    public const string PushFailed = "FD2012";

    /// <summary>A build step (a RUN, mostly) that failed.</summary>
    public const string BuildStepFailed = "FD2013";

    /// <summary>A build that failed for another reason; buildx's own error line says what happened.</summary>
    public const string BuildFailed = "FD2014";

    /// <summary>An image that did not pass its smoke test (not healthy, exited, or not answering in time).</summary>
    public const string SmokeTestFailed = "FD2015";

    /// <summary>An operation the Docker engine refused or failed (its own words in the message).</summary>
    public const string EngineFailed = "FD2016";
}
