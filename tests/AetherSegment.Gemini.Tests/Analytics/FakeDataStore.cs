using AetherSegment.Analytics;
using AetherSegment.Data;

namespace AetherSegment.Gemini.Tests.Analytics;

/// <summary>
/// A data store driven by delegates that records every statement it is asked to run; it dry-runs like BigQuery
/// (by default: 0 bytes, reading the customers table).
/// </summary>
internal sealed class FakeDataStore(Func<SqlStatement, QueryResult> answer, Func<SqlStatement, QueryCostEstimate>? estimate = null) : IDataStore, IQueryCostEstimator
{
    public List<SqlStatement> Statements { get; } = [];

    public List<SqlStatement> DryRuns { get; } = [];

    public Task<QueryCostEstimate> EstimateAsync(SqlStatement statement, CancellationToken cancellationToken = default)
    {
        lock (DryRuns)
        {
            DryRuns.Add(statement);
        }

        return Task.FromResult(estimate?.Invoke(statement) ?? new QueryCostEstimate(0, ["customers"]));
    }

    public SqlDialect Dialect => SqlDialect.DuckDB;

    public Task<QueryResult> QueryAsync(SqlStatement statement, CancellationToken cancellationToken = default)
    {
        lock (Statements)
        {
            Statements.Add(statement);
        }

        return Task.FromResult(answer(statement));
    }

    public async IAsyncEnumerable<object?[]> StreamAsync(SqlStatement statement, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        QueryResult result = await QueryAsync(statement, cancellationToken);
        foreach (object?[] row in result.Rows)
        {
            yield return row;
        }
    }
}
