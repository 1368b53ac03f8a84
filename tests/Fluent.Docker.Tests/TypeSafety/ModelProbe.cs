using System.Reflection;

namespace Fluent.Docker.Tests.TypeSafety;

/// <summary>
/// Calls public model methods by reflection with a valid sample for each parameter, so surface-wide properties
/// ("every fluent call returns a new value", "only *Shell methods make shell-form CMD") cover methods added later.
/// A parameter type it does not know fails the test: teach <see cref="SampleFor"/> about it.
/// </summary>
internal static class ModelProbe
{
    public static IEnumerable<MethodInfo> StageInstructionMethods =>
        typeof(Stage).GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(m => m.ReturnType == typeof(Stage) && !m.IsSpecialName && !m.Name.StartsWith('<'))
            .Where(m => m.Name != nameof(Stage.Suppress)) // records a lint suppression, not an instruction (ImmutabilityTests covers it)
            .Where(m => m.Name != nameof(Stage.Comment)) // comments what was added last, adds nothing (ImmutabilityTests covers it)
            .OrderBy(Signature, StringComparer.Ordinal);

    public static IEnumerable<MethodInfo> DockerfileWithMethods =>
        typeof(Dockerfile).GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(m => m.ReturnType == typeof(Dockerfile) && m.Name.StartsWith("With", StringComparison.Ordinal))
            .OrderBy(Signature, StringComparer.Ordinal);

    public static string Signature(MethodInfo method) =>
        $"{method.Name}({string.Join(", ", method.GetParameters().Select(p => TypeName(p.ParameterType)))})";

    private static string TypeName(Type type) =>
        type.IsGenericType
            ? $"{type.Name[..type.Name.IndexOf('`')]}<{string.Join(", ", type.GetGenericArguments().Select(TypeName))}>"
            : type.Name;

    public static object? Invoke(MethodInfo method, object? target) =>
        method.Invoke(target, [.. method.GetParameters().Select(SampleFor)]);

    /// <summary>A valid value for the parameter: shell-ish text for strings, so a form mix-up would show.</summary>
    public static object? SampleFor(ParameterInfo parameter)
    {
        var type = parameter.ParameterType;
        if (parameter.IsOptional) return parameter.DefaultValue is DBNull ? null : parameter.DefaultValue;
        if (type == typeof(string)) return parameter.Name == "name" ? "APP_NAME" : "echo hi";
        if (type == typeof(string[]) || type == typeof(IEnumerable<string>)) return new[] { "echo", "hi" };
        if (type == typeof(RunOption[])) return Array.Empty<RunOption>();
        if (type == typeof(SourcePath)) return (SourcePath)"src/";
        if (type == typeof(IEnumerable<SourcePath>)) return new SourcePath[] { "a/", "b/" };
        if (type == typeof(ContainerPath)) return (ContainerPath)"/dst/";
        if (type == typeof(AbsolutePath)) return (AbsolutePath)"/abs";
        if (type == typeof(AbsolutePath[])) return new AbsolutePath[] { "/data" };
        if (type == typeof(ArtifactSource)) return (ArtifactSource)Stage.Named("builder").From("golang:1.23");
        if (type == typeof(Expandable)) return (Expandable)"value";
        if (type == typeof(LabelKey)) return (LabelKey)"com.example.key";
        if (type == typeof(BuildArg)) return new BuildArg("VERSION", "1.0");
        if (type == typeof(Port[])) return new Port[] { 8080 };
        if (type == typeof(UserSpec)) return (UserSpec)"app";
        if (type == typeof(Signal)) return Signal.SIGTERM;
        if (type == typeof(Healthcheck)) return Healthcheck.Exec("/app", "-health");
        if (type == typeof(AddSource)) return new AddSource.Local("archive.tar.gz");
        if (type == typeof(Instruction)) return new WorkdirInstruction("/appended");
        if (type == typeof(Func<Stage, Stage>)) return (Func<Stage, Stage>)(t => t.Run("make"));
        if (type == typeof((string, Expandable)[])) return new (string, Expandable)[] { ("A", "1") };
        if (type == typeof((LabelKey, Expandable)[])) return new (LabelKey, Expandable)[] { ("k", "v") };
        if (type == typeof(Stage)) return Stage.Named("extra").From("alpine:3.20");
        if (type == typeof(Stage[])) return new[] { Stage.Named("extra").From("alpine:3.20") };
        if (type == typeof(BuilderProfile)) return BuilderProfile.DockerfileFrontend("1.7");
        if (type == typeof(EscapeToken)) return EscapeToken.Backtick;
        if (type == typeof(CheckDirective)) return new CheckDirective { Error = true };
        throw new NotSupportedException($"{Signature((MethodInfo)parameter.Member)}: no sample for parameter '{parameter.Name}' of type {type}; add one to ModelProbe.SampleFor.");
    }
}
