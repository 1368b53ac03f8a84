using Cake.Core.Diagnostics;

namespace Fluent.Docker.Cake;

/// <summary>
/// Forwards library progress lines to the Cake log as they arrive (Progress&lt;T&gt; would post them later): warnings
/// as warnings, the rest (buildx output) as verbose. Lines carry no secret values: the library only ever prints references.
/// </summary>
internal sealed class CakeLogProgress(ICakeLog log) : IProgress<string>
{
    public void Report(string value)
    {
        if (value.StartsWith("warning:", StringComparison.Ordinal)) log.Warning("{0}", value);
        else if (value.StartsWith("push attempt", StringComparison.Ordinal)) log.Warning("{0}", value);
        else if (value.StartsWith('[') || value.StartsWith("ERROR", StringComparison.Ordinal)) log.Information("{0}", value); // a build step (rawjson, folded)
        else log.Verbose("{0}", value);
    }
}
