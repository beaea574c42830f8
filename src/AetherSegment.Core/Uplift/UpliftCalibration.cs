namespace AetherSegment.Uplift;

/// <summary>
/// How far a trigger model's mean predicted uplift can be from the truth, measured on training rows the model did not
/// learn from (cross-fitted, held-out predictions). The rows are cut into <see cref="Bins"/> groups by held-out predicted
/// uplift; per group: the mean prediction, the observed uplift (treated minus control conversion rate) and its standard
/// error. A group's estimated error is its mean prediction minus its observed uplift. For a set of members scored by
/// the final model, each member falls in the group of its predicted uplift; with w the members' shares per group, the
/// error of their mean is estimated by b = sum w (prediction - observed) with sampling variance v = sum w^2 se^2, and
/// the interval is the mean prediction +- z sqrt(max(b^2, v) + var_sample + (o S)^2): a root-mean-square error that
/// counts a measured miscalibration fully and never less than the noise of measuring it. The last term is for members
/// outside the trigger's treated support (<see cref="TreatedSupport"/>), a share o of the members: the held-out groups
/// say nothing about them, so each of their predictions may be off by as much as uplift varies among the customers the
/// history did measure (S, <see cref="Spread"/>), in the same direction (docs/uplift.md, "Intervals and ties").
/// </summary>
/// <remarks>Immutable and thread-safe once built.</remarks>
internal sealed class UpliftCalibration
{
    /// <summary>How many groups of held-out predicted uplift (fewer when the rows are few).</summary>
    public const int Bins = 10;

    /// <summary>The normal quantile of a two-sided 90% interval.</summary>
    public const double Z90 = 1.6448536269514722;

    public UpliftCalibration(double[] upper, double[] predicted, double[] observed, double[] standardError)
    {
        Upper = upper;
        Predicted = predicted;
        Observed = observed;
        StandardError = standardError;
        double mean = observed.Average();
        double squares = 0;
        foreach (double o in observed)
        {
            squares += (o - mean) * (o - mean);
        }

        Spread = observed.Length > 1 ? Math.Sqrt(squares / (observed.Length - 1)) : 0;
    }

    /// <summary>Per group but the last: the largest held-out prediction in it (groups are contiguous ranges).</summary>
    public double[] Upper { get; }

    /// <summary>Per group: the mean held-out predicted uplift.</summary>
    public double[] Predicted { get; }

    /// <summary>Per group: the observed uplift, treated minus control conversion rate.</summary>
    public double[] Observed { get; }

    /// <summary>Per group: the standard error of <see cref="Observed"/>.</summary>
    public double[] StandardError { get; }

    /// <summary>
    /// How much uplift varies among the customers the history measured: the standard deviation of the groups' observed
    /// uplift. The error allowed for a prediction outside the treated support, where no group measured the model.
    /// </summary>
    public double Spread { get; }

    /// <summary>Builds the groups from held-out predictions of rows with their arm (1 treated, 0 control) and outcome; null when too few rows.</summary>
    public static UpliftCalibration? Build(double[] heldOut, int[] treated, float[] outcome)
    {
        int n = heldOut.Length;
        int bins = Math.Min(Bins, n / 400);
        if (bins < 1)
        {
            return null;
        }

        int[] order = new int[n];
        for (int i = 0; i < n; i++)
        {
            order[i] = i;
        }

        Array.Sort(order, (a, b) => heldOut[a] != heldOut[b] ? heldOut[a].CompareTo(heldOut[b]) : a.CompareTo(b));
        double[] upper = new double[bins - 1], predicted = new double[bins], observed = new double[bins], se = new double[bins];
        for (int g = 0; g < bins; g++)
        {
            int start = (int)((long)n * g / bins), end = (int)((long)n * (g + 1) / bins);
            double sum = 0, nt = 0, nc = 0, yt = 0, yc = 0;
            for (int i = start; i < end; i++)
            {
                int r = order[i];
                sum += heldOut[r];
                if (treated[r] == 1)
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

            if (nt < 2 || nc < 2)
            {
                return null;
            }

            double pt = yt / nt, pc = yc / nc;
            predicted[g] = sum / (end - start);
            observed[g] = pt - pc;
            // A rate of 0 or 1 in a small group would claim no noise: at least half a conversion per arm.
            double vt = Math.Max(pt * (1 - pt), 0.5 / nt), vc = Math.Max(pc * (1 - pc), 0.5 / nc);
            se[g] = Math.Sqrt((vt / nt) + (vc / nc));
            if (g < bins - 1)
            {
                upper[g] = heldOut[order[end - 1]];
            }
        }

        return new UpliftCalibration(upper, predicted, observed, se);
    }

    /// <summary>The group of a predicted uplift.</summary>
    public int GroupOf(double uplift)
    {
        int g = 0;
        while (g < Upper.Length && uplift > Upper[g])
        {
            g++;
        }

        return g;
    }

    /// <summary>
    /// The 90% interval of the mean uplift of members with these predictions: the mean prediction +- z times the
    /// estimated root-mean-square error of that mean (miscalibration of their groups, its measuring noise, when the
    /// predictions are a sample of <paramref name="members"/> the sampling error of their mean, and the share
    /// <paramref name="outsideShare"/> of them outside the treated support times <see cref="Spread"/>).
    /// </summary>
    public (double Low, double High) MeanInterval(ReadOnlySpan<double> uplift, long members, double outsideShare = 0, double z = Z90)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(outsideShare);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(outsideShare, 1);
        int n = uplift.Length;
        if (n == 0)
        {
            return (0, 0);
        }

        double[] count = new double[Predicted.Length];
        double sum = 0, squares = 0;
        foreach (double u in uplift)
        {
            count[GroupOf(u)]++;
            sum += u;
            squares += u * u;
        }

        double mean = sum / n;
        double bias = 0, noise = 0;
        for (int g = 0; g < count.Length; g++)
        {
            double w = count[g] / n;
            bias += w * (Predicted[g] - Observed[g]);
            noise += w * w * StandardError[g] * StandardError[g];
        }

        double sampling = 0;
        if (members > n && n > 1)
        {
            double variance = Math.Max(0, (squares - (n * mean * mean)) / (n - 1));
            sampling = variance / n * (1 - ((double)n / members));
        }

        double extrapolation = outsideShare * Spread;
        double half = z * Math.Sqrt(Math.Max(bias * bias, noise) + sampling + (extrapolation * extrapolation));
        return (mean - half, mean + half);
    }

    /// <summary>
    /// The 90% interval of the mean uplift of customers like one with this prediction (its group): the prediction +- z
    /// times the group's root-mean-square error (its miscalibration, never less than its measuring noise), and, for a
    /// customer <paramref name="outside"/> the treated support, <see cref="Spread"/> as well. An individual's own effect
    /// is not observable; this is the interval of the customers the model cannot tell apart.
    /// </summary>
    public (double Low, double High) MemberInterval(double uplift, bool outside = false, double z = Z90)
    {
        int g = GroupOf(uplift);
        double bias = Predicted[g] - Observed[g];
        double extrapolation = outside ? Spread : 0;
        double half = z * Math.Sqrt(Math.Max(bias * bias, StandardError[g] * StandardError[g]) + (extrapolation * extrapolation));
        return (uplift - half, uplift + half);
    }
}
