using System.Globalization;
using AetherSegment.Analytics;
using AetherSegment.Data;
using AetherSegment.DuckDB;

namespace AetherSegment.Cli.Tests.Analytics;

/// <summary>
/// Stop 37 (ask14): the kinds the ninth, eleventh and twelfth blind sets declined in customers, revenue, shares and
/// per-customer statistics, each in several wordings, answered on the fixture and recounted by SQL written by hand: a
/// breakdown by year, per-customer statistics (different levels, by a customer attribute, within a range over the
/// customers active in it), shares of a negated condition, shares whose whole has a condition of its own, a share of
/// revenue by a customer attribute with a range, shorthand ("custs", "3+", "2k"), and the readings that stay declined.
/// </summary>
public sealed class StopThirtySevenAsk14Tests(AnalyticsDatabase database) : IClassFixture<AnalyticsDatabase>
{
    private const string Last90Days = "transaction_date >= TIMESTAMP '2026-08-22 12:00:00' AND transaction_date <= TIMESTAMP '2026-11-20 12:00:00'";
    private const string Last30Days = "transaction_date >= TIMESTAMP '2026-10-21 12:00:00' AND transaction_date <= TIMESTAMP '2026-11-20 12:00:00'";

    [Theory]
    [InlineData("How many new customers did we acquire in each calendar year?", "SELECT year(created_at), count(*) FROM customers GROUP BY 1")]
    [InlineData("how many customers signed up each year", "SELECT year(created_at), count(*) FROM customers GROUP BY 1")]
    [InlineData("revenue by year", "SELECT year(transaction_date), sum(order_value) FROM transactions GROUP BY 1")]
    [InlineData("yearly revenue in Canada",
        "SELECT year(t.transaction_date), sum(t.order_value) FROM transactions t JOIN customers c ON c.customer_id = t.customer_id WHERE c.country = 'Canada' GROUP BY 1")]
    [InlineData("orders per year", "SELECT year(transaction_date), count(*) FROM transactions GROUP BY 1")]
    [InlineData("number of abandoned carts year by year", "SELECT year(abandoned_at), count(*) FROM abandoned_carts GROUP BY 1")]
    [InlineData("which year had the most revenue", "SELECT year(transaction_date), sum(order_value) FROM transactions GROUP BY 1 ORDER BY 2 DESC LIMIT 1")]
    // A statistic of each customer's total by an attribute of the customers.
    [InlineData("Average total spend per buying customer, broken down by country",
        "SELECT c.country, avg(p.s) FROM (SELECT customer_id, sum(order_value) AS s FROM transactions GROUP BY 1) p JOIN customers c ON c.customer_id = p.customer_id GROUP BY 1")]
    [InlineData("median spend per buying customer by city",
        "SELECT c.city, median(p.s) FROM (SELECT customer_id, sum(order_value) AS s FROM transactions GROUP BY 1) p JOIN customers c ON c.customer_id = p.customer_id GROUP BY 1")]
    [InlineData("average spend per customer by acquisition source",
        "SELECT c.acquisition_source, avg(coalesce(p.s, 0)) FROM customers c LEFT JOIN (SELECT customer_id, sum(order_value) AS s FROM transactions GROUP BY 1) p ON p.customer_id = c.customer_id GROUP BY 1")]
    [InlineData("top 2 countries by median number of orders per buyer",
        "SELECT c.country, median(p.n) FROM (SELECT customer_id, count(*) AS n FROM transactions GROUP BY 1) p JOIN customers c ON c.customer_id = p.customer_id GROUP BY 1 QUALIFY rank() OVER (ORDER BY median(p.n) DESC) <= 2")]
    [InlineData("Top 3 countries ranked by median CLV score",
        "SELECT country, median(clv_score) FROM customers GROUP BY 1 QUALIFY rank() OVER (ORDER BY median(clv_score) DESC) <= 3")]
    [InlineData("List the 3 customers with the highest lifetime spend (customer ids, biggest first)",
        "SELECT customer_id, sum(order_value) FROM transactions GROUP BY 1 QUALIFY rank() OVER (ORDER BY sum(order_value) DESC) <= 3")]
    [InlineData("Average abandoned cart value per customer country",
        "SELECT c.country, avg(a.cart_value) FROM abandoned_carts a JOIN customers c ON c.customer_id = a.customer_id GROUP BY 1")]
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
    // Per-customer statistics said otherwise.
    [InlineData("For customers who have purchased, what's the average number of different product categories they've bought from?",
        "SELECT avg(n) FROM (SELECT customer_id, count(DISTINCT category) AS n FROM transactions GROUP BY 1)")]
    [InlineData("average number of distinct categories per buyer", "SELECT avg(n) FROM (SELECT customer_id, count(DISTINCT category) AS n FROM transactions GROUP BY 1)")]
    [InlineData("On average, how many different product types has each buying customer bought?",
        "SELECT avg(n) FROM (SELECT customer_id, count(DISTINCT product_type) AS n FROM transactions GROUP BY 1)")]
    [InlineData("on average how many different categories does a buyer purchase from",
        "SELECT avg(n) FROM (SELECT customer_id, count(DISTINCT category) AS n FROM transactions GROUP BY 1)")]
    [InlineData("For customers who bought something in the last 90 days, how much did each spend on average during those 90 days?",
        "SELECT avg(s) FROM (SELECT customer_id, sum(order_value) AS s FROM transactions WHERE " + Last90Days + " GROUP BY 1)")]
    [InlineData("For buyers in the last 30 days, how much did each spend on average?",
        "SELECT avg(s) FROM (SELECT customer_id, sum(order_value) AS s FROM transactions WHERE " + Last30Days + " GROUP BY 1)")]
    [InlineData("avg number of orders per customer (only ppl who've bought something)", "SELECT count(*) / count(DISTINCT customer_id) FROM transactions")]
    // Shares of a negated condition.
    [InlineData("what % of customers have never bought anything?",
        "SELECT avg(CASE WHEN customer_id NOT IN (SELECT customer_id FROM transactions) THEN 1.0 ELSE 0 END) FROM customers")]
    [InlineData("What proportion of our customers have never placed an order?",
        "SELECT avg(CASE WHEN customer_id NOT IN (SELECT customer_id FROM transactions) THEN 1.0 ELSE 0 END) FROM customers")]
    [InlineData("percentage of customers without any orders",
        "SELECT avg(CASE WHEN customer_id NOT IN (SELECT customer_id FROM transactions) THEN 1.0 ELSE 0 END) FROM customers")]
    [InlineData("What percentage of UK customers haven't placed an order in the last 90 days?",
        "SELECT avg(CASE WHEN customer_id NOT IN (SELECT customer_id FROM transactions WHERE " + Last90Days + ") THEN 1.0 ELSE 0 END) FROM customers WHERE country = 'United Kingdom'")]
    [InlineData("what fraction of customers have never abandoned a cart",
        "SELECT avg(CASE WHEN customer_id NOT IN (SELECT customer_id FROM abandoned_carts) THEN 1.0 ELSE 0 END) FROM customers")]
    [InlineData("what share of buyers have never abandoned a cart",
        "SELECT avg(CASE WHEN customer_id NOT IN (SELECT customer_id FROM abandoned_carts) THEN 1.0 ELSE 0 END) FROM (SELECT DISTINCT customer_id FROM transactions)")]
    // Shares whose whole has a condition of its own.
    [InlineData("What percentage of customers with an abandoned cart are exclusivity seekers?",
        "SELECT avg(CASE WHEN s.exclusivity_seeker THEN 1.0 ELSE 0 END) FROM (SELECT DISTINCT customer_id FROM abandoned_carts) a JOIN customer_scores s ON s.customer_id = a.customer_id")]
    [InlineData("Among customers who abandoned a cart, what share have never bought anything?",
        "SELECT avg(CASE WHEN customer_id NOT IN (SELECT customer_id FROM transactions) THEN 1.0 ELSE 0 END) FROM (SELECT DISTINCT customer_id FROM abandoned_carts)")]
    [InlineData("what share of customers who bought Sofas also bought Mattresses?",
        "SELECT avg(CASE WHEN customer_id IN (SELECT customer_id FROM transactions WHERE product_type = 'Mattresses') THEN 1.0 ELSE 0 END) FROM (SELECT DISTINCT customer_id FROM transactions WHERE product_type = 'Sofas')")]
    [InlineData("what percent of customers who bought Sofas are from the UK",
        "SELECT avg(CASE WHEN c.country = 'United Kingdom' THEN 1.0 ELSE 0 END) FROM customers c WHERE c.customer_id IN (SELECT customer_id FROM transactions WHERE product_type = 'Sofas')")]
    [InlineData("Among buyers, what share are exclusivity seekers?",
        "SELECT avg(CASE WHEN s.exclusivity_seeker THEN 1.0 ELSE 0 END) FROM (SELECT DISTINCT customer_id FROM transactions) b JOIN customer_scores s ON s.customer_id = b.customer_id")]
    [InlineData("What share of exclusivity seekers have an abandoned cart?",
        "SELECT avg(CASE WHEN s.customer_id IN (SELECT customer_id FROM abandoned_carts) THEN 1.0 ELSE 0 END) FROM customer_scores s WHERE s.exclusivity_seeker")]
    [InlineData("what share of customers with a churn probability over 0.7 have an abandoned cart",
        "SELECT avg(CASE WHEN s.customer_id IN (SELECT customer_id FROM abandoned_carts) THEN 1.0 ELSE 0 END) FROM customer_scores s WHERE s.churn_probability > 0.7")]
    [InlineData("what proportion of customers who bought sofas have an abandoned cart",
        "SELECT avg(CASE WHEN customer_id IN (SELECT customer_id FROM abandoned_carts) THEN 1.0 ELSE 0 END) FROM (SELECT DISTINCT customer_id FROM transactions WHERE product_type = 'Sofas')")]
    [InlineData("what share of exclusivity seekers are in the UK",
        "SELECT avg(CASE WHEN c.country = 'United Kingdom' THEN 1.0 ELSE 0 END) FROM customers c JOIN customer_scores s ON s.customer_id = c.customer_id WHERE s.exclusivity_seeker")]
    [InlineData("what share of customers with at least one abandoned cart are in Canada",
        "SELECT avg(CASE WHEN c.country = 'Canada' THEN 1.0 ELSE 0 END) FROM customers c WHERE c.customer_id IN (SELECT customer_id FROM abandoned_carts)")]
    [InlineData("what share of customers who have a session are from the UK",
        "SELECT avg(CASE WHEN c.country = 'United Kingdom' THEN 1.0 ELSE 0 END) FROM customers c WHERE c.customer_id IN (SELECT customer_id FROM behavioral_events WHERE session_id IS NOT NULL)")]
    [InlineData("what share of customers with more than 5 orders are from the UK",
        "SELECT avg(CASE WHEN c.country = 'United Kingdom' THEN 1.0 ELSE 0 END) FROM customers c WHERE c.customer_id IN (SELECT customer_id FROM transactions GROUP BY 1 HAVING count(*) > 5)")]
    [InlineData("what share of customers who bought in the last 30 days are exclusivity seekers",
        "SELECT avg(CASE WHEN s.exclusivity_seeker THEN 1.0 ELSE 0 END) FROM (SELECT DISTINCT customer_id FROM transactions WHERE " + Last30Days + ") b JOIN customer_scores s ON s.customer_id = b.customer_id")]
    // A share of revenue by a customer attribute, the range on the revenue.
    [InlineData("In the last 30 days, what share of revenue came from customers acquired through social?",
        "SELECT sum(CASE WHEN c.acquisition_source = 'social' THEN t.order_value ELSE 0 END) / sum(t.order_value) FROM transactions t JOIN customers c ON c.customer_id = t.customer_id WHERE t." + Last30Days)]
    [InlineData("what share of revenue in the last 90 days came from customers who signed up via referral",
        "SELECT sum(CASE WHEN c.acquisition_source = 'referral' THEN t.order_value ELSE 0 END) / sum(t.order_value) FROM transactions t JOIN customers c ON c.customer_id = t.customer_id WHERE t." + Last90Days)]
    // Shorthand.
    [InlineData("how many custs in toronto", "SELECT count(*) FROM customers WHERE city = 'Toronto'")]
    [InlineData("how many customers placed 3+ orders in the last 90 days",
        "SELECT count(*) FROM (SELECT customer_id FROM transactions WHERE " + Last90Days + " GROUP BY 1 HAVING count(*) >= 3)")]
    [InlineData("count customers whose biggest single order was over 2k", "SELECT count(DISTINCT customer_id) FROM transactions WHERE order_value > 2000")]
    [InlineData("how many ppl have a churn probability > 0.6", "SELECT count(*) FROM customer_scores WHERE churn_probability > 0.6")]
    // A condition on a customer's attribute takes no range (it read the customers who joined in it) and keeps "bought".
    [InlineData("revenue last month from customers with a clv score over 0.7",
        "SELECT sum(t.order_value) FROM transactions t JOIN customers c ON c.customer_id = t.customer_id WHERE c.clv_score > 0.7 AND t.transaction_date >= TIMESTAMP '2026-10-01' AND t.transaction_date < TIMESTAMP '2026-11-01'")]
    [InlineData("how many customers with a clv score over 0.5 bought in the last 30 days",
        "SELECT count(DISTINCT t.customer_id) FROM transactions t JOIN customers c ON c.customer_id = t.customer_id WHERE c.clv_score > 0.5 AND t." + Last30Days)]
    [InlineData("What fraction of the carts abandoned in the last 90 days belong to customers with a CLV score of 0.5 or higher?",
        "SELECT avg(CASE WHEN c.clv_score >= 0.5 THEN 1.0 ELSE 0 END) FROM abandoned_carts a JOIN customers c ON c.customer_id = a.customer_id WHERE a.abandoned_at >= TIMESTAMP '2026-08-22 12:00:00' AND a.abandoned_at <= TIMESTAMP '2026-11-20 12:00:00'")]
    // The repeat purchase rate: the buyers with more than one order, out of the buyers (those the filters pick).
    [InlineData("what is our repeat purchase rate?", "SELECT avg(CASE WHEN n > 1 THEN 1.0 ELSE 0 END) FROM (SELECT customer_id, count(*) AS n FROM transactions GROUP BY 1)")]
    [InlineData("repeat purchase rate, i.e. % of buyers with more than one order", "SELECT avg(CASE WHEN n > 1 THEN 1.0 ELSE 0 END) FROM (SELECT customer_id, count(*) AS n FROM transactions GROUP BY 1)")]
    [InlineData("repeat purchase rate in the UK",
        "SELECT avg(CASE WHEN n > 1 THEN 1.0 ELSE 0 END) FROM (SELECT t.customer_id, count(*) AS n FROM transactions t JOIN customers c ON c.customer_id = t.customer_id WHERE c.country = 'United Kingdom' GROUP BY 1)")]
    [InlineData("Count the customers who have never purchased anything (zero transactions ever).",
        "SELECT count(*) FROM customers WHERE customer_id NOT IN (SELECT customer_id FROM transactions)")]
    // The customers said first ("Among ..., how many"), a verb ending a comparison, "a single purchase over".
    [InlineData("Among customers with a clv_score below 0.4, how many made at least one single purchase over $800?",
        "SELECT count(DISTINCT t.customer_id) FROM transactions t JOIN customers c ON c.customer_id = t.customer_id WHERE c.clv_score < 0.4 AND t.order_value > 800")]
    [InlineData("Among customers from London, how many have never ordered?",
        "SELECT count(*) FROM customers WHERE city = 'London' AND customer_id NOT IN (SELECT customer_id FROM transactions)")]
    // The customers with an event, in the range the statistic is over.
    [InlineData("average events per customer in the last 30 days, among customers who had at least one event in that window",
        "SELECT avg(n) FROM (SELECT customer_id, count(*) AS n FROM behavioral_events WHERE event_timestamp >= TIMESTAMP '2026-10-21 12:00:00' AND event_timestamp <= TIMESTAMP '2026-11-20 12:00:00' GROUP BY 1)")]
    public async Task Answer_MatchesSql(string question, string truth)
    {
        AnalyticsAnswer answer = await RuleAnswers.AskAsync(database.Path, question);

        Assert.Equal(await RuleAnswers.TruthAsync(database.Path, truth), Convert.ToDouble(answer.Rows[0][answer.Columns[0]], CultureInfo.InvariantCulture), 6);
    }

