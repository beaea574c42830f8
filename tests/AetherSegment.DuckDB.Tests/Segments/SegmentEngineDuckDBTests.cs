using System.Text;
using System.Text.Json;
using AetherSegment.Data;
using AetherSegment.DataModel;
using AetherSegment.Interpretation;
using AetherSegment.Segments;
using AetherSegment.Synthetic.Profiles;
using AetherSegment.Tests;
using DuckDB.NET.Data;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace AetherSegment.DuckDB.Tests.Segments;

public sealed class SegmentEngineDuckDBTests
{
    private static async Task<(ServiceProvider Services, ISegmentEngine Engine, DuckDBDataStore Store)> CreateAsync(int customers = 2000)
    {
        EngineHost host = await EngineHost.CreateAsync(customers);
        return (host.Services, host.Engine, host.Store);
    }

    private static CampaignObjective AbandonedCartHighValue() => new()
    {
        Objective = "Recover abandoned furniture carts from high-value customers in the last 48 hours with a personalized 15% discount",
        CampaignType = CampaignType.AbandonedCartRecovery,
        Audience = new Audience { ValueTier = ValueTier.High, Behavior = new Behavior { AbandonedCartWithinDays = 2 } },
        Incentive = new Incentive { Type = IncentiveType.PercentDiscount, Value = 15 },
        SuggestedTrigger = "personalized_discount_offer",
        Confidence = 0.9,
    };

    private static async Task<long> CountAsync(IDataStore store, SqlStatement statement) =>
        (long)(await store.QueryAsync(new SqlStatement("SELECT COUNT(*) FROM (" + statement.Sql + ") AS m", statement.Parameters))).Scalar()!;

    [Fact]
    public async Task Analyze_PreviewSizeEqualsMembersAndWaterfallShrinksInOrder()
    {
        (ServiceProvider services, ISegmentEngine engine, DuckDBDataStore store) = await CreateAsync();
        await using ServiceProvider scope = services;

        CampaignAnalysis analysis = await engine.AnalyzeAsync(AbandonedCartHighValue());

        SegmentPreview preview = analysis.SegmentPreview;
        Assert.Equal(2000, preview.TotalCustomers);
        Assert.Equal(["value_tier", "abandoned_cart_within_days"], preview.Waterfall.Select(s => s.Key));
        Assert.True(preview.Waterfall[0].Size < 2000 && preview.Waterfall[1].Size < preview.Waterfall[0].Size);
        Assert.Equal(preview.Size, preview.Waterfall[^1].Size);
        Assert.Equal(2000 - preview.Waterfall[0].Size, preview.Waterfall[0].Removed);
        SegmentDefinition definition = new() { Filters = preview.Filters, AsOf = preview.AsOf };
        Assert.Equal(preview.Size, await CountAsync(store, engine.CompileMembers(definition, SqlDialect.DuckDB)));
        Assert.True(preview.Size > 0);
        Assert.True(preview.AvgClv >= 0.7);
        Assert.NotNull(preview.AvgCartValue);
        Assert.Equal(preview.Size, preview.Breakdowns.ByPlace("country").Sum(b => b.Size));
        Assert.Equal(preview.Size, preview.Breakdowns.ByPlace("city").Sum(b => b.Size));
        Assert.Equal("high", Assert.Single(preview.Breakdowns.ByValueTier).Name);
        Assert.All(preview.SampleProfiles, p => Assert.Matches(@"^c\*\*\*@example\.com$", p.Email));
        // The registered ranker (if any) ranks the same members; predicted_uplift is the suggested trigger's.
        Assert.Equal(analysis.TriggerSuggestions.FirstOrDefault(t => t.Trigger == "personalized_discount_offer")?.PredictedUplift
            ?? (analysis.TriggerSuggestions.Count > 0 ? analysis.TriggerSuggestions[0].PredictedUplift : null), preview.PredictedUplift);
        // Windows end at the data's as-of time: the latest event, cart or purchase in the store.
        Assert.InRange(preview.AsOf, GeneratedCustomers.AsOf.AddHours(-1), GeneratedCustomers.AsOf);
    }

