namespace AetherSegment.Allocation;

/// <summary>
/// Off-policy evaluation of allocations on held-out randomized history (<see cref="PolicyHistory"/>).
/// </summary>
/// <remarks>
/// <para>
/// A policy gives each row a probability per trigger (the rest: nothing). Its value per member is the mean over rows of
/// Σ_t π(t)·[(Γ(t) - Γ(none))·g_t(v) - send_t], with g_t(v) = v·margin - conversion cost(v) the worth of one
/// conversion net of its incentive, so a policy is scored on the profit the allocation maximizes
/// (<see cref="TriggerOffer.Profit"/>). Γ(a) estimates the row's outcome under arm a:
/// inverse propensity, Γ(a) = 1[A = a]·y / e(a); doubly robust, Γ(a) = m_a + 1[A = a]·(y - m_a) / e(a) with
/// m_none the predicted baseline and m_t = baseline + predicted uplift. e(a) is the arm's share of the rows, which is
/// its probability in randomized history; with known propensities both estimates are unbiased whatever the model, the
/// model only narrows the doubly robust one. The 95% interval is the mean ± 1.96 standard errors of the per-row terms.
/// </para>
/// <para>
/// The baselines: <c>nobody</c> (0 by construction), <c>random</c> (a trigger drawn uniformly per member),
/// <c>single_best</c> (everyone gets the trigger with the highest predicted mean profit on these rows, chosen from the
/// predictions, never from the outcomes). Under a budget the single trigger and the random one go to the share of
/// members the budget reaches by predicted spend, as a campaign to a random sample of the segment would.
/// </para>
/// </remarks>
internal static class PolicyEvaluator
{
    private const double Z95 = 1.959963984540054;

    /// <summary>Evaluates the policy <paramref name="probability"/> (per trigger, per row; null for nobody).</summary>
    public static PolicyValue Evaluate(PolicyHistory history, string name, double[][]? probability)
    {
        ArgumentNullException.ThrowIfNull(history);
        int n = history.Rows, triggers = history.Offers.Length;
        double[] ips = new double[n], dr = new double[n];
        double sends = 0;
        if (probability is not null)
        {
            for (int i = 0; i < n; i++)
            {
                double v = history.OrderValue[i], y = history.Outcome[i], b = history.Baseline[i];
                int arm = history.Arm[i];
                double e0 = history.Propensity[0];
                double ipsNone = arm < 0 ? y / e0 : 0;
                double drNone = b + (arm < 0 ? (y - b) / e0 : 0);
                double a = 0, d = 0;
                for (int t = 0; t < triggers; t++)
                {
                    double p = probability[t][i];
                    if (p == 0)
                    {
                        continue;
                    }

                    TriggerOffer offer = history.Offers[t];
                    double worth = (v * offer.MarginRate) - offer.ConversionCostFor(v), et = history.Propensity[t + 1];
                    double m = b + history.Uplift[t][i];
                    double ipsT = arm == t ? y / et : 0;
                    double drT = m + (arm == t ? (y - m) / et : 0);
                    a += p * (((ipsT - ipsNone) * worth) - offer.SendCost);
                    d += p * (((drT - drNone) * worth) - offer.SendCost);
                    sends += p;
                }

                ips[i] = a;
                dr[i] = d;
            }
        }

        return new PolicyValue(name, sends / n, Mean(ips), Mean(dr));
    }

    /// <summary>A deterministic assignment (trigger index or -1 per row) as a policy.</summary>
    public static double[][] FromAssignment(int[] assignment, int triggers)
    {
        ArgumentNullException.ThrowIfNull(assignment);
        double[][] probability = new double[triggers][];
        for (int t = 0; t < triggers; t++)
        {
            probability[t] = new double[assignment.Length];
        }

        for (int i = 0; i < assignment.Length; i++)
        {
            if (assignment[i] >= 0)
            {
                probability[assignment[i]][i] = 1;
            }
        }

        return probability;
    }

    /// <summary>
    /// The allocation (the plan under <paramref name="settings"/> on the rows' predictions) and the baselines
    /// single_best, random and nobody, under the same budget, in that order.
    /// </summary>
    public static IReadOnlyList<PolicyValue> Compare(PolicyHistory history, AllocationSettings settings)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(settings);
        int n = history.Rows, triggers = history.Offers.Length;
        AllocationPlan plan = TriggerAllocator.Allocate(history.ToProblem(), settings);
        double[] meanProfit = new double[triggers], meanSpend = new double[triggers];
        for (int t = 0; t < triggers; t++)
        {
            TriggerOffer offer = history.Offers[t];
            for (int i = 0; i < n; i++)
            {
                meanProfit[t] += offer.Profit(history.Uplift[t][i], history.OrderValue[i]);
                meanSpend[t] += offer.Spend(history.Uplift[t][i], history.OrderValue[i]);
            }
        }

