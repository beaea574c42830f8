using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using AetherSegment.Analytics;
using AetherSegment.BigQuery.Tests.Fake;
using AetherSegment.Data;
using AetherSegment.DataModel;
using AetherSegment.Interpretation;
using AetherSegment.Segments;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using AetherSegment.Synthetic.Profiles;

namespace AetherSegment.BigQuery.Tests.Store;

/// <summary>
/// Table creation races, the dry-run guard on bytes billed (BigQuery's 10 MB per table), the options check of the guard,
/// the dry-run cost estimator behind the analytics guard, and the table layout, against the fake BigQuery.
/// </summary>
public sealed class BigQueryCostGuardTests
{
    private const long MiB = 1L << 20;

    private static ServiceProvider Services(string endpoint, Action<BigQueryOptions>? options = null, Action<IServiceCollection>? more = null)
    {
        ServiceCollection services = new();
        services.AddAetherSegment().UseProfile(HomeFurnishingProfile.Load()).AddBigQuery(o =>
        {
            o.ProjectId = "proj";
            o.Dataset = "cdp";
            o.Endpoint = endpoint;
            o.AccessToken = "test-token";
            options?.Invoke(o);
        });
        services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        more?.Invoke(services);
        return services.BuildServiceProvider();
    }

    private static CampaignObjective LondonHighValue() => new()
    {
        Objective = "Target high CLV customers in London and Manchester with exclusive new product launches",
        CampaignType = CampaignType.GeographicTargeting,
        Audience = new Audience { ValueTier = ValueTier.High, Cities = ["London", "Manchester"] },
        Incentive = new Incentive { Type = IncentiveType.ExclusiveAccess },
        SuggestedTrigger = "exclusive_access",
    };

