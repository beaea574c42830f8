using System.Net.Http.Json;
using System.Text.Json;
using AetherSegment.Tests;
using AetherSegment.Web.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AetherSegment.Web.Tests.Infrastructure;

/// <summary>The real web app on Kestrel at 127.0.0.1 with a random port, over a database in a temp folder.</summary>
internal sealed class WebAppServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private WebAppServer(WebApplication app, Uri baseAddress, string databasePath)
    {
        _app = app;
        BaseAddress = baseAddress;
        DatabasePath = databasePath;
        Client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };
    }

    public Uri BaseAddress { get; }

    public string DatabasePath { get; }

    public HttpClient Client { get; }

    public IServiceProvider Services => _app.Services;

    /// <summary>Starts the app; <paramref name="settings"/> are extra configuration keys (<c>AetherSegment:Web:ApiKey</c>, ...).</summary>
    /// <param name="databasePath">The DuckDB file.</param>
    /// <param name="settings">Extra configuration keys.</param>
    /// <param name="logs">When given, receives every log entry of the app (at Information and above).</param>
    /// <param name="services">When given, registers services before the app's own (a clock, for example).</param>
    public static async Task<WebAppServer> StartAsync(string databasePath, IReadOnlyDictionary<string, string>? settings = null, CapturedLogs? logs = null,
        Action<IServiceCollection>? services = null)
    {
        List<string> args =
        [
            "--urls=http://127.0.0.1:0",
            "--environment=Production",
            $"--webroot={Path.Combine(TestPaths.RepositoryRoot, "samples", "AetherSegment.Web", "wwwroot")}",
            $"--AetherSegment:DuckDB:Path={databasePath}",
            "--AetherSegment:Web:LiveEvents=false",
            "--AetherSegment:Web:WarmUpTriggerModels=false",   // models train on the first analyze instead: less CPU for classes that never rank
        ];
        foreach ((string key, string value) in settings ?? new Dictionary<string, string>())
        {
            args.Add($"--{key}={value}");
        }

        WebApplication app = AetherWebApp.Create([.. args], builder =>
        {
            services?.Invoke(builder.Services);
            builder.Logging.ClearProviders();
            builder.Logging.SetMinimumLevel(logs is null ? LogLevel.Warning : LogLevel.Information);
            if (logs is not null)
            {
                builder.Logging.AddProvider(logs);
            }
        });
        await app.StartAsync();
        string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        WebAppServer server = new(app, new Uri(address.TrimEnd('/') + "/"), databasePath);
        await server.WaitForDataAsync();
        return server;
    }

    /// <summary>Waits until the health endpoint says the data is ready or failed.</summary>
    public async Task<string> WaitForDataAsync()
    {
        for (int i = 0; i < 600; i++)
        {
            using JsonDocument health = JsonDocument.Parse(await Client.GetStringAsync("api/v1/health"));
            string state = health.RootElement.GetProperty("data").GetString()!;
            if (state != "preparing")
            {
                return state;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("The data set was not ready in time.");
    }

    public async Task<JsonDocument> GetJsonAsync(string path)
    {
        using HttpResponseMessage response = await Client.GetAsync(path);
        Assert.True(response.IsSuccessStatusCode, $"GET {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync());
    }

    public async Task<(int Status, JsonDocument Body, string? ContentType)> PostJsonAsync(string path, object body)
    {
        using HttpResponseMessage response = await Client.PostAsJsonAsync(path, body);
        return await ReadAsync(response);
    }

    public async Task<(int Status, JsonDocument Body, string? ContentType)> PostRawAsync(string path, string body, string contentType = "application/json")
    {
        using StringContent content = new(body, System.Text.Encoding.UTF8, contentType);
        using HttpResponseMessage response = await Client.PostAsync(path, content);
        return await ReadAsync(response);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static async Task<(int Status, JsonDocument Body, string? ContentType)> ReadAsync(HttpResponseMessage response)
    {
        string text = await response.Content.ReadAsStringAsync();
        JsonDocument body = text.Length == 0 ? JsonDocument.Parse("{}") : JsonDocument.Parse(text);
        return ((int)response.StatusCode, body, response.Content.Headers.ContentType?.MediaType);
    }
}
