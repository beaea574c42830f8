using System.Globalization;
using System.Text.Json;
using AetherSegment.Data;
using AetherSegment.Profiles;
using AetherSegment.Segments;
using AetherSegment.Synthetic.Profiles;
using AetherSegment.Tests;
using AetherSegment.Uplift;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Xunit.Abstractions;

namespace AetherSegment.Cli.Tests.Uplift;

/// <summary>
/// Issue 16's ranking bar, against the generator's ground truth: on a generated retailer of 50,000 customers (seed 5),
/// for each of the five seed objectives (shared/examples/objectives.jsonl, ids seed-1 to seed-5) interpreted and turned
/// into its segment by the engine, the ranker's top trigger is the truly best one or marked tied with it
/// (<c>tied_with_best</c>), and the Spearman correlation of the eight triggers' predicted and true segment means
/// averages at least 0.85. The ranker runs with its default learner (docs/uplift.md, "Seed objectives").
/// </summary>
public sealed class SeedObjectiveRankingTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Ranking_OnTheFiveSeedObjectives_TopRightOrTiedAndSpearmanAtLeast085()
    {
        // AETHER_SEED_RANKING_SEEDS=5,6,7,8 measures more generator seeds (figures in docs/uplift.md); the test runs seed 5.
        int[] seeds = [.. (Environment.GetEnvironmentVariable("AETHER_SEED_RANKING_SEEDS") ?? "5")
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => int.Parse(s, CultureInfo.InvariantCulture))];
        foreach (int seed in seeds)
        {
            await RankSeedAsync(seed);
        }
    }

    private async Task RankSeedAsync(int seed)
    {
        string path = await GeneratedRetailers.PathAsync(50_000, seed);
        BusinessProfile profile = HomeFurnishingProfile.Load();
        await using ServiceProvider services = new ServiceCollection()
            .AddSingleton<TimeProvider>(new FakeTimeProvider(GeneratedRetailers.AsOf))
            .AddSingleton(typeof(ILogger<>), typeof(NullLogger<>))
            .Configure<TriggerRankingOptions>(o =>
            {
                o.Timeout = TimeSpan.FromHours(1);
                o.TrainingTimeout = TimeSpan.FromHours(1);
            })
            .AddAetherSegment().UseProfile(profile).AddDuckDB(o => o.Path = path).Services
            .BuildServiceProvider();
        ISegmentEngine engine = services.GetRequiredService<ISegmentEngine>();
        StoreTriggerRanker ranker = (StoreTriggerRanker)services.GetRequiredService<ITriggerRanker>();
        IDataStore data = services.GetRequiredService<IDataStore>();

        string[] objectives = [.. File.ReadLines(TestPaths.ExampleObjectives)
            .Select(line => JsonDocument.Parse(line).RootElement)
            .Where(o => o.GetProperty("id").GetString()!.StartsWith("seed-", StringComparison.Ordinal))
            .Select(o => o.GetProperty("objective").GetString()!)];
        Assert.Equal(5, objectives.Length);

        int rightOrTied = 0;
        List<double> spearman = [];
        foreach (string objective in objectives)
        {
            CampaignAnalysis analysis = await engine.InterpretAndAnalyzeAsync(objective);
            SegmentDefinition definition = await engine.DefineAsync(analysis.CampaignObjectiveObject, null, null, GeneratedRetailers.AsOf);
            SqlStatement members = engine.CompileMembers(definition, data.Dialect);
            IReadOnlyList<TriggerSuggestion> ranked = await ranker.RankAsync(members, GeneratedRetailers.AsOf);

            QueryResult truth = await data.QueryAsync(new SqlStatement(
                $"SELECT g.trigger_type, AVG(g.true_uplift), COUNT(*) FROM ground_truth_uplift g WHERE g.customer_id IN (SELECT m.customer_id FROM ({members.Sql}) m) GROUP BY g.trigger_type",
                members.Parameters));
            Dictionary<string, double> trueMean = truth.Rows.ToDictionary(r => (string)r[0]!, r => Convert.ToDouble(r[1], CultureInfo.InvariantCulture), StringComparer.Ordinal);
            long size = Convert.ToInt64(truth.Rows[0][2], CultureInfo.InvariantCulture);
            Assert.Equal(profile.Triggers.Count, trueMean.Count);
            Assert.Equal(profile.Triggers.Count, ranked.Count);

            string trueBest = trueMean.MaxBy(p => p.Value).Key;
            TriggerSuggestion bestSuggestion = ranked.Single(s => s.Trigger == trueBest);
            bool ok = ranked[0].Trigger == trueBest || bestSuggestion.TiedWithBest;
            rightOrTied += ok ? 1 : 0;
            double rho = RankCorrelation.Spearman([.. ranked.Select(s => s.PredictedUplift)], [.. ranked.Select(s => trueMean[s.Trigger])]);
            spearman.Add(rho);
            string triggers = string.Join("; ", ranked.Select(s => string.Create(CultureInfo.InvariantCulture,
                $"{s.Trigger} {s.PredictedUplift * 100:F2} [{s.PredictedUpliftInterval?.Low * 100:F2}, {s.PredictedUpliftInterval?.High * 100:F2}] true {trueMean[s.Trigger] * 100:F2}{(s.TiedWithBest ? " tied" : string.Empty)}")));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"figures: seed={seed} objective=\"{objective[..Math.Min(50, objective.Length)]}…\" members={size} top={ranked[0].Trigger} true_best={trueBest} right_or_tied={ok} spearman={rho:F3} | {triggers}"));
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"figures: seed={seed} right_or_tied={rightOrTied}/5 mean_spearman={spearman.Average():F3}"));
        Assert.Equal(5, rightOrTied);
        Assert.True(spearman.Average() >= 0.85, string.Create(CultureInfo.InvariantCulture, $"mean Spearman {spearman.Average():F3} < 0.85"));
    }
}
