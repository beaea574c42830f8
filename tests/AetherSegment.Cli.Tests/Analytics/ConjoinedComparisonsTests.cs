using AetherSegment.Analytics;

namespace AetherSegment.Cli.Tests.Analytics;

/// <summary>
/// Two comparisons joined by "and", each after its own measure ("a churn probability of at least 0.7 and a CLV score
/// over 0.6"): each compares the measure right before it. Before, the first took the measure after "and" as its
/// subject, so "customers with churn probability over 0.7 and clv score over 0.6" answered the average churn
/// probability of customers with two CLV conditions. Every answer is recounted in SQL on the fixture.
/// </summary>
public sealed class ConjoinedComparisonsTests(AnalyticsDatabase database) : IClassFixture<AnalyticsDatabase>
{
    private Task<double> TruthAsync(string sql) => RuleAnswers.TruthAsync(database.Path, sql);

    [Theory]
    [InlineData("How many customers have a churn probability of at least 0.7 and a CLV score over 0.6?",
        "SELECT count(*) FROM customers c JOIN customer_scores s USING (customer_id) WHERE s.churn_probability >= 0.7 AND c.clv_score > 0.6")]
    [InlineData("customers with churn probability over 0.7 and clv score over 0.6",
        "SELECT count(*) FROM customers c JOIN customer_scores s USING (customer_id) WHERE s.churn_probability > 0.7 AND c.clv_score > 0.6")]
    [InlineData("how many customers have churn probability above 0.5 and discount sensitivity above 0.5",
        "SELECT count(*) FROM customer_scores WHERE churn_probability > 0.5 AND discount_sensitivity > 0.5")]
    [InlineData("customers with more than 5 orders and revenue over 1000",
        "SELECT count(*) FROM (SELECT customer_id FROM transactions GROUP BY 1 HAVING count(*) > 5 AND sum(order_value) > 1000)")]
    [InlineData("how many customers with over 3 orders and a churn probability below 0.2",
        "SELECT count(*) FROM customer_scores WHERE churn_probability < 0.2 AND customer_id IN (SELECT customer_id FROM transactions GROUP BY 1 HAVING count(*) > 3)")]
    public async Task EachComparison_ComparesTheMeasureRightBeforeIt(string question, string truth)
    {
        AnalyticsAnswer answer = await RuleAnswers.AskAsync(database.Path, question, answered: true);

        Assert.Equal("customers", answer.Columns[0]);
        Assert.Equal(await TruthAsync(truth), RuleAnswers.Single(answer));
    }
}
