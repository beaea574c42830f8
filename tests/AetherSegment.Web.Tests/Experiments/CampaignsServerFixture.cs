using System.Globalization;
using System.Text.Json;
using AetherSegment.Data;
using AetherSegment.Tests;
using AetherSegment.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace AetherSegment.Web.Tests.Experiments;

/// <summary>
/// A generated store (2,000 customers) whose clock the test moves: a campaign activated 16 days ago whose members
/// ordered in the 10 days after (measured), one activated 11 days ago (running), one activated now (not sent),
/// and a segment without holdout (not an experiment). The outcomes are orders appended to the store's transactions.
/// </summary>
public sealed class CampaignsServerFixture : IAsyncLifetime
{
    public const double OrderValue = 400;

    private readonly ShiftedClock _clock = new();

    internal WebAppServer Server { get; private set; } = null!;

    /// <summary>The measured campaign (held out half, outcomes on days 1-10).</summary>
    public string Measured { get; private set; } = "";

    public string Running { get; private set; } = "";

    public string NotSent { get; private set; } = "";

    public string WithoutHoldout { get; private set; } = "";

    /// <summary>Treated and holdout members of <see cref="Measured"/> given an order after activation.</summary>
    public (long Treated, long Holdout) Conversions { get; private set; }

    /// <summary>The days (1-based, since activation) on which the measured campaign's members ordered.</summary>
    public int OutcomeDays { get; } = 10;

    public async Task InitializeAsync()
    {
        string path = Path.Combine(TestPaths.NewTempDirectory(), "campaigns.duckdb");
        Server = await WebAppServer.StartAsync(path, new Dictionary<string, string>
        {
            ["AetherSegment:Synthetic:Customers"] = GeneratedServerFixture.Customers.ToString(CultureInfo.InvariantCulture),
            ["AetherSegment:Web:InterpretationPermitsPerMinute"] = "100000",
        }, services: s => s.AddSingleton<TimeProvider>(_clock));
        Assert.Equal("ready", await Server.WaitForDataAsync());

        DateTimeOffset start = _clock.GetUtcNow();
        Measured = await CreateAsync(new { campaign_objective = Objectives.WinBack, holdout = 0.5, holdout_salt = "measured", name = "Win back, measured" });
        WithoutHoldout = await CreateAsync(new { campaign_objective = Objectives.Regional, name = "No holdout" });
        Conversions = await AppendOutcomesAsync(Measured, start);
        _clock.Advance(TimeSpan.FromDays(5));
        Running = await CreateAsync(new { campaign_objective = Objectives.Regional, holdout = 0.2, name = "Regional, running" });
        _clock.Advance(TimeSpan.FromDays(11));
        NotSent = await CreateAsync(new { campaign_objective = Objectives.AbandonedCarts, holdout = 0.1, name = "Carts, not sent" });
    }

    private async Task<string> CreateAsync(object body)
    {
        (int status, JsonDocument created, _) = await Server.PostJsonAsync("api/v1/segments/create", body);
        using (created)
        {
            Assert.True(status == 201, created.RootElement.GetRawText());
            return created.RootElement.GetProperty("segment_id").GetString()!;
        }
    }

    /// <summary>Orders after activation: 40% of the treated members and 10% of the holdout, spread over the first days.</summary>
    private async Task<(long Treated, long Holdout)> AppendOutcomesAsync(string segmentId, DateTimeOffset start)
    {
        string[] lines = (await Server.Client.GetStringAsync($"api/v1/segments/{segmentId}/export?format=csv&holdout=mark")).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        string[][] members = [.. lines.Skip(1).Select(l => l.Split(','))];
        string[] treated = [.. members.Where(m => m[^1] == "false").Select(m => m[0])];
        string[] holdout = [.. members.Where(m => m[^1] == "true").Select(m => m[0])];
        Assert.True(treated.Length >= 20 && holdout.Length >= 20, $"{treated.Length} treated, {holdout.Length} held out");

        IDataStore store = Server.Services.GetRequiredService<IDataStore>();
        SqlDialect d = store.Dialect;
        long t = 0, h = 0, n = 0;
        async Task OrderAsync(string customer, int day)
        {
            n++;
            await store.QueryAsync(new SqlStatement(
                $"INSERT INTO transactions (transaction_id, customer_id, transaction_date, category, product_type, product_name, quantity, order_value) " +
                $"VALUES ({d.Parameter("id")}, {d.Parameter("customer")}, {d.Parameter("at")}, 'Sofas', 'Sofa', 'Campaign test sofa', 1, {d.Parameter("value")})",
                [
                    QueryParameter.String("id", $"campaign-test-{n}"),
                    QueryParameter.String("customer", customer),
                    QueryParameter.Timestamp("at", start.AddDays(day).AddHours(-12)),
                    QueryParameter.Float64("value", OrderValue),
                ]));
        }

        for (int i = 0; i < treated.Length; i++)
        {
            if (i % 5 < 2)
            {
                await OrderAsync(treated[i], 1 + (i / 5 % OutcomeDays));
                t++;
            }
        }

        for (int j = 0; j < holdout.Length; j++)
        {
            if (j % 10 == 0)
            {
                await OrderAsync(holdout[j], 1 + (j / 10 % OutcomeDays));
                h++;
            }
        }

        return (t, h);
    }

    public async Task DisposeAsync() => await Server.DisposeAsync();
}
