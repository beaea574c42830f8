using System.Globalization;

namespace AetherSegment.Allocation;

/// <summary>
/// Assigns each member at most one trigger to maximize expected incremental profit under a total budget, per-trigger
/// caps and a minimum expected profit per send.
/// </summary>
/// <remarks>
/// <para>
/// <b>Method (Lagrangian relaxation).</b> With p(i,t) a send's expected profit and c(i,t) its spend
/// (<see cref="TriggerOffer"/>), member i gets the trigger with the highest score p(i,t) - λ·c(i,t) - μ(t) among those
/// with p(i,t) at least the minimum profit, or none when no score is above 0 (ties: the trigger first in profile
/// order; a score equal to 0 sends nothing). λ ≥ 0 prices the budget and is found by bisection as the smallest price
/// whose plan spends at most the budget (spend falls as λ rises); μ(t) ≥ 0 prices a cap and is raised, a few rounds at
/// a time, by the score margin of the first member over the cap, until every cap holds.
/// </para>
/// <para>
/// <b>Why this is exact for the budget it spends (Everett, 1963).</b> For any λ, μ the plan maximizes
/// Σ p - λ Σ c - Σ μ(t)·n(t) member by member, so no other one-trigger-per-member plan that spends at most as much and
/// sends each trigger at most as often earns more: otherwise it would have a higher Lagrangian value. The plan is
/// therefore optimal for its own spend, which is within the budget; what it leaves unspent is the spend of the members
/// whose choice changes at the price λ (generically one member), so the loss against the best plan at the full budget is
/// at most one member's profit. Unlike a greedy fill in profit-per-cost order, the rule is one decision per member
/// given (λ, μ), so the same plan compiles to a SQL expression (<see cref="AllocationSql"/>).
/// </para>
/// <para>
/// Each evaluation is one pass over members x triggers, in parallel over blocks of members with partial sums added in
/// block order, so the plan does not depend on the number of threads.
/// </para>
/// </remarks>
internal static class TriggerAllocator
{
    private const int BlockSize = 16_384;
    private const int MaxCapRounds = 60;
    private const int MaxBisections = 100;

    /// <summary>Allocates <paramref name="problem"/> under <paramref name="settings"/>.</summary>
    /// <exception cref="AetherSegmentInputException">Invalid settings or a problem without members.</exception>
    public static AllocationPlan Allocate(AllocationProblem problem, AllocationSettings settings) => Run(problem, settings, bisect: false);

    /// <summary>
    /// Allocates with the budget price found by bisection over full passes (the earlier method, kept as the reference
    /// the tests compare the breakpoint price with).
    /// </summary>
    internal static AllocationPlan AllocateByBisection(AllocationProblem problem, AllocationSettings settings) => Run(problem, settings, bisect: true);

    private static AllocationPlan Run(AllocationProblem problem, AllocationSettings settings, bool bisect)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate(problem.Offers);
        if (problem.Members == 0)
        {
            throw new AetherSegmentInputException("segment", "segment: no member of the segment is in the scored population, so there is nothing to allocate.");
        }

        int n = problem.Members, triggers = problem.Triggers;
        int[] caps = new int[triggers];
        for (int t = 0; t < triggers; t++)
        {
            caps[t] = settings.Caps.TryGetValue(problem.Offers[t].Id, out double share) ? (int)Math.Floor(share * n) : int.MaxValue;
        }

