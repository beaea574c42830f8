using System.Globalization;

namespace AetherSegment.Experiments;

/// <summary>Designs an experiment from its numbers: power, MDE at 80%, the holdout share and size that would reach it. Thread-safe.</summary>
public static class ExperimentDesigner
{
    /// <summary>The power the design aims at.</summary>
    public const double TargetPower = 0.8;

    /// <summary>The two-sided significance level.</summary>
    public const double Alpha = 0.05;

    /// <summary>Designs an experiment.</summary>
    /// <param name="members">Members of the segment (at least 2).</param>
    /// <param name="holdoutShare">The holdout share, in (0, 0.5].</param>
    /// <param name="baselineRate">The expected holdout conversion rate, in [0, 1).</param>
    /// <param name="predictedUplift">The predicted absolute uplift in conversion rate.</param>
    /// <param name="dailySends">The trigger's sends per day in the history, or <see langword="null"/>.</param>
    /// <returns>The design; <see cref="ExperimentDesign.Statement"/> says plainly whether the campaign can detect its predicted effect.</returns>
    /// <exception cref="AetherSegmentInputException">A number is out of range.</exception>
    public static ExperimentDesign Design(long members, double holdoutShare, double baselineRate, double predictedUplift, double? dailySends = null)
    {
        HoldoutAssignment.Create(holdoutShare, "x", "holdout");
        if (members < 2)
        {
            throw new AetherSegmentInputException("members", "an experiment needs a segment of at least 2 members.");
        }

        if (!double.IsFinite(baselineRate) || baselineRate < 0 || baselineRate >= 1)
        {
            throw new AetherSegmentInputException("baseline", "baseline must be a conversion rate in [0, 1).");
        }

        if (!double.IsFinite(predictedUplift) || predictedUplift <= -1 || predictedUplift >= 1)
        {
            throw new AetherSegmentInputException("uplift", "uplift must be an absolute change in conversion rate in (-1, 1), e.g. 0.01 for one percentage point.");
        }

        double holdout = Math.Max(1, members * holdoutShare);
        double treated = Math.Max(1, members - holdout);
        double target = Math.Clamp(baselineRate + predictedUplift, 0, 1);
        double power = ExperimentPower.PowerForRates(baselineRate, target, treated, holdout, Alpha);
        double mde = ExperimentPower.MinimumDetectableLift(baselineRate, treated, holdout, TargetPower, Alpha);
        double? requiredShare = null;
        long? requiredMembers = null;
        if (predictedUplift > 0)
        {
            for (int permille = 1; permille <= 500; permille++)
            {
                double share = permille / 1000.0;
                double h = Math.Max(1, members * share);
                if (ExperimentPower.PowerForRates(baselineRate, target, Math.Max(1, members - h), h, Alpha) >= TargetPower)
                {
                    requiredShare = share;
                    break;
                }
            }

            double lo = 2, hi = 2;
            while (ExperimentPower.PowerForRates(baselineRate, target, hi * (1 - holdoutShare), Math.Max(1, hi * holdoutShare), Alpha) < TargetPower && hi < 1e13)
            {
                lo = hi;
                hi *= 2;
            }

            for (int i = 0; i < 100 && hi - lo > 0.5; i++)
            {
                double mid = (lo + hi) / 2;
                if (ExperimentPower.PowerForRates(baselineRate, target, mid * (1 - holdoutShare), Math.Max(1, mid * holdoutShare), Alpha) < TargetPower)
                {
                    lo = mid;
                }
                else
                {
                    hi = mid;
                }
            }

            requiredMembers = (long)Math.Ceiling(hi);
        }

        double? days = requiredMembers is { } need && dailySends is > 0 ? Math.Round(need / dailySends.Value, 1) : null;
        bool detectable = predictedUplift > 0 && power >= TargetPower;
        string statement = Explain(members, holdoutShare, predictedUplift, power, mde, requiredShare, requiredMembers, days, detectable);
        return new ExperimentDesign
        {
            Members = members,
            HoldoutShare = holdoutShare,
            Treated = (long)Math.Round(treated),
            Holdout = (long)Math.Round(holdout),
            BaselineRate = baselineRate,
            PredictedUplift = predictedUplift,
            Power = Math.Round(power, 4),
            MinimumDetectableLift = Math.Round(mde, 6),
            MinimumDetectableRelativeLift = baselineRate > 0 ? Math.Round(mde / baselineRate, 4) : null,
            RequiredHoldoutShare = requiredShare,
            RequiredMembers = requiredMembers,
            DailySends = dailySends is { } d ? Math.Round(d, 1) : null,
            RequiredDays = days,
            Detectable = detectable,
            Statement = statement,
        };
    }

    private static string Explain(long members, double share, double uplift, double power, double mde, double? requiredShare, long? requiredMembers, double? days, bool detectable)
    {
        CultureInfo c = CultureInfo.InvariantCulture;
        string mdeText = string.Create(c, $"the smallest lift it can detect with 80% power is {mde * 100:0.##} percentage points");
        if (uplift <= 0)
        {
            return string.Create(c, $"The predicted uplift is not positive, so there is no effect to detect; {mdeText}.");
        }

        if (detectable)
        {
            return string.Create(c, $"This campaign can detect its predicted uplift of {uplift * 100:0.##} points: power {power:P0} with a {share:P0} holdout of {members:N0} members; {mdeText}.");
        }

        string more = requiredShare is { } s
            ? string.Create(c, $" A {s:P1} holdout would reach 80% power.")
            : requiredMembers is { } n
                ? string.Create(c, $" No holdout share up to 50% is enough: it needs about {n:N0} members at a {share:P0} holdout") + (days is { } d ? string.Create(c, $" (about {d:0.#} days of sends at the history's volume).") : ".")
                : "";
        return string.Create(c, $"This campaign cannot detect its own predicted uplift of {uplift * 100:0.##} points: power is only {power:P0} with a {share:P0} holdout of {members:N0} members; {mdeText}.{more}");
    }
}
