namespace AetherSegment.Experiments;

/// <summary>Counts per arm and per day of first conversion, turned into a report with the daily monitor.</summary>
internal sealed class DailyTally(int days)
{
    private readonly long[] _members = new long[2];
    private readonly double[] _revenue = new double[2];
    private readonly double[] _squares = new double[2];
    private readonly long[,] _conversionsByDay = new long[2, Math.Max(1, days)];
    private readonly long[,] _decileMembers = new long[2, MemberUpliftScores.DecileCount + 1];
    private readonly long[,] _decileConversions = new long[2, MemberUpliftScores.DecileCount + 1];
    private readonly double[] _decilePredicted = new double[MemberUpliftScores.DecileCount + 1];
    private bool _ranked;

    /// <summary>Adds members of one arm; <paramref name="decile"/> (1..10) and the sum of their predicted uplift when the segment was ranked.</summary>
    public void Add(bool holdout, int? day, long members, long conversions, double revenue, double revenueSquares, int decile = 0, double predictedSum = 0)
    {
        int arm = holdout ? 1 : 0;
        if (decile is >= 1 and <= MemberUpliftScores.DecileCount)
        {
            _ranked = true;
            _decileMembers[arm, decile] += members;
            _decileConversions[arm, decile] += conversions;
            _decilePredicted[decile] += predictedSum;
        }

        _members[arm] += members;
        _revenue[arm] += revenue;
        _squares[arm] += revenueSquares;
        if (day is { } d && conversions > 0)
        {
            _conversionsByDay[arm, Math.Clamp(d, 0, _conversionsByDay.GetLength(1) - 1)] += conversions;
        }
    }

    public ExperimentReport Analyze()
    {
        int days = _conversionsByDay.GetLength(1);
        List<(ArmOutcome, ArmOutcome)> looks = new(days);
        long t = 0, c = 0;
        for (int day = 0; day < days; day++)
        {
            t += _conversionsByDay[0, day];
            c += _conversionsByDay[1, day];
            looks.Add((new ArmOutcome(_members[0], t), new ArmOutcome(_members[1], c)));
        }

        ArmOutcome treated = new(_members[0], t, Math.Round(_revenue[0], 2), _squares[0]);
        ArmOutcome holdout = new(_members[1], c, Math.Round(_revenue[1], 2), _squares[1]);
        ExperimentReport report = ExperimentAnalyzer.Analyze(treated, holdout, looks);
        return _ranked ? report with { Calibration = Calibration() } : report;
    }

    /// <summary>Per decile with members in both arms: the mean predicted uplift and the observed lift with its Wald 95% interval.</summary>
    private List<CalibrationBin> Calibration()
    {
        List<CalibrationBin> bins = [];
        for (int d = 1; d <= MemberUpliftScores.DecileCount; d++)
        {
            long nt = _decileMembers[0, d], nc = _decileMembers[1, d];
            if (nt == 0 || nc == 0)
            {
                continue;
            }

            double pt = (double)_decileConversions[0, d] / nt, pc = (double)_decileConversions[1, d] / nc;
            double se = Math.Sqrt(pt * (1 - pt) / nt + pc * (1 - pc) / nc);
            double z = ExperimentMath.Z95;
            bins.Add(new CalibrationBin(d, nt + nc, _decilePredicted[d] / (nt + nc), new Interval(pt - pc, pt - pc - z * se, pt - pc + z * se)));
        }

        return bins;
    }
}
