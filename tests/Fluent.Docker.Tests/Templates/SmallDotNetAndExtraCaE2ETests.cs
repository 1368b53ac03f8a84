using System.IO.Compression;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Fluent.Docker.Build;
using Fluent.Docker.Engine;
using Fluent.Docker.Examples;
using Fluent.Docker.Templates;
using Fluent.Docker.Tests.Engine;
using Fluent.Docker.Tests.Examples;
using Xunit.Abstractions;

namespace Fluent.Docker.Tests.Templates;

/// <summary>
/// In the lab: the .NET template's NativeAOT and trimmed self-contained variants on a runtime-deps base built from
/// Debian packages run the example app healthy as uid 1654 (the trimmed one measured against the other two); and <see cref="TemplateOptions.ExtraCaCertificates"/> hands a throwaway CA to the
/// dependency step (which sees it) while no layer of the image, nor of the stage the step ran in, holds it.
/// </summary>
[Trait("Category", "E2E")]
[Collection(DockerLabCollection.Name)]
public class SmallDotNetAndExtraCaE2ETests(DockerLabFixture lab, ITestOutputHelper output)
{
    [Fact]
    public async Task Native_aot_variant_on_a_runtime_deps_base_from_debian_packages_runs_healthy_as_uid_1654()
    {
        var root = Path.Combine(lab.WorkDirectory, "dotnet-aot");
        Directory.CreateDirectory(Path.Combine(root, DotnetRuntimeDeps.Definition.ContextDirectory));
        var destination = new ImageDestination.Registry(lab.Registry, "aot-" + lab.RunId);
        var runtimeDeps = ImageReference.Parse(Assert.Single(await ImageSetBuild.RunAsync([DotnetRuntimeDeps.Definition.Generate(root)], destination, lab.Buildx)).Location);
        lab.RemoveAtEnd(runtimeDeps.ToString());
        var definition = DotnetApiAot.Create(runtimeDeps);
        RepositoryLayout.CopyExampleSources(definition, root);

        var built = Assert.Single(await ImageSetBuild.RunAsync([definition.Generate(root)], destination, lab.Buildx));
        var image = ImageReference.Parse(built.Location);
        lab.RemoveAtEnd(image.ToString());
        var smoke = await lab.Engine.SmokeTestAsync(new SmokeTest(image).WithPort(8080, "/health").WithPlatform(Platform.LinuxAmd64).WithTimeout(TimeSpan.FromSeconds(90)));
        await using var container = await RunningContainer.StartAsync(image, Platform.LinuxAmd64);
        var (_, files, _) = await container.ExecAsync(["bash", "-c", "echo /app/*"]);

        Assert.Equal("healthy", smoke.Health);
        Assert.Equal(200, smoke.HttpStatus);
        Assert.All(await container.ProcessUidsAsync(), uid => Assert.Equal("1654", uid));
        Assert.Contains("/app/DotnetApi", files.Split(' ', StringSplitOptions.TrimEntries));
        Assert.DoesNotContain(files.Split(' ', StringSplitOptions.TrimEntries), f => f.EndsWith(".dll", StringComparison.Ordinal) || f.EndsWith(".dbg", StringComparison.Ordinal));
        // The whole image, base and binary, pulls as less than 40 MB (the SDK alone is several hundred).
        Assert.True(built.CompressedBytes < 40_000_000, $"{built.CompressedBytes} bytes compressed");
    }

