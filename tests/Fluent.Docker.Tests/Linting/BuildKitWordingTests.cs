using Fluent.Docker.Linting;

namespace Fluent.Docker.Tests.Linting;

/// <summary>
/// A rule that corresponds to a BuildKit check reports it in BuildKit's words (issue 13): each row is a Dockerfile and
/// the checks, lines and details the lab engine's <c>docker buildx build --call=check</c> (Docker 28.5's builtin
/// frontend) printed for it. The buildkit-check-differential (E2E) holds the same over every Dockerfile we have.
/// </summary>
public class BuildKitWordingTests
{
    [Theory]
    [InlineData("FROM busybox:1.36 AS Build\n", "StageNameCasing@1: Stage name 'Build' should be lowercase")]
    [InlineData("FROM busybox:1.36 as base\n", "FromAsCasing@1: 'as' and 'FROM' keywords' casing do not match")]
    [InlineData("FROM busybox:1.36\nENV key value\nLABEL key value\n",
        "LegacyKeyValueFormat@2: \"ENV key=value\" should be used instead of legacy \"ENV key value\" format",
        "SecretsUsedInArgOrEnv@2: Do not use ARG or ENV instructions for sensitive data (ENV \"key\")",
        "LegacyKeyValueFormat@3: \"LABEL key=value\" should be used instead of legacy \"LABEL key value\" format")]
    [InlineData("FROM --platform=linux/amd64 busybox:1.36\n", "FromPlatformFlagConstDisallowed@1: FROM --platform flag should not use constant value \"linux/amd64\"")]
    [InlineData("FROM scratch\nARG SECRET_PASSPHRASE\nENV password=bar\n",
        "SecretsUsedInArgOrEnv@2: Do not use ARG or ENV instructions for sensitive data (ARG \"SECRET_PASSPHRASE\")",
        "SecretsUsedInArgOrEnv@3: Do not use ARG or ENV instructions for sensitive data (ENV \"password\")")]
    [InlineData("FROM scratch\nCMD mycommand\nENTRYPOINT mycommand\n",
        "JSONArgsRecommended@2: JSON arguments recommended for CMD to prevent unintended behavior related to OS signals",
        "JSONArgsRecommended@3: JSON arguments recommended for ENTRYPOINT to prevent unintended behavior related to OS signals")]
    [InlineData("FROM scratch AS b\nFROM scratch AS b\n", "DuplicateStageName@2: Duplicate stage name \"b\", stage names should be unique")]
    [InlineData("FROM scratch AS scratch\n", "ReservedStageName@1: Stage name should not use the same name as reserved stage \"scratch\"")]
    [InlineData("FROM scratch\nCMD [\"a\"]\nCMD [\"b\"]\n", "MultipleInstructionsDisallowed@2: Multiple CMD instructions should not be used in the same stage because only the last one will be used")]
    [InlineData("FROM scratch\nMAINTAINER me@example.org\n", "MaintainerDeprecated@2: Maintainer instruction is deprecated in favor of using label")]
    [InlineData("FROM scratch\nRUN echo a \\\n\n  b\n", "NoEmptyContinuation@4: Empty continuation line")]
    [InlineData("FROM scratch\ncopy Dockerfile .\nCOPY Dockerfile .\nCOPY Dockerfile .\n", "ConsistentInstructionCasing@2: Command 'copy' should match the case of the command majority (uppercase)")]
    [InlineData("FROM busybox:1.36\nARG DIR_ASSETS=x\nCOPY $DIR_ASSET /x\n", "UndefinedVar@3: Usage of undefined variable '$DIR_ASSET' (did you mean $DIR_ASSETS?)")]
    [InlineData("# check=experimental=InvalidDefinitionDescription\n# bar this is the foo\nARG foo=bar\n# BasE this is the base stage\nFROM scratch AS base\n",
        "InvalidDefinitionDescription@3: Comment for ARG should follow the format: `# foo <description>`",
        "InvalidDefinitionDescription@5: Comment for FROM should follow the format: `# base <description>`")]
    [InlineData("FROM scratch\nEXPOSE 80/TcP\n", "ExposeProtoCasing@2: Defined protocol '80/TcP' in EXPOSE instruction should be lowercase")]
    [InlineData("FROM scratch\nEXPOSE 127.0.0.1:80:80\n", "ExposeInvalidFormat@2: EXPOSE instruction should not define an IP address or host-port mapping, found '127.0.0.1:80:80'")]
    public void Findings_read_as_BuildKit_reports_them(string dockerfile, params string[] buildKit) =>
        Assert.Equal(buildKit.Order(StringComparer.Ordinal), Checks(dockerfile));

