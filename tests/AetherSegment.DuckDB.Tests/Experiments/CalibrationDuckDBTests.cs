using System.Globalization;
using System.Text;
using AetherSegment.Data;
using AetherSegment.DuckDB.Loading;
using AetherSegment.DuckDB.Tests.Loading;
using AetherSegment.DuckDB.Tests.Segments;
using AetherSegment.Experiments;
using AetherSegment.Interpretation;
using AetherSegment.Segments;
using AetherSegment.Synthetic.Campaigns;
using AetherSegment.Synthetic.Generation;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace AetherSegment.DuckDB.Tests.Experiments;

/// <summary>
/// A ranked segment on generated data with known truth: its holdout is stratified by predicted-uplift decile (balanced
/// per decile, the same members in .NET and DuckDB), the generator plays the campaign, and the report's calibration
/// orders the deciles with the observed uplift tracking the predicted one and covering the truth.
/// </summary>
public sealed class CalibrationDuckDBTests(ITestOutputHelper output)
{
    private static readonly DateTimeOffset AsOf = GeneratedDatabase.AsOf;

    /// <summary>Each scored member's decile of a segment, from <c>segment_scores</c>.</summary>
    internal static async Task<Dictionary<string, int>> DecilesAsync(IDataStore store, string segmentId)
    {
        Dictionary<string, int> deciles = new(StringComparer.Ordinal);
        QueryResult exists = await store.QueryAsync(new SqlStatement("SELECT COUNT(*) FROM information_schema.tables WHERE table_name = 'segment_scores'"));
        if (Convert.ToInt64(exists.Scalar(), CultureInfo.InvariantCulture) == 0)
        {
            return deciles;
        }

        QueryResult rows = await store.QueryAsync(new SqlStatement("SELECT customer_id, decile FROM segment_scores WHERE segment_id = $s", [QueryParameter.String("s", segmentId)]));
        foreach (object?[] row in rows.Rows)
        {
            deciles[(string)row[0]!] = (int)Convert.ToInt64(row[1], CultureInfo.InvariantCulture);
        }

        return deciles;
    }

    /// <summary>Customers with an order in [start, end): every order, or only the simulator's (ids starting SIM-).</summary>
    internal static async Task<HashSet<string>> CustomersWithOrdersAsync(IDataStore store, DateTimeOffset start, DateTimeOffset end, bool simulatedOnly)
    {
        QueryResult rows = await store.QueryAsync(new SqlStatement(
            "SELECT DISTINCT customer_id FROM transactions WHERE transaction_date >= $start AND transaction_date < $end AND (NOT $simulated OR transaction_id LIKE 'SIM-%')",
            [QueryParameter.Timestamp("start", start), QueryParameter.Timestamp("end", end), QueryParameter.Bool("simulated", simulatedOnly)]));
        return [.. rows.Rows.Select(r => (string)r[0]!)];
    }

    private static async Task GenerateAsync(string path)
    {
        await using IDataSink sink = await new DuckDBDataSinkFactory(path).CreateAsync(replaceExisting: false);
        await new SyntheticDataGenerator().GenerateAsync(sink, new GenerationRequest { Customers = 20_000, Seed = 7, AsOf = AsOf });
    }

