using AetherSegment.Allocation;
using AetherSegment.Profiles;
using AetherSegment.Synthetic.Profiles;

namespace AetherSegment.Core.Tests.Allocation;

public sealed class TriggerAllocatorTests
{
    private static readonly TriggerOffer[] Offers =
    [
        new("discount", 0.01, true, 0.15, 0.45),
        new("free_shipping", 0.01, false, 12, 0.45),
        new("reminder", 0.002, false, 0, 0.45),
    ];

    /// <summary>Random members: uplift per trigger 0-8 pts with a few negative ones, order values 20-400.</summary>
    private static AllocationProblem RandomProblem(int members, int seed, bool intervals = false)
    {
        Random random = new(seed);
        double[][] uplift = new double[Offers.Length][];
        double[][] low = new double[Offers.Length][], high = new double[Offers.Length][];
        for (int t = 0; t < Offers.Length; t++)
        {
            uplift[t] = new double[members];
            low[t] = new double[members];
            high[t] = new double[members];
            for (int i = 0; i < members; i++)
            {
                uplift[t][i] = (random.NextDouble() * 0.09) - 0.01;
                low[t][i] = uplift[t][i] - 0.01;
                high[t][i] = uplift[t][i] + 0.01;
            }
        }

        double[] value = new double[members];
        for (int i = 0; i < members; i++)
        {
            value[i] = 20 + (random.NextDouble() * 380);
        }

        return intervals ? new AllocationProblem(Offers, uplift, value, low, high) : new AllocationProblem(Offers, uplift, value);
    }

    [Theory]
    [InlineData(1, 0.3)]
    [InlineData(2, 0.6)]
    [InlineData(3, 0.15)]
    [InlineData(4, 0.3)]
    public void Allocate_EarnsAtLeastEveryPlanThatSpendsNoMore_ByExhaustiveSearch(int seed, double budgetShare)
    {
        // 8 members x (3 triggers + none) = 65,536 plans: the Lagrangian plan must be the best of those that spend at
        // most what it spends (and respect the cap), which is Everett's theorem the allocator relies on.
        AllocationProblem problem = RandomProblem(8, seed);
        double unbounded = TriggerAllocator.Allocate(problem, new AllocationSettings()).Spend;
        AllocationSettings settings = new() { Budget = unbounded * budgetShare, Caps = new Dictionary<string, double> { ["reminder"] = 0.5 } };

        AllocationPlan plan = TriggerAllocator.Allocate(problem, settings);

        Assert.True(plan.Spend <= settings.Budget!.Value + 1e-12, $"spend {plan.Spend} over budget {settings.Budget}");
        Assert.True(plan.Assignment.Count(t => t == 2) <= 4);
        double bestAtSpend = BruteForce(problem, plan.Spend, settings.Budget.Value, 4, out double bestAtBudget);
        Assert.True(plan.Profit.Value >= bestAtSpend - 1e-9, $"plan {plan.Profit.Value} < best within its spend {bestAtSpend}");
        // What the plan leaves on the table against the full budget is at most one member's best profit per binding
        // constraint (the budget and the cap): the members whose choice changes at the prices.
        double oneMember = Enumerable.Range(0, 8).Max(i => Enumerable.Range(0, 3).Max(t => Offers[t].Profit(problem.Uplift[t][i], problem.OrderValue[i])));
        Assert.True(plan.Profit.Value >= bestAtBudget - (2 * oneMember) - 1e-9, $"plan {plan.Profit.Value} vs best at budget {bestAtBudget}");
        Assert.True(plan.Profit.Value > 0);
    }

    private static double BruteForce(AllocationProblem problem, double spendLimit, double budget, int reminderCap, out double bestAtBudget)
    {
        int n = problem.Members;
        double best = double.NegativeInfinity;
        bestAtBudget = double.NegativeInfinity;
        int plans = (int)Math.Pow(4, n);
        for (int code = 0; code < plans; code++)
        {
            double profit = 0, spend = 0;
            int reminders = 0;
            for (int i = 0, c = code; i < n; i++, c /= 4)
            {
                int t = (c % 4) - 1;
                if (t < 0)
                {
                    continue;
                }

                reminders += t == 2 ? 1 : 0;
                profit += Offers[t].Profit(problem.Uplift[t][i], problem.OrderValue[i]);
                spend += Offers[t].Spend(problem.Uplift[t][i], problem.OrderValue[i]);
            }

            if (reminders > reminderCap)
            {
                continue;
            }

            if (spend <= spendLimit + 1e-12)
            {
                best = Math.Max(best, profit);
            }

            if (spend <= budget)
            {
                bestAtBudget = Math.Max(bestAtBudget, profit);
            }
        }

        return best;
    }

