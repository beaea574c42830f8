using System.Globalization;
using AetherSegment.Analytics;
using AetherSegment.Data;
using AetherSegment.DuckDB;

namespace AetherSegment.Cli.Tests.Analytics;

/// <summary>
/// Stop 39 (ask20): events, sessions and products, the kinds the studied blind sets still declined, each in several
/// wordings written here and recounted by hand-written SQL on the fixture: "products" as a breakdown is the product names,
/// session durations in minutes and "per session", "the most common event type" and "added to cart most often", customers
/// "active" in a range, and per-customer event counts ("more than 10 product views", "logged more than 20 events").
/// </summary>
public sealed class EventsSessionsProductsStop39Tests(AnalyticsDatabase database) : IClassFixture<AnalyticsDatabase>
{
    private const string Last30Days = "transaction_date >= TIMESTAMP '2026-10-21 12:00:00' AND transaction_date <= TIMESTAMP '2026-11-20 12:00:00'";
    private const string Events30Days = "event_timestamp >= TIMESTAMP '2026-10-21 12:00:00' AND event_timestamp <= TIMESTAMP '2026-11-20 12:00:00'";
    private const string Events7Days = "event_timestamp >= TIMESTAMP '2026-11-13 12:00:00' AND event_timestamp <= TIMESTAMP '2026-11-20 12:00:00'";

    [Theory]
    // "Products" ranked: the product names.
    [InlineData("top 5 products by revenue", "SELECT product_name, sum(order_value) FROM transactions GROUP BY 1 QUALIFY rank() OVER (ORDER BY sum(order_value) DESC) <= 5")]
    [InlineData("What are the 3 best-selling products by units sold (sum of quantity)?", "SELECT product_name, sum(quantity) FROM transactions GROUP BY 1 QUALIFY rank() OVER (ORDER BY sum(quantity) DESC) <= 3")]
    [InlineData("Best-selling 5 products by revenue in the last 30 days", "SELECT product_name, sum(order_value) FROM transactions WHERE " + Last30Days + " GROUP BY 1 QUALIFY rank() OVER (ORDER BY sum(order_value) DESC) <= 5")]
    [InlineData("top 3 products by units sold in the last 30 days (product names)", "SELECT product_name, sum(quantity) FROM transactions WHERE " + Last30Days + " GROUP BY 1 QUALIFY rank() OVER (ORDER BY sum(quantity) DESC) <= 3")]
    [InlineData("Top 5 products (by product name) by revenue", "SELECT product_name, sum(order_value) FROM transactions GROUP BY 1 QUALIFY rank() OVER (ORDER BY sum(order_value) DESC) <= 5")]
    [InlineData("top 5 Living Room products by revenue", "SELECT product_name, sum(order_value) FROM transactions WHERE category = 'Living Room' GROUP BY 1 QUALIFY rank() OVER (ORDER BY sum(order_value) DESC) <= 5")]
    [InlineData("which 4 Bedroom products had the most orders among Canadian customers?",
        "SELECT t.product_name, count(*) FROM transactions t JOIN customers c ON c.customer_id = t.customer_id WHERE t.category = 'Bedroom' AND c.country = 'Canada' GROUP BY 1 QUALIFY rank() OVER (ORDER BY count(*) DESC) <= 4")]
    [InlineData("which product brought in the most revenue?", "SELECT product_name, sum(order_value) FROM transactions GROUP BY 1 QUALIFY rank() OVER (ORDER BY sum(order_value) DESC) <= 1")]
    // "Product types" stay the types.
    [InlineData("top 5 product types by revenue", "SELECT product_type, sum(order_value) FROM transactions GROUP BY 1 QUALIFY rank() OVER (ORDER BY sum(order_value) DESC) <= 5")]
    // The most common / most often: a top N by the count of rows.
    [InlineData("Most common event type on android", "SELECT event_type, count(*) FROM behavioral_events WHERE device = 'android' GROUP BY 1 QUALIFY rank() OVER (ORDER BY count(*) DESC) <= 1")]
    [InlineData("What's the most common event type on web in the last 30 days?", "SELECT event_type, count(*) FROM behavioral_events WHERE device = 'web' AND " + Events30Days + " GROUP BY 1 QUALIFY rank() OVER (ORDER BY count(*) DESC) <= 1")]
    [InlineData("the 3 most frequent event types on ios", "SELECT event_type, count(*) FROM behavioral_events WHERE device = 'ios' GROUP BY 1 QUALIFY rank() OVER (ORDER BY count(*) DESC) <= 3")]
    [InlineData("Which category do people add to their wishlist most often?", "SELECT category, count(*) FROM behavioral_events WHERE event_type = 'wishlist_add' GROUP BY 1 QUALIFY rank() OVER (ORDER BY count(*) DESC) <= 1")]
    [InlineData("Which 5 product types get added to cart most often?", "SELECT product_type, count(*) FROM behavioral_events WHERE event_type = 'add_to_cart' GROUP BY 1 QUALIFY rank() OVER (ORDER BY count(*) DESC) <= 5")]
    [InlineData("Which 5 product types were added to cart most often in the last 30 days?",
        "SELECT product_type, count(*) FROM behavioral_events WHERE event_type = 'add_to_cart' AND " + Events30Days + " GROUP BY 1 QUALIFY rank() OVER (ORDER BY count(*) DESC) <= 5")]
    [InlineData("which country do customers come from most often", "SELECT country, count(*) FROM customers GROUP BY 1 QUALIFY rank() OVER (ORDER BY count(*) DESC) <= 1")]
    // Session durations per device, "per session" said.
    [InlineData("average session length in seconds by device (per session, not per event)",
        "SELECT device, avg(session_duration_seconds) FROM behavioral_events WHERE session_start GROUP BY 1")]
    public async Task Rows_MatchSql(string question, string truth)
    {
        AnalyticsAnswer answer = await RuleAnswers.AskAsync(database.Path, question);

        Dictionary<string, double> expected = await RowsAsync(truth);
        Assert.Equal(expected.Count, answer.Rows.Count);
        foreach (IReadOnlyDictionary<string, object?> row in answer.Rows)
        {
            string key = Convert.ToString(row[answer.Columns[0]], CultureInfo.InvariantCulture)!;
            Assert.True(expected.ContainsKey(key), $"{question}: unexpected row {key}");
            Assert.Equal(expected[key], Convert.ToDouble(row[answer.Columns[^1]], CultureInfo.InvariantCulture), 6);
        }
    }

