using AetherSegment.Analytics;

namespace AetherSegment.Cli.Tests.Analytics;

/// <summary>
/// Stop 43 (ask42): what an analyst says again in other words, read where the question as written was declined: a range
/// said twice (by its days, by the months of a named span), a measure restated by the mapping's column ("sum of
/// order_value", "by number of transactions, not value", "distinct customers in the customer table"), and instructions
/// about the output ("one row per source", "highest first", "percentage please", "all acquisition dates", "counting every
/// transaction row"). Each answer recounted by SQL written by hand on the fixture (as-of 2026-11-20 12:00 UTC); a
/// restatement that contradicts the reading is not answered.
/// </summary>
public sealed class RestatementsStop43Tests(AnalyticsDatabase database) : IClassFixture<AnalyticsDatabase>
{
    private const string October2026 = "transaction_date >= TIMESTAMP '2026-10-01 00:00:00' AND transaction_date < TIMESTAMP '2026-11-01 00:00:00'";
    private const string Q32026 = "transaction_date >= TIMESTAMP '2026-07-01 00:00:00' AND transaction_date < TIMESTAMP '2026-10-01 00:00:00'";
    private const string Summer2026 = "transaction_date >= TIMESTAMP '2026-06-01 00:00:00' AND transaction_date < TIMESTAMP '2026-09-01 00:00:00'";
    private const string Last90Days = "transaction_date >= TIMESTAMP '2026-08-22 12:00:00' AND transaction_date <= TIMESTAMP '2026-11-20 12:00:00'";
    private const string Last30Days = "transaction_date >= TIMESTAMP '2026-10-21 12:00:00' AND transaction_date <= TIMESTAMP '2026-11-20 12:00:00'";

    [Theory]
    [InlineData("Total revenue (sum of order_value) broken down by product category for orders placed in October 2026 (1-31 October), highest first")]
    [InlineData("Revenue by category for October 2026 (1-31 October)")]
    [InlineData("Revenue by category, October 2026 (October 1 to October 31)")]
    [InlineData("Sum of order value by category for October 2026 (Oct 1 - Oct 31), sorted highest first")]
    [InlineData("What was revenue per category in October 2026 (i.e. 1 Oct to 31 Oct)?")]
    [InlineData("Total revenue by category for orders placed in October 2026")]
    public async Task RangeAndMeasureSaidTwice_AreOne(string question) =>
        await RuleAnswers.AssertGroupsAsync(database.Path, question, $"SELECT category, sum(order_value) FROM transactions WHERE {October2026} GROUP BY 1", precision: 2);

    [Theory]
    // "total revenue" is the measure's word, not the campaign sends' revenue column summed.
    [InlineData("Total revenue in October 2026 (1-31 October)")]
    [InlineData("Total revenue (sum of order_value) in October 2026 (Oct 1 - Oct 31)")]
    public async Task TotalRevenueSaidTwice_IsTheOrdersRevenue(string question) =>
        await RuleAnswers.AssertValueAsync(database.Path, question, $"SELECT sum(order_value) FROM transactions WHERE {October2026}", precision: 2, nonZero: true);

    [Theory]
    [InlineData("How many orders did UK customers place in Q3 2026 (July to September)?")]
    [InlineData("How many orders did UK customers place in Q3 2026?")]
    [InlineData("Orders from the UK in 2026 Q3 (1 July to 30 September)")]
    [InlineData("Number of orders by customers in the UK during the third quarter of 2026")]
    public async Task QuarterSaidManyWays_IsTheQuarter(string question) =>
        await RuleAnswers.AssertValueAsync(database.Path, question,
            $"SELECT count(*) FROM transactions t JOIN customers c USING (customer_id) WHERE c.country = 'United Kingdom' AND t.{Q32026}", nonZero: true);

    [Theory]
    [InlineData("Bedroom revenue over summer 2026 (June through August)")]
    [InlineData("Bedroom revenue in summer 2026 (June-August)")]
    [InlineData("What was Bedroom revenue for summer 2026 (Jun, Jul, Aug)?")]
    [InlineData("Revenue from Bedroom over the summer of 2026 (June to August)")]
    public async Task NamedSpanDefinedByItsMonths_IsThoseMonths(string question) =>
        await RuleAnswers.AssertValueAsync(database.Path, question,
            $"SELECT sum(order_value) FROM transactions WHERE category = 'Bedroom' AND {Summer2026}", precision: 2, nonZero: true);

    [Theory]
    [InlineData("How many customers spent over $500 in total (sum of order_value) on orders placed in the last 90 days?")]
    [InlineData("How many customers spent more than $500 in the last 90 days (total of their order values)?")]
    public async Task SpendRestatedByItsColumn_IsTheSpend(string question) =>
        await RuleAnswers.AssertValueAsync(database.Path, question,
            $"SELECT count(*) FROM (SELECT customer_id FROM transactions WHERE {Last90Days} GROUP BY 1 HAVING sum(order_value) > 500)", nonZero: true);

