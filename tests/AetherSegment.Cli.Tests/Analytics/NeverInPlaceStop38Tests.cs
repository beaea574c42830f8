using AetherSegment.Analytics;

namespace AetherSegment.Cli.Tests.Analytics;

/// <summary>
/// Issue 17, stop 38 (noticed by fix38b): "customers who never bought anything in London" was answered as "customers
/// outside London": the purchase negation excluded the customers' city. It is declined naming the reading it can give;
/// said the other way round it is answered, and a negation right before a place still excludes it.
/// </summary>
public sealed class NeverInPlaceStop38Tests(AnalyticsDatabase database) : IClassFixture<AnalyticsDatabase>
{
    [Theory]
    [InlineData("How many customers never bought anything in London")]
    [InlineData("How many customers never purchased anything in London?")]
    public async Task APurchaseNegationBeforeTheCustomersPlace_IsDeclined(string question)
    {
        AnalyticsAnswer answer = await RuleAnswers.AskAsync(database.Path, question, answered: false);

        Assert.Equal(AnalyticsAnswerStatus.Unanswerable, answer.Status);
        Assert.Contains("customers in london who never bought anything", answer.Answer, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("how many customers in London never bought anything", "SELECT count(*) FROM customers WHERE city = 'London' AND customer_id NOT IN (SELECT customer_id FROM transactions)")]
    [InlineData("how many customers not in London", "SELECT count(*) FROM customers WHERE city <> 'London'")]
    [InlineData("customers that have never ordered in London", "SELECT count(*) FROM customers WHERE city = 'London' AND customer_id NOT IN (SELECT customer_id FROM transactions)")]
    public async Task ThePlaceSaidOfTheCustomers_OrNegatedItself_IsAnswered(string question, string truth)
    {
        AnalyticsAnswer answer = await RuleAnswers.AskAsync(database.Path, question);

        Assert.Equal(await RuleAnswers.TruthAsync(database.Path, truth), RuleAnswers.Single(answer), 6);
    }
}
