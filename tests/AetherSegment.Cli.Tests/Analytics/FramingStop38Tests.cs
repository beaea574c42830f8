using AetherSegment.Analytics;

namespace AetherSegment.Cli.Tests.Analytics;

/// <summary>
/// Stop 38 (ask17, framing): sentences of context around the question, ranges up to now and "to date", each recounted by
/// hand-written SQL on the fixture (as-of 2026-11-20 12:00 UTC, a Friday), and the near misses that stay declined.
/// </summary>
public sealed class FramingStop38Tests(AnalyticsDatabase database) : IClassFixture<AnalyticsDatabase>
{
    private const string RevenueQ3 = "SELECT sum(order_value) FROM transactions WHERE transaction_date >= TIMESTAMP '2026-07-01' AND transaction_date < TIMESTAMP '2026-10-01'";
    private const string OrdersLastMonth = "SELECT count(*) FROM transactions WHERE transaction_date >= TIMESTAMP '2026-10-01' AND transaction_date < TIMESTAMP '2026-11-01'";
    private const string Revenue2026 = "SELECT sum(order_value) FROM transactions WHERE transaction_date >= TIMESTAMP '2026-01-01'";

    [Theory]
    // Context before the question, after it, after a colon or a dash; a meeting said as "1:1".
    [InlineData("I'm putting together the quarterly deck for the leadership team and finance gave me numbers that look off to me. Can you just tell me the total order value we did in Q3 2026, so July through September?", RevenueQ3)]
    [InlineData("Quick question for the board meeting: how many orders did we get last month?", OrdersLastMonth)]
    [InlineData("How many orders did we get last month? Need it for the board meeting.", OrdersLastMonth)]
    [InlineData("Quick one before my 1:1 with the finance lead - how many orders did we get last month?", OrdersLastMonth)]
    [InlineData("hey! my boss keeps asking about this and I'm honestly confused. what was revenue in Q3 2026?", RevenueQ3)]
    [InlineData("Prepping slides for the weekly business review. Orders last month, please. Thanks!", OrdersLastMonth)]
    [InlineData("I'm prepping the board deck. How many customers do we have?", "SELECT count(*) FROM customers")]
    // Context that names what the question says again.
    [InlineData("Our marketing team keeps arguing about revenue. What was revenue in Q3 2026?", RevenueQ3)]
    // "to date", "up to now" with no period: all the data (it was read as a breakdown by day).
    [InlineData("revenue to date", "SELECT sum(order_value) FROM transactions")]
    [InlineData("how many customers have we acquired to date", "SELECT count(*) FROM customers")]
    [InlineData("total number of orders up to now", "SELECT count(*) FROM transactions")]
    // A current period "to date" (it was read by day), a day "to now".
    [InlineData("revenue this year to date", Revenue2026)]
    [InlineData("orders this week to date", "SELECT count(*) FROM transactions WHERE transaction_date >= TIMESTAMP '2026-11-16'")]
    [InlineData("revenue from Jan 1 2026 to now", Revenue2026)]
    [InlineData("revenue from 2026-01-01 to today", Revenue2026)]
    [InlineData("orders 2026-03-15 through now", "SELECT count(*) FROM transactions WHERE transaction_date >= TIMESTAMP '2026-03-15'")]
    [InlineData("how many abandoned carts between 1 June 2026 and today", "SELECT count(*) FROM abandoned_carts WHERE abandoned_at >= TIMESTAMP '2026-06-01'")]
    // One range said twice, the same data at the as-of: "this month so far (November 2026 up to now)", "this year (i.e.
    // since 2026-01-01)", with a purchase restated as "at least one transaction with product type X".
    [InlineData("Total revenue this month so far (November 2026 up to now)", "SELECT sum(order_value) FROM transactions WHERE transaction_date >= TIMESTAMP '2026-11-01'")]
    [InlineData("revenue this year, i.e. since Jan 1 2026", Revenue2026)]
    [InlineData("orders in 2026 (that is, since 2026-01-01)", "SELECT count(*) FROM transactions WHERE transaction_date >= TIMESTAMP '2026-01-01'")]
    [InlineData("revenue this month, i.e. November 2026", "SELECT sum(order_value) FROM transactions WHERE transaction_date >= TIMESTAMP '2026-11-01'")]
    [InlineData("How many distinct customers bought a sofa this year (i.e. at least one transaction with product type Sofas since 2026-01-01)?", "SELECT count(DISTINCT customer_id) FROM transactions WHERE product_type = 'Sofas' AND transaction_date >= TIMESTAMP '2026-01-01'")]
    [InlineData("number of customers who ordered Sofas in 2026 (i.e. one or more orders since 1 January 2026)", "SELECT count(DISTINCT customer_id) FROM transactions WHERE product_type = 'Sofas' AND transaction_date >= TIMESTAMP '2026-01-01'")]
    // Lead-ins and tails: "I'd like to know", "Could you pull", "Just the number.", "- how many?"; "did we take", "priced",
    // "more than one unit", "churn-risk customers (churn prob above 0.6)".
    [InlineData("I'd like to know how many orders were for more than one unit in the last 30 days.", "SELECT count(*) FROM transactions WHERE quantity > 1 AND transaction_date >= TIMESTAMP '2026-10-21 12:00:00'")]
    [InlineData("Could you pull the revenue in Q3 2026? Just the number.", RevenueQ3)]
    [InlineData("How many sofa orders did we take in the last 30 days?", "SELECT count(*) FROM transactions WHERE product_type = 'Sofas' AND transaction_date >= TIMESTAMP '2026-10-21 12:00:00'")]
    [InlineData("Sofas orders priced between $200 and $400 (inclusive) - how many?", "SELECT count(*) FROM transactions WHERE product_type = 'Sofas' AND order_value BETWEEN 200 AND 400")]
    [InlineData("Orders placed last month: how many?", OrdersLastMonth)]
    [InlineData("how many churn-risk customers (churn prob above 0.6) do we have in Canada", "SELECT count(*) FROM customers c JOIN customer_scores s USING (customer_id) WHERE c.country = 'Canada' AND s.churn_probability > 0.6")]
    // Two places joined by "or": one filter on both (it was a row for each).
    [InlineData("how many carts got abandoned in the last 7 days by people in London or Toronto?", "SELECT count(*) FROM abandoned_carts a JOIN customers c USING (customer_id) WHERE c.city IN ('London', 'Toronto') AND a.abandoned_at >= TIMESTAMP '2026-11-13 12:00:00'")]
    [InlineData("What number of customers in London or Toronto came in through paid search?", "SELECT count(*) FROM customers WHERE city IN ('London', 'Toronto') AND acquisition_source = 'paid_search'")]
    // A column typed as SQL, equal to one of its values (it was a one-row breakdown by the column).
    [InlineData("count of customers where country = 'Canada'", "SELECT count(*) FROM customers WHERE country = 'Canada'")]
    [InlineData("revenue where acquisition_source = paid_search last month", "SELECT sum(t.order_value) FROM transactions t JOIN customers c USING (customer_id) WHERE c.acquisition_source = 'paid_search' AND t.transaction_date >= TIMESTAMP '2026-10-01' AND t.transaction_date < TIMESTAMP '2026-11-01'")]
    [InlineData("orders where product_type = 'Sofas' in 2026", "SELECT count(*) FROM transactions WHERE product_type = 'Sofas' AND transaction_date >= TIMESTAMP '2026-01-01'")]
    public async Task Answer_IsTheHandWrittenSql(string question, string truth)
    {
        AnalyticsAnswer answer = await RuleAnswers.AskAsync(database.Path, question);

        Assert.Equal(await RuleAnswers.TruthAsync(database.Path, truth), RuleAnswers.Single(answer), 6);
    }

