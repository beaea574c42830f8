namespace AetherSegment.Data;

/// <summary>
/// A customer data store that answers read-only parameterized SQL in its own dialect: the embedded DuckDB store
/// or BigQuery. Everything heavy (segments, features, analytics) runs inside the store; callers receive only results.
/// </summary>
/// <remarks>Implementations are safe for concurrent use by many callers.</remarks>
public interface IDataStore
{
    /// <summary>The SQL dialect the store speaks.</summary>
    SqlDialect Dialect { get; }

    /// <summary>Runs a read-only query and returns all its rows.</summary>
    /// <param name="statement">The statement, written in <see cref="Dialect"/>.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>The result rows.</returns>
    /// <exception cref="DataStoreException">The store rejected the query or is unavailable.</exception>
    Task<QueryResult> QueryAsync(SqlStatement statement, CancellationToken cancellationToken = default);

    /// <summary>Runs a read-only query and streams its rows without materializing them all.</summary>
    /// <param name="statement">The statement, written in <see cref="Dialect"/>.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>The rows, each indexed like the select list.</returns>
    IAsyncEnumerable<object?[]> StreamAsync(SqlStatement statement, CancellationToken cancellationToken = default);
}
