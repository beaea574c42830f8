using System.Diagnostics;
using System.Globalization;
using AetherSegment.Data;
using AetherSegment.DuckDB;
using AetherSegment.Experiments;
using AetherSegment.Segments;
using AetherSegment.Uplift;
using AetherSegment.Synthetic.Profiles;
using DuckDB.NET.Data;
using Microsoft.Extensions.DependencyInjection;

namespace AetherSegment.Benchmarks;

/// <summary>
/// Issue 15's two performance bars, timed in one process on the embedded store (median of 5 after a warm-up):
/// the results report over an N-member campaign read from the store's orders (target under 1 s at 1,000,000), and
/// what a holdout adds to activation and export (target under 10%), each next to its anchor measured in the same run.
/// </summary>
internal static class ExperimentScale
{
    public static int Run(int members)
    {
        string folder = Path.Combine(Path.GetTempPath(), "aether-experiment-scale-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        string path = Path.Combine(folder, "scale.duckdb");
        try
        {
            return RunAsync(path, members).GetAwaiter().GetResult();
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<int> RunAsync(string path, int members)
    {
        DateTimeOffset sent = new(2026, 7, 1, 0, 0, 0, TimeSpan.Zero);
        string n = members.ToString(CultureInfo.InvariantCulture);
        await using (DuckDBConnection connection = new($"Data Source={path}"))
        {
            await connection.OpenAsync();
            foreach (string ddl in DuckDBSchema.CreateAll())
            {
                await ExecuteAsync(connection, ddl);
            }

            // N customers in the United States; a fifth of them order once in the 14 days after the send.
            await ExecuteAsync(connection, $"""
                INSERT INTO customers (customer_id, first_name, last_name, email, city, country, clv_score, acquisition_source, created_at)
                SELECT 'C' || lpad(CAST(i AS VARCHAR), 8, '0'), 'A', 'B', 'a@example.com', 'New York', 'United States', (hash(i) % 1000) / 1000.0, 'organic_search', TIMESTAMP '2025-01-01'
                FROM range({n}) AS r(i)
                """);
            await ExecuteAsync(connection, $"""
                INSERT INTO transactions
                SELECT 'T' || CAST(i AS VARCHAR), 'C' || lpad(CAST(i AS VARCHAR), 8, '0'), TIMESTAMP '2026-07-01' + to_seconds(CAST(hash(i) % 1209600 AS BIGINT)),
                  'Sofas', 'Sofas', 'p', 1, 100.0
                FROM range({n}) AS r(i) WHERE hash(i * 7) % 5 = 0
                """);
            await ExecuteAsync(connection, "INSERT INTO transactions VALUES ('T0', 'C00000000', TIMESTAMP '2026-06-30 23:00:00', 'Sofas', 'Sofas', 'p', 1, 1.0)");
        }

        ManualClock time = new() { Now = sent };
        ServiceCollection services = new();
        services.AddSingleton<TimeProvider>(time);
        services.AddAetherSegment().UseProfile(HomeFurnishingProfile.Load()).AddDuckDB(o => o.Path = path);
        services.Configure<SegmentOptions>(o => o.AsOf = sent);
        await using ServiceProvider provider = services.BuildServiceProvider();
        ISegmentEngine engine = provider.GetRequiredService<ISegmentEngine>();
        ExperimentService experiments = provider.GetRequiredService<ExperimentService>();
        DuckDBDataStore store = provider.GetRequiredService<DuckDBDataStore>();
        Interpretation.CampaignObjective everyone = new() { Objective = "Everyone in the US", Audience = new Interpretation.Audience { Countries = ["United States"] } };

        List<string> plain = [], held = [];
        double createPlain = Median(await TimeAsync(async () => plain.Add((await engine.CreateAsync(everyone, null, null)).SegmentId)));
        double createHeld = Median(await TimeAsync(async () => held.Add((await engine.CreateAsync(everyone, null, null, HoldoutAssignment.Create(0.1), CancellationToken.None)).SegmentId)));
        double exportPlain = Median(await TimeAsync(() => engine.ExportAsync(plain[0], SegmentExportFormat.Csv, Stream.Null, SegmentExportOptions.WithoutPersonalData, CancellationToken.None)));
        double exportHeld = Median(await TimeAsync(() => engine.ExportAsync(held[0], SegmentExportFormat.Csv, Stream.Null, new SegmentExportOptions { Holdout = HoldoutExport.Mark }, CancellationToken.None)));
        time.Now = sent.AddDays(20);
        ExperimentReport? report = null;
        double results = Median(await TimeAsync(async () => report = await experiments.ResultsAsync(held[0], windowDays: 14)));
        SqlStatement anchor = new($"SELECT COUNT(*), SUM(order_value) FROM transactions t JOIN segment_members m ON m.customer_id = t.customer_id WHERE m.segment_id = $s",
            [QueryParameter.String("s", held[0])]);
        double join = Median(await TimeAsync(() => store.QueryAsync(anchor)));

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"members {members:N0}: treated {report!.Treated.Members:N0} ({report.Treated.Conversions:N0} converted), holdout {report.Holdout.Members:N0} ({report.Holdout.Conversions:N0})"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"segment create: {createPlain:0} ms without holdout, {createHeld:0} ms with a 10% holdout ({(createHeld / createPlain - 1) * 100:+0.0;-0.0}%)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"CSV export: {exportPlain:0} ms all members, {exportHeld:0} ms with the holdout column ({(exportHeld / exportPlain - 1) * 100:+0.0;-0.0}%)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"results report from the store: {results:0} ms (anchor: members joined to orders, one aggregate: {join:0} ms)"));
        return 0;
    }

    /// <summary>
    /// The holdout bar for a ranked segment, on a copy of a generated database with trained models (its
    /// <c>.models</c> folder): activation with the trigger and no holdout (the anchor) against activation with a 10%
    /// holdout, which scores every member with the trigger's model, stratifies the holdout by decile and stores the
    /// scores for the report's calibration. The original database is never written.
    /// </summary>
    public static int RunRanked(string database, string trigger, bool longLivedOnly = false, bool allCustomers = false, int pairs = 30, bool settleArms = false)
    {
        string folder = Path.Combine(Path.GetTempPath(), "aether-experiment-ranked-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        string path = Path.Combine(folder, Path.GetFileName(database));
        try
        {
            File.Copy(database, path);
            if (Directory.Exists(database + ".models"))
            {
                Directory.CreateDirectory(path + ".models");
                foreach (string file in Directory.GetFiles(database + ".models"))
                {
                    File.Copy(file, Path.Combine(path + ".models", Path.GetFileName(file)));
                }
            }

            int code = RunRankedAsync(path, trigger, longLivedOnly, allCustomers, pairs, settleArms).GetAwaiter().GetResult();
            // The first run on a store without models trains them (about a minute): keep them beside the original
            // (its file is never written), so later runs on it time activation, not training.
            if (!Directory.Exists(database + ".models") && Directory.Exists(path + ".models"))
            {
                Directory.CreateDirectory(database + ".models");
                foreach (string file in Directory.GetFiles(path + ".models"))
                {
                    File.Copy(file, Path.Combine(database + ".models", Path.GetFileName(file)));
                }
            }

            return code;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<int> RunRankedAsync(string path, string trigger, bool longLivedOnly, bool allCustomers, int pairs, bool settleArms)
    {
        ServiceCollection services = new();
        services.AddAetherSegment().UseProfile(HomeFurnishingProfile.Load()).AddDuckDB(o => o.Path = path);
        await using ServiceProvider provider = services.BuildServiceProvider();
        ISegmentEngine engine = provider.GetRequiredService<ISegmentEngine>();
        // The segment: everyone in the US (221,365 of 1,000,000), or every customer (--all-customers).
        Interpretation.CampaignObjective everyone = allCustomers
            ? new() { Objective = "Every customer", Audience = new Interpretation.Audience() }
            : new() { Objective = "Everyone in the US", Audience = new Interpretation.Audience { Countries = ["United States"] } };

        long size = 0;
        string? method = null;
        if (!longLivedOnly)
        {
            double plain = Median(await TimeAsync(async () => size = (await engine.CreateAsync(everyone, trigger, null)).Size));
            double held = Median(await TimeAsync(async () => method = (await engine.CreateAsync(everyone, trigger, null, HoldoutAssignment.Create(0.1), CancellationToken.None)).Holdout?.Method));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ranked segment ({trigger}, {size:N0} members): create {plain:0} ms without holdout, {held:0} ms with a 10% holdout ({method}; {(held / plain - 1) * 100:+0.0;-0.0}%)"));
        }

        // A long-lived host (the web app): the audience snapshot, built by the warm-up, holds every customer's uplift.
        ServiceCollection warmServices = new();
        warmServices.Configure<TriggerRankingOptions>(o => o.AudienceSnapshotMaxLag = TimeSpan.FromMinutes(15));
        warmServices.AddAetherSegment().UseProfile(HomeFurnishingProfile.Load()).AddDuckDB(o => o.Path = path);
        await using ServiceProvider warmProvider = warmServices.BuildServiceProvider();
        ISegmentEngine warm = warmProvider.GetRequiredService<ISegmentEngine>();
        Stopwatch warmUp = Stopwatch.StartNew();
        await ((IAnalysisWarmUp)warm).WarmUpAsync();
        double warmUpSeconds = warmUp.Elapsed.TotalSeconds;
        // Each creation's steps are recorded as spans (docs/benchmarks.md "Where a holdout's time goes"); the runs
        // alternate no holdout / holdout so that the store's growth and its checkpoints fall on both alike.
        using SegmentSpans spans = new();
        List<double> warmPlainTimes = [];
        List<double> warmHeldTimes = [];
        List<(string Name, double Median, int Count)> plainSpans = [];
        List<(string Name, double Median, int Count)> heldSpans = [];
        // 30 timed pairs (by default) after a warm-up pair: a creation's commit sometimes pays DuckDB's automatic
        // checkpoint, which five runs cannot average out.
        int referencing = 0;
        List<StoredSegment> perMemberSegments = [];
        List<StoredSegment> referencingSegments = [];
        List<double> settleTimes = [];
        for (int i = 0; i <= pairs; i++)
        {
            spans.Clear();
            Stopwatch watch = Stopwatch.StartNew();
            size = (await warm.CreateAsync(everyone, trigger, null)).Size;
            AddRun(warmPlainTimes, watch.Elapsed.TotalMilliseconds, i, plainSpans, spans);
            spans.Clear();
            watch.Restart();
            StoredSegment created = await warm.CreateAsync(everyone, trigger, null, HoldoutAssignment.Create(0.1), CancellationToken.None);
            SegmentHoldout? holdout = created.Holdout;
            method = holdout?.Method;
            (holdout?.Scores is null ? perMemberSegments : referencingSegments).Add(created);
            referencing += i > 0 && holdout?.Scores is not null ? 1 : 0;
            AddRun(warmHeldTimes, watch.Elapsed.TotalMilliseconds, i, heldSpans, spans);
            if (settleArms && holdout is { ArmsKept: false })
            {
                // --settle-arms: the arms kept in the background are waited for outside the timings, so the next
                // pair's creations do not share the machine with them (the critical path alone is timed).
                watch.Restart();
                ISegmentStore kept = warmProvider.GetRequiredService<ISegmentStore>();
                while ((await kept.GetAsync(created.SegmentId))?.Holdout is { ArmsKept: false } && watch.Elapsed < TimeSpan.FromMinutes(2))
                {
                    await Task.Delay(20);
                }

                settleTimes.Add(watch.Elapsed.TotalMilliseconds);
            }
        }

        if (settleTimes.Count > 0)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"arms kept in the background after the holdout creations: median {Median(settleTimes):0} ms until visible (max {settleTimes.Max():0} ms, {settleTimes.Count} runs)"));
        }

        // Each pair ran back to back, so the median of the pairs' differences is the steadier estimate of the holdout's cost.
        double pairedDifference = Median([.. warmHeldTimes.Zip(warmPlainTimes, (held, plain) => held - plain)]);
        string plainRuns = string.Join(", ", warmPlainTimes.Select(t => t.ToString("0", CultureInfo.InvariantCulture)));
        string heldRuns = string.Join(", ", warmHeldTimes.Select(t => t.ToString("0", CultureInfo.InvariantCulture)));
        double warmPlain = Median(warmPlainTimes);
        double warmHeld = Median(warmHeldTimes);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"with the audience snapshot (warm-up {warmUpSeconds:0.0} s): create {warmPlain:0} ms without holdout, {warmHeld:0} ms with a 10% holdout ({method}; {(warmHeld / warmPlain - 1) * 100:+0.0;-0.0}%; alternating runs)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  runs in order, without holdout: {plainRuns} ms; with: {heldRuns} ms ({referencing} of {warmHeldTimes.Count} referencing a kept score set, the others scoring their members)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  median of the pairs' differences (with - without): {pairedDifference:+0;-0} ms ({pairedDifference / warmPlain * 100:+0.0;-0.0}% of the median without)"));
        PrintSpans(string.Create(CultureInfo.InvariantCulture, $"spans, median over the {pairs} timed runs (ms): step | without holdout | with holdout"), plainSpans, heldSpans);

