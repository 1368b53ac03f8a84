using System.Collections.Immutable;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace Fluent.Docker.Tests.TypeSafety;

/// <summary>
/// Compiles a C# snippet with Roslyn the way a user project sees Fluent.Docker: the net10.0 runtime (the test
/// host's trusted platform assemblies) plus the Fluent.Docker assembly, the SDK's implicit global usings plus
/// <c>Fluent.Docker</c>, nullable enabled, latest language version. Nothing is emitted; only diagnostics matter.
/// <para>
/// Snippets are statements (wrapped in a method) or, with <see cref="CompileFile"/>, a whole file. Mark the code
/// a misuse test blames with <c>[|</c> and <c>|]</c>: <see cref="AssertError"/> then requires the error to be
/// reported inside that span, and no error anywhere else, so an unrelated typo cannot make a negative test pass.
/// </para>
/// </summary>
internal static class SnippetCompiler
{
    private const string OpenMarker = "[|";
    private const string CloseMarker = "|]";

    /// <summary>What <c>&lt;ImplicitUsings&gt;enable&lt;/ImplicitUsings&gt;</c> gives a Microsoft.NET.Sdk project, plus the library.</summary>
    public static readonly ImmutableArray<string> GlobalUsings =
    [
        "System",
        "System.Collections.Generic",
        "System.IO",
        "System.Linq",
        "System.Net.Http",
        "System.Threading",
        "System.Threading.Tasks",
        "Fluent.Docker",
    ];

    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    // Built once: creating ~200 metadata references (and Roslyn reading them) is the slow part.
    private static readonly Lazy<CSharpCompilation> BaseCompilation = new(CreateBaseCompilation);

    private static readonly SyntaxTree GlobalUsingsTree = CSharpSyntaxTree.ParseText(
        string.Concat(GlobalUsings.Select(u => $"global using global::{u};\n")), ParseOptions, path: "GlobalUsings.g.cs");

    private static CSharpCompilation CreateBaseCompilation()
    {
        var tpa = (AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string
                   ?? throw new InvalidOperationException("TRUSTED_PLATFORM_ASSEMBLIES is not set; is this running on CoreCLR?"))
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        var paths = tpa.Append(typeof(Stage).Assembly.Location)
            .Where(p => p.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
            .Select(Path.GetFullPath)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var references = paths.Select(p => (MetadataReference)MetadataReference.CreateFromFile(p));

        var options = new CSharpCompilationOptions(
                OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: NullableContextOptions.Enable,
                allowUnsafe: false)
            // The SDK's defaults: assembly-unification notes are not warnings in a user build.
            .WithSpecificDiagnosticOptions(new Dictionary<string, ReportDiagnostic>
            {
                ["CS1701"] = ReportDiagnostic.Suppress,
                ["CS1702"] = ReportDiagnostic.Suppress,
            });

        return CSharpCompilation.Create("Snippet", [GlobalUsingsTree], references, options);
    }

    /// <summary>Compiles <paramref name="statements"/> as the body of a method (markers allowed).</summary>
    public static SnippetResult CompileStatements(string statements) =>
        CompileFile($$"""
            namespace Snippets;

            public static class Snippet
            {
                public static void Body()
                {
            {{statements}}
                }
            }
            """);

    /// <summary>Compiles <paramref name="source"/> as one file of the user's project (markers allowed).</summary>
    public static SnippetResult CompileFile(string source)
    {
        var (text, marked) = StripMarkers(source);
        var tree = CSharpSyntaxTree.ParseText(text, ParseOptions, path: "Snippet.cs");
        var compilation = BaseCompilation.Value.AddSyntaxTrees(tree);
        var diagnostics = compilation.GetDiagnostics()
            .Where(d => d.Severity is DiagnosticSeverity.Error or DiagnosticSeverity.Warning)
            .ToImmutableArray();
        return new SnippetResult(text, tree, marked, diagnostics);
    }

    /// <summary>
    /// Compiles whole files (no markers) into an assembly the test can load and run; the errors and warnings when it
    /// does not compile cleanly.
    /// </summary>
    public static (byte[]? Assembly, ImmutableArray<Diagnostic> Diagnostics) EmitAssembly(string assemblyName, IEnumerable<(string Path, string Source)> files)
    {
        var compilation = Compilation(assemblyName, files);
        using var image = new MemoryStream();
        var result = compilation.Emit(image);
        var diagnostics = result.Diagnostics.Where(d => d.Severity is DiagnosticSeverity.Error or DiagnosticSeverity.Warning).ToImmutableArray();
        return (result.Success && diagnostics.IsEmpty ? image.ToArray() : null, diagnostics);
    }

    /// <summary>A compilation of whole files, to run analyzers over or to emit.</summary>
    public static CSharpCompilation Compilation(string assemblyName, IEnumerable<(string Path, string Source)> files) =>
        BaseCompilation.Value.AddSyntaxTrees(files.Select(f => CSharpSyntaxTree.ParseText(f.Source, ParseOptions, path: f.Path))).WithAssemblyName(assemblyName);

    /// <summary>Asserts the statements compile with no error and no warning (the repo builds with TreatWarningsAsErrors).</summary>
    public static SnippetResult AssertCompiles(string statements) => CompileStatements(statements).AssertClean();

    /// <summary>
    /// Asserts the statements fail with <paramref name="errorId"/> reported inside the <c>[|…|]</c> span, and with no
    /// error or warning outside it.
    /// </summary>
    public static SnippetResult AssertError(string errorId, string statements) => CompileStatements(statements).AssertError(errorId);

    private static (string Text, TextSpan? Marked) StripMarkers(string source)
    {
        var open = source.IndexOf(OpenMarker, StringComparison.Ordinal);
        if (open < 0)
        {
            if (source.Contains(CloseMarker, StringComparison.Ordinal)) throw new ArgumentException("'|]' without '[|' in the snippet.");
            return (source, null);
        }
        var close = source.IndexOf(CloseMarker, open + OpenMarker.Length, StringComparison.Ordinal);
        if (close < 0) throw new ArgumentException("'[|' without '|]' in the snippet.");
        var text = source[..open] + source[(open + OpenMarker.Length)..close] + source[(close + CloseMarker.Length)..];
        if (text.Contains(OpenMarker, StringComparison.Ordinal) || text.Contains(CloseMarker, StringComparison.Ordinal))
            throw new ArgumentException("A snippet marks exactly one span with [| |].");
        return (text, TextSpan.FromBounds(open, close - OpenMarker.Length));
    }
}

/// <summary>The outcome of compiling a snippet: its text, the marked span (if any) and the errors and warnings.</summary>
internal sealed class SnippetResult(string text, SyntaxTree tree, TextSpan? marked, ImmutableArray<Diagnostic> diagnostics)
{
    public string Text { get; } = text;
    public SyntaxTree Tree { get; } = tree;
    public TextSpan? Marked { get; } = marked;