    [Theory]
    // Session durations in minutes and per session: each session once (on its start row).
    [InlineData("Average session length on iOS, in minutes", "SELECT avg(session_duration_seconds) / 60.0 FROM behavioral_events WHERE session_start AND device = 'ios'")]
    [InlineData("avg session length in minutes on android", "SELECT avg(session_duration_seconds) / 60.0 FROM behavioral_events WHERE session_start AND device = 'android'")]
    [InlineData("what is the average session duration in minutes for customers in Canada, each session counted once",
        "SELECT avg(e.session_duration_seconds) / 60.0 FROM behavioral_events e JOIN customers c ON c.customer_id = e.customer_id WHERE e.session_start AND c.country = 'Canada'")]
    [InlineData("average session length on android, in seconds (per session)", "SELECT avg(session_duration_seconds) FROM behavioral_events WHERE session_start AND device = 'android'")]
    [InlineData("mean session duration per session on web", "SELECT avg(session_duration_seconds) FROM behavioral_events WHERE session_start AND device = 'web'")]
    // Customers active in a range: any event in it.
    [InlineData("How many customers were active (any behavioral event) in the last 30 days?", "SELECT count(DISTINCT customer_id) FROM behavioral_events WHERE " + Events30Days)]
    [InlineData("how many distinct customers were active (any event at all) in the last 7 days", "SELECT count(DISTINCT customer_id) FROM behavioral_events WHERE " + Events7Days)]
    [InlineData("number of active customers in the last 30 days", "SELECT count(DISTINCT customer_id) FROM behavioral_events WHERE " + Events30Days)]
    [InlineData("how many UK customers have been active in the last 7 days",
        "SELECT count(DISTINCT e.customer_id) FROM behavioral_events e JOIN customers c ON c.customer_id = e.customer_id WHERE c.country = 'United Kingdom' AND " + Events7Days)]
    // Per-customer event counts.
    [InlineData("How many customers have more than 10 product views?", "SELECT count(*) FROM (SELECT customer_id FROM behavioral_events WHERE event_type = 'product_view' GROUP BY 1 HAVING count(*) > 10)")]
    [InlineData("number of customers with more than 5 product views in the last 30 days",
        "SELECT count(*) FROM (SELECT customer_id FROM behavioral_events WHERE event_type = 'product_view' AND " + Events30Days + " GROUP BY 1 HAVING count(*) > 5)")]
    [InlineData("customers with at least 3 add to carts - how many?", "SELECT count(*) FROM (SELECT customer_id FROM behavioral_events WHERE event_type = 'add_to_cart' GROUP BY 1 HAVING count(*) >= 3)")]
    [InlineData("How many customers have logged more than 20 behavioural events?", "SELECT count(*) FROM (SELECT customer_id FROM behavioral_events GROUP BY 1 HAVING count(*) > 20)")]
    [InlineData("how many shoppers generated at least 15 events in the last 30 days",
        "SELECT count(*) FROM (SELECT customer_id FROM behavioral_events WHERE " + Events30Days + " GROUP BY 1 HAVING count(*) >= 15)")]
    // Ratios of two event types' counts.
    [InlineData("add to carts vs checkout starts in the last 30 days: how many add-to-carts per checkout start?",
        "SELECT count(*) FILTER (WHERE event_type = 'add_to_cart') / count(*) FILTER (WHERE event_type = 'checkout_start') FROM behavioral_events WHERE " + Events30Days)]
    [InlineData("how many add to carts per checkout start", "SELECT count(*) FILTER (WHERE event_type = 'add_to_cart') / count(*) FILTER (WHERE event_type = 'checkout_start') FROM behavioral_events")]
    [InlineData("Checkout starts relative to add-to-cart events: checkout_start count divided by add_to_cart count",
        "SELECT count(*) FILTER (WHERE event_type = 'checkout_start') / count(*) FILTER (WHERE event_type = 'add_to_cart') FROM behavioral_events")]
    [InlineData("checkout_start events divided by add_to_cart events on ios",
        "SELECT count(*) FILTER (WHERE event_type = 'checkout_start') / count(*) FILTER (WHERE event_type = 'add_to_cart') FROM behavioral_events WHERE device = 'ios'")]
    [InlineData("product views per add to cart event in the last 7 days",
        "SELECT count(*) FILTER (WHERE event_type = 'product_view') / count(*) FILTER (WHERE event_type = 'add_to_cart') FROM behavioral_events WHERE " + Events7Days)]
    // A value recorded on the events said with customers who had events: a filter on those events.
    [InlineData("how many distinct customers added something to their cart on iOS in the last 30 days",
        "SELECT count(DISTINCT customer_id) FROM behavioral_events WHERE event_type = 'add_to_cart' AND device = 'ios' AND " + Events30Days)]
    [InlineData("number of customers who had add to cart events on android",
        "SELECT count(DISTINCT customer_id) FROM behavioral_events WHERE event_type = 'add_to_cart' AND device = 'android'")]
    [InlineData("how many Canadian customers had more than 3 product view events on web",
        "SELECT count(*) FROM (SELECT e.customer_id FROM behavioral_events e JOIN customers c ON c.customer_id = e.customer_id WHERE c.country = 'Canada' AND e.event_type = 'product_view' AND e.device = 'web' GROUP BY 1 HAVING count(*) > 3)")]
    public async Task Answer_IsTheHandWrittenSql(string question, string truth)
    {
        AnalyticsAnswer answer = await RuleAnswers.AskAsync(database.Path, question);

        Assert.Equal(await RuleAnswers.TruthAsync(database.Path, truth), RuleAnswers.Single(answer), 6);
    }