    [Theory]
    // Context that could say which customers are meant: an unknown word, a restricting word, a value, a number.
    [InlineData("We only care about wholesale accounts. How many customers do we have?")]
    [InlineData("Finance is looking at premium members. How many customers do we have?")]
    [InlineData("My boss is asking about the UK. How many customers do we have?")]
    [InlineData("Leave out anyone who signed up this year. How many customers do we have?")]
    [InlineData("The board wants numbers excluding returns. How many orders did we get last month?")]
    // A range said again that is other data at the as-of, or a restatement that says more than the question.
    [InlineData("revenue this month (October 2026)")]
    [InlineData("revenue this year (i.e. since 2026-02-01)")]
    [InlineData("how many customers bought sofas this year (i.e. at least one order of Mattresses since 2026-01-01)")]
    [InlineData("orders this month (i.e. over $500 since November 1 2026)")]
    [InlineData("revenue in the last 30 days (i.e. since November 2026)")]
    public async Task ContextThatCouldRestrict_IsNotDropped(string question)
    {
        AnalyticsAnswer answer = await RuleAnswers.AskAsync(database.Path, question, answered: false);

        Assert.NotEqual(AnalyticsAnswerStatus.Answered, answer.Status);
    }

    [Theory]
    // "<later period> minus <earlier period>": the change in amount (the answer's first figure).
    [InlineData("Transactions in Q3 2026 minus transactions in Q2 2026 (difference in order count)", "SELECT count(*) FILTER (WHERE transaction_date >= TIMESTAMP '2026-07-01' AND transaction_date < TIMESTAMP '2026-10-01') - count(*) FILTER (WHERE transaction_date >= TIMESTAMP '2026-04-01' AND transaction_date < TIMESTAMP '2026-07-01') FROM transactions")]
    [InlineData("revenue this month minus revenue last month", "SELECT sum(order_value) FILTER (WHERE transaction_date >= TIMESTAMP '2026-11-01') - sum(order_value) FILTER (WHERE transaction_date >= TIMESTAMP '2026-10-01' AND transaction_date < TIMESTAMP '2026-11-01') FROM transactions")]
    [InlineData("orders in 2026 minus orders in 2025", "SELECT count(*) FILTER (WHERE transaction_date >= TIMESTAMP '2026-01-01') - count(*) FILTER (WHERE transaction_date >= TIMESTAMP '2025-01-01' AND transaction_date < TIMESTAMP '2026-01-01') FROM transactions")]
    public async Task LaterMinusEarlier_IsTheChangeInAmount(string question, string truth)
    {
        AnalyticsAnswer answer = await RuleAnswers.AskAsync(database.Path, question);

        Assert.StartsWith("change_in_", answer.Columns[0], StringComparison.Ordinal);
        Assert.Equal(await RuleAnswers.TruthAsync(database.Path, truth), Convert.ToDouble(Assert.Single(answer.Rows)[answer.Columns[0]], System.Globalization.CultureInfo.InvariantCulture), 6);
    }

