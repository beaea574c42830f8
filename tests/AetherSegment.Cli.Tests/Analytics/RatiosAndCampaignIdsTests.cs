using System.Globalization;
using AetherSegment.Analytics;
using AetherSegment.Cli.Tests.Retailers;
using Microsoft.Extensions.DependencyInjection;

namespace AetherSegment.Cli.Tests.Analytics;

/// <summary>
/// Issue 17, coverage: ratios of two measures ("revenue per order", "ratio of abandoned carts to orders"), campaigns by
/// the ids in the data and triggers by id or with "trigger". Each answer is recounted with LINQ over the fixture's rows
/// (read plainly from DuckDB), and its restatement says what was divided by what. An id that is not in the data and a
/// "per" phrase that cannot be placed are declined naming them, never answered with the numerator alone.
/// </summary>
public sealed class RatiosAndCampaignIdsTests(AnalyticsDatabase database) : IClassFixture<AnalyticsDatabase>
{
    private List<(string Order, string Customer, string Country, double Value)> Orders => field ??=
        [.. SummitDatabase.Query(database.Path, "SELECT t.transaction_id, t.customer_id, c.country, t.order_value FROM transactions t JOIN customers c ON c.customer_id = t.customer_id")
            .Select(r => ((string)r[0]!, (string)r[1]!, (string)r[2]!, Convert.ToDouble(r[3], CultureInfo.InvariantCulture)))];

    private List<(string Customer, string Country)> Customers => field ??=
        [.. SummitDatabase.Query(database.Path, "SELECT customer_id, country FROM customers").Select(r => ((string)r[0]!, (string)r[1]!))];

    // The treatment arm's rows: campaign sends and conversions count the customers who received the campaign.
    private List<(string Campaign, string Trigger, bool Converted)> Sends => field ??=
        [.. SummitDatabase.Query(database.Path, "SELECT campaign_id, trigger_type, converted FROM campaign_history WHERE \"group\" = 'treatment'").Select(r => ((string)r[0]!, (string)r[1]!, (bool)r[2]!))];

