using AetherSegment.Analytics;
using AetherSegment.Data;
using AetherSegment.DuckDB.Tests.Loading;
using AetherSegment.Profiles;
using AetherSegment.Synthetic.Profiles;

namespace AetherSegment.DuckDB.Tests.Analytics;

/// <summary>
/// The demo profile declares one row per customer on its customers and its scores (<c>id_unique</c>): a comparison of
/// a customer's score ("churn probability over 0.7", "CLV score below 0.3") is a filter on the row, with no grouping by
/// customer. On a generated database every such answer equals the answer of the same profile without the declarations
/// (each customer's rows averaged, then compared).
/// </summary>
public sealed class OneRowPerCustomerSqlTests : IAsyncLifetime
{
    private DuckDBDataStore _store = null!;
    private readonly SemanticLayer _declared = new(HomeFurnishingProfile.Load());
    private readonly SemanticLayer _undeclared = new(DemoProfileSql.Edited(json =>
    {
        json["entities"]!["customers"]!.AsObject().Remove("id_unique");
        json["entities"]!["scores"]!.AsObject().Remove("id_unique");
    }));

    public async Task InitializeAsync() => (_store, _) = await GeneratedDatabase.CreateAsync(600, seed: 31);

    public Task DisposeAsync()
    {
        _store.Dispose();
        return Task.CompletedTask;
    }

    [Theory]
    [InlineData("customers with churn probability over 0.3")]
    [InlineData("how many customers in Canada have a churn probability over 0.5")]
    [InlineData("What fraction of customers have a churn probability above 0.5?")]
    [InlineData("customers with a clv score below 0.3")]
    [InlineData("number of customers whose clv score is between 0.5 and 0.6")]
    [InlineData("customers with discount sensitivity above 0.6")]
    [InlineData("customers with churn probability between 0.2 and 0.4 by country")]
    [InlineData("how many customers who bought sofas have a churn probability over 0.4")]
    public async Task ScoreComparisons_FilterTheRow_AndAnswerAsTheAveragedForm(string question)
    {
        CompiledQuery declared = DemoProfileSql.Compile(question, _declared);
        CompiledQuery undeclared = DemoProfileSql.Compile(question, _undeclared);

        Assert.Contains("HAVING AVG(", undeclared.Statement.Sql, StringComparison.Ordinal);
        Assert.DoesNotContain("HAVING AVG(", declared.Statement.Sql, StringComparison.Ordinal);
        QueryResult expected = await _store.QueryAsync(undeclared.Statement);
        QueryResult actual = await _store.QueryAsync(declared.Statement);
        Assert.True(expected.Rows.Count > 0 && expected.Rows[0].Any(v => v is long and > 0 or double and > 0), $"\"{question}\" answers nothing on the data");
        Assert.Equal(expected.Columns, actual.Columns);
        Assert.Equal(DemoProfileSql.Render(expected), DemoProfileSql.Render(actual));
    }

    [Fact]
    public void OnTheCustomersTable_TheComparisonIsOnTheOuterRow()
    {
        string sql = DemoProfileSql.Compile("customers with a clv score below 0.3", _declared).Statement.Sql;

        Assert.DoesNotContain(" IN (", sql, StringComparison.Ordinal);
        Assert.Contains("c.clv_score < $condition_0_value", sql, StringComparison.Ordinal);
    }
}
