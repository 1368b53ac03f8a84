namespace Fluent.Docker.Workflow;

/// <summary>
/// The build half of the workflow layer (the file half, generate and lint, is <see cref="FileWorkflow"/> in the core):
/// what a Cake alias or a <c>fluent-docker</c> command does, each as one call with a typed result.
/// <list type="bullet">
/// <item><see cref="LockAsync(IReadOnlyList{WorkflowImage}, string, Engine.DockerEngine, LockOptions?, CancellationToken)"/>:
/// resolve base images to digests and write the lock; the platforms a locked base lacks.</item>
/// <item><see cref="BuildSetAsync"/>, <see cref="ReleaseAsync"/>, <see cref="BakeAsync"/>: build images one after the
/// other, release them under a tag strategy, or bake them as one graph; every request from <see cref="ImageRequests"/>,
/// every push retried by one <see cref="Release.PushRetry"/>.</item>
/// </list>
/// The layer never writes to the console: messages go to the <see cref="IProgress{T}"/> a caller passes, results come back typed.
/// </summary>
public static partial class ImageWorkflow;

/// <summary>
/// How one build runs: <see cref="Build.Buildx.BuildAsync"/> by default; a caller with a live display passes its own
/// (e.g. BuildProgressDisplay.BuildAsync of Fluent.Docker.Display).
/// </summary>
public delegate Task<Build.BuildResult> BuildRunner(Build.BuildRequest request, CancellationToken cancellationToken);
