namespace AetherSegment.Allocation;

/// <summary>An allocation over a segment of a store: the members, their plan, the profit-vs-budget curve.</summary>
/// <param name="CustomerIds">The members, in the order of <see cref="AllocationPlan.Assignment"/>.</param>
/// <param name="OrderValues">Each member's expected order value.</param>
/// <param name="Offers">The triggers' economics, in profile order.</param>
/// <param name="Plan">The plan.</param>
/// <param name="Curve">Profit against budget (under the same caps and minimum profit).</param>
/// <param name="Warnings">The plan's warnings and the store's (triggers without a model).</param>
internal sealed record AllocationRun(
    string[] CustomerIds,
    double[] OrderValues,
    TriggerOffer[] Offers,
    AllocationPlan Plan,
    IReadOnlyList<AllocationCurvePoint> Curve,
    IReadOnlyList<string> Warnings);
