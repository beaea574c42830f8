using System.Globalization;
using AetherSegment.Analytics;

namespace AetherSegment.Cli.Tests.Analytics;

/// <summary>
/// Issue 17, stop 41 (ask31): orders, carts, items and customer lists said in the words the studied sets used. Each order
/// over an amount ("single orders over $2,000", "a single &lt;category&gt; order over $1,000"), a quantity said with its
/// unit ("a quantity of 3 or more items") or after "where", carts holding or containing just so many items, the value that
/// "sits" in carts, the basket size in units per order, the price per unit (revenue divided by units) when said so, a
/// bracket restating each customer's own average order value, "our 5 biggest spenders", "which customer has the highest
/// lifetime spend", "name the single city with the most ...". Every answer is recounted in hand-written SQL on the fixture;
/// an average price per unit without saying how it is averaged stays declined.
/// </summary>
public sealed class OrdersAndCartsStop41Tests(AnalyticsDatabase database) : IClassFixture<AnalyticsDatabase>
{
    private const string ThisYear = "transaction_date >= TIMESTAMP '2026-01-01' AND transaction_date <= TIMESTAMP '2026-11-20 12:00:00'";
    private const string LastMonth = "transaction_date >= TIMESTAMP '2026-10-01' AND transaction_date < TIMESTAMP '2026-11-01'";
    private const string LastSevenDays = "abandoned_at >= TIMESTAMP '2026-11-13 12:00:00' AND abandoned_at <= TIMESTAMP '2026-11-20 12:00:00'";

    [Theory]
    [InlineData("Number of single orders over $2,000", "SELECT count(*) FROM transactions WHERE order_value > 2000")]
    [InlineData("Count of single orders over $1,500", "SELECT count(*) FROM transactions WHERE order_value > 1500")]
    [InlineData("how many individual transactions were above $1,000 last month?", "SELECT count(*) FROM transactions WHERE order_value > 1000 AND " + LastMonth)]
    [InlineData("single Bedroom orders over $800 - how many?", "SELECT count(*) FROM transactions WHERE category = 'Bedroom' AND order_value > 800")]
    [InlineData("customers who placed a single Bedroom order over $1,000 this year", "SELECT count(DISTINCT customer_id) FROM transactions WHERE category = 'Bedroom' AND order_value > 1000 AND " + ThisYear)]
    [InlineData("How many customers have made a single purchase over $2,000?", "SELECT count(DISTINCT customer_id) FROM transactions WHERE order_value > 2000")]
    [InlineData("orders with a quantity of 3 or more items", "SELECT count(*) FROM transactions WHERE quantity >= 3")]
    [InlineData("How many orders had a quantity of at least 2 units?", "SELECT count(*) FROM transactions WHERE quantity >= 2")]
    [InlineData("how many Bedroom orders last month had a quantity of 2 or more items", "SELECT count(*) FROM transactions WHERE category = 'Bedroom' AND quantity >= 2 AND " + LastMonth)]
    [InlineData("percentage of orders where the quantity was more than 1", "SELECT avg(CASE WHEN quantity > 1 THEN 1 ELSE 0 END) FROM transactions")]
    [InlineData("what share of transactions in which the quantity exceeded 2?", "SELECT avg(CASE WHEN quantity > 2 THEN 1 ELSE 0 END) FROM transactions")]
    [InlineData("% of Lighting orders where quantity is at least 2", "SELECT avg(CASE WHEN quantity >= 2 THEN 1 ELSE 0 END) FROM transactions WHERE category = 'Lighting'")]
    [InlineData("Abandoned carts holding 3 or more items: how many?", "SELECT count(*) FROM abandoned_carts WHERE item_count >= 3")]
    [InlineData("number of abandoned carts containing at least 2 items in the last 7 days", "SELECT count(*) FROM abandoned_carts WHERE item_count >= 2 AND " + LastSevenDays)]
    [InlineData("percent of abandoned carts that contained just one item", "SELECT avg(CASE WHEN item_count = 1 THEN 1 ELSE 0 END) FROM abandoned_carts")]
    [InlineData("how many abandoned carts had only 2 items?", "SELECT count(*) FROM abandoned_carts WHERE item_count = 2")]
    [InlineData("Of all abandoned cart value, what share sits in carts with 3 or more items?", "SELECT sum(cart_value) FILTER (WHERE item_count >= 3) / sum(cart_value) FROM abandoned_carts")]
    [InlineData("share of abandoned cart value in carts holding 3 or more items", "SELECT sum(cart_value) FILTER (WHERE item_count >= 3) / sum(cart_value) FROM abandoned_carts")]
    [InlineData("Number of customers whose average order value is above $500 (average over each customer's own orders)", "SELECT count(*) FROM (SELECT customer_id FROM transactions GROUP BY 1 HAVING avg(order_value) > 500)")]
    public async Task OneValue_IsTheHandWrittenCount(string question, string truth)
    {
        await RuleAnswers.AssertValueAsync(database.Path, question, truth);
    }

