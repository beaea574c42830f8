using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using AetherSegment.BigQuery.Tests.Fake;
using AetherSegment.Data;
using AetherSegment.Experiments;
using AetherSegment.Interpretation;
using AetherSegment.Segments;
using AetherSegment.Synthetic.Profiles;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AetherSegment.BigQuery.Tests.Experiments;

/// <summary>
/// A ranked segment's holdout on BigQuery, stratified by the members' decile of predicted uplift: the segment store loads
/// the members' scores into <c>segment_scores</c> with a load job, and the warehouse computes the stratified arms in
/// GoogleSQL. Run against the DuckDB-backed fake BigQuery over a generated retailer, the arms it computes are the ones the
/// in-memory reference gives, and the export and the report (conversions per arm, calibration by decile) use them.
/// </summary>
public sealed class BigQueryStratifiedHoldoutTests
{
    private const double Share = 0.2;

    [Fact]
    public async Task CreateWithScores_LoadsTheScores_AndTheWarehouseComputesTheStratifiedArmsOfTheReference()
    {
        using DuckDbBigQuery warehouse = new(await GeneratedWarehouse.CopyAsync(2_000));
        await using FakeBigQueryServer server = new(warehouse.Handle);
        await using ServiceProvider services = Services(server);
        IDataStore store = services.GetRequiredService<IDataStore>();
        ISegmentStore segments = services.GetRequiredService<ISegmentStore>();
        Assert.True(segments.KeepsMemberScores);
        (StoredSegment segment, SqlStatement members, MemberUpliftScores scores) = await RankedSegmentAsync(services);

        StoredSegment stored = await segments.CreateAsync(segment, members, scores, CancellationToken.None);

        // One load job appending the scores to segment_scores, with its schema; the segment says its holdout is stratified.
        JsonObject load = Assert.Single(warehouse.Loads);
        Assert.Equal(MemberUpliftScores.TableName, load["destinationTable"]!["tableId"]!.GetValue<string>());
        Assert.Equal("WRITE_APPEND", load["writeDisposition"]!.GetValue<string>());
        Assert.Equal(MemberUpliftScores.Table.Columns.Select(c => c.Name), load["schema"]!["fields"]!.AsArray().Select(f => f!["name"]!.GetValue<string>()));
        Assert.Equal(scores.CustomerIds.Count, stored.Size);
        Assert.True(stored.Holdout!.IsStratified, stored.Holdout.Method);
        Assert.True((await segments.GetAsync(stored.SegmentId))!.Holdout!.IsStratified);

        // The arms the warehouse computes: each member's decile is the one scored, and the held-out members are exactly
        // the reference's (the bucket ranked within each decile), so every decile holds out its share.
        Dictionary<string, int> decileOf = scores.CustomerIds.Select((id, i) => (id, scores.Deciles[i])).ToDictionary(p => p.id, p => p.Item2, StringComparer.Ordinal);
        QueryResult arms = await store.QueryAsync(new SqlStatement(HoldoutAssignment.MemberArmsSql(store.Dialect, stored.Holdout), HoldoutAssignment.ArmParameters(stored.Holdout, stored.SegmentId)));
        Assert.Equal(scores.CustomerIds.Count, arms.Rows.Count);
        Assert.All(arms.Rows, row => Assert.Equal(decileOf[(string)row[0]!], Convert.ToInt32(row[2], CultureInfo.InvariantCulture)));
        HashSet<string> held = [.. arms.Rows.Where(row => Convert.ToInt64(row[1], CultureInfo.InvariantCulture) == 1).Select(row => (string)row[0]!)];
        HashSet<string> reference = HoldoutAssignment.HeldOut(stored.Holdout, scores.CustomerIds, id => decileOf[id]);
        Assert.True(reference.SetEquals(held), $"{held.Count} held out in BigQuery, {reference.Count} in the reference");
        foreach (IGrouping<int, string> decile in scores.CustomerIds.GroupBy(id => decileOf[id]))
        {
            Assert.Equal(HoldoutAssignment.StratumHoldoutCount(decile.Count(), Share), decile.Count(held.Contains));
        }

        // The send list leaves the same members out.
        using MemoryStream csv = new();
        long? exported = await segments.ExportAsync(stored.SegmentId, SegmentExportFormat.Csv, csv, new SegmentExportOptions { Holdout = HoldoutExport.Exclude }, CancellationToken.None);
        string[] sent = [.. Encoding.UTF8.GetString(csv.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(line => line.Split(',')[0])];
        Assert.Equal(scores.CustomerIds.Count - held.Count, exported);
        Assert.Equal(scores.CustomerIds.Where(id => !held.Contains(id)).Order(StringComparer.Ordinal), sent.Order(StringComparer.Ordinal));

        // The report, computed in the warehouse: orders placed after activation by every seventh member (by a hash of the
        // id), counted per arm, and the calibration's ten deciles with their members.
        await store.QueryAsync(new SqlStatement(
            "INSERT INTO transactions (transaction_id, customer_id, transaction_date, category, product_type, product_name, quantity, order_value) " +
            "SELECT CONCAT('T_after_', customer_id), customer_id, @ordered_at, 'Lighting', 'Lamps', 'Test lamp', 1, 50.0 " +
            "FROM segment_members WHERE segment_id = @segment_id AND MOD(ABS(FARM_FINGERPRINT(customer_id)), 7) = 0",
            [QueryParameter.Timestamp("ordered_at", stored.CreatedAt.AddDays(2)), QueryParameter.String("segment_id", stored.SegmentId)]));
        QueryResult buyers = await store.QueryAsync(new SqlStatement(
            "SELECT DISTINCT customer_id FROM transactions WHERE transaction_date > @created_at", [QueryParameter.Timestamp("created_at", stored.CreatedAt)]));
        HashSet<string> converted = [.. buyers.Rows.Select(row => (string)row[0]!)];
        Assert.InRange(converted.Count, 10, scores.CustomerIds.Count / 3);
        Time(services).Advance(TimeSpan.FromDays(20));
        ExperimentReport report = await services.GetRequiredService<ExperimentService>().ResultsAsync(stored.SegmentId, windowDays: 14);
        Assert.Equal(held.Count, report.Holdout.Members);
        Assert.Equal(scores.CustomerIds.Count - held.Count, report.Treated.Members);
        Assert.Equal(held.Count(converted.Contains), report.Holdout.Conversions);
        Assert.Equal(scores.CustomerIds.Count(id => !held.Contains(id) && converted.Contains(id)), report.Treated.Conversions);
        Assert.Equal(Enumerable.Range(1, 10), report.Calibration.Select(b => b.Decile));
        Assert.Equal(scores.CustomerIds.GroupBy(id => decileOf[id]).OrderBy(g => g.Key).Select(g => (long)g.Count()), report.Calibration.Select(b => b.Members));

        // Deleting the segment deletes its scores too.
        Assert.True(await segments.DeleteAsync(stored.SegmentId, CancellationToken.None));
        Assert.Equal(0L, await CountAsync(store, MemberUpliftScores.TableName, stored.SegmentId));
    }

    [Fact]
    public async Task CreateWithScores_LoadJobFails_StoresNothing()
    {
        using DuckDbBigQuery warehouse = new(await GeneratedWarehouse.CopyAsync(2_000));
        await using FakeBigQueryServer server = new(warehouse.Handle);
        await using ServiceProvider services = Services(server);
        IDataStore store = services.GetRequiredService<IDataStore>();
        ISegmentStore segments = services.GetRequiredService<ISegmentStore>();
        (StoredSegment segment, SqlStatement members, MemberUpliftScores scores) = await RankedSegmentAsync(services);
        warehouse.LoadError = "Error while reading data, error message: JSON table encountered too many errors";

        DataStoreException error = await Assert.ThrowsAsync<DataStoreException>(() => segments.CreateAsync(segment, members, scores, CancellationToken.None));

        Assert.Contains("too many errors", error.Message, StringComparison.Ordinal);
        Assert.Null(await segments.GetAsync(segment.SegmentId));
        Assert.Equal(0L, await CountAsync(store, SegmentTables.MembersTableName, segment.SegmentId));
        Assert.Equal(0L, await CountAsync(store, MemberUpliftScores.TableName, segment.SegmentId));
    }

    [Fact]
    public async Task CreateWithScores_MemberInsertFailsAfterTheLoad_DeletesTheLoadedScores()
    {
        using DuckDbBigQuery warehouse = new(await GeneratedWarehouse.CopyAsync(2_000));
        bool failInsert = true;
        await using FakeBigQueryServer server = new(request =>
            failInsert && request.Sql?.StartsWith("INSERT INTO segment_members", StringComparison.Ordinal) == true && !request.IsDryRun
                ? FakeReply.Error(400, "invalidQuery", "Resources exceeded during query execution")
                : warehouse.Handle(request));
        await using ServiceProvider services = Services(server);
        IDataStore store = services.GetRequiredService<IDataStore>();
        ISegmentStore segments = services.GetRequiredService<ISegmentStore>();
        (StoredSegment segment, SqlStatement members, MemberUpliftScores scores) = await RankedSegmentAsync(services);

        await Assert.ThrowsAsync<DataStoreException>(() => segments.CreateAsync(segment, members, scores, CancellationToken.None));

        failInsert = false;
        Assert.Single(warehouse.Loads);
        Assert.Null(await segments.GetAsync(segment.SegmentId));
        Assert.Equal(0L, await CountAsync(store, MemberUpliftScores.TableName, segment.SegmentId));
    }

    private static FakeTimeProvider Time(IServiceProvider services) => (FakeTimeProvider)services.GetRequiredService<TimeProvider>();

    private static ServiceProvider Services(FakeBigQueryServer server)
    {
        ServiceCollection services = new();
        services.AddSingleton<TimeProvider>(new FakeTimeProvider(GeneratedWarehouse.AsOf.AddHours(1)));
        services.AddAetherSegment().UseProfile(HomeFurnishingProfile.Load()).AddBigQuery(o =>
        {
            o.ProjectId = "proj";
            o.Dataset = "cdp";
            o.Endpoint = server.Endpoint;
            o.AccessToken = "test-token";
        });
        return services.BuildServiceProvider();
    }

    /// <summary>Everyone in Canada as a ranked segment with a 20% holdout, not yet stored, and made-up predicted uplift per member.</summary>
    private static async Task<(StoredSegment Segment, SqlStatement Members, MemberUpliftScores Scores)> RankedSegmentAsync(IServiceProvider services)
    {
        ISegmentEngine engine = services.GetRequiredService<ISegmentEngine>();
        IDataStore store = services.GetRequiredService<IDataStore>();
        CampaignObjective objective = new() { Objective = "Everyone in Canada", Audience = new Audience { Countries = ["Canada"] } };
        SegmentDefinition definition = await engine.DefineAsync(objective, null, null);
        SqlStatement members = engine.CompileMembers(definition, store.Dialect);
        QueryResult ids = await store.QueryAsync(new SqlStatement($"SELECT customer_id FROM ({members.Sql}) AS m", members.Parameters));
        string[] customerIds = [.. ids.Rows.Select(row => (string)row[0]!)];
        Assert.True(customerIds.Length > 200, $"{customerIds.Length} members");
        // Ties on purpose (a tenth of the members share a score) so the ranking's tie-break by id is exercised.
        double[] uplift = [.. customerIds.Select((id, i) => i % 10 == 0 ? 0.01 : (id.GetHashCode(StringComparison.Ordinal) & 0xFFFF) / 1_000_000.0)];
        MemberUpliftScores scores = new("personalized_discount_offer", customerIds, uplift);
        StoredSegment segment = new()
        {
            SegmentId = "seg_" + Guid.NewGuid().ToString("N"),
            Trigger = "personalized_discount_offer",
            Explanation = new SegmentExplanation { Summary = "Everyone in Canada" },
            Filters = definition.Filters,
            AsOf = definition.AsOf,
            CreatedAt = services.GetRequiredService<TimeProvider>().GetUtcNow(),
            Dialect = store.Dialect.Name,
            Sql = members.Sql,
            Parameters = members.Parameters,
            Holdout = HoldoutAssignment.Create(Share, "bq-strata"),
        };
        return (HoldoutAssignment.WithScores(segment, scores), members, scores);
    }

    private static async Task<long> CountAsync(IDataStore store, string table, string segmentId)
    {
        QueryResult count = await store.QueryAsync(new SqlStatement($"SELECT COUNT(*) FROM {table} WHERE segment_id = @segment_id", [QueryParameter.String("segment_id", segmentId)]));
        return Convert.ToInt64(count.Scalar(), CultureInfo.InvariantCulture);
    }
}
