using Docker.DotNet.Models;
using Fluent.Docker.Engine;

namespace Fluent.Docker.Tests.Engine;

public class PullProgressStreamTests
{
    [Fact]
    public void An_error_in_the_stream_is_kept_and_logged()
    {
        var log = new List<string>();
        var stream = new PullProgressStream(new Fluent.Docker.Tests.Build.SynchronousProgress(log));

        stream.Report(new JSONMessage { Status = "Pulling from team/app", ID = "1.0" });
        stream.Report(new JSONMessage { Error = new JSONError { Message = "manifest unknown" } });
        stream.Report(new JSONMessage { Error = new JSONError { Message = "later error" } });

        Assert.Equal("manifest unknown", stream.Error);
        Assert.Equal(["1.0: Pulling from team/app", "error: manifest unknown", "error: later error"], log);
    }

    [Fact]
    public void A_stream_without_errors_has_none()
    {
        var stream = new PullProgressStream(null);
        stream.Report(new JSONMessage { Status = "Digest: sha256:abc" });
        Assert.Null(stream.Error);
    }
}
