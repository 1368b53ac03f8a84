namespace Fluent.Docker.Linting;

/// <summary>How serious a lint finding is. <see cref="Error"/> findings fail the Cake <c>Lint</c> task.</summary>
public enum LintSeverity
{
    Info,
    Warning,
    Error,
}
