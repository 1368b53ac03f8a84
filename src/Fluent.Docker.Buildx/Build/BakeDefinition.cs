using System.Text.Json;
using System.Text.Json.Nodes;

namespace Fluent.Docker.Build;

/// <summary>One target of a <see cref="BakeDefinition"/>: a name and the <see cref="BuildRequest"/> it runs.</summary>
/// <param name="Name">The bake target name (letters, digits, '_' and '-').</param>
/// <param name="Request">What to build; its options map one to one onto the target's fields.</param>
/// <param name="TargetContexts">Named contexts served by other targets of the same bake (<c>target:NAME</c>), keyed by context name.</param>
public sealed record BakeTarget(string Name, BuildRequest Request, IReadOnlyDictionary<string, string> TargetContexts);

/// <summary>
/// A <c>docker buildx bake</c> file (JSON): targets that BuildKit solves in one session, in parallel where they do not
/// depend on each other; a target that needs another's result names it as a <c>target:</c> context. The pure half of
/// <see cref="Buildx.BakeAsync"/>: <see cref="ToJson"/> is what the runner writes.
/// </summary>
public sealed record BakeDefinition(IReadOnlyList<BakeTarget> Targets)
{
    /// <summary>The bake file: a <c>default</c> group with every target, and one entry per target.</summary>
    public string ToJson()
    {
        Validate();
        var targets = new JsonObject();
        foreach (var target in Targets) targets[target.Name] = TargetJson(target);
        var root = new JsonObject
        {
            ["group"] = new JsonObject { ["default"] = new JsonObject { ["targets"] = new JsonArray([.. Targets.Select(t => (JsonNode)t.Name)]) } },
            ["target"] = targets,
        };
        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }

    /// <summary>Validates every target's request and the graph: unique names, contexts naming existing targets, no cycle.</summary>
    public void Validate()
    {
        if (Targets.Count == 0) throw new ArgumentException("A bake needs at least one target.");
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var target in Targets)
        {
            if (target.Name.Length == 0 || !target.Name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-'))
                throw new ArgumentException($"'{target.Name}' is not a bake target name. Fix: use letters, digits, '_' and '-'.");
            if (!names.Add(target.Name)) throw new ArgumentException($"The bake target '{target.Name}' is defined twice.");
            target.Request.Validate();
            if (target.Request.ImageIdFile is not null)
                throw new BuildRequestException(nameof(BuildRequest.ImageIdFile), $"Bake has no image ID file (target '{target.Name}').",
                    "leave ImageIdFile unset for bake targets; the result's digest is in Buildx.BakeAsync's BuildResult.");
        }
        foreach (var target in Targets)
            foreach (var (context, dependency) in target.TargetContexts)
                if (!names.Contains(dependency))
                    throw new ArgumentException($"Target '{target.Name}': context '{context}' names target '{dependency}', which this bake does not define.");
        _ = BuildOrder(); // throws on a cycle
    }

    /// <summary>
    /// The grants this bake needs on its command line: every target's own entitlements (<c>--allow=network.host</c>, …:
    /// bake refuses a target's <c>entitlements</c> the command does not allow) and the file-system grants
    /// (<c>--allow=fs.read=…</c>, <c>--allow=fs.write=…</c>) for every local path its targets read (contexts, Dockerfiles,
    /// named directory contexts, secret and SSH key files, local cache imports) or write (local cache exports, file and
    /// directory outputs). Remote contexts (URLs) need none.
    /// </summary>
    public IReadOnlyList<BuildEntitlement> Entitlements()
    {
        var reads = new List<string?>();
        var writes = new List<string?>();
        foreach (var request in Targets.Select(t => t.Request))
        {
            reads.Add(LocalPath(request.ContextDirectory));
            if (request.DockerfilePath is { } dockerfile && LocalPath(request.ContextDirectory) is { } context)
                reads.Add(Path.Combine(context, dockerfile)); // bake reads the Dockerfile relative to the context
            reads.AddRange(request.NamedContexts.Values.Select(source => source switch
            {
                BuildContextSource.LocalDirectory local => local.Path,
                BuildContextSource.OciLayoutDirectory layout => layout.Path,
                _ => null,
            }));
            reads.AddRange(request.Secrets.Where(s => s.Source == BuildSecretSource.File).Select(s => s.Reference));
            reads.AddRange(request.Ssh.Select(s => s.Path));
            reads.AddRange(request.CacheFrom.OfType<BuildCache.LocalCache>().Select(c => c.Directory));
            if (request.CacheTo is BuildCache.LocalCache export) writes.Add(export.Directory);
            writes.Add(request.Output switch
            {
                BuildOutput.OciArchiveFile file => file.Path,
                BuildOutput.OciLayoutDirectory layout => layout.Path,
                BuildOutput.DockerArchiveFile file => file.Path,
                BuildOutput.LocalFiles files => files.Path,
                _ => null,
            });
        }
        return [.. Targets.SelectMany(t => BuildxArguments.AllowedEntitlements(t.Request))
            .Concat(reads.OfType<string>().Where(p => p.Length > 0).Select(BuildEntitlement.FileSystemRead))
            .Concat(writes.OfType<string>().Where(p => p.Length > 0).Select(BuildEntitlement.FileSystemWrite)).Distinct()];
    }

