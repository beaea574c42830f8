using AetherSegment.Analytics;
using Microsoft.Extensions.DependencyInjection;

namespace AetherSegment.Cli.Tests.Analytics;

/// <summary>
/// Issue 17: the rule-based path answers exactly the question asked or declines naming what it could not place.
/// Every answer is recounted with LINQ over the fixture's rows (as-of 2026-11-20), and its restatement says what
/// was computed.
/// </summary>
public sealed class NoSilentSubstitutionTests(AnalyticsDatabase database) : IClassFixture<AnalyticsDatabase>
{
    private DemoRows Rows => field ??= new DemoRows(database.Path);

    [Fact]
    public async Task BoughtASofaAndAMattress_CountsCustomersWhoBoughtBoth()
    {
        AnalyticsAnswer answer = await AskAsync("How many customers bought a sofa and a mattress?");

        int expected = Rows.BuyersOf("Sofas").Intersect(Rows.BuyersOf("Mattresses")).Count();
        Assert.Equal(expected, Single(answer));
        Assert.Matches("who bought both (Sofas and Mattresses|Mattresses and Sofas)", answer.Restatement);
        Assert.True(expected < Rows.BuyersOf("Sofas").Count, "the intersection is smaller than either set, so a per-type count would differ");
    }

    [Fact]
    public async Task BoughtSofasButNotMattresses_CountsTheDifference()
    {
        AnalyticsAnswer answer = await AskAsync("customers who bought sofas but not mattresses");

        Assert.Equal(Rows.BuyersOf("Sofas").Except(Rows.BuyersOf("Mattresses")).Count(), Single(answer));
        Assert.Contains("who bought Sofas but not Mattresses", answer.Restatement, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BoughtSofasOrMattresses_CountsEachBuyerOnce()
    {
        AnalyticsAnswer answer = await AskAsync("how many customers bought sofas or mattresses");

        Assert.Equal(Rows.BuyersOf("Sofas").Union(Rows.BuyersOf("Mattresses")).Count(), Single(answer));
    }

    [Theory]
    [InlineData("What is the value of the abandoned carts?")]
    [InlineData("value of abandoned carts")]
    [InlineData("total abandoned cart value")]
    public async Task ValueOfAbandonedCarts_IsTheirValueNotTheirCount(string question)
    {
        AnalyticsAnswer answer = await AskAsync(question);

        Assert.Equal(Rows.Carts.Sum(c => c.Value), Single(answer), 6);
        Assert.Contains("abandoned cart value", answer.Restatement, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChurnProbabilityOver07_CountsCustomersAboveTheThreshold()
    {
        AnalyticsAnswer answer = await AskAsync("customers with churn probability over 0.7");

        Assert.Equal(Rows.Churn.Values.Count(p => p > 0.7), Single(answer));
        Assert.Contains("whose churn probability is over 70.0%", answer.Restatement, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChurnProbabilityAtLeast70Percent_ReadsThePercentAsAFraction()
    {
        AnalyticsAnswer answer = await AskAsync("how many customers have a churn probability of at least 70%?");

        Assert.Equal(Rows.Churn.Values.Count(p => p >= 0.7), Single(answer));
    }

    [Fact]
    public async Task SpentOver1000ThisYear_IsAPerCustomerTotal()
    {
        AnalyticsAnswer answer = await AskAsync("How many customers spent over $1,000 this year?");

        DateTime start = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        DateTime end = new(2026, 11, 21, 0, 0, 0, DateTimeKind.Utc);
        int expected = Rows.Orders.Where(o => o.At >= start && o.At < end).GroupBy(o => o.Customer).Count(g => g.Sum(o => o.Value) > 1000);
        Assert.Equal(expected, Single(answer));
        Assert.Contains("over $1,000.00", answer.Restatement, StringComparison.Ordinal);
        Assert.Contains("this year", answer.Restatement, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OrdersOver500_CountsOrdersWhoseValueIsOver500()
    {
        AnalyticsAnswer answer = await AskAsync("how many orders over $500?");

        Assert.Equal(Rows.Orders.Count(o => o.Value > 500), Single(answer));
    }

    [Fact]
    public async Task RevenueBetween_IsInclusiveOfBothEnds()
    {
        AnalyticsAnswer answer = await AskAsync("how many customers have a churn probability between 0.2 and 0.4");

        Assert.Equal(Rows.Churn.Values.Count(p => p >= 0.2 && p <= 0.4), Single(answer));
    }

    [Fact]
    public async Task RangeEndingInAFourDigitAmount_IsARangeNotAYear()
    {
        AnalyticsAnswer answer = await AskAsync("how many customers spent between 500 and 2000 dollars?");

        Dictionary<string, double> spend = Rows.Orders.GroupBy(o => o.Customer).ToDictionary(g => g.Key, g => g.Sum(o => o.Value));
        Assert.Equal(spend.Values.Count(v => v >= 500 && v <= 2000), Single(answer));
        Assert.DoesNotContain("2000-01-01", answer.Restatement, StringComparison.Ordinal);
        Assert.Contains("between $500.00 and $2,000.00", answer.Restatement, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PercentOfCustomersWhoBought_IsOutOfAllCustomersNotOutOfBuyers()
    {
        AnalyticsAnswer customers = await AskAsync("what percent of customers bought Sofas?");
        AnalyticsAnswer buyers = await AskAsync("what share of buyers bought Sofas?");

        int sofaBuyers = Rows.BuyersOf("Sofas").Count;
        Assert.Equal(sofaBuyers / (double)Rows.Customers.Count, Convert.ToDouble(customers.Rows[0]["share_of_customers"]), 9);
        Assert.Contains("share of customers who bought Sofas out of all customers", customers.Restatement, StringComparison.Ordinal);
        int allBuyers = Rows.Orders.Select(o => o.Customer).Distinct().Count();
        Assert.True(allBuyers < Rows.Customers.Count, "some customers never bought, so the two denominators differ");
        Assert.Equal(sofaBuyers / (double)allBuyers, Convert.ToDouble(buyers.Rows[0]["share_of_buyers"]), 9);
        Assert.Contains("out of all buyers", buyers.Restatement, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("how many customers have never ordered?")]
    [InlineData("customers who haven't bought anything")]
    [InlineData("how many customers did not make a purchase?")]
    public async Task NeverOrdered_CountsCustomersWithoutAnyOrder(string question)
    {
        AnalyticsAnswer answer = await AskAsync(question);

        HashSet<string> buyers = [.. Rows.Orders.Select(o => o.Customer)];
        int expected = Rows.Customers.Count(c => !buyers.Contains(c.Id));
        Assert.True(expected > 0, "the fixture has customers without orders");
        Assert.Equal(expected, Single(answer));
        Assert.Contains("customers who never bought", answer.Restatement, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NeverAbandonedACart_CountsCustomersWithoutAnyCart()
    {
        AnalyticsAnswer answer = await AskAsync("how many customers never abandoned a cart?");

        HashSet<string> withCarts = [.. Rows.Carts.Select(c => c.Customer)];
        Assert.Equal(Rows.Customers.Count(c => !withCarts.Contains(c.Id)), Single(answer));
        Assert.Contains("with no abandoned carts", answer.Restatement, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NotOrderedInTheLast90Days_CountsCustomersWithoutAnOrderInTheRange()
    {
        AnalyticsAnswer answer = await AskAsync("customers who have not ordered in the last 90 days");

        // As-of 2026-11-20 12:00 UTC: the last 90 days are the 90 days ending at that instant.
        HashSet<string> recent = [.. Rows.Orders.Where(o => o.At >= new DateTime(2026, 8, 22, 12, 0, 0, DateTimeKind.Utc) && o.At < new DateTime(2026, 11, 20, 12, 0, 0, DateTimeKind.Utc)).Select(o => o.Customer)];
        Assert.Equal(Rows.Customers.Count(c => !recent.Contains(c.Id)), Single(answer));
        Assert.Contains("who did not buy in the time range", answer.Restatement, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("customers who never bought sofas in Paris")]
    [InlineData("revenue from customers who never ordered")]
    [InlineData("how many customers never ordered by country")]
    public async Task NeverOutsideACountOfCustomers_IsDeclined(string question)
    {
        AnalyticsAnswer answer = await AskAsync(question, answered: false);

        Assert.NotEqual(AnalyticsAnswerStatus.Answered, answer.Status);
        Assert.Contains("never", answer.Answer, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("how many customers have an abandoned cart?")]
    [InlineData("number of customers with abandoned carts")]
    public async Task HowManyCustomersHaveACart_CountsCustomersNotCarts(string question)
    {
        AnalyticsAnswer answer = await AskAsync(question);

        int expected = Rows.Carts.Select(c => c.Customer).Distinct().Count();
        Assert.Equal(expected, Single(answer));
        Assert.Contains("customers with any abandoned carts", answer.Restatement, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HowManyCustomersHaveOrders_CountsCustomersWithAnOrder()
    {
        AnalyticsAnswer answer = await AskAsync("how many customers have orders?");

        int expected = Rows.Orders.Select(o => o.Customer).Distinct().Count();
        Assert.True(expected < Rows.Orders.Count, "a count of orders would differ");
        Assert.Equal(expected, Single(answer));
    }

    [Fact]
    public async Task HowManyCustomersHaveACartAndAChurnThreshold_CountsCustomersMeetingBoth()
    {
        AnalyticsAnswer answer = await AskAsync("how many customers have both an abandoned cart and a churn probability above 0.5?");

        HashSet<string> withCarts = [.. Rows.Carts.Select(c => c.Customer)];
        Assert.Equal(Rows.Churn.Count(p => p.Value > 0.5 && withCarts.Contains(p.Key)), Single(answer));
        Assert.Contains("customers with any abandoned carts, whose churn probability is over 50.0%", answer.Restatement, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BoughtMoreThanTwoOfAProduct_ComparesTheUnitsEachCustomerBought()
    {
        AnalyticsAnswer answer = await AskAsync("how many customers bought more than 2 sofas?");

        int expected = Rows.Orders.Where(o => o.ProductType == "Sofas").GroupBy(o => o.Customer).Count(g => g.Sum(o => o.Quantity) > 2);
        Assert.True(expected > 0, "a count of buyers per customer (always 1) would answer 0");
        Assert.Equal(expected, Single(answer));
        Assert.Contains("whose units sold for Sofas is over 2", answer.Restatement, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CitiesWithRevenueOver_KeepsOnlyThoseCities()
    {
        AnalyticsAnswer answer = await AskAsync("cities with revenue over $20,000");

        Dictionary<string, string> cityOf = Rows.Customers.ToDictionary(c => c.Id, c => c.City);
        Dictionary<string, double> expected = Rows.Orders.GroupBy(o => cityOf[o.Customer]).Select(g => (g.Key, Sum: g.Sum(o => o.Value)))
            .Where(c => c.Sum > 20000).ToDictionary(c => c.Key, c => c.Sum);
        Assert.NotEmpty(expected);
        Assert.Equal(expected.Count, answer.Rows.Count);
        foreach (IReadOnlyDictionary<string, object?> row in answer.Rows)
        {
            Assert.Equal(expected[(string)row["city"]!], Convert.ToDouble(row["revenue"]), 6);
        }
    }

    [Fact]
    public async Task ShareOfRevenueFromSofas_IsTheirRevenueOverAllRevenue()
    {
        AnalyticsAnswer answer = await AskAsync("What share of revenue comes from Sofas?");

        double expected = Rows.Orders.Where(o => o.ProductType == "Sofas").Sum(o => o.Value) / Rows.Orders.Sum(o => o.Value);
        Assert.Equal(expected, Convert.ToDouble(answer.Rows[0]["share_of_revenue"]), 9);
        Assert.Contains("share of revenue for Sofas out of all revenue", answer.Restatement, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ShareOfCustomersByCountry_AddsUpToOne()
    {
        AnalyticsAnswer answer = await AskAsync("percentage of customers by country");

        Assert.Equal(Rows.Customers.Select(c => c.Country).Distinct().Count(), answer.Rows.Count);
        Assert.Equal(1.0, answer.Rows.Sum(r => Convert.ToDouble(r["share_of_customers"])), 9);
        foreach (IReadOnlyDictionary<string, object?> row in answer.Rows)
        {
            Assert.Equal(Rows.Customers.Count(c => c.Country == (string)row["country"]!) / (double)Rows.Customers.Count, Convert.ToDouble(row["share_of_customers"]), 9);
        }
    }

    [Fact]
    public async Task RevenueOutsideCanada_ExcludesCanada()
    {
        AnalyticsAnswer answer = await AskAsync("revenue outside Canada");

        HashSet<string> canadians = [.. Rows.Customers.Where(c => c.Country == "Canada").Select(c => c.Id)];
        Assert.Equal(Rows.Orders.Where(o => !canadians.Contains(o.Customer)).Sum(o => o.Value), Single(answer), 6);
        Assert.Contains("outside Canada", answer.Restatement, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACampaignByName_IsAFilterOnThatCampaign()
    {
        AnalyticsAnswer answer = await AskAsync("conversion rate of the Campaign 3 campaign");

        // The rate among the customers who received it: the treatment arm, not the control customers held out.
        List<DemoRows.Send> sends = [.. Rows.Sends.Where(s => s.Campaign == "Campaign 3" && s.Arm == "treatment")];
        Assert.NotEmpty(sends);
        Assert.Equal(sends.Count(s => s.Converted) / (double)sends.Count, Single(answer), 9);
        Assert.Contains("Campaign 3", answer.Restatement, StringComparison.Ordinal);
        Assert.Contains("conversion rate among customers who received the campaign (treatment group)", answer.Restatement, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CampaignSendsAndConversions_CountTheTreatmentArm_AndSaySo()
    {
        List<DemoRows.Send> treated = [.. Rows.Sends.Where(s => s.Campaign == "Campaign 3" && s.Arm == "treatment")];
        Assert.NotEqual(treated.Count, Rows.Sends.Count(s => s.Campaign == "Campaign 3"));

        AnalyticsAnswer sends = await AskAsync("campaign sends of the Campaign 3 campaign");
        Assert.Equal(treated.Count, Single(sends), 9);
        Assert.Contains("campaign sends to customers in the treatment group (control customers were sent nothing)", sends.Restatement, StringComparison.Ordinal);

        AnalyticsAnswer conversions = await AskAsync("conversions of the Campaign 3 campaign");
        Assert.Equal(treated.Count(s => s.Converted), Single(conversions), 9);
        Assert.Contains("conversions among customers who received the campaign (treatment group)", conversions.Restatement, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("how many customers bought a sofa on mars", "\"mars\"")]
    [InlineData("customers who are not happy", "\"not\"")]
    [InlineData("churn probability over 0.7", "of what?")]
    [InlineData("revenue over 0.7 rainbows", "\"rainbows\"")]
    [InlineData("share of revenue", "from what?")]
    [InlineData("share of average order value in Canada", "does not add up")]
    [InlineData("how many customers spent over 12 percent of their income", "is a percentage")]
    [InlineData("revenue of the control group", "\"control group\"")]
    public async Task AnUnplacedPart_IsDeclinedNamingIt(string question, string named)
    {
        AnalyticsAnswer answer = await AskAsync(question, answered: false);

        Assert.Equal(AnalyticsAnswerStatus.Unanswerable, answer.Status);
        Assert.Contains(named, answer.Answer, StringComparison.Ordinal);
        Assert.Null(answer.Sql);
        Assert.NotEmpty(answer.Suggestions);
    }

    [Fact]
    public async Task EveryRuleAnswer_RestatesWhatWasComputed_AndNamesThePath()
    {
        AnalyticsAnswer answer = await AskAsync("Top 5 cities by revenue this year");

        Assert.StartsWith("Computed the total revenue this year", answer.Restatement, StringComparison.Ordinal);
        Assert.Contains("for each city", answer.Restatement, StringComparison.Ordinal);
        Assert.Contains("top 5", answer.Restatement, StringComparison.Ordinal);
        Assert.EndsWith("(rule-based parser)", answer.Restatement, StringComparison.Ordinal);
    }

    private Task<AnalyticsAnswer> AskAsync(string question, bool answered = true) => RuleAnswers.AskAsync(database.Path, question, answered);

    private static double Single(AnalyticsAnswer answer) => RuleAnswers.Single(answer);
}
