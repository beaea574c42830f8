using AetherSegment.Analytics;

namespace AetherSegment.Cli.Tests.Analytics;

/// <summary>
/// Issue 17, stop 40: a top N of customers is answered with their ids (pseudonymous keys, no other personal data), so
/// asking for the ids in it ("- customer ids please", "Just the customer id.") is answered, not refused; "which customer"
/// with a superlative is the first one, with ties. A list of ids without a ranking stays refused.
/// </summary>
public sealed class TopCustomersStop40Tests(AnalyticsDatabase database) : IClassFixture<AnalyticsDatabase>
{
    private static string TopSpenders(int n) =>
        $"SELECT customer_id FROM transactions GROUP BY 1 QUALIFY rank() OVER (ORDER BY sum(order_value) DESC) <= {n} ORDER BY sum(order_value) DESC, customer_id";

    [Theory]
    [InlineData("The 5 customers with the highest lifetime spend - customer ids please", 5)]
    [InlineData("Top 10 customers by total spend (customer_id)", 10)]
    [InlineData("top 3 customers by revenue: customer ids only", 3)]
    [InlineData("Which customer has spent the most? Just the customer id.", 1)]
    [InlineData("which customer spent the most", 1)]
    public async Task TheIdsOfATopN_AreTheRankedCustomers(string question, int n)
    {
        AnalyticsAnswer answer = await RuleAnswers.AskAsync(database.Path, question);

        List<string> truth = await RuleAnswers.ColumnAsync(database.Path, TopSpenders(n));
        Assert.Equal(truth, answer.Rows.Select(r => (string)r[answer.Columns[0]]!));
        Assert.Contains("for each customer", answer.Restatement, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("list all customer ids in London")]
    [InlineData("customer ids of buyers in London")]
    public async Task IdsWithoutARanking_AreStillRefused(string question)
    {
        AnalyticsAnswer answer = await RuleAnswers.AskAsync(database.Path, question, answered: false);

        Assert.Equal(AnalyticsAnswerStatus.Refused, answer.Status);
    }
}
