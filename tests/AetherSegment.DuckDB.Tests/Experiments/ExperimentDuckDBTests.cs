using System.Globalization;
using System.Text;
using System.Text.Json;
using AetherSegment.Data;
using AetherSegment.DuckDB.Tests.Loading;
using AetherSegment.DuckDB.Tests.Segments;
using AetherSegment.Experiments;
using AetherSegment.Interpretation;
using AetherSegment.Segments;
using AetherSegment.Synthetic.Profiles;
using AetherSegment.Tests;
using DuckDB.NET.Data;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace AetherSegment.DuckDB.Tests.Experiments;

/// <summary>Holdouts reserved at activation, exports that honour them, and designs and results read from a real DuckDB store.</summary>
public sealed class ExperimentDuckDBTests
{
    private static readonly DateTimeOffset Now = EngineHost.Now;

    private static async Task<(ServiceProvider Services, ISegmentEngine Engine, ExperimentService Experiments, DuckDBDataStore Store, FakeTimeProvider Time, string Path)> CreateAsync(int customers = 3000)
    {
        EngineHost host = await EngineHost.CreateAsync(customers, "experiments.duckdb");
        return (host.Services, host.Engine, host.Services.GetRequiredService<ExperimentService>(), host.Store, host.Time, host.Path);
    }

    private static CampaignObjective EveryoneInTheUs() => new()
    {
        Objective = "Remind US customers about their carts",
        CampaignType = CampaignType.AbandonedCartRecovery,
        Audience = new Audience { Countries = ["United States"] },
        SuggestedTrigger = "cart_reminder",
        Confidence = 0.9,
    };

    private static async Task<List<string[]>> ExportCsvAsync(ISegmentEngine engine, string segmentId, SegmentExportOptions options)
    {
        using MemoryStream stream = new();
        await engine.ExportAsync(segmentId, SegmentExportFormat.Csv, stream, options, CancellationToken.None);
        return [.. Encoding.UTF8.GetString(stream.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(','))];
    }

