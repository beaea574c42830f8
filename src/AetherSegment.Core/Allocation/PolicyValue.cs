namespace AetherSegment.Allocation;

/// <summary>
/// A policy's value on held-out randomized history: the expected incremental profit per member against sending
/// nothing, estimated by inverse propensity weighting and doubly robust, each with a 95% interval.
/// </summary>
/// <param name="Policy">The policy's name.</param>
/// <param name="Sends">The expected share of members sent a trigger.</param>
/// <param name="InversePropensity">The inverse-propensity estimate per member.</param>
/// <param name="DoublyRobust">The doubly robust estimate per member.</param>
internal sealed record PolicyValue(string Policy, double Sends, AllocationEstimate InversePropensity, AllocationEstimate DoublyRobust);
