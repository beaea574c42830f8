using System.Globalization;
using AetherSegment.Analytics;

namespace AetherSegment.Cli.Tests.Analytics;

/// <summary>
/// Stop 39 (ask21): per-customer figures and the customers' lifecycle said in the unseen sets' words, each kind in several
/// wordings, answered on the fixture and recounted by SQL written by hand: lapsed buyers (bought, but nothing in the last N
/// days; "last order more than N days ago"), repeat buyers (with their own definition, as a count, a breakdown or a share),
/// a per-customer average whose base is said in words ("counting every customer", "a buying customer", "with any recorded
/// activity"), "among customers who bought X, how many X units has each bought on average", and what stays declined.
/// </summary>
public sealed class PerCustomerStop39Tests(AnalyticsDatabase database) : IClassFixture<AnalyticsDatabase>
{
    private const string AsOf = "TIMESTAMP '2026-11-20 12:00:00'";
    private const string Lapsed = "SELECT count(*) FROM (SELECT t.customer_id FROM transactions t JOIN customers c ON c.customer_id = t.customer_id {1} GROUP BY 1 HAVING max(t.transaction_date) < " + AsOf + " - INTERVAL {0} DAY)";
    private const string OrdersAtLeast = "SELECT count(*) FROM (SELECT customer_id FROM transactions GROUP BY 1 HAVING count(*) >= {0})";

