using System.Globalization;
using AetherSegment.Analytics;
using AetherSegment.Data;
using AetherSegment.DuckDB;

namespace AetherSegment.Cli.Tests.Analytics;

/// <summary>
/// Stop 37 (campaigns and triggers, time ranges and growth, sessions and events): the kinds the ninth blind set declined,
/// each in several wordings (<c>QuestionParser.Stop37</c>), recounted by hand-written SQL on the fixture (as-of
/// 2026-11-20 12:00 UTC; campaign ids CMP000 to CMP005).
/// </summary>
public sealed class CampaignsRangesSessionsStop37Tests(AnalyticsDatabase database) : IClassFixture<AnalyticsDatabase>
{
    private const string NeverInAnyCampaign = "SELECT count(*) FROM customers WHERE customer_id NOT IN (SELECT customer_id FROM campaign_history)";
    private const string TreatmentRate = "SELECT avg(CASE WHEN converted THEN 1.0 ELSE 0.0 END) FROM campaign_history WHERE \"group\" = 'treatment'";
    private const string ControlRate = "SELECT avg(CASE WHEN converted THEN 1.0 ELSE 0.0 END) FROM campaign_history WHERE \"group\" = 'control'";
    private const string Uplift002 = "SELECT avg(CASE WHEN converted THEN 1.0 ELSE 0.0 END) FILTER (WHERE \"group\" = 'treatment') - avg(CASE WHEN converted THEN 1.0 ELSE 0.0 END) FILTER (WHERE \"group\" = 'control') FROM campaign_history WHERE campaign_id = 'CMP002'";
    private const string RevenueQ3 = "SELECT sum(order_value) FROM transactions WHERE transaction_date >= TIMESTAMP '2026-07-01' AND transaction_date < TIMESTAMP '2026-10-01'";
    private const string SessionsWithCheckout = "SELECT count(DISTINCT session_id) FROM behavioral_events WHERE event_type = 'checkout_start'";
    private const string SessionsWithoutCheckout = "SELECT count(DISTINCT session_id) FROM behavioral_events WHERE session_id NOT IN (SELECT session_id FROM behavioral_events WHERE event_type = 'checkout_start')";

    [Theory]
    // Campaign membership: "neither ... nor", "any campaign", "treatment or control", "in no campaign".
    [InlineData("How many customers have never been part of any campaign, neither in a treatment nor in a control group?", NeverInAnyCampaign)]
    [InlineData("how many customers were never in a campaign, either treatment or control?", NeverInAnyCampaign)]
    [InlineData("Number of customers who have not been part of a campaign (treatment or control)", NeverInAnyCampaign)]
    [InlineData("customers who were in no campaign", NeverInAnyCampaign)]
    [InlineData("How many customers have never been in a treatment or control group of any campaign?", NeverInAnyCampaign)]
    // One arm's conversion rate, with "pooled", "rows", "sends", "across all campaigns".
    [InlineData("Across all campaigns pooled together, what percentage of treatment-group rows converted?", TreatmentRate)]
    [InlineData("What percent of treatment sends converted overall?", TreatmentRate)]
    [InlineData("what share of the treatment group converted, all campaigns combined?", TreatmentRate)]
    [InlineData("What percentage of control-group customers converted across all campaigns?", ControlRate)]
    [InlineData("treatment group conversion percentage across all campaigns", TreatmentRate)]
    // The uplift said in its parts and in percentage points, the campaign by its id in any case.
    [InlineData("For campaign CMP002, what's the lift in conversion rate, treatment minus control, in percentage points?", Uplift002)]
    [InlineData("conversion lift for cmp002 in percentage points", Uplift002)]
    [InlineData("What is the uplift for CMP002, expressed in pp?", Uplift002)]
    [InlineData("the difference in conversion rate for campaign cmp002, treatment vs control, in points", Uplift002)]
    // A range restated in brackets, quarters, halves, spans of months and of dates.
    [InlineData("Total revenue for Q3 2026 (July through September)", RevenueQ3)]
    [InlineData("revenue in the third quarter of 2026 (Jul-Sep)", RevenueQ3)]
    [InlineData("total revenue from July to September 2026", RevenueQ3)]
    [InlineData("revenue July through September 2026", RevenueQ3)]
    [InlineData("Revenue for Q3 2026 (2026-07-01 to 2026-09-30)", RevenueQ3)]
    [InlineData("revenue in H1 2026 (January to June)", "SELECT sum(order_value) FROM transactions WHERE transaction_date >= TIMESTAMP '2026-01-01' AND transaction_date < TIMESTAMP '2026-07-01'")]
    [InlineData("How many orders were placed between March and May 2026?", "SELECT count(*) FROM transactions WHERE transaction_date >= TIMESTAMP '2026-03-01' AND transaction_date < TIMESTAMP '2026-06-01'")]
    [InlineData("revenue between 2026-06-01 and 2026-08-31", "SELECT sum(order_value) FROM transactions WHERE transaction_date >= TIMESTAMP '2026-06-01' AND transaction_date < TIMESTAMP '2026-09-01'")]
    [InlineData("number of orders from June 15, 2026 to July 14, 2026", "SELECT count(*) FROM transactions WHERE transaction_date >= TIMESTAMP '2026-06-15' AND transaction_date < TIMESTAMP '2026-07-15'")]
    [InlineData("revenue from November 2025 to February 2026", "SELECT sum(order_value) FROM transactions WHERE transaction_date >= TIMESTAMP '2025-11-01' AND transaction_date < TIMESTAMP '2026-03-01'")]
    // Sessions that included an event type, and sessions without one (none of their events of that type).
    [InlineData("How many sessions included at least one checkout start?", SessionsWithCheckout)]
    [InlineData("number of sessions that had a checkout start", SessionsWithCheckout)]
    [InlineData("how many sessions with one or more checkout start events", SessionsWithCheckout)]
    [InlineData("How many sessions did not include a checkout start?", SessionsWithoutCheckout)]
    [InlineData("how many sessions had no checkout start", SessionsWithoutCheckout)]
    [InlineData("sessions without any checkout start events", SessionsWithoutCheckout)]
    [InlineData("how many sessions on ios had no checkout start", "SELECT count(DISTINCT session_id) FROM behavioral_events WHERE device = 'ios' AND session_id NOT IN (SELECT session_id FROM behavioral_events WHERE event_type = 'checkout_start')")]
    public async Task Answer_IsTheHandWrittenSql(string question, string truth)
    {
        AnalyticsAnswer answer = await RuleAnswers.AskAsync(database.Path, question);

        Assert.Equal(await RuleAnswers.TruthAsync(database.Path, truth), RuleAnswers.Single(answer), 6);
    }