    [Theory]
    [InlineData(8, 0.3)]
    [InlineData(50, 0.05)]
    [InlineData(1_000, 0.5)]
    [InlineData(20_000, 0.3)]
    [InlineData(100_000, 0.9)]
    public void Allocate_BudgetPriceFromBreakpoints_GivesTheBisectionsPlan(int members, double budgetShare)
    {
        // The price read from the members' breakpoints and the one found by bisection over full passes (the earlier
        // method) must give the same plan on random problems, with and without a minimum profit.
        for (int seed = 1; seed <= 5; seed++)
        {
            AllocationProblem problem = RandomProblem(members, (members * 31) + seed);
            double unbounded = TriggerAllocator.Allocate(problem, new AllocationSettings()).Spend;
            foreach (double minimumProfit in new[] { 0.0, 0.2 })
            {
                AllocationSettings settings = new() { Budget = unbounded * budgetShare, MinimumProfitPerSend = minimumProfit };

                AllocationPlan fast = TriggerAllocator.Allocate(problem, settings);
                AllocationPlan reference = TriggerAllocator.AllocateByBisection(problem, settings);

                Assert.Equal(reference.Assignment, fast.Assignment);
                Assert.Equal(reference.Spend, fast.Spend);
                Assert.Equal(reference.Profit.Value, fast.Profit.Value);
                Assert.True(fast.Spend <= settings.Budget);
                // Both prices lie past the same breakpoint: the bisection's is within its tolerance of the breakpoint, the
                // new one between that breakpoint and the next, so they agree to the gap between breakpoints.
                Assert.True(fast.Lambda > 0 && reference.Lambda > 0);
                Assert.Equal(reference.Lambda, fast.Lambda, reference.Lambda * (members < 1_000 ? 1.0 : 0.01));
            }
        }
    }

    [Theory]
    [InlineData(1_000, 0.3)]
    [InlineData(20_000, 0.5)]
    [InlineData(20_000, 0.1)]
    public void Allocate_WithCaps_MeetsThemExactly_AndIsWithinOneMemberPerConstraintOfTheLinearProgramsBound(int members, double budgetShare)
    {
        // The alternating prices (budget price from the breakpoints, cap prices from the rounds) against the bisection
        // over full evaluations, and both against the dual bound: for any prices, λ·B + Σ μ(t)·cap(t) + Σ_i max(0, best
        // score of i) is at least the profit of every plan that meets the budget and the caps.
        for (int seed = 1; seed <= 3; seed++)
        {
            AllocationProblem problem = RandomProblem(members, (members * 17) + seed);
            double unbounded = TriggerAllocator.Allocate(problem, new AllocationSettings()).Spend;
            AllocationSettings settings = new()
            {
                Budget = unbounded * budgetShare,
                Caps = new Dictionary<string, double> { ["discount"] = 0.1, ["reminder"] = 0.25 },
            };
            int[] caps = [(int)Math.Floor(0.1 * members), int.MaxValue, (int)Math.Floor(0.25 * members)];

            AllocationPlan fast = TriggerAllocator.Allocate(problem, settings);
            AllocationPlan reference = TriggerAllocator.AllocateByBisection(problem, settings);

            double oneMember = 0;
            for (int i = 0; i < members; i++)
            {
                for (int t = 0; t < Offers.Length; t++)
                {
                    oneMember = Math.Max(oneMember, Offers[t].Profit(problem.Uplift[t][i], problem.OrderValue[i]));
                }
            }

            foreach (AllocationPlan plan in new[] { fast, reference })
            {
                Assert.Empty(plan.Warnings);
                Assert.True(plan.Spend <= settings.Budget, $"spend {plan.Spend} over {settings.Budget}");
                for (int t = 0; t < Offers.Length; t++)
                {
                    Assert.True(plan.Triggers[t].Members <= caps[t], $"{Offers[t].Id}: {plan.Triggers[t].Members} over its cap {caps[t]}");
                }
            }

            double bound = DualBound(problem, fast, settings.Budget.Value, caps);
            Assert.True(reference.Profit.Value <= bound + 1e-6, $"the bisection's plan {reference.Profit.Value} above the bound {bound}");
            Assert.True(fast.Profit.Value >= bound - (3 * oneMember), $"plan {fast.Profit.Value}, bound {bound}, one member {oneMember}");
            Assert.True(fast.Profit.Value >= reference.Profit.Value - (3 * oneMember), $"plan {fast.Profit.Value} vs bisection {reference.Profit.Value}");
        }
    }

