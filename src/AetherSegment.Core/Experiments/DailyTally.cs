namespace AetherSegment.Experiments;

/// <summary>Counts per arm and per day of first conversion, turned into a report with the daily monitor.</summary>
internal sealed class DailyTally(int days)
{
    private readonly long[] _members = new long[2];
    private readonly double[] _revenue = new double[2];
    private readonly double[] _squares = new double[2];
    private readonly long[,] _conversionsByDay = new long[2, Math.Max(1, days)];

    public void Add(bool holdout, int? day, long members, long conversions, double revenue, double revenueSquares)
    {
        int arm = holdout ? 1 : 0;
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
        return ExperimentAnalyzer.Analyze(treated, holdout, looks);
    }
}
