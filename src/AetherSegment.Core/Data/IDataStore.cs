using System.Data.Common;

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

    /// <summary>
    /// Runs a read-only query and hands its open reader to <paramref name="read"/>, which reads typed values straight
    /// into its own arrays (<see cref="DbDataReader.GetDouble"/>, <see cref="DbDataReader.GetString"/>, ...) with no
    /// row of boxed values in between. The store disposes the reader when <paramref name="read"/> returns.
    /// </summary>
    /// <remarks>The default implementation reads <see cref="QueryAsync"/>'s rows through a <see cref="System.Data.DataTableReader"/>;
    /// stores that can stream (DuckDB) override it.</remarks>
    /// <typeparam name="TResult">What <paramref name="read"/> builds.</typeparam>
    /// <param name="statement">The statement, written in <see cref="Dialect"/>.</param>
    /// <param name="read">Reads the rows; it must not keep the reader.</param>
    /// <param name="cancellationToken">Cancels the query and is passed to <paramref name="read"/>.</param>
    /// <returns>What <paramref name="read"/> returned.</returns>
    /// <exception cref="DataStoreException">The store rejected the query or is unavailable.</exception>
    async Task<TResult> ReadAsync<TResult>(SqlStatement statement, Func<DbDataReader, CancellationToken, Task<TResult>> read, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(read);
        QueryResult result = await QueryAsync(statement, cancellationToken).ConfigureAwait(false);
        using DbDataReader reader = QueryResultReader.Create(result);
        return await read(reader, cancellationToken).ConfigureAwait(false);
    }
}
