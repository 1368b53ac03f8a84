using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using Fluent.Docker.Linting;

namespace Fluent.Docker.Hosting;

/// <summary>
/// What <c>describe</c> and <c>generate</c> report: every image of a definitions project with the files it generates,
/// or, when the definitions are invalid, no images and the typed <see cref="Problems"/>. The tool reads it back with
/// <see cref="Parse"/>; <see cref="Protocol"/> changes when the shape does (2: typed problems; 3: one <see cref="Problem"/> type for problems and lint findings, typed platforms).
/// </summary>
public sealed record HostManifest(int Protocol, string LibraryVersion, IReadOnlyList<HostManifestImage> Images)
{
    public const int CurrentProtocol = 3;

    /// <summary>Why the host stopped (nothing was written); empty when it succeeded.</summary>
    public IReadOnlyList<Problem> Problems { get; init; } = [];

    /// <summary>The manifest of a host that stopped at <paramref name="problems"/>.</summary>
    public static HostManifest Failed(IReadOnlyList<Problem> problems) =>
        new(CurrentProtocol, LibraryVersionOf(typeof(HostManifest).Assembly), []) { Problems = problems ?? throw new ArgumentNullException(nameof(problems)) };

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(), new PlatformJsonConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>
    /// Validates and emits every image (throws <see cref="DockerfileValidationException"/> and the value exceptions) without
    /// writing; with <paramref name="lint"/>, also lints each model with its .dockerignore (<see cref="Linter.Lint(ImageDefinition, LintOptions?)"/>),
    /// so suppressions made in C# hold and lines point into the generated Dockerfile.
    /// </summary>
    public static HostManifest Describe(IReadOnlyList<ImageDefinition> images, string baseDirectory, bool lint = false)
    {
        var described = images.Select(image =>
        {
            var context = Path.GetFullPath(Path.Combine(baseDirectory, image.ContextDirectory));
            return new HostManifestImage(image.Name, [.. image.Platforms], context,
                Path.Combine(context, image.DockerfileName), Path.Combine(context, image.IgnoreFileName),
                image.Dockerfile.Emit(), image.Ignore.Emit())
            {
                Findings = lint ? Linter.Lint(image) is var report ? [.. report.Diagnostics, .. report.Suppressed] : null : null,
            };
        }).ToList();
        var clash = described.SelectMany(i => new[] { i.DockerfilePath, i.DockerIgnorePath }).GroupBy(p => p).FirstOrDefault(g => g.Count() > 1);
        if (clash is not null)
            throw new ProblemException(Problem.Error(ProblemCodes.Definition, ProblemLocation.None, $"Two images write {clash.Key}.",
                "give each image its own context directory or Dockerfile name (WithDockerfileName)."));
        return new HostManifest(CurrentProtocol, LibraryVersionOf(typeof(HostManifest).Assembly), described);
    }

    /// <summary>A platform as its OCI text (<c>linux/arm64/v8</c>), read back typed.</summary>
    private sealed class PlatformJsonConverter : JsonConverter<Platform>
    {
        public override Platform Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            Platform.Parse(reader.GetString() ?? throw new JsonException("A platform is null."));

        public override void Write(Utf8JsonWriter writer, Platform value, JsonSerializerOptions options) => writer.WriteStringValue(value.ToString());
    }

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static HostManifest Parse(string json) =>
        JsonSerializer.Deserialize<HostManifest>(json, Json) ?? throw new FormatException("The manifest is empty.");

    /// <summary>The informational version without the source-revision suffix (<c>1.2.0+abc</c> → <c>1.2.0</c>).</summary>
    public static string LibraryVersionOf(Assembly assembly)
    {
        var version = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? assembly.GetName().Version?.ToString() ?? "0.0.0";
        var plus = version.IndexOf('+', StringComparison.Ordinal);
        return plus < 0 ? version : version[..plus];
    }
}

/// <summary>One image of a <see cref="HostManifest"/>: absolute paths, the text each file gets, and the lint findings when asked.</summary>
public sealed record HostManifestImage(
    string Name, IReadOnlyList<Platform> Platforms, string ContextDirectory,
    string DockerfilePath, string DockerIgnorePath, string Dockerfile, string DockerIgnore)
{
    /// <summary>The model's lint findings, suppressed ones included (with their reasons); null unless <c>describe --lint</c>.</summary>
    public IReadOnlyList<Problem>? Findings { get; init; }

    /// <summary>The lint report the <see cref="Findings"/> came from, with this library's rules (the manifest's protocol guarantees the same ids).</summary>
    public LintReport LintReport()
    {
        var findings = Findings ?? [];
        var unknown = findings.FirstOrDefault(f => !Linter.Rules.Any(r => r.Id == f.Code));
        if (unknown is not null) throw new FormatException($"The definitions report rule {unknown.Code}, which this Fluent.Docker does not know.");
        return new LintReport([.. findings.Where(d => d.SuppressedBecause is null)], [.. findings.Where(d => d.SuppressedBecause is not null)], Linter.Rules);
    }
}
