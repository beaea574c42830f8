using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using AetherSegment.Analytics;
using AetherSegment.Data;
using AetherSegment.DuckDB.Tests.Loading;
using AetherSegment.Profiles;
using AetherSegment.Synthetic.Profiles;
using AetherSegment.Tests;

namespace AetherSegment.DuckDB.Tests.Analytics;

/// <summary>
/// The demo profile declares its customers' id unique per row (<c>entities.customers.id_unique</c>): a count of
/// distinct buyers split by a customer attribute totals each buyer's orders first and counts rows. On a
/// generated database every such answer equals the answer of the same profile without the declaration (the plain join
/// with a distinct count), which keeps the plain SQL.
/// </summary>
public sealed class PerCustomerSqlTests : IAsyncLifetime
{
    private DuckDBDataStore _store = null!;
    private readonly SemanticLayer _declared = new(HomeFurnishingProfile.Load());
    private readonly SemanticLayer _undeclared = new(WithoutCustomersIdUnique());

    public async Task InitializeAsync() => (_store, _) = await GeneratedDatabase.CreateAsync(400, seed: 30);

    public Task DisposeAsync()
    {
        _store.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>The demo profile with <c>entities.customers.id_unique</c> taken out: a customer id may repeat.</summary>
    internal static BusinessProfile WithoutCustomersIdUnique() => DemoProfileSql.Edited(json => json["entities"]!["customers"]!.AsObject().Remove("id_unique"));

    [Theory]
    [InlineData("buyers by country")]
    [InlineData("top 3 cities by revenue per buyer")]
    [InlineData("revenue per buyer by country")]
    [InlineData("buyers by country in 2025")]
    [InlineData("buyers of sofas by country")]
    [InlineData("what share of buyers are in each country?")]
    [InlineData("countries with more than 20 buyers")]
    [InlineData("bottom 2 countries by buyers")]
    public async Task DeclaredUniqueCustomers_CountRowsPerBuyer_AndAnswerAsTheDistinctForm(string question)
    {
        CompiledQuery declared = DemoProfileSql.Compile(question, _declared);
        CompiledQuery undeclared = DemoProfileSql.Compile(question, _undeclared);

        Assert.Contains("per_customer_id", declared.Statement.Sql, StringComparison.Ordinal);
        Assert.DoesNotContain("COUNT(DISTINCT t.customer_id)", declared.Statement.Sql, StringComparison.Ordinal);
        Assert.Contains("COUNT(DISTINCT t.customer_id)", undeclared.Statement.Sql, StringComparison.Ordinal);
        Assert.DoesNotContain("per_customer_id", undeclared.Statement.Sql, StringComparison.Ordinal);

        await AssertSameAnswerAsync(question, declared, undeclared);
    }

    [Theory]
    [InlineData("revenue by city")]
    [InlineData("buyers in Canada")]
    [InlineData("buyers by city in the United States")]
    [InlineData("revenue per buyer")]
    [InlineData("buyers by category")]
    [InlineData("revenue per customer by country")]
    [InlineData("buyers this month vs last month")]
    public void OtherShapes_KeepThePlainSql(string question)
    {
        CompiledQuery declared = DemoProfileSql.Compile(question, _declared);

        // A count of customers over the customers table alone may still become a row count under the declaration.
        Assert.Equal(
            DemoProfileSql.Compile(question, _undeclared).Statement.Sql,
            declared.Statement.Sql.Replace("COUNT(*) AS customers", "COUNT(DISTINCT c.customer_id) AS customers", StringComparison.Ordinal));
        Assert.DoesNotContain("per_customer_id", declared.Statement.Sql, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EveryEvaluationQuestion_TheRewrittenOnesAnswerAsThePlainOnes_AndNoneWithoutTheDeclaration()
    {
        List<string> rewritten = [];
        int rowCounts = 0;
        foreach (string question in EvaluationQuestions())
        {
            if (DemoProfileSql.TryCompile(question, _declared, out _) is not { } declared || DemoProfileSql.TryCompile(question, _undeclared, out _) is not { } undeclared)
            {
                continue;
            }

            Assert.DoesNotContain("per_customer_id", undeclared.Statement.Sql, StringComparison.Ordinal);
            if (declared.Statement.Sql == undeclared.Statement.Sql)
            {
                continue;
            }

            // The per-buyer totals, or a count of customers over the customers table as a row count: same answers.
            bool perBuyer = declared.Statement.Sql.Contains("per_customer_id", StringComparison.Ordinal);
            await AssertSameAnswerAsync(question, declared, undeclared, nonZero: perBuyer);
            if (perBuyer)
            {
                rewritten.Add(question);
            }
            else
            {
                Assert.Contains("COUNT(*) AS customers", declared.Statement.Sql, StringComparison.Ordinal);
                rowCounts++;
            }
        }

        // The two of the sets with this shape; the theory above covers the other forms (order filters, shares, HAVING, time).
        Assert.True(rewritten.Count >= 2, $"only {rewritten.Count} evaluation questions were rewritten: {string.Join("; ", rewritten)}");
        Assert.Contains("top 3 cities by revenue per buyer", rewritten);
        Assert.Contains("buyers by country", rewritten);
        Assert.True(rowCounts >= 20, $"only {rowCounts} customer counts became row counts");
    }

    private async Task AssertSameAnswerAsync(string question, CompiledQuery declared, CompiledQuery undeclared, bool nonZero = true)
    {
        QueryResult expected = await _store.QueryAsync(undeclared.Statement);
        QueryResult actual = await _store.QueryAsync(declared.Statement);

        Assert.True(!nonZero || expected.Rows.Any(r => r.Any(v => v is long or int or double or decimal && Convert.ToDouble(v, CultureInfo.InvariantCulture) != 0)),
            $"\"{question}\" answers nothing on the data; it does not test the rewrite");
        Assert.Equal(expected.Columns, actual.Columns);
        Assert.Equal(DemoProfileSql.Render(expected), DemoProfileSql.Render(actual));
    }

    private static IEnumerable<string> EvaluationQuestions()
    {
        string folder = Path.Combine(TestPaths.RepositoryRoot, "tests", "AetherSegment.Cli.Tests", "Analytics", "Eval");
        foreach (string file in (string[])["ask-eval.home-furnishing.jsonl", "ask-heldout.home-furnishing.jsonl"])
        {
            foreach (string line in File.ReadLines(Path.Combine(folder, file)).Where(l => l.Trim().Length > 0))
            {
                using JsonDocument document = JsonDocument.Parse(line);
                yield return document.RootElement.GetProperty("question").GetString()!;
            }
        }
    }
}