    [Theory]
    // The range said with "new customers" is when they joined, which a measure of orders cannot take.
    [InlineData("revenue from new customers in the last 30 days")]
    [InlineData("revenue from customers who signed up last month")]
    // Two words the data holds as one value cannot be compared.
    [InlineData("instagram vs facebook - how many custs came from each")]
    // A count of customers compared per customer is no reading.
    // "for the year" alone is no breakdown.
    [InlineData("revenue for the year")]
    // A breakdown of a statistic by a value of the rows or by time: which customers would a row pick?
    [InlineData("median spend per buyer by category")]
    [InlineData("average spend per buying customer by month")]
    // The same N days said again without a range before them.
    [InlineData("how much did each customer spend on average during those 90 days")]
    public async Task Reading_IsDeclined(string question)
    {
        AnalyticsAnswer answer = await RuleAnswers.AskAsync(database.Path, question, answered: false);

        Assert.NotEqual(AnalyticsAnswerStatus.Answered, answer.Status);
    }

    [Fact]
    public async Task ShareWithConditionedWhole_RestatesTheWhole()
    {
        AnalyticsAnswer answer = await RuleAnswers.AskAsync(database.Path, "What percentage of customers with an abandoned cart are exclusivity seekers?");

        Assert.Contains("out of all the customers with any abandoned carts", answer.Restatement, StringComparison.Ordinal);
    }

    private async Task<Dictionary<string, double>> RowsAsync(string sql)
    {
        QueryResult result = await new DuckDBDataStore(database.Path).QueryAsync(new SqlStatement(sql));
        return result.Rows.ToDictionary(r => Convert.ToString(r[0], CultureInfo.InvariantCulture)!, r => Convert.ToDouble(r[^1] ?? 0, CultureInfo.InvariantCulture));
    }
}
