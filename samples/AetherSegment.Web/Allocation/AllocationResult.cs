using AetherSegment.Allocation;

namespace AetherSegment.Web.Allocation;

/// <summary>The answer of the allocation endpoints: one trigger (or none) per member under the budget, with the profit-vs-budget curve.</summary>
/// <param name="SegmentId">The stored segment, or null for an objective's eligible segment.</param>
/// <param name="Members">Members scored.</param>
/// <param name="Assigned">Members assigned a trigger.</param>
/// <param name="Budget">The budget, or null for none.</param>
/// <param name="Spend">What the plan spends.</param>
/// <param name="ExpectedIncrementalConversions">Expected incremental conversions with their interval.</param>
/// <param name="ExpectedIncrementalRevenue">Expected incremental revenue with its interval.</param>
/// <param name="ExpectedIncrementalProfit">Expected incremental profit with its interval.</param>
/// <param name="BudgetPrice">The budget's shadow price (lambda).</param>
/// <param name="Triggers">Per trigger, in profile order.</param>
/// <param name="ProfitCurve">Profit against budget under the same caps and minimum profit, from 0 to the unbounded plan's spend.</param>
/// <param name="Warnings">Warnings of the plan and the store.</param>
/// <param name="PolicyEvaluation">When asked for (<c>policy_evaluation: true</c>): the plan's value on held-out randomized history against the alternatives; else null.</param>
internal sealed record AllocationResult(string? SegmentId, int Members, int Assigned, double? Budget, double Spend,
    AllocationAmount ExpectedIncrementalConversions, AllocationAmount ExpectedIncrementalRevenue, AllocationAmount ExpectedIncrementalProfit,
    double BudgetPrice, IReadOnlyList<AllocationTrigger> Triggers, IReadOnlyList<AllocationCurveStep> ProfitCurve, IReadOnlyList<string> Warnings,
    AllocationPolicyEvaluation? PolicyEvaluation = null)
{
    /// <summary>The answer for a run, with its held-out policy evaluation when one was made.</summary>
    public static AllocationResult From(string? segmentId, AllocationRun run, HeldOutPolicyEvaluation.Result? evaluation = null)
    {
        AllocationPlan plan = run.Plan;
        return new AllocationResult(segmentId, run.CustomerIds.Length, plan.Members, plan.Budget, plan.Spend,
            AllocationAmount.From(plan.Conversions), AllocationAmount.From(plan.Revenue), AllocationAmount.From(plan.Profit), plan.Lambda,
            [.. plan.Triggers.Select((t, i) => new AllocationTrigger(t.Trigger, t.Members, AllocationAmount.From(t.Conversions), AllocationAmount.From(t.Revenue),
                AllocationAmount.From(t.Profit), t.Spend, plan.Mu[i]))],
            [.. run.Curve.Select(p => new AllocationCurveStep(p.Budget, p.Spend, p.Profit, p.Conversions, p.Members))],
            run.Warnings,
            evaluation is null ? null : AllocationPolicyEvaluation.From(evaluation));
    }
}

/// <summary>
/// The value of the plan estimated on held-out randomized campaign history (the customers the evaluation's models did
/// not learn from), against everyone getting the single best trigger, a random trigger and nobody; the same figures
/// as <c>aether allocate</c>'s <c>policy_evaluation</c>.
/// </summary>
/// <param name="HeldOutRows">Held-out history rows the policies were evaluated on.</param>
/// <param name="Budget">The budget applied per held-out member (the segment's budget per member), or null.</param>
/// <param name="Unit">What the values measure: expected incremental profit per member.</param>
/// <param name="Policies">Per policy: the share sent and its value, inverse propensity and doubly robust, with 95% intervals.</param>
/// <param name="ExcludedTriggers">Triggers left out (too few training rows or no held-out send).</param>
/// <param name="Reason">Why there are no policies, or null.</param>
internal sealed record AllocationPolicyEvaluation(int HeldOutRows, double? Budget, string Unit, IReadOnlyList<AllocationPolicyValue> Policies,
    IReadOnlyList<string> ExcludedTriggers, string? Reason)
{
    /// <summary>From Core's result.</summary>
    public static AllocationPolicyEvaluation From(HeldOutPolicyEvaluation.Result r) => new(r.HeldOutRows, r.Budget, "expected incremental profit per member",
        [.. r.Policies.Select(p => new AllocationPolicyValue(p.Policy, p.Sends, AllocationAmount.From(p.InversePropensity), AllocationAmount.From(p.DoublyRobust)))],
        r.Excluded, r.Reason);
}

/// <summary>One policy's held-out value.</summary>
/// <param name="Policy"><c>allocation</c>, <c>single_best:TRIGGER</c>, <c>random</c> or <c>nobody</c>.</param>
/// <param name="Sends">The share of held-out members it sends to.</param>
/// <param name="Ips">Inverse-propensity estimate with its 95% interval.</param>
/// <param name="DoublyRobust">Doubly robust estimate with its 95% interval.</param>
internal sealed record AllocationPolicyValue(string Policy, double Sends, AllocationAmount Ips, AllocationAmount DoublyRobust);

/// <summary>An expected amount with its interval (null bounds when the uplift has no interval).</summary>
/// <param name="Value">The estimate.</param>
/// <param name="Low">The lower bound, or null.</param>
/// <param name="High">The upper bound, or null.</param>
internal sealed record AllocationAmount(double Value, double? Low, double? High)
{
    /// <summary>From Core's estimate.</summary>
    public static AllocationAmount From(AllocationEstimate e) => new(e.Value, e.Low, e.High);
}

/// <summary>What one trigger gets.</summary>
/// <param name="Trigger">The trigger id.</param>
/// <param name="Members">Members assigned it.</param>
/// <param name="ExpectedIncrementalConversions">Expected incremental conversions.</param>
/// <param name="ExpectedIncrementalRevenue">Expected incremental revenue.</param>
/// <param name="ExpectedIncrementalProfit">Expected incremental profit.</param>
/// <param name="Spend">Budget spent on it.</param>
/// <param name="CapPrice">Its cap's shadow price (0 when the cap does not bind).</param>
internal sealed record AllocationTrigger(string Trigger, int Members, AllocationAmount ExpectedIncrementalConversions, AllocationAmount ExpectedIncrementalRevenue,
    AllocationAmount ExpectedIncrementalProfit, double Spend, double CapPrice);

/// <summary>One point of the profit-vs-budget curve.</summary>
/// <param name="Budget">The budget.</param>
/// <param name="Spend">What the plan at that budget spends.</param>
/// <param name="ExpectedIncrementalProfit">Its expected incremental profit.</param>
/// <param name="ExpectedIncrementalConversions">Its expected incremental conversions.</param>
/// <param name="Members">Members it sends to.</param>
internal sealed record AllocationCurveStep(double Budget, double Spend, double ExpectedIncrementalProfit, double ExpectedIncrementalConversions, int Members);
