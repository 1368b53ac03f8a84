using Cake.Core.Diagnostics;
using Fluent.Docker.Build;

namespace Fluent.Docker.Cake;

/// <summary>
/// Renders build events to the Cake log as they arrive (Progress&lt;T&gt; would post them later): a failed step as an
/// error (with its Dockerfile line and last output), warnings and push retries as warnings, step changes as information,
/// detail (RUN output, BuildKit's own steps starting) as verbose. Events carry no secret values: the library only ever
/// prints references.
/// </summary>
internal sealed class CakeLogProgress(ICakeLog log) : IProgress<BuildEvent>
{
    public void Report(BuildEvent value)
    {
        switch (value)
        {
            case BuildEvent.StepFailed or BuildEvent.BuildFailed:
                log.Error("{0}", value);
                break;
            case BuildEvent.Warning or BuildEvent.RequestWarning or BuildEvent.RetryScheduled:
                log.Warning("{0}", value);
                break;
            case var detail when BuildEventText.IsDetail(detail) || detail is BuildEvent.Output:
                log.Verbose("{0}", value);
                break;
            default:
                log.Information("{0}", value);
                break;
        }
    }
}
