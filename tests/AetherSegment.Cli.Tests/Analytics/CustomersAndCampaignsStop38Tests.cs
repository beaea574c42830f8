using System.Globalization;
using AetherSegment.Analytics;
using AetherSegment.Data;
using AetherSegment.DuckDB;

namespace AetherSegment.Cli.Tests.Analytics;

/// <summary>
/// Stop 38 (ask18): customers and campaigns, each kind in several wordings, answered on the fixture and recounted by SQL
/// written by hand: each customer's span between two dates (first to last purchase, sign-up to first purchase) and each
/// buyer's largest order as the values a statistic is taken of; the campaigns of each customer compared with a number, in
/// one group or either ("held out in 3 or more campaigns"); campaign types as filters; attributed revenue per conversion or
/// per treated customer (the treatment group's); other wordings ("treatment, not holdout", "past campaigns", "campaigns sent
/// in <range>", "per UK customer", "for each <trigger> campaign"); and the readings that are asked back.
/// </summary>
public sealed class CustomersAndCampaignsStop38Tests(AnalyticsDatabase database) : IClassFixture<AnalyticsDatabase>
{
    private const string Last60Days = "sent_at >= TIMESTAMP '2026-09-21 12:00:00' AND sent_at <= TIMESTAMP '2026-11-20 12:00:00'";
    private const string FirstToLast = "SELECT {0}((epoch_us(l) - epoch_us(f)) / 86400000000.0) FROM (SELECT customer_id, min(transaction_date) f, max(transaction_date) l FROM transactions GROUP BY 1 HAVING count(*) {1})";
    private const string SignupToFirst = "SELECT {0}((epoch_us(t.f) - epoch_us(c.created_at)) / 86400000000.0) FROM customers c JOIN (SELECT customer_id, min(transaction_date) f FROM transactions GROUP BY 1) t ON t.customer_id = c.customer_id";
    private const string Largest = "SELECT {0}(m) FROM (SELECT t.customer_id, max(t.order_value) m FROM transactions t JOIN customers c ON c.customer_id = t.customer_id {1} GROUP BY 1)";
    private const string CampaignCount = "SELECT count(*) FROM customers c WHERE c.customer_id IN (SELECT customer_id FROM campaign_history {0} GROUP BY 1 HAVING count(DISTINCT campaign_id) {1})";

