namespace Fluent.Docker.Build;

/// <summary>
/// The parameters of a registry's <c>WWW-Authenticate: Bearer realm="…",service="…",scope="…"</c> challenge (the
/// distribution token-auth spec): where to ask for a token, and for which service.
/// </summary>
internal static class BearerChallenge
{
    public static string? Realm(string? parameters) => Value(parameters, "realm");

    public static string? Service(string? parameters) => Value(parameters, "service");

    /// <summary>One <c>name="value"</c> (or unquoted) parameter; commas inside quotes belong to the value.</summary>
    internal static string? Value(string? parameters, string name)
    {
        if (string.IsNullOrEmpty(parameters)) return null;
        var position = 0;
        while (position < parameters.Length)
        {
            while (position < parameters.Length && parameters[position] is ' ' or ',') position++;
            var equals = parameters.IndexOf('=', position);
            if (equals < 0) return null;
            var key = parameters[position..equals].Trim();
            position = equals + 1;
            string value;
            if (position < parameters.Length && parameters[position] == '"')
            {
                var end = parameters.IndexOf('"', position + 1);
                if (end < 0) end = parameters.Length;
                value = parameters[(position + 1)..end];
                position = end + 1;
            }
            else
            {
                var end = parameters.IndexOf(',', position);
                if (end < 0) end = parameters.Length;
                value = parameters[position..end].Trim();
                position = end;
            }
            if (key.Equals(name, StringComparison.OrdinalIgnoreCase)) return value;
        }
        return null;
    }
}
