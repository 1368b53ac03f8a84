using Fluent.Docker.Emit;
using Fluent.Docker.Import;
using Fluent.Docker.Parsing;

namespace Fluent.Docker.Codecs;

/// <summary>
/// One RUN flag family (<c>--mount</c>, <c>--network</c>, …) and the <see cref="RunOption"/> records it carries:
/// its flag-table row, reading, validation, emission, C# import and the frontend it needs, like BuildKit's
/// <c>commands_run*.go</c> hooks. <see cref="RunCodec"/> loops over <see cref="RunFlagCodecs"/>.
/// </summary>
internal abstract class RunFlagCodec
{
    /// <summary>The flag name without dashes, as in BuildKit's flag table.</summary>
    public abstract string Flag { get; }

    public abstract BuilderFlags.Kind Kind { get; }

    /// <summary>Where the flag's options go when read: lower first (mounts, then network, then security…).</summary>
    public abstract int ReadOrder { get; }

    /// <summary>The option record type this flag carries (its subtypes too).</summary>
    public abstract Type OptionType { get; }

    /// <summary>Adds the options the flag gave; false when the model cannot hold them (the RUN stays raw).</summary>
    public abstract bool Read(BuilderFlags flags, Dockerfile file, DockerfileReader.Context context, List<RunOption> options);

    /// <summary>The flag as written, e.g. <c>--network=none</c>.</summary>
    public abstract string Emit(DockerfileSyntax syntax, RunOption option);

    public abstract void Validate(DockerfileValidator.Scope scope, RunOption option);

    /// <summary>The Dockerfile features the option uses (the flag itself, and options of it a later syntax added).</summary>
    public abstract IEnumerable<(DockerfileFeature Feature, string Slot)> Features(RunOption option);

    /// <summary>The C# expression of the option.</summary>
    public abstract string Import(CSharpModel model, RunOption option);

    public abstract RunOption RewriteImages(RunOption option, Func<ImageReference, ImageReference> image);

    /// <summary>The stage, image or named context the option reads from (a mount's from=).</summary>
    public virtual IEnumerable<ArtifactSource> ArtifactSources(RunOption option) => [];

    /// <summary>The build-context paths the option mounts.</summary>
    public virtual IEnumerable<ContextRead> ContextReads(RunOption option) => [];

    /// <summary>True when BuildKit runs the option only if the builder is granted an entitlement (<c>--allow</c>).</summary>
    public virtual bool NeedsEntitlement(RunOption option) => false;
}

/// <summary>A RUN flag carrying <typeparamref name="T"/> options.</summary>
internal abstract class RunFlagCodec<T> : RunFlagCodec where T : RunOption
{
    public sealed override Type OptionType => typeof(T);

    protected abstract string Write(DockerfileSyntax syntax, T option);

    protected virtual void Check(DockerfileValidator.Scope scope, T option) { }

    protected abstract IEnumerable<(DockerfileFeature Feature, string Slot)> FeaturesOf(T option);

    protected abstract string ToCSharp(CSharpModel model, T option);

    protected virtual T Rewrite(T option, Func<ImageReference, ImageReference> image) => option;

    public sealed override string Emit(DockerfileSyntax syntax, RunOption option) => Write(syntax, (T)option);

    public sealed override void Validate(DockerfileValidator.Scope scope, RunOption option) => Check(scope, (T)option);

    public sealed override IEnumerable<(DockerfileFeature Feature, string Slot)> Features(RunOption option) => FeaturesOf((T)option);

    public sealed override string Import(CSharpModel model, RunOption option) => ToCSharp(model, (T)option);

    public sealed override RunOption RewriteImages(RunOption option, Func<ImageReference, ImageReference> image) => Rewrite((T)option, image);
}

/// <summary>Every RUN flag codec of this assembly, found once by reflection: a new RUN flag is one new file.</summary>
internal static class RunFlagCodecs
{
    /// <summary>In read order.</summary>
    public static IReadOnlyList<RunFlagCodec> All { get; } = [.. typeof(RunFlagCodec).Assembly.GetTypes()
        .Where(t => !t.IsAbstract && t.IsSubclassOf(typeof(RunFlagCodec)))
        .Select(t => (RunFlagCodec)Activator.CreateInstance(t, nonPublic: true)!)
        .OrderBy(c => c.ReadOrder)];

    /// <summary>RUN's flag table.</summary>
    public static (string Name, BuilderFlags.Kind Kind)[] Table { get; } = [.. All.Select(c => (c.Flag, c.Kind))];

    /// <summary>The codec of <paramref name="option"/>'s record (or of the family it belongs to).</summary>
    public static RunFlagCodec For(RunOption option) =>
        All.FirstOrDefault(c => c.OptionType.IsInstanceOfType(option)) ?? throw new InvalidOperationException($"No RUN flag codec for {option.GetType().Name}.");
}