    [Theory]
    [InlineData("Which trigger type has the highest treatment-group conversion rate across all campaigns?")]
    [InlineData("which trigger has the best treatment conversion rate, all campaigns pooled?")]
    public async Task TriggerWithTheHighestTreatmentRate_IsTheHandWrittenSql(string question)
    {
        AnalyticsAnswer answer = await RuleAnswers.AskAsync(database.Path, question);

        string truth = await FirstStringAsync("SELECT trigger_type FROM campaign_history WHERE \"group\" = 'treatment' GROUP BY 1 ORDER BY avg(CASE WHEN converted THEN 1.0 ELSE 0.0 END) DESC LIMIT 1");
        Assert.Equal(truth, Convert.ToString(answer.Rows[0][answer.Columns[0]], CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("By what percentage did revenue grow from October 2026 to November 2026 (November month-to-date)?")]
    [InlineData("percentage growth in revenue from October to November (November so far)")]
    public async Task GrowthBetweenTwoNamedMonths_WithARestatement_IsTheChangeInPercent(string question)
    {
        AnalyticsAnswer answer = await RuleAnswers.AskAsync(database.Path, question);

        double before = await RuleAnswers.TruthAsync(database.Path, "SELECT sum(order_value) FROM transactions WHERE transaction_date >= TIMESTAMP '2026-10-01' AND transaction_date < TIMESTAMP '2026-11-01'");
        double after = await RuleAnswers.TruthAsync(database.Path, "SELECT sum(order_value) FROM transactions WHERE transaction_date >= TIMESTAMP '2026-11-01' AND transaction_date < TIMESTAMP '2026-12-01'");
        Assert.Equal("percent_change_in_revenue", answer.Columns[0]);
        Assert.Equal((after / before) - 1, RuleAnswers.Single(answer), 9);
    }

    [Theory]
    // A range in brackets that is not the one outside them: two ranges, not answered for either.
    [InlineData("Total revenue for Q3 2026 (August through October)")]
    [InlineData("revenue in H1 2026 (2026-01-01 to 2026-05-31)")]
    // No such day.
    [InlineData("revenue from 2026-02-30 to 2026-03-05")]
    // "how many customers across all campaigns" counts no campaign measure: not read as every customer.
    [InlineData("how many customers across all campaigns")]
    public async Task NotOneRange_OrNoCampaignMeasure_IsNotAnswered(string question)
    {
        AnalyticsAnswer answer = await RuleAnswers.AskAsync(database.Path, question, answered: false);

        Assert.NotEqual(AnalyticsAnswerStatus.Answered, answer.Status);
    }

    [Fact]
    public async Task SessionsWithout_RestatesThatNoneOfTheirEventsHadIt()
    {
        AnalyticsAnswer answer = await RuleAnswers.AskAsync(database.Path, "how many sessions had no checkout start");

        Assert.Contains("with no checkout_start event at all", answer.Answer, StringComparison.Ordinal);
        Assert.Contains("NOT IN (SELECT", answer.Sql, StringComparison.Ordinal);
    }

    private async Task<string> FirstStringAsync(string sql)
    {
        DuckDBDataStore store = new(database.Path);
        QueryResult result = await store.QueryAsync(new SqlStatement(sql));
        return Convert.ToString(result.Scalar(), CultureInfo.InvariantCulture)!;
    }
}