    [Fact]
    public async Task SegmentCreate_ThreeParallelFirstRunsOnANewDataset_AllSucceed()
    {
        // Three processes start on a dataset without the segment tables: each asks for the tables (404), each creates
        // them; BigQuery answers 409 "Already Exists" to the two that come second. That 409 is success.
        using DuckDbBigQuery warehouse = new(await GeneratedWarehouse.CopyAsync(2_000));
        using CountdownEvent bothLooked = new(3);
        ConcurrentBag<int> createStatuses = [];
        await using FakeBigQueryServer server = new(request =>
        {
            if (request.Method == "GET" && request.Path.EndsWith("/tables/segments", StringComparison.Ordinal) && !bothLooked.IsSet)
            {
                FakeReply missing = warehouse.Handle(request);
                bothLooked.Signal();
                bothLooked.Wait(TimeSpan.FromSeconds(30));
                return missing;
            }

            FakeReply reply = warehouse.Handle(request);
            if (request.Method == "POST" && request.Path.EndsWith("/tables", StringComparison.Ordinal))
            {
                createStatuses.Add(reply.Status);
            }

            return reply;
        }, concurrent: true);

        ServiceProvider[] processes = [Services(server.Endpoint), Services(server.Endpoint), Services(server.Endpoint)];
        try
        {
            StoredSegment[] created = await Task.WhenAll(processes.Select(p => p.GetRequiredService<ISegmentEngine>().CreateAsync(LondonHighValue(), "exclusive_access", null)));

            Assert.Equal(3, created.Select(s => s.SegmentId).Distinct().Count());
            Assert.All(created, s => Assert.True(s.Size > 0));
            // Each table is created once; every other attempt met 409. All three saw `segments` missing (the barrier), so
            // it had at least two 409s; whether a slower process still saw `segment_members` or `segment_scores` missing
            // depends on timing.
            Assert.Equal(3, createStatuses.Count(s => s != 409));
            Assert.All(createStatuses.Where(s => s != 409), s => Assert.InRange(s, 200, 201));
            Assert.InRange(createStatuses.Count(s => s == 409), 2, 6);
            foreach (StoredSegment segment in created)
            {
                StoredSegment? stored = await processes[0].GetRequiredService<ISegmentEngine>().GetAsync(segment.SegmentId);
                Assert.Equal(segment.Size, stored?.Size);
            }
        }
        finally
        {
            foreach (ServiceProvider process in processes)
            {
                await process.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task DryRunGuard_ComparesBytesBilled_TenMegabytesPerReferencedTable()
    {
        // 1,000 bytes processed over three tables bill 30 MB: a 20 MB guard refuses it before it runs.
        await using FakeBigQueryServer server = new(request => request.IsDryRun
            ? FakeReply.DryRun(1_000, "customers", "transactions", "campaign_history")
            : FakeReply.Json(new { jobComplete = true, jobReference = new { jobId = "j" }, schema = new { fields = new[] { new { name = "n", type = "INTEGER" } } }, rows = new[] { new { f = new[] { new { v = "1" } } } } }));
        await using ServiceProvider tight = Services(server.Endpoint, o => o.MaximumBytesBilled = 20 * MiB);
        SqlStatement statement = new("SELECT COUNT(*) AS n FROM customers JOIN transactions USING (customer_id) JOIN campaign_history USING (customer_id)");

        DataStoreException refused = await Assert.ThrowsAsync<DataStoreException>(() => tight.GetRequiredService<IDataStore>().QueryAsync(statement));

        Assert.Contains("would bill 31,457,280 bytes", refused.Message, StringComparison.Ordinal);
        Assert.Contains("1,000 bytes processed over 3 table(s)", refused.Message, StringComparison.Ordinal);
        Assert.Contains("AetherSegment:BigQuery:MaximumBytesBilled", refused.Message, StringComparison.Ordinal);
        Assert.True(Assert.Single(server.All).IsDryRun);

        await using ServiceProvider roomy = Services(server.Endpoint, o => o.MaximumBytesBilled = 30 * MiB);
        Assert.Equal(1L, (await roomy.GetRequiredService<IDataStore>().QueryAsync(statement)).Scalar());
        BigQueryQueryCost cost = await roomy.GetRequiredService<IBigQueryDryRun>().DryRunAsync(statement);
        Assert.Equal(1_000, cost.BytesProcessed);
        Assert.Equal(30 * MiB, cost.BytesBilled);
        Assert.Equal(["cdp.customers", "cdp.transactions", "cdp.campaign_history"], cost.ReferencedTables);
    }

    [Theory]
    [InlineData(0L, 0, 10 * MiB)]
    [InlineData(1L, 1, 10 * MiB)]
    [InlineData(25 * MiB + 1, 2, 26 * MiB)]
    [InlineData(5 * MiB, 4, 40 * MiB)]
    public void BilledBytes_RoundsUpToAMegabyte_AtLeastTenPerTable(long processed, int tables, long billed) =>
        Assert.Equal(billed, BigQueryQueryCost.BilledBytes(processed, tables));

    [Fact]
    public void Options_GuardBelowTenMegabytes_FailsValidationAndSaysWhy()
    {
        using ServiceProvider provider = Services("http://127.0.0.1:9", o => o.MaximumBytesBilled = 5_000_000);

        OptionsValidationException error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<BigQueryOptions>>().Value);

        string message = Assert.Single(error.Failures);
        Assert.Contains("AetherSegment:BigQuery:MaximumBytesBilled must be at least 10485760 bytes (10 MB), got 5000000", message, StringComparison.Ordinal);
        Assert.Contains("would refuse every query", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnalyticsMaximumBytesProcessed_RefusesLanguageModelSqlFromTheDryRun()
    {
        using DuckDbBigQuery warehouse = new(await GeneratedWarehouse.CopyAsync(2_000));
        await using FakeBigQueryServer server = new(warehouse.Handle);
        const string Sql = "SELECT SUM(order_value) AS revenue FROM transactions";
        long transactionBytes = warehouse.ColumnBytes("transactions", "order_value");

        async Task<AnalyticsAnswer> AskAsync(long limit)
        {
            await using ServiceProvider provider = Services(server.Endpoint, more: s =>
            {
                s.AddSingleton<IAnalyticsSqlWriter>(new FixedSqlWriter(Sql));
                s.Configure<AnalyticsOptions>(o => o.MaximumBytesProcessed = limit);
            });
            return await provider.GetRequiredService<IAnalyticsService>().AskAsync("how many zebras did the moon buy?");
        }

        AnalyticsAnswer refused = await AskAsync(transactionBytes - 1);
        Assert.NotEqual(AnalyticsAnswerSource.LanguageModel, refused.Source);
        Assert.Contains(refused.Warnings, w => w.Contains($"would process {transactionBytes:N0} bytes", StringComparison.Ordinal));

        AnalyticsAnswer answered = await AskAsync(transactionBytes);
        Assert.Equal(AnalyticsAnswerSource.LanguageModel, answered.Source);
        Assert.Equal(AnalyticsAnswerStatus.Answered, answered.Status);
    }

    [Fact]
    public async Task Generate_CreatesTablesPartitionedByTheirTimeColumnAndClusteredByCustomer()
    {
        using DuckDbBigQuery warehouse = new();
        await using FakeBigQueryServer server = new(warehouse.Handle);
        await using ServiceProvider provider = Services(server.Endpoint);
        await using (IDataSink sink = await provider.GetRequiredService<IDataSinkFactory>().CreateAsync(replaceExisting: true))
        {
            foreach (TableDefinition table in DataSchema.AllTables)
            {
                await sink.OpenTableAsync(table);
            }

            // The fake checked each body as BigQuery would (a partition column of type TIMESTAMP, clusterable columns).
            Assert.Equal(DataSchema.AllTables.Count, warehouse.Tables.Count);
        }

        Dictionary<string, JsonNode> bodies = server.All
            .Where(r => r.Method == "POST" && r.Path.EndsWith("/tables", StringComparison.Ordinal))
            .ToDictionary(r => r.Body!["tableReference"]!["tableId"]!.GetValue<string>(), r => r.Body!);
        Dictionary<string, string?> partitions = new()
        {
            ["customers"] = null,
            ["transactions"] = "transaction_date",
            ["behavioral_events"] = "event_timestamp",
            ["abandoned_carts"] = "abandoned_at",
            ["campaign_history"] = "sent_at",
            ["customer_scores"] = null,
            ["ground_truth_uplift"] = null,
        };
        foreach ((string table, string? field) in partitions)
        {
            JsonNode body = bodies[table];
            Assert.Equal(field, body["timePartitioning"]?["field"]?.GetValue<string>());
            Assert.Equal(field is null ? null : "DAY", body["timePartitioning"]?["type"]?.GetValue<string>());
            Assert.Equal(["customer_id"], body["clustering"]!["fields"]!.AsArray().Select(f => f!.GetValue<string>()));
        }
    }

    private sealed class FixedSqlWriter(string sql) : IAnalyticsSqlWriter
    {
        public Task<string?> WriteSqlAsync(AnalyticsSqlRequest request, CancellationToken cancellationToken = default) => Task.FromResult<string?>(sql);
    }
}
