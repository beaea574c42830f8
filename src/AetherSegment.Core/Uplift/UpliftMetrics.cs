namespace AetherSegment.Uplift;

/// <summary>
/// Uplift evaluation as scikit-uplift (sklift.metrics) defines it: Qini and uplift curves, their areas normalized by
/// the perfect curve (the Qini coefficient and the AUUC score) and uplift@k. Formulas: docs/uplift.md.
/// </summary>
/// <remarks>All methods are pure and thread-safe. <c>treatment</c> is 1 for treated rows and 0 for control rows; <c>outcome</c> is 0 or 1.</remarks>
internal static class UpliftMetrics
{
    /// <summary>
    /// The Qini curve: rows sorted by predicted uplift, best first; at every distinct prediction
    /// <c>y = responders_treated - responders_control * n_treated / n_control</c> (0 when no control row yet), from (0, 0).
    /// </summary>
    public static UpliftCurve QiniCurve(ReadOnlySpan<float> outcome, ReadOnlySpan<double> uplift, ReadOnlySpan<int> treatment) =>
        Curve(outcome, uplift, treatment, qini: true);

    /// <summary>
    /// The uplift curve: rows sorted by predicted uplift, best first; at every distinct prediction
    /// <c>y = (responders_treated / n_treated - responders_control / n_control) * n</c> (a rate with no rows counts as 0), from (0, 0).
    /// </summary>
    public static UpliftCurve AuucCurve(ReadOnlySpan<float> outcome, ReadOnlySpan<double> uplift, ReadOnlySpan<int> treatment) =>
        Curve(outcome, uplift, treatment, qini: false);

    /// <summary>
    /// The Qini coefficient (sklift <c>qini_auc_score</c>, negative_effect=True): (area under the Qini curve minus the
    /// random line's area) divided by (the perfect Qini curve's area minus the random line's area).
    /// </summary>
    public static double QiniCoefficient(ReadOnlySpan<float> outcome, ReadOnlySpan<double> uplift, ReadOnlySpan<int> treatment)
    {
        Validate(outcome, uplift, treatment);
        UpliftCurve actual = QiniCurve(outcome, uplift, treatment);
        return Normalize(actual, PerfectQiniCurve(outcome, treatment));
    }

    /// <summary>
    /// The perfect Qini curve (sklift <c>perfect_qini_curve</c>, negative_effect=True): the Qini curve of the score
    /// treated responders first, control responders last.
    /// </summary>
    public static UpliftCurve PerfectQiniCurve(ReadOnlySpan<float> outcome, ReadOnlySpan<int> treatment)
    {
        double[] perfectScore = new double[outcome.Length];
        for (int i = 0; i < perfectScore.Length; i++)
        {
            perfectScore[i] = (outcome[i] * treatment[i]) - (outcome[i] * (1 - treatment[i]));
        }

        return QiniCurve(outcome, perfectScore, treatment);
    }

    /// <summary>
    /// The AUUC score (sklift <c>uplift_auc_score</c>): (area under the uplift curve minus the random line's area)
    /// divided by (the perfect uplift curve's area minus the random line's area).
    /// </summary>
    public static double AuucScore(ReadOnlySpan<float> outcome, ReadOnlySpan<double> uplift, ReadOnlySpan<int> treatment)
    {
        Validate(outcome, uplift, treatment);
        UpliftCurve actual = AuucCurve(outcome, uplift, treatment);
        return Normalize(actual, PerfectAuucCurve(outcome, treatment));
    }

    /// <summary>
    /// The perfect uplift curve (sklift <c>perfect_uplift_curve</c>): the uplift curve of the score that ranks
    /// treated responders and control non-responders first, ordered to favour the larger of the two groups.
    /// </summary>
    public static UpliftCurve PerfectAuucCurve(ReadOnlySpan<float> outcome, ReadOnlySpan<int> treatment)
    {
        int controlResponders = 0, treatedNonResponders = 0;
        for (int i = 0; i < outcome.Length; i++)
        {
            controlResponders += outcome[i] == 1 && treatment[i] == 0 ? 1 : 0;
            treatedNonResponders += outcome[i] == 0 && treatment[i] == 1 ? 1 : 0;
        }

        double[] perfectScore = new double[outcome.Length];
        for (int i = 0; i < perfectScore.Length; i++)
        {
            double summand = controlResponders > treatedNonResponders ? outcome[i] : treatment[i];
            perfectScore[i] = (2 * (outcome[i] == treatment[i] ? 1 : 0)) + summand;
        }

        return AuucCurve(outcome, perfectScore, treatment);
    }