    [Theory]
    // The earlier period first is the change negated; "minus" of something that is no period stays unplaced.
    [InlineData("orders in Q2 2026 minus orders in Q3 2026")]
    [InlineData("revenue minus refunds last month")]
    [InlineData("orders in Q3 minus orders in Q2")]
    public async Task OtherMinus_IsNotAnswered(string question)
    {
        AnalyticsAnswer answer = await RuleAnswers.AskAsync(database.Path, question, answered: false);

        Assert.NotEqual(AnalyticsAnswerStatus.Answered, answer.Status);
    }

    [Theory]
    // An average per day (week, month): the total over the range divided by its whole units.
    [InlineData("Average number of orders per day over the trailing 28 days", "SELECT count(*) / 28.0 FROM transactions WHERE transaction_date >= TIMESTAMP '2026-10-23 12:00:00'")]
    [InlineData("how many orders per day on average over the past 4 weeks", "SELECT count(*) / 28.0 FROM transactions WHERE transaction_date >= TIMESTAMP '2026-10-23 12:00:00'")]
    [InlineData("avg orders/day in the last 30 days", "SELECT count(*) / 30.0 FROM transactions WHERE transaction_date >= TIMESTAMP '2026-10-21 12:00:00'")]
    [InlineData("average daily revenue last month", "SELECT sum(order_value) / 31.0 FROM transactions WHERE transaction_date >= TIMESTAMP '2026-10-01' AND transaction_date < TIMESTAMP '2026-11-01'")]
    [InlineData("What was the average weekly revenue in the UK over the last 12 weeks?", "SELECT sum(t.order_value) / 12.0 FROM transactions t JOIN customers c USING (customer_id) WHERE c.country = 'United Kingdom' AND t.transaction_date >= TIMESTAMP '2026-08-28 12:00:00'")]
    [InlineData("average monthly orders in 2025", "SELECT count(*) / 12.0 FROM transactions WHERE transaction_date >= TIMESTAMP '2025-01-01' AND transaction_date < TIMESTAMP '2026-01-01'")]
    [InlineData("mean number of abandoned carts per day in October 2026", "SELECT count(*) / 31.0 FROM abandoned_carts WHERE abandoned_at >= TIMESTAMP '2026-10-01' AND abandoned_at < TIMESTAMP '2026-11-01'")]
    public async Task AveragePerPeriod_IsTheTotalOverTheWholeUnits(string question, string truth)
    {
        AnalyticsAnswer answer = await RuleAnswers.AskAsync(database.Path, question);

        Assert.Equal(await RuleAnswers.TruthAsync(database.Path, truth), RuleAnswers.Single(answer), 6);
        Assert.Contains("divided by", answer.Restatement, StringComparison.Ordinal);
    }

