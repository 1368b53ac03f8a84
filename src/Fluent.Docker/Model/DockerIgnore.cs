using System.Text;

namespace Fluent.Docker;

/// <summary>
/// The patterns of a <c>.dockerignore</c> file, in order (later patterns win; <c>!pattern</c> re-includes).
/// Emitted one per line, so a pattern cannot hold a line break. Matching follows BuildKit exactly
/// (<see cref="Compile"/>); <see cref="Parse"/> reads a file as BuildKit reads it.
/// </summary>
public sealed record DockerIgnore
{
    private DockerIgnore(ValueList<string> patterns) => Patterns = patterns;

    /// <summary>The conventional file name in the context root.</summary>
    public const string FileName = ".dockerignore";

    public ValueList<string> Patterns { get; }

    public static DockerIgnore Empty { get; } = new(ValueList<string>.Empty);

    /// <summary>What no image wants in its context: VCS data, local secrets, editor and OS litter.</summary>
    public static DockerIgnore Common { get; } = Create(
        ".git", ".gitignore", ".env", ".env.*", "**/*.pem", "**/*.key", ".vscode", ".idea", "**/.DS_Store",
        "Dockerfile", "*.Dockerfile", ".dockerignore");

    public static DockerIgnore Create(params string[] patterns) => new(ValueList.Of(patterns));

    public DockerIgnore With(params string[] patterns) => new(Patterns.AppendRange(patterns));

    /// <summary>Re-includes a path excluded by an earlier pattern (<c>!path</c>).</summary>
    public DockerIgnore Except(string pattern) => new(Patterns.Append("!" + pattern));

    /// <summary>
    /// <see cref="Common"/> plus the build outputs, dependency folders and caches of <paramref name="language"/>
    /// (at any depth), plus other Dockerfiles' ignore files.
    /// </summary>
    public static DockerIgnore ForLanguage(ProjectLanguage language) =>
        Common.With("*.dockerignore").With([.. DockerIgnoreGeneration.LanguagePatterns(language)]);

    /// <summary>
    /// An allow-list for exactly what <paramref name="dockerfile"/> reads from the context: <c>*</c> leaves everything
    /// out, then a <c>!source</c> per COPY/ADD source and RUN bind mount re-includes it (globs stay globs). Nothing is
    /// left out when a source is the whole context (<c>COPY . .</c>) or starts with a variable; a model that reads
    /// nothing from the context gets <c>*</c> alone.
    /// </summary>
    public static DockerIgnore AllowListFor(Dockerfile dockerfile)
    {
        ArgumentNullException.ThrowIfNull(dockerfile);
        var sources = DockerIgnoreGeneration.ContextSources(dockerfile);
        return sources is null ? Empty : Create(["*", .. sources.Select(s => "!" + s)]);
    }

    /// <summary>
    /// The generated .dockerignore: <see cref="AllowListFor"/> the model, then <see cref="ForLanguage"/>'s patterns so
    /// build outputs inside allowed directories stay out; a source those patterns would hide is re-included at the end.
    /// </summary>
    public static DockerIgnore For(Dockerfile dockerfile, ProjectLanguage language)
    {
        ArgumentNullException.ThrowIfNull(dockerfile);
        var defaults = ForLanguage(language);
        var sources = DockerIgnoreGeneration.ContextSources(dockerfile);
        if (sources is null) return defaults;
        var matcher = DockerIgnoreMatcher.Compile(defaults.Patterns.Select(IgnoreFileReader.CleanLine).OfType<string>());
        var hidden = sources.Where(s => DockerIgnoreGeneration.Excludes(matcher, s)).Select(s => "!" + s);
        return AllowListFor(dockerfile).With([.. defaults.Patterns, .. hidden]);
    }

    /// <summary>
    /// Reads .dockerignore text as BuildKit does (comments only at column 1, whitespace trimmed, patterns cleaned,
    /// a leading '/' dropped). Throws <see cref="DockerIgnoreException"/> for a line of 64 KiB or more.
    /// </summary>
    public static DockerIgnore Parse(string text) => new(ValueList.From(IgnoreFileReader.ReadAll(text)));

