using AetherSegment.Data;

namespace AetherSegment.Experiments;

/// <summary>
/// Runs the one write the learning loop makes: an <c>INSERT ... SELECT</c> of a measured campaign's treatment and
/// control rows into the profile's campaign-send table (<see cref="ExperimentService.FeedBackAsync"/>), in one commit.
/// A store package registers it where the store can be written (the embedded DuckDB store).
/// </summary>
/// <remarks>Implementations are thread-safe.</remarks>
public interface ICampaignHistoryWriter
{
    /// <summary>Runs a parameterized insert in one commit.</summary>
    /// <param name="insert">The statement, in the store's dialect.</param>
    /// <param name="cancellationToken">Cancels the write before it commits.</param>
    /// <returns>The number of rows inserted.</returns>
    /// <exception cref="DataStoreException">The store refused the write.</exception>
    Task<long> InsertAsync(SqlStatement insert, CancellationToken cancellationToken = default);
}
