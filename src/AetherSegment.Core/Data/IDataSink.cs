using AetherSegment.DataModel;

namespace AetherSegment.Data;

/// <summary>
/// The destination of one bulk load of the data model (a fresh DuckDB file, a BigQuery dataset, CSV files): the
/// synthetic generator opens one <see cref="ITableWriter"/> per table, streams rows into all of them interleaved,
/// then calls <see cref="CompleteAsync"/>. Disposing a sink that was not completed abandons the load, so a failure
/// or cancellation never leaves a half-written data set in place.
/// </summary>
/// <remarks>A sink serves one load and one writing thread at a time; it is not thread-safe.</remarks>
public interface IDataSink : IAsyncDisposable
{
    /// <summary>A short name of the destination for logs and summaries (for example the database path).</summary>
    string Destination { get; }

    /// <summary>Creates the table (replacing any earlier content of this load) and opens a writer to it.</summary>
    /// <param name="table">A table of <see cref="DataSchema"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The writer; it belongs to the sink and lives until the sink completes or is disposed.</returns>
    /// <exception cref="DataStoreException">The store refused the table.</exception>
    ValueTask<ITableWriter> OpenTableAsync(TableDefinition table, CancellationToken cancellationToken = default);

    /// <summary>Flushes every writer and publishes the load atomically where the store allows it.</summary>
    /// <param name="cancellationToken">Cancels the call (the load is then abandoned).</param>
    /// <exception cref="DataStoreException">The store could not commit the load.</exception>
    ValueTask CompleteAsync(CancellationToken cancellationToken = default);
}
