using System.Globalization;
using AetherSegment.Analytics;

namespace AetherSegment.Cli.Tests.Analytics;

/// <summary>
/// Issue 17, stop 43 (ask47): customer ids are the pseudonymous keys of the data model and are listed in a top N of
/// customers ranked by a measure, however the top N asks for them ("the 10 customer ids with the highest lifetime spend",
/// "customer ids of our 10 biggest spenders", "top 10 customers by lifetime spend - ids please"); ids without a top N and
/// every other personal column stay refused. One figure as a multiple of another ("UK revenue as a multiple of Canada
/// revenue", "A vs B revenue - A as a multiple of B", "A divided by B - how many times bigger?") is the ratio of the two.
/// Every answer is recounted in hand-written SQL on the fixture store.
/// </summary>
public sealed class IdsAndMultiplesStop43Tests(AnalyticsDatabase database) : IClassFixture<AnalyticsDatabase>
{
    private const string ThisYear = "transaction_date >= TIMESTAMP '2026-01-01' AND transaction_date <= TIMESTAMP '2026-11-20 12:00:00'";
    private const string TopSpenders = "SELECT customer_id FROM transactions GROUP BY 1 QUALIFY rank() OVER (ORDER BY sum(order_value) DESC) <= 10";

    [Theory]
    [InlineData("Give me the 10 customer ids with the highest lifetime spend", TopSpenders)]
    [InlineData("top 10 customers by lifetime spend - ids please", TopSpenders)]
    [InlineData("Top 10 customers by lifetime spend (ids only)", TopSpenders)]
    [InlineData("List the customer ids of our 10 biggest spenders", TopSpenders)]
    [InlineData("customer ids for the top 10 customers by total spend", TopSpenders)]
    [InlineData("Give me the 5 customer_ids with the highest spend so far this year", "SELECT customer_id FROM transactions WHERE " + ThisYear + " GROUP BY 1 QUALIFY rank() OVER (ORDER BY sum(order_value) DESC) <= 5")]
    [InlineData("Which 5 customer ids have placed the most orders?", "SELECT customer_id FROM transactions GROUP BY 1 QUALIFY rank() OVER (ORDER BY count(*) DESC) <= 5")]
    public async Task IdsOfATopN_AreTheHandWrittenRanking(string question, string truth)
    {
        AnalyticsAnswer answer = await RuleAnswers.AskAsync(database.Path, question);

        List<string> expected = await RuleAnswers.ColumnAsync(database.Path, truth);
        Assert.Equal(expected.Order(StringComparer.Ordinal), answer.Rows.Select(r => Convert.ToString(r[answer.Columns[0]], CultureInfo.InvariantCulture)!).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("list all customer ids in London")]
    [InlineData("give me the customer ids of customers in Canada")]
    [InlineData("customer names of our top 10 spenders")]
    [InlineData("emails of the 10 customers with the highest lifetime spend")]
    public async Task IdsWithoutATopN_OrOtherPersonalData_AreRefused(string question)
    {
        AnalyticsAnswer answer = await RuleAnswers.AskAsync(database.Path, question, answered: false);

        Assert.Equal(AnalyticsAnswerStatus.Refused, answer.Status);
    }

    [Theory]
    [InlineData("UK revenue as a multiple of Canada revenue this year",
        "SELECT sum(t.order_value) FILTER (WHERE c.country = 'United Kingdom') / sum(t.order_value) FILTER (WHERE c.country = 'Canada') FROM transactions t JOIN customers c USING (customer_id) WHERE t." + ThisYear)]
    [InlineData("UK vs Canada revenue this year \u2014 UK as a multiple of Canada",
        "SELECT sum(t.order_value) FILTER (WHERE c.country = 'United Kingdom') / sum(t.order_value) FILTER (WHERE c.country = 'Canada') FROM transactions t JOIN customers c USING (customer_id) WHERE t." + ThisYear)]
    [InlineData("Bedroom orders as a multiple of Lighting orders",
        "SELECT count(*) FILTER (WHERE category = 'Bedroom') / count(*) FILTER (WHERE category = 'Lighting') FROM transactions")]
    [InlineData("Average order value in Bedroom divided by average order value in Lighting - how many times bigger?",
        "SELECT avg(order_value) FILTER (WHERE category = 'Bedroom') / avg(order_value) FILTER (WHERE category = 'Lighting') FROM transactions")]
    public async Task AMultiple_IsTheHandWrittenRatio(string question, string truth)
    {
        await RuleAnswers.AssertValueAsync(database.Path, question, truth, precision: 3, nonZero: true);
    }
}