    [Theory]
    [InlineData("What is the number of customers acquired through referral whose clv_score is 0.5 or higher? Count distinct customers in the customer table, all acquisition dates.")]
    [InlineData("How many referral customers have a clv_score of 0.5 or higher? All acquisition dates.")]
    [InlineData("Number of referral customers with CLV score >= 0.5, any signup date")]
    public async Task CustomersRestated_AreTheCustomers(string question) =>
        await RuleAnswers.AssertValueAsync(database.Path, question,
            "SELECT count(*) FROM customers WHERE acquisition_source = 'referral' AND clv_score >= 0.5", nonZero: true);

    [Theory]
    [InlineData("How many customers have placed 3 or more orders, counting every transaction row over all time?")]
    [InlineData("How many customers have 3+ orders, every transaction counted, over all time?")]
    [InlineData("Customers with at least 3 orders ever (each transaction row counts as an order) - how many?")]
    public async Task EveryRowCounted_IsTheOrders(string question) =>
        await RuleAnswers.AssertValueAsync(database.Path, question,
            "SELECT count(*) FROM (SELECT customer_id FROM transactions GROUP BY 1 HAVING count(*) >= 3)", nonZero: true);

    [Theory]
    [InlineData("What share of transactions in the last 30 days (by number of transactions, not value) were in the Bedroom category? Percentage please.")]
    [InlineData("What percentage of transactions in the last 30 days were Bedroom (by count, not value)?")]
    public async Task ShareByNumber_IsTheShareOfRows(string question)
    {
        AnalyticsAnswer answer = await RuleAnswers.AskAsync(database.Path, question);
        double truth = await RuleAnswers.TruthAsync(database.Path,
            $"SELECT count(*) FILTER (WHERE category = 'Bedroom') * 1.0 / count(*) FROM transactions WHERE {Last30Days}");
        double said = RuleAnswers.Single(answer);
        Assert.True(Math.Abs(said - truth) < 1e-6 || Math.Abs(said - (truth * 100)) < 1e-4, $"{said} is not {truth}");
    }

    [Theory]
    [InlineData("For each acquisition source, how many customers were acquired in 2026 to date (created_at from 1 Jan 2026 through now)? One row per source.")]
    [InlineData("New customers by acquisition source this year (created_at since 1 Jan 2026). One row per source.")]
    public async Task SignupRangeNamedByItsColumn_IsTheSignups(string question) =>
        await RuleAnswers.AssertGroupsAsync(database.Path, question,
            "SELECT acquisition_source, count(*) FROM customers WHERE created_at >= TIMESTAMP '2026-01-01 00:00:00' GROUP BY 1");

    [Theory]
    [InlineData("Number of orders per calendar month from June 2026 through October 2026 inclusive (by transaction_date), one row per month")]
    [InlineData("Monthly order count, June 2026 through October 2026 (by transaction date)")]
    public async Task MonthlyByTheDateColumn_IsPerMonth(string question)
    {
        AnalyticsAnswer answer = await RuleAnswers.AskAsync(database.Path, question);
        List<string> months = await RuleAnswers.ColumnAsync(database.Path,
            "SELECT CAST(count(*) AS VARCHAR) FROM transactions WHERE transaction_date >= TIMESTAMP '2026-06-01 00:00:00' AND transaction_date < TIMESTAMP '2026-11-01 00:00:00' GROUP BY date_trunc('month', transaction_date) ORDER BY date_trunc('month', transaction_date)");
        Assert.Equal(months, answer.Rows.Select(r => Convert.ToString(r[answer.Columns[^1]], System.Globalization.CultureInfo.InvariantCulture) ?? "").ToList());
    }

    [Theory]
    // The restatement contradicts the reading: a different column's sum, other months, value against number.
    [InlineData("Revenue (sum of quantity) by category in October 2026")]
    [InlineData("Revenue by category for October 2026 (1-30 September)")]
    [InlineData("How many orders did UK customers place in Q3 2026 (April to June)?")]
    [InlineData("What share of transactions in the last 30 days (by value, not number) were in the Bedroom category?")]
    // A named span whose bracket is not whole months, or runs over the year's end.
    [InlineData("Bedroom revenue over summer 2026 (June 15 to August 15)")]
    [InlineData("Bedroom revenue over winter 2026 (December to February)")]
    // ("Revenue in October 2026, all dates" is read as a breakdown by day since the periods' merge: every date shown.)
    public async Task ContradictingRestatement_IsNotAnswered(string question) =>
        await RuleAnswers.AssertNotAnsweredAsync(database.Path, question);
}
