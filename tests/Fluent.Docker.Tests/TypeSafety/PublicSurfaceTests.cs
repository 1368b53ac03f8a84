using System.Reflection;
using System.Runtime.CompilerServices;

namespace Fluent.Docker.Tests.TypeSafety;

/// <summary>Reflection over the public surface: the type-state and the "no implicit shell form" rules hold for every member.</summary>
public class PublicSurfaceTests
{
    private const BindingFlags AllPublic = BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    [Fact]
    public void A_stage_declaration_offers_only_from_from_scratch_and_name()
    {
        var members = typeof(StageDeclaration).GetMembers(AllPublic)
            .Select(m => m.MemberType + " " + m.Name)
            .Distinct()
            .Order(StringComparer.Ordinal);

        // FromExpanded: FROM an image named with global ARGs (e.g. golang:${GO_VERSION}).
        Assert.Equal(["Method From", "Method FromExpanded", "Method FromScratch", "Method get_Name", "Property Name"], members);
        // Every From* returns a Stage: there is no second "declared but not based" state to continue from.
        Assert.All(typeof(StageDeclaration).GetMethods(AllPublic).Where(m => m.Name.StartsWith("From", StringComparison.Ordinal)),
            m => Assert.Equal(typeof(Stage), m.ReturnType));
    }