    /// <summary>Reads a .dockerignore file (see <see cref="Parse"/>).</summary>
    public static DockerIgnore Load(string path) => Parse(File.ReadAllText(path));

    /// <summary>
    /// The ignore file BuildKit uses for a build: <c>&lt;Dockerfile name&gt;.dockerignore</c> beside the Dockerfile when it
    /// exists, else <c>.dockerignore</c> in the context root, else null (nothing is left out).
    /// </summary>
    public static string? Locate(string contextDirectory, string dockerfilePath)
    {
        ArgumentNullException.ThrowIfNull(contextDirectory);
        ArgumentNullException.ThrowIfNull(dockerfilePath);
        var beside = Path.GetFullPath(Path.Combine(contextDirectory, dockerfilePath)) + FileName;
        if (File.Exists(beside)) return beside;
        var root = Path.Combine(contextDirectory, FileName);
        return File.Exists(root) ? Path.GetFullPath(root) : null;
    }

    /// <summary>
    /// The patterns as BuildKit will match them, compiled. Throws <see cref="DockerfileValidationException"/> listing
    /// every problem (each <see cref="Problem.Kind"/> is a <see cref="DockerIgnoreError"/> where BuildKit has one).
    /// </summary>
    public DockerIgnoreMatcher Compile()
    {
        var errors = Validate();
        if (errors.Count > 0) throw new DockerfileValidationException(errors);
        return DockerIgnoreMatcher.Compile(Patterns.Select(IgnoreFileReader.CleanLine).OfType<string>());
    }

    public IReadOnlyList<Problem> Validate()
    {
        var errors = new List<Problem>();
        for (var i = 0; i < Patterns.Count; i++)
        {
            var pattern = Patterns[i];
            void Add(string message, string fix, DockerIgnoreError? code = null) =>
                errors.Add(Problem.Error(ProblemCodes.InvalidDockerIgnore, new ProblemLocation { File = FileName, Slot = $"pattern {i + 1}" }, message, fix) with { Kind = code });

            if (pattern.IndexOfAny(['\r', '\n', '\0']) >= 0)
                Add("The pattern contains a line break or NUL.", "pass one pattern per entry.");
            else if (pattern.Trim().Length == 0 || pattern.Trim() == "!")
                Add("The pattern is empty.", "remove it, or give a path or glob.", pattern.Trim() == "!" ? DockerIgnoreError.IllegalExclusion : null);
            else if (pattern.StartsWith('#'))
                Add("A pattern starting with '#' is read as a comment.", "write the name as '[#]name' or '\\#name'.");
            else if (Encoding.UTF8.GetByteCount(pattern) >= IgnoreFileReader.MaxLineBytes)
                Add($"The pattern is {Encoding.UTF8.GetByteCount(pattern)} bytes; BuildKit cannot read a line of {IgnoreFileReader.MaxLineBytes} bytes or more.", "split it into shorter patterns.", DockerIgnoreError.LineTooLong);
            else if (CompileProblem(IgnoreFileReader.CleanLine(pattern)!) is { } problem)
                Add(problem.Reason, problem.Fix, problem.Error);
        }
        return errors;
    }

    /// <summary>What BuildKit says about one cleaned pattern: refused when compiled, or failing every match.</summary>
    private static DockerIgnoreException? CompileProblem(string pattern)
    {
        try
        {
            return DockerIgnoreMatcher.Compile([pattern]).Patterns.Single().Unusable;
        }
        catch (DockerIgnoreException e)
        {
            return e;
        }
    }

    public string Emit()
    {
        var errors = Validate();
        if (errors.Count > 0) throw new DockerfileValidationException(errors);
        var text = new StringBuilder("# Generated by Fluent.Docker: edit the C# definition, not this file.\n");
        foreach (var pattern in Patterns) text.Append(pattern).Append('\n');
        return text.ToString();
    }
}
