using AetherSegment.Allocation;
using AetherSegment.Uplift;

namespace AetherSegment.Core.Tests.Allocation;

/// <summary>
/// Policy evaluation against a generator that knows each row's true uplift: a randomized history (control and three
/// triggers, a quarter each) is split in two; a T-learner trains on one half and the policies are evaluated on the other.
/// </summary>
public sealed class PolicyEvaluatorTests
{
    private static readonly TriggerOffer[] Offers =
    [
        new("discount", 0.05, true, 0.15, 0.45),
        new("free_shipping", 0.05, false, 6, 0.45),
        new("reminder", 0.01, false, 0, 0.45),
    ];

    private sealed record Rows(UpliftDataset Features, int[] Arm, float[] Outcome, double[][] TrueUplift, double[] Value);

    /// <summary>Rows with features x1..x3 in (0, 1): baseline 4-8%, discount uplift 12%·x2, free shipping 10%·(1 - x2), reminder 3%·x1; order value 20 + 180·x3.</summary>
    private static Rows Generate(int n, int seed)
    {
        Random random = new(seed);
        float[] x1 = new float[n], x2 = new float[n], x3 = new float[n], outcome = new float[n];
        int[] arm = new int[n];
        double[][] truth = [new double[n], new double[n], new double[n]];
        double[] value = new double[n];
        for (int i = 0; i < n; i++)
        {
            x1[i] = (float)random.NextDouble();
            x2[i] = (float)random.NextDouble();
            x3[i] = (float)random.NextDouble();
            truth[0][i] = 0.12 * x2[i];
            truth[1][i] = 0.10 * (1 - x2[i]);
            truth[2][i] = 0.03 * x1[i];
            value[i] = 20 + (180 * x3[i]);
            arm[i] = random.Next(4) - 1;
            double p = 0.04 + (0.04 * x1[i]) + (arm[i] >= 0 ? truth[arm[i]][i] : 0);
            outcome[i] = random.NextDouble() < p ? 1 : 0;
        }

        UpliftDataset features = new(n);
        features.AddNumeric("x1", x1);
        features.AddNumeric("x2", x2);
        features.AddNumeric("x3", x3);
        return new Rows(features, arm, outcome, truth, value);
    }

    private static (PolicyHistory History, Rows Test) Trained()
    {
        Rows train = Generate(60_000, 1), test = Generate(60_000, 2);
        IUpliftModel model = UpliftModels.Create(UpliftModels.TLearner, new UpliftModelOptions { Seed = 3 });
        model.Fit(new UpliftTrainingSet(train.Features, [.. train.Arm.Select(a => a + 1)], train.Outcome, [.. Offers.Select(o => o.Id)], "control"));
        double[][] uplift = [.. Enumerable.Range(0, Offers.Length).Select(t => model.Predict(test.Features, t))];
        double controlRate = Enumerable.Range(0, train.Arm.Length).Where(i => train.Arm[i] < 0).Average(i => (double)train.Outcome[i]);
        double[] baseline = new double[test.Arm.Length];
        Array.Fill(baseline, controlRate);
        return (new PolicyHistory(Offers, test.Arm, [.. test.Outcome.Select(y => (double)y)], uplift, baseline, test.Value), test);
    }

    /// <summary>The true value per member of a policy on the test rows (the generator's uplift).</summary>
    private static double TrueValue(double[][]? probability, Rows test)
    {
        if (probability is null)
        {
            return 0;
        }

        double total = 0;
        for (int i = 0; i < test.Value.Length; i++)
        {
            for (int t = 0; t < Offers.Length; t++)
            {
                total += probability[t][i] * ((test.TrueUplift[t][i] * ((test.Value[i] * Offers[t].MarginRate) - Offers[t].ConversionCostFor(test.Value[i]))) - Offers[t].SendCost);
            }
        }

        return total / test.Value.Length;
    }

