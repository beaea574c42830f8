using System.Globalization;
using AetherSegment.Analytics;
using AetherSegment.Data;
using AetherSegment.DuckDB;

namespace AetherSegment.Cli.Tests.Analytics;

/// <summary>
/// What the fourth blind set (ask-blind4) found, each answer recounted in SQL on the fixture (as-of 2026-11-20 12:00
/// UTC): rolling windows ending at (and including) the as-of instant, an upper bound on the spend of shoppers counting only those who
/// bought, growth led by the percent change, and the campaign questions (revenue of a campaign, its control group,
/// customers who received it). Questions that must still be declined or asked back are here too.
/// </summary>
public sealed class BlindFourTests(AnalyticsDatabase database) : IClassFixture<AnalyticsDatabase>
{
    private Task<double> TruthAsync(string sql) => RuleAnswers.TruthAsync(database.Path, sql);

    private Task<AnalyticsAnswer> AskAsync(string question, bool answered = true) => RuleAnswers.AskAsync(database.Path, question, answered);

    [Theory]
    [InlineData("how many orders in the last 30 days?", "transactions", "transaction_date", "30 DAY")]
    [InlineData("how many abandoned carts in the past 7 days?", "abandoned_carts", "abandoned_at", "7 DAY")]
    [InlineData("number of events in the last 24 hours", "behavioral_events", "event_timestamp", "24 HOUR")]
    [InlineData("orders over the last 2 weeks", "transactions", "transaction_date", "14 DAY")]
    [InlineData("how many orders in the past 3 months?", "transactions", "transaction_date", "3 MONTH")]
    public async Task RollingWindow_EndsAtTheAsOfInstant_IncludesIt_AndSaysItsInstants(string question, string table, string column, string span)
    {
        AnalyticsAnswer answer = await AskAsync(question);

        double expected = await TruthAsync($"SELECT count(*) FROM {table} WHERE {column} >= TIMESTAMP '2026-11-20 12:00:00' - INTERVAL {span} AND {column} <= TIMESTAMP '2026-11-20 12:00:00'");
        Assert.Equal(expected, RuleAnswers.Single(answer));
        Assert.Contains("12:00 to 2026-11-20 12:00 UTC, both included)", answer.Restatement, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Last30DaysVsThe30DaysBefore_AreAdjacentInstantWindows()
    {
        AnalyticsAnswer answer = await AskAsync("orders in the last 30 days vs the 30 days before");

        Assert.Equal(2, answer.Rows.Count);
        Assert.Equal(await TruthAsync("SELECT count(*) FROM transactions WHERE transaction_date >= TIMESTAMP '2026-09-21 12:00:00' AND transaction_date < TIMESTAMP '2026-10-21 12:00:00'"),
            Convert.ToDouble(answer.Rows[0][answer.Columns[^1]], CultureInfo.InvariantCulture));
        Assert.Contains("(2026-09-21 12:00 to 2026-10-21 12:00 UTC, the end excluded)", answer.Restatement, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CalendarPhrases_StayWholeUtcDays()
    {
        AnalyticsAnswer answer = await AskAsync("how many orders yesterday?");

        Assert.Equal(await TruthAsync("SELECT count(*) FROM transactions WHERE transaction_date >= TIMESTAMP '2026-11-19' AND transaction_date < TIMESTAMP '2026-11-20'"), RuleAnswers.Single(answer));
        Assert.Contains("(2026-11-19 to 2026-11-19)", answer.Restatement, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("How many shoppers spent less than $200 in total last month?")]
    [InlineData("how many customers spent under $200 last month?")]
    [InlineData("how many buyers spent less than $200 last month?")]
    // "roughly" where no number follows asks for no rounding the data needs: the exact figure answers it (since stop 54).
    [InlineData("how many customers spent less than $200 in total last month, roughly")]
    public async Task UpperBoundOnSpendOfShoppers_CountsOnlyThoseWhoBought(string question)
    {
        AnalyticsAnswer answer = await AskAsync(question);

        double expected = await TruthAsync("SELECT count(*) FROM (SELECT customer_id FROM transactions WHERE transaction_date >= TIMESTAMP '2026-10-01' AND transaction_date < TIMESTAMP '2026-11-01' GROUP BY 1 HAVING sum(order_value) < 200)");
        Assert.Equal(expected, RuleAnswers.Single(answer));
        Assert.Contains("who bought in the time range and whose revenue in the time range is under $200.00 in total", answer.Restatement, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("how many customers spent less than $100")]
    [InlineData("customers with fewer than 2 orders")]
    public async Task UpperBoundOnCustomers_CountsThoseWithNoneToo_AndSaysSo(string question)
    {
        AnalyticsAnswer answer = await AskAsync(question);

        double expected = question.Contains("orders", StringComparison.Ordinal)
            ? await TruthAsync("SELECT count(*) FROM customers c WHERE (SELECT count(*) FROM transactions t WHERE t.customer_id = c.customer_id) < 2")
            : await TruthAsync("SELECT count(*) FROM customers c WHERE COALESCE((SELECT sum(order_value) FROM transactions t WHERE t.customer_id = c.customer_id), 0) < 100");
        Assert.Equal(expected, RuleAnswers.Single(answer));
        Assert.Contains("included)", answer.Restatement, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("how many customers bought fewer than 3 times?")]
    [InlineData("how many customers ordered fewer than 2 times last month?")]
    public async Task UpperBoundOnPurchasesSaidWithAVerb_IsAskedBackWithBothReadings(string question)
    {
        AnalyticsAnswer answer = await AskAsync(question, answered: false);

        Assert.NotEqual(AnalyticsAnswerStatus.Answered, answer.Status);
        Assert.Contains("buyers with", answer.Answer, StringComparison.Ordinal);
        Assert.Contains("customers with", answer.Answer, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("growth in order count over the last 30 days versus the 30 days before", true)]
    [InlineData("how did orders grow in the last 30 days vs the 30 days before", true)]
    [InlineData("change in orders over the last 30 days versus the 30 days before", false)]
    [InlineData("difference in orders between the last 30 days and the 30 days before", false)]
    public async Task Growth_LeadsWithThePercentChange_ChangeWithTheAmount(string question, bool percentFirst)
    {
        AnalyticsAnswer answer = await AskAsync(question, answered: false);
        if (!percentFirst && answer.Status != AnalyticsAnswerStatus.Answered)
        {
            return;   // "between ... and the 30 days before" may be declined; never answered with the other figure
        }

        Assert.Equal(AnalyticsAnswerStatus.Answered, answer.Status);
        double before = await TruthAsync("SELECT count(*) FROM transactions WHERE transaction_date >= TIMESTAMP '2026-09-21 12:00:00' AND transaction_date < TIMESTAMP '2026-10-21 12:00:00'");
        double after = await TruthAsync("SELECT count(*) FROM transactions WHERE transaction_date >= TIMESTAMP '2026-10-21 12:00:00' AND transaction_date <= TIMESTAMP '2026-11-20 12:00:00'");
        double first = Convert.ToDouble(Assert.Single(answer.Rows)[answer.Columns[0]], CultureInfo.InvariantCulture);
        Assert.Equal(percentFirst ? (after - before) / before : after - before, first, 9);
        Assert.StartsWith(percentFirst ? "percent_change_in_" : "change_in_", answer.Columns[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task GrowthOfARate_StaysInPoints()
    {
        AnalyticsAnswer answer = await AskAsync("conversion rate growth from last quarter to this quarter", answered: false);

        if (answer.Status == AnalyticsAnswerStatus.Answered)
        {
            Assert.StartsWith("change_in_", answer.Columns[0], StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("total revenue from campaign CMP002", "WHERE campaign_id = 'CMP002'")]
    [InlineData("revenue from the Campaign 3 campaign", "WHERE campaign_name = 'Campaign 3'")]
    public async Task RevenueOfACampaign_IsItsAttributedRevenue(string question, string where)
    {
        AnalyticsAnswer answer = await AskAsync(question);

        Assert.Equal(await TruthAsync($"SELECT sum(revenue) FROM campaign_history {where}"), RuleAnswers.Single(answer), 6);
        Assert.Contains("attributed campaign revenue", answer.Restatement, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RevenueByCampaignId_IsAttributedRevenuePerCampaign()
    {
        AnalyticsAnswer answer = await AskAsync("revenue by campaign id");

        Assert.Equal(6, answer.Rows.Count);
        foreach (IReadOnlyDictionary<string, object?> row in answer.Rows)
        {
            double expected = await TruthAsync($"SELECT sum(revenue) FROM campaign_history WHERE campaign_id = '{row[answer.Columns[0]]}'");
            Assert.Equal(expected, Convert.ToDouble(row[answer.Columns[^1]], CultureInfo.InvariantCulture), 6);
        }

        Assert.Contains("attributed campaign revenue", answer.Restatement, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("revenue from campaign CMP002 last month")]
    [InlineData("revenue from campaign CMP002 in the UK")]
    [InlineData("revenue per order from campaign CMP002")]
    public async Task RevenueOfACampaignWithMore_IsNeverTheOrdersRevenue(string question)
    {
        AnalyticsAnswer answer = await AskAsync(question, answered: false);

        if (answer.Status == AnalyticsAnswerStatus.Answered)
        {
            Assert.Contains("campaign", answer.Restatement, StringComparison.Ordinal);
            Assert.DoesNotContain("the total revenue", answer.Restatement, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("How many customers were in the control group of campaign CMP001?")]
    [InlineData("how many customers were held out of campaign CMP001")]
    [InlineData("control group size for campaign CMP001")]
    public async Task ControlGroupOfACampaign_CountsTheHeldOutCustomers(string question)
    {
        AnalyticsAnswer answer = await AskAsync(question);

        Assert.Equal(await TruthAsync("SELECT count(DISTINCT customer_id) FROM campaign_history WHERE campaign_id = 'CMP001' AND \"group\" = 'control'"), RuleAnswers.Single(answer));
        Assert.Contains("control group", answer.Restatement, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("how many customers received campaign CMP004")]
    [InlineData("how many customers received the Campaign 4 campaign?")]
    public async Task CustomersWhoReceivedACampaign_AreItsTreatmentGroup(string question)
    {
        AnalyticsAnswer answer = await AskAsync(question);

        Assert.Equal(await TruthAsync("SELECT count(DISTINCT customer_id) FROM campaign_history WHERE campaign_id = 'CMP004' AND \"group\" = 'treatment'"), RuleAnswers.Single(answer));
    }

    [Theory]
    [InlineData("how many customers have bought from at least 3 different categories", "category", ">= 3")]
    [InlineData("customers who bought from 3 or more categories", "category", ">= 3")]
    [InlineData("how many customers bought more than 2 distinct product types this year", "product_type", "> 2")]
    [InlineData("customers who bought from fewer than 2 different categories", "category", "< 2")]
    public async Task DistinctProductLevelsPerCustomer_CountsTheValuesEachBought(string question, string column, string having)
    {
        AnalyticsAnswer answer = await AskAsync(question);

        string time = question.Contains("this year", StringComparison.Ordinal) ? "WHERE transaction_date >= TIMESTAMP '2026-01-01' AND transaction_date < TIMESTAMP '2026-11-21'" : "";
        double expected = await TruthAsync($"SELECT count(*) FROM (SELECT customer_id FROM transactions {time} GROUP BY 1 HAVING count(DISTINCT {column}) {having})");
        Assert.Equal(expected, RuleAnswers.Single(answer));
        Assert.Contains("number of different", answer.Restatement, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("revenue by 3 different categories")]
    [InlineData("customers who bought at least $300 of different categories")]
    [InlineData("how many different categories are there")]
    public async Task DistinctLevelsWithoutAPerCustomerCount_AreNotAnswered(string question)
    {
        AnalyticsAnswer answer = await AskAsync(question, answered: false);

        Assert.NotEqual(AnalyticsAnswerStatus.Answered, answer.Status);
    }

    [Theory]
    [InlineData("top 10 customers by lifetime spend", "sum(order_value)", "transactions", 10)]
    [InlineData("top 5 customers by revenue", "sum(order_value)", "transactions", 5)]
    [InlineData("top 3 customers by number of orders", "count(*)", "transactions", 3)]
    [InlineData("top 5 customers by abandoned carts", "count(*)", "abandoned_carts", 5)]
    public async Task TopCustomers_AreCustomerIdsRankedByTheirTotal_WithTies(string question, string measure, string table, int n)
    {
        AnalyticsAnswer answer = await AskAsync(question);

        DuckDBDataStore store = new(database.Path);
        QueryResult truth = await store.QueryAsync(new SqlStatement(
            $"SELECT customer_id, {measure} AS v FROM {table} GROUP BY 1 QUALIFY rank() OVER (ORDER BY {measure} DESC) <= {n} ORDER BY v DESC, customer_id"));
        Assert.Equal(truth.Rows.Count, answer.Rows.Count);
        Dictionary<string, double> expected = truth.Rows.ToDictionary(r => (string)r[0]!, r => Convert.ToDouble(r[1], CultureInfo.InvariantCulture));
        foreach (IReadOnlyDictionary<string, object?> row in answer.Rows)
        {
            Assert.Equal(expected[(string)row[answer.Columns[0]]!], Convert.ToDouble(row[answer.Columns[^1]], CultureInfo.InvariantCulture), 6);
        }

        Assert.Contains("customer", answer.Restatement, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("What are the 5 most viewed product types?", "product_type", 5)]
    [InlineData("which 3 categories are the most viewed", "category", 3)]
    [InlineData("top 2 most viewed categories", "category", 2)]
    public async Task MostViewed_RanksProductViewsByTheLevel(string question, string column, int n)
    {
        AnalyticsAnswer answer = await AskAsync(question);

        DuckDBDataStore store = new(database.Path);
        QueryResult truth = await store.QueryAsync(new SqlStatement(
            $"SELECT {column}, count(*) AS v FROM behavioral_events WHERE event_type = 'product_view' AND {column} IS NOT NULL GROUP BY 1 QUALIFY rank() OVER (ORDER BY count(*) DESC) <= {n}"));
        Assert.Equal(truth.Rows.Count, answer.Rows.Count);
        Dictionary<string, double> expected = truth.Rows.ToDictionary(r => (string)r[0]!, r => Convert.ToDouble(r[1], CultureInfo.InvariantCulture));
        foreach (IReadOnlyDictionary<string, object?> row in answer.Rows)
        {
            Assert.Equal(expected[(string)row[answer.Columns[0]]!], Convert.ToDouble(row[answer.Columns[^1]], CultureInfo.InvariantCulture));
        }

        Assert.Contains("product_view", answer.Restatement, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("customers who added something to cart but never purchased", true)]
    [InlineData("how many customers added items to their cart but did not buy anything", true)]
    [InlineData("how many customers have added to cart", false)]
    public async Task AddedToCart_IsCustomersWithACartEvent(string question, bool neverBought)
    {
        AnalyticsAnswer answer = await AskAsync(question);

        string never = neverBought ? "AND customer_id NOT IN (SELECT customer_id FROM transactions)" : "";
        double expected = await TruthAsync($"SELECT count(DISTINCT customer_id) FROM behavioral_events WHERE event_type = 'add_to_cart' {never}");
        Assert.Equal(expected, RuleAnswers.Single(answer));
        Assert.Contains("who had any add to cart events", answer.Restatement, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("revenue from customers who added to cart")]
    // Stop 38: "customers who added to cart last week by country" and "... in the last 7 days but never purchased" are answered
    // (EventsAndCombinationsStop38Tests).
    public async Task AddedToCartOutsideACountOfCustomers_IsDeclined(string question)
    {
        AnalyticsAnswer answer = await AskAsync(question, answered: false);

        Assert.NotEqual(AnalyticsAnswerStatus.Answered, answer.Status);
    }

    [Theory]
    [InlineData("viewed product types")]
    [InlineData("most viewed revenue")]
    public async Task ViewedOutsideAMostViewedRanking_IsNotAnswered(string question)
    {
        AnalyticsAnswer answer = await AskAsync(question, answered: false);

        Assert.NotEqual(AnalyticsAnswerStatus.Answered, answer.Status);
    }

    [Theory]
    [InlineData("revenue by customer")]
    [InlineData("top 10 customers by average churn probability")]
    [InlineData("top 10 customers by conversion rate")]
    [InlineData("top 10 customers by email")]
    public async Task CustomersWithoutATopNOfATotal_AreNotListed(string question)
    {
        AnalyticsAnswer answer = await AskAsync(question, answered: false);

        Assert.NotEqual(AnalyticsAnswerStatus.Answered, answer.Status);
    }

    [Theory]
    [InlineData("how many customers received a campaign")]
    [InlineData("how many customers were sent a campaign")]
    [InlineData("how many orders were received last month")]
    [InlineData("control group revenue")]
    public async Task NearMisses_AreDeclinedOrAskedBack(string question)
    {
        AnalyticsAnswer answer = await AskAsync(question, answered: false);

        Assert.NotEqual(AnalyticsAnswerStatus.Answered, answer.Status);
    }
}
