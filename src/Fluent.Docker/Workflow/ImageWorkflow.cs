namespace Fluent.Docker.Workflow;

/// <summary>
/// The workflow layer: what a Cake alias or a <c>fluent-docker</c> command does, each as one call with a typed result.
/// <list type="bullet">
/// <item><see cref="Generate"/>: pin to the lock, validate every image, then write each one's files.</item>
/// <item><see cref="StaleFiles(Hosting.HostManifest)"/>: which generated files on disk differ from what the definitions produce.</item>
/// <item><see cref="LockAsync(IReadOnlyList{WorkflowImage}, string, Engine.DockerEngine, LockOptions?, CancellationToken)"/>:
/// resolve base images to digests and write the lock; the platforms a locked base lacks.</item>
/// <item><see cref="Lint(IEnumerable{ImageDefinition}, Linting.LintOptions?)"/> and <see cref="LintFiles"/>: lint models or
/// Dockerfiles on disk into one <see cref="LintRun"/> (text, JSON, one merged SARIF run).</item>
/// <item><see cref="BuildSetAsync"/>, <see cref="ReleaseAsync"/>, <see cref="BakeAsync"/>: build images one after the
/// other, release them under a tag strategy, or bake them as one graph; every request from <see cref="ImageRequests"/>,
/// every push retried by one <see cref="Release.PushRetry"/>.</item>
/// </list>
/// The layer never writes to the console: messages go to the <see cref="IProgress{T}"/> a caller passes, results come back typed.
/// </summary>
public static partial class ImageWorkflow;

/// <summary>
/// How one build runs: <see cref="Build.Buildx.BuildAsync"/> by default; a caller with a live display passes its own
/// (e.g. <see cref="Display.BuildProgressDisplay.BuildAsync"/>).
/// </summary>
public delegate Task<Build.BuildResult> BuildRunner(Build.BuildRequest request, CancellationToken cancellationToken);