    [Fact]
    public async Task PreviewFilters_CountryAndCartValue_ShrinkTheSegmentAndReportBefore()
    {
        (ServiceProvider services, ISegmentEngine engine, _) = await CreateAsync();
        await using ServiceProvider scope = services;
        CampaignAnalysis analysis = await engine.AnalyzeAsync(AbandonedCartHighValue());

        FilterPreview preview = await engine.PreviewFiltersAsync(AbandonedCartHighValue(), [SegmentRefinement.Of("location_country", "United Kingdom"), SegmentRefinement.Of("cart_value_min", 500)], trigger: null);

        Assert.Equal(analysis.SegmentPreview.Size, preview.Before.Size);
        Assert.True(preview.After.Size < preview.Before.Size);
        Assert.Equal(preview.After.Size - preview.Before.Size, preview.SizeChange);
        Assert.All(preview.AddedFilters, f => Assert.Equal(FilterProvenance.User, f.Provenance));
        Assert.Equal("United Kingdom", Assert.Single(preview.Preview.Breakdowns.ByPlace("country")).Name);
        Assert.True(preview.Preview.AvgCartValue >= 500);
    }

    [Fact]
    public async Task Create_ExportsTheSameMembersEveryTime_EvenAfterTheDataChanges()
    {
        (ServiceProvider services, ISegmentEngine engine, DuckDBDataStore store) = await CreateAsync();
        await using ServiceProvider scope = services;

        StoredSegment segment = await engine.CreateAsync(AbandonedCartHighValue(), trigger: "personalized_discount_offer",
            [SegmentRefinement.Of("location_country", ["United States", "Canada"])]);
        string first = await ExportAsync(engine, segment.SegmentId, SegmentExportFormat.Csv);
        await using (DuckDBConnection connection = await store.OpenAsync())
        await using (DuckDBCommand delete = connection.CreateCommand())
        {
            delete.CommandText = "DELETE FROM customers WHERE country = 'Canada'";
            await delete.ExecuteNonQueryAsync();
        }

        string second = await ExportAsync(engine, segment.SegmentId, SegmentExportFormat.Csv);

        Assert.Equal(first, second);
        string[] lines = first.TrimEnd('\n').Split('\n');
        Assert.Equal("customer_id,country,city,clv_score", lines[0]);
        Assert.Equal(segment.Size, lines.Length - 1);
        Assert.Contains(lines, l => l.Contains(",Canada,", StringComparison.Ordinal));
        Assert.Equal("personalized_discount_offer", segment.Trigger);
        Assert.Equal([FilterProvenance.Ai, FilterProvenance.Ai, FilterProvenance.Trigger, FilterProvenance.User], segment.Filters.Select(f => f.Provenance));
        Assert.Contains("discount", segment.Explanation.TriggerRationale, StringComparison.Ordinal);
        Assert.Equal(new DateTimeOffset(2026, 7, 1, 9, 0, 0, TimeSpan.Zero), segment.CreatedAt);

        StoredSegment? fetched = await engine.GetAsync(segment.SegmentId);
        Assert.NotNull(fetched);
        Assert.Equal(segment.Size, fetched.Size);
        Assert.Equal(segment.Filters.Select(f => f.Key), fetched.Filters.Select(f => f.Key));
        Assert.Equal(AetherSegmentJson.Serialize(segment.Filters), AetherSegmentJson.Serialize(fetched.Filters));
    }

    [Fact]
    public async Task Export_JsonAndParquet_HoldTheSnapshotMembers()
    {
        (ServiceProvider services, ISegmentEngine engine, DuckDBDataStore store) = await CreateAsync(500);
        await using ServiceProvider scope = services;
        StoredSegment segment = await engine.CreateAsync(AbandonedCartHighValue(), null, null);

        using JsonDocument json = JsonDocument.Parse(await ExportAsync(engine, segment.SegmentId, SegmentExportFormat.Json));
        Assert.Equal(segment.Size, json.RootElement.GetArrayLength());
        Assert.All(json.RootElement.EnumerateArray(), m => Assert.StartsWith("C", m.GetProperty("customer_id").GetString(), StringComparison.Ordinal));

        string parquet = Path.Combine(TestPaths.NewTempDirectory(), "members.parquet");
        await using (FileStream file = File.Create(parquet))
        {
            Assert.True(await engine.ExportAsync(segment.SegmentId, SegmentExportFormat.Parquet, file));
        }

        QueryResult count = await store.QueryAsync(new SqlStatement($"SELECT COUNT(*) FROM read_parquet('{parquet}')"));
        Assert.Equal(segment.Size, count.Scalar());
    }

