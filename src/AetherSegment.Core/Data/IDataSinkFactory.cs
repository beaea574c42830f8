namespace AetherSegment.Data;

/// <summary>
/// Creates <see cref="IDataSink"/>s over the configured store, so a host can load generated data without knowing
/// which store is configured. Each store package registers one (DuckDB: a fresh database file; BigQuery: the
/// configured dataset).
/// </summary>
/// <remarks>Implementations are thread-safe; each sink they create serves one load.</remarks>
public interface IDataSinkFactory
{
    /// <summary>Whether the configured store already holds a data set (for example the database file exists).</summary>
    /// <param name="cancellationToken">Cancels the check.</param>
    ValueTask<bool> ExistsAsync(CancellationToken cancellationToken = default);

    /// <summary>Creates a sink that loads a fresh data set into the configured store.</summary>
    /// <param name="replaceExisting">Whether an existing data set may be replaced once the load completes.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A sink the caller completes and disposes.</returns>
    /// <exception cref="AetherSegmentInputException">A data set exists and <paramref name="replaceExisting"/> is false
    /// (the message says to pass <c>--force</c>), or the destination is not writable.</exception>
    /// <exception cref="DataStoreException">The store is unavailable or locked.</exception>
    ValueTask<IDataSink> CreateAsync(bool replaceExisting, CancellationToken cancellationToken = default);
}
