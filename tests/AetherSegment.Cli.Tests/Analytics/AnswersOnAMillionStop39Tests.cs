using AetherSegment.Analytics;

namespace AetherSegment.Cli.Tests.Analytics;

/// <summary>
/// Stop 39 (ask23): the cheaper SQL the compiler writes for the slowest answers on 1,000,000 customers, each recounted on
/// the fixture by SQL written by hand: a campaign arm compared per customer with a number 0 fails reads the arm as a
/// filter (and "at least one" as a distinct list); a condition "has bought" beside a grouped condition on the same rows
/// is left out; a statistic over every customer reads the customers table without grouping it; a ratio with the sessions
/// counts the session-start rows when no time range cuts a session. Answers must stay what they were; timings are not
/// asserted (docs/benchmarks.md, "Stop 39: answers on 1M").
/// </summary>
public sealed class AnswersOnAMillionStop39Tests(AnalyticsDatabase database) : IClassFixture<AnalyticsDatabase>
{
    private const string ArmCount = "SELECT count(*) FROM customers c WHERE c.customer_id IN (SELECT customer_id FROM campaign_history WHERE \"group\" = '{0}' GROUP BY 1 HAVING count(DISTINCT campaign_id) {1})";
    private const string RepeatShare = "SELECT (SELECT count(*) FROM (SELECT customer_id FROM transactions GROUP BY 1 HAVING count(*) {0})) / (SELECT count(DISTINCT customer_id) FROM transactions)";
    private const string EventsPerSession = "SELECT count(*) / count(DISTINCT session_id) FROM behavioral_events {0}";