    [Fact]
    public async Task PreviewFilters_ObjectiveWithoutAudience_StartsFromEveryCustomer()
    {
        (ServiceProvider services, ISegmentEngine engine, _) = await CreateAsync(300);
        await using ServiceProvider scope = services;

        FilterPreview preview = await engine.PreviewFiltersAsync(new CampaignObjective { Objective = "Hello" },
            [SegmentRefinement.Of("no_purchase_for_days", 30)], trigger: null);

        Assert.Equal(300, preview.Before.Size);
        Assert.Equal(preview.Preview.TotalAvgClv, preview.Before.AvgClv);
        Assert.Equal(preview.Preview.Waterfall[0].Size, preview.After.Size);
        Assert.InRange(preview.After.Size, 1, 299);
        Assert.Null(preview.Preview.AvgCartValue);
        Assert.Equal(5, preview.Preview.SampleProfiles.Count);
        Assert.True(preview.Preview.SampleProfiles[0].ValueScore >= preview.Preview.SampleProfiles[^1].ValueScore);
    }

    [Fact]
    public async Task GetAndExport_UnknownId_ReturnNothing()
    {
        (ServiceProvider services, ISegmentEngine engine, _) = await CreateAsync(50);
        await using ServiceProvider scope = services;

        Assert.Null(await engine.GetAsync("seg_00000000000000000000000000000000"));
        Assert.Null(await engine.GetAsync("'; DROP TABLE segments; --"));
        Assert.False(await engine.ExportAsync("seg_00000000000000000000000000000000", SegmentExportFormat.Csv, Stream.Null));
    }

    [Fact]
    public async Task PreviewFilters_UnknownCityOrTrigger_FailNamingTheField()
    {
        (ServiceProvider services, ISegmentEngine engine, DuckDBDataStore store) = await CreateAsync(50);
        await using ServiceProvider scope = services;

        AetherSegmentInputException city = await Assert.ThrowsAsync<AetherSegmentInputException>(() => engine.PreviewFiltersAsync(AbandonedCartHighValue(),
            [SegmentRefinement.Of("location_city", "'; DROP TABLE customers; --")], null));
        AetherSegmentInputException trigger = await Assert.ThrowsAsync<AetherSegmentInputException>(() =>
            engine.PreviewFiltersAsync(AbandonedCartHighValue(), null, "free_pony"));

        Assert.Equal("new_filters.location_city", city.Field);
        Assert.Equal("trigger", trigger.Field);
        Assert.Contains("free_pony", trigger.Message, StringComparison.Ordinal);
        Assert.Equal(50L, (await store.QueryAsync(new SqlStatement("SELECT COUNT(*) FROM customers"))).Scalar());
    }

    [Fact]
    public async Task Export_LeavesPersonalColumnsOut_UnlessAsked()
    {
        (ServiceProvider services, ISegmentEngine engine, DuckDBDataStore store) = await CreateAsync(300);
        await using ServiceProvider scope = services;
        StoredSegment segment = await engine.CreateAsync(AbandonedCartHighValue(), null, null);

        using MemoryStream without = new();
        long? rowsWithout = await engine.ExportAsync(segment.SegmentId, SegmentExportFormat.Json, without, SegmentExportOptions.WithoutPersonalData, CancellationToken.None);
        using MemoryStream with = new();
        long? rowsWith = await engine.ExportAsync(segment.SegmentId, SegmentExportFormat.Csv, with, SegmentExportOptions.WithPersonalData, CancellationToken.None);

        Assert.Equal(segment.Size, rowsWithout);
        Assert.Equal(segment.Size, rowsWith);
        using JsonDocument members = JsonDocument.Parse(without.ToArray());
        Assert.All(members.RootElement.EnumerateArray(), m =>
        {
            Assert.Equal(["customer_id", "country", "city", "clv_score"], m.EnumerateObject().Select(p => p.Name));
        });
        string[] lines = Encoding.UTF8.GetString(with.ToArray()).TrimEnd('\n').Split('\n');
        Assert.Equal("customer_id,first_name,last_name,email,country,city,clv_score", lines[0]);
        Assert.All(lines.Skip(1), l => Assert.Contains("@", l, StringComparison.Ordinal));
        Assert.Null(await engine.ExportAsync("seg_00000000000000000000000000000000", SegmentExportFormat.Csv, Stream.Null, SegmentExportOptions.WithPersonalData, CancellationToken.None));
        Assert.True(store.Exists);
    }