    private static double DualBound(AllocationProblem problem, AllocationPlan plan, double budget, int[] caps)
    {
        double bound = plan.Lambda * budget;
        for (int t = 0; t < Offers.Length; t++)
        {
            bound += caps[t] == int.MaxValue ? 0 : plan.Mu[t] * caps[t];
        }

        for (int i = 0; i < problem.Members; i++)
        {
            double best = 0;
            for (int t = 0; t < Offers.Length; t++)
            {
                double p = Offers[t].Profit(problem.Uplift[t][i], problem.OrderValue[i]);
                best = Math.Max(best, p - (plan.Lambda * Offers[t].Spend(problem.Uplift[t][i], problem.OrderValue[i])) - plan.Mu[t]);
            }

            bound += best;
        }

        return bound;
    }

    [Fact]
    public void SelectBreakpoint_FindsTheFirstPriceWhoseSavingsReachTheExcess()
    {
        Random random = new(3);
        for (int round = 0; round < 200; round++)
        {
            int count = random.Next(1, 300);
            double[] prices = [.. Enumerable.Range(0, count).Select(_ => Math.Round(random.NextDouble() * 20) / 4)];
            double[] savings = [.. Enumerable.Range(0, count).Select(_ => random.NextDouble())];
            double excess = random.NextDouble() * savings.Sum() * 1.1;
            (double[] sortedPrices, double[] sortedSavings) = ([.. prices], [.. savings]);
            Array.Sort(sortedPrices, sortedSavings);
            double expected = double.NaN, following = double.NaN, saved = 0;
            for (int k = 0; k < count; k++)
            {
                saved += sortedSavings[k];
                if (saved >= excess && (k == count - 1 || sortedPrices[k + 1] > sortedPrices[k]))
                {
                    expected = sortedPrices[k];
                    following = k == count - 1 ? double.PositiveInfinity : sortedPrices[k + 1];
                    break;
                }
            }

            (double price, double next) = TriggerAllocator.SelectBreakpoint(prices, savings, excess);
            Assert.Equal(expected, price);
            Assert.Equal(following, next);
        }
    }

    [Fact]
    public void Allocate_UnderABudget_SpendsItAlmostAllAndRespectsCapsAndMinimumProfit()
    {
        AllocationProblem problem = RandomProblem(50_000, 7, intervals: true);
        AllocationPlan free = TriggerAllocator.Allocate(problem, new AllocationSettings());
        AllocationSettings settings = new()
        {
            Budget = free.Spend * 0.3,
            MinimumProfitPerSend = 0.5,
            Caps = new Dictionary<string, double> { ["discount"] = 0.1 },
        };

        AllocationPlan plan = TriggerAllocator.Allocate(problem, settings);

        Assert.True(plan.Spend <= settings.Budget);
        Assert.True(plan.Spend >= settings.Budget * 0.999, $"spend {plan.Spend} of {settings.Budget}");
        Assert.True(plan.Triggers[0].Members <= 5_000);
        Assert.True(plan.Lambda > 0 && plan.Mu[0] >= 0);
        for (int i = 0; i < problem.Members; i++)
        {
            if (plan.Assignment[i] is int t and >= 0)
            {
                Assert.True(Offers[t].Profit(problem.Uplift[t][i], problem.OrderValue[i]) >= 0.5);
            }
        }

        Assert.Equal(plan.Members, plan.Triggers.Sum(t => t.Members));
        Assert.Equal(plan.Members, plan.Assignment.Count(t => t >= 0));
        Assert.True(plan.Profit.Low < plan.Profit.Value && plan.Profit.Value < plan.Profit.High);
        Assert.True(plan.Conversions.Low < plan.Conversions.Value && plan.Conversions.Value < plan.Conversions.High);
        Assert.True(free.Profit.Value > plan.Profit.Value);
        Assert.Empty(plan.Warnings);
    }

    [Fact]
    public void Allocate_IsTheSameOnAnyNumberOfThreads()
    {
        AllocationProblem problem = RandomProblem(100_000, 11);
        AllocationSettings settings = new() { Budget = 20_000, Caps = new Dictionary<string, double> { ["free_shipping"] = 0.2 } };
        AllocationPlan a = TriggerAllocator.Allocate(problem, settings);
        AllocationPlan b = TriggerAllocator.Allocate(problem, settings);
        Assert.Equal(a.Assignment, b.Assignment);
        Assert.Equal(a.Profit.Value, b.Profit.Value);
        Assert.Equal(a.Lambda, b.Lambda);
    }

