namespace Fluent.Docker.Build;

/// <summary>
/// An evaluation the Dockerfile frontend runs instead of a build (<c>--call</c>): the typed entry points are
/// <see cref="Buildx.CheckAsync"/>, <see cref="Buildx.OutlineAsync"/> and <see cref="Buildx.TargetsAsync"/>.
/// </summary>
internal enum BuildCall
{
    /// <summary>The build checks (BuildKit's lint) and any error the Dockerfile has.</summary>
    Check,

    /// <summary>The build args, secrets and SSH the target stage uses.</summary>
    Outline,

    /// <summary>The stages that can be targeted.</summary>
    Targets,
}