    // The differential found these reporting other words than BuildKit's: the text as written, or as expanded.

    [Fact]
    public void WorkdirRelativePath_names_the_expanded_path_quoted_as_Go_quotes_it() =>
        // ENV's unquoted C:\go loses its backslash to the shell lexer; BuildKit names the path after expansion.
        Assert.Equal(["WorkdirRelativePath@3: Relative workdir \"C:go\" can have unexpected results if the base image changes"],
            Checks("FROM busybox:1.36\nENV GOPATH=C:\\go\nWORKDIR $GOPATH\n"));

    [Fact]
    public void WorkdirRelativePath_escapes_backslashes_as_Go_quotes_them() =>
        Assert.Equal(["WorkdirRelativePath@3: Relative workdir \"C:\\\\go\" can have unexpected results if the base image changes"],
            Checks("FROM busybox:1.36\nENV GOPATH=\"C:\\\\go\"\nWORKDIR $GOPATH\n"));

    [Fact]
    public void RedundantTargetPlatform_names_the_platform_as_written() =>
        Assert.Equal(["RedundantTargetPlatform@1: Setting platform to predefined ${TARGETPLATFORM} in FROM is redundant as this is the default behavior"],
            Checks("FROM --platform=${TARGETPLATFORM} busybox:1.36\n"));

    [Fact]
    public void InvalidDefaultArgInFrom_names_the_image_as_written() =>
        Assert.Equal(["InvalidDefaultArgInFrom@2: Default value for ARG busybox:$VERSION results in empty or invalid base image name"],
            Checks("ARG VERSION\nFROM busybox:$VERSION\n"));

    [Fact]
    public void UndefinedArgInFrom_and_InvalidDefaultArgInFrom_name_the_image_as_written() =>
        Assert.Equal(["InvalidDefaultArgInFrom@1: Default value for ARG busybox:${VERSON} results in empty or invalid base image name", "UndefinedArgInFrom@1: FROM argument 'VERSON' is not declared"],
            Checks("FROM busybox:${VERSON}\n"));

    [Fact]
    public void DuplicateStageName_and_ReservedStageName_name_the_stage_lowercased_as_BuildKit_compares_it()
    {
        Assert.Equal(["DuplicateStageName@2: Duplicate stage name \"b\", stage names should be unique", "StageNameCasing@2: Stage name 'B' should be lowercase"],
            Checks("FROM scratch AS b\nFROM scratch AS B\n"));
        Assert.Equal(["ReservedStageName@1: Stage name should not use the same name as reserved stage \"scratch\"", "StageNameCasing@1: Stage name 'Scratch' should be lowercase"],
            Checks("FROM scratch AS Scratch\n"));
    }

    [Fact]
    public void CopyIgnoredFile_names_the_command_as_BuildKit_does() =>
        Assert.Equal(["CopyIgnoredFile@3: Attempting to Copy file \"Dockerfile\" that is excluded by .dockerignore", "CopyIgnoredFile@4: Attempting to Add file \"Dockerfile\" that is excluded by .dockerignore"],
            Checks("# check=experimental=CopyIgnoredFile\nFROM scratch\nCOPY Dockerfile .\nADD Dockerfile /windy\n", LintOptions.Default.WithDockerIgnore(DockerIgnore.Create("Dockerfile"))));

    /// <summary>The findings of rules that are BuildKit checks, as <c>Check@line: message</c>, in order.</summary>
    private static IEnumerable<string> Checks(string dockerfile, LintOptions? options = null) =>
        Linter.LintText(dockerfile, options).Diagnostics.Where(d => d.Rule().BuildKitCheck is not null)
            .Select(d => $"{d.Rule().BuildKitCheck}@{d.Location.Line}: {d.Message}").Order(StringComparer.Ordinal).ToList();
}
