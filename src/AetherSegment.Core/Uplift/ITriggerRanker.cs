using AetherSegment.Data;

namespace AetherSegment.Uplift;

/// <summary>
/// Ranks the triggers of the catalog for a segment by expected incremental conversions, with uplift models trained on
/// the store's campaign history.
/// </summary>
/// <remarks>Implementations are thread-safe.</remarks>
public interface ITriggerRanker
{
    /// <summary>Ranks every trigger for the members the query selects.</summary>
    /// <param name="members">A statement in the store's dialect whose rows' first column is <c>customer_id</c>, one row per member.</param>
    /// <param name="asOf">The instant the members' features are computed at: the segment's as-of, so features and segment
    /// windows share one clock; null for the data's as-of (the latest event, cart or purchase, as segments use by default).</param>
    /// <param name="cancellationToken">Cancels the ranking.</param>
    /// <returns>The suggestions, best first.</returns>
    Task<IReadOnlyList<TriggerSuggestion>> RankAsync(SqlStatement members, DateTimeOffset? asOf = null, CancellationToken cancellationToken = default);
}