    [Fact]
    public async Task RevenuePerOrder_IsRevenueOverDistinctOrders_WithBothTotals()
    {
        AnalyticsAnswer answer = await AskAsync("revenue per order");

        double revenue = Orders.Sum(o => o.Value);
        int orders = Orders.Select(o => o.Order).Distinct().Count();
        Assert.Equal(["revenue_per_order", "revenue", "orders"], answer.Columns);
        Assert.Equal(revenue / orders, Number(answer.Rows[0]["revenue_per_order"]), 6);
        Assert.Equal(orders, Number(answer.Rows[0]["orders"]), 6);
        Assert.Contains("NULLIF(", answer.Sql, StringComparison.Ordinal);
        Assert.Contains("Computed the total revenue divided by the number of orders (revenue per order)", answer.Restatement, StringComparison.Ordinal);
        Assert.Contains(" over ", answer.Answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RevenuePerCustomer_DividesByAllCustomers_AndSaysSo()
    {
        AnalyticsAnswer answer = await AskAsync("average revenue per customer");

        Assert.Equal(Orders.Sum(o => o.Value) / Customers.Count, Number(answer.Rows[0][answer.Columns[0]]), 6);
        Assert.Contains("divided by the number of all customers (whether or not they bought)", answer.Restatement, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RevenuePerBuyer_DividesByCustomersWhoOrdered()
    {
        AnalyticsAnswer answer = await AskAsync("revenue per buyer in Canada");

        List<(string Order, string Customer, string Country, double Value)> canada = [.. Orders.Where(o => o.Country == "Canada")];
        Assert.Equal(canada.Sum(o => o.Value) / canada.Select(o => o.Customer).Distinct().Count(), Number(answer.Rows[0][answer.Columns[0]]), 6);
        Assert.Contains("divided by the number of customers who ordered (revenue per buyer) in Canada, both over the same filters and time range", answer.Restatement, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RevenuePerCustomerByCountry_IsOneRatioPerCountry()
    {
        AnalyticsAnswer answer = await AskAsync("revenue per customer by country");

        Assert.Equal(Customers.Select(c => c.Country).Distinct().Count(), answer.Rows.Count);
        foreach (IReadOnlyDictionary<string, object?> row in answer.Rows)
        {
            string country = (string)row["country"]!;
            double expected = Orders.Where(o => o.Country == country).Sum(o => o.Value) / Customers.Count(c => c.Country == country);
            Assert.Equal(expected, Number(row.Last().Value), 6);
        }

        Assert.Contains(", for each country", answer.Restatement, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RatioOfAbandonedCartsToOrders_DividesTheTwoTables()
    {
        AnalyticsAnswer answer = await AskAsync("ratio of abandoned carts to orders in Canada");

        int carts = SummitDatabase.Query(database.Path, "SELECT a.cart_id FROM abandoned_carts a JOIN customers c ON c.customer_id = a.customer_id WHERE c.country = 'Canada'").Count;
        int orders = Orders.Where(o => o.Country == "Canada").Select(o => o.Order).Distinct().Count();
        Assert.Equal((double)carts / orders, Number(answer.Rows[0][answer.Columns[0]]), 6);
        Assert.Contains("the number of abandoned carts divided by the number of orders", answer.Restatement, StringComparison.Ordinal);
        Assert.DoesNotContain("Canada", answer.Sql, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("revenue per head", "\"head\"")]
    [InlineData("revenue per unicorn", "\"unicorn\"")]
    [InlineData("average order value per customer", "already an average")]
    [InlineData("ratio of revenue", "ratio of what to what")]
    [InlineData("average revenue per customer last month", "counted over all time")]
    public async Task APerPhraseThatCannotBePlaced_IsDeclinedNamingIt_NeverTheNumeratorAlone(string question, string named)
    {
        AnalyticsAnswer answer = await AskAsync(question, answered: false);

        Assert.Equal(AnalyticsAnswerStatus.Unanswerable, answer.Status);
        Assert.Contains(named, answer.Answer, StringComparison.Ordinal);
        Assert.Null(answer.Sql);
    }

    [Fact]
    public async Task CampaignById_IsAFilterOnTheCampaignId()
    {
        AnalyticsAnswer answer = await AskAsync("how many sends did campaign CMP004 have?");

        Assert.Equal(Sends.Count(s => s.Campaign == "CMP004"), Number(answer.Rows[0][answer.Columns[0]]), 6);
        Assert.Contains("for campaign CMP004", answer.Restatement, StringComparison.Ordinal);
        Assert.DoesNotContain("CMP004", answer.Sql, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CampaignIdNotInTheData_IsDeclinedNamingIt()
    {
        AnalyticsAnswer answer = await AskAsync("conversions of campaign CMP999", answered: false);

        Assert.Equal(AnalyticsAnswerStatus.Unanswerable, answer.Status);
        Assert.Contains("no campaign has the id \"CMP999\" in the data", answer.Answer, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("conversions for the free shipping trigger")]
    [InlineData("conversions for the free_shipping_offer trigger")]
    [InlineData("conversions for trigger free_shipping")]
    public async Task TriggerByIdOrWithTheWordTrigger_IsOneFilter_NotABreakdown(string question)
    {
        AnalyticsAnswer answer = await AskAsync(question);

        Assert.Single(answer.Rows);
        Assert.Equal(Sends.Count(s => s.Trigger == "free_shipping_offer" && s.Converted), Number(answer.Rows[0][answer.Columns[0]]), 6);
        Assert.Contains("for free_shipping_offer campaigns", answer.Restatement, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TriggerIdNotInTheProfile_IsDeclinedNamingIt()
    {
        AnalyticsAnswer answer = await AskAsync("campaign sends for the discount_15 trigger", answered: false);

        Assert.Equal(AnalyticsAnswerStatus.Unanswerable, answer.Status);
        Assert.Contains("no trigger \"discount_15\"", answer.Answer, StringComparison.Ordinal);
        Assert.Contains("free_shipping_offer", answer.Answer, StringComparison.Ordinal);
    }

    public static TheoryData<string> RatioWithEveryOtherKind()
    {
        TheoryData<string> data = [];
        string[] ratios = ["revenue per order", "orders per buyer", "abandoned carts per order", "ratio of abandoned carts to orders", "revenue per customer"];
        string[] others = ["", " in Canada", " outside Canada", " by country", " by month", " for Sofas", " in October 2026", " in 2026", " top 3 cities by", " bottom 2 countries by", " in 2025 vs 2026", " growth from 2025 to 2026"];
        foreach (string ratio in ratios)
        {
            foreach (string other in others)
            {
                data.Add(other.EndsWith(" by", StringComparison.Ordinal) ? $"{other.Trim()} {ratio}" : ratio + other);
            }
        }

        return data;
    }

    // Ratio with a period, a filter, an exclusion, a breakdown, a time breakdown, a top N and two periods: every
    // combination either runs on DuckDB (answered, with both totals named in the restatement) or is declined with its
    // reason; none errors, none is answered as something other than the ratio.
    [Theory]
    [MemberData(nameof(RatioWithEveryOtherKind))]
    public async Task Ratio_WithEveryOtherConditionKind_RunsOnDuckDB_OrIsDeclinedWithAReason(string question)
    {
        AnalyticsAnswer answer = await AskAsync(question, answered: false);

        if (answer.Status == AnalyticsAnswerStatus.Answered)
        {
            Assert.Contains(" divided by ", answer.Restatement, StringComparison.Ordinal);
            Assert.NotNull(answer.Sql);
            Assert.Contains("NULLIF(", answer.Sql, StringComparison.Ordinal);
            return;
        }

        // Declined only where documented: a time range on a ratio over all customers, and two periods of a ratio across two tables
        // ("for Sofas" on carts: the product type is not recorded on abandoned carts).
        Assert.Equal(AnalyticsAnswerStatus.Unanswerable, answer.Status);
        bool crossTable = question.Contains("carts", StringComparison.Ordinal) || question.Contains("customer", StringComparison.Ordinal);
        Assert.True(crossTable, $"{question}: {answer.Answer}");
        Assert.Matches("counted over all time|two tables|is recorded on|what the abandoned carts contain", answer.Answer);
    }

    [Fact]
    public async Task SameTableRatio_WithEveryKind_IsAnswered()
    {
        foreach (string question in (string[])["revenue per order in Canada in 2026", "top 3 cities by revenue per order", "revenue per order by month in 2026", "revenue per order in 2025 vs 2026",
            "revenue per order growth from 2025 to 2026", "revenue per order outside Canada for Sofas"])
        {
            AnalyticsAnswer answer = await AskAsync(question);
            Assert.NotEmpty(answer.Rows);
        }
    }

    private static double Number(object? value) => Convert.ToDouble(value, CultureInfo.InvariantCulture);

    private async Task<AnalyticsAnswer> AskAsync(string question, bool answered = true)
    {
        using ServiceProvider services = AnalyticsServiceTests.BuildServices(database.Path);
        AnalyticsAnswer answer = await services.GetRequiredService<IAnalyticsService>().AskAsync(question);
        if (answered)
        {
            Assert.True(answer.Status == AnalyticsAnswerStatus.Answered, $"{question}: {answer.Answer}");
            Assert.Equal(AnalyticsAnswerSource.Rules, answer.Source);
        }

        return answer;
    }
}
