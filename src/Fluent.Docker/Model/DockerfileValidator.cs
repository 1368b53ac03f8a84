using System.Text;
using System.Text.RegularExpressions;
using Fluent.Docker.Emit;

namespace Fluent.Docker;

/// <summary>
/// Finds every problem in a model before any text exists: values that kept a problem, raw line breaks in
/// single-line slots, stage references that are missing or point forward, and text BuildKit would misread.
/// </summary>
internal static partial class DockerfileValidator
{
    private static readonly HashSet<string> ReservedStageNames = new(StringComparer.OrdinalIgnoreCase) { "scratch", "context" };

    public static IReadOnlyList<DockerfileError> Validate(Dockerfile file)
    {
        var errors = new List<DockerfileError>();
        var syntax = new DockerfileSyntax(file.Escape);

        if (file.Checks is { } checks)
            foreach (var skip in checks.Skip.Concat(checks.Experimental))
                if (!CheckName().IsMatch(skip))
                    errors.Add(new DockerfileError(null, null, null, null, "check directive", $"'{Show(skip)}' is not a BuildKit check name.", "use a check name such as JSONArgsRecommended."));
        // Directive lines cannot be continued: each must fit BuildKit's line limit.
        foreach (var (name, value) in new[] { ("syntax", file.Frontend.SyntaxDirective), ("check", file.Checks is { } c ? DockerfileEmitter.CheckValue(c) : null) })
            if (value is not null && Encoding.UTF8.GetByteCount(value) > DockerfileEmitter.MaxLineBytes - 16)
                errors.Add(new DockerfileError(null, null, null, null, $"{name} directive", $"The {name} directive is longer than BuildKit's {DockerfileEmitter.MaxLineBytes}-byte line.", "shorten it."));

        foreach (var arg in file.GlobalArgs)
        {
            var at = new Site(errors, null, null, null, "ARG");
            at.Value($"global ARG {arg.Name}", arg);
            if (arg.DefaultValue is { } value && at.SingleLine($"default of ARG {arg.Name}", value))
                CheckLineLength(at, syntax, DockerfileEmitter.Arg(syntax, arg));
        }

        if (file.Stages.Count == 0)
            errors.Add(new DockerfileError(null, null, null, null, "stages", "The Dockerfile has no stage.", "add one: Stage.Named(\"app\").From(\"debian:bookworm-slim\")."));

        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var allNames = file.Stages.Select((s, i) => (s.Name, i)).Where(x => x.Name is not null)
            .GroupBy(x => x.Name!, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First().i, StringComparer.OrdinalIgnoreCase);

        for (var index = 0; index < file.Stages.Count; index++)
        {
            var stage = file.Stages[index];
            var fromSite = new Site(errors, stage.Name, index, null, "FROM");

            if (stage.Name is { } name)
            {
                if (!StageNamePattern().IsMatch(name))
                    fromSite.Add("stage name", $"'{Show(name)}' is not a valid stage name.", "start with a lowercase letter; use lowercase letters, digits, '-', '_' and '.'.");
                else if (ReservedStageNames.Contains(name))
                    fromSite.Add("stage name", $"'{name}' is reserved by BuildKit.", "choose another name, e.g. 'build' or 'runtime'.");
                if (seen.TryGetValue(name, out var first))
                    fromSite.Add("stage name", $"The stage name '{name}' is already used by stage #{first + 1}.", "give each stage a unique name.");
                else seen[name] = index;
            }

            switch (stage.Base)
            {
                case BaseImage.Image image:
                    fromSite.Value("base image", image.Reference);
                    if (image.Reference.Problem is null && image.Reference.Domain is null && image.Reference.Tag is null && image.Reference.Digest is null
                        && allNames.ContainsKey(image.Reference.Path))
                        fromSite.Add("base image", $"'{image.Reference.Path}' is the name of a stage in this file, passed as an image reference.", "pass the Stage value: .From(thatStage).");
                    break;
                case BaseImage.OfStage s:
                    CheckStageReference(fromSite, "base stage", s.Stage, stage, index, allNames);
                    break;
                case BaseImage.Expanded expanded:
                    fromSite.Value("base image", expanded.Reference);
                    if (expanded.Reference.Parts.Count == 0)
                        fromSite.Add("base image", "The image reference is empty.", "name an image, e.g. $\"golang:{goVersion}\".");
                    else if (expanded.Reference.LiteralText is { } literal)
                        fromSite.Add("base image", $"FromExpanded('{Show(literal)}') has no ARG reference to expand.",
                            ImageReference.TryParse(literal, out _) ? "use From(image), or From(stage) for a stage of this file." : "write a valid image reference such as golang:1.19, with From(image).");
                    else if (expanded.Reference.Parts[0].IsLiteral && expanded.Reference.Parts[0].Text.StartsWith('-'))
                        fromSite.Add("base image", "The image reference starts with '-', which BuildKit would read as a flag of FROM.", "start the reference with the image name.");
                    else fromSite.Flag("base image", expanded.Reference);
                    break;
            }

            var instructionNumber = 0;
            foreach (var instruction in stage.Instructions)
            {
                instructionNumber++;
                var site = new Site(errors, stage.Name, index, instructionNumber, instruction.Keyword);
                var before = errors.Count;
                CheckInstruction(site, syntax, instruction, stage, index, allNames, insideOnBuild: false);
                if (errors.Count == before) CheckEmittedLine(site, syntax, instruction);
            }
        }
        CheckFrontendFeatures(file, errors);
        return errors;
    }

