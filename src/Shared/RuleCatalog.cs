// The one catalogue of Fluent.Docker best-practice rules: id, title, message, severity, help page, and the
// hadolint rule / BuildKit check each one corresponds to. Compiled into the Roslyn analyzers
// (src/Fluent.Docker.Analyzers) and into the generation-time lint (src/Fluent.Docker, Fluent.Docker.Linting), so a
// rule has the same id, title and help page whether the editor or the generator reports it. FD00xx rules are
// reported by both; FD01xx rules need the whole model, the Dockerfile text or the build context and only the lint
// reports them. Plain netstandard2.0 C#: no Roslyn, no newer BCL.
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
        public const string DotNetSdkNotOnBuildPlatform = "FD0024";

        // Reported by the generation-time lint only.
        public const string FromAsCasing = "FD0101";
        public const string NoEmptyContinuation = "FD0102";
        public const string ConsistentInstructionCasing = "FD0103";
        public const string MaintainerDeprecated = "FD0104";
        public const string UndefinedArgInFrom = "FD0105";
        public const string UndefinedVariable = "FD0106";
        public const string MultipleInstructions = "FD0107";
        public const string LegacyKeyValueFormat = "FD0108";
        public const string RedundantTargetPlatform = "FD0109";
        public const string InvalidDefaultArgInFrom = "FD0110";
        public const string CopyIgnoredFile = "FD0111";
        public const string InvalidDefinitionDescription = "FD0112";
        public const string ExposeProtocolCasing = "FD0113";
        public const string ExposeInvalidFormat = "FD0114";
        public const string AptGetInstallUnpinned = "FD0115";
        public const string PipInstallUnpinned = "FD0116";
        public const string NpmInstallUnpinned = "FD0117";
        public const string ApkAddUnpinned = "FD0118";
        public const string ApkAddWithoutNoCache = "FD0119";
        public const string PipInstallWithoutNoCacheDir = "FD0120";
        public const string RelativeCopyWithoutWorkdir = "FD0121";
        public const string ConsecutiveRun = "FD0122";
        public const string CopyAllBeforeInstall = "FD0123";
        public const string UnusedCacheMount = "FD0124";
        public const string InvalidBaseImagePlatform = "FD0125";
        public const string UnsortedPackageList = "FD0126";
    }

    /// <summary>Where a rule is reported: by the Roslyn analyzers on C# code, by the lint over a model, or both.</summary>
    [System.Flags]
    internal enum RuleReporters
    {
        Analyzer = 1,
        Lint = 2,
        Both = Analyzer | Lint,
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
            string description, string? hadolintRule, string? buildKitCheck, RuleReporters reportedBy = RuleReporters.Both, bool blocking = false)
        {
            Blocking = blocking;
            Id = id;
            Category = category;
            Severity = severity;
            Title = title;
            MessageFormat = messageFormat;
            Description = description;
            HadolintRule = hadolintRule;
            BuildKitCheck = buildKitCheck;
            ReportedBy = reportedBy;
        }

        public string Id { get; }

        /// <summary>Security, Reproducibility, Correctness, Size or Maintainability.</summary>
        public string Category { get; }

        public RuleSeverity Severity { get; }
        public string Title { get; }

        /// <summary>
        /// The diagnostic message; <c>{0}</c>, <c>{1}</c> are filled by the reporter. A rule that corresponds to a BuildKit
        /// check says it in BuildKit's words (its frontend/dockerfile/linter/ruleset.go), so a finding reads the same from
        /// either linter; the advice is in the description and the rule's page. The buildkit-check-differential holds it.
        /// </summary>
        public string MessageFormat { get; }

        public string Description { get; }

        /// <summary>The hadolint rule(s) this one corresponds to (DLxxxx, comma-separated when several), or null.</summary>
        public string? HadolintRule { get; }

        /// <summary>The BuildKit build check (<c>docker build --check</c>) this one corresponds to, or null.</summary>
        public string? BuildKitCheck { get; }

        /// <summary>The analyzers, the lint, or both.</summary>
        public RuleReporters ReportedBy { get; }

        /// <summary>
        /// The emitter refuses a model this rule finds: the validator reports the same fact, decided by the same
        /// <see cref="DockerfileFacts"/> method, with this rule's id as the problem's code.
        /// </summary>
        public bool Blocking { get; }

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
                "Do not use ARG or ENV instructions for sensitive data ({0} \"{1}\")",
                "ARG and ENV values end up in the image config or its history. Pass secrets with Mount.Secret on the RUN that needs them.",
                "DL3064", "SecretsUsedInArgOrEnv"),
            new RuleDefinition(RuleIds.SecretLiteral, Security, RuleSeverity.Warning,
                "Literal value looks like a secret",
                "This {0} looks like a {1}; literal values are kept in the image and in source control. Use a secret mount: RUN --mount=type=secret (Run(…, Mount.Secret(…)) in C#).",
                "A literal that matches a well-known credential format (cloud keys, access tokens, private keys, passwords in URLs) is baked into the image and committed with the code.",
                null, null),
            new RuleDefinition(RuleIds.RelativeWorkdir, Correctness, RuleSeverity.Error,
                "WORKDIR must be an absolute path",
                "Relative workdir \"{0}\" can have unexpected results if the base image changes",
                "A relative WORKDIR depends on the WORKDIR before it (often the base image's). Fluent.Docker refuses it when emitting.",
                "DL3000", "WorkdirRelativePath", blocking: true),
            new RuleDefinition(RuleIds.ShellFormCommand, Correctness, RuleSeverity.Warning,
                "Use exec form for CMD and ENTRYPOINT",
                "JSON arguments recommended for {0} to prevent unintended behavior related to OS signals",
                "In shell form the shell is PID 1 and does not forward signals: the container is killed after the stop timeout instead of shutting down cleanly.",
                "DL3025", "JSONArgsRecommended"),
            new RuleDefinition(RuleIds.ConstantFromPlatform, Correctness, RuleSeverity.Warning,
                "FROM --platform should not be a constant",
                "FROM --platform flag should not use constant value \"{1}\"",
                "A constant FROM --platform builds the wrong architecture in multi-platform builds. Use Platform.BuildPlatform for build stages, or leave it out.",
                "DL3029", "FromPlatformFlagConstDisallowed"),
            new RuleDefinition(RuleIds.StageNameCasing, Correctness, RuleSeverity.Error,
                "Stage names should be lowercase",
                "Stage name '{0}' should be lowercase",
                "BuildKit matches stage names case-insensitively and asks for lowercase; Fluent.Docker refuses other names when emitting.",
                null, "StageNameCasing"),
            new RuleDefinition(RuleIds.ReservedStageName, Correctness, RuleSeverity.Warning,
                "Stage name is reserved",
                "Stage name should not use the same name as reserved stage \"{0}\"",
                "'scratch' and 'context' have a meaning of their own in FROM and --from.",
                "DL3063", "ReservedStageName"),
            new RuleDefinition(RuleIds.DuplicateStageName, Correctness, RuleSeverity.Error,
                "Stage names must be unique",
                "Duplicate stage name \"{0}\", stage names should be unique",
                "Two stages with one name make --from and --target ambiguous; Fluent.Docker refuses it when emitting.",
                "DL3024", "DuplicateStageName", blocking: true),
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
                "RUN uses sudo; build steps run as the current USER already, switch with USER (.User(…)) instead",
                "sudo has unpredictable TTY and signal behaviour and keeps a setuid binary in the image.",
                "DL3004", null),
            new RuleDefinition(RuleIds.RunCd, Maintainability, RuleSeverity.Warning,
                "Use WORKDIR instead of cd",
                "RUN changes directory with 'cd {0}'; use WORKDIR (.Workdir(…))",
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
                "ADD of the local path '{0}'; use COPY (.Copy(…)); ADD is for URLs, git repositories and archives to unpack",
                "ADD has extra behaviour (unpacking archives) that surprises for plain files and folders.",
                "DL3020", null),
            new RuleDefinition(RuleIds.PortOutOfRange, Correctness, RuleSeverity.Error,
                "Port must be between 1 and 65535",
                "Port {0} is outside 1-65535",
                "Port 0 and numbers above 65535 are not ports a container can listen on; Fluent.Docker refuses them when emitting.",
                "DL3011", null, blocking: true),
            new RuleDefinition(RuleIds.CopyFromLaterStage, Correctness, RuleSeverity.Error,
                "A stage can only use stages declared before it",
                "Stage '{0}' uses stage '{1}', which comes later in the Dockerfile; move '{1}' before '{0}'",
                "FROM <stage> and COPY --from=<stage> can only name a stage that appears earlier; Fluent.Docker refuses it when emitting.",
                "DL3022", null, blocking: true),
            new RuleDefinition(RuleIds.FinalStageWithoutHealthcheck, Maintainability, RuleSeverity.Info,
                "The final stage has no HEALTHCHECK",
                "The final stage '{0}' has no HEALTHCHECK; add HEALTHCHECK (.Healthcheck(…)), or HEALTHCHECK NONE (Healthcheck.None) to say so on purpose",
                "A health check lets the engine and orchestrators see that the service works, not only that the process runs.",
                "DL3057", null),
            new RuleDefinition(RuleIds.DotNetSdkNotOnBuildPlatform, Correctness, RuleSeverity.Error,
                "Run the .NET SDK on the build platform",
                "Stage '{0}' runs the .NET SDK image '{1}' on the target platform; for another architecture that is the SDK under emulation",
                "The .NET SDK crashes or crawls under QEMU, and it does not need to run on the target: it publishes for any architecture with -a $TARGETARCH. Build stages FROM a dotnet/sdk image run on Platform.BuildPlatform.",
                null, null),

            // ---- generation-time lint only (the whole model, the Dockerfile text, or the build context)
            new RuleDefinition(RuleIds.FromAsCasing, Maintainability, RuleSeverity.Warning,
                "FROM and AS should have the same casing",
                "'{0}' and '{1}' keywords' casing do not match",
                "BuildKit asks for one casing per FROM line. The emitter always writes FROM … AS; imported files keep theirs.",
                null, "FromAsCasing", RuleReporters.Lint),
            new RuleDefinition(RuleIds.NoEmptyContinuation, Correctness, RuleSeverity.Warning,
                "No empty line inside a continued instruction",
                "Empty continuation line",
                "An empty line after a line ending in the escape character is skipped today, but BuildKit warns that it will become an error.",
                null, "NoEmptyContinuation", RuleReporters.Lint),
            new RuleDefinition(RuleIds.ConsistentInstructionCasing, Maintainability, RuleSeverity.Warning,
                "Instruction keywords should have one casing",
                "Command '{0}' should match the case of the command majority ({1})",
                "Mixed keyword casing (From, copy, RUN) is legal but hard to read; BuildKit asks for the majority's casing.",
                null, "ConsistentInstructionCasing", RuleReporters.Lint),
            new RuleDefinition(RuleIds.MaintainerDeprecated, Maintainability, RuleSeverity.Warning,
                "MAINTAINER is deprecated",
                "Maintainer instruction is deprecated in favor of using label",
                "MAINTAINER only set a field that image tools no longer read; the OCI authors label says the same and is shown everywhere.",
                "DL4000", "MaintainerDeprecated", RuleReporters.Lint),
            new RuleDefinition(RuleIds.UndefinedArgInFrom, Correctness, RuleSeverity.Warning,
                "FROM uses an ARG that is not declared",
                "FROM argument '{0}' is not declared{1}",
                "A variable in FROM can only come from an ARG declared before the first FROM or from BuildKit's platform arguments; anything else expands to nothing.",
                null, "UndefinedArgInFrom", RuleReporters.Lint),
            new RuleDefinition(RuleIds.UndefinedVariable, Correctness, RuleSeverity.Warning,
                "Variable is not defined",
                "Usage of undefined variable '${0}'{1}",
                "An undefined variable expands to an empty string without any error. Declare the ARG in this stage, or set it with ENV first.",
                null, "UndefinedVar", RuleReporters.Lint),
            new RuleDefinition(RuleIds.MultipleInstructions, Correctness, RuleSeverity.Warning,
                "Only the last CMD, ENTRYPOINT or HEALTHCHECK of a stage counts",
                "Multiple {0} instructions should not be used in the same stage because only the last one will be used",
                "A stage has one CMD, one ENTRYPOINT and one HEALTHCHECK: an earlier one is silently replaced.",
                "DL3012, DL4003, DL4004", "MultipleInstructionsDisallowed", RuleReporters.Lint),
            new RuleDefinition(RuleIds.LegacyKeyValueFormat, Maintainability, RuleSeverity.Warning,
                "Use key=value in ENV and LABEL",
                "\"{0} key=value\" should be used instead of legacy \"{0} key value\" format",
                "The whitespace form takes the whole rest of the line as one value and cannot set several keys; BuildKit deprecates it.",
                null, "LegacyKeyValueFormat", RuleReporters.Lint),
            new RuleDefinition(RuleIds.RedundantTargetPlatform, Maintainability, RuleSeverity.Warning,
                "FROM --platform=$TARGETPLATFORM is redundant",
                "Setting platform to predefined {0} in FROM is redundant as this is the default behavior",
                "A stage is built for the target platform by default; naming it changes nothing and hides the stages that really need a platform.",
                "DL3065", "RedundantTargetPlatform", RuleReporters.Lint),
            new RuleDefinition(RuleIds.InvalidDefaultArgInFrom, Correctness, RuleSeverity.Warning,
                "Global ARG defaults must give a valid base image",
                "Default value for ARG {0} results in empty or invalid base image name",
                "A build without --build-arg uses the defaults; when they leave FROM empty or invalid (busybox:), that build fails.",
                null, "InvalidDefaultArgInFrom", RuleReporters.Lint),
            new RuleDefinition(RuleIds.CopyIgnoredFile, Correctness, RuleSeverity.Warning,
                "COPY or ADD source is excluded by .dockerignore",
                "Attempting to {0} file \"{1}\" that is excluded by .dockerignore",
                "Files the .dockerignore leaves out are never sent to the builder; copying them fails or copies nothing.",
                null, "CopyIgnoredFile", RuleReporters.Lint),
            new RuleDefinition(RuleIds.InvalidDefinitionDescription, Maintainability, RuleSeverity.Warning,
                "A description comment should start with the name it describes",
                "Comment for {0} should follow the format: `# {1} <description>`",
                "BuildKit reads the comment right above FROM … AS name or ARG name as its description when it starts with the name. Experimental in BuildKit: enable it with # check=experimental=InvalidDefinitionDescription.",
                null, "InvalidDefinitionDescription", RuleReporters.Lint),
            new RuleDefinition(RuleIds.ExposeProtocolCasing, Maintainability, RuleSeverity.Warning,
                "EXPOSE protocol should be lowercase",
                "Defined protocol '{0}' in EXPOSE instruction should be lowercase",
                "EXPOSE accepts tcp, udp and sctp in any case, but BuildKit asks for lowercase. Port values in C# cannot be cased wrongly.",
                null, "ExposeProtoCasing", RuleReporters.Lint),
            new RuleDefinition(RuleIds.ExposeInvalidFormat, Correctness, RuleSeverity.Warning,
                "EXPOSE declares container ports only",
                "EXPOSE instruction should not define an IP address or host-port mapping, found '{0}'",
                "An image cannot choose host ports or addresses; BuildKit ignores the mapping and will reject it in a future release.",
                null, "ExposeInvalidFormat", RuleReporters.Lint),
            new RuleDefinition(RuleIds.AptGetInstallUnpinned, Reproducibility, RuleSeverity.Warning,
                "Pin versions in apt-get install",
                "Package '{0}' is installed without a version; write {0}=<version>",
                "Unpinned packages change with every rebuild; a pinned version makes the image repeatable and the upgrade a visible change.",
                "DL3008", null, RuleReporters.Lint),
            new RuleDefinition(RuleIds.PipInstallUnpinned, Reproducibility, RuleSeverity.Warning,
                "Pin versions in pip install",
                "Package '{0}' is installed without a version; write {0}==<version>, or install from a pinned requirements file",
                "Unpinned packages change with every rebuild; pin them, or install with -r from a locked requirements file.",
                "DL3013", null, RuleReporters.Lint),
            new RuleDefinition(RuleIds.NpmInstallUnpinned, Reproducibility, RuleSeverity.Warning,
                "Pin versions in npm install",
                "Package '{0}' is installed without a version; write {0}@<version>",
                "Unpinned packages change with every rebuild; pin them, or run npm ci against a lock file.",
                "DL3016", null, RuleReporters.Lint),
            new RuleDefinition(RuleIds.ApkAddUnpinned, Reproducibility, RuleSeverity.Warning,
                "Pin versions in apk add",
                "Package '{0}' is installed without a version; write {0}=<version>",
                "Unpinned packages change with every rebuild; a pinned version makes the image repeatable.",
                "DL3018", null, RuleReporters.Lint),
            new RuleDefinition(RuleIds.ApkAddWithoutNoCache, Size, RuleSeverity.Info,
                "Use apk add --no-cache",
                "'apk add' without --no-cache keeps the package index in the image; add --no-cache or mount a cache at /var/cache/apk",
                "The index is only needed while installing; --no-cache fetches it into a temporary place.",
                "DL3019", null, RuleReporters.Lint),
            new RuleDefinition(RuleIds.PipInstallWithoutNoCacheDir, Size, RuleSeverity.Warning,
                "Use pip install --no-cache-dir",
                "'pip install' without --no-cache-dir keeps pip's download cache in the image; add --no-cache-dir, set ENV PIP_NO_CACHE_DIR=1 or mount a cache at /root/.cache/pip",
                "pip keeps every wheel it downloaded; in an image that is dead weight.",
                "DL3042", null, RuleReporters.Lint),
            new RuleDefinition(RuleIds.RelativeCopyWithoutWorkdir, Correctness, RuleSeverity.Warning,
                "Set WORKDIR before copying to a relative destination",
                "{0} to the relative destination '{1}' before any WORKDIR in this stage; the base image decides where it lands. Set WORKDIR (.Workdir(…)) first",
                "A relative destination is relative to the WORKDIR, which without a WORKDIR of your own is whatever the base image says.",
                "DL3045", null, RuleReporters.Lint),
            new RuleDefinition(RuleIds.ConsecutiveRun, Size, RuleSeverity.Info,
                "Consider merging consecutive RUN instructions",
                "This RUN follows another RUN with the same options; join them with && to save a layer",
                "Every RUN is a layer; files deleted in a later layer still take space in the earlier one.",
                "DL3059", null, RuleReporters.Lint),
            new RuleDefinition(RuleIds.CopyAllBeforeInstall, Maintainability, RuleSeverity.Warning,
                "Copy dependency manifests before the whole context",
                "The whole context is copied before '{0}' (instruction {1}), so every code change reinstalls the dependencies; copy the manifest (e.g. {2}) and install first",
                "BuildKit reuses a layer only while everything before it is unchanged; copying the sources before the install throws the dependency layer away on every edit.",
                null, null, RuleReporters.Lint),
            new RuleDefinition(RuleIds.UnusedCacheMount, Maintainability, RuleSeverity.Warning,
                "Mount a package cache only where its tool runs",
                "Cache mount target {0} is the {1} cache, but no command in this RUN uses it (expected one of: {2})",
                "A cache mount helps only the tool that reads and writes that directory; one on a RUN that never runs the tool is usually the wrong cache for the command (a copy-paste from another RUN) and the real tool downloads everything again on every build.",
                null, null, RuleReporters.Lint),
            new RuleDefinition(RuleIds.InvalidBaseImagePlatform, Correctness, RuleSeverity.Warning,
                "Base image platform does not match expected target platform",
                "Base image {0} was pulled with platform \"{1}\", expected \"{2}\" for current build",
                "A single-platform base image of another architecture builds, but the result is that architecture's image under the wrong platform (or fails at run time). Needs the registry: the lint reports it only when given an engine.",
                null, "InvalidBaseImagePlatform", RuleReporters.Lint),
            new RuleDefinition(RuleIds.UnsortedPackageList, Maintainability, RuleSeverity.Info,
                "Sort package lists",
                "The {0} package list is not sorted: {1}",
                "apt-get and apk install the same set whatever the order, so a sorted list costs nothing: a duplicate shows, and adding or removing a package is a one-line change in review (Docker's best-practice guide sorts multi-line arguments).",
                null, null, RuleReporters.Lint),
        };

        private static readonly Dictionary<string, RuleDefinition> ById = Index();

        public static RuleDefinition Get(string id) => ById[id];

        /// <summary>The rules <paramref name="reporter"/> reports (a rule reported by both is in both lists).</summary>
        public static IReadOnlyList<RuleDefinition> ReportedBy(RuleReporters reporter)
        {
            var rules = new List<RuleDefinition>();
            foreach (var rule in All)
                if ((rule.ReportedBy & reporter) != 0) rules.Add(rule);
            return rules;
        }

        private static Dictionary<string, RuleDefinition> Index()
        {
            var index = new Dictionary<string, RuleDefinition>();
            foreach (var rule in All) index.Add(rule.Id, rule);
            return index;
        }
    }
}