    [Fact]
    public async Task SessionMinutes_AreRestated()
    {
        AnalyticsAnswer answer = await RuleAnswers.AskAsync(database.Path, "average session length on ios in minutes");

        Assert.Contains("in minutes", answer.Restatement, StringComparison.Ordinal);
        Assert.Contains("each session counted once", answer.Restatement, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProductsRanked_AreRestatedAsProductNames()
    {
        AnalyticsAnswer answer = await RuleAnswers.AskAsync(database.Path, "top 5 products by revenue");

        Assert.Contains("product name", answer.Restatement, StringComparison.Ordinal);
    }

    [Theory]
    // "Active" with neither a range nor what it means: not read.
    [InlineData("how many active customers do we have")]
    [InlineData("number of active buyers in the last 30 days")]
    // Minutes of something that is not a duration.
    [InlineData("revenue in minutes")]
    // "Most often" of a sum.
    [InlineData("which city spends the most revenue most often")]
    public async Task StaysDeclined(string question)
    {
        AnalyticsAnswer answer = await RuleAnswers.AskAsync(database.Path, question, answered: false);

        Assert.NotEqual(AnalyticsAnswerStatus.Answered, answer.Status);
    }

    private async Task<Dictionary<string, double>> RowsAsync(string sql)
    {
        QueryResult result = await new DuckDBDataStore(database.Path).QueryAsync(new SqlStatement(sql));
        return result.Rows.ToDictionary(r => Convert.ToString(r[0], CultureInfo.InvariantCulture)!, r => Convert.ToDouble(r[^1] ?? 0, CultureInfo.InvariantCulture));
    }
}