    /// <summary>
    /// Checks on the text the instruction emits: it must fit BuildKit's line limit, and BuildKit must see exactly the
    /// heredocs the model means on it. BuildKit finds heredoc markers by splitting the whole line with its shell
    /// lexer (always with the backslash escape): a line it cannot split opens no heredoc at all, and a word that looks
    /// like <c>&lt;&lt;X</c> opens one.
    /// </summary>
    private static void CheckEmittedLine(Site site, DockerfileSyntax syntax, Instruction instruction)
    {
        var (header, _) = DockerfileEmitter.Instruction(syntax, instruction);
        CheckLineLength(site, syntax, header);
        IReadOnlyList<string> expected = instruction switch
        {
            CopyContentInstruction content => [DockerfileEmitter.HeredocDelimiter(content.Content)],
            RunInstruction { Command: CommandLine.Script script } => [DockerfileEmitter.HeredocDelimiter(script.Text)],
            RawInstruction raw => [.. raw.Heredocs.Select(h => h.Delimiter)],
            _ => [],
        };
        IReadOnlyList<string> found;
        try
        {
            found = Parsing.DockerfileSyntaxParser.HeredocMarkers(header, syntax.EscapeChar);
        }
        catch (Parsing.DockerfileParseException)
        {
            found = ["?"];
        }
        if (expected.Count == 0 && found.Count > 0)
            site.Add("line", "BuildKit would read a heredoc marker (<<WORD) in this line and take the following lines as its body.", "avoid '<<' followed by a word in the value, or use the exec form.");
        else if (!found.SequenceEqual(expected))
            site.Add("line", "BuildKit would not read this line's heredoc: its shell lexer (backslash escapes) cannot split the rest of the line.", "use simpler values (no unbalanced quotes or ${…} in the destination, flags or options).");
    }

    /// <summary>A logical line longer than BuildKit reads must be wrappable into continuation lines.</summary>
    private static void CheckLineLength(Site site, DockerfileSyntax syntax, string line)
    {
        if (DockerfileEmitter.PhysicalLines(syntax, line) is null)
            site.Add("line", $"The instruction is {Encoding.UTF8.GetByteCount(line)} bytes, over BuildKit's {DockerfileEmitter.MaxLineBytes}-byte line limit, and has no place to wrap it (a long run of blanks, '#' or escape characters).",
                "shorten the value, or move the data into a file and COPY it from the build context.");
    }

    /// <summary>
    /// Flags the Dockerfile frontend must understand. The builtin frontend of the oldest engine we target
    /// (BuildKit 0.13, Docker 26) rejects <c>--exclude</c> and <c>--parents</c>: they need a labs frontend there.
    /// </summary>
    private static void CheckFrontendFeatures(Dockerfile file, List<DockerfileError> errors)
    {
        for (var index = 0; index < file.Stages.Count; index++)
        {
            var stage = file.Stages[index];
            for (var i = 0; i < stage.Instructions.Count; i++)
                CheckFrontendFeatures(file.Frontend, new Site(errors, stage.Name, index, i + 1, stage.Instructions[i].Keyword), stage.Instructions[i]);
        }
    }

    private static void CheckFrontendFeatures(BuilderProfile frontend, Site site, Instruction instruction)
    {
        if (!frontend.IsBuiltin) return;
        var options = instruction switch
        {
            CopyInstruction c => c.Options,
            AddInstruction a => a.Options,
            _ => null, // inline content has its own --parents error
        };
        if (options is null) return;
        if (options.Exclude.Count > 0)
            site.Add("--exclude", "The builtin Dockerfile frontend (BuildKit 0.13) does not know --exclude.", "use Dockerfile.WithFrontend(BuilderProfile.DockerfileFrontend(\"1.7-labs\")), or a .dockerignore pattern.");
        if (options.Parents)
            site.Add("--parents", "The builtin Dockerfile frontend (BuildKit 0.13) does not know --parents.", "use Dockerfile.WithFrontend(BuilderProfile.DockerfileFrontend(\"1.7-labs\")), or copy each directory explicitly.");
    }

