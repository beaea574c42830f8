using System.Globalization;
using System.Text.Json.Nodes;
using AetherSegment.Analytics;
using AetherSegment.Data;
using AetherSegment.DependencyInjection;
using AetherSegment.DuckDB.Tests.Loading;
using AetherSegment.Profiles;
using AetherSegment.Synthetic.Profiles;

namespace AetherSegment.DuckDB.Tests.Analytics;

/// <summary>
/// The demo profile declares its orders' id unique per row (<c>id_unique</c>): order counts compile to row counts and
/// order-value thresholds to per-row predicates. On a generated database (one row per transaction) every answer equals
/// the answer of the same profile without the declaration (distinct ids, grouping by the id).
/// </summary>
public sealed class OrderGrainSqlTests : IAsyncLifetime
{
    private DuckDBDataStore _store = null!;
    private readonly SemanticLayer _declared = new(HomeFurnishingProfile.Load());
    private readonly SemanticLayer _undeclared = new(WithoutIdUnique());

    public async Task InitializeAsync() => (_store, _) = await GeneratedDatabase.CreateAsync(400, seed: 28);

    public Task DisposeAsync()
    {
        _store.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>The demo profile with <c>entities.orders.id_unique</c> taken out: the default reading, rows may be lines.</summary>
    internal static BusinessProfile WithoutIdUnique() => DemoProfileSql.Edited(json => json["entities"]!["orders"]!.AsObject().Remove("id_unique"));

    [Theory]
    [InlineData("how many orders over $100?")]
    [InlineData("how many orders between $100 and $300 in 2026")]
    [InlineData("revenue from orders over $1,000")]
    [InlineData("how many orders over $100 in Canada")]
    [InlineData("how many customers have at least 2 orders?")]
    [InlineData("customers with fewer than 3 orders")]
    [InlineData("orders by category")]
    [InlineData("orders by country this year")]
    [InlineData("average order value by category")]
    [InlineData("what share of orders are Sofas?")]
    [InlineData("revenue per order by country")]
    [InlineData("how many orders this month vs last month")]
    public async Task DeclaredGrain_CountsRows_AndAnswersAsTheDistinctForm(string question)
    {
        CompiledQuery declared = DemoProfileSql.Compile(question, _declared);
        CompiledQuery undeclared = DemoProfileSql.Compile(question, _undeclared);

        Assert.DoesNotContain("DISTINCT t.transaction_id", declared.Statement.Sql, StringComparison.Ordinal);
        Assert.DoesNotContain("GROUP BY t.transaction_id", declared.Statement.Sql, StringComparison.Ordinal);
        Assert.Contains("transaction_id", undeclared.Statement.Sql, StringComparison.Ordinal);
        Assert.NotEqual(undeclared.Statement.Sql, declared.Statement.Sql);

        QueryResult expected = await _store.QueryAsync(undeclared.Statement);
        QueryResult actual = await _store.QueryAsync(declared.Statement);

        Assert.True(expected.Rows.Any(r => r.Any(v => v is long or int or double or decimal && Convert.ToDouble(v, CultureInfo.InvariantCulture) != 0)),
            $"\"{question}\" answers nothing on the data; it does not test the grain");
        Assert.Equal(expected.Columns, actual.Columns);
        Assert.Equal(DemoProfileSql.Render(expected), DemoProfileSql.Render(actual));
    }
}
