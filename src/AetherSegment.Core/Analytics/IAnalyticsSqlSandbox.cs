using AetherSegment.Data;

namespace AetherSegment.Analytics;

/// <summary>
/// Where language-model SQL runs on a store that can isolate it (the embedded DuckDB store): a separate read-only
/// engine over views without personal columns, with external access disabled and the configuration locked. It decides
/// what a statement reads with the engine's own parser (only listed relations, columns and functions; one SELECT) and
/// runs it under a row and a time budget. When a sandbox is registered the analytics service never runs model SQL on
/// the <see cref="IDataStore"/> itself.
/// </summary>
/// <remarks>Implementations are safe for concurrent use.</remarks>
public interface IAnalyticsSqlSandbox
{
    /// <summary>Checks a statement with the engine's parser against the allowed relations, columns and functions.</summary>
    /// <param name="sql">The statement as the model wrote it.</param>
    /// <param name="cancellationToken">Cancels the check.</param>
    /// <returns>The verdict, with the reason when refused.</returns>
    Task<SqlGuardVerdict> CheckAsync(string sql, CancellationToken cancellationToken = default);

    /// <summary>Checks a statement again and runs it in the sandbox.</summary>
    /// <param name="sql">The statement as the model wrote it.</param>
    /// <param name="maxRows">The most rows returned (at least 1); the statement is wrapped in a LIMIT of this size.</param>
    /// <param name="timeout">How long the statement may run before it is interrupted.</param>
    /// <param name="cancellationToken">Cancels (interrupts) the statement.</param>
    /// <returns>At most <paramref name="maxRows"/> rows.</returns>
    /// <exception cref="DataStoreException">The statement was refused, failed, exceeded a budget or timed out.</exception>
    Task<QueryResult> QueryAsync(string sql, int maxRows, TimeSpan timeout, CancellationToken cancellationToken = default);
}
