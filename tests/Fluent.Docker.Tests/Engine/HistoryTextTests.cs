using Fluent.Docker.Engine;

namespace Fluent.Docker.Tests.Engine;

/// <summary>History entries as Docker Engine 26 / BuildKit 0.13 and Docker Engine 28.5 record them (seen in the lab), read back as Dockerfile text.</summary>
public sealed class HistoryTextTests
{
    [Theory]
    [InlineData("EXPOSE map[8080/tcp:{}]", "EXPOSE 8080/tcp")]
    [InlineData("EXPOSE map[53/udp:{} 8000-8010/tcp:{} 8080/tcp:{}]", "EXPOSE 53/udp 8000-8010/tcp 8080/tcp")]
    [InlineData("EXPOSE [8080/tcp]", "EXPOSE 8080/tcp")] // Docker 28.5
    [InlineData("EXPOSE [53/udp 8000-8010/tcp 8080/tcp]", "EXPOSE 53/udp 8000-8010/tcp 8080/tcp")]
    [InlineData("HEALTHCHECK &{[\"CMD\" \"/hello\" \"-healthcheck\"] \"30s\" \"3s\" \"2s\" \"0s\" '\\x03'}",
        "HEALTHCHECK --interval=30s --timeout=3s --start-period=2s --retries=3 CMD [\"/hello\",\"-healthcheck\"]")]
    [InlineData("HEALTHCHECK &{[\"CMD-SHELL\" \"wget -q -O- http://127.0.0.1:8080/ || exit 1\"] \"0s\" \"0s\" \"0s\" \"0s\" '\\x00'}",
        "HEALTHCHECK CMD wget -q -O- http://127.0.0.1:8080/ || exit 1")]
    [InlineData("HEALTHCHECK &{[\"NONE\"] \"0s\" \"0s\" \"0s\" \"0s\" '\\x00'}", "HEALTHCHECK NONE")]
    [InlineData("HEALTHCHECK &{[\"CMD\" \"say \\\"ok\\\"\"] \"5s\" \"0s\" \"0s\" \"1s\" 12}",
        "HEALTHCHECK --interval=5s --start-interval=1s --retries=12 CMD [\"say \\\"ok\\\"\"]")]
    [InlineData("RUN /bin/sh -c make install # buildkit", "RUN make install")]
    [InlineData("COPY /out/hello /hello # buildkit", "COPY /out/hello /hello")]
    [InlineData("ENV MODE=test", "ENV MODE=test")]
    public void Builder_records_read_as_the_instruction_written(string createdBy, string readable) =>
        Assert.Equal(readable, HistoryText.Readable(createdBy));

    [Theory]
    [InlineData("EXPOSE 8080")] // the classic builder's own words stay as they are
    [InlineData("EXPOSE [not a port]")]
    [InlineData("HEALTHCHECK &{broken")]
    [InlineData("")]
    public void Anything_else_is_kept(string createdBy) =>
        Assert.Equal(createdBy, HistoryText.Readable(createdBy));
}
