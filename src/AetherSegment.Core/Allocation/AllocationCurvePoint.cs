namespace AetherSegment.Allocation;

/// <summary>One point of the profit-vs-budget curve.</summary>
/// <param name="Budget">The budget.</param>
/// <param name="Spend">What the allocation at that budget spends.</param>
/// <param name="Profit">Its expected incremental profit.</param>
/// <param name="Conversions">Its expected incremental conversions.</param>
/// <param name="Members">How many members it sends to.</param>
internal sealed record AllocationCurvePoint(double Budget, double Spend, double Profit, double Conversions, int Members);