    [Theory]
    [InlineData("Average basket size in units per order, by category", "SELECT category, avg(quantity) FROM transactions GROUP BY 1")]
    [InlineData("average basket size in units per order for each product type in Lighting", "SELECT product_type, avg(quantity) FROM transactions WHERE category = 'Lighting' GROUP BY 1")]
    [InlineData("What's the average price per unit for each Lighting product type? (revenue divided by units)", "SELECT product_type, sum(order_value) / sum(quantity) FROM transactions WHERE category = 'Lighting' GROUP BY 1")]
    [InlineData("price per unit by category", "SELECT category, sum(order_value) / sum(quantity) FROM transactions GROUP BY 1")]
    [InlineData("revenue per unit sold for each category this year", "SELECT category, sum(order_value) / sum(quantity) FROM transactions WHERE " + ThisYear + " GROUP BY 1")]
    [InlineData("Which cities have over 20 customers? give the customer count for each", "SELECT city, count(*) FROM customers GROUP BY 1 HAVING count(*) > 20")]
    [InlineData("which countries have more than 50 customers - show me the count for each", "SELECT country, count(*) FROM customers GROUP BY 1 HAVING count(*) > 50")]
    [InlineData("average order value per country (mean order_value of that country's customers' orders)", "SELECT c.country, avg(t.order_value) FROM transactions t JOIN customers c USING (customer_id) GROUP BY 1")]
    public async Task EachGroup_IsTheHandWrittenValue(string question, string truth)
    {
        await RuleAnswers.AssertGroupsAsync(database.Path, question, truth);
    }

    [Theory]
    [InlineData("Who are our 5 biggest spenders in London this year?", "SELECT t.customer_id FROM transactions t JOIN customers c USING (customer_id) WHERE c.city = 'London' AND t." + ThisYear + " GROUP BY 1 QUALIFY rank() OVER (ORDER BY sum(t.order_value) DESC) <= 5 ORDER BY sum(t.order_value) DESC, 1")]
    [InlineData("Our 10 biggest spenders (customer ids)", "SELECT customer_id FROM transactions GROUP BY 1 QUALIFY rank() OVER (ORDER BY sum(order_value) DESC) <= 10 ORDER BY sum(order_value) DESC, 1")]
    [InlineData("Which customer has the highest total lifetime spend? give me the id", "SELECT customer_id FROM transactions GROUP BY 1 QUALIFY rank() OVER (ORDER BY sum(order_value) DESC) <= 1 ORDER BY sum(order_value) DESC, 1")]
    [InlineData("which customer has the biggest lifetime spend?", "SELECT customer_id FROM transactions GROUP BY 1 QUALIFY rank() OVER (ORDER BY sum(order_value) DESC) <= 1 ORDER BY sum(order_value) DESC, 1")]
    [InlineData("Name the single city with the highest number of abandoned carts", "SELECT c.city FROM abandoned_carts a JOIN customers c USING (customer_id) GROUP BY 1 QUALIFY rank() OVER (ORDER BY count(*) DESC) <= 1 ORDER BY count(*) DESC, 1")]
    [InlineData("name the country with the most orders", "SELECT c.country FROM transactions t JOIN customers c USING (customer_id) GROUP BY 1 QUALIFY rank() OVER (ORDER BY count(*) DESC) <= 1 ORDER BY count(*) DESC, 1")]
    public async Task ARankedList_IsTheHandWrittenRanking(string question, string truth)
    {
        AnalyticsAnswer answer = await RuleAnswers.AskAsync(database.Path, question);

        List<string> expected = await RuleAnswers.ColumnAsync(database.Path, truth);
        Assert.Equal(expected.Order(StringComparer.Ordinal), answer.Rows.Select(r => Convert.ToString(r[answer.Columns[0]], CultureInfo.InvariantCulture)!).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("average price per unit by category")]
    [InlineData("what's the average unit price for each product type?")]
    [InlineData("how many customers placed a single order?")]
    public async Task AnUnsaidAverageOrACountOfOrders_IsNotReadAsAnotherQuestion(string question)
    {
        AnalyticsAnswer answer = await RuleAnswers.AskAsync(database.Path, question, answered: false);

        if (question.Contains("single", StringComparison.Ordinal))
        {
            // "placed a single order": exactly one order, or declined; never every buyer.
            Assert.True(answer.Status != AnalyticsAnswerStatus.Answered
                || RuleAnswers.Single(answer) == await RuleAnswers.TruthAsync(database.Path, "SELECT count(*) FROM (SELECT customer_id FROM transactions GROUP BY 1 HAVING count(*) = 1)"), answer.Answer);
            return;
        }

        Assert.NotEqual(AnalyticsAnswerStatus.Answered, answer.Status);
    }
}