    /// <summary>
    /// Uplift by percentile (sklift <c>uplift_by_percentile</c>, strategy 'overall'): rows sorted by predicted uplift,
    /// best first, cut into <paramref name="bins"/> groups as numpy's <c>array_split</c> does (the first n mod bins
    /// groups one row larger); per group, treated response rate minus control response rate (NaN when a group lacks an arm).
    /// </summary>
    /// <param name="outcome">0/1 per row.</param>
    /// <param name="uplift">Predicted uplift per row.</param>
    /// <param name="treatment">1 treated, 0 control, per row.</param>
    /// <param name="bins">The number of groups, 1 to the number of rows (10 for deciles).</param>
    public static double[] UpliftByPercentile(ReadOnlySpan<float> outcome, ReadOnlySpan<double> uplift, ReadOnlySpan<int> treatment, int bins = 10)
    {
        Validate(outcome, uplift, treatment);
        ArgumentOutOfRangeException.ThrowIfLessThan(bins, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(bins, outcome.Length);
        int[] order = DescendingOrder(uplift);
        double[] result = new double[bins];
        int n = outcome.Length, at = 0;
        for (int b = 0; b < bins; b++)
        {
            int size = (n / bins) + (b < n % bins ? 1 : 0);
            double yt = 0, nt = 0, yc = 0, nc = 0;
            for (int i = at; i < at + size; i++)
            {
                int r = order[i];
                if (treatment[r] == 1)
                {
                    nt++;
                    yt += outcome[r];
                }
                else
                {
                    nc++;
                    yc += outcome[r];
                }
            }

            result[b] = nt == 0 || nc == 0 ? double.NaN : (yt / nt) - (yc / nc);
            at += size;
        }

        return result;
    }

    /// <summary>
    /// Uplift@k with sklift's strategy 'overall': the top <c>floor(n * k)</c> rows by predicted uplift (ties: later rows
    /// first, like sklift's reversed stable sort), treated response rate minus control response rate among them.
    /// </summary>
    /// <param name="outcome">0/1 per row.</param>
    /// <param name="uplift">Predicted uplift per row.</param>
    /// <param name="treatment">1 treated, 0 control, per row.</param>
    /// <param name="k">The share of rows, in (0, 1].</param>
    /// <returns>The difference in response rates; NaN when the top rows hold no treated or no control row.</returns>
    public static double UpliftAtK(ReadOnlySpan<float> outcome, ReadOnlySpan<double> uplift, ReadOnlySpan<int> treatment, double k = 0.3)
    {
        Validate(outcome, uplift, treatment);
        if (!(k > 0 && k <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(k), k, "k must be in (0, 1].");
        }

        int[] order = DescendingOrder(uplift);
        int top = (int)(outcome.Length * k);
        double yt = 0, nt = 0, yc = 0, nc = 0;
        for (int i = 0; i < top; i++)
        {
            int r = order[i];
            if (treatment[r] == 1)
            {
                nt++;
                yt += outcome[r];
            }
            else
            {
                nc++;
                yc += outcome[r];
            }
        }

        return (yt / nt) - (yc / nc);
    }

    private static double Normalize(UpliftCurve actual, UpliftCurve perfect)
    {
        double lastX = perfect.X[^1], lastY = perfect.Y[^1];
        double baseline = lastX * lastY / 2;
        double perfectArea = perfect.Area() - baseline;
        return (actual.Area() - baseline) / perfectArea;
    }

    private static void Validate(ReadOnlySpan<float> outcome, ReadOnlySpan<double> uplift, ReadOnlySpan<int> treatment)
    {
        if (outcome.Length != uplift.Length || outcome.Length != treatment.Length)
        {
            throw new ArgumentException("outcome, uplift and treatment must have the same length.", nameof(uplift));
        }

        if (outcome.Length == 0)
        {
            throw new ArgumentException("No rows to evaluate.", nameof(outcome));
        }
    }

    /// <summary>Row indices by predicted uplift, best first; ties in reverse row order (numpy's stable argsort, reversed).</summary>
    private static int[] DescendingOrder(ReadOnlySpan<double> uplift)
    {
        int n = uplift.Length;
        int[] order = new int[n];
        double[] keys = uplift.ToArray();
        for (int i = 0; i < n; i++)
        {
            order[i] = i;
        }

        // Ascending by (value, index) is numpy's mergesort; reversing it gives sklift's order.
        Array.Sort(order, (a, b) =>
        {
            int c = keys[a].CompareTo(keys[b]);
            return c != 0 ? c : a.CompareTo(b);
        });
        Array.Reverse(order);
        return order;
    }

    private static UpliftCurve Curve(ReadOnlySpan<float> outcome, ReadOnlySpan<double> uplift, ReadOnlySpan<int> treatment, bool qini)
    {
        Validate(outcome, uplift, treatment);
        int n = outcome.Length;
        int[] order = DescendingOrder(uplift);
        List<double> xs = [], ys = [];
        double nt = 0, yt = 0, yc = 0;
        for (int i = 0; i < n; i++)
        {
            int r = order[i];
            nt += treatment[r];
            yt += outcome[r] * treatment[r];
            yc += outcome[r] * (1 - treatment[r]);
            bool last = i == n - 1 || uplift[order[i + 1]] != uplift[r];
            if (!last)
            {
                continue;
            }

            double all = i + 1;
            double nc = all - nt;
            double y = qini
                ? yt - (nc != 0 ? yc * nt / nc : 0)
                : ((nt != 0 ? yt / nt : 0) - (nc != 0 ? yc / nc : 0)) * all;
            xs.Add(all);
            ys.Add(y);
        }

        if (xs.Count == 0 || ys[0] != 0 || xs[0] != 0)
        {
            xs.Insert(0, 0);
            ys.Insert(0, 0);
        }

        return new UpliftCurve([.. xs], [.. ys]);
    }
}
