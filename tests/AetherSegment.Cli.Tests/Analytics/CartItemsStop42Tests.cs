using System.Globalization;
using AetherSegment.Analytics;

namespace AetherSegment.Cli.Tests.Analytics;

/// <summary>
/// Issue 17, stop 42 (ask36): what the abandoned carts contain, said many ways, each recounted in hand-written SQL over
/// the carts' items JSON (DuckDB's from_json, not the compiled json_extract): the item lines per category or product
/// type (each line once), the carts containing a product type (each cart once, however many of its lines match), the
/// units (quantities summed) and the items' value (price x quantity), with a time range, a top N and a customer
/// attribute. A count that could be either the item lines or the carts is declined with both readings.
/// </summary>
public sealed class CartItemsStop42Tests(CartItemsDatabase database) : IClassFixture<CartItemsDatabase>
{
    private const string Items = "(SELECT a.cart_id, a.customer_id, a.abandoned_at, it.* FROM abandoned_carts a, unnest(from_json(a.items, '[{\"category\":\"VARCHAR\",\"product_type\":\"VARCHAR\",\"product_name\":\"VARCHAR\",\"price\":\"DOUBLE\",\"quantity\":\"BIGINT\"}]')) AS u(it))";
    private const string LastSevenDays = "abandoned_at >= TIMESTAMP '2026-11-13 12:00:00' AND abandoned_at <= TIMESTAMP '2026-11-20 12:00:00'";

