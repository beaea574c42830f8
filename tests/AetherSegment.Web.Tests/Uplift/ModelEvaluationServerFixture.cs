using AetherSegment.Tests;
using AetherSegment.Web.Tests.Infrastructure;

namespace AetherSegment.Web.Tests.Uplift;

/// <summary>
/// A server over a generated data set of 10,000 customers (enough campaign history for every trigger model to rank
/// customers differently; on 2,000 the default learner predicts one uplift for everyone and every curve is a straight
/// line) whose log is captured, so tests can count how often the models were evaluated.
/// </summary>
public sealed class ModelEvaluationServerFixture : IAsyncLifetime
{
    internal CapturedLogs Logs { get; } = new();

    internal WebAppServer Server { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        string path = Path.Combine(TestPaths.NewTempDirectory(), "evaluation.duckdb");
        Server = await WebAppServer.StartAsync(path, new Dictionary<string, string>
        {
            ["AetherSegment:Synthetic:Customers"] = "10000",
            ["AetherSegment:Web:InterpretationPermitsPerMinute"] = "100000",
        }, Logs);
        Assert.Equal("ready", await Server.WaitForDataAsync());
    }

    public async Task DisposeAsync() => await Server.DisposeAsync();
}
