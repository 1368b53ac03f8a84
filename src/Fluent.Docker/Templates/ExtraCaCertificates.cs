namespace Fluent.Docker.Templates;

/// <summary>
/// CA certificates (PEM) that the dependency steps trust besides the image's own roots: for builds behind a proxy that
/// re-signs HTTPS with a company root. They reach only the steps that download packages (<c>dotnet restore</c>,
/// <c>npm ci</c>, <c>pip install</c>, <c>go mod download</c>) as a build secret mounted for that step, plus a bundle of
/// the image's roots and them on a tmpfs: no layer, no ENV and no image config holds them. Each step gets the variables
/// its tools read: <c>SSL_CERT_FILE</c> (OpenSSL, curl, .NET on Linux and so NuGet, Go), <c>NODE_EXTRA_CA_CERTS</c>
/// (Node and npm, added to Node's own roots) and <c>PIP_CERT</c> (pip). The build supplies the file:
/// <c>request.WithSecret(BuildSecret.FromFile(certificates.Secret, "corp-ca.pem"))</c>; a build without it fails at the
/// step (the mount is required) rather than downloading through an untrusted proxy.
/// </summary>
public sealed record ExtraCaCertificates
{
    /// <summary>The tmpfs the step's bundle (the image's roots, then the extra certificates) is written to.</summary>
    internal const string BundleDirectory = "/run/fluent-docker-ca";

    private ExtraCaCertificates(SecretId secret) => Secret = secret;

    /// <summary>The build secret that holds the PEM file (one or more certificates).</summary>
    public SecretId Secret { get; }

    /// <summary>The certificates in the build secret <paramref name="secret"/> (e.g. <c>corp-ca</c>).</summary>
    public static ExtraCaCertificates FromSecret(SecretId secret) => new(secret ?? throw new ArgumentNullException(nameof(secret)));

    /// <summary>Where the step reads the secret: BuildKit's default, <c>/run/secrets/{id}</c>.</summary>
    internal string CertificatePath => "/run/secrets/" + Secret.Id;

    internal static string BundlePath => BundleDirectory + "/ca-bundle.pem";

    /// <summary>The variables a step sets for its tools; values are paths, never the certificates.</summary>
    internal (string Name, string Value)[] Variables =>
    [
        ("SSL_CERT_FILE", BundlePath),
        ("NODE_EXTRA_CA_CERTS", CertificatePath),
        ("PIP_CERT", BundlePath),
    ];

    /// <summary>
    /// <paramref name="command"/> with the bundle written first and the variables set for it alone. Debian-based images
    /// keep their roots in <c>/etc/ssl/certs/ca-certificates.crt</c>; an image without them (node:*-slim) gets a bundle
    /// of the extra certificates only, which Node does not read (it adds <c>NODE_EXTRA_CA_CERTS</c> to its own roots).
    /// </summary>
    internal string Wrap(string command) =>
        $"cat /etc/ssl/certs/ca-certificates.crt {CertificatePath} > {BundlePath} 2>/dev/null || cat {CertificatePath} > {BundlePath}; "
        + string.Join(" ", Variables.Select(v => $"{v.Name}={v.Value}")) + " " + command;

    /// <summary>The secret (required: a build without it fails at the step) and the tmpfs for the bundle.</summary>
    internal RunOption[] Mounts => [Mount.Secret(Secret, required: true), Mount.Tmpfs(BundleDirectory)];

    internal IEnumerable<Problem> Problems(string slot)
    {
        if (Secret.Problem is { } problem) yield return TemplateKit.OptionProblem(slot, problem.Message, problem.Fix);
    }
}
