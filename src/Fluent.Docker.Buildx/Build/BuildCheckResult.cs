namespace Fluent.Docker.Build;

/// <summary>One check BuildKit's Dockerfile frontend reported (<c>--call=check</c>), e.g. <c>StageNameCasing</c>.</summary>
/// <param name="RuleName">The check's name, as the Dockerfile's <c># check=skip=…</c> directive names it.</param>
/// <param name="Description">What the rule is about.</param>
/// <param name="Detail">What is wrong at this place.</param>
/// <param name="Url">The rule's documentation.</param>
/// <param name="Location">Where (file and line); null when the frontend gave none.</param>
public sealed record BuildCheckWarning(string RuleName, string Description, string Detail, string? Url, SourceLine? Location)
{
    public override string ToString() => $"{(Location is null ? "" : Location + ": ")}{RuleName}: {Detail}";
}

/// <summary>The error that stops the Dockerfile from building, as <c>--call=check</c> reports it (a parse error, an unknown stage…).</summary>
public sealed record BuildCheckError(string Message, SourceLine? Location)
{
    public override string ToString() => (Location is null ? "" : Location + ": ") + Message;
}

/// <summary>
/// What <c>docker buildx build --call=check,format=json</c> reports (<see cref="Buildx.CheckAsync"/>): the build checks
/// that fired and the error that stops the build, if any. buildx exits non-zero when either is present; that is a result
/// here, not an exception.
/// </summary>
public sealed record BuildCheckResult(IReadOnlyList<BuildCheckWarning> Warnings, BuildCheckError? Error)
{
    /// <summary>No check fired and nothing stops the build.</summary>
    public bool Passed => Warnings.Count == 0 && Error is null;

    /// <summary>Reads buildx's JSON; locations name the source file buildx names (<c>sources[i].filename</c>).</summary>
    public static BuildCheckResult Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        using var document = CallResultJson.Parse(json, "check");
        var root = document.RootElement;
        var files = CallResultJson.Array(root, "sources").Select(s => CallResultJson.Text(s, "filename") ?? "Dockerfile").ToList();
        string FileOf(System.Text.Json.JsonElement element) =>
            element.TryGetProperty("location", out var location) && location.TryGetProperty("sourceIndex", out var index) && index.TryGetInt32(out var i) && i >= 0 && i < files.Count
                ? files[i]
                : files.FirstOrDefault() ?? "Dockerfile";
        var warnings = CallResultJson.Array(root, "warnings").Select(w => new BuildCheckWarning(
            CallResultJson.Text(w, "ruleName") ?? "",
            CallResultJson.Text(w, "description") ?? "",
            CallResultJson.Text(w, "detail") ?? "",
            CallResultJson.Text(w, "url"),
            CallResultJson.Location(w, FileOf(w)))).ToList();
        BuildCheckError? error = root.TryGetProperty("buildError", out var e) && e.ValueKind == System.Text.Json.JsonValueKind.Object
            ? new BuildCheckError(CallResultJson.Text(e, "message") ?? "", CallResultJson.Location(e, FileOf(e)))
            : null;
        return new BuildCheckResult(warnings, error);
    }

    public override string ToString() => Passed
        ? "check passed"
        : string.Join(Environment.NewLine, Warnings.Select(w => w.ToString()).Concat(Error is null ? [] : ["error: " + Error]));
}
