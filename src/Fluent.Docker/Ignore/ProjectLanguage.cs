namespace Fluent.Docker;

/// <summary>The kind of project a build context holds; picks the build outputs and caches a .dockerignore leaves out.</summary>
public enum ProjectLanguage
{
    /// <summary>.NET: bin/obj, user files, test results.</summary>
    DotNet,

    /// <summary>Node.js: node_modules, npm/yarn logs and caches, coverage.</summary>
    Node,

    /// <summary>Python: virtual environments, bytecode, tool caches, egg-info.</summary>
    Python,

    /// <summary>Go: local binaries, test binaries and profiles.</summary>
    Go,

    /// <summary>Java (Maven/Gradle): target/build outputs, Gradle caches, IDE project files.</summary>
    Java,

    /// <summary>A static site: node_modules and bundler caches of the tooling that produced it.</summary>
    Static,
}
