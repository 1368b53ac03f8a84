using Fluent.Docker.Build;
using Fluent.Docker.Tests.Build;
using Fluent.Docker.Tests.Engine;

namespace Fluent.Docker.Tests.Release;

/// <summary>
/// R3: a push to a second registry with htpasswd auth on another loopback port, credentials from the environment.
/// While it runs, every process's arguments and every file under the throw-away docker config are watched: the
/// password appears in none of them, nor in the log or the command line.
/// </summary>
[Trait("Category", "E2E")]
[Collection(DockerLabCollection.Name)]
public class AuthenticatedPushE2ETests(DockerLabFixture lab)
{
    [Fact]
    public async Task R3_push_with_credentials_from_env_never_shows_the_password()
    {
        var password = "pw-" + Guid.NewGuid().ToString("N");
        await using var registry = await LabRegistry.StartAsync("fluent", password);
        var suffix = Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        var (userVariable, passwordVariable) = ($"FLUENT_R3_USER_{suffix}", $"FLUENT_R3_PASSWORD_{suffix}");
        Environment.SetEnvironmentVariable(userVariable, "fluent");
        Environment.SetEnvironmentVariable(passwordVariable, password);
        try
        {
            var image = ImageReference.Parse($"{registry.Host}/team/app:1.0");
            var request = new BuildRequest(lab.WriteContext("r3", DockerLabFixture.GreetingDockerfile))
                .WithPlatforms(Platform.LinuxAmd64, Platform.LinuxArm64)
                .WithTags(image)
                .WithOutput(BuildOutput.Push);
            var credentials = RegistryCredentials.FromEnvironment(registry.Host, userVariable, passwordVariable);
            var buildx = lab.Buildx.WithCredentials(credentials);
            var log = new List<string>();

            using var watch = new LeakWatch(password);
            var result = await buildx.BuildAsync(request, new SynchronousProgress(log));
            var index = await buildx.ImagetoolsInspectAsync(image);
            var seen = await watch.StopAsync();

            Assert.Equal(result.Digest, index.Digest);
            Assert.Equal(2, index.Platforms.Count);
            Assert.True(seen.Samples > 0 && seen.ConfigFilesRead > 0, $"the watch ran ({seen.Samples} samples, {seen.ConfigFilesRead} config files read)");
            Assert.Empty(seen.Leaks);
            Assert.DoesNotContain(log, line => line.Contains(password, StringComparison.Ordinal));
            Assert.DoesNotContain(password, credentials.ToString(), StringComparison.Ordinal);
            Assert.Contains("[REDACTED]", credentials.ToString());
            Assert.DoesNotContain(Directory.GetDirectories(Path.GetTempPath(), "fluent-docker-auth-*"), d => Directory.GetCreationTimeUtc(d) > seen.Started); // config removed

            // Without credentials the same registry refuses: the push above really authenticated.
            var refused = await Assert.ThrowsAsync<BuildxException>(() => lab.Buildx.ImagetoolsInspectAsync(image));
            Assert.Contains("auth", refused.ErrorOutputTail, StringComparison.OrdinalIgnoreCase);
        }
        finally
        {
            Environment.SetEnvironmentVariable(userVariable, null);
            Environment.SetEnvironmentVariable(passwordVariable, null);
        }
    }

    [Fact]
    public async Task Missing_credential_variable_fails_before_docker_runs_and_names_the_variable()
    {
        var buildx = lab.Buildx.WithCredentials(RegistryCredentials.FromEnvironment("127.0.0.1:1", "FLUENT_UNSET_USER_VARIABLE", "FLUENT_UNSET_PASSWORD_VARIABLE"));

        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => buildx.ImagetoolsInspectAsync("127.0.0.1:1/team/app:1"));

        Assert.Contains("FLUENT_UNSET_USER_VARIABLE", e.Message);
    }

    /// <summary>Samples /proc/*/cmdline and the throw-away docker config directories until stopped.</summary>
    private sealed class LeakWatch : IDisposable
    {
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _loop;
        private readonly List<string> _leaks = [];
        private int _samples;
        private int _configFiles;

        public LeakWatch(string secret)
        {
            Started = DateTime.UtcNow.AddSeconds(-1);
            _loop = Task.Run(async () =>
            {
                while (!_stop.IsCancellationRequested)
                {
                    Sample(secret);
                    try { await Task.Delay(20, _stop.Token); } catch (OperationCanceledException) { }
                }
            });
        }

        public DateTime Started { get; }

        private void Sample(string secret)
        {
            foreach (var process in Directory.EnumerateDirectories("/proc").Where(d => char.IsAsciiDigit(Path.GetFileName(d)[0])))
            {
                try
                {
                    var cmdline = File.ReadAllText(Path.Combine(process, "cmdline"));
                    if (cmdline.Contains(secret, StringComparison.Ordinal)) lock (_leaks) _leaks.Add("arguments of " + cmdline.Replace('\0', ' '));
                }
                catch (IOException) { }
                catch (UnauthorizedAccessException) { }
            }
            foreach (var directory in Directory.GetDirectories(Path.GetTempPath(), "fluent-docker-auth-*"))
            {
                try
                {
                    foreach (var file in Directory.EnumerateFiles(directory, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.ReparsePoint }))
                    {
                        Interlocked.Increment(ref _configFiles);
                        if (File.ReadAllText(file).Contains(secret, StringComparison.Ordinal)) lock (_leaks) _leaks.Add("file " + file);
                    }
                }
                catch (IOException) { }
                catch (UnauthorizedAccessException) { }
            }
            Interlocked.Increment(ref _samples);
        }

        public async Task<(IReadOnlyList<string> Leaks, int Samples, int ConfigFilesRead, DateTime Started)> StopAsync()
        {
            await _stop.CancelAsync();
            await _loop;
            lock (_leaks) return ([.. _leaks], _samples, _configFiles, Started);
        }

        public void Dispose()
        {
            _stop.Cancel();
            _stop.Dispose();
        }
    }
}