        int best = 0;
        for (int t = 1; t < triggers; t++)
        {
            best = meanProfit[t] > meanProfit[best] ? t : best;
        }

        double Reach(double spend) => settings.Budget is { } budget && spend > budget ? budget / spend : 1;
        double[][] single = new double[triggers][], random = new double[triggers][];
        double randomShare = Reach(meanSpend.Sum() / triggers);
        for (int t = 0; t < triggers; t++)
        {
            single[t] = new double[n];
            random[t] = new double[n];
            Array.Fill(single[t], t == best ? Reach(meanSpend[t]) : 0);
            Array.Fill(random[t], randomShare / triggers);
        }

        return
        [
            Evaluate(history, "allocation", FromAssignment(plan.Assignment, triggers)),
            Evaluate(history, "single_best:" + history.Offers[best].Id, single),
            Evaluate(history, "random", random),
            Evaluate(history, "nobody", null),
        ];
    }

    /// <summary>
    /// Qini-like cost curves: per trigger, the rows with the highest predicted profit per unit spent sent first
    /// (<paramref name="points"/> equal steps of rows, only sends predicted to earn), and the allocation at
    /// <paramref name="points"/> budgets up to what it spends without one; predicted spend against doubly robust profit.
    /// </summary>
    public static IReadOnlyList<CostCurve> CostCurves(PolicyHistory history, AllocationSettings settings, int points = 10)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentOutOfRangeException.ThrowIfLessThan(points, 1);
        int n = history.Rows, triggers = history.Offers.Length;
        List<CostCurve> curves = [];
        AllocationProblem problem = history.ToProblem();
        AllocationPlan unbounded = TriggerAllocator.Allocate(problem, settings with { Budget = null });
        double[] spend = new double[points + 1], profit = new double[points + 1];
        for (int k = 1; k <= points && unbounded.Spend > 0; k++)
        {
            AllocationPlan plan = k == points ? unbounded : TriggerAllocator.Allocate(problem, settings with { Budget = unbounded.Spend * k / points });
            spend[k] = plan.Spend / n;
            profit[k] = Evaluate(history, "allocation", FromAssignment(plan.Assignment, triggers)).DoublyRobust.Value;
        }

        curves.Add(new CostCurve("allocation", spend, profit));
        for (int t = 0; t < triggers; t++)
        {
            TriggerOffer offer = history.Offers[t];
            double[] ratio = new double[n];
            int[] order = new int[n];
            int earning = 0;
            for (int i = 0; i < n; i++)
            {
                double p = offer.Profit(history.Uplift[t][i], history.OrderValue[i]), c = offer.Spend(history.Uplift[t][i], history.OrderValue[i]);
                ratio[i] = -(c > 0 ? p / c : p * 1e12);
                order[i] = i;
                earning += p > 0 ? 1 : 0;
            }

            Array.Sort(ratio, order);
            double[] s = new double[points + 1], q = new double[points + 1];
            int[] assignment = new int[n];
            Array.Fill(assignment, -1);
            int sent = 0;
            double cumulative = 0;
            for (int k = 1; k <= points; k++)
            {
                int until = (int)((long)earning * k / points);
                for (; sent < until; sent++)
                {
                    int i = order[sent];
                    assignment[i] = t;
                    cumulative += offer.Spend(history.Uplift[t][i], history.OrderValue[i]);
                }

                s[k] = cumulative / n;
                q[k] = Evaluate(history, offer.Id, FromAssignment(assignment, triggers)).DoublyRobust.Value;
            }

            curves.Add(new CostCurve(offer.Id, s, q));
        }

        return curves;
    }

    private static AllocationEstimate Mean(double[] values)
    {
        double mean = 0;
        foreach (double x in values)
        {
            mean += x;
        }

        mean /= values.Length;
        double squares = 0;
        foreach (double x in values)
        {
            squares += (x - mean) * (x - mean);
        }

        double se = values.Length > 1 ? Math.Sqrt(squares / (values.Length - 1) / values.Length) : 0;
        return new AllocationEstimate(mean, mean - (Z95 * se), mean + (Z95 * se));
    }
}
