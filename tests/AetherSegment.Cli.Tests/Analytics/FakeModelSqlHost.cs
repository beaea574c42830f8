using AetherSegment.Analytics;
using AetherSegment.Hosting;
using AetherSegment.Tests;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AetherSegment.Cli.Tests.Analytics;

/// <summary>
/// The hosts' services over a DuckDB file with a fake OpenAI-compatible chat model on loopback that answers
/// <see cref="Answer"/>: the set-up the language-model SQL test fixtures share (hostile SQL, a different question,
/// Summit's tables).
/// </summary>
internal sealed class FakeModelSqlHost : IDisposable, IAsyncDisposable
{
    private readonly FakeChatEndpoint _model;
    private readonly ServiceProvider _services;

    /// <param name="databasePath">The DuckDB file.</param>
    /// <param name="settings">Extra configuration keys (a profile, ...).</param>
    /// <param name="logs">When given, receives the logs at Information and above; else only warnings are logged.</param>
    public FakeModelSqlHost(string databasePath, IReadOnlyDictionary<string, string?>? settings = null, ILoggerProvider? logs = null)
    {
        _model = new FakeChatEndpoint(_ => Answer);
        Dictionary<string, string?> keys = new()
        {
            ["AetherSegment:Interpreter"] = "chat",
            ["AetherSegment:Chat:Endpoint"] = _model.BaseAddress.ToString(),
            ["AetherSegment:Chat:Model"] = "test-model",
            // The fake model answers at once; a loaded CI machine (every test project at the same time on 2 cores)
            // once took longer than the default 20 s for the first call, and the rules answered instead.
            ["AetherSegment:Analytics:LanguageModelTimeout"] = "00:02:00",
            ["AetherSegment:DuckDB:Path"] = databasePath,
        };
        foreach ((string key, string? value) in settings ?? new Dictionary<string, string?>())
        {
            keys[key] = value;
        }

        IConfiguration configuration = new ConfigurationBuilder().AddInMemoryCollection(keys).Build();
        ServiceCollection services = new();
        services.AddLogging(logging =>
        {
            logging.SetMinimumLevel(logs is null ? LogLevel.Warning : LogLevel.Information);
            if (logs is not null)
            {
                logging.AddProvider(logs);
            }
        });
        services.AddAetherSegmentFromConfiguration(configuration);
        _services = services.BuildServiceProvider();
        Analytics = _services.GetRequiredService<IAnalyticsService>();
    }

    /// <summary>What the fake model answers next (a JSON object with the SQL).</summary>
    public string Answer { get; set; } = "{}";

    public IAnalyticsService Analytics { get; }

    public IServiceProvider Services => _services;

    /// <summary>How many requests the fake model has received.</summary>
    public int ModelRequests
    {
        get
        {
            lock (_model.Requests)
            {
                return _model.Requests.Count;
            }
        }
    }

    public void Dispose()
    {
        _services.Dispose();
        _model.Dispose();
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        _model.Dispose();
    }
}