    [Theory]
    [InlineData("Which 3 categories show up most often among the items in abandoned carts (count each cart item)?", "SELECT category, count(*) FROM " + Items + " GROUP BY 1")]
    [InlineData("Which categories show up most in abandoned carts? top 3 by number of cart items", "SELECT category, count(*) FROM " + Items + " GROUP BY 1")]
    [InlineData("Looking inside the carts abandoned over the last 7 days, which 3 categories show up most often as items (count each item line once)?", "SELECT category, count(*) FROM " + Items + " WHERE " + LastSevenDays + " GROUP BY 1")]
    [InlineData("number of cart items by product type in the last 7 days", "SELECT product_type, count(*) FROM " + Items + " WHERE " + LastSevenDays + " GROUP BY 1")]
    [InlineData("Which 2 product types appear in the most abandoned carts?", "SELECT product_type, count(DISTINCT cart_id) FROM " + Items + " GROUP BY 1")]
    [InlineData("how many abandoned carts contain each category?", "SELECT category, count(DISTINCT cart_id) FROM " + Items + " GROUP BY 1")]
    [InlineData("Abandoned cart value by category of the items (price x quantity)", "SELECT category, sum(price * quantity) FROM " + Items + " GROUP BY 1")]
    [InlineData("value of the items in abandoned carts by product type", "SELECT product_type, sum(price * quantity) FROM " + Items + " GROUP BY 1")]
    [InlineData("Units left in abandoned carts by product type", "SELECT product_type, sum(quantity) FROM " + Items + " GROUP BY 1")]
    [InlineData("units sitting in abandoned carts per category over the last 7 days", "SELECT category, sum(quantity) FROM " + Items + " WHERE " + LastSevenDays + " GROUP BY 1")]
    [InlineData("top 2 product names by number of items in abandoned carts", "SELECT product_name, count(*) FROM " + Items + " GROUP BY 1")]
    public async Task EachGroup_IsTheHandWrittenCountOverTheItems(string question, string truth)
    {
        AnalyticsAnswer answer = await RuleAnswers.AskAsync(database.Path, question);

        Dictionary<string, double> expected = await GroupsAsync(truth);
        Assert.NotEmpty(answer.Rows);
        foreach (IReadOnlyDictionary<string, object?> row in answer.Rows)
        {
            string key = Convert.ToString(row[answer.Columns[0]], CultureInfo.InvariantCulture)!;
            Assert.Equal(expected[key], Convert.ToDouble(row[answer.Columns[^1]], CultureInfo.InvariantCulture), 6);
        }

        // A top N returns the N largest (and ties); a plain breakdown every group.
        int? top = question.Contains("3 ", StringComparison.Ordinal) ? 3 : question.Contains("2 ", StringComparison.Ordinal) ? 2 : null;
        double cut = top is { } n ? expected.Values.OrderDescending().ElementAt(Math.Min(n, expected.Count) - 1) : double.MinValue;
        Assert.Equal(expected.Where(e => e.Value >= cut).Select(e => e.Key).Order(StringComparer.Ordinal),
            answer.Rows.Select(r => Convert.ToString(r[answer.Columns[0]], CultureInfo.InvariantCulture)!).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("abandoned carts that contain a Sofa", "SELECT count(DISTINCT cart_id) FROM " + Items + " WHERE product_type = 'Sofas'")]
    [InlineData("How many abandoned carts contain a table lamp?", "SELECT count(DISTINCT cart_id) FROM " + Items + " WHERE product_type = 'Table Lamps'")]
    [InlineData("how many abandoned carts in the last 7 days had a sofa in them", "SELECT count(DISTINCT cart_id) FROM " + Items + " WHERE product_type = 'Sofas' AND " + LastSevenDays)]
    [InlineData("number of abandoned carts containing Lighting from customers in the UK", "SELECT count(DISTINCT i.cart_id) FROM " + Items + " i JOIN customers c USING (customer_id) WHERE i.category = 'Lighting' AND c.country = 'United Kingdom'")]
    [InlineData("How many items are in abandoned carts?", "SELECT count(*) FROM " + Items)]
    [InlineData("total units left in abandoned carts", "SELECT sum(quantity) FROM " + Items)]
    [InlineData("how many table lamp units are sitting in abandoned carts?", "SELECT sum(quantity) FROM " + Items + " WHERE product_type = 'Table Lamps'")]
    public async Task OneValue_IsTheHandWrittenCountOverTheItems(string question, string truth)
    {
        AnalyticsAnswer answer = await RuleAnswers.AskAsync(database.Path, question);

        Assert.Equal(await RuleAnswers.TruthAsync(database.Path, truth), RuleAnswers.Single(answer), 6);
    }

    [Theory]
    [InlineData("For customers who've abandoned a cart, what's the average total value each of them left behind in abandoned carts?", "SELECT sum(cart_value) / count(DISTINCT customer_id) FROM abandoned_carts")]
    [InlineData("For customers with an abandoned cart, what's their average total abandoned value per customer?", "SELECT sum(cart_value) / count(DISTINCT customer_id) FROM abandoned_carts")]
    [InlineData("among shoppers who have abandoned a basket: average total cart value per customer", "SELECT sum(cart_value) / count(DISTINCT customer_id) FROM abandoned_carts")]
    [InlineData("For customers who have an abandoned cart, what's their average lifetime spend per customer (count $0 for those who never bought)?", "SELECT avg(coalesce(r, 0)) FROM (SELECT DISTINCT customer_id FROM abandoned_carts) LEFT JOIN (SELECT customer_id, sum(order_value) AS r FROM transactions GROUP BY 1) USING (customer_id)")]
    [InlineData("average lifetime spend for customers with an abandoned cart, counting those who never bought as $0", "SELECT avg(coalesce(r, 0)) FROM (SELECT DISTINCT customer_id FROM abandoned_carts) LEFT JOIN (SELECT customer_id, sum(order_value) AS r FROM transactions GROUP BY 1) USING (customer_id)")]
    public async Task PerCustomerWithACart_IsTheHandWrittenAverage(string question, string truth)
    {
        AnalyticsAnswer answer = await RuleAnswers.AskAsync(database.Path, question);

        Assert.Equal(await RuleAnswers.TruthAsync(database.Path, truth), RuleAnswers.Single(answer), 6);
        Assert.Contains("at least one abandoned cart", answer.Restatement, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("What's the average abandoned cart value by country for carts abandoned in the last 7 days?", "SELECT c.country, avg(a.cart_value) FROM abandoned_carts a JOIN customers c USING (customer_id) WHERE a." + LastSevenDays + " GROUP BY 1")]
    [InlineData("total abandoned cart value per city, for the carts that were abandoned in the last 7 days", "SELECT c.city, sum(a.cart_value) FROM abandoned_carts a JOIN customers c USING (customer_id) WHERE a." + LastSevenDays + " GROUP BY 1")]
    [InlineData("Abandoned carts per country (all of them, any date)", "SELECT c.country, count(*) FROM abandoned_carts a JOIN customers c USING (customer_id) GROUP BY 1")]
    [InlineData("abandoned cart value by country (any date)", "SELECT c.country, sum(a.cart_value) FROM abandoned_carts a JOIN customers c USING (customer_id) GROUP BY 1")]
    public async Task CartsRestatedOrAnyDate_IsTheHandWrittenBreakdown(string question, string truth)
    {
        AnalyticsAnswer answer = await RuleAnswers.AskAsync(database.Path, question);

        Dictionary<string, double> expected = await GroupsAsync(truth);
        Assert.Equal(expected.Count, answer.Rows.Count);
        foreach (IReadOnlyDictionary<string, object?> row in answer.Rows)
        {
            string key = Convert.ToString(row[answer.Columns[0]], CultureInfo.InvariantCulture)!;
            Assert.Equal(expected[key], Convert.ToDouble(row[answer.Columns[^1]], CultureInfo.InvariantCulture), 6);
        }
    }

    [Fact]
    public async Task LifetimeSpendOfCartCustomers_WithoutSayingHowNonBuyersCount_IsAskedBack() =>
        await RuleAnswers.AssertDeclinedAsync(database.Path, "For customers who have an abandoned cart, what's their average lifetime spend per customer?", "those who never bought counting as $0");

    [Fact]
    public async Task TheRestatement_SaysWhichCountWasTaken()
    {
        AnalyticsAnswer lines = await RuleAnswers.AskAsync(database.Path, "top 3 categories by number of items in abandoned carts");
        AnalyticsAnswer carts = await RuleAnswers.AskAsync(database.Path, "Which 2 product types appear in the most abandoned carts?");

        Assert.Contains("each item line of each cart counted once", lines.Restatement, StringComparison.Ordinal);
        Assert.Contains("each cart counted once", carts.Restatement, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("abandoned carts by category", "each cart containing")]
    [InlineData("which product type shows up most often in abandoned carts?", "each item line")]
    [InlineData("total value of abandoned carts that contain a sofa", "whole carts' value or only the matching items' value")]
    public async Task AnUnsaidCount_IsDeclinedWithBothReadings(string question, string reason) =>
        await RuleAnswers.AssertDeclinedAsync(database.Path, question, reason);

    [Theory]
    [InlineData("number of abandoned carts containing at least 2 items in the last 7 days", "SELECT count(*) FROM abandoned_carts WHERE item_count >= 2 AND " + LastSevenDays)]
    [InlineData("abandoned cart value", "SELECT sum(cart_value) FROM abandoned_carts")]
    public async Task WholeCarts_AreStillCountedAsCarts(string question, string truth)
    {
        AnalyticsAnswer answer = await RuleAnswers.AskAsync(database.Path, question);

        Assert.Equal(await RuleAnswers.TruthAsync(database.Path, truth), RuleAnswers.Single(answer), 6);
    }

    private async Task<Dictionary<string, double>> GroupsAsync(string sql)
    {
        List<string> pairs = await RuleAnswers.ColumnAsync(database.Path, $"SELECT CAST(k AS VARCHAR) || '|' || CAST(v AS VARCHAR) FROM ({sql}) AS x(k, v)");
        return pairs.Select(p => p.Split('|')).ToDictionary(p => p[0], p => double.Parse(p[1], CultureInfo.InvariantCulture));
    }
}
