using Fluent.Docker.Conformance;
using Snapshooter.Xunit;

namespace Fluent.Docker.Tests.Templates;

/// <summary>The exact Dockerfile and .dockerignore of every template sample (generated locally, read by eye, committed).</summary>
public class TemplateSnapshotTests
{
    private static string Render(string key) => TemplateSamples.Render(TemplateSamples.Get(key).Definition);

    [Fact] public void Go_on_scratch() => Render("go").MatchSnapshot();
    [Fact] public void Go_on_distroless_with_a_cmd_package() => Render("go-distroless").MatchSnapshot();
    [Fact] public void Python_venv() => Render("python-venv").MatchSnapshot();
    [Fact] public void Python_user_install() => Render("python-user").MatchSnapshot();
    [Fact] public void Python_pyproject_dependencies() => Render("python-pyproject").MatchSnapshot();
    [Fact] public void Python_standard_library_only() => Render("python-stdlib").MatchSnapshot();
    [Fact] public void Node_without_build_step() => Render("node").MatchSnapshot();
    [Fact] public void Node_builder_to_runtime() => Render("node-build").MatchSnapshot();
    [Fact] public void Java_javac_on_jre() => Render("java-jre").MatchSnapshot();
    [Fact] public void Java_maven_on_jlink_runtime() => Render("java-maven-jlink").MatchSnapshot();
    [Fact] public void DotNet_aspnet_project_in_a_folder_with_restore_inputs() => Render("dotnet-aspnet").MatchSnapshot();
    [Fact] public void DotNet_console() => Render("dotnet-console").MatchSnapshot();
    [Fact] public void DotNet_self_contained_trimmed_on_runtime_deps() => Render("dotnet-trimmed").MatchSnapshot();
    [Fact] public void DotNet_native_aot_on_runtime_deps() => Render("dotnet-aot").MatchSnapshot();
    [Fact] public void Python_with_extra_ca_certificates_in_the_install_step() => Render("python-extra-ca").MatchSnapshot();
    [Fact] public void Static_site_npm_build() => Render("static-npm").MatchSnapshot();
    [Fact] public void Static_site_prebuilt() => Render("static-prebuilt").MatchSnapshot();

    [Fact]
    public void DotNet_through_a_mirror() =>
        TemplateSamples.Render(TemplateSamples.Get("dotnet-aspnet") is var s ? s.Make(s.Options with { BaseRegistry = "mirror.example.com:5000" }) : null!).MatchSnapshot();
}
