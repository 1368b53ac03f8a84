namespace Fluent.Docker.Parsing;

/// <summary>
/// The <c>--flags</c> of one instruction, checked the way BuildKit's BFlags does: only the instruction's own flags,
/// each at most once (list flags may repeat), booleans as <c>--link</c> or <c>--link=true|false</c>, strings with a value.
/// </summary>
internal sealed class BuilderFlags
{
    public enum Kind { Switch, Value, Values }

    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _lists = new(StringComparer.Ordinal);

    private BuilderFlags() { }

    /// <summary>Parses <paramref name="flags"/>; throws <see cref="InstructionSyntaxException"/> with BuildKit's message.</summary>
    public static BuilderFlags Parse(IReadOnlyList<string> flags, params (string Name, Kind Kind)[] allowed)
    {
        var result = new BuilderFlags();
        var kinds = allowed.ToDictionary(a => a.Name, a => a.Kind, StringComparer.Ordinal);
        foreach (var flag in flags)
        {
            if (!flag.StartsWith("--", StringComparison.Ordinal)) throw new InstructionSyntaxException($"Arg should start with -- : {flag}");
            if (flag == "--") break;
            var text = flag[2..];
            var equals = text.IndexOf('=', StringComparison.Ordinal);
            var name = equals < 0 ? text : text[..equals];
            var value = equals < 0 ? "" : text[(equals + 1)..];
            if (!kinds.TryGetValue(name, out var kind)) throw new InstructionSyntaxException($"Unknown flag: {name}");
            if (kind != Kind.Values && result._values.ContainsKey(name)) throw new InstructionSyntaxException($"Duplicate flag specified: {name}");
            switch (kind)
            {
                case Kind.Switch:
                    if (equals >= 0 && value.Length == 0) throw new InstructionSyntaxException($"Missing a value on flag: {name}");
                    var lower = value.ToLowerInvariant();
                    if (lower is not ("" or "true" or "false")) throw new InstructionSyntaxException($"Expecting boolean value for flag {name}, not: {value}");
                    result._values[name] = lower.Length == 0 ? "true" : lower;
                    break;
                case Kind.Value:
                    if (equals < 0) throw new InstructionSyntaxException($"Missing a value on flag: {name}");
                    result._values[name] = value;
                    break;
                default:
                    if (equals < 0) throw new InstructionSyntaxException($"Missing a value on flag: {name}");
                    if (!result._lists.TryGetValue(name, out var list)) result._lists[name] = list = [];
                    list.Add(value);
                    break;
            }
        }
        return result;
    }

    public string? String(string name) => _values.GetValueOrDefault(name);

    public bool Bool(string name) => _values.GetValueOrDefault(name) == "true";

    /// <summary>True or false when the flag was given, null when not.</summary>
    public bool? OptionalBool(string name) => _values.TryGetValue(name, out var value) ? value == "true" : null;

    public IReadOnlyList<string> Strings(string name) => _lists.TryGetValue(name, out var list) ? list : [];

    public bool Has(string name) => _values.ContainsKey(name) || _lists.ContainsKey(name);
}
