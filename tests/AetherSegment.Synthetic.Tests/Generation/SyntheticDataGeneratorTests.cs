using System.Text.Json;
using AetherSegment.DataModel;
using AetherSegment.Synthetic.Generation;
using AetherSegment.Synthetic.DataModel;

namespace AetherSegment.Synthetic.Tests.Generation;

public sealed class SyntheticDataGeneratorTests
{
    private static readonly DateTimeOffset AsOf = new(2026, 11, 1, 12, 0, 0, TimeSpan.Zero);

    private static async Task<RecordingSink> GenerateAsync(long customers, int seed = 42, params string[] tables)
    {
        RecordingSink sink = new(tables);
        await new SyntheticDataGenerator().GenerateAsync(sink, new GenerationRequest { Customers = customers, Seed = seed, AsOf = AsOf });
        return sink;
    }

    private static int Index(TableDefinition table, string column) => table.Columns.ToList().FindIndex(c => c.Name == column);

    [Fact]
    public async Task Generate_5000Customers_CountryAndCitySharesFollowTheContract()
    {
        RecordingSink sink = await GenerateAsync(5_000, tables: "customers");
        IReadOnlyList<object?[]> customers = sink.Rows(DataSchema.Customers);

        Assert.Equal(5_000, customers.Count);
        foreach (CountryInfo country in RetailCatalog.Countries)
        {
            double share = customers.Count(r => (string)r[5]! == country.Name) / 5_000.0;
            Assert.InRange(share, country.CustomerShare - 0.025, country.CustomerShare + 0.025);
        }

        Assert.All(customers, r => Assert.Equal((string)r[5]!, RetailCatalog.FindCity((string)r[4]!)!.Country));
        Assert.Equal(21, customers.Select(r => r[4]).Distinct().Count());
        Assert.Equal(5_000, customers.Select(r => r[3]).Distinct().Count());
        Assert.All(customers, r => Assert.InRange((double)r[6]!, 0.0, 1.0));
        Assert.All(customers, r => Assert.True((DateTime)r[8]! < AsOf.UtcDateTime));
    }

