using System.Globalization;
using AetherSegment.Analytics;
using AetherSegment.Data;
using AetherSegment.DependencyInjection;
using AetherSegment.DuckDB.Tests.Loading;

namespace AetherSegment.DuckDB.Tests.Analytics;

/// <summary>
/// Thresholds on each order's total ("how many orders over $100") are compiled to one pass grouped by the order id;
/// on DuckDB they count what the earlier form counted (the ids IN the orders whose total passes, counted distinct),
/// on a generated database whose orders were made into order lines (an order's lines in two years; the loaded table
/// has no line without an id), with and without a period or a country.
/// </summary>
public sealed class RowThresholdSqlTests : IAsyncLifetime
{
    private DuckDBDataStore _store = null!;
    private SemanticLayer _layer = null!;

    public async Task InitializeAsync()
    {
        (_store, _) = await GeneratedDatabase.CreateAsync(400, seed: 27);
        await using (global::DuckDB.NET.Data.DuckDBConnection connection = await _store.OpenAsync())
        {
            foreach (string sql in new[]
            {
                // A second line for every third order, a year and a half earlier, so an order's lines fall in two periods.
                "INSERT INTO transactions SELECT transaction_id, customer_id, transaction_date - INTERVAL 540 DAY, category, product_type, product_name, quantity, order_value * 0.6 FROM transactions WHERE hash(transaction_id) % 3 = 0",
                // A cart id shared by two rows.
                "INSERT INTO abandoned_carts SELECT cart_id, customer_id, abandoned_at, cart_value * 0.5, item_count, items FROM abandoned_carts WHERE hash(cart_id) % 4 = 0",
            })
            {
                await using global::DuckDB.NET.Data.DuckDBCommand command = connection.CreateCommand();
                command.CommandText = sql;
                await command.ExecuteNonQueryAsync();
            }
        }

        // Rows are order lines here: the demo profile without its id_unique declaration.
        _layer = new SemanticLayer(OrderGrainSqlTests.WithoutIdUnique());
    }

    public Task DisposeAsync()
    {
        _store.Dispose();
        return Task.CompletedTask;
    }

    [Theory]
    [InlineData("how many orders over $100?", "COUNT(DISTINCT t.transaction_id)", "transactions", "transaction_id", "order_value", "> 100", "")]
    [InlineData("how many orders between $100 and $300", "COUNT(DISTINCT t.transaction_id)", "transactions", "transaction_id", "order_value", "BETWEEN 100 AND 300", "")]
    [InlineData("orders under $50", "COUNT(DISTINCT t.transaction_id)", "transactions", "transaction_id", "order_value", "< 50", "")]
    [InlineData("how many orders over $500 in 2026", "COUNT(DISTINCT t.transaction_id)", "transactions", "transaction_id", "order_value", "> 500", "t.transaction_date")]
    [InlineData("revenue from orders over $1,000", "SUM(t.order_value)", "transactions", "transaction_id", "order_value", "> 1000", "")]
    [InlineData("revenue from orders over $1,000 in 2026", "SUM(t.order_value)", "transactions", "transaction_id", "order_value", "> 1000", "t.transaction_date")]
    [InlineData("abandoned carts over $200", "COUNT(*)", "abandoned_carts", "cart_id", "cart_value", "> 200", "")]
    [InlineData("abandoned cart value of carts over $500", "SUM(t.cart_value)", "abandoned_carts", "cart_id", "cart_value", "> 500", "")]
    public async Task RowThreshold_GroupedForm_CountsWhatTheInFormCounted(string question, string measure, string table, string id, string value, string comparison, string time)
    {
        CompiledQuery compiled = Compile(question, out (DateTimeOffset Start, DateTimeOffset End)? range);
        string within = time.Length == 0 ? "" : $" AND {time} >= $start AND {time} < $end";
        string inForm = $"SELECT {measure} FROM {table} AS t WHERE t.{id} IN (SELECT {id} FROM {table} GROUP BY {id} HAVING SUM({value}) {comparison}){within}";

        double expected = await ScalarAsync(inForm, range);
        double actual = await ScalarAsync(compiled.Statement);

        Assert.DoesNotContain(" IN (", compiled.Statement.Sql, StringComparison.Ordinal);
        Assert.True(expected > 0, $"the truth of \"{question}\" is zero; the data does not test it");
        Assert.Equal(expected, actual, 6);
    }

    [Theory]
    [InlineData("how many orders over $100 in Canada", "")]
    [InlineData("how many orders over $300 in Canada in 2026", "t.transaction_date")]
    public async Task RowThreshold_WithACountry_CountsWhatTheInFormCounted(string question, string time)
    {
        CompiledQuery compiled = Compile(question, out (DateTimeOffset Start, DateTimeOffset End)? range);
        string within = time.Length == 0 ? "" : $" AND {time} >= $start AND {time} < $end";
        string threshold = question.Contains("$300", StringComparison.Ordinal) ? "300" : "100";
        string inForm = "SELECT COUNT(DISTINCT t.transaction_id) FROM transactions AS t JOIN customers AS c ON c.customer_id = t.customer_id " +
            $"WHERE c.country = 'Canada' AND t.transaction_id IN (SELECT transaction_id FROM transactions GROUP BY transaction_id HAVING SUM(order_value) > {threshold}){within}";

        double expected = await ScalarAsync(inForm, range);

        Assert.True(expected > 0, $"the truth of \"{question}\" is zero; the data does not test it");
        Assert.Equal(expected, await ScalarAsync(compiled.Statement), 6);
    }

    private CompiledQuery Compile(string question, out (DateTimeOffset Start, DateTimeOffset End)? range)
    {
        ParsedQuestion parsed = QuestionParser.Parse(question, _layer, null);
        AnalyticsQuery query = parsed.Query ?? throw new InvalidOperationException($"\"{question}\" was not read: {parsed.Reason}");
        range = query.Time?.Resolve(GeneratedDatabase.AsOf);
        AetherSegmentOptions thresholds = new() { HighValueThreshold = 0.7, LowValueThreshold = 0.4, ChurnRiskThreshold = 0.6 };
        return AnalyticsCompiler.Compile(query, _layer, SqlDialect.DuckDB, thresholds, range, 1000, out string? reason)
            ?? throw new InvalidOperationException($"\"{question}\" was not compiled: {reason}");
    }

    private Task<double> ScalarAsync(string sql, (DateTimeOffset Start, DateTimeOffset End)? range) =>
        ScalarAsync(new SqlStatement(sql, range is { } r && sql.Contains("$start", StringComparison.Ordinal) ? [QueryParameter.Timestamp("start", r.Start), QueryParameter.Timestamp("end", r.End)] : []));

    private async Task<double> ScalarAsync(SqlStatement statement) =>
        Convert.ToDouble((await _store.QueryAsync(statement)).Scalar() ?? 0d, CultureInfo.InvariantCulture);
}
