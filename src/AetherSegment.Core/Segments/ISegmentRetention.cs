namespace AetherSegment.Segments;

/// <summary>Removes stored segments (their row and member snapshot) that a retention policy no longer keeps.</summary>
/// <remarks>Implementations are thread-safe.</remarks>
public interface ISegmentRetention
{
    /// <summary>Deletes the segments created before <paramref name="createdBefore"/> and all but the newest <paramref name="keepNewest"/>.</summary>
    /// <param name="createdBefore">Segments created earlier are deleted; <see langword="null"/> for no age limit.</param>
    /// <param name="keepNewest">How many of the newest segments survive, at least 0; <see langword="null"/> for no count limit.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>How many segments were deleted.</returns>
    /// <exception cref="AetherSegment.Data.DataStoreException">The store failed.</exception>
    Task<int> PruneAsync(DateTimeOffset? createdBefore, int? keepNewest, CancellationToken cancellationToken = default);
}
