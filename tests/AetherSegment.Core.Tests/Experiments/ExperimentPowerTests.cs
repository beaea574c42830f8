using AetherSegment.Experiments;

namespace AetherSegment.Core.Tests.Experiments;

/// <summary>
/// The power and MDE formulas against published values: R's pwr package as quoted in statsmodels'
/// statsmodels/stats/tests/test_power.py (test_normal_power_explicit, TestNormalIndPower1/2), and the textbook z
/// quantiles. None of the expected numbers is computed by this code.
/// </summary>
public sealed class ExperimentPowerTests
{
    [Fact]
    public void Power_MatchesRPwrAsQuotedByStatsmodels()
    {
        // statsmodels: NormalIndPower().power(0.3, nobs1=80, alpha=0.05) == 0.475100870572638 (R); ratio 1, two-sided.
        Assert.Equal(0.475100870572638, ExperimentPower.Power(0.3, 80, 80, 0.05), 9);

        // R: pwr.2p.test(h=0.01, n=80, sig.level=0.05, alternative="two.sided") == 0.05045832927039234 (sign ignored).
        Assert.Equal(0.05045832927039234, ExperimentPower.Power(-0.01, 80, 80, 0.05), 9);
    }

    [Fact]
    public void MinimumDetectableEffect_AtEightyPercent_MatchesTheTextbookSampleSize()
    {
        // Per-group n for d = 0.2, power 0.8, alpha 0.05 two-sided under the normal approximation:
        // 2 (1.959964 + 0.841621)^2 / 0.2^2 = 392.44 (statsmodels NormalIndPower.solve_power documents 392.443).
        Assert.Equal(0.2, ExperimentPower.MinimumDetectableEffect(392.443, 392.443, 0.8, 0.05), 3);
        Assert.Equal(0.8, ExperimentPower.Power(0.2, 392.443, 392.443, 0.05), 3);
    }

    [Fact]
    public void Design_SmallSegment_SaysPlainlyItCannotDetectItsOwnPredictedEffect()
    {
        ExperimentDesign design = ExperimentDesigner.Design(members: 2_000, holdoutShare: 0.1, baselineRate: 0.05, predictedUplift: 0.005);

        Assert.False(design.Detectable);
        Assert.StartsWith("This campaign cannot detect its own predicted uplift of 0.5 points", design.Statement, StringComparison.Ordinal);
        Assert.Null(design.RequiredHoldoutShare);
        Assert.True(design.RequiredMembers > 2_000);
        Assert.True(design.MinimumDetectableLift > 0.005);
        Assert.True(design.Power < 0.8);
    }

    [Fact]
    public void Design_LargeSegment_ReachesPowerAndFindsTheSmallestShare()
    {
        ExperimentDesign design = ExperimentDesigner.Design(members: 400_000, holdoutShare: 0.1, baselineRate: 0.05, predictedUplift: 0.005);

        Assert.True(design.Detectable);
        Assert.True(design.Power >= 0.8);
        Assert.NotNull(design.RequiredHoldoutShare);
        Assert.True(design.RequiredHoldoutShare <= 0.1);
        Assert.True(design.MinimumDetectableLift <= 0.005);
        // The required size at the chosen share is what reaches 80%: a segment of that size has power ~0.8.
        ExperimentDesign atRequired = ExperimentDesigner.Design(design.RequiredMembers!.Value, 0.1, 0.05, 0.005);
        Assert.InRange(atRequired.Power, 0.799, 0.802);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-0.1)]
    [InlineData(0.51)]
    [InlineData(double.NaN)]
    public void HoldoutShare_OutsideZeroToHalf_IsAnInputErrorNamingTheField(double share)
    {
        AetherSegmentInputException error = Assert.Throws<AetherSegmentInputException>(() => HoldoutAssignment.Create(share));
        Assert.StartsWith("holdout must be a share in (0, 0.5]", error.Message, StringComparison.Ordinal);
    }
}
