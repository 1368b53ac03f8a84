using Fluent.Docker.Parsing;

namespace Fluent.Docker.Tests.Parsing;

/// <summary>
/// Malformed Dockerfiles fail with <see cref="DockerfileParseException"/>: <c>line:column: reason</c>, the line and
/// column of the instruction (or directive) at fault and BuildKit's reason where BuildKit has one.
/// </summary>
public class ParseErrorTests
{
    public static TheoryData<string, int, int, string> Cases => new()
    {
        { "", 1, 1, "file with no instructions" },
        { "# only\n# comments\n\n", 3, 1, "file with no instructions" },
        { "FROM busybox\n\nENV PATH\n", 3, 1, "ENV must have two arguments" },
        { "FROM a\nCMD [ \"echo\", [ \"nested\" ] ]\n", 2, 1, "when using JSON array syntax, arrays must be comprised of strings only" },
        { "FROM a\nRUN <<EOF\necho hi\n", 2, 1, "unterminated heredoc EOF" },
        { "# escape=x\nFROM a\n", 1, 1, "invalid escape token 'x' does not match ` or \\" },
        { "# escape=`\n# escape=\\\nFROM a\n", 2, 1, "only one escape parser directive can be used" },
        { "# check=skip\nFROM a\n", 1, 1, "check directive: invalid check option \"skip\"" },
        { "RUN make\n", 1, 1, "RUN comes before the first FROM: no build stage in current context" },
        { "ARG A\n", 1, 1, "the file has no FROM" },
        { "FROM a\nFOO bar\n", 2, 1, "unknown instruction: FOO" },
        { "FROM a\n  COPY --from=x only-one\n", 2, 3, "COPY requires at least two arguments, but only one was provided. Destination could not be determined" },
        { "FROM a\nCOPY --bogus=1 a b\n", 2, 1, "Unknown flag: bogus" },
        { "FROM a\nCOPY --link --link a b\n", 2, 1, "Duplicate flag specified: link" },
        { "FROM a\nCOPY --chown a b\n", 2, 1, "Missing a value on flag: chown" },
        { "FROM a\nCOPY --link=maybe a b\n", 2, 1, "Expecting boolean value for flag link, not: maybe" },
        { "FROM a b c d\n", 1, 1, "FROM requires either one or three arguments" },
        { "FROM a AS 1x\n", 1, 1, "invalid name for build stage: \"1x\", name can't start with a number or contain symbols" },
        { "FROM a AS x\nFROM b AS x\n", 2, 1, "duplicate stage name \"x\"" },
        { "FROM --platform=$TARGETOS/$TARGETARCH a\n", 1, 1, "FROM --platform=$TARGETOS/$TARGETARCH: the model holds os/arch[/variant]" },
        { "FROM a\nENV A=\"unterminated\n", 2, 1, "failed to process \"\\\"unterminated\": unexpected end of statement while looking for matching double-quote" },
        { "FROM a\nLABEL a=${}\n", 2, 1, "failed to process \"${}\": syntax error: bad substitution" },
        { "FROM a\nWORKDIR /a${B\n", 2, 1, "failed to process \"/a${B\": syntax error: missing '}'" },
        { "FROM a\nHEALTHCHECK --interval=1ns CMD true\n", 2, 1, "Interval \"interval\" cannot be less than 1ms" },
        { "FROM a\nHEALTHCHECK --retries=-1 CMD true\n", 2, 1, "--retries cannot be negative (-1)" },
        { "FROM a\nHEALTHCHECK --timeout=soon CMD true\n", 2, 1, "time: invalid duration \"soon\"" },
        { "FROM a\nHEALTHCHECK CONNECT TCP 7000\n", 2, 1, "Unknown type \"CONNECT\" in HEALTHCHECK (try CMD)" },
        { "FROM a\nHEALTHCHECK CMD\n", 2, 1, "Missing command after HEALTHCHECK CMD" },
        { "FROM a\nSHELL /bin/sh -c\n", 2, 1, "SHELL requires the arguments to be in JSON form" },
        { "FROM a\nRUN --mount=type=foo true\n", 2, 1, "unsupported mount type \"foo\"" },
        { "FROM a\nRUN --mount=type=cache,target=/c,size=1m true\n", 2, 1, "unexpected key 'size' for mount type 'cache'" },
        { "FROM a\nRUN --mount=type=bind,target=/c,from=$STAGE true\n", 2, 1, "'from' doesn't support variable expansion, define alias stage instead" },
        { "FROM a\nRUN --network=bridge true\n", 2, 1, "unsupported network mode \"bridge\"" },
        { "FROM a\nONBUILD ONBUILD RUN x\n", 2, 1, "Chaining ONBUILD via `ONBUILD ONBUILD` isn't allowed" },
        { "FROM a\nONBUILD FROM b\n", 2, 1, "FROM isn't allowed as an ONBUILD trigger" },
        { "FROM a\nCOPY a <<EOF\nx\nEOF\n", 2, 1, "COPY cannot accept a heredoc as a destination" },
        { "FROM a\nUSER\n", 2, 1, "USER requires exactly one argument" },
        { "FROM a\nVOLUME [\" \"]\n", 2, 1, "VOLUME specified can not be an empty string" },
        { "FROM a\nENV =x\n", 2, 1, "ENV names can not be blank" },
        { "FROM a\nARG =x\n", 2, 1, "ARG names can not be blank" },
        { "FROM Not/Valid\n", 1, 1, "FROM Not/Valid: The repository in 'Not/Valid' contains uppercase letters" },
        { "FROM build\nFROM scratch AS build\n", 1, 1, "FROM build: names a stage that comes later in the file" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_malformed_file_fails_with_its_location_and_reason(string text, int line, int column, string reason)
    {
        var error = Assert.Throws<DockerfileParseException>(() => Dockerfile.Parse(text));

        Assert.Equal((line, column), (error.Line, error.Column));
        Assert.StartsWith(reason, error.Reason, StringComparison.Ordinal);
        Assert.Equal($"{line}:{column}: {error.Reason}", error.Message);
    }

    [Fact]
    public void A_line_over_buildkits_limit_is_located()
    {
        var text = "FROM a\nRUN echo " + new string('x', 70_000) + "\n";

        var error = Assert.Throws<DockerfileParseException>(() => Dockerfile.Parse(text));

        Assert.Equal("2:1: dockerfile line greater than max allowed size of 65535", error.Message);
    }

    [Fact]
    public void The_error_is_a_format_exception_of_our_own_type()
    {
        var error = Assert.Throws<DockerfileParseException>(() => Dockerfile.Parse("FROM a\nBOGUS\n"));

        Assert.IsAssignableFrom<FormatException>(error);
        Assert.Null(error.InnerException);
    }
}
