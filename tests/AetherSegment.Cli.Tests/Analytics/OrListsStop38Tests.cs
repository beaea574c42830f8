using AetherSegment.Analytics;

namespace AetherSegment.Cli.Tests.Analytics;

/// <summary>
/// Issue 17, stop 38 (the fifteenth and sixteenth blind sets): "in Sydney or Melbourne" asks for one total over either
/// value, not a row for each; a question that chooses between the values ("which", "each", "vs", "more") or names its own
/// breakdown keeps a row per value. Each answer recounted by hand-written SQL on the fixture (as-of 2026-11-20 12:00 UTC).
/// </summary>
public sealed class OrListsStop38Tests(AnalyticsDatabase database) : IClassFixture<AnalyticsDatabase>
{
    [Theory]
    [InlineData("how many customers in London or Toronto?", "SELECT count(*) FROM customers WHERE city IN ('London', 'Toronto')")]
    [InlineData("What number of customers in London or in Toronto came in through paid search?",
        "SELECT count(*) FROM customers WHERE city IN ('London', 'Toronto') AND acquisition_source = 'paid_search'")]
    [InlineData("how many carts got abandoned by people in London or Toronto?",
        "SELECT count(*) FROM abandoned_carts a JOIN customers c USING (customer_id) WHERE c.city IN ('London', 'Toronto')")]
    [InlineData("revenue from Sofas or Mattresses last month",
        "SELECT sum(order_value) FROM transactions WHERE product_type IN ('Sofas', 'Mattresses') AND transaction_date >= TIMESTAMP '2026-10-01' AND transaction_date < TIMESTAMP '2026-11-01'")]
    [InlineData("number of customers from the UK or Canada", "SELECT count(*) FROM customers WHERE country IN ('United Kingdom', 'Canada')")]
    public async Task ValuesJoinedByOr_AreOneTotal(string question, string truth)
    {
        AnalyticsAnswer answer = await RuleAnswers.AskAsync(database.Path, question);

        Assert.Single(answer.Rows);
        Assert.Equal(await RuleAnswers.TruthAsync(database.Path, truth), RuleAnswers.Single(answer), 6);
    }

    [Theory]
    [InlineData("customers in London or Toronto by city", 2)]
    [InlineData("customers in London or Toronto: how many in each?", 2)]
    [InlineData("number of customers from London or Toronto per acquisition source", 0)]
    public async Task ValuesJoinedByOr_KeepTheirRows_WhereTheQuestionAsksForEach(string question, int rows)
    {
        AnalyticsAnswer answer = await RuleAnswers.AskAsync(database.Path, question);

        Assert.True(answer.Status == AnalyticsAnswerStatus.Answered, answer.Restatement);
        if (rows > 0)
        {
            Assert.Equal(rows, answer.Rows.Count);
        }
        else
        {
            Assert.Equal(
                await RuleAnswers.TruthAsync(database.Path, "SELECT count(*) FROM customers WHERE city IN ('London', 'Toronto')"),
                answer.Rows.Sum(r => Convert.ToDouble(r[answer.Columns[^1]], System.Globalization.CultureInfo.InvariantCulture)), 6);
        }
    }
}