    [Fact]
    public async Task Create_EightConcurrentFirstCreatesOnANewDatabase_AllSucceed()
    {
        (ServiceProvider services, ISegmentEngine engine, DuckDBDataStore store) = await CreateAsync(300);
        await using ServiceProvider scope = services;
        Assert.Equal(0L, (await store.QueryAsync(new SqlStatement("SELECT COUNT(*) FROM information_schema.tables WHERE table_name = 'segments'"))).Scalar());

        StoredSegment[] created = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => engine.CreateAsync(AbandonedCartHighValue(), null, null))));

        Assert.Equal(8, created.Select(s => s.SegmentId).Distinct().Count());
        Assert.Equal(8L, (await store.QueryAsync(new SqlStatement("SELECT COUNT(*) FROM segments"))).Scalar());
        Assert.Equal(8 * created[0].Size, (long)(await store.QueryAsync(new SqlStatement("SELECT COUNT(*) FROM segment_members"))).Scalar()!);
    }

    [Fact]
    public async Task Prune_DeletesSegmentsBeyondTheNewestCountAndOlderThanTheCutOff_WithTheirMembers()
    {
        string path = Path.Combine(TestPaths.NewTempDirectory(), "retention.duckdb");
        await GeneratedCustomers.CreateAsync(new DuckDBDataStore(path), 300);
        FakeTimeProvider clock = new(new DateTimeOffset(2026, 7, 1, 9, 0, 0, TimeSpan.Zero));
        ServiceCollection collection = new();
        collection.AddSingleton<TimeProvider>(clock);
        collection.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        collection.AddAetherSegment().UseProfile(HomeFurnishingProfile.Load()).AddDuckDB(o => o.Path = path);
        await using ServiceProvider services = collection.BuildServiceProvider();
        ISegmentEngine engine = services.GetRequiredService<ISegmentEngine>();
        ISegmentRetention retention = services.GetRequiredService<ISegmentRetention>();
        DuckDBDataStore store = services.GetRequiredService<DuckDBDataStore>();
        List<StoredSegment> segments = [];
        for (int day = 0; day < 5; day++)
        {
            segments.Add(await engine.CreateAsync(AbandonedCartHighValue(), null, null));
            clock.Advance(TimeSpan.FromDays(1));
        }

        Assert.Equal(0, await retention.PruneAsync(null, null));
        Assert.Equal(1, await retention.PruneAsync(segments[1].CreatedAt, null));
        Assert.Equal(2, await retention.PruneAsync(null, 2));

        Assert.Null(await engine.GetAsync(segments[0].SegmentId));
        Assert.Null(await engine.GetAsync(segments[1].SegmentId));
        Assert.Null(await engine.GetAsync(segments[2].SegmentId));
        Assert.NotNull(await engine.GetAsync(segments[3].SegmentId));
        Assert.NotNull(await engine.GetAsync(segments[4].SegmentId));
        Assert.Equal(2 * segments[0].Size, (long)(await store.QueryAsync(new SqlStatement("SELECT COUNT(*) FROM segment_members"))).Scalar()!);
        Assert.Equal(0, await retention.PruneAsync(segments[3].CreatedAt, 2));
    }

    private static async Task<string> ExportAsync(ISegmentEngine engine, string id, SegmentExportFormat format)
    {
        using MemoryStream stream = new();
        Assert.True(await engine.ExportAsync(id, format, stream));
        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
