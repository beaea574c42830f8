using AetherSegment.Data;
using AetherSegment.Uplift;

namespace AetherSegment.Allocation;

/// <summary>
/// Allocates a segment of a store: every member scored by the ranker's trigger models, valued by their expected order
/// value (<see cref="OrderValueQuery"/>), then <see cref="TriggerAllocator"/>.
/// </summary>
internal sealed class StoreTriggerAllocator
{
    private readonly IDataStore _store;
    private readonly StoreTriggerRanker _ranker;

    /// <summary>Creates the allocator over the store's built-in ranker.</summary>
    /// <exception cref="InvalidOperationException">The ranker is not the built-in store ranker.</exception>
    public StoreTriggerAllocator(IDataStore store, ITriggerRanker ranker)
    {
        ArgumentNullException.ThrowIfNull(store);
        _store = store;
        _ranker = ranker as StoreTriggerRanker ?? throw new InvalidOperationException("The allocation needs the built-in trigger ranker (its per-member scores).");
    }

    /// <summary>Allocates the members of <paramref name="members"/> (its <c>customer_id</c> column).</summary>
    /// <param name="members">The segment's statement.</param>
    /// <param name="settings">Budget, caps, minimum profit.</param>
    /// <param name="curvePoints">Points of the profit-vs-budget curve (0 for none).</param>
    /// <param name="asOf">The features' as-of; null for the data's.</param>
    /// <param name="cancellationToken">Cancels the queries.</param>
    /// <exception cref="AetherSegmentInputException">A trigger without economics, bad settings, or a segment with no member.</exception>
    public async Task<AllocationRun> AllocateAsync(SqlStatement members, AllocationSettings settings, int curvePoints = 10, DateTimeOffset? asOf = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(members);
        ArgumentNullException.ThrowIfNull(settings);
        TriggerOffer[] offers = TriggerOffer.FromProfile(_ranker.Profile);
        settings.Validate(offers);
        (_, StoreTriggerRanker.TriggerModels models) = await _ranker.VersionedModelsAsync(cancellationToken).ConfigureAwait(false);
        DateTimeOffset anchor = asOf ?? await _ranker.DataAsOfAsync(cancellationToken).ConfigureAwait(false);
        StoreTriggerRanker.MemberUplift scored = await _ranker.ScoreAllAsync(models, members, anchor, cancellationToken).ConfigureAwait(false);
        if (scored.CustomerIds.Length == 0)
        {
            throw new AetherSegmentInputException("segment", "segment: the segment has no member among the store's customers, so there is nothing to allocate.");
        }

        double[] values = await OrderValuesAsync(members, scored.CustomerIds, cancellationToken).ConfigureAwait(false);
        List<string> warnings = [];
        for (int t = 0; t < offers.Length; t++)
        {
            if (models.Get(t) is null)
            {
                warnings.Add($"{offers[t].Id}: no uplift model (too little randomized campaign history), so it is never allocated.");
            }
        }

        AllocationProblem problem = new(offers, scored.Uplift, values);
        AllocationPlan plan = TriggerAllocator.Allocate(problem, settings);
        IReadOnlyList<AllocationCurvePoint> curve = curvePoints > 0 ? TriggerAllocator.Curve(problem, settings, curvePoints) : [];
        warnings.AddRange(plan.Warnings);
        return new AllocationRun(scored.CustomerIds, values, offers, plan, curve, warnings);
    }

    /// <summary>
    /// The value of <paramref name="run"/>'s allocation rule on held-out randomized history against the single best
    /// trigger for everyone, a random trigger and nobody (<see cref="HeldOutPolicyEvaluation"/>).
    /// </summary>
    public Task<HeldOutPolicyEvaluation.Result> EvaluatePoliciesAsync(AllocationRun run, AllocationSettings settings, TriggerRankingOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(options);
        return HeldOutPolicyEvaluation.EvaluateAsync(_store, _ranker.Profile, run.Offers, settings, run.CustomerIds.Length,
            options.Model ?? TriggerRankingOptions.DefaultModel, options.TrainingRowsPerArm, options.MinimumRowsPerArm, options.Seed, cancellationToken);
    }

    /// <summary>Each member's expected order value, aligned with <paramref name="customerIds"/>.</summary>
    internal Task<double[]> OrderValuesAsync(SqlStatement members, string[] customerIds, CancellationToken cancellationToken) =>
        OrderValueQuery.ReadAsync(_store, _ranker.Profile, members, customerIds, cancellationToken);
}