    /// <summary>
    /// The problems of one instruction about to be appended to <paramref name="stage"/> (stage #<paramref name="stageIndex"/>
    /// of <paramref name="file"/>, whose earlier stages are in place): what <see cref="Validate"/> would report for it.
    /// </summary>
    internal static IReadOnlyList<DockerfileError> ValidateInstruction(Dockerfile file, Stage stage, int stageIndex, Instruction instruction)
    {
        var errors = new List<DockerfileError>();
        var syntax = new DockerfileSyntax(file.Escape);
        var names = file.Stages.Take(stageIndex).Append(stage).Select((s, i) => (s.Name, i)).Where(x => x.Name is not null)
            .GroupBy(x => x.Name!, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First().i, StringComparer.OrdinalIgnoreCase);
        var site = new Site(errors, stage.Name, stageIndex, stage.Instructions.Count + 1, instruction.Keyword);
        CheckInstruction(site, syntax, instruction, stage, stageIndex, names, insideOnBuild: false);
        if (errors.Count == 0) CheckEmittedLine(site, syntax, instruction);
        CheckFrontendFeatures(file.Frontend, site, instruction);
        return errors;
    }

    private static void CheckStageReference(Site site, string slot, StageRef reference, Stage stage, int index, Dictionary<string, int> names)
    {
        var self = stage.Name is null ? $"stage #{index + 1}" : $"stage '{stage.Name}'";
        if (reference.Name.Length == 0)
            site.Add(slot, $"{self} refers to an unnamed stage.", "give the referenced stage a name with Stage.Named(…).");
        else if (!names.TryGetValue(reference.Name, out var target))
            site.Add(slot, $"{self} refers to stage '{reference.Name}', which is not in this Dockerfile.", $"add stage '{reference.Name}' to the file before {self}.");
        else if (target == index)
            site.Add(slot, $"{self} refers to itself.", "refer to an earlier stage.");
        else if (target > index)
            site.Add(slot, $"{self} refers to stage '{reference.Name}', which comes later (#{target + 1}).", $"move stage '{reference.Name}' before {self}.");
    }

    private static void CheckSource(Site site, string slot, ArtifactSource? source, Stage stage, int index, Dictionary<string, int> names)
    {
        switch (source)
        {
            case ArtifactSource.FromStage s:
                CheckStageReference(site, slot, s.Stage, stage, index, names);
                break;
            case ArtifactSource.FromImage image:
                site.Value(slot, image.Image);
                if (image.Image is { Problem: null, Domain: null, Tag: null, Digest: null } && names.ContainsKey(image.Image.Path))
                    site.Add(slot, $"'{image.Image.Path}' is the name of a stage in this file, passed as an image reference.", "pass the Stage value instead.");
                if (image.Image.Problem is null && image.Image.ToString().All(char.IsAsciiDigit))
                    site.Add(slot, $"'{image.Image}' is a number, which BuildKit reads as the index of a stage.", "name the image with its registry or a tag (e.g. docker.io/library/0:latest), or pass the Stage.");
                break;
            case ArtifactSource.FromContext context:
                site.Value(slot, context.Context);
                break;
        }
    }