    // A context given as a URL (git, https tarball) is fetched by BuildKit, not read from this machine.
    private static string? LocalPath(string? context) =>
        context is null or "" or "-" || context.Contains("://", StringComparison.Ordinal) || context.StartsWith("git@", StringComparison.Ordinal) ? null : context;

    /// <summary>The targets in an order where each comes after every target it reads (what a sequential build must follow).</summary>
    public IReadOnlyList<BakeTarget> BuildOrder()
    {
        var byName = Targets.ToDictionary(t => t.Name, StringComparer.Ordinal);
        var order = new List<BakeTarget>();
        var state = new Dictionary<string, bool>(StringComparer.Ordinal); // false: visiting, true: done
        void Visit(BakeTarget target, List<string> path)
        {
            if (state.TryGetValue(target.Name, out var done))
            {
                if (!done) throw new ArgumentException($"The images depend on each other in a cycle: {string.Join(" -> ", path.Append(target.Name))}.");
                return;
            }
            state[target.Name] = false;
            foreach (var dependency in target.TargetContexts.Values.Distinct(StringComparer.Ordinal))
                if (byName.TryGetValue(dependency, out var next)) Visit(next, [.. path, target.Name]);
            state[target.Name] = true;
            order.Add(target);
        }
        foreach (var target in Targets) Visit(target, []);
        return order;
    }

    private static JsonObject TargetJson(BakeTarget target)
    {
        var request = target.Request;
        var json = new JsonObject { ["context"] = request.ContextDirectory };
        if (request.DockerfilePath is not null) json["dockerfile"] = request.DockerfilePath;
        if (request.Target is not null) json["target"] = request.Target.Name;
        if (request.Platforms.Count > 0) json["platforms"] = Strings(request.Platforms.Select(p => p.ToString()));
        if (request.Tags.Count > 0) json["tags"] = Strings(request.Tags.Select(t => t.ToString()));
        var args = BuildxArguments.BuildArgsOf(request).ToList();
        if (args.Count > 0) json["args"] = Map(args);
        if (request.Labels.Count > 0) json["labels"] = Map(request.Labels);
        var contexts = request.NamedContexts.Select(c => KeyValuePair.Create(c.Key, c.Value.ToString()))
            .Concat(target.TargetContexts.Select(c => KeyValuePair.Create(c.Key, "target:" + c.Value))).ToList();
        if (contexts.Count > 0) json["contexts"] = Map(contexts);
        if (request.Secrets.Count > 0) json["secret"] = Strings(request.Secrets.Select(BuildxArguments.SecretSpec));
        if (request.Ssh.Count > 0) json["ssh"] = Strings(request.Ssh.Select(BuildxArguments.SshSpec));
        if (request.CacheFrom.Count > 0) json["cache-from"] = Strings(request.CacheFrom.Select(BuildxArguments.CacheImportSpec));
        if (request.CacheTo is not null) json["cache-to"] = Strings([BuildxArguments.CacheExportSpec(request.CacheTo)]);
        if (BuildxArguments.ExporterSpec(request.Output, request.SourceDateEpoch is not null, request.Tags) is { } output) json["output"] = Strings([output]);
        if (request.Annotations.Count > 0) json["annotations"] = Strings(request.Annotations.Select(a => a.ToString()));
        var attest = new List<string>();
        if (request.Provenance is { } provenance)
            attest.Add(provenance == ProvenanceMode.None ? "type=provenance,disabled=true" : $"type=provenance,mode={(provenance == ProvenanceMode.Max ? "max" : "min")}");
        if (request.Sbom is { } sbom) attest.Add(sbom.Generator is null ? "type=sbom" : CsvFields.Join("type=sbom", $"generator={sbom.Generator}"));
        attest.AddRange(request.Attestations.Select(a => a.ToString()));
        if (attest.Count > 0) json["attest"] = Strings(attest);
        if (request.NoCache) json["no-cache"] = true;
        if (request.NoCacheFilter.Count > 0) json["no-cache-filter"] = Strings(request.NoCacheFilter.Select(s => s.Name));
        if (request.Pull) json["pull"] = true;
        var entitlements = BuildxArguments.AllowedEntitlements(request);
        if (entitlements.Count > 0) json["entitlements"] = Strings(entitlements.Select(e => e.Argument));
        if (request.Network is { } network) json["network"] = BuildxArguments.NetworkText(network);
        if (request.ShmSize is { } shmSize) json["shm-size"] = shmSize.ToString();
        if (request.Ulimits.Count > 0) json["ulimits"] = Strings(request.Ulimits.Select(u => u.ToString()));
        return json;
    }

    private static JsonArray Strings(IEnumerable<string> values) => new([.. values.Select(v => (JsonNode)v)]);

    private static JsonObject Map(IEnumerable<KeyValuePair<string, string>> pairs)
    {
        var map = new JsonObject();
        foreach (var (key, value) in pairs) map[key] = value;
        return map;
    }
}
