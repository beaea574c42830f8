using AetherSegment.Analytics;

namespace AetherSegment.Cli.Tests.Analytics;

/// <summary>
/// Stop 43 (ask43, the ask38 periods brought back): "since the 1st" must not take the "1" of a date that names its month
/// ("since 1 January 2026" was "since the 1st" beside "January 2026", two ranges, declined; "between 1 June 2026 and today"
/// is read as "since 1 June 2026" and broke the same way). Each answer recounted by hand-written SQL on the fixture (as-of
/// 2026-11-20 12:00 UTC; a range "since" a day runs to the end of the as-of's day).
/// </summary>
public sealed class PeriodsRescueStop43Tests(AnalyticsDatabase database) : IClassFixture<AnalyticsDatabase>
{
    private const string Orders = "SELECT count(*) FROM transactions WHERE ";
    private const string Revenue = "SELECT sum(order_value) FROM transactions WHERE ";
    private const string ToAsOf = " AND transaction_date < TIMESTAMP '2026-11-21'";

    [Theory]
    // A day with its month and year after "since": that day, whichever way the day and month are said.
    [InlineData("orders since 1 January 2026", Orders + "transaction_date >= TIMESTAMP '2026-01-01'" + ToAsOf)]
    [InlineData("How many orders have there been since 1st January 2026?", Orders + "transaction_date >= TIMESTAMP '2026-01-01'" + ToAsOf)]
    [InlineData("orders since the 1st of March 2026", Orders + "transaction_date >= TIMESTAMP '2026-03-01'" + ToAsOf)]
    [InlineData("revenue since 1 June 2026", Revenue + "transaction_date >= TIMESTAMP '2026-06-01'" + ToAsOf)]
    [InlineData("revenue since 15 June 2026", Revenue + "transaction_date >= TIMESTAMP '2026-06-15'" + ToAsOf)]
    // The first of a month without its year: the latest such day up to the as-of.
    [InlineData("orders since 1st January", Orders + "transaction_date >= TIMESTAMP '2026-01-01'" + ToAsOf)]
    [InlineData("orders since 1 March", Orders + "transaction_date >= TIMESTAMP '2026-03-01'" + ToAsOf)]
    [InlineData("revenue since the 1st", Revenue + "transaction_date >= TIMESTAMP '2026-11-01'" + ToAsOf)]
    // A day to today / now / date.
    [InlineData("how many abandoned carts between 1 June 2026 and today", "SELECT count(*) FROM abandoned_carts WHERE abandoned_at >= TIMESTAMP '2026-06-01' AND abandoned_at < TIMESTAMP '2026-11-21'")]
    [InlineData("revenue between 1 June 2026 and now", Revenue + "transaction_date >= TIMESTAMP '2026-06-01'" + ToAsOf)]
    [InlineData("orders from 1 March 2026 to date", Orders + "transaction_date >= TIMESTAMP '2026-03-01'" + ToAsOf)]
    [InlineData("orders from 1 March 2026 until today", Orders + "transaction_date >= TIMESTAMP '2026-03-01'" + ToAsOf)]
    // With a filter and a restatement in brackets.
    [InlineData("number of customers who ordered Sofas in 2026 (i.e. one or more orders since 1 January 2026)", "SELECT count(DISTINCT customer_id) FROM transactions WHERE product_type = 'Sofas' AND transaction_date >= TIMESTAMP '2026-01-01'" + ToAsOf)]
    [InlineData("Sofas revenue since 1 June 2026", Revenue + "product_type = 'Sofas' AND transaction_date >= TIMESTAMP '2026-06-01'" + ToAsOf)]
    public async Task Answer_IsTheHandWrittenSql(string question, string truth)
    {
        await RuleAnswers.AssertValueAsync(database.Path, question, truth);
    }

    [Fact]
    public async Task SinceADayWithItsYear_RestatesThatDay()
    {
        AnalyticsAnswer answer = await RuleAnswers.AskAsync(database.Path, "orders since 1 January 2026");

        Assert.Contains("since 2026-01-01", answer.Restatement, StringComparison.Ordinal);
    }
}