    private static void CheckInstruction(Site site, DockerfileSyntax syntax, Instruction instruction, Stage stage, int index, Dictionary<string, int> names, bool insideOnBuild)
    {
        switch (instruction)
        {
            case RunInstruction run:
                CheckCommand(site, syntax, "command", run.Command, allowEmptyExec: false, insideOnBuild, opensHeredocs: true);
                CheckNoLeadingFlag(site, run.Command);
                foreach (var option in run.Options) CheckRunOption(site, syntax, option, stage, index, names);
                break;
            case CmdInstruction cmd:
                CheckContainerCommand(site, syntax, cmd.Command, insideOnBuild);
                break;
            case EntrypointInstruction entrypoint:
                CheckContainerCommand(site, syntax, entrypoint.Command, insideOnBuild);
                break;
            case ShellInstruction shell:
                if (shell.Shell.Count == 0) site.Add("shell", "SHELL needs at least the executable.", "pass e.g. Shell(\"/bin/bash\", \"-o\", \"pipefail\", \"-c\").");
                for (var i = 0; i < shell.Shell.Count; i++) site.SingleLine($"shell argument {i + 1}", shell.Shell[i]);
                break;
            case HealthcheckInstruction health:
                CheckHealthcheck(site, syntax, health.Healthcheck, insideOnBuild);
                break;
            case CopyInstruction copy:
                if (copy.Sources.Count == 0) site.Add("sources", "COPY needs at least one source.", "pass a path or glob, e.g. \".\".");
                for (var i = 0; i < copy.Sources.Count; i++) site.Path($"source {i + 1}", copy.Sources[i].Value, copy.Sources[i]);
                site.Path("destination", copy.Destination.Value, copy.Destination);
                CheckSource(site, "--from", copy.From, stage, index, names);
                CheckCopyOptions(site, copy.Options);
                break;
            case CopyContentInstruction content:
                if (insideOnBuild) site.Add("content", "ONBUILD cannot carry a heredoc.", "use a COPY of a file from the context in the trigger.");
                site.Path("destination", content.Destination.Value, content.Destination);
                if (content.Destination.Value.Parts.Any(p => !p.IsVariable && p.Text.Any(c => char.IsWhiteSpace(c) && c is not ('\r' or '\n'))))
                    site.Add("destination", "The destination contains whitespace, which a heredoc COPY cannot keep (it has no JSON form).", "use a destination without spaces, or COPY a file from the build context.");
                site.Heredoc("content", content.Content);
                CheckCopyOptions(site, content.Options);
                if (content.Options.Parents) site.Add("--parents", "--parents has no meaning for inline content.", "remove Parents.");
                break;
            case AddInstruction add:
                if (add.Sources.Count == 0) site.Add("sources", "ADD needs at least one source.", "pass an AddSource.");
                foreach (var source in add.Sources) CheckAddSource(site, source);
                site.Path("destination", add.Destination.Value, add.Destination);
                CheckCopyOptions(site, add.Options);
                if (add.Options.Parents) site.Add("--parents", "ADD does not support --parents.", "use COPY with Parents = true.");
                if (add.Sources.Count > 1 && add.Sources.Any(s => s is AddSource.Url { Checksum: not null } or AddSource.Git { Checksum: not null }))
                    site.Add("--checksum", "ADD --checksum applies to a single source.", "use one ADD per checksum-pinned source.");
                break;
            case WorkdirInstruction workdir:
                site.Value("path", workdir.Path);
                site.SingleLine("path", workdir.Path.Value);
                break;
            case EnvInstruction env:
                if (env.Variables.Count == 0) site.Add("variables", "ENV needs at least one variable.", "pass a name and a value.");
                foreach (var variable in env.Variables)
                {
                    if (VariableName.Check(variable.Name, "ENV name") is { } problem) site.Add($"ENV name '{Show(variable.Name)}'", problem.Message, problem.Fix);
                    site.SingleLine($"ENV value of {variable.Name}", variable.Value);
                    site.Value($"ENV value of {variable.Name}", variable.Value);
                }
                break;
            case ArgInstruction arg:
                site.Value($"ARG {arg.Arg.Name}", arg.Arg);
                if (arg.Arg.DefaultValue is { } value) site.SingleLine($"default of ARG {arg.Arg.Name}", value);
                break;
            case LabelInstruction label:
                if (label.Labels.Count == 0) site.Add("labels", "LABEL needs at least one label.", "pass a key and a value.");
                foreach (var l in label.Labels)
                {
                    site.Value("label key", l.Key);
                    site.SingleLine("label key", l.Key.Key);
                    if (l.Key.Key.Contains('='))
                        site.Add("label key", $"The label key '{Show(l.Key.Key)}' contains '=', where BuildKit ends the key.", "use a key without '=' (reverse-DNS, e.g. com.example.team).");
                    site.SingleLine($"value of label {l.Key.Key}", l.Value);
                    site.Value($"value of label {l.Key.Key}", l.Value);
                }
                break;
            case ExposeInstruction expose:
                if (expose.Ports.Count == 0) site.Add("ports", "EXPOSE needs at least one port.", "pass a port, e.g. 8080.");
                foreach (var port in expose.Ports) site.Value($"port {port.Number}", port);
                break;
            case UserInstruction user:
                site.Value("user", user.User);
                site.SingleLine("user", user.User.User);
                if (user.User.Group is { } group) site.SingleLine("group", group);
                break;
            case VolumeInstruction volume:
                if (volume.Paths.Count == 0) site.Add("paths", "VOLUME needs at least one path.", "pass an absolute path, e.g. /data.");
                for (var i = 0; i < volume.Paths.Count; i++)
                {
                    site.Path($"path {i + 1}", volume.Paths[i].Value, volume.Paths[i]);
                    var parts = volume.Paths[i].Value.Parts;
                    // BuildKit trims blanks around each VOLUME path.
                    static bool Blank(char c) => Parsing.GoText.IsSpace(c) && c is not ('\r' or '\n'); // line breaks are reported above
                    if (parts.Count > 0 && ((parts[0].IsLiteral && parts[0].Text.Length > 0 && Blank(parts[0].Text[0]))
                                            || (parts[^1].IsLiteral && Blank(parts[^1].Text[^1]))))
                        site.Add($"path {i + 1}", "The path starts or ends with a blank, which BuildKit trims from VOLUME paths.", "remove the leading and trailing blanks.");
                }
                break;
            case StopSignalInstruction signal:
                site.Value("signal", signal.Signal);
                break;
            case OnBuildInstruction onBuild:
                if (insideOnBuild || onBuild.Trigger is OnBuildInstruction)
                    site.Add("trigger", "ONBUILD cannot trigger another ONBUILD.", "list the trigger instructions directly.");
                else
                {
                    var before = site.ErrorCount;
                    CheckInstruction(site, syntax, onBuild.Trigger, stage, index, names, insideOnBuild: true);
                    // One problem, one error: portability is only worth reporting for an otherwise valid trigger.
                    if (site.ErrorCount == before) CheckTriggerPortable(site, onBuild.Trigger);
                }
                break;
            case RawInstruction raw:
                CheckRaw(site, raw, insideOnBuild);
                break;
        }
    }

