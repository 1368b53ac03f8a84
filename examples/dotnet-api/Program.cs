// dotnet-api: an ASP.NET Core minimal API. It has no health code of its own: the image's HEALTHCHECK GETs /health
// through bash's /dev/tcp (the template's probe; the runtime image has no curl). Cronos and Humanizer come from NuGet.
using System.Runtime.InteropServices;
using Cronos;
using Humanizer;

var started = DateTimeOffset.UtcNow;
var every5Minutes = CronExpression.Parse("*/5 * * * *");
var app = WebApplication.CreateSlimBuilder(args).Build();
app.MapGet("/health", () => Results.Json(new Health("healthy"), AppJson.Default.Health));
app.MapGet("/", () => Results.Json(new Hello("hello from dotnet-api", RuntimeInformation.FrameworkDescription, RuntimeInformation.ProcessArchitecture.ToString()), AppJson.Default.Hello));
app.MapGet("/schedule", () =>
{
    var now = DateTimeOffset.UtcNow;
    var next = every5Minutes.GetNextOccurrence(now, TimeZoneInfo.Utc) ?? now;
    return Results.Json(new Schedule((now - started).Humanize(), (next - now).Humanize(), next), AppJson.Default.Schedule);
});
await app.RunAsync();
return 0;

internal sealed record Health(string Status);
internal sealed record Hello(string Message, string Framework, string Architecture);
internal sealed record Schedule(string Uptime, string NextRunIn, DateTimeOffset NextRun);

[System.Text.Json.Serialization.JsonSerializable(typeof(Health))]
[System.Text.Json.Serialization.JsonSerializable(typeof(Hello))]
[System.Text.Json.Serialization.JsonSerializable(typeof(Schedule))]
internal sealed partial class AppJson : System.Text.Json.Serialization.JsonSerializerContext;