        // The arms of a holdout referencing a set are kept in the background after activation: wait for the last
        // ones (a report asked earlier computes them), then read every segment as stored.
        ISegmentStore store = warmProvider.GetRequiredService<ISegmentStore>();
        Stopwatch settle = Stopwatch.StartNew();
        for (int k = 0; k < 2; k++)
        {
            List<StoredSegment> kind = k == 0 ? perMemberSegments : referencingSegments;
            if (kind.Count == 0)
            {
                continue;
            }

            StoredSegment? current = await store.GetAsync(kind[^1].SegmentId);
            while (current?.Holdout is { ArmsKept: false } && settle.Elapsed < TimeSpan.FromMinutes(2))
            {
                await Task.Delay(50);
                current = await store.GetAsync(kind[^1].SegmentId);
            }

            kind[^1] = current ?? kind[^1];
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"arms kept: by score rows per member {perMemberSegments.LastOrDefault()?.Holdout?.ArmsKept}, by a referenced set {referencingSegments.LastOrDefault()?.Holdout?.ArmsKept} (waited {settle.Elapsed.TotalMilliseconds:0} ms after the last creation)"));

        // What the report reads: the arms and deciles of a stratified holdout, kept, or computed from score rows per
        // member or from the referenced set (a window over the members the set scores).
        IDataStore data = warmProvider.GetRequiredService<IDataStore>();
        foreach ((string label, List<StoredSegment> kind) in new[] { ("score rows per member", perMemberSegments), ("a referenced score set", referencingSegments) })
        {
            if (kind.Count == 0)
            {
                continue;
            }

            StoredSegment segment = kind[^1];
            SqlStatement arms = new($"SELECT held, decile, COUNT(*), SUM(predicted_uplift) FROM ({HoldoutAssignment.MemberArmsSql(data.Dialect, segment.Holdout!)}) a GROUP BY held, decile",
                HoldoutAssignment.ArmParameters(segment.Holdout!, segment.SegmentId));
            double armsMs = Median(await TimeAsync(() => data.QueryAsync(arms)));
            SqlStatement computed = new($"SELECT held, decile, COUNT(*), SUM(predicted_uplift) FROM ({HoldoutAssignment.ComputedMemberArmsSql(data.Dialect, segment.Holdout!)}) a GROUP BY held, decile",
                HoldoutAssignment.ComputedArmParameters(segment.Holdout!, segment.SegmentId));
            double computedMs = Median(await TimeAsync(() => data.QueryAsync(computed)));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"arms and deciles by {label}: {armsMs:0} ms as the report reads them (kept: {segment.Holdout!.ArmsKept}), {computedMs:0} ms computed (median of 5)"));
        }

        await TimeRankedReportsAsync(path, warmProvider.GetRequiredService<DuckDBDataStore>(), [.. new[] { perMemberSegments, referencingSegments }.Where(k => k.Count > 0).Select(k => k[^1])]);
        return 0;
    }

    /// <summary>
    /// The whole report (<see cref="ExperimentService.ResultsAsync"/>) over a ranked campaign: a fifth of the customers
    /// order in the 14 days after activation (written to the copy), and the report is asked 20 days on, so it reads
    /// the arms, the deciles of predicted uplift for the calibration and the outcomes, as a user's call does.
    /// </summary>
    private static async Task TimeRankedReportsAsync(string path, DuckDBDataStore store, IReadOnlyList<StoredSegment> segments)
    {
        if (segments.Count == 0)
        {
            return;
        }

        DateTimeOffset activated = segments.Min(s => s.CreatedAt);
        await using (DuckDBConnection connection = await store.OpenAsync())
        {
            await using DuckDBCommand insert = connection.CreateCommand();
            insert.CommandText = """
                INSERT INTO transactions (transaction_id, customer_id, transaction_date, category, product_type, product_name, quantity, order_value)
                SELECT 'after-' || customer_id, customer_id, $activated + to_seconds(CAST(hash(customer_id || 'day') % 1209600 AS BIGINT)),
                  'Sofas', 'Sofas', 'p', 1, 100.0
                FROM customers WHERE hash(customer_id) % 5 = 0
                """;
            insert.Parameters.Add(new DuckDBParameter("activated", activated.UtcDateTime));
            await insert.ExecuteNonQueryAsync();
        }

        ServiceCollection services = new();
        services.AddSingleton<TimeProvider>(new ManualClock { Now = activated.AddDays(20) });
        services.AddAetherSegment().UseProfile(HomeFurnishingProfile.Load()).AddDuckDB(o => o.Path = path);
        await using ServiceProvider provider = services.BuildServiceProvider();
        ExperimentService experiments = provider.GetRequiredService<ExperimentService>();
        foreach (StoredSegment segment in segments)
        {
            ExperimentReport? report = null;
            double ms = Median(await TimeAsync(async () => report = await experiments.ResultsAsync(segment.SegmentId, windowDays: 14)));
            string scores = segment.Holdout!.Scores is null ? "score rows per member" : "a referenced score set";
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"results report, {segment.Size:N0} members by {scores}: {ms:0} ms (median of 5; treated {report!.Treated.Members:N0}, {report.Treated.Conversions:N0} converted; holdout {report.Holdout.Members:N0}; {report.Calibration.Count} calibration deciles)"));
        }
    }

    private static void AddRun(List<double> times, double milliseconds, int run, List<(string Name, double Milliseconds, int Count)> steps, SegmentSpans spans)
    {
        if (run == 0)
        {
            return;
        }

        times.Add(milliseconds);
        steps.AddRange(spans.Medians());
    }

    private static void PrintSpans(string heading, List<(string Name, double Milliseconds, int Count)> plain, List<(string Name, double Milliseconds, int Count)> held)
    {
        Console.WriteLine(heading);
        foreach (string name in held.Select(s => s.Name).Concat(plain.Select(s => s.Name)).Distinct())
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {name,-28} {MedianOf(plain, name),9} {MedianOf(held, name),9}"));
        }

        static string MedianOf(List<(string Name, double Milliseconds, int Count)> runs, string name)
        {
            List<double> values = [.. runs.Where(r => r.Name == name).Select(r => r.Milliseconds)];
            return values.Count == 0 ? "" : Median(values).ToString("0.0", CultureInfo.InvariantCulture);
        }
    }

    private static async Task<List<double>> TimeAsync(Func<Task> action)
    {
        List<double> times = [];
        for (int i = 0; i < 6; i++)
        {
            Stopwatch watch = Stopwatch.StartNew();
            await action();
            if (i > 0)
            {
                times.Add(watch.Elapsed.TotalMilliseconds);
            }
        }

        return times;
    }

    private static double Median(List<double> values)
    {
        values.Sort();
        return values[values.Count / 2];
    }

    private sealed class ManualClock : TimeProvider
    {
        public DateTimeOffset Now { get; set; }

        public override DateTimeOffset GetUtcNow() => Now;
    }

    private static async Task ExecuteAsync(DuckDBConnection connection, string sql)
    {
        await using DuckDBCommand command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