    /// <summary>
    /// A trigger is stored as text and parsed again by the child build with the child's own escape token, which
    /// may differ from this file's: its text must read the same under both tokens.
    /// </summary>
    private static void CheckTriggerPortable(Site site, Instruction trigger)
    {
        var (backslash, _) = DockerfileEmitter.Instruction(new DockerfileSyntax(EscapeToken.Backslash), trigger);
        var (backtick, _) = DockerfileEmitter.Instruction(new DockerfileSyntax(EscapeToken.Backtick), trigger);
        if (backslash != backtick)
            site.Add("trigger", "The trigger needs escaping, and a child image reads it with its own escape token (\\ or `), so it could mean something else there.",
                "keep quotes, '$', '\\' and '`' out of the trigger's values, or hand the value to the child through an ARG or ENV.");
        else if (backslash.TrimEnd(' ', '\t').EndsWith('\\') || backslash.TrimEnd(' ', '\t').EndsWith('`'))
            site.Add("trigger", "The trigger ends with an escape character, which a child image may read as a line continuation.", "remove the trailing character.");
    }

    /// <summary>A raw line must stay one instruction: one line, not blank, not a comment, no bodies under ONBUILD.</summary>
    private static void CheckRaw(Site site, RawInstruction raw, bool insideOnBuild)
    {
        if (raw.Line.Contains('\n', StringComparison.Ordinal))
            site.Add("line", "The raw instruction contains a line feed; it is one logical line.", "pass the logical line without line breaks (heredoc bodies go in Heredocs).");
        else if (raw.Line.Trim().Length == 0 || raw.Line.TrimStart().StartsWith('#'))
            site.Add("line", "The raw instruction is blank or a comment.", "pass a whole instruction line, e.g. \"ADD --keep-git-dir=true https://… .\".");
        else if (raw.Keyword == "FROM")
            site.Add("line", "A raw FROM would start another stage inside this one.", "add a stage with Stage.Named(…).From(…) instead.");
        else if (!Parsing.DockerfileReader.IsInstruction(raw.Keyword))
            site.Add("line", $"'{Show(raw.Keyword)}' is not a Dockerfile instruction; BuildKit would reject the file.", "start the line with an instruction keyword such as RUN or COPY.");
        if (insideOnBuild && raw.Heredocs.Count > 0)
            site.Add("heredoc", "An ONBUILD trigger cannot carry heredoc bodies here.", "use a raw ONBUILD line instead.");
        foreach (var heredoc in raw.Heredocs)
            if (heredoc.Content.Length > 0 && !heredoc.Content.EndsWith('\n'))
                site.Add("heredoc", $"The body of heredoc {heredoc.Delimiter} does not end with a line break.", "end every body line with a line feed.");
    }

