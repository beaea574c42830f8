namespace AetherSegment.Allocation;

/// <summary>An expected amount with its interval (null bounds when the uplift has no interval).</summary>
/// <param name="Value">The point estimate.</param>
/// <param name="Low">The lower bound, or null.</param>
/// <param name="High">The upper bound, or null.</param>
internal sealed record AllocationEstimate(double Value, double? Low, double? High);
