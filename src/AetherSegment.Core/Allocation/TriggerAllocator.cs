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
/// order; a score equal to 0 sends nothing). λ ≥ 0 prices the budget: the smallest price whose plan spends at most the
/// budget (spend falls as λ rises), read exactly from the members' breakpoints; μ(t) ≥ 0 prices a cap and is raised,
/// a few rounds at a time, by the score margin of the first member over the cap, until every cap holds. With caps the
/// two are alternated (λ at the current μ, then μ at that λ) until μ repeats, with bisection over λ as the fallback.
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
        Passes passes = Prepare(problem, settings);
        return passes.Plan(settings, bisect);
    }

    private static Passes Prepare(AllocationProblem problem, AllocationSettings settings)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate(problem.Offers);
        if (problem.Members == 0)
        {
            throw new AetherSegmentInputException("segment", "segment: no member of the segment is in the scored population, so there is nothing to allocate.");
        }

        if ((long)problem.Members * problem.Triggers > Array.MaxLength)
        {
            throw new AetherSegmentInputException("segment", string.Create(CultureInfo.InvariantCulture,
                $"segment: {problem.Members} members x {problem.Triggers} triggers is too large to allocate in process; compile the assignment to SQL (AllocationSql) instead."));
        }

        int n = problem.Members, triggers = problem.Triggers;
        int[] caps = new int[triggers];
        for (int t = 0; t < triggers; t++)
        {
            caps[t] = settings.Caps.TryGetValue(problem.Offers[t].Id, out double share) ? (int)Math.Floor(share * n) : int.MaxValue;
        }

        return new Passes(problem, settings.MinimumProfitPerSend, caps);
    }

    /// <summary>
    /// The profit-vs-budget curve: the plan at <paramref name="points"/> budgets evenly spaced up to what the plan
    /// without a budget spends (under the same caps and minimum profit). The members' profits and spends are computed
    /// once for all points, and without caps so are their breakpoints: each point is then one selection and the sums.
    /// </summary>
    public static IReadOnlyList<AllocationCurvePoint> Curve(AllocationProblem problem, AllocationSettings settings, int points = 10)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentOutOfRangeException.ThrowIfLessThan(points, 1);
        AllocationSettings free = settings with { Budget = null };
        Passes passes = Prepare(problem, free);
        AllocationPlan unbounded = passes.Plan(free, bisect: false);
        List<AllocationCurvePoint> curve = [new AllocationCurvePoint(0, 0, 0, 0, 0)];
        if (!(unbounded.Spend > 0))
        {
            return curve;
        }

        for (int k = 1; k <= points; k++)
        {
            double budget = unbounded.Spend * k / points;
            AllocationPlan plan = k == points ? unbounded : passes.Plan(settings with { Budget = budget }, bisect: false);
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

    /// <summary>
    /// The passes over members x triggers. The members' expected profits p(i,t) and spends c(i,t) are computed once,
    /// member by member in flat arrays (p is NaN where it is below the minimum profit, so that trigger never wins a
    /// comparison); every pass reads them with the arithmetic <see cref="AllocationSql"/> writes, p - λ·c - μ(t).
    /// </summary>
    private sealed class Passes
    {
        private const int MaxAlternations = 40;

        private readonly AllocationProblem problem;
        private readonly double minimumProfit;
        private readonly int[] caps;
        private readonly bool _capped;
        private readonly TriggerOffer[] _offers;
        private readonly double[] _value;
        private readonly double[][] _uplift;
        private readonly int _triggers;
        private readonly int _blocks;
        private readonly double[] _profit;
        private readonly double[] _spend;
        private int[]? _best;
        private double[]? _margin;
        private double[]? _selection;
        private (double SpendAtZero, double[] Prices, double[] Savings)? _freeBreakpoints;

        public Passes(AllocationProblem problem, double minimumProfit, int[] caps)
        {
            this.problem = problem;
            this.minimumProfit = minimumProfit;
            this.caps = caps;
            _offers = problem.Offers;
            _value = problem.OrderValue;
            _uplift = problem.Uplift;
            _triggers = _offers.Length;
            _capped = caps.Any(c => c < problem.Members);
            _blocks = (problem.Members + BlockSize - 1) / BlockSize;
            int n = problem.Members, k = _triggers;
            double[] profit = new double[n * k], spend = new double[n * k];
            double[][] uplift = problem.Uplift;
            TriggerOffer[] offers = _offers;
            Parallel.For(0, _blocks, b =>
            {
                int end = Math.Min(n, (b + 1) * BlockSize);
                for (int i = b * BlockSize; i < end; i++)
                {
                    double v = _value[i];
                    int at = i * k;
                    for (int t = 0; t < k; t++)
                    {
                        TriggerOffer offer = offers[t];
                        double u = uplift[t][i];
                        double p = offer.Profit(u, v);
                        profit[at + t] = p >= minimumProfit ? p : double.NaN;
                        spend[at + t] = offer.Spend(u, v);
                    }
                }
            });
            _profit = profit;
            _spend = spend;
        }

        /// <summary>The plan for <paramref name="settings"/>' budget under these caps.</summary>
        public AllocationPlan Plan(AllocationSettings settings, bool bisect)
        {
            double lambda = settings.Budget is { } budget ? Price(budget, useBreakpoints: !bisect) : 0;
            Evaluate(lambda, out double[] mu, out bool capsHold, spend: false);
            return Summarize(lambda, mu, settings, capsHold);
        }

        /// <summary>
        /// The spend of the plan at price λ, with the cap prices μ(λ) that make every cap hold at that λ: starting from 0,
        /// each over-cap trigger's μ is raised just past the score margin of the member ranked cap + 1 (the cap's worth of
        /// members with the widest margins keep it, the others move to their next choice), until no cap is exceeded.
        /// Raising μ(t) changes only the choice of the members who chose t, so after the first full pass each round
        /// recomputes only those members: first their margins (their second choice may have lost to an earlier raise),
        /// then their choice at the raised prices. The rounds give the prices a full pass per round gives.
        /// </summary>
        public double Evaluate(double lambda, out double[] mu, out bool capsHold, bool spend = true)
        {
            mu = new double[_triggers];
            capsHold = true;
            if (_capped)
            {
                int[] best = _best ??= new int[_value.Length];
                double[] margin = _margin ??= new double[_value.Length];
                int[] counts = Choose(lambda, mu, best, margin, null);
                bool[] over = new bool[_triggers];
                capsHold = false;
                for (int round = 0; round < MaxCapRounds; round++)
                {
                    bool any = false;
                    for (int t = 0; t < _triggers; t++)
                    {
                        over[t] = counts[t] > caps[t];
                        any |= over[t];
                    }

                    if (!any)
                    {
                        capsHold = true;
                        break;
                    }

                    // Fresh margins of the members of the over-cap triggers, at the current prices.
                    Choose(lambda, mu, best, margin, over);
                    for (int t = 0; t < _triggers; t++)
                    {
                        if (!over[t])
                        {
                            continue;
                        }

                        double[] margins = _selection ??= new double[_value.Length];
                        int m = 0;
                        for (int i = 0; i < best.Length; i++)
                        {
                            if (best[i] == t)
                            {
                                margins[m++] = margin[i];
                            }
                        }

                        // The (cap + 1)-th widest margin: the element at m - 1 - cap in ascending order.
                        double step = Select(margins, m, m - 1 - caps[t]);
                        mu[t] += step + Math.Max(Math.Abs(step) * 1e-9, 1e-12);
                    }

                    int[] moved = Choose(lambda, mu, best, margin, over);
                    for (int t = 0; t < _triggers; t++)
                    {
                        counts[t] += moved[t];
                    }
                }

                if (!capsHold)
                {
                    capsHold = true;
                    for (int t = 0; t < _triggers; t++)
                    {
                        capsHold &= counts[t] <= caps[t];
                    }
                }
            }

            return spend ? Spend(lambda, mu) : double.NaN;
        }

        /// <summary>The element of rank <paramref name="rank"/> (0-based, ascending) of the first <paramref name="count"/> values; reorders them.</summary>
        private static double Select(double[] values, int count, int rank)
        {
            int lo = 0, hi = count - 1;
            while (lo < hi)
            {
                double pivot = values[lo + ((hi - lo) / 2)];
                int i = lo, j = hi;
                while (i <= j)
                {
                    while (values[i] < pivot)
                    {
                        i++;
                    }

                    while (values[j] > pivot)
                    {
                        j--;
                    }

                    if (i <= j)
                    {
                        (values[i], values[j]) = (values[j], values[i]);
                        i++;
                        j--;
                    }
                }

                if (rank <= j)
                {
                    hi = j;
                }
                else if (rank >= i)
                {
                    lo = i;
                }
                else
                {
                    return values[rank];
                }
            }

            return values[rank];
        }

        /// <summary>
        /// The smallest price λ whose plan spends at most <paramref name="budget"/>. Without caps it is read from the
        /// members' breakpoints (<see cref="PriceFromBreakpoints"/>, one pass and a selection). With caps the budget
        /// price and the cap prices are found by alternating the two exact one-price steps: λ from the breakpoints at
        /// the current μ, then μ(λ) by the cap rounds from 0, until μ repeats (then λ does too): a plan whose spend is
        /// within one breakpoint of the budget and whose caps are met within the ties of one member, as the bisection's.
        /// When the alternation does not settle, or when <paramref name="useBreakpoints"/> is false (the reference the
        /// tests compare with), λ is found by bisection over full evaluations.
        /// </summary>
        public double Price(double budget, bool useBreakpoints)
        {
            if (useBreakpoints && !_capped)
            {
                double exact = PriceFromBreakpoints(budget, new double[_triggers]);
                if (!double.IsNaN(exact))
                {
                    return exact;
                }
            }
            else if (useBreakpoints)
            {
                double[] mu = new double[_triggers];
                for (int step = 0; step < MaxAlternations; step++)
                {
                    double lambda = PriceFromBreakpoints(budget, mu);
                    if (double.IsNaN(lambda))
                    {
                        break;
                    }

                    Evaluate(lambda, out double[] next, out bool capsHold, spend: false);
                    if (capsHold && next.AsSpan().SequenceEqual(mu))
                    {
                        return lambda;
                    }

                    mu = next;
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
        /// converges to; one more pass checks its spend with the same arithmetic as <see cref="Spend"/>. Without cap
        /// prices the breakpoints are collected once and kept for the next budget (the curve's points).
        /// </summary>
        /// <returns>The price, or NaN when the check fails (rounding at a near-tie) and the caller should bisect.</returns>
        public double PriceFromBreakpoints(double budget, double[] mu)
        {
            bool free = !mu.AsSpan().ContainsAnyExcept(0.0);
            (double spendAtZero, double[] prices, double[] savings) = free && _freeBreakpoints is { } kept ? kept : Breakpoints(mu);
            if (free)
            {
                _freeBreakpoints = (spendAtZero, prices, savings);
            }

            if (spendAtZero <= budget)
            {
                return 0;
            }

            (double price, double following) = SelectBreakpoint(prices, savings, spendAtZero - budget);
            if (double.IsNaN(price))
            {
                return double.NaN;
            }

            double lambda = double.IsPositiveInfinity(following) ? (price > 0 ? price * 2 : 1) : price + ((following - price) / 2);
            return lambda > price && Spend(lambda, mu) <= budget ? lambda : double.NaN;
        }

        private (double SpendAtZero, double[] Prices, double[] Savings) Breakpoints(double[] mu)
        {
            int triggers = _triggers;
            double[] partial = new double[_blocks];
            BreakpointList[] found = new BreakpointList[_blocks];
            Parallel.For(0, _blocks, b =>
            {
                int end = Math.Min(_value.Length, (b + 1) * BlockSize);
                double[] intercept = new double[triggers], slope = new double[triggers];
                bool[] eligible = new bool[triggers];
                BreakpointList list = new((end - (b * BlockSize)) * 2);
                double sum = 0;
                for (int i = b * BlockSize; i < end; i++)
                {
                    int row = i * triggers;
                    int current = -1;
                    double currentIntercept = 0, currentSlope = 0;
                    for (int t = 0; t < triggers; t++)
                    {
                        double p = _profit[row + t];
                        eligible[t] = !double.IsNaN(p);
                        if (!eligible[t])
                        {
                            continue;
                        }

                        double c = _spend[row + t];
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

            int count = 0;
            foreach (BreakpointList list in found)
            {
                count += list.Count;
            }

            double[] prices = new double[count], savings = new double[count];
            int offset = 0;
            foreach (BreakpointList list in found)
            {
                Array.Copy(list.Prices, 0, prices, offset, list.Count);
                Array.Copy(list.Savings, 0, savings, offset, list.Count);
                offset += list.Count;
            }

            return (spendAtZero, prices, savings);
        }

        /// <summary>A growing list of (price, spend saved) pairs of one block of members.</summary>
        private sealed class BreakpointList(int capacity)
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
            int triggers = _triggers;
            Parallel.For(0, _blocks, b =>
            {
                int end = Math.Min(_value.Length, (b + 1) * BlockSize);
                double sum = 0;
                for (int i = b * BlockSize; i < end; i++)
                {
                    int row = i * triggers;
                    double bestScore = 0, bestSpend = 0;
                    for (int t = 0; t < triggers; t++)
                    {
                        double c = _spend[row + t];
                        double s = _profit[row + t] - (lambda * c) - mu[t];
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

        /// <summary>
        /// Each member's choice at (λ, μ) and its score margin over the next choice (none scores 0). With
        /// <paramref name="only"/> null every member and the count per trigger; otherwise only the members whose current
        /// choice is a trigger marked in it, and the change of the count per trigger.
        /// </summary>
        public int[] Choose(double lambda, double[] mu, int[] best, double[] margin, bool[]? only)
        {
            int triggers = _triggers;
            int[][] counts = new int[_blocks][];
            Parallel.For(0, _blocks, b =>
            {
                int[] local = new int[triggers];
                int end = Math.Min(_value.Length, (b + 1) * BlockSize);
                for (int i = b * BlockSize; i < end; i++)
                {
                    int before = best[i];
                    if (only is not null && (before < 0 || !only[before]))
                    {
                        continue;
                    }

                    int choice = Choice(i, lambda, mu, out double first, out double second);
                    best[i] = choice;
                    margin[i] = first - second;
                    if (only is not null && before >= 0)
                    {
                        local[before]--;
                    }

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
            int row = i * _triggers;
            int choice = -1;
            first = 0;
            second = 0;
            for (int t = 0; t < _triggers; t++)
            {
                double s = _profit[row + t] - (lambda * _spend[row + t]) - mu[t];
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
