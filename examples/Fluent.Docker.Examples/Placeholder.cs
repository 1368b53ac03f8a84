namespace Fluent.Docker.Examples;

internal static class Placeholder { }
