namespace AetherSegment.Allocation;

/// <summary>
/// A Qini-like cost curve on held-out history: sending more (by predicted profit per unit spent, or the allocation at
/// rising budgets), the predicted spend against the doubly robust incremental profit per member.
/// </summary>
/// <param name="Name">A trigger id, or "allocation".</param>
/// <param name="Spend">Per point: the predicted spend per member.</param>
/// <param name="Profit">Per point: the doubly robust incremental profit per member.</param>
internal sealed record CostCurve(string Name, double[] Spend, double[] Profit);