    private static void CheckCommand(Site site, DockerfileSyntax syntax, string slot, CommandLine command, bool allowEmptyExec, bool insideOnBuild, bool opensHeredocs = false)
    {
        switch (command)
        {
            case CommandLine.Exec exec:
                if (exec.Arguments.Count == 0 && !allowEmptyExec) site.Add(slot, "The exec form has no executable.", "pass the executable and its arguments.");
                for (var i = 0; i < exec.Arguments.Count; i++) site.SingleLine($"{slot} argument {i + 1}", exec.Arguments[i]);
                break;
            case CommandLine.Shell shell:
                if (!site.SingleLine(slot, shell.Command)) break;
                if (string.IsNullOrWhiteSpace(shell.Command))
                    site.Add(slot, "The shell command is empty.", "pass a command.");
                else if (shell.Command.TrimEnd(' ', '\t').EndsWith(syntax.EscapeChar))
                    site.Add(slot, $"The command ends with the escape character '{syntax.EscapeChar}', which would join the next line into it.", "remove the trailing escape character.");
                else if (DockerfileSyntax.ParsesAsJsonArray(shell.Command))
                    site.Add(slot, "The shell command is a JSON array, which BuildKit would run in exec form.", "use the exec-form method (e.g. RunExec/Cmd) with the arguments.");
                else if (opensHeredocs && DockerfileSyntax.ContainsHeredocMarker(shell.Command))
                    site.Add(slot, "The command contains a heredoc marker (<<WORD); BuildKit would read the next lines as its body.", "use RunScript for multi-line scripts, or quote the marker differently.");
                else if (BlankBuildKitStrips(shell.Command) is { } stripped)
                    site.Add(slot, $"The command {stripped}; BuildKit strips blanks from both ends of an instruction line, which would change what the shell runs.", "remove it from the end of the command, or use the exec form.");
                break;
            case CommandLine.Script script:
                if (insideOnBuild) site.Add(slot, "ONBUILD cannot carry a heredoc script.", "use a one-line Run in the trigger.");
                if (string.IsNullOrWhiteSpace(script.Text)) site.Add(slot, "The script is empty.", "pass the script text.");
                site.Heredoc(slot, script.Text);
                break;
        }
    }

    /// <summary>
    /// BuildKit trims every Unicode blank (Go's unicode.IsSpace, the same set as char.IsWhiteSpace) from both ends of
    /// an instruction line. Other blanks than space and tab (NBSP, U+3000, \v, \f…) are ordinary characters to the
    /// shell, and a blank after an odd number of backslashes is escaped: stripping those changes the command; plain
    /// spaces and tabs are harmless but still read back differently. Null when the ends are kept.
    /// </summary>
    private static string? BlankBuildKitStrips(string command)
    {
        static bool ShellBlank(char c) => c is ' ' or '\t';
        for (var i = 0; i < command.Length && char.IsWhiteSpace(command[i]); i++)
            if (!ShellBlank(command[i])) return $"starts with the blank U+{(int)command[i]:X4}";
        var end = command.Length;
        for (; end > 0 && char.IsWhiteSpace(command[end - 1]); end--)
            if (!ShellBlank(command[end - 1])) return $"ends with the blank U+{(int)command[end - 1]:X4}";
        var backslashes = 0;
        while (end < command.Length && end - backslashes > 0 && command[end - backslashes - 1] == '\\') backslashes++;
        if (backslashes % 2 == 1) return "ends with a backslash-escaped blank";
        // Plain spaces and tabs mean nothing to the shell, but the model keeps text exactly: a command BuildKit
        // would store differently cannot read back equal, so it is refused too.
        return command.Length != command.Trim(' ', '\t').Length ? "starts or ends with spaces or tabs" : null;
    }

    /// <summary>CMD/ENTRYPOINT: exec or shell form only; BuildKit has no heredoc for them (the body would be read as instructions).</summary>
    private static void CheckContainerCommand(Site site, DockerfileSyntax syntax, CommandLine command, bool insideOnBuild)
    {
        if (command is CommandLine.Script)
            site.Add("command", $"{site.Keyword} cannot be a heredoc script; BuildKit would read the script's lines as instructions.", "use the exec form, or the shell form with one line.");
        else CheckCommand(site, syntax, "command", command, allowEmptyExec: true, insideOnBuild);
        CheckNoLeadingFlag(site, command);
    }

    /// <summary>BuildKit parses any leading <c>--word</c> of RUN/CMD/ENTRYPOINT as a flag of the instruction.</summary>
    private static void CheckNoLeadingFlag(Site site, CommandLine command)
    {
        if (command is CommandLine.Shell shell && shell.Command.TrimStart().StartsWith("--", StringComparison.Ordinal))
            site.Add("command", "The shell command starts with '--', which BuildKit would parse as a flag of the instruction.", "start the command with the program to run, or use the exec form.");
    }

    private static void CheckHealthcheck(Site site, DockerfileSyntax syntax, Healthcheck health, bool insideOnBuild)
    {
        if (health.Test is null) return;
        if (health.Test is CommandLine.Script) site.Add("test", "A HEALTHCHECK cannot be a heredoc script.", "use Healthcheck.Exec or Healthcheck.Shell.");
        else CheckCommand(site, syntax, "test", health.Test, allowEmptyExec: false, insideOnBuild);
        void Duration(string slot, TimeSpan? value)
        {
            if (value is not { } d) return;
            if (d < TimeSpan.Zero) site.Add(slot, $"The duration {d} is negative.", "use a positive duration such as TimeSpan.FromSeconds(30).");
            else if (d > TimeSpan.Zero && d < TimeSpan.FromMilliseconds(1)) site.Add(slot, $"The duration {d} is below BuildKit's 1ms minimum.", "use at least 1ms, or zero for the default.");
        }
        Duration("--interval", health.Interval);
        Duration("--timeout", health.Timeout);
        Duration("--start-period", health.StartPeriod);
        Duration("--start-interval", health.StartInterval);
        if (health.Retries is < 0) site.Add("--retries", $"Retries {health.Retries} is negative.", "use 0 or more.");
    }