    [Fact]
    public async Task Trimmed_self_contained_variant_runs_healthy_as_uid_1654_and_is_smaller_than_framework_dependent()
    {
        var root = Path.Combine(lab.WorkDirectory, "dotnet-trimmed");
        Directory.CreateDirectory(Path.Combine(root, DotnetRuntimeDeps.Definition.ContextDirectory));
        var destination = new ImageDestination.Registry(lab.Registry, "trimmed-" + lab.RunId);
        var runtimeDeps = Assert.Single(await ImageSetBuild.RunAsync([DotnetRuntimeDeps.Definition.Generate(root)], destination, lab.Buildx));
        lab.RemoveAtEnd(runtimeDeps.Location);
        var baseImage = ImageReference.Parse(runtimeDeps.Location);
        var built = new List<BuiltImage>();
        // One folder each: the three share the example's context folder, where each writes its own Dockerfile.
        foreach (var definition in new[] { DotnetApi.Definition, DotnetApiTrimmed.Create(baseImage), DotnetApiAot.Create(baseImage) })
        {
            var folder = Path.Combine(root, definition.Name.Split('/')[^1]);
            RepositoryLayout.CopyExampleSources(definition, folder);
            built.Add(Assert.Single(await ImageSetBuild.RunAsync([definition.Generate(folder)], destination, lab.Buildx)));
            lab.RemoveAtEnd(built[^1].Location);
        }
        var sizes = built.ToDictionary(b => b.Name, b => b.CompressedBytes);
        foreach (var (name, bytes) in sizes) output.WriteLine($"{name}: {bytes} bytes compressed ({bytes / 1e6:F1} MB)");
        output.WriteLine($"runtime-deps base: {runtimeDeps.CompressedBytes} bytes compressed ({runtimeDeps.CompressedBytes / 1e6:F1} MB)");
        var trimmed = ImageReference.Parse(built.Single(b => b.Name == DotnetApiTrimmed.Name).Location);
        var smoke = await lab.Engine.SmokeTestAsync(new SmokeTest(trimmed).WithPort(8080, "/schedule").WithPlatform(Platform.LinuxAmd64).WithTimeout(TimeSpan.FromSeconds(90)));
        await using var container = await RunningContainer.StartAsync(trimmed, Platform.LinuxAmd64);
        var (_, files, _) = await container.ExecAsync(["bash", "-c", "echo /app/*"]);

        Assert.Equal("healthy", smoke.Health);
        Assert.Equal(200, smoke.HttpStatus); // /schedule: Cronos and Humanizer survive trimming
        Assert.Contains("NextRunIn", smoke.Body, StringComparison.Ordinal);
        Assert.All(await container.ProcessUidsAsync(), uid => Assert.Equal("1654", uid));
        Assert.Contains("/app/DotnetApi", files.Split(' ', StringSplitOptions.TrimEntries));
        Assert.Contains("/app/System.Private.CoreLib.dll", files.Split(' ', StringSplitOptions.TrimEntries)); // self-contained
        Assert.True(sizes[DotnetApiTrimmed.Name] < sizes[DotnetApi.Definition.Name], $"trimmed {sizes[DotnetApiTrimmed.Name]} bytes, framework-dependent {sizes[DotnetApi.Definition.Name]}");
        Assert.True(sizes[DotnetApiAot.Name] < sizes[DotnetApiTrimmed.Name], $"AOT {sizes[DotnetApiAot.Name]} bytes, trimmed {sizes[DotnetApiTrimmed.Name]}");
    }

