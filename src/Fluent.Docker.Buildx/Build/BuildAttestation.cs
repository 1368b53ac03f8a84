using System.Collections.Immutable;

namespace Fluent.Docker.Build;

/// <summary>The kinds of attestation BuildKit attaches (<c>--attest type=…</c>).</summary>
public enum AttestationType
{
    /// <summary>A software bill of materials, made by a scanner image.</summary>
    Sbom,

    /// <summary>SLSA provenance: how and from what the image was built.</summary>
    Provenance,
}

/// <summary>
/// One attestation (<c>--attest type=sbom|provenance,KEY=VALUE…</c>, bake <c>attest</c>) with any option BuildKit's
/// generator takes (<c>generator</c>, <c>scan-context</c>, <c>scan-stage</c> for SBOM; <c>mode</c>, <c>builder-id</c>,
/// <c>version</c> for provenance …). buildx takes one attestation per type: <see cref="BuildRequest.Sbom"/> and
/// <see cref="BuildRequest.Provenance"/> count as one each.
/// </summary>
public sealed record BuildAttestation
{
    private BuildAttestation(AttestationType type, bool disabled, ImmutableSortedDictionary<string, string> options)
    {
        Type = type;
        Disabled = disabled;
        Options = options;
    }

    public AttestationType Type { get; }

    /// <summary><c>disabled=true</c>: turn off the attestation buildx would add by default.</summary>
    public bool Disabled { get; }

    /// <summary>The generator options, by key, rendered in key order.</summary>
    public ImmutableSortedDictionary<string, string> Options { get; }

    /// <summary>An attestation of <paramref name="type"/> with no options (add them with <see cref="WithOption"/>).</summary>
    public static BuildAttestation Of(AttestationType type) => new(type, false, ImmutableSortedDictionary.Create<string, string>(StringComparer.Ordinal));

    /// <summary>An SBOM, made by <paramref name="generator"/> (a mirrored scanner image) or BuildKit's default scanner.</summary>
    public static BuildAttestation Sbom(ImageReference? generator = null) =>
        generator is null ? Of(AttestationType.Sbom) : Of(AttestationType.Sbom).WithOption("generator", generator.ToString());

    /// <summary>Provenance in <paramref name="mode"/> (<see cref="ProvenanceMode.None"/> turns it off).</summary>
    public static BuildAttestation Provenance(ProvenanceMode mode) => mode switch
    {
        ProvenanceMode.None => Disable(AttestationType.Provenance),
        ProvenanceMode.Max => Of(AttestationType.Provenance).WithOption("mode", "max"),
        _ => Of(AttestationType.Provenance).WithOption("mode", "min"),
    };

    /// <summary>No attestation of <paramref name="type"/> (<c>disabled=true</c>).</summary>
    public static BuildAttestation Disable(AttestationType type) => new(type, true, ImmutableSortedDictionary.Create<string, string>(StringComparer.Ordinal));

    /// <summary>Sets the generator option <paramref name="key"/>, replacing an earlier value.</summary>
    public BuildAttestation WithOption(string key, string value) => new(Type, Disabled, Options.SetItem(key ?? "", value ?? ""));

    internal string TypeText => Type == AttestationType.Sbom ? "sbom" : "provenance";

    /// <summary><c>type=…[,disabled=true][,KEY=VALUE…]</c>, as <c>--attest</c> and bake's <c>attest</c> take it.</summary>
    public override string ToString() =>
        CsvFields.Join([$"type={TypeText}", .. Disabled ? ["disabled=true"] : Array.Empty<string>(), .. Options.Select(o => $"{o.Key}={o.Value}")]);
}
