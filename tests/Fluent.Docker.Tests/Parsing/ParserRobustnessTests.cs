using System.Text;
using Fluent.Docker.Parsing;

namespace Fluent.Docker.Tests.Parsing;

/// <summary>
/// Mutated real Dockerfiles (characters inserted, deleted and swapped; lines duplicated and dropped): the reader
/// either accepts the text, and then the model round-trips through Emit, or throws <see cref="DockerfileParseException"/>.
/// No other exception ever leaves the parser.
/// </summary>
public class ParserRobustnessTests
{
    private const string Hostile = "\"'\\`$${}[]#<<-\n\r\t =,:/\0\uFEFFé😀";

    public static IReadOnlyList<string> Seeds { get; } = LoadSeeds();

    private static List<string> LoadSeeds()
    {
        var root = Conformance.Corpora.FindRoot();
        var parser = Directory.GetDirectories(Path.Combine(root, "buildkit-parser", "testfiles"))
            .Select(d => File.ReadAllText(Path.Combine(d, "Dockerfile")));
        var heredoc = File.ReadAllText(Path.Combine(root, "buildkit-parser", "heredoc", "TestParseExtractsHeredoc.Dockerfile"));
        var official = new[] { "official/python-3.14-slim-trixie.Dockerfile", "official/golang-1.27-windows-nanoserver-ltsc2022.Dockerfile", "advanced/buildx.Dockerfile" }
            .Select(f => File.ReadAllText(Path.Combine(root, f)));
        return [.. parser.Append(heredoc).Concat(official)];
    }

    [Fact]
    public void Mutated_files_parse_and_round_trip_or_fail_with_a_located_reason()
    {
        var random = new Random(31337);
        int accepted = 0, rejected = 0;
        for (var i = 0; i < 2500; i++)
        {
            var text = Mutate(Seeds[random.Next(Seeds.Count)], random);
            Dockerfile model;
            try
            {
                model = Dockerfile.Parse(text);
            }
            catch (DockerfileParseException e)
            {
                Assert.True(e.Line >= 1 && e.Column >= 1 && e.Reason.Length > 0, $"unlocated error '{e.Message}' for:\n{text}");
                rejected++;
                continue;
            }
            catch (Exception e)
            {
                Assert.Fail($"{e.GetType().Name} escaped the parser: {e.Message}\n--- input #{i}\n{text}");
                return;
            }
            accepted++;
            var again = Dockerfile.Parse(model.Emit());
            Assert.True(again.Equals(model), $"input #{i} did not round-trip: {Conformance.ModelDifference.Describe(model, again)}\n--- input\n{text}");
        }
        Assert.True(accepted > 250 && rejected > 250, $"{accepted} accepted, {rejected} rejected: the mutations should give both");
    }

    private static string Mutate(string text, Random random)
    {
        var builder = new StringBuilder(text);
        var mutations = 1 + random.Next(4);
        for (var m = 0; m < mutations && builder.Length > 0; m++)
        {
            var at = random.Next(builder.Length);
            switch (random.Next(5))
            {
                case 0:
                    builder.Insert(at, Hostile[random.Next(Hostile.Length)]);
                    break;
                case 1:
                    builder.Remove(at, Math.Min(1 + random.Next(3), builder.Length - at));
                    break;
                case 2:
                    var other = random.Next(builder.Length);
                    (builder[at], builder[other]) = (builder[other], builder[at]);
                    break;
                default:
                    var lines = builder.ToString().Split('\n').ToList();
                    var line = random.Next(lines.Count);
                    if (random.Next(2) == 0) lines.Insert(line, lines[random.Next(lines.Count)]);
                    else lines.RemoveAt(line);
                    builder.Clear().Append(string.Join('\n', lines));
                    break;
            }
        }
        return builder.ToString();
    }
}
