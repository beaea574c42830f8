using AetherSegment.Uplift;

namespace AetherSegment.Core.Tests.Uplift;

/// <summary>
/// The threshold the compiled SQL compares a DOUBLE column with: for every double x, <c>x &lt;= DoubleBound(f)</c>
/// exactly when <c>(float)x &lt;= f</c>, the test the in-process scorer makes.
/// </summary>
public sealed class UpliftSqlThresholdTests
{
    [Fact]
    public void DoubleBound_IsTheLargestDoubleWhoseFloatIsAtMostTheThreshold_ForRandomAndEdgeFloats()
    {
        Random random = new(5);
        List<float> floats = [0f, -0f, float.Epsilon, -float.Epsilon, 1f, -1f, 173.67f, float.MaxValue, -float.MaxValue, float.NegativeInfinity,
            1.17549435E-38f, 16777216f, 16777217f, -16777216f];
        for (int i = 0; i < 20_000; i++)
        {
            floats.Add(BitConverter.Int32BitsToSingle(random.Next(int.MinValue, int.MaxValue)));
        }

        foreach (float f in floats.Where(f => !float.IsNaN(f) && f != float.PositiveInfinity))
        {
            double bound = UpliftSql.DoubleBound(f);
            Assert.True(double.IsFinite(bound), $"{f:R}");
            Assert.True((float)bound <= f, $"{f:R}: (float){bound:R} = {(float)bound:R}");
            double above = Math.BitIncrement(bound);
            Assert.True((float)above > f, $"{f:R}: (float){above:R} = {(float)above:R}");
        }
    }
}
