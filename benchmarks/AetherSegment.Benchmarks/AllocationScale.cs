using System.Diagnostics;
using System.Globalization;
using AetherSegment.Allocation;

namespace AetherSegment.Benchmarks;

/// <summary>
/// The timed allocation run of issue 16: 1,000,000 members x 8 triggers (seeded random uplift -1..8 pts, order values
/// 20-400, the demo's eight economics shapes), models already trained (the uplift is given), as one process. Prints one
/// JSON line per case with the median of 5 timed runs after a warm-up: the anchor (the plan without a budget: one
/// argmax pass over members x triggers plus the sums), the plan at 30% of the unbounded spend, the same with a 10%
/// cap on two triggers, and the 10-point profit-vs-budget curve.
/// dotnet run -c Release --project benchmarks/AetherSegment.Benchmarks -- allocate-scale [MEMBERS]
/// </summary>
internal static class AllocationScale
{
    public static int Run(int members)
    {
        TriggerOffer[] offers =
        [
            new("discount", 0.01, true, 0.15, 0.45),
            new("free_shipping", 0.01, false, 12, 0.45),
            new("exclusive", 0.01, false, 0, 0.45),
            new("loyalty", 0.01, true, 0.05, 0.45),
            new("recommendation", 0.01, false, 0, 0.45),
            new("reminder", 0.002, false, 0, 0.45),
            new("urgency", 0.01, false, 0, 0.45),
            new("content", 0.01, false, 0, 0.45),
        ];
        Random random = new(16);
        double[][] uplift = new double[offers.Length][];
        for (int t = 0; t < offers.Length; t++)
        {
            uplift[t] = new double[members];
            for (int i = 0; i < members; i++)
            {
                uplift[t][i] = (random.NextDouble() * 0.09) - 0.01;
            }
        }

        double[] value = new double[members];
        for (int i = 0; i < members; i++)
        {
            value[i] = 20 + (random.NextDouble() * 380);
        }

        AllocationProblem problem = new(offers, uplift, value);
        double unbounded = TriggerAllocator.Allocate(problem, new AllocationSettings()).Spend;
        AllocationSettings budget = new() { Budget = unbounded * 0.3 };
        AllocationSettings capped = budget with { Caps = new Dictionary<string, double> { ["discount"] = 0.1, ["free_shipping"] = 0.1 } };
        Time("anchor_no_budget", members, offers.Length, () => TriggerAllocator.Allocate(problem, new AllocationSettings()));
        Time("budget_30pct", members, offers.Length, () => TriggerAllocator.Allocate(problem, budget));
        Time("budget_30pct_two_caps", members, offers.Length, () => TriggerAllocator.Allocate(problem, capped));
        Time("curve_10_points", members, offers.Length, () => TriggerAllocator.Curve(problem, budget, 10));
        return 0;
    }

    private static void Time(string name, int members, int triggers, Func<object> run)
    {
        run();
        double[] seconds = new double[5];
        for (int k = 0; k < seconds.Length; k++)
        {
            Stopwatch watch = Stopwatch.StartNew();
            run();
            seconds[k] = watch.Elapsed.TotalSeconds;
        }

        Array.Sort(seconds);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{{\"case\":\"{name}\",\"members\":{members},\"triggers\":{triggers},\"processors\":{Environment.ProcessorCount},\"median_seconds\":{seconds[2]:0.000},\"min_seconds\":{seconds[0]:0.000},\"max_seconds\":{seconds[4]:0.000}}}"));
    }
}
