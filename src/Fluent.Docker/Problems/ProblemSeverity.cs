namespace Fluent.Docker;

/// <summary>
/// How serious a <see cref="Problem"/> is. <see cref="Error"/> stops the work (the emitter refuses the model, the
/// Cake <c>Lint</c> task fails); <see cref="Warning"/> and <see cref="Info"/> are reported and the work goes on.
/// </summary>
public enum ProblemSeverity
{
    Info,
    Warning,
    Error,
}
