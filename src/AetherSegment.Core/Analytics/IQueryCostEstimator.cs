using AetherSegment.Data;

namespace AetherSegment.Analytics;

/// <summary>
/// A store that can check a query without running it (BigQuery's dry run). When the configured
/// <see cref="IDataStore"/> implements it (and no <see cref="IAnalyticsSqlSandbox"/> is registered), language-model SQL
/// is dry-run first and refused when it references a table other than the analytics tables or would process more than
/// <see cref="AnalyticsOptions.MaximumBytesProcessed"/>.
/// </summary>
public interface IQueryCostEstimator
{
    /// <summary>Dry-runs the statement.</summary>
    /// <param name="statement">The statement, in the store's dialect.</param>
    /// <param name="cancellationToken">Cancels the dry run.</param>
    /// <returns>The bytes it would process and the tables it references.</returns>
    /// <exception cref="DataStoreException">The store rejected the statement.</exception>
    Task<QueryCostEstimate> EstimateAsync(SqlStatement statement, CancellationToken cancellationToken = default);
}
