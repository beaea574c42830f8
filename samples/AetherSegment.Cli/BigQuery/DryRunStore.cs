using System.Runtime.CompilerServices;
using AetherSegment.BigQuery;
using AetherSegment.Data;

namespace AetherSegment.Cli.BigQuery;

/// <summary>
/// An <see cref="IDataStore"/> that dry-runs every statement the product sends it and records the cost under the call
/// being estimated, answering with the statement's columns and no rows: nothing runs, nothing is billed. The product
/// then carries on as over an empty data set, so each call issues the statements it always issues.
/// </summary>
/// <remarks>Used by one estimate at a time.</remarks>
internal sealed class DryRunStore(IBigQueryDryRun dryRun) : IDataStore
{
    private readonly List<(string Call, SqlStatement Statement, BigQueryQueryCost Cost)> _records = [];

    public SqlDialect Dialect => SqlDialect.BigQuery;

    /// <summary>The call the next statements belong to.</summary>
    public string Call { get; set; } = "";

    public IReadOnlyList<(string Call, SqlStatement Statement, BigQueryQueryCost Cost)> Records => _records;

    public async Task<BigQueryQueryCost> RecordAsync(SqlStatement statement, CancellationToken cancellationToken)
    {
        BigQueryQueryCost cost = await dryRun.DryRunAsync(statement, cancellationToken).ConfigureAwait(false);
        _records.Add((Call, statement, cost));
        return cost;
    }

    public async Task<QueryResult> QueryAsync(SqlStatement statement, CancellationToken cancellationToken = default)
    {
        BigQueryQueryCost cost = await RecordAsync(statement, cancellationToken).ConfigureAwait(false);
        return new QueryResult([.. cost.Columns], []);
    }

    public async IAsyncEnumerable<object?[]> StreamAsync(SqlStatement statement, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await RecordAsync(statement, cancellationToken).ConfigureAwait(false);
        yield break;
    }
}
