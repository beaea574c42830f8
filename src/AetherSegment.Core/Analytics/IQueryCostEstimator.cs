using AetherSegment.Data;

namespace AetherSegment.Analytics;

/// <summary>
/// A store that can estimate a query's cost without running it (BigQuery's dry run). When the configured
/// <see cref="IDataStore"/> implements it, language-model SQL is dry-run first and refused above
/// <see cref="AnalyticsOptions.MaximumBytesProcessed"/>.
/// </summary>
public interface IQueryCostEstimator
{
    /// <summary>The bytes the statement would process.</summary>
    /// <param name="statement">The statement, in the store's dialect.</param>
    /// <param name="cancellationToken">Cancels the dry run.</param>
    /// <returns>The estimated bytes processed.</returns>
    Task<long> EstimateBytesProcessedAsync(SqlStatement statement, CancellationToken cancellationToken = default);
}
