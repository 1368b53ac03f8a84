// The one catalogue of Fluent.Docker best-practice rules: id, title, message, severity, help page, and the
// hadolint rule / BuildKit check each one corresponds to. Compiled into the Roslyn analyzers
// (src/Fluent.Docker.Analyzers) and meant to be compiled into the generation-time rule engine as well
// (<Compile Include="../Shared/RuleCatalog.cs" Link="…" />), so a rule has the same id, title and help page
// whether the editor or the generator reports it. Plain netstandard2.0 C#: no Roslyn, no newer BCL.
#nullable enable

using System.Collections.Generic;

namespace Fluent.Docker.Rules
{
    /// <summary>Rule ids, one constant per rule. Never reuse or renumber an id: users suppress by id.</summary>
    internal static class RuleIds
    {
        public const string ImageWithoutTag = "FD0001";
        public const string ImageLatestTag = "FD0002";
        public const string SecretNameInArgOrEnv = "FD0003";
        public const string SecretLiteral = "FD0004";
        public const string RelativeWorkdir = "FD0005";
        public const string ShellFormCommand = "FD0006";
        public const string ConstantFromPlatform = "FD0007";
        public const string StageNameCasing = "FD0008";
        public const string ReservedStageName = "FD0009";
        public const string DuplicateStageName = "FD0010";
        public const string FinalStageRunsAsRoot = "FD0011";
        public const string FinalStageWithoutUser = "FD0012";
        public const string RunSudo = "FD0013";
        public const string RunCd = "FD0014";
        public const string RunApt = "FD0015";
        public const string AptGetInstallWithoutYes = "FD0016";
        public const string AptGetInstallRecommends = "FD0017";
        public const string AptListsNotCleaned = "FD0018";
        public const string PipeWithoutPipefail = "FD0019";
        public const string AddLocalPath = "FD0020";
        public const string PortOutOfRange = "FD0021";
        public const string CopyFromLaterStage = "FD0022";
        public const string FinalStageWithoutHealthcheck = "FD0023";
    }

    /// <summary>How loud a rule is by default; users change it per id in <c>.editorconfig</c>.</summary>
    internal enum RuleSeverity
    {
        Info,
        Warning,
        Error,
    }

    /// <summary>One rule of the catalogue.</summary>
    internal sealed class RuleDefinition
    {
        public RuleDefinition(string id, string category, RuleSeverity severity, string title, string messageFormat,
            string description, string? hadolintRule, string? buildKitCheck)
        {
            Id = id;
            Category = category;
            Severity = severity;
            Title = title;
            MessageFormat = messageFormat;
            Description = description;
            HadolintRule = hadolintRule;
            BuildKitCheck = buildKitCheck;
        }

        public string Id { get; }

        /// <summary>Security, Reproducibility, Correctness, Size or Maintainability.</summary>
        public string Category { get; }

        public RuleSeverity Severity { get; }
        public string Title { get; }

        /// <summary>The diagnostic message; <c>{0}</c>, <c>{1}</c> are filled by the reporter.</summary>
        public string MessageFormat { get; }

        public string Description { get; }

        /// <summary>The hadolint rule this one corresponds to (DLxxxx), or null.</summary>
        public string? HadolintRule { get; }

        /// <summary>The BuildKit build check (<c>docker build --check</c>) this one corresponds to, or null.</summary>
        public string? BuildKitCheck { get; }

        /// <summary>The rule's page: <c>docs/rules/FDxxxx.md</c> in the repository.</summary>
        public string HelpLink => RuleCatalog.HelpLinkBase + Id + ".md";

        /// <summary>The page's path relative to the repository root.</summary>
        public string DocumentationPath => "docs/rules/" + Id + ".md";
    }

    internal static class RuleCatalog
    {
        /// <summary>Where the rule pages live (docs/rules/ of the repository); the one place to change if it moves.</summary>
        public const string HelpLinkBase = "https://github.com/fluent-docker/Fluent.Docker/blob/main/docs/rules/";

        private const string Security = "Security";
        private const string Reproducibility = "Reproducibility";
        private const string Correctness = "Correctness";
        private const string Size = "Size";
        private const string Maintainability = "Maintainability";