    private static void CheckRunOption(Site site, DockerfileSyntax syntax, RunOption option, Stage stage, int index, Dictionary<string, int> names)
    {
        if (option is not RunMount mount) return;
        var type = mount.GetType().Name.Replace("Mount", "", StringComparison.Ordinal).ToLowerInvariant();
        var slot = $"--mount type={type}";
        switch (mount)
        {
            case CacheMount cache:
                site.MountValue($"{slot} target", cache.Target.Value, cache.Target);
                if (cache.Id is { } id) site.MountValue($"{slot} id", id, null);
                if (cache.Source is { } source) site.MountValue($"{slot} source", source.Value, source);
                CheckSource(site, $"{slot} from", cache.From, stage, index, names);
                break;
            case SecretMount secret:
                site.Value($"{slot} id", secret.Id);
                if (secret.Target is { } target) site.MountValue($"{slot} target", target.Value, target);
                if (secret.Env is { } env && VariableName.Check(env, "secret env name") is { } problem) site.Add($"{slot} env", problem.Message, problem.Fix);
                break;
            case SshMount ssh:
                if (ssh.Id is { } sshId) site.MountValue($"{slot} id", sshId, null);
                if (ssh.Target is { } sshTarget) site.MountValue($"{slot} target", sshTarget.Value, sshTarget);
                break;
            case BindMount bind:
                site.MountValue($"{slot} target", bind.Target.Value, bind.Target);
                if (bind.Source is { } bindSource) site.MountValue($"{slot} source", bindSource.Value, bindSource);
                CheckSource(site, $"{slot} from", bind.From, stage, index, names);
                break;
            case TmpfsMount tmpfs:
                site.MountValue($"{slot} target", tmpfs.Target.Value, tmpfs.Target);
                if (tmpfs.Size is <= 0) site.Add($"{slot} size", "The tmpfs size must be positive.", "give the size in bytes, or leave it out.");
                break;
        }
    }

    private static void CheckCopyOptions(Site site, CopyOptions options)
    {
        if (options.Chown is { } chown)
        {
            site.Value("--chown", chown);
            site.Flag("--chown", chown.Text);
        }
        foreach (var exclude in options.Exclude) site.Flag("--exclude", exclude);
    }

    private static void CheckAddSource(Site site, AddSource source)
    {
        switch (source)
        {
            case AddSource.Url url:
                if (url.Address is null || !url.Address.IsAbsoluteUri || url.Address.Scheme is not ("http" or "https"))
                    site.Add("source URL", $"'{url.Address}' is not an http(s) URL.", "pass an absolute http:// or https:// address.");
                else site.SingleLine("source URL", url.Address.AbsoluteUri);
                if (url.Checksum is { } sum && !Checksum().IsMatch(sum))
                    site.Add("--checksum", $"'{Show(sum)}' is not a checksum.", "use sha256:<64 hex digits>.");
                break;
            case AddSource.Git git:
                if (site.SingleLine("git repository", git.Repository) && (git.Repository.Any(char.IsWhiteSpace) || git.Repository.Contains('#')))
                    site.Add("git repository", "The repository address contains whitespace or '#'.", "pass the ref separately (Ref = \"v1.0\").");
                if (git.Checksum is { } commit && !GitCommit().IsMatch(commit))
                    site.Add("--checksum", $"'{Show(commit)}' is not a git commit hash.", "use the commit's lowercase hex hash.");
                if (git.Ref is { } gitRef && (gitRef.Length == 0 || gitRef.Any(char.IsWhiteSpace) || gitRef.Any(char.IsControl)))
                    site.Add("git ref", $"'{Show(gitRef)}' is not a git ref.", "use a branch, tag or commit, e.g. v1.0.");
                else if (git.Ref is { } validRef) site.SingleLine("git ref", validRef);
                break;
            case AddSource.Local local:
                site.Path("source", local.Path.Value, local.Path);
                break;
        }
    }

    internal static string Show(string text) => ImageReference.Printable(text);

    [GeneratedRegex(@"^[a-z][a-z0-9_.-]*\z")]
    private static partial Regex StageNamePattern();

    [GeneratedRegex(@"^[A-Za-z]+\z")]
    private static partial Regex CheckName();

    [GeneratedRegex(@"^sha256:[0-9a-f]{64}\z")]
    private static partial Regex Checksum();

    [GeneratedRegex(@"^[0-9a-f]{7,64}\z")]
    private static partial Regex GitCommit();

