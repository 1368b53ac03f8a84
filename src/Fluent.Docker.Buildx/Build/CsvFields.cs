namespace Fluent.Docker.Build;

/// <summary>
/// Joins <c>key=value</c> fields the way buildx reads <c>--output</c>, <c>--secret</c> and <c>--cache-*</c>: as one CSV
/// record. A field holding a comma or a quote is quoted (quotes doubled), so a path like <c>/tmp/a,b</c> stays one field.
/// </summary>
internal static class CsvFields
{
    public static string Join(params string[] fields) => string.Join(",", fields.Select(Quote));

    private static string Quote(string field) =>
        field.IndexOfAny([',', '"', '\n', '\r']) < 0 ? field : "\"" + field.Replace("\"", "\"\"") + "\"";
}
