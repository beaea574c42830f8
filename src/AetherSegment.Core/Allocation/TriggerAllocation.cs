namespace AetherSegment.Allocation;

/// <summary>What one trigger gets in an allocation.</summary>
/// <param name="Trigger">The trigger id.</param>
/// <param name="Members">How many members are assigned the trigger.</param>
/// <param name="Conversions">Expected incremental conversions.</param>
/// <param name="Revenue">Expected incremental revenue (conversions x order value).</param>
/// <param name="Profit">Expected incremental profit (uplift x (value x margin - conversion cost) - send cost, summed).</param>
/// <param name="Spend">Budget spent: send costs plus incentives on the incremental conversions.</param>
internal sealed record TriggerAllocation(string Trigger, int Members, AllocationEstimate Conversions, AllocationEstimate Revenue, AllocationEstimate Profit, double Spend);