    [Fact]
    public async Task Generate_SameSeedAndAsOf_GivesIdenticalRows_AndAnotherSeedDiffers()
    {
        string first = Fingerprint(await GenerateAsync(800, seed: 7));
        string again = Fingerprint(await GenerateAsync(800, seed: 7));
        string other = Fingerprint(await GenerateAsync(800, seed: 8));

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public async Task Generate_Transactions_FollowTastesAndValue_WithinPriceRanges()
    {
        RecordingSink sink = await GenerateAsync(4_000, tables: ["customers", "transactions"]);
        Dictionary<string, double> clv = sink.Rows(DataSchema.Customers).ToDictionary(r => (string)r[0]!, r => (double)r[6]!);
        IReadOnlyList<object?[]> transactions = sink.Rows(DataSchema.Transactions);

        Assert.InRange(transactions.Count / 4_000.0, 3.5, 6.5);
        foreach (object?[] t in transactions)
        {
            ProductTypeInfo type = RetailCatalog.FindProductType((string)t[4]!)!;
            Assert.Equal(type.Category, (string)t[3]!);
            double unit = (double)t[7]! / (long)t[6]!;
            Assert.InRange(unit, type.MinPrice - 0.01, type.MaxPrice + 0.01);
            Assert.InRange((double)t[7]!, 10.0, 2_500.0);
        }

        // Tastes: a repeat buyer's most bought category holds far more than a tenth of their purchases.
        double favouriteShare = transactions.GroupBy(t => (string)t[1]!).Where(g => g.Count() >= 6)
            .Average(g => g.GroupBy(t => t[3]).Max(c => c.Count()) / (double)g.Count());
        Assert.True(favouriteShare > 0.4, $"favourite category share {favouriteShare:F2}");

        // Value: high-CLV customers buy more often and spend more per order than low-CLV customers.
        var byCustomer = transactions.GroupBy(t => (string)t[1]!).ToDictionary(g => g.Key, g => (Count: g.Count(), Spend: g.Sum(t => (double)t[7]!)));
        (double count, double perOrder) Tier(Func<double, bool> inTier)
        {
            string[] ids = [.. clv.Where(p => inTier(p.Value)).Select(p => p.Key)];
            double orders = ids.Sum(id => byCustomer.GetValueOrDefault(id).Count);
            return (orders / ids.Length, ids.Sum(id => byCustomer.GetValueOrDefault(id).Spend) / orders);
        }

        (double highCount, double highOrder) = Tier(v => v >= 0.7);
        (double lowCount, double lowOrder) = Tier(v => v < 0.4);
        Assert.True(highCount > 2 * lowCount, $"orders per customer high {highCount:F1} vs low {lowCount:F1}");
        Assert.True(highOrder > 1.3 * lowOrder, $"order value high {highOrder:F0} vs low {lowOrder:F0}");
    }

    [Fact]
    public async Task Generate_NoTimestampIsAfterTheAsOf()
    {
        // The seventh blind ask set's store (seed 47, as-of 08:00): a customer who signed up in the hour before the as-of
        // left a cart an hour after sign-up, 08:08:33, past the as-of, and every "last N days" answer counted one more.
        DateTimeOffset asOf = new(2026, 11, 30, 8, 0, 0, TimeSpan.Zero);
        RecordingSink sink = new([]);
        await new SyntheticDataGenerator().GenerateAsync(sink, new GenerationRequest { Customers = 10_000, Seed = 47, AsOf = asOf });

        foreach (TableDefinition table in DataSchema.CustomerTables)
        {
            foreach (object?[] row in sink.Rows(table))
            {
                foreach (object? value in row)
                {
                    Assert.False(value is DateTime at && at > asOf.UtcDateTime, $"{table.Name}: {value} is after the as-of");
                }
            }
        }
    }

    [Fact]
    public async Task Generate_AbandonedCarts_SeventyPercentInLastWeek_ItemsSumToCartValue()
    {
        RecordingSink sink = await GenerateAsync(6_000, tables: "abandoned_carts");
        IReadOnlyList<object?[]> carts = sink.Rows(DataSchema.AbandonedCarts);

        Assert.InRange(carts.Count / 6_000.0, 0.15, 0.25);
        double recent = carts.Count(c => AsOf.UtcDateTime - (DateTime)c[2]! <= TimeSpan.FromDays(7)) / (double)carts.Count;
        Assert.InRange(recent, 0.65, 0.75);
        foreach (object?[] cart in carts)
        {
            using JsonDocument items = JsonDocument.Parse((string)cart[5]!);
            double sum = 0;
            foreach (JsonElement item in items.RootElement.EnumerateArray())
            {
                ProductTypeInfo type = RetailCatalog.FindProductType(item.GetProperty("product_type").GetString()!)!;
                Assert.Equal(type.Category, item.GetProperty("category").GetString());
                Assert.False(string.IsNullOrEmpty(item.GetProperty("product_name").GetString()));
                double price = item.GetProperty("price").GetDouble();
                Assert.InRange(price, type.MinPrice, type.MaxPrice);
                sum += price * item.GetProperty("quantity").GetInt32();
            }

            Assert.Equal((double)cart[3]!, sum, 2);
            Assert.Equal((long)cart[4]!, items.RootElement.GetArrayLength());
        }
    }

    [Fact]
    public async Task Generate_Events_CoverEveryTypeAndDevice_NeverAfterAsOf()
    {
        RecordingSink sink = await GenerateAsync(2_000, tables: "behavioral_events");
        IReadOnlyList<object?[]> events = sink.Rows(DataSchema.BehavioralEvents);

        Assert.InRange(events.Count / 2_000.0, 7.0, 14.0);
        Assert.Equal(RetailCatalog.EventTypes.Order(), events.Select(e => (string)e[2]!).Distinct().Order());
        Assert.Equal(RetailCatalog.Devices.Order(), events.Select(e => (string)e[8]!).Distinct().Order());
        Assert.All(events, e => Assert.True((DateTime)e[3]! <= AsOf.UtcDateTime));
        Assert.All(events.Where(e => (string)e[2]! is "product_view" or "add_to_cart"), e => Assert.NotNull(e[5]));
        Assert.All(events.Where(e => (string)e[2]! is "page_view" or "search"), e => Assert.Null(e[4]));
        Assert.Equal(events.Count, events.Select(e => e[0]).Distinct().Count());
    }

    [Fact]
    public async Task Generate_CampaignHistory_TreatmentBeatsControl_AndMoreForCustomersWithHighTrueUplift()
    {
        RecordingSink sink = await GenerateAsync(20_000, tables: ["campaign_history", "ground_truth_uplift"]);
        Dictionary<(string, string), double> truth = sink.Rows(DataSchema.GroundTruthUplift).ToDictionary(r => ((string)r[0]!, (string)r[1]!), r => (double)r[2]!);
        IReadOnlyList<object?[]> history = sink.Rows(DataSchema.CampaignHistory);

        Assert.True(history.Select(r => r[0]).Distinct().Count() >= 20);
        string[] triggerIds = [.. AetherSegment.Synthetic.Profiles.HomeFurnishingProfile.Load().Triggers.Select(t => t.Id)];
        Assert.Equal(triggerIds.Order(), history.Select(r => (string)r[3]!).Distinct().Order());
        Assert.True(Effect(history) > 0.02, $"average effect {Effect(history):F3}");
        foreach (string trigger in triggerIds)
        {
            object?[][] rows = [.. history.Where(r => (string)r[3]! == trigger)];
            double median = rows.Select(r => truth[((string)r[4]!, trigger)]).Order().ElementAt(rows.Length / 2);
            double high = Effect(rows.Where(r => truth[((string)r[4]!, trigger)] > median));
            double low = Effect(rows.Where(r => truth[((string)r[4]!, trigger)] <= median));
            Assert.True(Effect(rows) > 0, $"{trigger}: effect {Effect(rows):F3}");
            Assert.True(high > low, $"{trigger}: effect among high true uplift {high:F3} <= low {low:F3}");
        }
    }

    [Fact]
    public async Task Generate_WithoutGroundTruth_LeavesTheTableOut()
    {
        RecordingSink sink = new();
        GenerationSummary summary = await new SyntheticDataGenerator().GenerateAsync(sink, new GenerationRequest { Customers = 50, AsOf = AsOf, GroundTruth = false });

        Assert.DoesNotContain("ground_truth_uplift", summary.Rows.Keys);
        Assert.Equal(6, summary.Rows.Count);
        Assert.True(sink.Completed);
    }

    [Fact]
    public async Task Generate_Cancelled_NeverCompletesTheSink()
    {
        RecordingSink sink = new();
        using CancellationTokenSource cts = new();
        Progress<GenerationProgress> progress = new();
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            new SyntheticDataGenerator().GenerateAsync(sink, new GenerationRequest { Customers = 10_000, AsOf = AsOf }, progress, cts.Token));
        Assert.False(sink.Completed);
    }