    [Fact]
    public async Task RankedSegment_StratifiedHoldoutAndCalibration_FollowTheGroundTruth()
    {
        await using EngineHost host = await EngineHost.CreateAsync(0, "calibration.duckdb", GenerateAsync, AsOf.AddHours(1));
        CampaignObjective everyone = new() { Objective = "Everyone, a personal discount", SuggestedTrigger = "personalized_discount_offer", Confidence = 0.9 };
        StoredSegment segment = await host.Engine.CreateAsync(everyone, "personalized_discount_offer", null, HoldoutAssignment.Create(0.5, "calibration"), CancellationToken.None);
        Assert.True(segment.Holdout!.IsStratified, segment.Holdout.Method);
        Assert.Equal(HoldoutAssignment.StratifiedMethod, (await host.Engine.GetAsync(segment.SegmentId))!.Holdout!.Method);

        // Every member scored; deciles of equal size (within one member).
        Dictionary<string, int> deciles = await DecilesAsync(host.Store, segment.SegmentId);
        Assert.Equal(segment.Size, deciles.Count);
        foreach (IGrouping<int, KeyValuePair<string, int>> decile in deciles.GroupBy(d => d.Value))
        {
            Assert.InRange(decile.Count(), segment.Size / 10, (segment.Size / 10) + 1);
        }

        // The export's marked holdout is the .NET reference, and each decile holds out exactly its share.
        using MemoryStream csv = new();
        await host.Engine.ExportAsync(segment.SegmentId, SegmentExportFormat.Csv, csv, new SegmentExportOptions { Holdout = HoldoutExport.Mark }, CancellationToken.None);
        List<string[]> rows = [.. Encoding.UTF8.GetString(csv.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => l.Split(','))];
        HashSet<string> marked = [.. rows.Where(r => r[^1] == "true").Select(r => r[0])];
        HashSet<string> reference = HoldoutAssignment.HeldOut(segment.Holdout, rows.Select(r => r[0]), id => deciles[id]);
        Assert.True(reference.SetEquals(marked), $"{reference.Count} held in .NET, {marked.Count} in DuckDB");
        foreach (IGrouping<int, KeyValuePair<string, int>> decile in deciles.GroupBy(d => d.Value))
        {
            Assert.Equal(HoldoutAssignment.StratumHoldoutCount(decile.Count(), 0.5), decile.Count(d => marked.Contains(d.Key)));
        }

        // The generator plays the campaign; the report reads its orders from the store.
        CampaignSimulation played = await new CampaignSimulator(host.Store, host.Services.GetRequiredService<ISegmentStore>(), new DuckDBDataAppender(host.Store))
            .SimulateAsync(segment.SegmentId, 14);
        host.Time.Advance(TimeSpan.FromDays(20));
        ExperimentReport report = await host.Services.GetRequiredService<ExperimentService>().ResultsAsync(segment.SegmentId, windowDays: 14);
        Assert.Equal(played.Treated.Members, report.Treated.Members);
        Assert.Equal(played.Holdout.Members, report.Holdout.Members);
        // The report counts every member with an order in the window (recounted here with plain SQL); the generated
        // history can hold orders after activation too, so the simulated orders are a part of them.
        HashSet<string> converted = await CustomersWithOrdersAsync(host.Store, segment.CreatedAt, segment.CreatedAt.AddDays(14), simulatedOnly: false);
        HashSet<string> simulated = await CustomersWithOrdersAsync(host.Store, segment.CreatedAt, segment.CreatedAt.AddDays(14), simulatedOnly: true);
        Assert.Equal(rows.Count(r => !marked.Contains(r[0]) && converted.Contains(r[0])), report.Treated.Conversions);
        Assert.Equal(marked.Count(converted.Contains), report.Holdout.Conversions);
        Assert.Equal(played.Treated.Conversions, rows.Count(r => !marked.Contains(r[0]) && simulated.Contains(r[0])));
        Assert.Equal(played.Holdout.Conversions, marked.Count(simulated.Contains));
        Assert.True(report.AbsoluteLift.Contains(played.TrueUplift), $"{report.AbsoluteLift} vs true {played.TrueUplift}");

        // Calibration: ten deciles, predicted uplift ordered, observed tracking it and covering each decile's truth.
        Dictionary<int, double> truth = await TrueUpliftByDecileAsync(host.Store, segment.SegmentId);
        Assert.Equal(Enumerable.Range(1, 10), report.Calibration.Select(b => b.Decile));
        Assert.Equal(segment.Size, report.Calibration.Sum(b => b.Members));
        foreach (CalibrationBin bin in report.Calibration)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"decile {bin.Decile}: {bin.Members} members, predicted {bin.PredictedUplift:0.0000}, observed {bin.ObservedUplift.Estimate:0.0000} [{bin.ObservedUplift.Low:0.0000}, {bin.ObservedUplift.High:0.0000}], true {truth[bin.Decile]:0.0000}"));
        }

        for (int i = 1; i < report.Calibration.Count; i++)
        {
            Assert.True(report.Calibration[i].PredictedUplift <= report.Calibration[i - 1].PredictedUplift);
        }

        double[] predicted = [.. report.Calibration.Select(b => b.PredictedUplift)];
        double[] observed = [.. report.Calibration.Select(b => b.ObservedUplift.Estimate)];
        double correlation = Pearson(predicted, observed);
        output.WriteLine($"Pearson(predicted, observed) over deciles = {correlation:0.000}");
        Assert.True(correlation > 0.6, $"correlation {correlation}");
        Assert.True(observed.Take(3).Average() > observed.TakeLast(3).Average() + 0.02, string.Join(", ", observed));
        int covered = report.Calibration.Count(b => b.ObservedUplift.Contains(truth[b.Decile]));
        Assert.True(covered >= 8, $"{covered} of 10 decile intervals cover the true uplift");
    }

    private static async Task<Dictionary<int, double>> TrueUpliftByDecileAsync(IDataStore store, string segmentId)
    {
        QueryResult rows = await store.QueryAsync(new SqlStatement("""
            SELECT s.decile, AVG(g.true_uplift) FROM segment_scores s
            JOIN ground_truth_uplift g ON g.customer_id = s.customer_id AND g.trigger_type = 'personalized_discount_offer'
            WHERE s.segment_id = $s GROUP BY s.decile
            """, [QueryParameter.String("s", segmentId)]));
        return rows.Rows.ToDictionary(r => (int)Convert.ToInt64(r[0], CultureInfo.InvariantCulture), r => Convert.ToDouble(r[1], CultureInfo.InvariantCulture));
    }

    internal static double Pearson(double[] x, double[] y)
    {
        double mx = x.Average(), my = y.Average();
        double sxy = 0, sxx = 0, syy = 0;
        for (int i = 0; i < x.Length; i++)
        {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }

        return sxy / Math.Sqrt(sxx * syy);
    }

    [Fact]
    public async Task Simulate_BadInput_IsAClearErrorAndWritesNothing()
    {
        await using EngineHost host = await EngineHost.CreateAsync(500, "simulate-bad.duckdb");
        CampaignSimulator simulator = new(host.Store, host.Services.GetRequiredService<ISegmentStore>(), new DuckDBDataAppender(host.Store));
        CampaignObjective us = new() { Objective = "US", Audience = new Audience { Countries = ["United States"] }, SuggestedTrigger = "cart_reminder", Confidence = 0.9 };
        StoredSegment plain = await host.Engine.CreateAsync(us, "cart_reminder", null);
        double orders = await host.Store.ScalarAsync("SELECT COUNT(*) FROM transactions");

        Assert.Contains("has no holdout", (await Assert.ThrowsAsync<AetherSegmentInputException>(() => simulator.SimulateAsync(plain.SegmentId, 14))).Message, StringComparison.Ordinal);
        Assert.Contains("days must be 1 to 365", (await Assert.ThrowsAsync<AetherSegmentInputException>(() => simulator.SimulateAsync(plain.SegmentId, 0))).Message, StringComparison.Ordinal);
        Assert.Contains("no segment", (await Assert.ThrowsAsync<AetherSegmentInputException>(() => simulator.SimulateAsync("seg_00000000000000000000000000000000", 3))).Message, StringComparison.Ordinal);
        Assert.Equal(orders, await host.Store.ScalarAsync("SELECT COUNT(*) FROM transactions"));
    }
}