    /// <summary>Where a check happens; collects errors with that location.</summary>
    private sealed class Site(List<DockerfileError> errors, string? stage, int? stageIndex, int? instruction, string keyword)
    {
        public int ErrorCount => errors.Count;

        public string Keyword => keyword;

        public void Add(string slot, string message, string fix) =>
            errors.Add(new DockerfileError(stage, stageIndex, instruction, keyword, slot, message, fix));

        public void Value(string slot, IDockerValue? value)
        {
            if (value?.Problem is { } problem)
                errors.Add(new DockerfileError(stage, stageIndex, instruction, keyword, slot, problem.Message, problem.Fix) { Code = problem.Code });
        }

        /// <summary>Raw CR/LF/NUL (and unpaired surrogates) cannot be written into a single-line slot.</summary>
        public bool SingleLine(string slot, string text)
        {
            if (text.IndexOfAny(['\r', '\n', '\0']) is var at and >= 0)
            {
                var what = text[at] switch { '\r' => "a carriage return (CR)", '\n' => "a line feed (LF)", _ => "a NUL character" };
                Add(slot, $"The value contains {what} at position {at}; a Dockerfile instruction is one line.", "remove the line break (for file content use CopyContent, for scripts RunScript).");
                return false;
            }
            return ValidUnicode(slot, text);
        }

        public bool SingleLine(string slot, Expandable value)
        {
            if (!value.Parts.All(p => p.IsVariable || SingleLine(slot, p.Text))) return false;
            if (value.Parts.FirstOrDefault(p => p.IsRaw && !DockerfileSyntax.CanWriteRaw(p.Text)) is { Text: { } raw })
            {
                Add(slot, $"The raw expression '{Show(raw)}' has both blanks and a double quote; it cannot be written as one word.", "use a BuildArg reference, or an expression without '\"'.");
                return false;
            }
            return true;
        }

        public void Heredoc(string slot, string text)
        {
            if (text.IndexOfAny(['\r', '\0']) is var at and >= 0)
                Add(slot, $"The text contains {(text[at] == '\r' ? "a carriage return (CR)" : "a NUL character")} at position {at}, which a heredoc cannot carry.", "use LF line endings and no NUL bytes.");
            else if (ValidUnicode(slot, text) && text.Split('\n').Any(line => Encoding.UTF8.GetByteCount(line) > DockerfileEmitter.MaxLineBytes))
                Add(slot, $"A line is longer than BuildKit's {DockerfileEmitter.MaxLineBytes}-byte limit, and heredoc lines cannot be wrapped.", "split the long line, or COPY the file from the build context.");
        }

        private bool ValidUnicode(string slot, string text)
        {
            for (var i = 0; i < text.Length; i++)
            {
                if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) { i++; continue; }
                if (char.IsSurrogate(text[i]))
                {
                    Add(slot, $"The value has an unpaired UTF-16 surrogate at position {i}, which cannot be written as UTF-8.", "pass valid Unicode text.");
                    return false;
                }
            }
            return true;
        }

        public void Path(string slot, Expandable value, IDockerValue checkedValue)
        {
            Value(slot, checkedValue);
            SingleLine(slot, value);
        }

        /// <summary>Flag values are split on whitespace by BuildKit's flag parser, so whitespace cannot be kept.</summary>
        public void Flag(string slot, Expandable value)
        {
            if (!SingleLine(slot, value)) return;
            if (value.Parts.Any(p => !p.IsVariable && p.Text.Any(char.IsWhiteSpace)))
                Add(slot, "The flag value contains whitespace, which BuildKit's flag parser cannot keep.", "use a value without spaces.");
            else NoNonAscii(slot, value);
        }

        /// <summary>BuildKit's flag parser reads flag values byte by byte, which corrupts non-ASCII characters.</summary>
        private void NoNonAscii(string slot, Expandable value)
        {
            if (value.Parts.Any(p => !p.IsVariable && p.Text.Any(c => c > '\x7F')))
                Add(slot, "The flag value contains non-ASCII characters, which BuildKit's flag parser corrupts (it reads flag values byte by byte).", "use an ASCII value.");
        }

        /// <summary>Mount options are comma-separated key=value fields: commas, quotes and whitespace cannot be kept.</summary>
        public void MountValue(string slot, Expandable value, IDockerValue? checkedValue)
        {
            Value(slot, checkedValue);
            if (!SingleLine(slot, value)) return;
            if (value.Parts.Any(p => !p.IsVariable && p.Text.Any(c => c is ',' or '"' or '\'' or '=' || char.IsWhiteSpace(c))))
                Add(slot, "The mount option contains a comma, quote, '=' or whitespace, which the --mount field syntax cannot keep.", "use a value without them.");
            else NoNonAscii(slot, value);
        }
    }
}
