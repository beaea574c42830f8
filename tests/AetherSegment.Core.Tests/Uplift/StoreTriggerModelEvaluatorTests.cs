using System.Globalization;
using AetherSegment.Uplift;

namespace AetherSegment.Core.Tests.Uplift;

/// <summary>Issue 14, plots: the hold-out of the trigger models' evaluation is a fixed, customer-level share.</summary>
public sealed class StoreTriggerModelEvaluatorTests
{
    [Fact]
    public void IsHeldOut_HoldsOutAboutThirtyPercentOfCustomers_TheSameOnEveryCall()
    {
        string[] ids = [.. Enumerable.Range(1, 20_000).Select(i => string.Create(CultureInfo.InvariantCulture, $"CUST-{i:D6}"))];
        bool[] first = [.. ids.Select(StoreTriggerModelEvaluator.IsHeldOut)];
        bool[] second = [.. ids.Select(StoreTriggerModelEvaluator.IsHeldOut)];

        Assert.Equal(first, second);
        double share = first.Count(h => h) / (double)ids.Length;
        Assert.InRange(share, StoreTriggerModelEvaluator.HoldoutShare - 0.02, StoreTriggerModelEvaluator.HoldoutShare + 0.02);
    }
}