    [Fact]
    public async Task Generate_ZeroCustomers_IsBadInputNamingTheField()
    {
        AetherSegmentInputException error = await Assert.ThrowsAsync<AetherSegmentInputException>(() =>
            new SyntheticDataGenerator().GenerateAsync(new RecordingSink(), new GenerationRequest { Customers = 0 }));

        Assert.Equal("customers", error.Field);
    }

    [Fact]
    public async Task Generate_WithoutAsOf_UsesTheInjectedClock()
    {
        Microsoft.Extensions.Time.Testing.FakeTimeProvider clock = new(new DateTimeOffset(2025, 3, 4, 5, 6, 7, 890, TimeSpan.Zero));
        GenerationSummary summary = await new SyntheticDataGenerator(clock).GenerateAsync(new RecordingSink(), new GenerationRequest { Customers = 10 });

        Assert.Equal(new DateTimeOffset(2025, 3, 4, 5, 6, 7, TimeSpan.Zero), summary.AsOf);
    }

    private static double Effect(IEnumerable<object?[]> rows)
    {
        object?[][] all = [.. rows];
        double Rate(string group)
        {
            object?[][] g = [.. all.Where(r => (string)r[5]! == group)];
            return g.Count(r => (bool)r[7]!) / (double)Math.Max(1, g.Length);
        }

        return Rate("treatment") - Rate("control");
    }

    private static string Fingerprint(RecordingSink sink)
    {
        System.Text.StringBuilder text = new();
        foreach (TableDefinition table in DataSchema.AllTables)
        {
            foreach (object?[] row in sink.Rows(table))
            {
                text.AppendJoin('|', row.Select(v => v is DateTime d ? d.Ticks.ToString() : Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture))).Append('\n');
            }
        }

        return Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text.ToString())));
    }
}