    [Theory]
    // Days between each customer's first and last purchase, over the customers with two orders or more.
    [InlineData("for custs with 2+ orders, avg days between their first and last purchase", "avg", ">= 2")]
    [InlineData("Among repeat buyers, what is the average number of days between their first and last order?", "avg", "> 1")]
    [InlineData("median days between first and last purchase for customers with at least 3 orders", "median", ">= 3")]
    [InlineData("For customers who have ordered more than once, average days from first to last purchase", "avg", "> 1")]
    [InlineData("For customers with 2+ orders, the average number of days between their first and last order", "avg", ">= 2")]
    public async Task DaysFirstToLast_MatchesSql(string question, string statistic, string orders)
    {
        AnalyticsAnswer answer = await RuleAnswers.AskAsync(database.Path, question);

        Assert.Equal(await RuleAnswers.TruthAsync(database.Path, Fill(FirstToLast, statistic, orders)), RuleAnswers.Single(answer), 6);
        Assert.Contains("days between the first and last purchase", answer.Restatement, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("On average, how many days pass between a customer's acquisition date (created_at) and their first purchase? Only customers who have purchased.", "avg", "")]
    [InlineData("average days from signup to first order", "avg", "")]
    [InlineData("median number of days between sign-up and first purchase for UK customers", "median", " WHERE c.country = 'United Kingdom'")]
    public async Task DaysSignupToFirstPurchase_MatchesSql(string question, string statistic, string where)
    {
        AnalyticsAnswer answer = await RuleAnswers.AskAsync(database.Path, question);

        Assert.Equal(await RuleAnswers.TruthAsync(database.Path, Fill(SignupToFirst, statistic, "") + where), RuleAnswers.Single(answer), 6);
        Assert.Contains("over the customers who bought", answer.Restatement, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Per buyer, take their single largest order value; what is the average of those maxima?", "avg", "")]
    [InlineData("average largest order value per buyer", "avg", "")]
    [InlineData("median of each customer's biggest order", "median", "")]
    [InlineData("average biggest purchase per customer in Canada", "avg", "WHERE c.country = 'Canada'")]
    public async Task LargestOrderPerBuyer_MatchesSql(string question, string statistic, string where)
    {
        AnalyticsAnswer answer = await RuleAnswers.AskAsync(database.Path, question);

        Assert.Equal(await RuleAnswers.TruthAsync(database.Path, Fill(Largest, statistic, where)), RuleAnswers.Single(answer), 6);
        Assert.Contains("largest order value", answer.Restatement, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("How many customers were held out (control group) in 2 or more campaigns?", "WHERE \"group\" = 'control'", ">= 2")]
    [InlineData("how many customers were held out in at least 2 campaigns", "WHERE \"group\" = 'control'", ">= 2")]
    [InlineData("how many customers were in the treatment group of at least 2 campaigns", "WHERE \"group\" = 'treatment'", ">= 2")]
    [InlineData("how many customers received 3+ campaigns", "WHERE \"group\" = 'treatment'", ">= 3")]
    [InlineData("how many customers were in more than 2 campaigns", "", "> 2")]
    [InlineData("number of customers who have been part of exactly 2 campaigns", "", "= 2")]
    public async Task CampaignsPerCustomer_MatchesSql(string question, string where, string having)
    {
        AnalyticsAnswer answer = await RuleAnswers.AskAsync(database.Path, question);

        Assert.Equal(await RuleAnswers.TruthAsync(database.Path, Fill(CampaignCount, where, having)), RuleAnswers.Single(answer), 6);
        Assert.Contains("number of campaigns they were", answer.Restatement, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("how many UK customers were part of at least 3 campaigns",
        "SELECT count(*) FROM customers c WHERE c.country = 'United Kingdom' AND c.customer_id IN (SELECT customer_id FROM campaign_history GROUP BY 1 HAVING count(DISTINCT campaign_id) >= 3)")]
    // In (or never in) the campaigns of a type or trigger, either group.
    [InlineData("How many distinct customers have been in at least one cross sell campaign (either group)?",
        "SELECT count(DISTINCT customer_id) FROM campaign_history WHERE campaign_type = 'cross_sell'")]
    [InlineData("how many customers were in at least 2 cross_sell campaigns",
        "SELECT count(*) FROM (SELECT customer_id FROM campaign_history WHERE campaign_type = 'cross_sell' GROUP BY 1 HAVING count(DISTINCT campaign_id) >= 2)")]
    [InlineData("how many customers were never in a cross sell campaign",
        "SELECT count(*) FROM customers WHERE customer_id NOT IN (SELECT customer_id FROM campaign_history WHERE campaign_type = 'cross_sell')")]
    [InlineData("exclusivity seekers in Canada who were never part of any free shipping campaign (treatment or control) - count?",
        "SELECT count(*) FROM customers c JOIN customer_scores s ON s.customer_id = c.customer_id WHERE c.country = 'Canada' AND s.exclusivity_seeker AND c.customer_id NOT IN (SELECT customer_id FROM campaign_history WHERE trigger_type = 'free_shipping_offer')")]
    // Campaign types, and attributed revenue per conversion or per treated customer (the treatment group's).
    [InlineData("In cross_sell campaigns, what is the average attributed revenue per converted treatment customer?",
        "SELECT avg(revenue) FROM campaign_history WHERE campaign_type = 'cross_sell' AND \"group\" = 'treatment' AND converted")]
    [InlineData("attributed revenue per conversion in the treatment group for cross sell campaigns",
        "SELECT avg(revenue) FROM campaign_history WHERE campaign_type = 'cross_sell' AND \"group\" = 'treatment' AND converted")]
    [InlineData("Average attributed revenue per treated customer across the cross_sell campaigns sent in the last 60 days",
        "SELECT sum(revenue) / count(*) FROM campaign_history WHERE campaign_type = 'cross_sell' AND \"group\" = 'treatment' AND " + Last60Days)]
    [InlineData("conversion rate of cross-sell campaigns",
        "SELECT avg(CASE WHEN converted THEN 1.0 ELSE 0.0 END) FROM campaign_history WHERE campaign_type = 'cross_sell' AND \"group\" = 'treatment'")]
    // Other wordings of the treatment group and of the campaigns.
    [InlineData("how many custs actually received CMP002, i.e. treatment not holdout",
        "SELECT count(DISTINCT customer_id) FROM campaign_history WHERE campaign_id = 'CMP002' AND \"group\" = 'treatment'")]
    [InlineData("how many customers actually got the CMP002 send (treatment, not holdout)?",
        "SELECT count(DISTINCT customer_id) FROM campaign_history WHERE campaign_id = 'CMP002' AND \"group\" = 'treatment'")]
    [InlineData("Total attributed revenue from treatment groups across all campaigns sent in the last 60 days",
        "SELECT sum(revenue) FROM campaign_history WHERE \"group\" = 'treatment' AND " + Last60Days)]
    // The campaigns sent in a range are a scope, not a breakdown by campaign.
    [InlineData("conversion rate for campaigns sent in the last 60 days",
        "SELECT avg(CASE WHEN converted THEN 1.0 ELSE 0.0 END) FROM campaign_history WHERE \"group\" = 'treatment' AND " + Last60Days)]
    [InlineData("For customers who've been in at least one past campaign (treatment or control, doesn't matter), how many campaigns have they been in on average?",
        "SELECT avg(n) FROM (SELECT customer_id, count(DISTINCT campaign_id) n FROM campaign_history GROUP BY 1)")]
    [InlineData("How many customers were held out as control in CMP003?",
        "SELECT count(*) FROM campaign_history WHERE campaign_id = 'CMP003' AND \"group\" = 'control'")]
    [InlineData("how many UK customers converted after getting a free shipping offer (treatment group) in a campaign in the last 60 days?",
        "SELECT count(DISTINCT h.customer_id) FROM campaign_history h JOIN customers c ON c.customer_id = h.customer_id WHERE c.country = 'United Kingdom' AND h.trigger_type = 'free_shipping_offer' AND h.\"group\" = 'treatment' AND h.converted AND h." + Last60Days)]
    // A place said inside "per ... customer".
    [InlineData("average lifetime spend per UK customer, counting the ones who never ordered as 0",
        "SELECT avg(coalesce(s, 0)) FROM customers c LEFT JOIN (SELECT customer_id, sum(order_value) s FROM transactions GROUP BY 1) t ON t.customer_id = c.customer_id WHERE c.country = 'United Kingdom'")]
    [InlineData("avg lifetime spend per UK customer (buyers only)",
        "SELECT avg(s) FROM (SELECT t.customer_id, sum(t.order_value) s FROM transactions t JOIN customers c ON c.customer_id = t.customer_id WHERE c.country = 'United Kingdom' GROUP BY 1)")]
    [InlineData("Average number of orders per customer [all customers, including those with no orders]",
        "SELECT (SELECT count(*) FROM transactions) * 1.0 / (SELECT count(*) FROM customers)")]
    public async Task Answer_MatchesSql(string question, string truth)
    {
        AnalyticsAnswer answer = await RuleAnswers.AskAsync(database.Path, question);

        Assert.Equal(await RuleAnswers.TruthAsync(database.Path, truth), Convert.ToDouble(answer.Rows[0][answer.Columns[0]], CultureInfo.InvariantCulture), 6);
    }

    [Theory]
    [InlineData("For each free_shipping_offer campaign, the lift in conversion rate: treatment minus control, in percentage points",
        "SELECT campaign_name, avg(CASE WHEN \"group\" = 'treatment' THEN (CASE WHEN converted THEN 1.0 ELSE 0.0 END) END) - avg(CASE WHEN \"group\" = 'control' THEN (CASE WHEN converted THEN 1.0 ELSE 0.0 END) END) FROM campaign_history WHERE trigger_type = 'free_shipping_offer' GROUP BY 1")]
    [InlineData("across all past campaigns, which trigger type shows the biggest lift (treatment conversion rate minus control conversion rate, pooled over its campaigns)?",
        "SELECT trigger_type, avg(CASE WHEN \"group\" = 'treatment' THEN (CASE WHEN converted THEN 1.0 ELSE 0.0 END) END) - avg(CASE WHEN \"group\" = 'control' THEN (CASE WHEN converted THEN 1.0 ELSE 0.0 END) END) FROM campaign_history GROUP BY 1 ORDER BY 2 DESC LIMIT 1")]
    [InlineData("Attributed revenue per treated customer, by campaign type",
        "SELECT campaign_type, sum(revenue) / count(*) FROM campaign_history WHERE \"group\" = 'treatment' GROUP BY 1")]
    [InlineData("number of customers in the control group of at least 2 campaigns by country",
        "SELECT country, count(*) FROM customers WHERE customer_id IN (SELECT customer_id FROM campaign_history WHERE \"group\" = 'control' GROUP BY 1 HAVING count(DISTINCT campaign_id) >= 2) GROUP BY 1")]
    public async Task Breakdown_MatchesSql(string question, string truth)
    {
        AnalyticsAnswer answer = await RuleAnswers.AskAsync(database.Path, question);

        Dictionary<string, double> expected = await RowsAsync(truth);
        Assert.Equal(expected.Count, answer.Rows.Count);
        foreach (IReadOnlyDictionary<string, object?> row in answer.Rows)
        {
            string key = Convert.ToString(row[answer.Columns[0]], CultureInfo.InvariantCulture)!;
            Assert.True(expected.ContainsKey(key), $"{question}: unexpected row {key}");
            Assert.Equal(expected[key], Convert.ToDouble(row[answer.Columns[^1]], CultureInfo.InvariantCulture), 6);
        }
    }

    [Theory]
    // First to last purchase of which customers: those with two orders or more, or every buyer (one order as 0 days)?
    [InlineData("avg days between first and last purchase")]
    // A condition on the customers with a range on the values would mix two periods.
    [InlineData("for customers with 2+ orders, average days between first and last purchase in the last 30 days")]
    // Exactly 3 campaigns, or at least 3? And an upper bound could count the customers in no campaign.
    [InlineData("how many customers were in 3 campaigns")]
    [InlineData("how many customers were in fewer than 2 campaigns")]
    [InlineData("how many customers received 2 or more campaigns as holdout")]
    // Attributed revenue per conversion of which group (the conversions count the treatment group; the revenue both)?
    [InlineData("attributed revenue per conversion for cross sell campaigns")]
    [InlineData("average attributed revenue per campaign send")]
    // Never in which campaigns? (Without a value, "never in any campaign" is its own reading.)
    [InlineData("how many customers were never in a recent campaign")]
    public async Task Reading_IsDeclined(string question)
    {
        AnalyticsAnswer answer = await RuleAnswers.AskAsync(database.Path, question, answered: false);

        Assert.NotEqual(AnalyticsAnswerStatus.Answered, answer.Status);
    }

    private static string Fill(string sql, string first, string second) =>
        sql.Replace("{0}", first, StringComparison.Ordinal).Replace("{1}", second, StringComparison.Ordinal);

    private async Task<Dictionary<string, double>> RowsAsync(string sql)
    {
        QueryResult result = await new DuckDBDataStore(database.Path).QueryAsync(new SqlStatement(sql));
        return result.Rows.ToDictionary(r => Convert.ToString(r[0], CultureInfo.InvariantCulture)!, r => Convert.ToDouble(r[^1] ?? 0, CultureInfo.InvariantCulture));
    }
}
