using System.CommandLine;
using Fluent.Docker.Build;

namespace Fluent.Docker.Cli.Commands;

/// <summary>
/// <c>builder ls|inspect|create|rm</c>: buildx builders as typed specs (<see cref="BuilderSpec"/>), so a spec buildx would
/// refuse (a second docker-driver builder, <c>--append</c> on the docker driver, a remote builder without an endpoint)
/// is refused before buildx runs, and a missing builder is one line with the fix.
/// </summary>
internal static class BuilderCommand
{
    public static Command Create(CliConsole console)
    {
        var command = new Command("builder", "List, inspect, create and remove buildx builders (typed: invalid combinations are refused before buildx runs).")
        {
            List(console), Inspect(console), CreateBuilder(console), Remove(console),
        };
        return command;
    }

    /// <summary>The docker context whose engine a command talks to (<c>docker --context NAME …</c>).</summary>
    internal static Option<string?> ContextOption() => new("--context")
    {
        Description = "The docker context whose engine and builders to use (docker context ls), e.g. a second engine.",
        HelpName = "NAME",
    };

    private static Buildx Runner(ParseResult parse, Option<string?> context) =>
        parse.GetValue(context) is { } name ? new Buildx().WithContext(new DockerContext(name)) : new Buildx();

    private static Command List(CliConsole console)
    {
        var context = ContextOption();
        var command = new Command("ls", "List the builders: name, driver, status and platforms of each node.") { context };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var builders = await Runner(parse, context).ListBuildersAsync(cancellationToken);
            console.Out.Write(Table(builders));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Inspect(CliConsole console)
    {
        var context = ContextOption();
        var name = new Argument<string>("NAME") { Description = "The builder to inspect." };
        var bootstrap = new Option<bool>("--bootstrap") { Description = "Boot the builder first (its BuildKit starts; a failure to start shows now)." };
        var command = new Command("inspect", "Show one builder: driver, nodes, status, platforms.") { name, bootstrap, context };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var builder = await Runner(parse, context).InspectBuilderAsync(parse.GetValue(name)!, parse.GetValue(bootstrap), cancellationToken);
            console.Out.Write(Table([builder]));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command CreateBuilder(CliConsole console)
    {
        var context = ContextOption();
        var name = new Argument<string>("NAME") { Description = "The builder's name (what --builder selects)." };
        var driver = new Option<string>("--driver")
        {
            Description = "The driver: docker-container, remote or kubernetes (the docker driver's builder comes with each docker context).",
            DefaultValueFactory = _ => "docker-container",
        };
        driver.AcceptOnlyFromAmong("docker", "docker-container", "remote", "kubernetes");
        var driverOptions = new Option<string[]>("--driver-opt")
        {
            Description = "A driver option KEY=VALUE (repeatable): docker-container image, network, memory, cpuset-cpus; kubernetes namespace, replicas, image, rootless; remote cacert, cert, key, servername.",
            HelpName = "KEY=VALUE",
        };
        var endpoints = new Option<string[]>("--node")
        {
            Description = "A node: ENDPOINT[=PLATFORM,PLATFORM…] (repeatable), the endpoint a docker context name or an address, e.g. lab-node2=linux/arm64 or tcp://buildkitd:1234.",
            HelpName = "ENDPOINT[=PLATFORMS]",
        };
        var append = new Option<bool>("--append") { Description = "Add the nodes to the existing builder NAME instead of creating it." };
        var mirrors = new Option<string[]>("--mirror") { Description = "A registry mirror REGISTRY=MIRROR for the builder's BuildKit (repeatable), e.g. docker.io=127.0.0.1:5000.", HelpName = "REGISTRY=MIRROR" };
        var insecure = new Option<string[]>("--insecure-registry") { Description = "A registry the builder's BuildKit reaches over plain HTTP or an unverified certificate (repeatable).", HelpName = "HOST" };
        var bootstrap = new Option<bool>("--bootstrap") { Description = "Boot the builder now (a BuildKit image that cannot be pulled fails here, not at the first build)." };
        var command = new Command("create", "Create a builder, or append nodes to one, from a typed spec.")
        {
            name, driver, driverOptions, endpoints, append, mirrors, insecure, bootstrap, context,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var kind = BuilderArguments.ParseDriver(parse.GetValue(driver)) ?? BuilderDriver.DockerContainer;
            var spec = new BuilderSpec(parse.GetValue(name)!, kind).WithAppend(parse.GetValue(append)).WithBootstrap(parse.GetValue(bootstrap));
            if (DriverOptions(kind, parse.GetValue(driverOptions) ?? []) is { } options) spec = spec.WithDriverOptions(options);
            foreach (var node in parse.GetValue(endpoints) ?? []) spec = spec.WithNode(ParseNode(node));
            var config = BuildkitdConfig.Empty;
            foreach (var mirror in parse.GetValue(mirrors) ?? [])
            {
                var (registry, host) = Pair("--mirror", mirror);
                config = config.WithMirror(registry, host);
            }
            foreach (var host in parse.GetValue(insecure) ?? []) config = config.WithInsecureRegistry(host);
            if (config != BuildkitdConfig.Empty) spec = spec.WithBuildkitdConfig(config);

            var builder = await Runner(parse, context).CreateBuilderAsync(spec, cancellationToken);
            console.Out.Write(Table([builder]));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Remove(CliConsole console)
    {
        var context = ContextOption();
        var name = new Argument<string>("NAME") { Description = "The builder to remove (with its BuildKit state)." };
        var command = new Command("rm", "Remove a builder.") { name, context };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await Runner(parse, context).RemoveBuilderAsync(parse.GetValue(name)!, cancellationToken);
            console.Out.WriteLine($"removed builder {parse.GetValue(name)}");
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>One row per node: builder, driver, node, endpoint, status, platforms.</summary>
    internal static string Table(IEnumerable<BuilderInfo> builders) => PlainTable.Format(["BUILDER", "DRIVER", "NODE", "ENDPOINT", "STATUS", "PLATFORMS"],
        [.. builders.SelectMany(b => (b.Nodes.Count == 0 ? [new BuilderNodeInfo("-", "-", "", [])] : b.Nodes).Select(n => new[]
        {
            b.IsCurrent ? b.Name + " *" : b.Name, b.DriverName, n.Name, n.Endpoint, n.Status.Length == 0 ? "-" : n.Status,
            n.Platforms.Count == 0 ? "-" : string.Join(",", n.Platforms),
        }))]);

    internal static BuilderNode ParseNode(string spec)
    {
        var equals = spec.IndexOf('=', StringComparison.Ordinal);
        var node = new BuilderNode(equals < 0 ? spec : spec[..equals]);
        return equals < 0 ? node : node.WithPlatforms([.. spec[(equals + 1)..].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(Platform.Parse)]);
    }

    /// <summary>The driver's typed options from KEY=VALUE pairs; an unknown key names the keys the driver has.</summary>
    internal static BuilderDriverOptions? DriverOptions(BuilderDriver driver, IReadOnlyList<string> pairs)
    {
        if (pairs.Count == 0) return null;
        var values = pairs.Select(p => Pair("--driver-opt", p)).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        string[] known = driver switch
        {
            BuilderDriver.DockerContainer => ["image", "network", "memory", "cpuset-cpus"],
            BuilderDriver.Kubernetes => ["namespace", "replicas", "image", "rootless"],
            BuilderDriver.Remote => ["cacert", "cert", "key", "servername"],
            _ => [],
        };
        if (values.Keys.FirstOrDefault(k => !known.Contains(k)) is { } unknown)
            throw CliException.Usage($"--driver-opt {unknown}: the {BuilderArguments.DriverName(driver)} driver has " + (known.Length == 0 ? "no options." : $"the options {string.Join(", ", known)}."));
        string? Get(string key) => values.TryGetValue(key, out var value) ? value : null;
        return driver switch
        {
            BuilderDriver.DockerContainer => new DockerContainerDriverOptions
            {
                Image = Get("image"), Network = Get("network"), CpusetCpus = Get("cpuset-cpus"),
                Memory = Get("memory") is { } memory ? ParseSize(memory) : null,
            },
            BuilderDriver.Kubernetes => new KubernetesDriverOptions
            {
                Namespace = Get("namespace"), Image = Get("image"),
                Replicas = Get("replicas") is { } replicas ? int.TryParse(replicas, System.Globalization.CultureInfo.InvariantCulture, out var count) ? count
                    : throw CliException.Usage($"--driver-opt replicas={replicas}: not a number.") : null,
                Rootless = Get("rootless") is { } rootless ? rootless == "true" : null,
            },
            _ => new RemoteDriverOptions { CaCertificateFile = Get("cacert"), CertificateFile = Get("cert"), KeyFile = Get("key"), ServerName = Get("servername") },
        };
    }

    private static ByteSize ParseSize(string text)
    {
        try { return ByteSize.Parse(text); }
        catch (FormatException e) { throw CliException.Usage("--driver-opt memory=" + e.Message); }
    }

    private static KeyValuePair<string, string> Pair(string option, string text)
    {
        var equals = text.IndexOf('=', StringComparison.Ordinal);
        if (equals <= 0 || equals == text.Length - 1) throw CliException.Usage($"{option} '{text}' is not KEY=VALUE.");
        return KeyValuePair.Create(text[..equals], text[(equals + 1)..]);
    }
}
