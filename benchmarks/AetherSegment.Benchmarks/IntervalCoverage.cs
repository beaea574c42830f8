using System.Diagnostics;
using System.Globalization;
using AetherSegment.Data;
using AetherSegment.DuckDB;
using AetherSegment.DuckDB.Loading;
using AetherSegment.Synthetic.Generation;
using AetherSegment.Synthetic.Profiles;
using AetherSegment.Uplift;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace AetherSegment.Benchmarks;

/// <summary>
/// Issue 16's coverage bar over several generated histories: for each seed, a home-furnishing store of CUSTOMERS
/// customers is generated, the ranker trained on its randomized campaign history (default learner unless MODEL is
/// given), everyone scored, and SEGMENTS random segments drawn (random countries, acquisition sources and a CLV range,
/// at least 300 members); for every segment and trigger the 90% interval of the mean predicted uplift is checked against
/// the generator's true mean uplift of the same members. One history carries one draw of each trigger's history error,
/// shared by all its segments, so the checks of a seed are not independent: the figure pools several seeds. Prints one
/// line per seed and trigger and a pooled JSON line.
/// dotnet AetherSegment.Benchmarks.dll interval-coverage CUSTOMERS SEGMENTS MODEL|default SEED...
/// </summary>
internal static class IntervalCoverage
{
    private static readonly DateTimeOffset AsOf = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);

    public static async Task<int> RunAsync(int customers, int segmentsPerSeed, string? model, IReadOnlyList<int> seeds)
    {
        string directory = Directory.CreateTempSubdirectory("aether-coverage-").FullName;
        int checks = 0, covered = 0;
        Dictionary<string, TriggerFigures> perTrigger = new(StringComparer.Ordinal);
        try
        {
            foreach (int seed in seeds)
            {
                long started = Stopwatch.GetTimestamp();
                (int seedChecks, int seedCovered) = await RunSeedAsync(Path.Combine(directory, $"seed-{seed}.duckdb"), customers, segmentsPerSeed, model, seed, perTrigger);
                checks += seedChecks;
                covered += seedCovered;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"seed {seed}: checks {seedChecks} coverage {(double)seedCovered / seedChecks:F3} ({Stopwatch.GetElapsedTime(started).TotalSeconds:F0} s)"));
            }
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }

        foreach ((string trigger, TriggerFigures f) in perTrigger.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"trigger {trigger}: coverage {(double)f.Covered / f.Checks:F3} over {f.Checks} (without the support term {(double)f.CoveredWithoutSupportTerm / f.Checks:F3}); mean error {f.Error / f.Checks * 100:+0.000;-0.000} pts, mean |error| {f.AbsoluteError / f.Checks * 100:0.000} pts, mean half-width {f.HalfWidth / f.Checks * 100:0.000} pts, mean share outside the support {f.OutsideShare / f.Checks:0.000}"));
        }

        int coveredWithout = perTrigger.Values.Sum(f => f.CoveredWithoutSupportTerm);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"without the support term: coverage {(double)coveredWithout / checks:F3}"));

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $$"""{"customers":{{customers}},"seeds":[{{string.Join(",", seeds)}}],"segments":{{segmentsPerSeed * seeds.Count}},"checks":{{checks}},"coverage":{{(double)covered / checks:F3}},"model":"{{model ?? "default"}}"}"""));
        return 0;
    }

    private static async Task<(int Checks, int Covered)> RunSeedAsync(string path, int customers, int segments, string? model, int seed, Dictionary<string, TriggerFigures> perTrigger)
    {
        await using (IDataSink sink = await new DuckDBDataSinkFactory(path).CreateAsync(replaceExisting: true))
        {
            await new SyntheticDataGenerator().GenerateAsync(sink, new GenerationRequest { Customers = customers, Seed = seed, AsOf = AsOf });
        }

        DuckDBDataStore data = new(path);
        StoreTriggerRanker ranker = new(data, HomeFurnishingProfile.Load(), new UpliftRankingBenchmarks.FixedClock(AsOf), NullLogger<StoreTriggerRanker>.Instance,
            Options.Create(new TriggerRankingOptions { Model = model, Timeout = TimeSpan.FromHours(1), TrainingTimeout = TimeSpan.FromHours(1) }));
        (_, StoreTriggerRanker.TriggerModels models) = await ranker.VersionedModelsAsync(CancellationToken.None);
        StoreTriggerRanker.MemberUplift everyone = await ranker.ScoreAllAsync(models, new SqlStatement("SELECT customer_id FROM customers"), AsOf, CancellationToken.None);
        Dictionary<string, int> index = new(StringComparer.Ordinal);
        for (int i = 0; i < everyone.CustomerIds.Length; i++)
        {
            index[everyone.CustomerIds[i]] = i;
        }

        int triggers = ranker.Profile.Triggers.Count;
        double[][] truth = new double[triggers][];
        for (int t = 0; t < triggers; t++)
        {
            truth[t] = new double[index.Count];
        }

        foreach (object?[] row in (await data.QueryAsync(new SqlStatement("SELECT customer_id, trigger_type, true_uplift FROM ground_truth_uplift"))).Rows)
        {
            int t = Enumerable.Range(0, triggers).First(k => ranker.Profile.Triggers[k].Id == (string)row[1]!);
            truth[t][index[(string)row[0]!]] = Convert.ToDouble(row[2], CultureInfo.InvariantCulture);
        }

        string[] country = new string[index.Count], source = new string[index.Count];
        double[] clv = new double[index.Count];
        foreach (object?[] row in (await data.QueryAsync(new SqlStatement("SELECT customer_id, country, acquisition_source, clv_score FROM customers"))).Rows)
        {
            int i = index[(string)row[0]!];
            country[i] = (string)row[1]!;
            source[i] = (string)row[2]!;
            clv[i] = Convert.ToDouble(row[3], CultureInfo.InvariantCulture);
        }

        for (int t = 0; t < triggers; t++)
        {
            // Where a trigger's error comes from: over every customer, the mean prediction against the mean truth, and the
            // calibration's own estimate of that error from held-out history rows.
            UpliftCalibration calibration = models.Get(t)!.Calibration!;
            double[] all = everyone.Uplift[t];
            bool[]? outsideAll = everyone.Outside?[t];
            double shareAll = outsideAll is null ? 0 : outsideAll.Count(o => o) / (double)all.Length;
            (double low, double high) = calibration.MeanInterval(all, all.Length, shareAll);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"seed {seed} {ranker.Profile.Triggers[t].Id}: everyone predicted {all.Average() * 100:0.000} pts, true {truth[t].Average() * 100:0.000} pts, interval [{low * 100:0.000}, {high * 100:0.000}]; held-out groups predicted {calibration.Predicted.Average() * 100:0.000}, observed {calibration.Observed.Average() * 100:0.000}"));
        }

        Random random = new(seed * 7919);
        string[] countries = [.. country.Distinct().Order(StringComparer.Ordinal)];
        string[] sources = [.. source.Distinct().Order(StringComparer.Ordinal)];
        double[] clvSorted = [.. clv.Order()];
        int drawn = 0, checks = 0, covered = 0;
        while (drawn < segments)
        {
            HashSet<string> someCountries = [.. countries.Where(_ => random.NextDouble() < 0.4)];
            HashSet<string> someSources = [.. sources.Where(_ => random.NextDouble() < 0.6)];
            double from = clvSorted[(int)(random.NextDouble() * 0.7 * clvSorted.Length)];
            double to = clvSorted[Math.Min(clvSorted.Length - 1, (int)((0.3 + (random.NextDouble() * 0.7)) * clvSorted.Length))];
            int[] members = [.. Enumerable.Range(0, clv.Length).Where(i =>
                (someCountries.Count == 0 || someCountries.Contains(country[i])) && (someSources.Count == 0 || someSources.Contains(source[i]))
                && clv[i] >= from && clv[i] <= Math.Max(from, to))];
            if (members.Length < 300)
            {
                continue;
            }

            drawn++;
            for (int t = 0; t < triggers; t++)
            {
                UpliftCalibration calibration = models.Get(t)!.Calibration!;
                double[] predicted = [.. members.Select(i => everyone.Uplift[t][i])];
                bool[]? outside = everyone.Outside?[t];
                double share = outside is null ? 0 : members.Count(i => outside[i]) / (double)members.Length;
                (double low, double high) = calibration.MeanInterval(predicted, predicted.Length, share);
                (double lowInside, double highInside) = calibration.MeanInterval(predicted, predicted.Length);
                double trueMean = members.Average(i => truth[t][i]);
                bool inside = low <= trueMean && trueMean <= high;
                string id = ranker.Profile.Triggers[t].Id;
                TriggerFigures f = perTrigger.TryGetValue(id, out TriggerFigures? known) ? known : perTrigger[id] = new TriggerFigures();
                f.Checks++;
                f.Covered += inside ? 1 : 0;
                f.CoveredWithoutSupportTerm += lowInside <= trueMean && trueMean <= highInside ? 1 : 0;
                f.OutsideShare += share;
                f.Error += predicted.Average() - trueMean;
                f.AbsoluteError += Math.Abs(predicted.Average() - trueMean);
                f.HalfWidth += (high - low) / 2;
                checks++;
                covered += inside ? 1 : 0;
            }
        }

        return (checks, covered);
    }

    /// <summary>One trigger's sums over the checks.</summary>
    private sealed class TriggerFigures
    {
        public int Checks { get; set; }

        public int Covered { get; set; }

        public double Error { get; set; }

        public double AbsoluteError { get; set; }

        public double HalfWidth { get; set; }

        public int CoveredWithoutSupportTerm { get; set; }

        public double OutsideShare { get; set; }
    }
}
