using AetherSegment.Data;

namespace AetherSegment.Gemini.Tests.Analytics;

/// <summary>A data store driven by a delegate that records every statement it is asked to run.</summary>
internal sealed class FakeDataStore(Func<SqlStatement, QueryResult> answer) : IDataStore
{
    public List<SqlStatement> Statements { get; } = [];

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
