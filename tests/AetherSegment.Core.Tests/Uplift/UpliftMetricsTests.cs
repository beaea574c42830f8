using AetherSegment.Uplift;

namespace AetherSegment.Core.Tests.Uplift;

/// <summary>The metrics against hand-computed values of sklift's definitions (checked with benchmarks/sklearn/sklift_metrics.py).</summary>
public sealed class UpliftMetricsTests
{
    private static readonly float[] Outcome = [1, 0, 1, 0, 1, 0];
    private static readonly int[] Treatment = [1, 1, 0, 0, 1, 0];
    private static readonly double[] Scores = [0.9, 0.8, 0.7, 0.6, 0.5, 0.4];

    [Fact]
    public void QiniCurve_SmallCase_MatchesHandComputedPoints()
    {
        UpliftCurve curve = UpliftMetrics.QiniCurve(Outcome, Scores, Treatment);

        Assert.Equal([0, 1, 2, 3, 4, 5, 6], curve.X);
        Assert.Equal([0, 1, 1, -1, 0, 0.5, 1], curve.Y);
        Assert.Equal(2.0, curve.Area(), 12);
    }

    [Fact]
    public void QiniCoefficient_SmallCase_IsActualMinusRandomOverPerfectMinusRandom()
    {
        // Perfect Qini curve: (0,0) (2,2) (5,2) (6,1), area 9.5; random line area 6 * 1 / 2 = 3; actual area 2.
        double qini = UpliftMetrics.QiniCoefficient(Outcome, Scores, Treatment);

        Assert.Equal((2.0 - 3.0) / (9.5 - 3.0), qini, 12);
    }

    [Fact]
    public void AuucScore_SmallCase_MatchesHandComputedValue()
    {
        // Uplift curve area 7/3; perfect curve (0,0) (2,2) (4,4) (5,10/3) (6,2) area 43/3; random 6 * 2 / 2 = 6.
        double auuc = UpliftMetrics.AuucScore(Outcome, Scores, Treatment);

        Assert.Equal(((7.0 / 3) - 6) / ((43.0 / 3) - 6), auuc, 12);
    }

    [Fact]
    public void UpliftAtK_Overall_TakesFloorOfShareAndComparesRates()
    {
        // Top 3 rows: treated (1, 0), control (1): 0.5 - 1.
        Assert.Equal(-0.5, UpliftMetrics.UpliftAtK(Outcome, Scores, Treatment, 0.5), 12);
    }

    [Fact]
    public void QiniCurve_TiedPredictions_GiveOnePointPerDistinctValue()
    {
        double[] tied = [1, 1, 1, 0, 0, 0];

        UpliftCurve curve = UpliftMetrics.QiniCurve(Outcome, tied, Treatment);

        Assert.Equal([0, 3, 6], curve.X);
    }

    [Fact]
    public void QiniCoefficient_PerfectRanking_IsOne()
    {
        double[] perfect = new double[Outcome.Length];
        for (int i = 0; i < perfect.Length; i++)
        {
            perfect[i] = (Outcome[i] * Treatment[i]) - (Outcome[i] * (1 - Treatment[i]));
        }

        Assert.Equal(1.0, UpliftMetrics.QiniCoefficient(Outcome, perfect, Treatment), 12);
    }
}
