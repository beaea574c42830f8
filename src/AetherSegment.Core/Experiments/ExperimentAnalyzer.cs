using System.Globalization;

namespace AetherSegment.Experiments;

/// <summary>Computes an experiment report from the two arms' outcomes. Thread-safe.</summary>
public static class ExperimentAnalyzer
{
    /// <summary>Analyzes the outcomes of a campaign.</summary>
    /// <param name="treated">The treated arm.</param>
    /// <param name="holdout">The holdout arm.</param>
    /// <param name="daily">Cumulative outcomes of both arms at the end of each day, or <see langword="null"/>; the last look is the final outcome when absent.</param>
    /// <param name="tau">The mSPRT mixing scale (<see cref="SequentialMonitor.DefaultTau"/>).</param>
    /// <returns>The report with 95% intervals, p-values and the always-valid monitor.</returns>
    /// <exception cref="AetherSegmentInputException">An arm is empty or has more conversions than members.</exception>
    public static ExperimentReport Analyze(ArmOutcome treated, ArmOutcome holdout, IReadOnlyList<(ArmOutcome Treated, ArmOutcome Holdout)>? daily = null, double tau = SequentialMonitor.DefaultTau)
    {
        ArgumentNullException.ThrowIfNull(treated);
        ArgumentNullException.ThrowIfNull(holdout);
        foreach ((string name, ArmOutcome arm) in new[] { ("treated", treated), ("holdout", holdout) })
        {
            if (arm.Members <= 0)
            {
                throw new AetherSegmentInputException(name, $"the {name} arm has no members: results need members in both arms.");
            }

            if (arm.Conversions < 0 || arm.Conversions > arm.Members)
            {
                throw new AetherSegmentInputException(name, $"the {name} arm has {arm.Conversions} conversions for {arm.Members} members.");
            }
        }

        const double z = 1.959963984540054;
        double nt = treated.Members, nc = holdout.Members;
        double pt = treated.ConversionRate, pc = holdout.ConversionRate;
        double diff = pt - pc;
        double se = Math.Sqrt(pt * (1 - pt) / nt + pc * (1 - pc) / nc);
        Interval absolute = new(diff, diff - z * se, diff + z * se);

        Interval? relative = null;
        if (treated.Conversions > 0 && holdout.Conversions > 0)
        {
            double log = Math.Log(pt / pc);
            double seLog = Math.Sqrt((1 - pt) / treated.Conversions + (1 - pc) / holdout.Conversions);
            relative = new Interval(pt / pc - 1, Math.Exp(log - z * seLog) - 1, Math.Exp(log + z * seLog) - 1);
        }

        double pooled = (treated.Conversions + holdout.Conversions) / (nt + nc);
        double sePooled = Math.Sqrt(pooled * (1 - pooled) * (1 / nt + 1 / nc));
        double pValue = sePooled > 0 ? 2 * ExperimentMath.Phi(-Math.Abs(diff) / sePooled) : 1;

        double mt = treated.Revenue / nt, mc = holdout.Revenue / nc;
        double vt = nt > 1 ? Math.Max(0, (treated.RevenueSquares - nt * mt * mt) / (nt - 1)) : 0;
        double vc = nc > 1 ? Math.Max(0, (holdout.RevenueSquares - nc * mc * mc) / (nc - 1)) : 0;
        double seRevenue = Math.Sqrt(vt / nt + vc / nc);
        double perMember = mt - mc;

        IReadOnlyList<(ArmOutcome, ArmOutcome)> looks = daily is { Count: > 0 } ? daily : [(treated, holdout)];
        IReadOnlyList<MonitorPoint> monitor = SequentialMonitor.Monitor(looks, 0.05, tau);
        MonitorPoint last = monitor[^1];
        CultureInfo c = CultureInfo.InvariantCulture;
        string statement = last.Significant
            ? string.Create(c, $"The campaign changed conversion by {diff * 100:+0.##;-0.##} points ({absolute.Low * 100:0.##} to {absolute.High * 100:0.##}); the always-valid test confirms it (p = {last.AlwaysValidPValue:0.####}).")
            : pValue < 0.05
                ? string.Create(c, $"Lift {diff * 100:+0.##;-0.##} points is significant for one look at the end (p = {pValue:0.####}) but not yet under daily monitoring (always-valid p = {last.AlwaysValidPValue:0.####}); keep the holdout longer.")
                : string.Create(c, $"No detectable effect yet: lift {diff * 100:+0.##;-0.##} points, 95% interval {absolute.Low * 100:0.##} to {absolute.High * 100:0.##} (p = {pValue:0.####}).");
        return new ExperimentReport
        {
            Treated = treated,
            Holdout = holdout,
            AbsoluteLift = absolute,
            RelativeLift = relative,
            IncrementalConversions = new Interval(diff * nt, absolute.Low * nt, absolute.High * nt),
            IncrementalRevenue = new Interval(perMember * nt, (perMember - z * seRevenue) * nt, (perMember + z * seRevenue) * nt),
            PValue = pValue,
            AlwaysValidPValue = last.AlwaysValidPValue,
            AlwaysValidLift = last.Lift,
            Daily = daily is { Count: > 0 } ? monitor : [],
            Statement = statement,
        };
    }
}