        public static IReadOnlyList<RuleDefinition> All { get; } = new[]
        {
            new RuleDefinition(RuleIds.ImageWithoutTag, Reproducibility, RuleSeverity.Warning,
                "Pin the image version with a tag or digest",
                "Image '{0}' has no tag or digest, so it means ':latest' and changes under you",
                "An image reference without a tag or digest pulls whatever ':latest' is today. Name a version tag, or better a digest.",
                "DL3006", null),
            new RuleDefinition(RuleIds.ImageLatestTag, Reproducibility, RuleSeverity.Warning,
                "Do not use the 'latest' tag",
                "Image '{0}' uses the 'latest' tag; pin a version tag or a digest",
                "':latest' moves: builds stop being repeatable and a base image upgrade arrives unannounced.",
                "DL3007", null),
            new RuleDefinition(RuleIds.SecretNameInArgOrEnv, Security, RuleSeverity.Warning,
                "ARG or ENV name looks like a secret",
                "{0} '{1}' looks like it holds a secret; ARG and ENV values are kept in the image. Use a secret mount: Run(…, Mount.Secret(…)).",
                "ARG and ENV values end up in the image config or its history. Pass secrets with Mount.Secret on the RUN that needs them.",
                "DL3064", "SecretsUsedInArgOrEnv"),
            new RuleDefinition(RuleIds.SecretLiteral, Security, RuleSeverity.Warning,
                "Literal value looks like a secret",
                "This {0} looks like a {1}; literal values are kept in the image and in source control. Use a secret mount: Run(…, Mount.Secret(…)).",
                "A literal that matches a well-known credential format (cloud keys, access tokens, private keys, passwords in URLs) is baked into the image and committed with the code.",
                null, null),
            new RuleDefinition(RuleIds.RelativeWorkdir, Correctness, RuleSeverity.Error,
                "WORKDIR must be an absolute path",
                "WORKDIR '{0}' is relative; use an absolute path such as '/{0}'",
                "A relative WORKDIR depends on the WORKDIR before it (often the base image's). Fluent.Docker refuses it when emitting.",
                "DL3000", "WorkdirRelativePath"),
            new RuleDefinition(RuleIds.ShellFormCommand, Correctness, RuleSeverity.Warning,
                "Use exec form for CMD and ENTRYPOINT",
                "{0} runs '{1}' through /bin/sh -c, so the process does not get signals such as SIGTERM; use {2}(…) with separate arguments",
                "In shell form the shell is PID 1 and does not forward signals: the container is killed after the stop timeout instead of shutting down cleanly.",
                "DL3025", "JSONArgsRecommended"),
            new RuleDefinition(RuleIds.ConstantFromPlatform, Correctness, RuleSeverity.Warning,
                "FROM --platform should not be a constant",
                "Stage '{0}' is pinned to platform {1}; the image then has that platform whatever --platform the build asks for",
                "A constant FROM --platform builds the wrong architecture in multi-platform builds. Use Platform.BuildPlatform for build stages, or leave it out.",
                "DL3029", "FromPlatformFlagConstDisallowed"),
            new RuleDefinition(RuleIds.StageNameCasing, Correctness, RuleSeverity.Error,
                "Stage names should be lowercase",
                "Stage name '{0}' is not lowercase; use '{1}'",
                "BuildKit matches stage names case-insensitively and asks for lowercase; Fluent.Docker refuses other names when emitting.",
                null, "StageNameCasing"),
            new RuleDefinition(RuleIds.ReservedStageName, Correctness, RuleSeverity.Error,
                "Stage name is reserved",
                "'{0}' is reserved by BuildKit and cannot name a stage",
                "'scratch' and 'context' have a meaning of their own in FROM and --from.",
                "DL3063", "ReservedStageName"),
            new RuleDefinition(RuleIds.DuplicateStageName, Correctness, RuleSeverity.Error,
                "Stage names must be unique",
                "Stage name '{0}' is already used by stage #{1}",
                "Two stages with one name make --from and --target ambiguous; Fluent.Docker refuses it when emitting.",
                "DL3024", "DuplicateStageName"),
            new RuleDefinition(RuleIds.FinalStageRunsAsRoot, Security, RuleSeverity.Warning,
                "The final stage should not run as root",
                "The final stage '{0}' ends with USER {1}; the container runs as root",
                "A process running as root in a container is one kernel bug away from root on the host. Switch to an unprivileged user last.",
                "DL3002", null),
            new RuleDefinition(RuleIds.FinalStageWithoutUser, Security, RuleSeverity.Warning,
                "The final stage should set a non-root USER",
                "The final stage '{0}' sets no USER, so the container runs as the base image's user, usually root",
                "Without USER the image runs as whatever the base image says, which is root for most images. Set an unprivileged user, e.g. .User(UserSpec.Id(10001, 10001)).",
                "DL3002", null),
            new RuleDefinition(RuleIds.RunSudo, Security, RuleSeverity.Warning,
                "Do not use sudo in RUN",
                "RUN uses sudo; build steps run as the current USER already, switch with .User(…) instead",
                "sudo has unpredictable TTY and signal behaviour and keeps a setuid binary in the image.",
                "DL3004", null),
            new RuleDefinition(RuleIds.RunCd, Maintainability, RuleSeverity.Warning,
                "Use WORKDIR instead of cd",
                "RUN changes directory with 'cd {0}'; use .Workdir(…)",
                "cd lasts one RUN; WORKDIR states where the following instructions work and is easier to read.",
                "DL3003", null),
            new RuleDefinition(RuleIds.RunApt, Maintainability, RuleSeverity.Warning,
                "Use apt-get instead of apt",
                "RUN uses 'apt', whose interface is not stable for scripts; use 'apt-get'",
                "apt is meant for people at a terminal and warns that its command-line interface may change.",
                "DL3027", null),
            new RuleDefinition(RuleIds.AptGetInstallWithoutYes, Correctness, RuleSeverity.Warning,
                "Use apt-get install -y",
                "'apt-get install' without -y waits for a confirmation no one can give",
                "Without -y apt-get asks before installing and the build fails or hangs.",
                "DL3014", null),
            new RuleDefinition(RuleIds.AptGetInstallRecommends, Size, RuleSeverity.Info,
                "Use apt-get install --no-install-recommends",
                "'apt-get install' without --no-install-recommends also installs recommended packages",
                "Recommended packages are rarely needed in an image and make it larger.",
                "DL3015", null),
            new RuleDefinition(RuleIds.AptListsNotCleaned, Size, RuleSeverity.Info,
                "Delete the apt lists after installing",
                "RUN installs with apt-get but keeps /var/lib/apt/lists; end it with 'rm -rf /var/lib/apt/lists/*' or use a cache mount",
                "The package lists are tens of megabytes that the image does not need.",
                "DL3009", null),
            new RuleDefinition(RuleIds.PipeWithoutPipefail, Correctness, RuleSeverity.Warning,
                "Set -o pipefail before a pipe",
                "RUN pipes into another command; without 'set -o pipefail' a failure on the left of '|' is ignored",
                "A pipe's status is its last command's: 'curl … | tar x' succeeds even when curl fails.",
                "DL4006", null),
            new RuleDefinition(RuleIds.AddLocalPath, Correctness, RuleSeverity.Warning,
                "Use COPY instead of ADD for local files",
                "ADD of the local path '{0}'; use .Copy(…) (ADD is for URLs, git repositories and archives to unpack)",
                "ADD has extra behaviour (unpacking archives) that surprises for plain files and folders.",
                "DL3020", null),
            new RuleDefinition(RuleIds.PortOutOfRange, Correctness, RuleSeverity.Error,
                "Port must be between 1 and 65535",
                "Port {0} is outside 1-65535",
                "Port 0 and numbers above 65535 are not ports a container can listen on; Fluent.Docker refuses them when emitting.",
                "DL3011", null),
            new RuleDefinition(RuleIds.CopyFromLaterStage, Correctness, RuleSeverity.Error,
                "A stage can only use stages declared before it",
                "Stage '{0}' uses stage '{1}', which comes later in the Dockerfile; move '{1}' before '{0}'",
                "FROM <stage> and COPY --from=<stage> can only name a stage that appears earlier; Fluent.Docker refuses it when emitting.",
                "DL3022", null),
            new RuleDefinition(RuleIds.FinalStageWithoutHealthcheck, Maintainability, RuleSeverity.Info,
                "The final stage has no HEALTHCHECK",
                "The final stage '{0}' has no HEALTHCHECK; add .Healthcheck(…) (or Healthcheck.None to say so on purpose)",
                "A health check lets the engine and orchestrators see that the service works, not only that the process runs.",
                "DL3057", null),
        };

        private static readonly Dictionary<string, RuleDefinition> ById = Index();

        public static RuleDefinition Get(string id) => ById[id];

        private static Dictionary<string, RuleDefinition> Index()
        {
            var index = new Dictionary<string, RuleDefinition>();
            foreach (var rule in All) index.Add(rule.Id, rule);
            return index;
        }
    }
}
