namespace AetherSegment.Experiments;

/// <summary>
/// Always-valid monitoring of the difference in conversion rates: the mixture sequential probability ratio test (mSPRT)
/// with a normal mixing distribution N(0, tau^2) over the effect (Johari, Pekelis and Walsh, "Always valid inference",
/// 2017; Robbins 1970), on the plug-in normal approximation of the difference. Looking after every day keeps the chance
/// of a false positive under alpha; the matching confidence sequence covers the effect at every look at once.
/// Thread-safe.
/// </summary>
public static class SequentialMonitor
{
    /// <summary>The default mixing scale tau: an effect of 1 percentage point.</summary>
    public const double DefaultTau = 0.01;

    /// <summary>The mixture likelihood ratio at one look.</summary>
    /// <param name="difference">The observed difference (treated minus holdout).</param>
    /// <param name="variance">The variance of the difference.</param>
    /// <param name="tau">The mixing scale.</param>
    public static double LikelihoodRatio(double difference, double variance, double tau = DefaultTau)
    {
        if (!(variance > 0))
        {
            return 1;
        }

        double t2 = tau * tau;
        return Math.Sqrt(variance / (variance + t2)) * Math.Exp(difference * difference * t2 / (2 * variance * (variance + t2)));
    }

    /// <summary>The half-width of the always-valid (1 - alpha) confidence sequence at one look.</summary>
    /// <param name="variance">The variance of the difference.</param>
    /// <param name="alpha">The level.</param>
    /// <param name="tau">The mixing scale.</param>
    public static double HalfWidth(double variance, double alpha = 0.05, double tau = DefaultTau)
    {
        if (!(variance > 0))
        {
            return 0;
        }

        double t2 = tau * tau;
        return Math.Sqrt(variance * (variance + t2) / t2 * (2 * Math.Log(1 / alpha) + Math.Log((variance + t2) / variance)));
    }

    /// <summary>Monitors cumulative outcomes look by look.</summary>
    /// <param name="looks">The cumulative outcomes of both arms at each look (day 1, 2, ...).</param>
    /// <param name="alpha">The level.</param>
    /// <param name="tau">The mixing scale.</param>
    /// <returns>One point per look.</returns>
    public static IReadOnlyList<MonitorPoint> Monitor(IReadOnlyList<(ArmOutcome Treated, ArmOutcome Holdout)> looks, double alpha = 0.05, double tau = DefaultTau)
    {
        ArgumentNullException.ThrowIfNull(looks);
        List<MonitorPoint> points = new(looks.Count);
        double p = 1;
        double low = double.NegativeInfinity, high = double.PositiveInfinity;
        for (int i = 0; i < looks.Count; i++)
        {
            (ArmOutcome t, ArmOutcome c) = looks[i];
            (double diff, double variance) = Difference(t, c);
            p = Math.Min(p, 1 / LikelihoodRatio(diff, variance, tau));
            double half = HalfWidth(variance, alpha, tau);
            if (variance > 0)
            {
                // The running intersection: a confidence sequence stays valid when intersected over looks.
                low = Math.Max(low, diff - half);
                high = Math.Min(high, diff + half);
            }

            points.Add(new MonitorPoint
            {
                Day = i + 1,
                Lift = new Interval(diff, variance > 0 ? Math.Min(low, diff) : -1, variance > 0 ? Math.Max(high, diff) : 1),
                AlwaysValidPValue = p,
                Significant = p < alpha,
            });
        }

        return points;
    }

    /// <summary>Whether the monitor stops for an effect at any look (the always-valid p-value falls under alpha).</summary>
    /// <param name="looks">The cumulative outcomes at each look.</param>
    /// <param name="alpha">The level.</param>
    /// <param name="tau">The mixing scale.</param>
    public static bool RejectsAtAnyLook(IReadOnlyList<(ArmOutcome Treated, ArmOutcome Holdout)> looks, double alpha = 0.05, double tau = DefaultTau)
    {
        ArgumentNullException.ThrowIfNull(looks);
        foreach ((ArmOutcome t, ArmOutcome c) in looks)
        {
            (double diff, double variance) = Difference(t, c);
            if (LikelihoodRatio(diff, variance, tau) >= 1 / alpha)
            {
                return true;
            }
        }

        return false;
    }

    internal static (double Difference, double Variance) Difference(ArmOutcome treated, ArmOutcome holdout)
    {
        if (treated.Members == 0 || holdout.Members == 0)
        {
            return (0, 0);
        }

        double pt = treated.ConversionRate, pc = holdout.ConversionRate;
        return (pt - pc, pt * (1 - pt) / treated.Members + pc * (1 - pc) / holdout.Members);
    }
}