    [Theory]
    // A period still running, a range of no whole units, a breakdown, a measure that is an average already.
    [InlineData("average orders per day this month")]
    [InlineData("average weekly revenue in the last 30 days")]
    [InlineData("average revenue per day by country last month")]
    [InlineData("average daily churn probability last month")]
    [InlineData("average orders per day")]
    public async Task AveragePerPeriodNotWhole_IsNotAnswered(string question)
    {
        AnalyticsAnswer answer = await RuleAnswers.AskAsync(database.Path, question, answered: false);

        Assert.NotEqual(AnalyticsAnswerStatus.Answered, answer.Status);
    }

    [Fact]
    public async Task AverageOrderValuePerDay_IsStillTheMeasureByDay()
    {
        AnalyticsAnswer answer = await RuleAnswers.AskAsync(database.Path, "average order value per day last week");

        Assert.Equal(7, answer.Rows.Count);
    }

    [Theory]
    // The day of the week with its days listed, or said "weekday" after a breakdown word.
    [InlineData("Number of transactions per day of week in 2026 to date (Monday through Sunday)", "WHERE transaction_date >= TIMESTAMP '2026-01-01'")]
    [InlineData("orders by day of the week (Mon-Sun)", "")]
    [InlineData("orders by day of week, Monday to Sunday", "")]
    [InlineData("orders by weekday", "")]
    public async Task DayOfTheWeekSaidWithItsDays_IsTheBreakdown(string question, string where)
    {
        AnalyticsAnswer answer = await RuleAnswers.AskAsync(database.Path, question);

        Assert.Equal(7, answer.Rows.Count);
        foreach (IReadOnlyDictionary<string, object?> row in answer.Rows)
        {
            string day = Convert.ToString(row[answer.Columns[0]], System.Globalization.CultureInfo.InvariantCulture)!;
            double truth = await RuleAnswers.TruthAsync(database.Path, $"SELECT count(*) FROM transactions {(where.Length == 0 ? "WHERE" : where + " AND")} dayname(transaction_date) = '{day}'");
            Assert.Equal(truth, Convert.ToDouble(row[answer.Columns[^1]], System.Globalization.CultureInfo.InvariantCulture), 6);
        }
    }

    [Fact]
    public async Task WhichOfTwoPlaces_StaysAComparison()
    {
        AnalyticsAnswer answer = await RuleAnswers.AskAsync(database.Path, "revenue in London or Toronto, which is higher?", answered: false);

        Assert.NotEqual(1, answer.Rows.Count);
    }

    [Fact]
    public async Task WeekdaysVersusWeekends_IsNotAnswered()
    {
        AnalyticsAnswer answer = await RuleAnswers.AskAsync(database.Path, "revenue on weekdays vs weekends", answered: false);

        Assert.NotEqual(AnalyticsAnswerStatus.Answered, answer.Status);
    }

    [Fact]
    public async Task RevenueByDate_IsStillByDay()
    {
        AnalyticsAnswer answer = await RuleAnswers.AskAsync(database.Path, "revenue by date last week");

        Assert.Equal(7, answer.Rows.Count);
    }
}
