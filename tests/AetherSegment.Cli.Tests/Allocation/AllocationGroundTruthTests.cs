using System.Globalization;
using AetherSegment.Allocation;
using AetherSegment.Cli.Tests.Uplift;
using AetherSegment.Data;
using AetherSegment.DuckDB;
using AetherSegment.Profiles;
using AetherSegment.Synthetic.Profiles;
using AetherSegment.Uplift;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Xunit.Abstractions;

namespace AetherSegment.Cli.Tests.Allocation;

/// <summary>
/// The bar with the generator's ground truth: on a generated retailer of 50,000 customers, the allocation made
/// from predicted uplift, judged by true uplift, at a budget of 30% of "discount to everyone", earns at least 1.2x the
/// best single trigger sent to everyone the budget reaches and at least 80% of the oracle allocation (made from the true
/// uplift). The test runs seed 5; <c>AETHER_ALLOCATION_SEEDS=5,6,7,8</c> runs seeds 5-8 through the same test
/// and docs/uplift.md has the figures. The stores come from <see cref="GeneratedRetailers"/>, shared with the ranking tests.
/// </summary>
public sealed class AllocationGroundTruthTests(ITestOutputHelper output)
{
    private static readonly DateTimeOffset AsOf = GeneratedRetailers.AsOf;
    private static readonly SqlStatement Everyone = new("SELECT customer_id FROM customers");