    private static async Task ExecuteAsync(string path, string sql)
    {
        await using DuckDBConnection connection = new($"Data Source={path}");
        await connection.OpenAsync();
        await using DuckDBCommand command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    [Fact]
    public async Task Create_WithHoldout_StoresItAndEveryExportLeavesOutOrMarksTheSameMembers()
    {
        (ServiceProvider services, ISegmentEngine engine, _, DuckDBDataStore store, _, _) = await CreateAsync();
        await using ServiceProvider scope = services;

        StoredSegment segment = await engine.CreateAsync(EveryoneInTheUs(), "cart_reminder", null, HoldoutAssignment.Create(0.2), CancellationToken.None);
        StoredSegment stored = (await engine.GetAsync(segment.SegmentId))!;
        Assert.Equal(segment.Holdout, stored.Holdout);
        Assert.Equal(0.2, stored.Holdout!.Share);

        List<string[]> marked = await ExportCsvAsync(engine, segment.SegmentId, new SegmentExportOptions { Holdout = HoldoutExport.Mark });
        Assert.Equal("holdout", marked[0][^1]);
        List<string[]> members = marked.Skip(1).ToList();
        Assert.Equal(segment.Size, members.Count);
        Dictionary<string, int> deciles = await CalibrationDuckDBTests.DecilesAsync(store, segment.SegmentId);
        HashSet<string> expected = HoldoutAssignment.HeldOut(stored.Holdout, members.Select(r => r[0]), id => deciles.GetValueOrDefault(id));
        Assert.All(members, row => Assert.Equal(expected.Contains(row[0]) ? "true" : "false", row[^1]));
        HashSet<string> held = [.. members.Where(r => r[^1] == "true").Select(r => r[0])];
        // Stratified (the trigger's model scored the members): round(n * share) per decile, so the share is exact up to
        // rounding. Unstratified (no model, e.g. training timed out under load): a keyed hash, so the share is binomial
        // and a fixed band fails now and then on a small segment; four standard deviations.
        double tolerance = stored.Holdout.IsStratified ? 0.5 * (MemberUpliftScores.DecileCount + 1) / members.Count + 1e-9 : 4 * Math.Sqrt(0.2 * 0.8 / members.Count);
        Assert.InRange(held.Count / (double)members.Count, 0.2 - tolerance, 0.2 + tolerance);

        List<string[]> sendList = await ExportCsvAsync(engine, segment.SegmentId, SegmentExportOptions.WithoutPersonalData);
        Assert.DoesNotContain("holdout", sendList[0]);
        Assert.Equal(segment.Size - held.Count, sendList.Count - 1);
        Assert.DoesNotContain(sendList.Skip(1), row => held.Contains(row[0]));

        using MemoryStream json = new();
        Assert.Equal(segment.Size - held.Count, await engine.ExportAsync(segment.SegmentId, SegmentExportFormat.Json, json, SegmentExportOptions.WithoutPersonalData, CancellationToken.None));
        using JsonDocument document = JsonDocument.Parse(json.ToArray());
        Assert.DoesNotContain(document.RootElement.EnumerateArray(), m => held.Contains(m.GetProperty("customer_id").GetString()!));

        string parquet = Path.Combine(TestPaths.NewTempDirectory(), "m.parquet");
        await using (FileStream file = File.Create(parquet))
        {
            await engine.ExportAsync(segment.SegmentId, SegmentExportFormat.Parquet, file, new SegmentExportOptions { Holdout = HoldoutExport.Mark }, CancellationToken.None);
        }

        QueryResult fromParquet = await store.QueryAsync(
            new SqlStatement($"SELECT COUNT(*), SUM(CASE WHEN holdout THEN 1 ELSE 0 END) FROM read_parquet('{parquet.Replace("'", "''", StringComparison.Ordinal)}')"));
        Assert.Equal((long)segment.Size, Convert.ToInt64(fromParquet.Rows[0][0], CultureInfo.InvariantCulture));
        Assert.Equal(held.Count, Convert.ToInt64(fromParquet.Rows[0][1], CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Create_WithoutHoldout_KeepsTheStoredJsonAndExportAsBefore()
    {
        (ServiceProvider services, ISegmentEngine engine, _, _, _, _) = await CreateAsync(500);
        await using ServiceProvider scope = services;

        StoredSegment segment = await engine.CreateAsync(EveryoneInTheUs(), "cart_reminder", null);
        Assert.Null(segment.Holdout);
        Assert.DoesNotContain("\"holdout\"", JsonSerializer.Serialize(segment, AetherSegmentJson.Options), StringComparison.Ordinal);
        List<string[]> rows = await ExportCsvAsync(engine, segment.SegmentId, new SegmentExportOptions { Holdout = HoldoutExport.Mark });
        Assert.DoesNotContain("holdout", rows[0]);
        Assert.Equal(segment.Size, rows.Count - 1);
    }

    [Fact]
    public async Task Results_FromTheStoresOrders_CountEachArmExactlyAndCoverTheTrueLift()
    {
        (ServiceProvider services, ISegmentEngine engine, ExperimentService experiments, _, FakeTimeProvider time, string path) = await CreateAsync(20_000);
        await using ServiceProvider scope = services;
        StoredSegment segment = await engine.CreateAsync(EveryoneInTheUs(), "cart_reminder", null, HoldoutAssignment.Create(0.3, "results-test"), CancellationToken.None);
        Assert.True(segment.Size > 1000, $"{segment.Size} members");

        AetherSegmentInputException early = await Assert.ThrowsAsync<AetherSegmentInputException>(() => experiments.ResultsAsync(segment.SegmentId));
        Assert.StartsWith("results asked before the send", early.Message, StringComparison.Ordinal);

        // After the send: treated members convert with probability 0.30, held-out ones with 0.10 (a seeded draw),
        // each conversion an order of 100 on a day within the 14-day window; one order after the window is ignored.
        List<string[]> members = (await ExportCsvAsync(engine, segment.SegmentId, new SegmentExportOptions { Holdout = HoldoutExport.Mark })).Skip(1).ToList();
        Random random = new(15);
        StringBuilder values = new();
        long[] conversions = new long[2], counts = new long[2];
        foreach (string[] member in members)
        {
            int arm = member[^1] == "true" ? 1 : 0;
            counts[arm]++;
            if (random.NextDouble() < (arm == 1 ? 0.10 : 0.30))
            {
                conversions[arm]++;
                DateTime at = Now.UtcDateTime.AddHours(1 + random.Next(0, 13 * 24));
                values.Append(CultureInfo.InvariantCulture, $"('X{member[0]}', '{member[0]}', TIMESTAMP '{at:yyyy-MM-dd HH:mm:ss}', 'Sofas', 'Sofas', 'p', 1, 100.0),");
            }
        }

        values.Append(CultureInfo.InvariantCulture, $"('late', '{members[0][0]}', TIMESTAMP '{Now.UtcDateTime.AddDays(20):yyyy-MM-dd HH:mm:ss}', 'Sofas', 'Sofas', 'p', 1, 100.0)");
        await ExecuteAsync(path, "INSERT INTO transactions VALUES " + values);
        time.Advance(TimeSpan.FromDays(30));

        ExperimentReport report = await experiments.ResultsAsync(segment.SegmentId, windowDays: 14);

        Assert.Equal(counts[0], report.Treated.Members);
        Assert.Equal(counts[1], report.Holdout.Members);
        Assert.Equal(conversions[0], report.Treated.Conversions);
        Assert.Equal(conversions[1], report.Holdout.Conversions);
        Assert.Equal(conversions[0] * 100.0, report.Treated.Revenue);
        Assert.True(report.AbsoluteLift.Contains(0.20), $"{report.AbsoluteLift}");
        Assert.True(report.PValue < 0.001, $"p = {report.PValue}");
        Assert.Equal(14, report.Daily.Count);
        Assert.Equal(report.Daily[^1].Lift.Estimate, report.AbsoluteLift.Estimate, 9);
        Assert.Contains("14-day attribution window", report.Source, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Results_BadInput_IsAClearErrorAndNothingIsStored()
    {
        (ServiceProvider services, ISegmentEngine engine, ExperimentService experiments, DuckDBDataStore store, FakeTimeProvider time, _) = await CreateAsync(500);
        await using ServiceProvider scope = services;
        StoredSegment plain = await engine.CreateAsync(EveryoneInTheUs(), "cart_reminder", null);
        StoredSegment withHoldout = await engine.CreateAsync(EveryoneInTheUs(), "cart_reminder", null, HoldoutAssignment.Create(0.5), CancellationToken.None);
        time.Advance(TimeSpan.FromDays(2));
        double segmentsBefore = await store.ScalarAsync("SELECT COUNT(*) FROM segments");

        AetherSegmentInputException noHoldout = await Assert.ThrowsAsync<AetherSegmentInputException>(() => experiments.ResultsAsync(plain.SegmentId));
        Assert.Contains("has no holdout", noHoldout.Message, StringComparison.Ordinal);

        AetherSegmentInputException wrongColumns = await Assert.ThrowsAsync<AetherSegmentInputException>(() =>
            experiments.ResultsAsync(withHoldout.SegmentId, new MemoryStream(Encoding.UTF8.GetBytes("id,bought\nC0000001,1\n"))));
        Assert.StartsWith("the outcome file has the columns 'id,bought'", wrongColumns.Message, StringComparison.Ordinal);

        AetherSegmentInputException stranger = await Assert.ThrowsAsync<AetherSegmentInputException>(() =>
            experiments.ResultsAsync(withHoldout.SegmentId, new MemoryStream(Encoding.UTF8.GetBytes("customer_id,converted\nNOBODY,1\n"))));
        Assert.Contains("not members of the segment (first: 'NOBODY')", stranger.Message, StringComparison.Ordinal);

        AetherSegmentInputException unknown = await Assert.ThrowsAsync<AetherSegmentInputException>(() => experiments.ResultsAsync("seg_00000000000000000000000000000000"));
        Assert.Contains("no segment", unknown.Message, StringComparison.Ordinal);
        Assert.Equal(segmentsBefore, await store.ScalarAsync("SELECT COUNT(*) FROM segments"));
    }

    [Fact]
    public async Task Results_FromAnOutcomeFile_SplitTheMembersByTheStoredHoldout()
    {
        (ServiceProvider services, ISegmentEngine engine, ExperimentService experiments, _, _, _) = await CreateAsync(1000);
        await using ServiceProvider scope = services;
        StoredSegment segment = await engine.CreateAsync(EveryoneInTheUs(), "cart_reminder", null, HoldoutAssignment.Create(0.25, "file-test"), CancellationToken.None);
        List<string[]> members = (await ExportCsvAsync(engine, segment.SegmentId, new SegmentExportOptions { Holdout = HoldoutExport.Mark })).Skip(1).ToList();
        StringBuilder csv = new("customer_id,converted,revenue,converted_at\n");
        long treatedConversions = 0, heldConversions = 0;
        for (int i = 0; i < members.Count; i += 3)
        {
            bool held = members[i][^1] == "true";
            (treatedConversions, heldConversions) = held ? (treatedConversions, heldConversions + 1) : (treatedConversions + 1, heldConversions);
            csv.Append(CultureInfo.InvariantCulture, $"{members[i][0]},1,50,{Now.AddDays(i % 5):O}\n");
        }

        ExperimentReport report = await experiments.ResultsAsync(segment.SegmentId, new MemoryStream(Encoding.UTF8.GetBytes(csv.ToString())));

        Assert.Equal(members.Count(m => m[^1] == "false"), report.Treated.Members);
        Assert.Equal(treatedConversions, report.Treated.Conversions);
        Assert.Equal(heldConversions, report.Holdout.Conversions);
        Assert.Equal(treatedConversions * 50.0, report.Treated.Revenue);
        Assert.Equal(5, report.Daily.Count);
        Assert.Equal("outcome file", report.Source);
    }

    [Fact]
    public async Task Design_ReadsTheBaselineFromTheMembersControlHistory()
    {
        (ServiceProvider services, ISegmentEngine engine, ExperimentService experiments, _, _, string path) = await CreateAsync(10_000);
        await using ServiceProvider scope = services;
        StoredSegment segment = await engine.CreateAsync(EveryoneInTheUs(), "cart_reminder", null, HoldoutAssignment.Create(0.1), CancellationToken.None);
        // Control sends of cart_reminder to every other member (one in four of them converted), treatment sends to the
        // rest, spread over 40 days.
        await ExecuteAsync(path, $"""
            INSERT INTO campaign_history (campaign_id, campaign_name, campaign_type, trigger_type, customer_id, "group", sent_at, converted, revenue)
            SELECT 'k' || CAST(i AS VARCHAR), 'past', 'abandoned_cart_recovery', 'cart_reminder', customer_id,
              CASE WHEN i % 2 = 0 THEN 'control' ELSE 'treatment' END, TIMESTAMP '2026-04-01' + to_seconds(CAST(i * 3456000 // {segment.Size} AS BIGINT)),
              i % 8 = 0, 0
            FROM (SELECT customer_id, ROW_NUMBER() OVER (ORDER BY customer_id) - 1 AS i FROM segment_members WHERE segment_id = '{segment.SegmentId}') AS m
            """);
        long control = (segment.Size + 1) / 2, converted = (segment.Size + 7) / 8;
        ExperimentDesign design = await experiments.DesignAsync(segment.SegmentId, predictedUplift: 0.02);

        Assert.True(control >= ExperimentService.MinBaselineRows, $"{control} control rows");
        Assert.Equal(converted / (double)control, design.BaselineRate, 9);
        Assert.Equal($"control sends of cart_reminder to {control:N0} of these members", design.BaselineSource);
        Assert.Equal(0.1, design.HoldoutShare);
        Assert.Equal(segment.Size, design.Members);
        Assert.Equal("given", design.PredictedUpliftSource);
        Assert.InRange(design.DailySends!.Value, segment.Size / 40.0 * 0.95, segment.Size / 40.0 * 1.05);
        Assert.Equal(design.Detectable, design.Power >= 0.8);
        Assert.Equal(ExperimentDesigner.Design(segment.Size, 0.1, converted / (double)control, 0.02).Power, design.Power);
    }
}