    [Fact]
    public void Compare_DoublyRobustValues_AreNearTheTruthAndRankThePoliciesAsTheTruthDoes()
    {
        (PolicyHistory history, Rows test) = Trained();
        double unbounded = TriggerAllocator.Allocate(history.ToProblem(), new AllocationSettings()).Spend;
        AllocationSettings settings = new() { Budget = unbounded * 0.3 };

        IReadOnlyList<PolicyValue> values = PolicyEvaluator.Compare(history, settings);

        // The same policies, rebuilt, valued with the generator's truth.
        int best = Array.FindIndex(Offers, o => values[1].Policy == "single_best:" + o.Id);
        Assert.True(best >= 0, values[1].Policy);
        Assert.Equal(["allocation", "random", "nobody"], new[] { values[0].Policy, values[2].Policy, values[3].Policy });
        AllocationPlan plan = TriggerAllocator.Allocate(history.ToProblem(), settings);
        double[] truth =
        [
            TrueValue(PolicyEvaluator.FromAssignment(plan.Assignment, Offers.Length), test),
            TrueValue(Uniform(test.Value.Length, best, values[1].Sends), test),
            TrueValue(Uniform(test.Value.Length, -1, values[2].Sends / Offers.Length), test),
            0,
        ];
        for (int k = 0; k < values.Count; k++)
        {
            AllocationEstimate dr = values[k].DoublyRobust, ips = values[k].InversePropensity;
            double halfWidth = (dr.High!.Value - dr.Low!.Value) / 2;
            Assert.True(Math.Abs(dr.Value - truth[k]) <= 1.5 * halfWidth, $"{values[k].Policy}: DR {dr.Value:F3} [{dr.Low:F3}, {dr.High:F3}] vs truth {truth[k]:F3}");
            Assert.True(Math.Abs(ips.Value - truth[k]) <= 1.5 * (ips.High!.Value - ips.Low!.Value) / 2, $"{values[k].Policy}: IPS {ips.Value:F3} vs truth {truth[k]:F3}");
            // The model narrows the doubly robust interval (nobody: both are exactly 0).
            Assert.True(k == 3 ? halfWidth == 0 : dr.High - dr.Low < ips.High - ips.Low, values[k].Policy);
        }

        int[] byEstimate = [.. Enumerable.Range(0, 4).OrderByDescending(k => values[k].DoublyRobust.Value)];
        int[] byTruth = [.. Enumerable.Range(0, 4).OrderByDescending(k => truth[k])];
        Assert.Equal(byTruth, byEstimate);
        Assert.Equal(0, byTruth[0]);
    }

    [Fact]
    public void CostCurves_RiseFromZeroAndTheAllocationsEndsAtItsUnboundedPlan()
    {
        (PolicyHistory history, _) = Trained();
        IReadOnlyList<CostCurve> curves = PolicyEvaluator.CostCurves(history, new AllocationSettings(), 5);

        Assert.Equal(["allocation", "discount", "free_shipping", "reminder"], curves.Select(c => c.Name));
        foreach (CostCurve curve in curves)
        {
            Assert.Equal(6, curve.Spend.Length);
            Assert.Equal(0, curve.Profit[0]);
            Assert.True(curve.Spend.Zip(curve.Spend.Skip(1)).All(p => p.Second >= p.First), curve.Name);
        }

        AllocationPlan free = TriggerAllocator.Allocate(history.ToProblem(), new AllocationSettings());
        Assert.Equal(PolicyEvaluator.Evaluate(history, "allocation", PolicyEvaluator.FromAssignment(free.Assignment, Offers.Length)).DoublyRobust.Value, curves[0].Profit[^1]);
        // The allocation across triggers earns more at its full spend than any single trigger's curve.
        Assert.True(curves.Skip(1).All(c => c.Profit.Max() < curves[0].Profit[^1]));
    }

    [Fact]
    public void PolicyHistory_AnArmWithoutRows_IsAnErrorNamingTheHistory()
    {
        AetherSegmentInputException e = Assert.Throws<AetherSegmentInputException>(() =>
            new PolicyHistory(Offers, [-1, 0, 0], [0, 1, 0], [[0.1, 0.1, 0.1], [0.1, 0.1, 0.1], [0.1, 0.1, 0.1]], [0.05, 0.05, 0.05], [50, 50, 50]));
        Assert.Equal("history", e.Field);
        Assert.Contains("'free_shipping'", e.Message, StringComparison.Ordinal);
    }

    private static double[][] Uniform(int n, int trigger, double share)
    {
        double[][] p = new double[Offers.Length][];
        for (int t = 0; t < Offers.Length; t++)
        {
            p[t] = new double[n];
            Array.Fill(p[t], trigger < 0 || trigger == t ? share : 0);
        }

        return p;
    }
}
