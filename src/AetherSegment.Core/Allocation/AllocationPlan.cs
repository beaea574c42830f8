namespace AetherSegment.Allocation;

/// <summary>
/// The result of <see cref="TriggerAllocator.Allocate"/>: each member's trigger and the sums. The assignment is the
/// Lagrangian rule "the trigger with the highest profit - <see cref="Lambda"/> x spend - <see cref="Mu"/>[t], if above 0",
/// which <see cref="AllocationSql"/> writes as one SQL expression.
/// </summary>
internal sealed class AllocationPlan
{
    /// <summary>Per member: the assigned trigger's index in profile order, or -1 for none.</summary>
    public required int[] Assignment { get; init; }

    /// <summary>The price of one unit of budget (0 when the budget does not bind).</summary>
    public required double Lambda { get; init; }

    /// <summary>Per trigger: the price of one send against its cap (0 when the cap does not bind).</summary>
    public required double[] Mu { get; init; }

    /// <summary>The least expected profit per send the plan was made with.</summary>
    public required double MinimumProfitPerSend { get; init; }

    /// <summary>The budget, or null for none.</summary>
    public required double? Budget { get; init; }

    /// <summary>The budget spent.</summary>
    public required double Spend { get; init; }

    /// <summary>How many members get a trigger.</summary>
    public required int Members { get; init; }

    /// <summary>Expected incremental conversions in all.</summary>
    public required AllocationEstimate Conversions { get; init; }

    /// <summary>Expected incremental revenue in all.</summary>
    public required AllocationEstimate Revenue { get; init; }

    /// <summary>Expected incremental profit in all.</summary>
    public required AllocationEstimate Profit { get; init; }

    /// <summary>Per trigger, in profile order.</summary>
    public required IReadOnlyList<TriggerAllocation> Triggers { get; init; }

    /// <summary>What the caller should know: triggers that can never earn, an empty allocation and why, caps not met exactly.</summary>
    public required IReadOnlyList<string> Warnings { get; init; }
}
