using AetherSegment.Data;

namespace AetherSegment.BigQuery;

/// <summary>Dry-runs statements on the configured BigQuery dataset: nothing runs and nothing is billed.</summary>
/// <remarks>Implementations are thread-safe.</remarks>
public interface IBigQueryDryRun
{
    /// <summary>What the statement would process and be billed, without running it or applying the cost guard.</summary>
    /// <param name="statement">A GoogleSQL statement with named parameters.</param>
    /// <param name="cancellationToken">Cancels the dry run.</param>
    /// <returns>The cost BigQuery's dry run reports.</returns>
    /// <exception cref="AetherSegment.Data.DataStoreException">BigQuery refused the statement (invalid SQL, missing table, no access).</exception>
    Task<BigQueryQueryCost> DryRunAsync(SqlStatement statement, CancellationToken cancellationToken = default);
}
