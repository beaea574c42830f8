using System.Net.Http.Json;
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

    /// <summary>
    /// A client that waits as long as training takes: the first analyze trains eight models on 10,000 customers' history
    /// and the first evaluation eight more, which on a loaded 2-core machine can exceed the server client's 60 s.
    /// </summary>
    internal HttpClient Patient { get; private set; } = null!;

    /// <summary>Trains the ranker's models through the API (the first analyze), waiting as long as it takes.</summary>
    internal async Task TrainAsync()
    {
        using HttpResponseMessage response = await Patient.PostAsJsonAsync("api/v1/campaigns/analyze", new { objective = Objectives.AbandonedCarts });
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
    }

    public async Task InitializeAsync()
    {
        string path = Path.Combine(TestPaths.NewTempDirectory(), "evaluation.duckdb");
        Server = await WebAppServer.StartAsync(path, new Dictionary<string, string>
        {
            ["AetherSegment:Synthetic:Customers"] = "10000",
            ["AetherSegment:Web:InterpretationPermitsPerMinute"] = "100000",
        }, Logs);
        Assert.Equal("ready", await Server.WaitForDataAsync());
        Patient = new HttpClient { BaseAddress = Server.BaseAddress, Timeout = TimeSpan.FromMinutes(15) };
    }

    public async Task DisposeAsync()
    {
        Patient.Dispose();
        await Server.DisposeAsync();
    }
}
