namespace Fluent.Docker.Workflow;

/// <summary>
/// The file half of the workflow layer, which needs nothing but the model: each step one call with a typed result.
/// <list type="bullet">
/// <item><see cref="Generate"/>: pin to the lock, validate every image, then write each one's files.</item>
/// <item><see cref="StaleFiles(Hosting.HostManifest)"/>: which generated files on disk differ from what the definitions produce.</item>
/// <item><see cref="Lint(IEnumerable{ImageDefinition}, Linting.LintOptions?)"/> and <see cref="LintFiles"/>: lint models or
/// Dockerfiles on disk into one <see cref="LintRun"/> (text, JSON, one merged SARIF run).</item>
/// </list>
/// The build half (lock, build set, release, bake) is <c>ImageWorkflow</c> in the Fluent.Docker.Workflow package.
/// The layer never writes to the console: results come back typed.
/// </summary>
public static partial class FileWorkflow;