    [Fact]
    public async Task Allocation_AtThirtyPercentOfDiscountToEveryone_BeatsTheBestSingleTriggerAndNearsTheOracle()
    {
        int[] seeds = [.. (Environment.GetEnvironmentVariable("AETHER_ALLOCATION_SEEDS") ?? "5").Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture))];
        foreach (int seed in seeds)
        {
            Figures f = await MeasureAsync(seed);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"figures seed={seed} members={f.Members} budget={f.Budget:F0} allocation_true_profit={f.Allocation:F0} allocation_predicted_profit={f.Predicted:F0} allocation_true_spend={f.AllocationSpend:F0} best_single={f.BestSingle} best_single_true_profit={f.Single:F0} targeted_single_true_profit={f.TargetedSingle:F0} oracle_true_profit={f.Oracle:F0} vs_single={f.Allocation / f.Single:F2} vs_oracle={f.Allocation / f.Oracle:F2} mix={f.Mix}"));
            Assert.True(f.Allocation >= 1.2 * f.Single, $"seed {seed}: allocation {f.Allocation:F0} < 1.2 x best single trigger {f.BestSingle} {f.Single:F0}");
            Assert.True(f.Allocation >= 0.8 * f.Oracle, $"seed {seed}: allocation {f.Allocation:F0} < 80% of the oracle {f.Oracle:F0}");
        }
    }

    private sealed record Figures(int Members, double Budget, double Allocation, double Predicted, double AllocationSpend, string BestSingle, double Single, double TargetedSingle, double Oracle, string Mix);

    private static async Task<Figures> MeasureAsync(int seed)
    {
        string path = await GeneratedRetailers.PathAsync(50_000, seed);

        BusinessProfile profile = HomeFurnishingProfile.Load();
        DuckDBDataStore store = new(path);
        StoreTriggerRanker ranker = new(store, profile, new FakeTimeProvider(AsOf), NullLogger<StoreTriggerRanker>.Instance, Options.Create(new TriggerRankingOptions { Timeout = TimeSpan.FromHours(1), TrainingTimeout = TimeSpan.FromHours(1) }));
        StoreTriggerAllocator allocator = new(store, ranker);
        (_, StoreTriggerRanker.TriggerModels models) = await ranker.VersionedModelsAsync(CancellationToken.None);
        StoreTriggerRanker.MemberUplift scored = await ranker.ScoreAllAsync(models, Everyone, AsOf, CancellationToken.None);
        double[] values = await allocator.OrderValuesAsync(Everyone, scored.CustomerIds, CancellationToken.None);
        double[][] truth = await TruthAsync(store, profile, scored.CustomerIds);
        TriggerOffer[] offers = TriggerOffer.FromProfile(profile);
        int n = values.Length, discount = Array.FindIndex(offers, o => o.Id == "personalized_discount_offer");

        double discountToEveryone = 0;
        for (int i = 0; i < n; i++)
        {
            discountToEveryone += offers[discount].Spend(scored.Uplift[discount][i], values[i]);
        }

        double budget = 0.3 * discountToEveryone;
        AllocationPlan plan = TriggerAllocator.Allocate(new AllocationProblem(offers, scored.Uplift, values), new AllocationSettings { Budget = budget });
        (double allocation, double spend) = TrueProfit(plan.Assignment, offers, truth, values);

        // Every single trigger sent to everyone the budget reaches (a random share of the members when the budget does
        // not cover all; its expected true profit is that share of the all-members profit), and, stronger, the same
        // trigger targeted per member by the allocation restricted to it.
        string bestSingle = "";
        double single = double.NegativeInfinity, targetedSingle = double.NegativeInfinity;
        for (int t = 0; t < offers.Length; t++)
        {
            double cost = 0, profit = 0;
            for (int i = 0; i < n; i++)
            {
                cost += offers[t].Spend(scored.Uplift[t][i], values[i]);
                profit += offers[t].Profit(truth[t][i], values[i]);
            }

            double share = Math.Min(1, budget / cost);
            if (share * profit > single)
            {
                single = share * profit;
                bestSingle = offers[t].Id;
            }

            AllocationPlan only = TriggerAllocator.Allocate(new AllocationProblem([offers[t]], [scored.Uplift[t]], values), new AllocationSettings { Budget = budget });
            int[] mapped = [.. only.Assignment.Select(a => a < 0 ? -1 : t)];
            targetedSingle = Math.Max(targetedSingle, TrueProfit(mapped, offers, truth, values).Profit);
        }

        AllocationPlan oracle = TriggerAllocator.Allocate(new AllocationProblem(offers, truth, values), new AllocationSettings { Budget = budget });
        string mix = string.Join(",", plan.Triggers.Where(t => t.Members > 0).Select(t => $"{t.Trigger}:{t.Members}"));
        return new Figures(n, budget, allocation, plan.Profit.Value, spend, bestSingle, single, targetedSingle, oracle.Profit.Value, mix);
    }

    private static (double Profit, double Spend) TrueProfit(int[] assignment, TriggerOffer[] offers, double[][] truth, double[] values)
    {
        double profit = 0, spend = 0;
        for (int i = 0; i < assignment.Length; i++)
        {
            if (assignment[i] is int t and >= 0)
            {
                profit += offers[t].Profit(truth[t][i], values[i]);
                spend += offers[t].Spend(truth[t][i], values[i]);
            }
        }

        return (profit, spend);
    }

    private static async Task<double[][]> TruthAsync(DuckDBDataStore store, BusinessProfile profile, string[] customerIds)
    {
        QueryResult rows = await store.QueryAsync(new SqlStatement("SELECT customer_id, trigger_type, true_uplift FROM ground_truth_uplift"));
        Dictionary<string, int> index = new(StringComparer.Ordinal);
        for (int i = 0; i < customerIds.Length; i++)
        {
            index[customerIds[i]] = i;
        }

        double[][] truth = [.. profile.Triggers.Select(_ => new double[customerIds.Length])];
        foreach (object?[] row in rows.Rows)
        {
            int t = profile.Triggers.ToList().FindIndex(x => x.Id == (string)row[1]!);
            if (t >= 0 && index.TryGetValue((string)row[0]!, out int i))
            {
                truth[t][i] = Convert.ToDouble(row[2], CultureInfo.InvariantCulture);
            }
        }

        return truth;
    }
}
