using AetherSegment.Data;
using AetherSegment.Tests;
using Microsoft.Extensions.DependencyInjection;

namespace AetherSegment.Web.Tests.Infrastructure;

/// <summary>One server per test class that generated its own synthetic data set on first start (the real first-run path).</summary>
public sealed class GeneratedServerFixture : IAsyncLifetime
{
    public const int Customers = 2_000;

    internal WebAppServer Server { get; private set; } = null!;

    internal IDataStore Store => Server.Services.GetRequiredService<IDataStore>();

    public async Task InitializeAsync()
    {
        string path = Path.Combine(TestPaths.NewTempDirectory(), "generated.duckdb");
        Server = await WebAppServer.StartAsync(path, new Dictionary<string, string>
        {
            ["AetherSegment:Synthetic:Customers"] = Customers.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["AetherSegment:Web:InterpretationPermitsPerMinute"] = "100000",
            ["AetherSegment:Web:AnalyticsPermitsPerMinute"] = "100000",
        });
        Assert.Equal("ready", await Server.WaitForDataAsync());
    }

    /// <summary>Counts with a hand-written query, to check the API's numbers against the data.</summary>
    internal async Task<long> CountAsync(string sql, params QueryParameter[] parameters)
    {
        QueryResult result = await Store.QueryAsync(new SqlStatement(sql, parameters));
        return Convert.ToInt64(result.Scalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task DisposeAsync() => await Server.DisposeAsync();
}