    [Fact]
    public async Task Extra_ca_certificate_is_seen_by_the_dependency_step_and_absent_from_every_layer()
    {
        var (pem, der) = ThrowawayCa();
        var root = Path.Combine(lab.WorkDirectory, "extra-ca");
        var pemPath = Path.Combine(lab.WorkDirectory, "extra-ca-" + lab.RunId + ".pem");
        await File.WriteAllTextAsync(pemPath, pem);
        var secret = new SecretId("corp-ca");
        var options = new PythonOptions
        {
            ContextDirectory = "python-api",
            Port = 5000,
            Platforms = [Platform.LinuxAmd64],
            ExtraCaCertificates = ExtraCaCertificates.FromSecret(secret),
        };
        var template = PythonTemplate.Create("fluent-tests/extra-ca", options);
        // What a dependency step sees, told by the tools' own variables: Python's ssl (OpenSSL) loads SSL_CERT_FILE,
        // NODE_EXTRA_CA_CERTS and PIP_CERT name the files. Only digests and counts leave the step.
        var probe = Stage.Named("probe").From(options.Resolve(options.Image))
            .DependencyRun(options, "python -c \"import hashlib, os, ssl; "
                + "roots = ssl.create_default_context().get_ca_certs(binary_form=True); "
                + "print('\\n'.join(hashlib.sha256(r).hexdigest() for r in roots)); "
                + "print('node', hashlib.sha256(open(os.environ['NODE_EXTRA_CA_CERTS'], 'rb').read()).hexdigest()); "
                + "print('pip', os.environ['PIP_CERT'] == os.environ['SSL_CERT_FILE'], open(os.environ['PIP_CERT']).read().count('BEGIN CERTIFICATE'))\" > /seen.txt");
        var seen = Stage.Named("seen").FromScratch().CopyFrom(probe, "/seen.txt", "/seen.txt");
        var definition = template.WithDockerfile(Dockerfile.Create([.. template.Dockerfile.Stages, probe, seen]));
        RepositoryLayout.CopyExampleSources(definition, root);
        var generated = definition.Generate(root);
        var request = ImageSetBuild.RequestFor(generated).WithSecret(BuildSecret.FromFile(secret, pemPath));
        var deps = template.Dockerfile.Stages.Single(s => s.Name == "deps");
        var runtime = template.Dockerfile.FinalStage!;

        var seenDirectory = Path.Combine(root, "seen-out");
        // Secrets are not part of a step's cache key: without this an earlier run's probe (another CA) would be reused.
        await lab.Buildx.BuildAsync(request.WithTarget(seen).WithNoCacheFilter(probe).WithOutput(BuildOutput.LocalDirectory(seenDirectory)));
        var report = (await File.ReadAllTextAsync(Path.Combine(seenDirectory, "seen.txt"))).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var runtimeLayout = Path.Combine(root, "runtime-oci");
        await lab.Buildx.BuildAsync(request.WithTarget(runtime).WithOutput(BuildOutput.OciLayout(runtimeLayout)));
        var depsLayout = Path.Combine(root, "deps-oci");
        await lab.Buildx.BuildAsync(request.WithTarget(deps).WithOutput(BuildOutput.OciLayout(depsLayout)));
        // The deps stage re-runs (not from cache) so the step really asks for the secret.
        var withoutSecret = await Record.ExceptionAsync(() => lab.Buildx.BuildAsync(ImageSetBuild.RequestFor(generated).WithTarget(deps).WithNoCacheFilter(deps)
            .WithOutput(BuildOutput.OciLayout(Path.Combine(root, "no-secret-oci")))));

        Assert.Contains(Convert.ToHexStringLower(SHA256.HashData(der)), report); // OpenSSL's roots in the step include it
        Assert.Contains("node " + Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(pem))), report);
        var pip = Assert.Single(report, l => l.StartsWith("pip ", StringComparison.Ordinal)).Split(' ');
        Assert.Equal("True", pip[1]);
        Assert.True(int.Parse(pip[2], System.Globalization.CultureInfo.InvariantCulture) > 1, "the bundle holds the image's roots and the extra one");
        var body = pem.Split('\n')[1]; // the first line of the base64 body: unique to this certificate
        foreach (var layout in new[] { runtimeLayout, depsLayout })
        {
            var blobs = Directory.GetFiles(Path.Combine(layout, "blobs", "sha256"));
            Assert.NotEmpty(blobs);
            foreach (var blob in blobs)
            {
                var content = Unpacked(blob);
                Assert.True(IndexOf(content, Encoding.ASCII.GetBytes(body)) < 0, $"{Path.GetFileName(blob)} of {Path.GetFileName(layout)} holds the certificate (PEM)");
                Assert.True(IndexOf(content, der) < 0, $"{Path.GetFileName(blob)} of {Path.GetFileName(layout)} holds the certificate (DER)");
            }
        }
        Assert.IsType<BuildxException>(withoutSecret); // the mount is required: no secret, no download
    }

    /// <summary>A self-signed CA made for this run only; its private key is thrown away.</summary>
    private static (string Pem, byte[] Der) ThrowawayCa()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=Fluent.Docker throwaway test CA " + Guid.NewGuid().ToString("N"), key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        return (certificate.ExportCertificatePem() + "\n", certificate.RawData);
    }

    /// <summary>A blob as stored, or its gunzipped content when it is a gzip layer.</summary>
    private static byte[] Unpacked(string blob)
    {
        var bytes = File.ReadAllBytes(blob);
        if (bytes.Length < 2 || bytes[0] != 0x1f || bytes[1] != 0x8b) return bytes;
        using var gzip = new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress);
        using var output = new MemoryStream();
        gzip.CopyTo(output);
        return output.ToArray();
    }

    private static int IndexOf(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle);
}