    /// <summary>Errors and warnings (hidden and info diagnostics are dropped).</summary>
    public ImmutableArray<Diagnostic> Diagnostics { get; } = diagnostics;

    public ImmutableArray<Diagnostic> Errors => [.. Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)];

    public bool Compiles => Diagnostics.IsEmpty;

    /// <summary>True when the diagnostic is reported in the snippet file, inside the marked span.</summary>
    public bool IsInMarkedSpan(Diagnostic diagnostic) =>
        Marked is { } span && diagnostic.Location.SourceTree == Tree && span.Contains(diagnostic.Location.SourceSpan);

    public SnippetResult AssertClean()
    {
        if (!Compiles) Assert.Fail("Expected the snippet to compile cleanly, but got:\n" + Describe());
        return this;
    }

    public SnippetResult AssertError(string errorId)
    {
        if (Marked is null) throw new ArgumentException("Mark the offending code with [| |] so the error can be pinned to it.");
        var expected = Diagnostics.Where(d => d.Id == errorId && d.Severity == DiagnosticSeverity.Error && IsInMarkedSpan(d)).ToList();
        var elsewhere = Diagnostics.Where(d => !IsInMarkedSpan(d)).ToList();
        if (expected.Count == 0 || elsewhere.Count > 0)
        {
            Assert.Fail($"Expected error {errorId} inside the marked span '{Text.Substring(Marked.Value.Start, Marked.Value.Length)}' " +
                        $"and nothing elsewhere, but got:\n" + Describe());
        }
        return this;
    }

    /// <summary>The message of the (first) diagnostic with <paramref name="id"/>.</summary>
    public string MessageOf(string id) =>
        Diagnostics.FirstOrDefault(d => d.Id == id)?.GetMessage(System.Globalization.CultureInfo.InvariantCulture)
        ?? throw new InvalidOperationException($"No {id} diagnostic.\n" + Describe());

    public string Describe()
    {
        if (Diagnostics.IsEmpty) return "  (no diagnostics)\n--- snippet ---\n" + Text;
        var text = new StringBuilder();
        foreach (var d in Diagnostics)
        {
            var where = d.Location.IsInSource && d.Location.SourceTree == Tree
                ? $"'{Text.Substring(d.Location.SourceSpan.Start, d.Location.SourceSpan.Length)}' at {d.Location.GetLineSpan().StartLinePosition}"
                  + (IsInMarkedSpan(d) ? " (in marked span)" : " (outside marked span)")
                : d.Location.ToString();
            text.Append("  ").Append(d.Id).Append(' ').Append(d.Severity).Append(" @ ").Append(where).Append(": ")
                .AppendLine(d.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        }
        return text.Append("--- snippet ---\n").Append(Text).ToString();
    }

    public override string ToString() => Describe();
}