    [Fact]
    public void Curve_RisesWithTheBudgetAndEndsAtThePlanWithoutBudget()
    {
        AllocationProblem problem = RandomProblem(20_000, 3);
        IReadOnlyList<AllocationCurvePoint> curve = TriggerAllocator.Curve(problem, new AllocationSettings(), 8);
        AllocationPlan free = TriggerAllocator.Allocate(problem, new AllocationSettings());

        Assert.Equal(9, curve.Count);
        for (int k = 1; k < curve.Count; k++)
        {
            Assert.True(curve[k].Profit >= curve[k - 1].Profit, $"point {k}");
            Assert.True(curve[k].Spend <= curve[k].Budget + 1e-9);
        }

        Assert.Equal(free.Profit.Value, curve[^1].Profit);
        // Diminishing returns: the first eighth of the budget earns more than the last eighth.
        Assert.True(curve[1].Profit - curve[0].Profit > curve[^1].Profit - curve[^2].Profit);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(double.NaN)]
    public void Allocate_ABudgetOfZeroOrLess_IsAnErrorNamingTheBudget(double budget)
    {
        AetherSegmentInputException e = Assert.Throws<AetherSegmentInputException>(() => TriggerAllocator.Allocate(RandomProblem(10, 1), new AllocationSettings { Budget = budget }));
        Assert.Equal("budget", e.Field);
        Assert.StartsWith("budget: must be greater than 0", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("discount", 1.5, "must be in (0, 1]")]
    [InlineData("discount", 0, "must be in (0, 1]")]
    [InlineData("sms_blast", 0.5, "'sms_blast' is not a trigger of the profile")]
    public void Allocate_ABadCap_IsAnErrorNamingTheCaps(string trigger, double cap, string message)
    {
        AetherSegmentInputException e = Assert.Throws<AetherSegmentInputException>(() =>
            TriggerAllocator.Allocate(RandomProblem(10, 1), new AllocationSettings { Caps = new Dictionary<string, double> { [trigger] = cap } }));
        Assert.Equal("caps", e.Field);
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Allocate_NoMembers_IsAnErrorNotAnEmptyAllocation()
    {
        AllocationProblem empty = new(Offers, [[], [], []], []);
        AetherSegmentInputException e = Assert.Throws<AetherSegmentInputException>(() => TriggerAllocator.Allocate(empty, new AllocationSettings { Budget = 10 }));
        Assert.Contains("no member of the segment", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Allocate_CostsLargerThanAnyValue_WarnsNamingTheTriggerAndTheEmptyAllocation()
    {
        TriggerOffer[] offers = [new("voucher", 0.01, false, 500, 0.45)];
        AllocationProblem problem = new(offers, [[0.05, 0.08, 0.02]], [100, 250, 80]);
        AllocationPlan plan = TriggerAllocator.Allocate(problem, new AllocationSettings { Budget = 100 });

        Assert.Equal(0, plan.Members);
        Assert.Contains(plan.Warnings, w => w.StartsWith("$.triggers[0].economics.conversion_cost: the conversion cost of 'voucher'", StringComparison.Ordinal));
        Assert.Contains(plan.Warnings, w => w.StartsWith("The allocation is empty", StringComparison.Ordinal));
    }

    [Fact]
    public void FromProfile_ReadsTheDemoEconomics_AndATriggerWithoutEconomicsIsAnErrorNamingItsPath()
    {
        TriggerOffer[] demo = TriggerOffer.FromProfile(HomeFurnishingProfile.Load());
        Assert.Equal(8, demo.Length);
        Assert.Equal(new TriggerOffer("personalized_discount_offer", 0.01, true, 0.15, 0.45), demo[0]);
        Assert.Equal(new TriggerOffer("free_shipping_offer", 0.01, false, 49, 0.45), demo[1]);

        BusinessProfile bare = new BusinessProfileBuilder("shop", "a shop")
            .MapEntity(EntityKind.Customers, "customers", new Dictionary<string, string> { ["id"] = "id" })
            .AddTrigger("member_discount", "Member discount", "10% off", t => t.Economics(0.005, new ConversionCost(0.10, null), marginRate: 0.5))
            .AddTrigger("newsletter", "Newsletter", "news", _ => { })
            .Build();
        AetherSegmentInputException e = Assert.Throws<AetherSegmentInputException>(() => TriggerOffer.FromProfile(bare));
        Assert.Equal("$.triggers[1].economics", e.Field);
        Assert.StartsWith("$.triggers[1].economics: trigger 'newsletter' has no economics", e.Message, StringComparison.Ordinal);
    }
}