    [Theory]
    [InlineData("Lapsed customers: how many people have bought from us before but not in the last 180 days?", 180, "")]
    [InlineData("how many buyers haven't ordered anything in over 180 days (last order more than 180 days ago)?", 180, "")]
    [InlineData("how many customers who have ordered have not ordered in the last 90 days", 90, "")]
    [InlineData("customers whose last purchase was more than 120 days ago", 120, "")]
    [InlineData("number of shoppers who purchased before but not in the past 60 days", 60, "")]
    [InlineData("How many buyers in Canada haven't bought anything in more than 90 days?", 90, "WHERE c.country = 'Canada'")]
    public async Task LapsedBuyers_MatchSql(string question, int days, string where)
    {
        AnalyticsAnswer answer = await RuleAnswers.AskAsync(database.Path, question);

        Assert.Equal(await RuleAnswers.TruthAsync(database.Path, Fill(Lapsed, days, where)), RuleAnswers.Single(answer));
        Assert.Contains("customers who bought, who did not buy in ", answer.Restatement, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("how many repeat buyers do we have?", 2)]
    [InlineData("Repeat customers (2+ orders) - how many?", 2)]
    [InlineData("number of repeat buyers, i.e. customers with 3 or more orders", 3)]
    [InlineData("how many repeat purchasers, meaning more than 3 orders", 4)]
    public async Task RepeatBuyers_MatchSql(string question, int orders)
    {
        AnalyticsAnswer answer = await RuleAnswers.AskAsync(database.Path, question);

        Assert.Equal(await RuleAnswers.TruthAsync(database.Path, Fill(OrdersAtLeast, orders, "")), RuleAnswers.Single(answer));
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"orders is at least {orders}"), answer.Restatement, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RepeatBuyersByChannel_MatchSql()
    {
        AnalyticsAnswer answer = await RuleAnswers.AskAsync(database.Path, "Repeat buyers (2+ orders) split by acquisition channel - how many in each?");

        foreach (IReadOnlyDictionary<string, object?> row in answer.Rows)
        {
            string source = Convert.ToString(row[answer.Columns[0]], CultureInfo.InvariantCulture)!;
            double truth = await RuleAnswers.TruthAsync(database.Path, $"SELECT count(*) FROM customers c WHERE c.acquisition_source = '{source}' AND c.customer_id IN (SELECT customer_id FROM transactions GROUP BY 1 HAVING count(*) >= 2)");
            Assert.Equal(truth, Convert.ToDouble(row[answer.Columns[1]], CultureInfo.InvariantCulture));
        }

        Assert.Equal(await RuleAnswers.TruthAsync(database.Path, "SELECT count(DISTINCT acquisition_source) FROM customers c WHERE c.customer_id IN (SELECT customer_id FROM transactions GROUP BY 1 HAVING count(*) >= 2)"), answer.Rows.Count);
    }

    [Theory]
    [InlineData("What fraction of all customers are repeat buyers, i.e. have 2 or more orders?", "SELECT count(*) FROM customers")]
    [InlineData("what share of customers are repeat customers", "SELECT count(*) FROM customers")]
    [InlineData("what percentage of buyers are repeat buyers?", "SELECT count(DISTINCT customer_id) FROM transactions")]
    public async Task RepeatShare_MatchesSql(string question, string whole)
    {
        AnalyticsAnswer answer = await RuleAnswers.AskAsync(database.Path, question);

        double part = await RuleAnswers.TruthAsync(database.Path, Fill(OrdersAtLeast, 2, ""));
        Assert.Equal(part / await RuleAnswers.TruthAsync(database.Path, whole), RuleAnswers.Single(answer), 9);
    }

    [Theory]
    // Every customer the filters pick is the base (a customer without orders counts as zero).
    [InlineData("What's the average number of orders per customer, counting every customer (including those who never ordered)?", "SELECT (SELECT count(*) FROM transactions) / (SELECT count(*) FROM customers)")]
    [InlineData("how many orders does a customer in Canada place on average", "SELECT (SELECT count(*) FROM transactions t JOIN customers c ON c.customer_id = t.customer_id WHERE c.country = 'Canada') / (SELECT count(*) FROM customers WHERE country = 'Canada')")]
    // Only the customers who bought.
    [InlineData("On average, how many orders does a buying customer place?", "SELECT count(*) / count(DISTINCT customer_id) FROM transactions")]
    [InlineData("on average how many purchases does a paying customer make", "SELECT count(*) / count(DISTINCT customer_id) FROM transactions")]
    // The customers with any event.
    [InlineData("On average how many sessions does a customer have (among customers with any recorded activity)?", "SELECT avg(n) FROM (SELECT customer_id, count(DISTINCT session_id) n FROM behavioral_events GROUP BY 1)")]
    [InlineData("How many different categories has the average buyer purchased from?", "SELECT avg(n) FROM (SELECT customer_id, count(DISTINCT category) n FROM transactions GROUP BY 1)")]
    public async Task AverageWithItsBaseSaid_MatchesSql(string question, string truth)
    {
        AnalyticsAnswer answer = await RuleAnswers.AskAsync(database.Path, question);

        Assert.Equal(await RuleAnswers.TruthAsync(database.Path, truth), RuleAnswers.Single(answer), 9);
    }

    [Theory]
    [InlineData("Among customers who have bought Bedroom, how many Bedroom units has each bought on average?", "Bedroom", "sum(quantity)")]
    [InlineData("among customers who bought Lighting how many Lighting orders did each place on average", "Lighting", "count(*)")]
    public async Task SameValueOnBaseAndMeasure_MatchesSql(string question, string category, string measure)
    {
        AnalyticsAnswer answer = await RuleAnswers.AskAsync(database.Path, question);

        Assert.Equal(await RuleAnswers.TruthAsync(database.Path, $"SELECT {measure} / count(DISTINCT customer_id) FROM transactions WHERE category = '{category}'"), RuleAnswers.Single(answer), 9);
    }

    [Theory]
    [InlineData("How many customers have fewer than 3 orders, counting those who have never ordered?", "SELECT count(*) FROM customers WHERE customer_id NOT IN (SELECT customer_id FROM transactions GROUP BY 1 HAVING count(*) >= 3)")]
    [InlineData("how many customers have never placed a single order?", "SELECT count(*) FROM customers WHERE customer_id NOT IN (SELECT customer_id FROM transactions)")]
    public async Task CountsWithTheNonBuyers_MatchSql(string question, string truth)
    {
        AnalyticsAnswer answer = await RuleAnswers.AskAsync(database.Path, question);

        Assert.Equal(await RuleAnswers.TruthAsync(database.Path, truth), RuleAnswers.Single(answer));
    }

    [Theory]
    // Excluding the non-buyers is not what the answer would count.
    [InlineData("How many customers have fewer than 3 orders, not counting those who have never ordered?")]
    // A lapse with no definition.
    [InlineData("how many lapsed customers do we have?")]
    public async Task Undefined_IsDeclined(string question)
    {
        AnalyticsAnswer answer = await RuleAnswers.AskAsync(database.Path, question, answered: false);

        Assert.NotEqual(AnalyticsAnswerStatus.Answered, answer.Status);
    }

    private static string Fill(string format, int n, string where) => string.Format(CultureInfo.InvariantCulture, format, n, where);
}
