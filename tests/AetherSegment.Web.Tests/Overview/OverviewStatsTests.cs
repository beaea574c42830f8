using System.Text.Json;
using AetherSegment.Web.Tests.Infrastructure;

namespace AetherSegment.Web.Tests.Overview;

public sealed class OverviewStatsTests(SeededServerFixture fixture) : IClassFixture<SeededServerFixture>
{
    private const int N = SeededServerFixture.Customers;

    private static double Clv(int i) => (i * 7919 % 1000) / 1000.0;

    [Fact]
    public async Task Stats_Metrics_CountTheSeededCustomers()
    {
        using JsonDocument stats = await fixture.Server.GetJsonAsync("api/v1/overview/stats");
        JsonElement metrics = stats.RootElement.GetProperty("metrics");

        Assert.Equal(N, metrics.GetProperty("total_customers").GetInt64());
        double expectedClv = Enumerable.Range(1, N).Average(Clv);
        Assert.Equal(expectedClv, metrics.GetProperty("avg_clv_score").GetDouble(), 3);
        long atRisk = Enumerable.Range(1, N).LongCount(i => (i * 29 % 100) / 100.0 >= 0.6);
        Assert.Equal(atRisk, metrics.GetProperty("at_risk_customers").GetInt64());
        // Carts every fifth customer, abandoned i mod 240 hours ago: within 7 days when i mod 240 < 168.
        long carts7d = Enumerable.Range(1, N).LongCount(i => i % 5 == 0 && i % 240 < 168);
        Assert.InRange(metrics.GetProperty("abandoned_carts_7d").GetInt64(), carts7d - 5, carts7d);
    }

    [Fact]
    public async Task Stats_GeographicDistribution_SumsToAllCustomersWithCities()
    {
        using JsonDocument stats = await fixture.Server.GetJsonAsync("api/v1/overview/stats");
        JsonElement geo = stats.RootElement.GetProperty("geographic_distribution");

        Assert.Equal(4, geo.GetArrayLength());
        Assert.Equal(N, geo.EnumerateArray().Sum(c => c.GetProperty("customers").GetInt64()));
        JsonElement us = geo.EnumerateArray().Single(c => c.GetProperty("country").GetString() == "United States");
        Assert.Equal(6 * (N / 21), us.GetProperty("customers").GetInt64());
        Assert.Equal(6, us.GetProperty("cities").GetArrayLength());
        Assert.Equal(1.0, geo.EnumerateArray().Sum(c => c.GetProperty("share").GetDouble()), 2);
    }

    [Fact]
    public async Task Stats_ValueSegments_UseTheConfiguredThresholds()
    {
        using JsonDocument stats = await fixture.Server.GetJsonAsync("api/v1/overview/stats");
        Dictionary<string, long> tiers = stats.RootElement.GetProperty("value_segments").EnumerateArray()
            .ToDictionary(t => t.GetProperty("tier").GetString()!, t => t.GetProperty("customers").GetInt64());

        Assert.Equal(Enumerable.Range(1, N).LongCount(i => Clv(i) >= 0.7), tiers["high"]);
        Assert.Equal(Enumerable.Range(1, N).LongCount(i => Clv(i) < 0.4), tiers["low"]);
        Assert.Equal(N, tiers.Values.Sum());
    }

    [Fact]
    public async Task Stats_Opportunities_CarryASizeAndAnObjectiveToOpen()
    {
        using JsonDocument stats = await fixture.Server.GetJsonAsync("api/v1/overview/stats");
        JsonElement[] opportunities = [.. stats.RootElement.GetProperty("opportunities").EnumerateArray()];

        Assert.True(opportunities.Length >= 4);
        JsonElement regional = opportunities.Single(o => o.GetProperty("id").GetString() == "london-manchester-high-clv");
        long expected = Enumerable.Range(1, N).LongCount(i => (i % 21 is 6 or 7) && Clv(i) >= 0.7);
        Assert.Equal(expected, regional.GetProperty("size").GetInt64());
        Assert.Contains("London and Manchester", regional.GetProperty("objective").GetString(), StringComparison.Ordinal);
        Assert.All(opportunities, o => Assert.False(string.IsNullOrWhiteSpace(o.GetProperty("objective").GetString())));
        Assert.Equal(opportunities.OrderByDescending(o => o.GetProperty("size").GetInt64()).Select(o => o.GetProperty("id").GetString()),
            opportunities.Select(o => o.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task Stats_DataHealth_ReportsRowCountsAndFreshnessOfEveryTable()
    {
        using JsonDocument stats = await fixture.Server.GetJsonAsync("api/v1/overview/stats");
        Dictionary<string, JsonElement> tables = stats.RootElement.GetProperty("data_health").EnumerateArray()
            .ToDictionary(t => t.GetProperty("table").GetString()!);

        Assert.Equal(N, tables["customers"].GetProperty("rows").GetInt64());
        Assert.Equal(3 * N, tables["transactions"].GetProperty("rows").GetInt64());
        Assert.Equal(5 * N, tables["behavioral_events"].GetProperty("rows").GetInt64());
        Assert.Equal(N / 5, tables["abandoned_carts"].GetProperty("rows").GetInt64());
        Assert.Equal(N, tables["customer_scores"].GetProperty("rows").GetInt64());
        Assert.Equal(6, tables.Count);
        DateTimeOffset latest = tables["customer_scores"].GetProperty("latest").GetDateTimeOffset();
        Assert.InRange(latest, fixture.SeededAt.AddSeconds(-1), fixture.SeededAt.AddSeconds(1));
    }

    [Fact]
    public async Task Stats_BehavioralInsights_ShowRecentActivityCategoriesAndDigitalTools()
    {
        using JsonDocument stats = await fixture.Server.GetJsonAsync("api/v1/overview/stats");
        JsonElement insights = stats.RootElement.GetProperty("behavioral_insights");

        JsonElement[] days = [.. insights.GetProperty("recent_activity").EnumerateArray()];
        Assert.InRange(days.Length, 13, 14);
        Assert.InRange(days.Sum(d => d.GetProperty("events").GetInt64()), 5 * N / 2, 5 * N);
        Assert.Equal(5, insights.GetProperty("top_categories_30d").GetArrayLength());
        Assert.True(insights.GetProperty("room_planner_30d").GetProperty("customers").GetInt64() > 0);
        Assert.True(insights.GetProperty("ar_view_30d").GetProperty("events").GetInt64() > 0);
        Assert.Equal(3, insights.GetProperty("devices_30d").GetArrayLength());
    }
}