    [Theory]
    [InlineData("How many customers were held out (control group) in 3 or more campaigns?", "control", ">= 3")]
    [InlineData("how many customers were held out in at least 2 campaigns", "control", ">= 2")]
    [InlineData("how many customers were in the control group of at least one campaign", "control", ">= 1")]
    [InlineData("how many customers received at least one campaign", "treatment", ">= 1")]
    [InlineData("how many customers were in the treatment group of at least 2 campaigns", "treatment", ">= 2")]
    [InlineData("how many customers received 3+ campaigns", "treatment", ">= 3")]
    public async Task ArmCampaignsPerCustomer_MatchSql(string question, string arm, string having)
    {
        AnalyticsAnswer answer = await RuleAnswers.AskAsync(database.Path, question);

        Assert.Equal(await RuleAnswers.TruthAsync(database.Path, Fill(ArmCount, arm, having)), RuleAnswers.Single(answer), 6);
        Assert.DoesNotContain("CASE WHEN", answer.Sql, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TreatedNeverHeldOut_MatchesSql()
    {
        AnalyticsAnswer answer = await RuleAnswers.AskAsync(database.Path, "How many customers have been in the treatment group of at least one campaign but never in any control group?");

        double truth = await RuleAnswers.TruthAsync(database.Path,
            "SELECT count(*) FROM customers c WHERE c.customer_id IN (SELECT customer_id FROM campaign_history WHERE \"group\" = 'treatment') " +
            "AND c.customer_id NOT IN (SELECT customer_id FROM campaign_history WHERE \"group\" = 'control' AND customer_id IS NOT NULL)");
        Assert.True(truth > 0);
        Assert.Equal(truth, RuleAnswers.Single(answer), 6);
        Assert.Contains("SELECT DISTINCT", answer.Sql, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Of customers who have ordered, what % ordered more than once?", "> 1")]
    [InlineData("What percentage of customers who have purchased have made at least 2 purchases?", ">= 2")]
    [InlineData("Among buyers, what share placed 3 or more orders?", ">= 3")]
    public async Task ShareOfBuyersWithOrders_MatchesSql(string question, string having)
    {
        AnalyticsAnswer answer = await RuleAnswers.AskAsync(database.Path, question);

        Assert.Equal(await RuleAnswers.TruthAsync(database.Path, Fill(RepeatShare, having, "")), RuleAnswers.Single(answer), 6);
        // The part reads the grouped condition alone ("has bought" is implied by it); the whole keeps "has bought".
        Assert.Equal(2, answer.Sql!.Split("FROM transactions").Length - 1);
    }

    [Theory]
    [InlineData("Average lifetime spend per purchasing customer", "SELECT avg(s) FROM (SELECT t.customer_id, sum(t.order_value) s FROM transactions t JOIN customers c ON c.customer_id = t.customer_id GROUP BY 1)")]
    [InlineData("On average, how many different categories has each buyer purchased from?", "SELECT avg(n) FROM (SELECT t.customer_id, count(DISTINCT t.category) n FROM transactions t JOIN customers c ON c.customer_id = t.customer_id GROUP BY 1)")]
    [InlineData("For customers with 2+ orders, the average number of days between their first and last order", "SELECT avg((epoch_us(l) - epoch_us(f)) / 86400000000.0) FROM (SELECT customer_id, min(transaction_date) f, max(transaction_date) l FROM transactions GROUP BY 1 HAVING count(*) >= 2)")]
    public async Task StatisticOverCustomers_MatchesSql(string question, string truth)
    {
        AnalyticsAnswer answer = await RuleAnswers.AskAsync(database.Path, question);

        Assert.Equal(await RuleAnswers.TruthAsync(database.Path, truth), RuleAnswers.Single(answer), 6);
        Assert.DoesNotContain("COUNT(*) AS customers", answer.Sql, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StatisticOverCustomersByCountry_MatchesSql()
    {
        AnalyticsAnswer answer = await RuleAnswers.AskAsync(database.Path, "average lifetime spend per buying customer by country");

        foreach (IReadOnlyDictionary<string, object?> row in answer.Rows)
        {
            string country = Convert.ToString(row["country"], System.Globalization.CultureInfo.InvariantCulture)!;
            double truth = await RuleAnswers.TruthAsync(database.Path,
                $"SELECT avg(s) FROM (SELECT t.customer_id, sum(t.order_value) s FROM transactions t JOIN customers c ON c.customer_id = t.customer_id WHERE c.country = '{country.Replace("'", "''", StringComparison.Ordinal)}' GROUP BY 1)");
            Assert.Equal(truth, Convert.ToDouble(row[answer.Columns[1]], System.Globalization.CultureInfo.InvariantCulture), 6);
        }

        Assert.NotEmpty(answer.Rows);
    }

    [Theory]
    [InlineData("Average number of events per session (all time)", "")]
    [InlineData("average events per session on web", "WHERE device = 'web'")]
    public async Task EventsPerSession_MatchesSql(string question, string where)
    {
        AnalyticsAnswer answer = await RuleAnswers.AskAsync(database.Path, question);

        Assert.Equal(await RuleAnswers.TruthAsync(database.Path, Fill(EventsPerSession, where, "")), RuleAnswers.Single(answer), 6);
        Assert.Contains("session_start", answer.Sql, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EventsPerSessionByDevice_MatchesSql()
    {
        AnalyticsAnswer answer = await RuleAnswers.AskAsync(database.Path, "average number of events per session for each device");

        Assert.NotEmpty(answer.Rows);
        foreach (IReadOnlyDictionary<string, object?> row in answer.Rows)
        {
            string device = Convert.ToString(row["device"], System.Globalization.CultureInfo.InvariantCulture)!;
            double truth = await RuleAnswers.TruthAsync(database.Path, $"SELECT count(*) / count(DISTINCT session_id) FROM behavioral_events WHERE device = '{device.Replace("'", "''", StringComparison.Ordinal)}'");
            Assert.Equal(truth, Convert.ToDouble(row["events_per_session"], System.Globalization.CultureInfo.InvariantCulture), 6);
        }
    }

    [Fact]
    public async Task EventsPerSessionInARange_CountsDistinctSessions()
    {
        // A range can cut a session: the sessions stay a distinct count of ids.
        AnalyticsAnswer answer = await RuleAnswers.AskAsync(database.Path, "events per session in the last 30 days");

        Assert.Contains("COUNT(DISTINCT e.session_id)", answer.Sql, StringComparison.Ordinal);
    }

    private static string Fill(string sql, string first, string second) =>
        sql.Replace("{0}", first, StringComparison.Ordinal).Replace("{1}", second, StringComparison.Ordinal);
}
