// dotnet-api: an ASP.NET Core minimal API. It has no health code of its own: the image's HEALTHCHECK GETs /health
// through bash's /dev/tcp (the template's probe; the runtime image has no curl).
using System.Runtime.InteropServices;

var app = WebApplication.CreateSlimBuilder(args).Build();
app.MapGet("/health", () => Results.Json(new Health("healthy"), AppJson.Default.Health));
app.MapGet("/", () => Results.Json(new Hello("hello from dotnet-api", RuntimeInformation.FrameworkDescription, RuntimeInformation.ProcessArchitecture.ToString()), AppJson.Default.Hello));
await app.RunAsync();
return 0;

internal sealed record Health(string Status);
internal sealed record Hello(string Message, string Framework, string Architecture);

[System.Text.Json.Serialization.JsonSerializable(typeof(Health))]
[System.Text.Json.Serialization.JsonSerializable(typeof(Hello))]
internal sealed partial class AppJson : System.Text.Json.Serialization.JsonSerializerContext;
