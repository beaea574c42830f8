using AetherSegment.Analytics;

namespace AetherSegment.Cli.Tests.Analytics;

/// <summary>
/// Stop 41 (ask33): campaign outcomes, campaigns a customer was never in, lapsed buyers and recency, said the ways the
/// blind sets say them. Each answer is recounted by hand-written SQL on the fixture (campaigns CMP000..CMP005 sent
/// 20 + 25c days before the as-of 2026-11-20 12:00, even customers in the even campaigns, odd in the odd ones).
/// </summary>
public sealed class CampaignOutcomesStop41Tests(AnalyticsDatabase database) : IClassFixture<AnalyticsDatabase>
{
    private const string AsOf = "TIMESTAMP '2026-11-20 12:00:00'";

    private Task<double> TruthAsync(string sql) => RuleAnswers.TruthAsync(database.Path, sql);

    [Theory]
    [InlineData("In the treatment group of CMP002, how many customers did not convert?", "")]
    [InlineData("how many people in the treatment group of CMP002 didn't convert?", "")]
    [InlineData("In the CMP002 campaign, how many treated customers did not convert?", "")]
    [InlineData("How many customers in the treatment group of CMP002 never converted?", "")]
    [InlineData("how many customers in Canada were in the treatment group of CMP002 but did not convert", " AND customer_id IN (SELECT customer_id FROM customers WHERE country = 'Canada')")]
    public async Task DidNotConvert_InTheTreatmentGroupOfOneCampaign(string question, string where)
    {
        AnalyticsAnswer answer = await RuleAnswers.AssertValueAsync(database.Path, question, $"SELECT count(DISTINCT customer_id) FROM campaign_history WHERE campaign_id = 'CMP002' AND \"group\" = 'treatment' AND NOT converted{where}", nonZero: true);
        Assert.Contains("did not convert (treatment group)", answer.Restatement, StringComparison.Ordinal);
        Assert.Contains("were in the treatment group", answer.Restatement, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("how many treated customers did not convert in the cross sell campaigns?")]
    [InlineData("how many customers in the treatment group of a cross sell campaign did not convert")]
    public async Task DidNotConvert_OverSeveralCampaigns_IsDeclined(string question)
    {
        await RuleAnswers.AssertNotAnsweredAsync(database.Path, question);
    }

    [Theory]
    [InlineData("Number of customers who were in the treatment group of at least one campaign and have never converted on any campaign", "")]
    [InlineData("how many customers were in the treatment group of at least one campaign but never converted in any campaign", "")]
    [InlineData("customers in Canada in the treatment group of at least one campaign who have not converted on any campaign - how many?", " AND customer_id IN (SELECT customer_id FROM customers WHERE country = 'Canada')")]
    public async Task TreatedButNeverConvertedAnywhere_CountsConversionsOfEitherGroup(string question, string where)
    {
        AnalyticsAnswer answer = await RuleAnswers.AssertValueAsync(database.Path, question, $"SELECT count(*) FROM (SELECT customer_id FROM campaign_history WHERE \"group\" = 'treatment'{where} EXCEPT SELECT customer_id FROM campaign_history WHERE converted)", nonZero: true);
        Assert.Contains("never converted in any campaign (treatment or control group)", answer.Restatement, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("How many customers have never been in any campaign at all (neither treatment nor control)?")]
    [InlineData("how many customers have never been included in any campaign (neither treatment nor control)")]
    [InlineData("customers in Canada who were never in any campaign, not in treatment or control - how many?")]
    public async Task NeverInAnyCampaign_SaidWithBothGroups(string question)
    {
        string where = question.Contains("Canada", StringComparison.Ordinal) ? " AND country = 'Canada'" : "";
        AnalyticsAnswer answer = await RuleAnswers.AssertValueAsync(database.Path, question, $"SELECT count(*) FROM customers WHERE customer_id NOT IN (SELECT customer_id FROM campaign_history){where}");
        Assert.Contains("never in any campaign (treatment or control group)", answer.Restatement, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("customers that haven't been included in any campaign in the last 30 days", "")]
    [InlineData("How many customers have not been part of any campaign in the past 30 days?", "")]
    [InlineData("how many customers in Canada haven't been in any campaign in the last 30 days", " AND country = 'Canada'")]
    public async Task NotInAnyCampaignInARange_CountsTheSendsInTheRange(string question, string where)
    {
        AnalyticsAnswer answer = await RuleAnswers.AskAsync(database.Path, question);

        double truth = await TruthAsync($"SELECT count(*) FROM customers WHERE customer_id NOT IN (SELECT customer_id FROM campaign_history WHERE sent_at >= {AsOf} - INTERVAL 30 DAY AND sent_at <= {AsOf}){where}");
        double never = await TruthAsync($"SELECT count(*) FROM customers WHERE customer_id NOT IN (SELECT customer_id FROM campaign_history){where}");
        Assert.True(truth > never, "the data does not test it");
        Assert.Equal(truth, RuleAnswers.Single(answer), 6);
        Assert.Contains("were in no campaign (treatment or control group) sent", answer.Restatement, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("How many customers were in the treatment group of CMP000 and also in the treatment group of CMP002?")]
    [InlineData("customers in the treatment group of CMP000 and in the treatment group of CMP002 - how many?")]
    [InlineData("how many customers were in the control group of CMP000 and also in the control group of CMP002")]
    public async Task InTheGroupOfOneAndAlsoOfAnother_IsBoth(string question)
    {
        string group = question.Contains("control", StringComparison.Ordinal) ? "control" : "treatment";
        AnalyticsAnswer answer = await RuleAnswers.AssertValueAsync(database.Path, question, $"SELECT count(*) FROM (SELECT customer_id FROM campaign_history WHERE campaign_id = 'CMP000' AND \"group\" = '{group}' INTERSECT SELECT customer_id FROM campaign_history WHERE campaign_id = 'CMP002' AND \"group\" = '{group}')", nonZero: true);
        Assert.Contains($"{group} group", answer.Restatement, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Customers who haven't purchased in the past 90 days but did buy before that - how many lapsed buyers?", "")]
    [InlineData("how many customers have not ordered in the last 90 days but did order before", "")]
    [InlineData("How many shoppers haven't ordered anything in the last 90 days but ordered previously?", "")]
    public async Task LapsedBuyers_BoughtBeforeButNotInTheRange(string question, string where)
    {
        AnalyticsAnswer answer = await RuleAnswers.AssertValueAsync(database.Path, question, $"SELECT count(*) FROM (SELECT customer_id FROM transactions GROUP BY customer_id HAVING max(transaction_date) < {AsOf} - INTERVAL 90 DAY) WHERE true{where}", nonZero: true);
        Assert.Contains("who did not buy", answer.Restatement, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("customers in Canada who haven't bought anything in the last 90 days but have bought before - how many?")]
    public async Task LapsedBuyers_AfterAnotherWord_AreNotReadApart(string question)
    {
        AnalyticsAnswer answer = await RuleAnswers.AskAsync(database.Path, question, answered: false);

        double truth = await TruthAsync($"SELECT count(*) FROM (SELECT customer_id FROM transactions GROUP BY customer_id HAVING max(transaction_date) < {AsOf} - INTERVAL 90 DAY) WHERE customer_id IN (SELECT customer_id FROM customers WHERE country = 'Canada')");
        Assert.True(answer.Status != AnalyticsAnswerStatus.Answered || RuleAnswers.Single(answer) == truth, answer.Answer);
    }

    [Theory]
    [InlineData("Average days since last purchase for Canadian customers (those who have purchased), as of the latest data", " WHERE c.country = 'Canada'")]
    [InlineData("For Canadian buyers, how many days on average since their last purchase, counted to the latest data?", " WHERE c.country = 'Canada'")]
    [InlineData("median days since the last order per buyer as of the latest data", "")]
    public async Task DaysSinceTheLastPurchase_AsOfTheLatestData(string question, string where)
    {
        string statistic = question.StartsWith("median", StringComparison.Ordinal) ? "median" : "avg";
        AnalyticsAnswer answer = await RuleAnswers.AssertValueAsync(database.Path, question, $"SELECT {statistic}((epoch_us({AsOf}) - epoch_us(l)) / 86400000000.0) FROM (SELECT t.customer_id, max(t.transaction_date) l FROM transactions t JOIN customers c USING (customer_id){where} GROUP BY 1)");
        Assert.Contains("as of 2026-11-20 12:00 UTC", answer.Restatement, StringComparison.Ordinal);
        Assert.Contains("days since the last purchase", answer.Restatement, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("For UK customers who've purchased, how many days on average since their last order?")]
    [InlineData("Average days since last purchase for Canadian customers (those who have purchased)")]
    [InlineData("average days since last purchase in 2026, as of the latest data")]
    public async Task DaysSinceTheLastPurchase_WithoutTheInstant_IsAskedBack(string question)
    {
        AnalyticsAnswer answer = await RuleAnswers.AskAsync(database.Path, question, answered: false);

        Assert.Equal(AnalyticsAnswerStatus.Unanswerable, answer.Status);
        Assert.Contains("days since the last purchase", answer.Answer, StringComparison.Ordinal);
    }
}
