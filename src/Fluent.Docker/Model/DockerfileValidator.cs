using System.Text;
using System.Text.RegularExpressions;
using Fluent.Docker.Emit;
using Fluent.Docker.Rules;

namespace Fluent.Docker;

/// <summary>
/// Finds every problem in a model before any text exists: values that kept a problem, raw line breaks in
/// single-line slots, stage references that are missing or point forward, and text BuildKit would misread.
/// </summary>
internal static partial class DockerfileValidator
{
    public static IReadOnlyList<Problem> Validate(Dockerfile file)
    {
        var errors = new List<Problem>();
        var syntax = new DockerfileSyntax(file.Escape);

        if (file.Checks is { } checks)
            foreach (var skip in checks.Skip.Concat(checks.Experimental))
                if (!CheckName().IsMatch(skip))
                    errors.Add(Problem.Error(ProblemCodes.InvalidModel, ProblemLocation.InSlot("check directive"), $"'{Show(skip)}' is not a BuildKit check name.", "use a check name such as JSONArgsRecommended."));
        // Directive lines cannot be continued: each must fit BuildKit's line limit.
        foreach (var (name, value) in new[] { ("syntax", file.Frontend.SyntaxDirective), ("check", file.Checks is { } c ? DockerfileEmitter.CheckValue(c) : null) })
            if (value is not null && Encoding.UTF8.GetByteCount(value) > DockerfileEmitter.MaxLineBytes - 16)
                errors.Add(Problem.Error(ProblemCodes.InvalidModel, ProblemLocation.InSlot($"{name} directive"), $"The {name} directive is longer than BuildKit's {DockerfileEmitter.MaxLineBytes}-byte line.", "shorten it."));

        for (var i = 0; i < file.GlobalArgs.Count; i++) CheckGlobalArg(errors, syntax, file.GlobalArgs[i], i);

        if (file.Stages.Count == 0)
            errors.Add(Problem.Error(ProblemCodes.InvalidModel, ProblemLocation.InSlot("stages"), "The Dockerfile has no stage.", "add one: Stage.Named(\"app\").From(\"debian:bookworm-slim\")."));

        var stageNames = file.Stages.Select(s => s.Name).ToList();
        var allNames = file.Stages.Select((s, i) => (s.Name, i)).Where(x => x.Name is not null)
            .GroupBy(x => x.Name!, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First().i, StringComparer.OrdinalIgnoreCase);

        for (var index = 0; index < file.Stages.Count; index++)
        {
            var stage = file.Stages[index];
            var fromSite = new Site(errors, ProblemLocation.InStage(stage.Name, index, 0, "FROM"));

            if (stage.Name is { } name)
            {
                if (!StageNamePattern().IsMatch(name))
                    fromSite.Add("stage name", $"'{Show(name)}' is not a valid stage name.", "start with a lowercase letter; use lowercase letters, digits, '-', '_' and '.'.");
                // A reserved name ('scratch', 'context') builds: BuildKit only warns (ReservedStageName), and so does
                // FD0009. It is not a reason to refuse the file.
                if (DockerfileFacts.EarlierStageNamed(stageNames, name, index) is var first and >= 0)
                    fromSite.Add(RuleIds.DuplicateStageName, "stage name", $"The stage name '{name}' is already used by stage #{first + 1}.", "give each stage a unique name.");
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
                var site = new Site(errors, ProblemLocation.InStage(stage.Name, index, instructionNumber, instruction.Keyword));
                var before = errors.Count;
                new Scope(site, syntax, stage, index, allNames, InsideOnBuild: false).Check(instruction);
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
    /// <summary>One global ARG's checks; the reader runs them per ARG to report an error on the ARG's line.</summary>
    internal static void CheckGlobalArg(List<Problem> errors, DockerfileSyntax syntax, BuildArg arg, int index)
    {
        var at = new Site(errors, ProblemLocation.InGlobalArg(index));
        at.Value($"global ARG {arg.Name}", arg);
        if (arg.DefaultValue is { } value && at.SingleWord($"default of ARG {arg.Name}", value))
            CheckLineLength(at, syntax, DockerfileEmitter.Arg(syntax, arg));
    }

    internal static void CheckEmittedLine(Site site, DockerfileSyntax syntax, Instruction instruction)
    {
        var (header, _) = DockerfileEmitter.Instruction(syntax, instruction);
        CheckLineLength(site, syntax, header);
        var expected = Codecs.InstructionCodecs.For(instruction).Heredocs(instruction);
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
    internal static void CheckLineLength(Site site, DockerfileSyntax syntax, string line)
    {
        if (DockerfileEmitter.PhysicalLines(syntax, line) is null)
            site.Add("line", $"The instruction is {Encoding.UTF8.GetByteCount(line)} bytes, over BuildKit's {DockerfileEmitter.MaxLineBytes}-byte line limit, and has no place to wrap it (a long run of blanks, '#' or escape characters).",
                "shorten the value, or move the data into a file and COPY it from the build context.");
    }

    /// <summary>
    /// Syntax the file's frontend does not know (<see cref="FrontendRequirement"/>): the builtin frontend of the
    /// target engine, or a pinned <c>docker/dockerfile</c> version too old for a flag the model uses.
    /// </summary>
    internal static void CheckFrontendFeatures(Dockerfile file, List<Problem> errors)
    {
        foreach (var use in FrontendRequirement.Of(file).RefusedBy(file.Frontend))
            errors.Add(Problem.Error(ProblemCodes.InvalidModel, use.Location, file.Frontend.Refusal(use.Feature), file.Frontend.FixFor(use.Feature)));
    }

    internal static void CheckFrontendFeatures(BuilderProfile frontend, Site site, Instruction instruction)
    {
        foreach (var (feature, slot) in Codecs.InstructionCodecs.For(instruction).Features(instruction))
            if (frontend.Refuses(feature)) site.Add(slot, frontend.Refusal(feature), frontend.FixFor(feature));
    }

    /// <summary>
    /// The problems of one instruction about to be appended to <paramref name="stage"/> (stage #<paramref name="stageIndex"/>
    /// of <paramref name="file"/>, whose earlier stages are in place): what <see cref="Validate"/> would report for it.
    /// </summary>
    internal static IReadOnlyList<Problem> ValidateInstruction(Dockerfile file, Stage stage, int stageIndex, Instruction instruction)
    {
        var errors = new List<Problem>();
        var syntax = new DockerfileSyntax(file.Escape);
        var names = file.Stages.Take(stageIndex).Append(stage).Select((s, i) => (s.Name, i)).Where(x => x.Name is not null)
            .GroupBy(x => x.Name!, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First().i, StringComparer.OrdinalIgnoreCase);
        var site = new Site(errors, ProblemLocation.InStage(stage.Name, stageIndex, stage.Instructions.Count + 1, instruction.Keyword));
        new Scope(site, syntax, stage, stageIndex, names, InsideOnBuild: false).Check(instruction);
        if (errors.Count == 0) CheckEmittedLine(site, syntax, instruction);
        CheckFrontendFeatures(file.Frontend, site, instruction);
        return errors;
    }

    internal static void CheckStageReference(Site site, string slot, StageRef reference, Stage stage, int index, Dictionary<string, int> names)
    {
        var self = stage.Name is null ? $"stage #{index + 1}" : $"stage '{stage.Name}'";
        if (reference.Name.Length == 0)
            site.Add(slot, $"{self} refers to an unnamed stage.", "give the referenced stage a name with Stage.Named(…).");
        else if (!names.TryGetValue(reference.Name, out var target))
            site.Add(slot, $"{self} refers to stage '{reference.Name}', which is not in this Dockerfile.", $"add stage '{reference.Name}' to the file before {self}.");
        else if (DockerfileFacts.IsLaterOrSameStage(target, index))
            site.Add(RuleIds.CopyFromLaterStage, slot, target == index ? $"{self} refers to itself." : $"{self} refers to stage '{reference.Name}', which comes later (#{target + 1}).",
                target == index ? "refer to an earlier stage." : $"move stage '{reference.Name}' before {self}.");
    }

    internal static void CheckSource(Site site, string slot, ArtifactSource? source, Stage stage, int index, Dictionary<string, int> names)
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

    /// <summary>Where one instruction is checked: its site, the file's syntax, its stage and the stage names, and whether it is an ONBUILD trigger.</summary>
    internal sealed record Scope(Site Site, DockerfileSyntax Syntax, Stage Stage, int Index, Dictionary<string, int> Names, bool InsideOnBuild)
    {
        /// <summary>Adds the problems of <paramref name="instruction"/> (its codec's checks).</summary>
        public void Check(Instruction instruction) => Codecs.InstructionCodecs.For(instruction).Validate(this, instruction);

        /// <summary>The same place, inside an ONBUILD trigger.</summary>
        public Scope InTrigger() => this with { InsideOnBuild = true };

        /// <summary>A <c>--from</c>/<c>from=</c> source: an earlier stage, a valid image, or a named context.</summary>
        public void Source(string slot, ArtifactSource? source) => CheckSource(Site, slot, source, Stage, Index, Names);
    }

    internal static void CheckCommand(Site site, DockerfileSyntax syntax, string slot, CommandLine command, bool allowEmptyExec, bool insideOnBuild, bool opensHeredocs = false)
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
    internal static string? BlankBuildKitStrips(string command)
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
    internal static void CheckContainerCommand(Site site, DockerfileSyntax syntax, CommandLine command, bool insideOnBuild)
    {
        if (command is CommandLine.Script)
            site.Add("command", $"{site.Keyword} cannot be a heredoc script; BuildKit would read the script's lines as instructions.", "use the exec form, or the shell form with one line.");
        else CheckCommand(site, syntax, "command", command, allowEmptyExec: true, insideOnBuild);
        CheckNoLeadingFlag(site, command);
    }

    /// <summary>BuildKit parses any leading <c>--word</c> of RUN/CMD/ENTRYPOINT as a flag of the instruction.</summary>
    internal static void CheckNoLeadingFlag(Site site, CommandLine command)
    {
        if (command is CommandLine.Shell shell && shell.Command.TrimStart().StartsWith("--", StringComparison.Ordinal))
            site.Add("command", "The shell command starts with '--', which BuildKit would parse as a flag of the instruction.", "start the command with the program to run, or use the exec form.");
    }

    internal static string Show(string text) => ImageReference.Printable(text);

    [GeneratedRegex(@"^[a-z][a-z0-9_.-]*\z")]
    private static partial Regex StageNamePattern();

    [GeneratedRegex(@"^[A-Za-z]+\z")]
    private static partial Regex CheckName();

    /// <summary>Where a check happens; collects errors with that location.</summary>
    internal sealed class Site(List<Problem> errors, ProblemLocation location)
    {
        public int ErrorCount => errors.Count;

        public string Keyword => location.Keyword ?? "";

        public void Add(string slot, string message, string fix) =>
            errors.Add(Problem.Error(ProblemCodes.InvalidModel, location.WithSlot(slot), message, fix));

        /// <summary>A fact that is a catalogue rule as well as a reason to refuse the model: reported with the rule's id.</summary>
        public void Add(string ruleId, string slot, string message, string fix) =>
            errors.Add(Problem.Error(ruleId, location.WithSlot(slot), message, fix));

        public void Value(string slot, IDockerValue? value)
        {
            if (value?.Problem is { } problem) errors.Add(problem.At(location.WithSlot(slot)));
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

        public bool SingleLine(string slot, Expandable value) => SingleLine(slot, value, DockerfileSyntax.CanWriteRaw);

        /// <summary>A value written as one word of ENV, LABEL or ARG, where blanks inside quotes do not split.</summary>
        public bool SingleWord(string slot, Expandable value) => SingleLine(slot, value, DockerfileSyntax.CanWriteRawWord);

        private bool SingleLine(string slot, Expandable value, Func<string, bool> canWriteRaw)
        {
            if (!value.Parts.All(p => p.IsVariable || SingleLine(slot, p.Text))) return false;
            if (value.Parts.FirstOrDefault(p => p.IsRaw && !canWriteRaw(p.Text)) is { Text: { } raw })
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
