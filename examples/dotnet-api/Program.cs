// dotnet-api: an ASP.NET Core minimal API. `--healthcheck` probes the running server's /health and exits 0 when it
// answers 200: the runtime image has no curl, and HEALTHCHECK runs `dotnet DotnetApi.dll --healthcheck`.
using System.Runtime.InteropServices;

var port = Environment.GetEnvironmentVariable("PORT") ?? "8080";

if (args is ["--healthcheck", ..])
{
    using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(3) };
    try
    {
        var response = await client.GetAsync($"http://127.0.0.1:{port}/health");
        return response.IsSuccessStatusCode ? 0 : 1;
    }
    catch (HttpRequestException)
    {
        return 1;
    }
    catch (TaskCanceledException)
    {
        return 1;
    }
}

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
