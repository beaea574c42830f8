namespace AetherSegment.Experiments;

/// <summary>
/// Power of the two-sided two-sample z test, for a standardized effect (the normal approximation of statsmodels'
/// <c>NormalIndPower</c> and R's <c>pwr.norm</c>/<c>pwr.2p2n.test</c>; for proportions the effect is Cohen's h, the
/// arcsine difference). Thread-safe.
/// </summary>
public static class ExperimentPower
{
    /// <summary>The power to detect a standardized effect with two groups, two-sided at level alpha.</summary>
    /// <param name="effect">The standardized effect (Cohen's d or h); its sign does not matter.</param>
    /// <param name="n1">Members of the first group (at least 1).</param>
    /// <param name="n2">Members of the second group (at least 1).</param>
    /// <param name="alpha">The significance level, in (0, 1).</param>
    /// <returns>The probability, 0..1, that the test rejects when the effect is true.</returns>
    public static double Power(double effect, double n1, double n2, double alpha = 0.05)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n1, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(n2, 1);
        double z = ExperimentMath.Quantile(1 - alpha / 2);
        double shift = Math.Abs(effect) * Math.Sqrt(n1 * n2 / (n1 + n2));
        return ExperimentMath.Phi(shift - z) + ExperimentMath.Phi(-shift - z);
    }

    /// <summary>The power to detect a change of a conversion rate from <paramref name="baseline"/> to <paramref name="treated"/>.</summary>
    /// <param name="baseline">The holdout's conversion rate, 0..1.</param>
    /// <param name="treated">The treated arm's conversion rate, 0..1.</param>
    /// <param name="treatedCount">Treated members.</param>
    /// <param name="holdoutCount">Holdout members.</param>
    /// <param name="alpha">The significance level.</param>
    public static double PowerForRates(double baseline, double treated, double treatedCount, double holdoutCount, double alpha = 0.05) =>
        Power(ExperimentMath.CohensH(treated, baseline), treatedCount, holdoutCount, alpha);

    /// <summary>The smallest standardized effect detected with the given power (two-sided).</summary>
    /// <param name="n1">Members of the first group.</param>
    /// <param name="n2">Members of the second group.</param>
    /// <param name="power">The power, e.g. 0.8.</param>
    /// <param name="alpha">The significance level.</param>
    public static double MinimumDetectableEffect(double n1, double n2, double power = 0.8, double alpha = 0.05)
    {
        double lo = 0, hi = 10;
        for (int i = 0; i < 200; i++)
        {
            double mid = (lo + hi) / 2;
            if (Power(mid, n1, n2, alpha) < power)
            {
                lo = mid;
            }
            else
            {
                hi = mid;
            }
        }

        return hi;
    }

    /// <summary>
    /// The smallest absolute lift in conversion rate (percentage points as a fraction) over a baseline that the
    /// experiment detects with the given power: the arcsine MDE mapped back to rates.
    /// </summary>
    /// <param name="baseline">The holdout's conversion rate, 0..1.</param>
    /// <param name="treatedCount">Treated members.</param>
    /// <param name="holdoutCount">Holdout members.</param>
    /// <param name="power">The power, e.g. 0.8.</param>
    /// <param name="alpha">The significance level.</param>
    public static double MinimumDetectableLift(double baseline, double treatedCount, double holdoutCount, double power = 0.8, double alpha = 0.05) =>
        ExperimentMath.FromCohensH(baseline, MinimumDetectableEffect(treatedCount, holdoutCount, power, alpha)) - baseline;
}