        Passes passes = new(problem, settings.MinimumProfitPerSend, caps);
        double lambda = settings.Budget is { } budget ? passes.Price(budget, useBreakpoints: !bisect) : 0;
        passes.Evaluate(lambda, out double[] mu, out bool capsHold, spend: false);
        return passes.Summarize(lambda, mu, settings, capsHold);
    }

    /// <summary>
    /// The profit-vs-budget curve: the plan at <paramref name="points"/> budgets evenly spaced up to what the plan
    /// without a budget spends (under the same caps and minimum profit).
    /// </summary>
    public static IReadOnlyList<AllocationCurvePoint> Curve(AllocationProblem problem, AllocationSettings settings, int points = 10)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentOutOfRangeException.ThrowIfLessThan(points, 1);
        AllocationPlan unbounded = Allocate(problem, settings with { Budget = null });
        List<AllocationCurvePoint> curve = [new AllocationCurvePoint(0, 0, 0, 0, 0)];
        if (!(unbounded.Spend > 0))
        {
            return curve;
        }

        for (int k = 1; k <= points; k++)
        {
            double budget = unbounded.Spend * k / points;
            AllocationPlan plan = k == points ? unbounded : Allocate(problem, settings with { Budget = budget });
            curve.Add(new AllocationCurvePoint(budget, plan.Spend, plan.Profit.Value, plan.Conversions.Value, plan.Members));
        }

        return curve;
    }

    /// <summary>
    /// The smallest breakpoint price whose savings, with those of every breakpoint at or below it, reach
    /// <paramref name="excess"/>, and the next larger price (infinity when none); NaN when all savings fall short.
    /// A weighted quickselect with a three-way partition; it reorders the arrays.
    /// </summary>
    internal static (double Price, double Following) SelectBreakpoint(double[] prices, double[] savings, double excess)
    {
        int lo = 0, hi = prices.Length;
        double upper = double.PositiveInfinity, need = excess;
        while (lo < hi)
        {
            double a = prices[lo], b = prices[lo + ((hi - lo) / 2)], c = prices[hi - 1];
            double pivot = Math.Max(Math.Min(a, b), Math.Min(Math.Max(a, b), c));
            int lt = lo, i = lo, gt = hi;
            double below = 0, equal = 0;
            while (i < gt)
            {
                double x = prices[i];
                if (x < pivot)
                {
                    below += savings[i];
                    Swap(prices, savings, lt++, i++);
                }
                else if (x > pivot)
                {
                    Swap(prices, savings, i, --gt);
                }
                else
                {
                    equal += savings[i];
                    i++;
                }
            }

            if (below >= need)
            {
                upper = pivot;
                hi = lt;
            }
            else if (below + equal >= need)
            {
                double following = upper;
                for (int k = gt; k < hi; k++)
                {
                    following = Math.Min(following, prices[k]);
                }

                return (pivot, following);
            }
            else
            {
                need -= below + equal;
                lo = gt;
            }
        }

        return (double.NaN, double.NaN);
    }

    private static void Swap(double[] prices, double[] savings, int i, int j)
    {
        (prices[i], prices[j]) = (prices[j], prices[i]);
        (savings[i], savings[j]) = (savings[j], savings[i]);
    }

    /// <summary>The passes over members x triggers.</summary>
    private sealed class Passes(AllocationProblem problem, double minimumProfit, int[] caps)
    {
        private readonly bool _capped = caps.Any(c => c < problem.Members);
        private int[]? _best;
        private double[]? _margin;

        /// <summary>
        /// The spend of the plan at price λ, with the cap prices μ(λ) that make every cap hold at that λ: starting from 0,
        /// each over-cap trigger's μ is raised just past the score margin of the member ranked cap + 1 (the cap's worth of
        /// members with the widest margins keep it, the others move to their next choice), until no cap is exceeded.
        /// </summary>
        public double Evaluate(double lambda, out double[] mu, out bool capsHold, bool spend = true)
        {
            int triggers = _offers.Length;
            mu = new double[triggers];
            capsHold = true;
            if (_capped)
            {
                _best ??= new int[_value.Length];
                _margin ??= new double[_value.Length];
                capsHold = false;
                for (int round = 0; round < MaxCapRounds && !capsHold; round++)
                {
                    int[] counts = Choose(lambda, mu, _best, _margin);
                    capsHold = true;
                    for (int t = 0; t < triggers; t++)
                    {
                        if (counts[t] <= caps[t])
                        {
                            continue;
                        }

                        capsHold = false;
                        double[] margins = new double[counts[t]];
                        int k = 0;
                        for (int i = 0; i < _best.Length; i++)
                        {
                            if (_best[i] == t)
                            {
                                margins[k++] = _margin[i];
                            }
                        }

                        Array.Sort(margins);
                        double step = margins[margins.Length - 1 - caps[t]];
                        mu[t] += step + Math.Max(Math.Abs(step) * 1e-9, 1e-12);
                    }
                }
            }

            return spend ? Spend(lambda, mu) : double.NaN;
        }

        private readonly TriggerOffer[] _offers = problem.Offers;
        private readonly double[][] _uplift = problem.Uplift;
        private readonly double[] _value = problem.OrderValue;
        private readonly int _blocks = (problem.Members + BlockSize - 1) / BlockSize;

        /// <summary>
        /// The smallest price λ whose plan spends at most <paramref name="budget"/>: without caps read from the members'
        /// breakpoints (<see cref="PriceFromBreakpoints"/>, one pass and a selection); with caps, or when
        /// <paramref name="useBreakpoints"/> is false (the reference the tests compare with), by bisection.
        /// </summary>
        public double Price(double budget, bool useBreakpoints)
        {
            if (useBreakpoints && !_capped)
            {
                double exact = PriceFromBreakpoints(budget, new double[_offers.Length]);
                if (!double.IsNaN(exact))
                {
                    return exact;
                }
            }

            if (Evaluate(0, out _, out _) <= budget)
            {
                return 0;
            }

            double lo = 0, hi = 1;
            while (Evaluate(hi, out _, out _) > budget)
            {
                lo = hi;
                hi *= 4;
                if (hi > 1e300)
                {
                    return hi;
                }
            }

            for (int i = 0; i < MaxBisections; i++)
            {
                double mid = lo + ((hi - lo) / 2);
                if (mid <= lo || mid >= hi)
                {
                    break;
                }

                double spend = Evaluate(mid, out _, out _);
                if (spend <= budget)
                {
                    hi = mid;
                    if (budget - spend <= budget * 1e-9)
                    {
                        break;
                    }
                }
                else
                {
                    lo = mid;
                }
            }

            return hi;
        }

        /// <summary>
        /// The smallest price λ whose plan at cap prices <paramref name="mu"/> spends at most <paramref name="budget"/>,
        /// exactly, from the members' breakpoints. A member's score for trigger t, p - μ(t) - λ·c, is a line in λ, and
        /// their choice is the upper envelope of those lines and 0 (no send): as λ rises the choice moves to triggers of
        /// ever smaller spend at at most one breakpoint per trigger. One pass collects every member's breakpoints with
        /// the spend each one saves; a weighted selection (quickselect, expected linear time) finds the first breakpoint
        /// where the savings reach the excess of the plan at λ = 0 over the budget. The price returned lies between that
        /// breakpoint and the next one, so the plan is the one just past the breakpoint, the plan the bisection
        /// converges to; one more pass checks its spend with the same arithmetic as <see cref="Spend"/>.
        /// </summary>
        /// <returns>The price, or NaN when the check fails (rounding at a near-tie) and the caller should bisect.</returns>
        public double PriceFromBreakpoints(double budget, double[] mu)
        {
            int triggers = _offers.Length;
            double[] partial = new double[_blocks];
            Breakpoints[] found = new Breakpoints[_blocks];
            Parallel.For(0, _blocks, b =>
            {
                int end = Math.Min(_value.Length, (b + 1) * BlockSize);
                double[] intercept = new double[triggers], slope = new double[triggers];
                bool[] eligible = new bool[triggers];
                Breakpoints list = new((end - (b * BlockSize)) * 2);
                double sum = 0;
                for (int i = b * BlockSize; i < end; i++)
                {
                    double v = _value[i];
                    int current = -1;
                    double currentIntercept = 0, currentSlope = 0;
                    for (int t = 0; t < triggers; t++)
                    {
                        TriggerOffer offer = _offers[t];
                        double u = _uplift[t][i];
                        double p = offer.Profit(u, v);
                        eligible[t] = p >= minimumProfit;
                        if (!eligible[t])
                        {
                            continue;
                        }

                        double c = offer.Spend(u, v);
                        intercept[t] = p - mu[t];
                        slope[t] = c;
                        // The choice at λ = 0 exactly as Choice makes it: 0·c is 0, so the score is the intercept;
                        // strictly above the best so far (no send scores 0), so a tie keeps the earlier option.
                        if (intercept[t] > currentIntercept)
                        {
                            current = t;
                            currentIntercept = intercept[t];
                            currentSlope = c;
                        }
                    }

                    sum += currentSlope;
                    double at = 0;
                    while (current >= 0)
                    {
                        // The next line to overtake the current one: the first crossing among the lines of smaller
                        // spend (no send is the line 0); at a shared crossing the smallest spend wins after it.
                        int next = -1;
                        double nextAt = (currentSlope > 0) ? Math.Max(at, currentIntercept / currentSlope) : double.PositiveInfinity;
                        double nextSlope = 0;
                        for (int t = 0; t < triggers; t++)
                        {
                            if (!eligible[t] || t == current || !(slope[t] < currentSlope))
                            {
                                continue;
                            }

                            double x = Math.Max(at, (currentIntercept - intercept[t]) / (currentSlope - slope[t]));
                            if (x < nextAt || (x == nextAt && slope[t] < nextSlope))
                            {
                                next = t;
                                nextAt = x;
                                nextSlope = slope[t];
                            }
                        }

                        if (double.IsPositiveInfinity(nextAt))
                        {
                            break;
                        }

                        list.Add(nextAt, currentSlope - nextSlope);
                        at = nextAt;
                        current = next;
                        currentIntercept = next < 0 ? 0 : intercept[next];
                        currentSlope = nextSlope;
                    }
                }

                partial[b] = sum;
                found[b] = list;
            });
            double spendAtZero = 0;
            for (int b = 0; b < partial.Length; b++)
            {
                spendAtZero += partial[b];
            }

            if (spendAtZero <= budget)
            {
                return 0;
            }

            int count = 0;
            foreach (Breakpoints list in found)
            {
                count += list.Count;
            }

            double[] prices = new double[count], savings = new double[count];
            int offset = 0;
            foreach (Breakpoints list in found)
            {
                Array.Copy(list.Prices, 0, prices, offset, list.Count);
                Array.Copy(list.Savings, 0, savings, offset, list.Count);
                offset += list.Count;
            }

            (double price, double following) = SelectBreakpoint(prices, savings, spendAtZero - budget);
            if (double.IsNaN(price))
            {
                return double.NaN;
            }

            double lambda = double.IsPositiveInfinity(following) ? (price > 0 ? price * 2 : 1) : price + ((following - price) / 2);
            return lambda > price && Spend(lambda, mu) <= budget ? lambda : double.NaN;
        }

        /// <summary>A growing list of (price, spend saved) pairs of one block of members.</summary>
        private sealed class Breakpoints(int capacity)
        {
            public double[] Prices { get; private set; } = new double[Math.Max(capacity, 16)];

            public double[] Savings { get; private set; } = new double[Math.Max(capacity, 16)];

            public int Count { get; private set; }

            public void Add(double price, double saving)
            {
                if (Count == Prices.Length)
                {
                    double[] prices = new double[Count * 2], savings = new double[Count * 2];
                    Array.Copy(Prices, prices, Count);
                    Array.Copy(Savings, savings, Count);
                    Prices = prices;
                    Savings = savings;
                }

                Prices[Count] = price;
                Savings[Count++] = saving;
            }
        }

        /// <summary>The spend of the plan at (λ, μ).</summary>
        public double Spend(double lambda, double[] mu)
        {
            double[] partial = new double[_blocks];
            Parallel.For(0, _blocks, b =>
            {
                int end = Math.Min(_value.Length, (b + 1) * BlockSize);
                double sum = 0;
                for (int i = b * BlockSize; i < end; i++)
                {
                    double v = _value[i];
                    double bestScore = 0, bestSpend = 0;
                    for (int t = 0; t < _offers.Length; t++)
                    {
                        TriggerOffer offer = _offers[t];
                        double u = _uplift[t][i];
                        double p = offer.Profit(u, v);
                        if (p < minimumProfit)
                        {
                            continue;
                        }

                        double c = offer.Spend(u, v);
                        double s = p - (lambda * c) - mu[t];
                        if (s > bestScore)
                        {
                            bestScore = s;
                            bestSpend = c;
                        }
                    }

                    sum += bestSpend;
                }

                partial[b] = sum;
            });
            double total = 0;
            for (int b = 0; b < partial.Length; b++)
            {
                total += partial[b];
            }

            return total;
        }

        /// <summary>Each member's choice at (λ, μ) and its score margin over the next choice (none scores 0); the count per trigger.</summary>
        public int[] Choose(double lambda, double[] mu, int[] best, double[] margin)
        {
            int triggers = _offers.Length;
            int[][] counts = new int[_blocks][];
            Parallel.For(0, _blocks, b =>
            {
                int[] local = new int[triggers];
                int end = Math.Min(_value.Length, (b + 1) * BlockSize);
                for (int i = b * BlockSize; i < end; i++)
                {
                    int choice = Choice(i, lambda, mu, out double first, out double second);
                    best[i] = choice;
                    margin[i] = first - second;
                    if (choice >= 0)
                    {
                        local[choice]++;
                    }
                }

                counts[b] = local;
            });
            int[] total = new int[triggers];
            foreach (int[] local in counts)
            {
                for (int t = 0; t < triggers; t++)
                {
                    total[t] += local[t];
                }
            }

            return total;
        }

        private int Choice(int i, double lambda, double[] mu, out double first, out double second)
        {
            double v = _value[i];
            int choice = -1;
            first = 0;
            second = 0;
            for (int t = 0; t < _offers.Length; t++)
            {
                TriggerOffer offer = _offers[t];
                double u = _uplift[t][i];
                double p = offer.Profit(u, v);
                if (p < minimumProfit)
                {
                    continue;
                }

                double s = p - (lambda * offer.Spend(u, v)) - mu[t];
                if (s > first)
                {
                    second = first;
                    first = s;
                    choice = t;
                }
                else if (s > second)
                {
                    second = s;
                }
            }

            return choice;
        }

        /// <summary>The plan at (λ, μ) with its sums and warnings.</summary>
        public AllocationPlan Summarize(double lambda, double[] mu, AllocationSettings settings, bool capsHold)
        {
            int n = _value.Length, triggers = _offers.Length;
            int[] assignment = new int[n];
            bool intervals = problem.UpliftLow is not null;
            // Per block and trigger: members, conversions, low, high, revenue, low, high, profit, low, high, spend.
            const int Fields = 11;
            double[][] partial = new double[_blocks][];
            Parallel.For(0, _blocks, b =>
            {
                double[] sums = new double[triggers * Fields];
                int end = Math.Min(n, (b + 1) * BlockSize);
                for (int i = b * BlockSize; i < end; i++)
                {
                    int t = Choice(i, lambda, mu, out _, out _);
                    assignment[i] = t;
                    if (t < 0)
                    {
                        continue;
                    }

                    TriggerOffer offer = _offers[t];
                    double u = _uplift[t][i], v = _value[i];
                    int at = t * Fields;
                    sums[at]++;
                    sums[at + 1] += u;
                    sums[at + 4] += u * v;
                    sums[at + 7] += offer.Profit(u, v);
                    sums[at + 10] += offer.Spend(u, v);
                    if (intervals)
                    {
                        double lo = problem.UpliftLow![t][i], hi = problem.UpliftHigh![t][i];
                        sums[at + 2] += lo;
                        sums[at + 3] += hi;
                        sums[at + 5] += lo * v;
                        sums[at + 6] += hi * v;
                        double pLo = offer.Profit(lo, v), pHi = offer.Profit(hi, v);
                        sums[at + 8] += Math.Min(pLo, pHi);
                        sums[at + 9] += Math.Max(pLo, pHi);
                    }
                }

                partial[b] = sums;
            });
            double[] total = new double[triggers * Fields];
            foreach (double[] sums in partial)
            {
                for (int k = 0; k < total.Length; k++)
                {
                    total[k] += sums[k];
                }
            }

            List<TriggerAllocation> perTrigger = [];
            double[] all = new double[Fields];
            for (int t = 0; t < triggers; t++)
            {
                int at = t * Fields;
                for (int k = 0; k < Fields; k++)
                {
                    all[k] += total[at + k];
                }

                perTrigger.Add(new TriggerAllocation(_offers[t].Id, (int)total[at], Estimate(total, at + 1, intervals), Estimate(total, at + 4, intervals),
                    Estimate(total, at + 7, intervals), total[at + 10]));
            }

            return new AllocationPlan
            {
                Assignment = assignment,
                Lambda = lambda,
                Mu = mu,
                MinimumProfitPerSend = minimumProfit,
                Budget = settings.Budget,
                Spend = all[10],
                Members = (int)all[0],
                Conversions = Estimate(all, 1, intervals),
                Revenue = Estimate(all, 4, intervals),
                Profit = Estimate(all, 7, intervals),
                Triggers = perTrigger,
                Warnings = Warnings((int)all[0], capsHold),
            };
        }

        private static AllocationEstimate Estimate(double[] sums, int at, bool intervals) =>
            new(sums[at], intervals ? sums[at + 1] : null, intervals ? sums[at + 2] : null);

        private List<string> Warnings(int assigned, bool capsHold)
        {
            List<string> warnings = [];
            for (int t = 0; t < _offers.Length; t++)
            {
                TriggerOffer offer = _offers[t];
                bool earns = false;
                for (int i = 0; i < _value.Length && !earns; i++)
                {
                    double v = _value[i];
                    earns = (v * offer.MarginRate) - offer.ConversionCostFor(v) > 0;
                }

                if (!earns)
                {
                    warnings.Add(string.Create(CultureInfo.InvariantCulture,
                        $"$.triggers[{t}].economics.conversion_cost: the conversion cost of '{offer.Id}' is at least the margin on every member's order value, so it never earns and is never assigned."));
                }
            }

            if (assigned == 0)
            {
                warnings.Add(string.Create(CultureInfo.InvariantCulture,
                    $"The allocation is empty: no trigger is expected to earn at least min_profit_per_send ({minimumProfit}) more than it costs for any of the {_value.Length} members."));
            }

            if (!capsHold)
            {
                warnings.Add("caps: the caps were not met exactly after the allowed rounds; some triggers are sent slightly more often than their cap.");
            }

            return warnings;
        }
    }
}
