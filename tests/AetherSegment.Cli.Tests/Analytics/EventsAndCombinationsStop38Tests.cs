using AetherSegment.Analytics;

namespace AetherSegment.Cli.Tests.Analytics;

/// <summary>
/// Issue 17, stop 38 (ask19, events and combinations): events said as verbs ("searched", "wishlisted", "did not add anything
/// to cart", "started a checkout", "the most wishlisted"), a level viewed but never bought, and ratios of two event types or
/// of one measure of two groups of customers. Each answer recounted by hand-written SQL on the fixture (as-of 2026-11-20
/// 12:00 UTC; rolling ranges include it).
/// </summary>
public sealed class EventsAndCombinationsStop38Tests(AnalyticsDatabase database) : IClassFixture<AnalyticsDatabase>
{
    private const string Last14 = "event_timestamp >= TIMESTAMP '2026-11-06 12:00:00'";
    private const string Last30 = "event_timestamp >= TIMESTAMP '2026-10-21 12:00:00'";

    [Theory]
    [InlineData("How many customers searched in the last 14 days but did not add anything to cart in that same period?",
        "SELECT count(*) FROM (SELECT customer_id FROM behavioral_events WHERE event_type = 'search' AND " + Last14 + " EXCEPT SELECT customer_id FROM behavioral_events WHERE event_type = 'add_to_cart' AND " + Last14 + ")")]
    [InlineData("customers who searched in the last 14 days but didn't add to cart in that same period - how many?",
        "SELECT count(*) FROM (SELECT customer_id FROM behavioral_events WHERE event_type = 'search' AND " + Last14 + " EXCEPT SELECT customer_id FROM behavioral_events WHERE event_type = 'add_to_cart' AND " + Last14 + ")")]
    [InlineData("how many customers searched but never added anything to their cart",
        "SELECT count(*) FROM (SELECT customer_id FROM behavioral_events WHERE event_type = 'search' EXCEPT SELECT customer_id FROM behavioral_events WHERE event_type = 'add_to_cart')")]
    [InlineData("number of customers who did a search in the last 30 days",
        "SELECT count(DISTINCT customer_id) FROM behavioral_events WHERE event_type = 'search' AND " + Last30)]
    [InlineData("how many customers wishlisted something in the last 30 days",
        "SELECT count(DISTINCT customer_id) FROM behavioral_events WHERE event_type = 'wishlist_add' AND " + Last30)]
    [InlineData("How many UK customers wishlisted a product?",
        "SELECT count(DISTINCT e.customer_id) FROM behavioral_events e JOIN customers c USING (customer_id) WHERE e.event_type = 'wishlist_add' AND c.country = 'United Kingdom'")]
    [InlineData("how many shoppers saved items to their wishlist but never started a checkout",
        "SELECT count(*) FROM (SELECT customer_id FROM behavioral_events WHERE event_type = 'wishlist_add' EXCEPT SELECT customer_id FROM behavioral_events WHERE event_type = 'checkout_start')")]
    [InlineData("how many customers started a checkout in the last 30 days",
        "SELECT count(DISTINCT customer_id) FROM behavioral_events WHERE event_type = 'checkout_start' AND " + Last30)]
    [InlineData("customers who wishlisted Lighting products, how many?",
        "SELECT count(DISTINCT customer_id) FROM behavioral_events WHERE event_type = 'wishlist_add' AND category = 'Lighting'")]
    public async Task EventVerbs_AreCustomersWithThoseEvents(string question, string truth)
    {
        AnalyticsAnswer answer = await RuleAnswers.AskAsync(database.Path, question);

        Assert.Equal(await RuleAnswers.TruthAsync(database.Path, truth), RuleAnswers.Single(answer), 6);
        Assert.Contains("events", answer.Restatement, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("top 5 most wishlisted categories in the last 90 days", "category", "wishlist_add", "event_timestamp >= TIMESTAMP '2026-08-22 12:00:00'")]
    [InlineData("which 3 product types were the most wishlisted", "product_type", "wishlist_add", "true")]
    [InlineData("which 3 categories were the most wishlisted in the last 30 days", "category", "wishlist_add", Last30)]
    public async Task MostWishlisted_IsTheBreakdownByThoseEvents(string question, string column, string type, string range)
    {
        AnalyticsAnswer answer = await RuleAnswers.AskAsync(database.Path, question);

        Assert.NotEmpty(answer.Rows);
        foreach (IReadOnlyDictionary<string, object?> row in answer.Rows)
        {
            string value = Convert.ToString(row[answer.Columns[0]], System.Globalization.CultureInfo.InvariantCulture)!;
            double truth = await RuleAnswers.TruthAsync(database.Path, $"SELECT count(*) FROM behavioral_events WHERE event_type = '{type}' AND {column} = '{value.Replace("'", "''", StringComparison.Ordinal)}' AND {range}");
            Assert.Equal(truth, Convert.ToDouble(row[answer.Columns[1]], System.Globalization.CultureInfo.InvariantCulture), 6);
        }

        double top = await RuleAnswers.TruthAsync(database.Path, $"SELECT max(n) FROM (SELECT count(*) AS n FROM behavioral_events WHERE event_type = '{type}' AND {column} IS NOT NULL AND {range} GROUP BY {column})");
        Assert.Equal(top, Convert.ToDouble(answer.Rows[0][answer.Columns[1]], System.Globalization.CultureInfo.InvariantCulture), 6);
    }

    [Theory]
    // Found wrong on main: the level said with the views was read as bought too ("who bought Lighting but not Lighting": 0).
    [InlineData("how many customers had product view events for Lighting but never bought Lighting",
        "SELECT count(DISTINCT customer_id) FROM behavioral_events WHERE event_type = 'product_view' AND category = 'Lighting' AND customer_id NOT IN (SELECT customer_id FROM transactions WHERE category = 'Lighting')")]
    [InlineData("how many customers viewed Lighting products but never bought anything from Lighting",
        "SELECT count(DISTINCT customer_id) FROM behavioral_events WHERE event_type = 'product_view' AND category = 'Lighting' AND customer_id NOT IN (SELECT customer_id FROM transactions WHERE category = 'Lighting')")]
    // The range is the views'; "never" is over all time, and the restatement says so.
    [InlineData("customers who viewed Lighting products in the last 30 days but have never bought anything from Lighting",
        "SELECT count(DISTINCT customer_id) FROM behavioral_events WHERE event_type = 'product_view' AND category = 'Lighting' AND " + Last30 + " AND customer_id NOT IN (SELECT customer_id FROM transactions WHERE category = 'Lighting')")]
    [InlineData("how many customers looked at Textiles in the last 30 days and haven't bought anything from Textiles",
        "SELECT count(DISTINCT customer_id) FROM behavioral_events WHERE event_type = 'product_view' AND category = 'Textiles' AND " + Last30 + " AND customer_id NOT IN (SELECT customer_id FROM transactions WHERE category = 'Textiles')")]
    public async Task ViewedButNeverBought_KeepsTheLevelOnTheViews(string question, string truth)
    {
        AnalyticsAnswer answer = await RuleAnswers.AskAsync(database.Path, question);

        Assert.Equal(await RuleAnswers.TruthAsync(database.Path, truth), RuleAnswers.Single(answer), 6);
        Assert.DoesNotContain("but not", answer.Restatement, StringComparison.Ordinal);
        if (question.Contains("30 days", StringComparison.Ordinal))
        {
            Assert.Contains("(at any time)", answer.Restatement, StringComparison.Ordinal);
        }
    }

    [Theory]
    // "didn't buy" with a range could be in the range or ever: asked back.
    [InlineData("how many customers browsed Textiles last week but didn't buy any Textiles")]
    [InlineData("how many customers viewed Lighting in the last 30 days but did not buy anything from Lighting")]
    public async Task ViewedInARangeButNotBought_IsDeclined(string question)
    {
        AnalyticsAnswer answer = await RuleAnswers.AskAsync(database.Path, question, answered: false);

        Assert.Equal(AnalyticsAnswerStatus.Unanswerable, answer.Status);
    }

    [Theory]
    [InlineData("ratio of add to carts to checkout starts over the last 30 days",
        "SELECT count(*) FILTER (WHERE event_type = 'add_to_cart') * 1.0 / count(*) FILTER (WHERE event_type = 'checkout_start') FROM behavioral_events WHERE " + Last30)]
    [InlineData("ratio of product views to searches",
        "SELECT count(*) FILTER (WHERE event_type = 'product_view') * 1.0 / count(*) FILTER (WHERE event_type = 'search') FROM behavioral_events")]
    [InlineData("What is the ratio of the AOV of social customers to that of organic search customers?",
        "SELECT avg(t.order_value) FILTER (WHERE c.acquisition_source = 'social') / avg(t.order_value) FILTER (WHERE c.acquisition_source = 'organic_search') FROM transactions t JOIN customers c USING (customer_id)")]
    [InlineData("Ratio of the average order value of customers acquired via social to that of customers acquired via organic search",
        "SELECT avg(t.order_value) FILTER (WHERE c.acquisition_source = 'social') / avg(t.order_value) FILTER (WHERE c.acquisition_source = 'organic_search') FROM transactions t JOIN customers c USING (customer_id)")]
    public async Task RatioOfTwoSides_IsTheHandWrittenSql(string question, string truth)
    {
        AnalyticsAnswer answer = await RuleAnswers.AskAsync(database.Path, question);

        Assert.Equal(await RuleAnswers.TruthAsync(database.Path, truth), RuleAnswers.Single(answer), 6);
        Assert.Contains("divided by", answer.Restatement, StringComparison.Ordinal);
    }

    [Theory]
    // Found wrong in blind15: the values of one side were each a filter of their own, all required at once (0).
    [InlineData("ratio of app events (ios + android) to web events in the last 30 days",
        "SELECT count(*) FILTER (WHERE device IN ('ios', 'android')) * 1.0 / count(*) FILTER (WHERE device = 'web') FROM behavioral_events WHERE " + Last30)]
    [InlineData("ratio of mobile (ios plus android) sessions to web sessions",
        "SELECT count(DISTINCT session_id) FILTER (WHERE device IN ('ios', 'android')) * 1.0 / count(DISTINCT session_id) FILTER (WHERE device = 'web') FROM behavioral_events")]
    public async Task RatioSide_WithSeveralValues_IsOneFilterOfThemAll(string question, string truth)
    {
        AnalyticsAnswer answer = await RuleAnswers.AskAsync(database.Path, question);

        Assert.Equal(await RuleAnswers.TruthAsync(database.Path, truth), RuleAnswers.Single(answer), 6);
    }

    [Theory]
    // Found wrong in blind15: the events counted "for Outdoor, excluding Outdoor" (0); now the customers, the level on the views.
    [InlineData("UK folks who viewed Lighting products in the last 30 days but have never bought anything Lighting - how many?",
        "SELECT count(DISTINCT e.customer_id) FROM behavioral_events e JOIN customers c USING (customer_id) WHERE c.country = 'United Kingdom' AND e.event_type = 'product_view' AND e.category = 'Lighting' AND e." + Last30 + " AND e.customer_id NOT IN (SELECT customer_id FROM transactions WHERE category = 'Lighting')")]
    // Found wrong: "how many UK customers had <type> events" counted the events.
    [InlineData("how many UK customers had wishlist add events",
        "SELECT count(DISTINCT e.customer_id) FROM behavioral_events e JOIN customers c USING (customer_id) WHERE c.country = 'United Kingdom' AND e.event_type = 'wishlist_add'")]
    // Found wrong in blind14: "never" was read in the range of the carts (1,312 against 95 there).
    [InlineData("Number of customers with an abandoned cart in the last 7 days who have never bought anything",
        "SELECT count(DISTINCT customer_id) FROM abandoned_carts WHERE abandoned_at >= TIMESTAMP '2026-11-13 12:00:00' AND customer_id NOT IN (SELECT customer_id FROM transactions)")]
    [InlineData("how many customers abandoned a cart in the last 7 days and never bought anything",
        "SELECT count(DISTINCT customer_id) FROM abandoned_carts WHERE abandoned_at >= TIMESTAMP '2026-11-13 12:00:00' AND customer_id NOT IN (SELECT customer_id FROM transactions)")]
    public async Task WhoTheCustomersAreAndNever_AreReadAsSaid(string question, string truth)
    {
        AnalyticsAnswer answer = await RuleAnswers.AskAsync(database.Path, question);

        Assert.Equal(await RuleAnswers.TruthAsync(database.Path, truth), RuleAnswers.Single(answer), 6);
        Assert.StartsWith("Computed the number of customers", answer.Restatement, StringComparison.Ordinal);
        if (question.Contains("never", StringComparison.Ordinal))
        {
            Assert.Contains("never bought", answer.Restatement, StringComparison.Ordinal);
            Assert.Contains("(at any time)", answer.Restatement, StringComparison.Ordinal);
        }
    }

    [Theory]
    // A value kept and excluded on the same rows is 0 whatever the data: declined.
    [InlineData("events for Lighting excluding Lighting")]
    public async Task AValueKeptAndExcluded_IsDeclined(string question)
    {
        AnalyticsAnswer answer = await RuleAnswers.AskAsync(database.Path, question, answered: false);

        Assert.Equal(AnalyticsAnswerStatus.Unanswerable, answer.Status);
    }

    private const string Last7 = "TIMESTAMP '2026-11-13 12:00:00'";

    [Theory]
    // The range said again after the negated part ("in the last 7 days", "in those 7 days") is the one range, on both parts.
    [InlineData("Customers who abandoned a cart in the last 7 days but placed no order in the last 7 days: how many?",
        "SELECT count(DISTINCT customer_id) FROM abandoned_carts WHERE abandoned_at >= " + Last7 + " AND customer_id NOT IN (SELECT customer_id FROM transactions WHERE transaction_date >= " + Last7 + ")")]
    [InlineData("how many customers started a checkout in the last 7 days but did not actually buy in the last 7 days?",
        "SELECT count(DISTINCT customer_id) FROM behavioral_events WHERE event_type = 'checkout_start' AND event_timestamp >= " + Last7 + " AND customer_id NOT IN (SELECT customer_id FROM transactions WHERE transaction_date >= " + Last7 + ")")]
    [InlineData("How many customers added something to cart in the last 7 days but didn't place an order in those 7 days?",
        "SELECT count(DISTINCT customer_id) FROM behavioral_events WHERE event_type = 'add_to_cart' AND event_timestamp >= " + Last7 + " AND customer_id NOT IN (SELECT customer_id FROM transactions WHERE transaction_date >= " + Last7 + ")")]
    [InlineData("How many distinct customers added a mattress to their cart in the last 30 days?",
        "SELECT count(DISTINCT customer_id) FROM behavioral_events WHERE event_type = 'add_to_cart' AND product_type = 'Mattresses' AND " + Last30)]
    public async Task TheRangeSaidAgain_IsOneRangeOnBothParts(string question, string truth)
    {
        AnalyticsAnswer answer = await RuleAnswers.AskAsync(database.Path, question);

        Assert.Equal(await RuleAnswers.TruthAsync(database.Path, truth), RuleAnswers.Single(answer), 6);
        Assert.Contains("in the time range", answer.Restatement, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddedToCartInARangeButNeverPurchased_IsNeverAtAnyTime()
    {
        // Declined until stop 38 (BlindFourTests): "never" is now over all time beside a range said before it.
        AnalyticsAnswer answer = await RuleAnswers.AskAsync(database.Path, "how many customers added to cart in the last 7 days but never purchased");

        double truth = await RuleAnswers.TruthAsync(database.Path, "SELECT count(DISTINCT customer_id) FROM behavioral_events WHERE event_type = 'add_to_cart' AND event_timestamp >= " + Last7 + " AND customer_id NOT IN (SELECT customer_id FROM transactions)");
        Assert.Equal(truth, RuleAnswers.Single(answer), 6);
        Assert.Contains("who never bought (at any time)", answer.Restatement, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CustomersWhoAddedToCart_ByCountry_IsEachCountrysCount()
    {
        // Declined until stop 38 (BlindFourTests): a breakdown by an attribute of the customers counted.
        AnalyticsAnswer answer = await RuleAnswers.AskAsync(database.Path, "customers who added to cart last week by country");

        Assert.NotEmpty(answer.Rows);
        foreach (IReadOnlyDictionary<string, object?> row in answer.Rows)
        {
            string country = Convert.ToString(row[answer.Columns[0]], System.Globalization.CultureInfo.InvariantCulture)!;
            double truth = await RuleAnswers.TruthAsync(database.Path, $"SELECT count(DISTINCT e.customer_id) FROM behavioral_events e JOIN customers c USING (customer_id) WHERE e.event_type = 'add_to_cart' AND e.event_timestamp >= TIMESTAMP '2026-11-09' AND e.event_timestamp < TIMESTAMP '2026-11-16' AND c.country = '{country}'");
            Assert.Equal(truth, Convert.ToDouble(row[answer.Columns[1]], System.Globalization.CultureInfo.InvariantCulture), 6);
        }
    }

    [Theory]
    // Found wrong in blind15 and blind16: values joined by "or" were compared (two rows); they are one filter of either.
    [InlineData("how many carts got abandoned in the last 7 days by people in London or Leeds?",
        "SELECT count(*) FROM abandoned_carts a JOIN customers c USING (customer_id) WHERE c.city IN ('London', 'Leeds') AND a.abandoned_at >= " + Last7)]
    [InlineData("What number of customers in London or Manchester came in through paid search?",
        "SELECT count(*) FROM customers WHERE city IN ('London', 'Manchester') AND acquisition_source = 'paid_search'")]
    public async Task ValuesJoinedByOr_AreOneFilter(string question, string truth)
    {
        AnalyticsAnswer answer = await RuleAnswers.AskAsync(database.Path, question);

        Assert.Equal(await RuleAnswers.TruthAsync(database.Path, truth), RuleAnswers.Single(answer), 6);
    }

    [Theory]
    [InlineData("Average session length in seconds by device (one value per session)")]
    [InlineData("average session duration per device, one duration for each session")]
    public async Task OneValuePerSession_IsEachSessionOnce(string question)
    {
        AnalyticsAnswer answer = await RuleAnswers.AskAsync(database.Path, question);

        Assert.NotEmpty(answer.Rows);
        foreach (IReadOnlyDictionary<string, object?> row in answer.Rows)
        {
            string device = Convert.ToString(row[answer.Columns[0]], System.Globalization.CultureInfo.InvariantCulture)!;
            double truth = await RuleAnswers.TruthAsync(database.Path, $"SELECT avg(session_duration_seconds) FROM behavioral_events WHERE session_start AND device = '{device}'");
            Assert.Equal(truth, Convert.ToDouble(row[answer.Columns[1]], System.Globalization.CultureInfo.InvariantCulture), 3);
        }

        Assert.Contains("each session counted once", answer.Restatement, StringComparison.Ordinal);
    }
}