    [Fact]
    public void No_extension_method_adds_instructions_to_a_stage_declaration()
    {
        var extensions = typeof(Stage).Assembly.GetExportedTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Static))
            .Where(m => m.IsDefined(typeof(ExtensionAttribute), false))
            .Where(m => m.GetParameters() is [var first, ..] && first.ParameterType.IsAssignableFrom(typeof(StageDeclaration)))
            .Select(ModelProbe.Signature);
        Assert.Empty(extensions);
    }

    [Fact]
    public void A_stage_can_only_be_created_through_a_declaration()
    {
        Assert.Empty(typeof(Stage).GetConstructors(BindingFlags.Public | BindingFlags.Instance));
        var factories = typeof(Stage).GetMethods(BindingFlags.Public | BindingFlags.Static)
            .Where(m => !m.IsSpecialName)
            .Select(m => $"{m.Name} -> {m.ReturnType.Name}")
            .Order(StringComparer.Ordinal);
        Assert.Equal(["Named -> StageDeclaration", "Unnamed -> StageDeclaration"], factories);
    }

    [Fact]
    public void Artifact_source_converts_from_stage_image_and_context_but_not_from_text()
    {
        var sources = typeof(ArtifactSource).GetMethods(BindingFlags.Public | BindingFlags.Static)
            .Where(m => m.Name is "op_Implicit" or "op_Explicit")
            .Select(m => m.GetParameters()[0].ParameterType)
            .OrderBy(t => t.Name, StringComparer.Ordinal);
        Assert.Equal([typeof(ImageReference), typeof(NamedContext), typeof(Stage)], sources);
    }

    [Fact]
    public void Secret_id_has_no_conversion_at_all()
    {
        // Neither a conversion on SecretId nor one into a text-carrying type from SecretId.
        var conversionsFromSecret = typeof(Stage).Assembly.GetExportedTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Static))
            .Where(m => m.Name is "op_Implicit" or "op_Explicit")
            .Where(m => m.GetParameters()[0].ParameterType == typeof(SecretId) || m.ReturnType == typeof(SecretId))
            .Select(m => $"{m.DeclaringType!.Name}.{m.Name}({m.GetParameters()[0].ParameterType.Name}) -> {m.ReturnType.Name}");
        Assert.Empty(conversionsFromSecret);
    }

    [Fact]
    public void The_interpolated_secret_guard_is_a_compile_error()
    {
        var guard = typeof(Expandable).GetMethod(nameof(Expandable.AppendFormatted), [typeof(SecretId)]);
        Assert.NotNull(guard);
        var obsolete = guard.GetCustomAttribute<ObsoleteAttribute>();
        Assert.NotNull(obsolete);
        Assert.True(obsolete.IsError);
        // If it is ever reached (reflection, dynamic), it still refuses.
        var handler = new Expandable(0, 1);
        var thrown = Assert.Throws<TargetInvocationException>(() => guard.Invoke(handler, [new SecretId("npm")]));
        Assert.IsType<NotSupportedException>(thrown.InnerException);
    }

    [Fact]
    public void Cmd_and_entrypoint_methods_are_exactly_the_exec_and_the_named_shell_forms()
    {
        // A new overload (say Cmd(string)) would change what a one-string call means; review it here first.
        var methods = ModelProbe.StageInstructionMethods
            .Where(m => m.Name.StartsWith("Cmd", StringComparison.Ordinal) || m.Name.StartsWith("Entrypoint", StringComparison.Ordinal))
            .Select(ModelProbe.Signature);
        Assert.Equal(["Cmd(String[])", "CmdShell(String)", "Entrypoint(String[])", "EntrypointShell(String)"], methods);
    }

    [Fact]
    public void Only_methods_named_shell_produce_a_shell_form_cmd_entrypoint_or_healthcheck()
    {
        var stage = Stage.Named("app").From("alpine:3.20");
        var checkedMethods = new List<string>();
        foreach (var method in ModelProbe.StageInstructionMethods)
        {
            var result = (Stage)ModelProbe.Invoke(method, stage)!;
            var command = result.Instructions[^1] switch
            {
                CmdInstruction cmd => cmd.Command,
                EntrypointInstruction entrypoint => entrypoint.Command,
                HealthcheckInstruction health => health.Healthcheck.Test,
                _ => null,
            };
            if (command is null) continue;
            checkedMethods.Add(method.Name);
            var namedShell = method.Name.EndsWith("Shell", StringComparison.Ordinal);
            Assert.True(namedShell == command is CommandLine.Shell,
                $"{ModelProbe.Signature(method)} produced {command.GetType().Name}; shell form must come only from a method named *Shell.");
        }
        Assert.Superset(new HashSet<string> { "Cmd", "CmdShell", "Entrypoint", "EntrypointShell", "Healthcheck" }, checkedMethods.ToHashSet());

        foreach (var factory in typeof(Healthcheck).GetMethods(BindingFlags.Public | BindingFlags.Static)
                     .Where(m => m.ReturnType == typeof(Healthcheck) && !m.IsSpecialName))
        {
            var test = ((Healthcheck)ModelProbe.Invoke(factory, null)!).Test;
            Assert.True(factory.Name.EndsWith("Shell", StringComparison.Ordinal) == test is CommandLine.Shell,
                $"Healthcheck.{ModelProbe.Signature(factory)} produced {test?.GetType().Name ?? "NONE"}.");
        }
    }

    [Fact]
    public void A_single_string_cmd_is_still_exec_form()
    {
        // Cmd("echo hi") compiles, and means exec form with one argument: ["echo hi"], not a shell line.
        SnippetCompiler.AssertCompiles("""var s = Stage.Named("b").From("alpine").Cmd("echo hi");""");
        var cmd = (CmdInstruction)Stage.Named("b").From("alpine").Cmd("echo hi").Instructions[^1];
        var exec = Assert.IsType<CommandLine.Exec>(cmd.Command);
        Assert.Equal(new[] { "echo hi" }, exec.Arguments);
    }

    [Fact]
    public void Value_list_has_no_mutating_members()
    {
        var type = typeof(ValueList<string>);
        Assert.DoesNotContain(type.GetInterfaces(), i => i.IsGenericType && i.GetGenericTypeDefinition() is var d
                                                          && (d == typeof(ICollection<>) || d == typeof(IList<>)));
        Assert.DoesNotContain(typeof(System.Collections.IList), type.GetInterfaces());
        Assert.All(type.GetProperties(BindingFlags.Public | BindingFlags.Instance), p => Assert.Null(p.SetMethod));
        Assert.All(type.GetFields(BindingFlags.Public | BindingFlags.Instance), f => Assert.Fail($"public field {f.Name}"));
        // Add/AddRange return the new list; nothing returns void (a void method on an immutable value would be a mutation or a no-op).
        var methods = type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly).Where(m => !m.IsSpecialName).ToList();
        Assert.All(methods.Where(m => m.Name.StartsWith("Add", StringComparison.Ordinal)), m => Assert.Equal(type, m.ReturnType));
        Assert.DoesNotContain(methods, m => m.ReturnType == typeof(void));
    }
}
