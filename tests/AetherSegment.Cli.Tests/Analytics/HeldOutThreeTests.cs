using AetherSegment.Analytics;
using Microsoft.Extensions.DependencyInjection;

namespace AetherSegment.Cli.Tests.Analytics;

/// <summary>
/// The wrong answers the third held-out set (ask-heldout3) found, each recounted with LINQ over the fixture's rows:
/// "us" read as the United States, "%" dropped so a share became a count, and a share of one value of a breakdown
/// computed out of that value alone (100%).
/// </summary>
public sealed class HeldOutThreeTests(AnalyticsDatabase database) : IClassFixture<AnalyticsDatabase>
{
    private DemoRows Rows => field ??= new DemoRows(database.Path);

    [Theory]
    [InlineData("how many customers came to us through referrals?")]
    [InlineData("how many customers were referred to us?")]
    [InlineData("how many customers from referral have bought from us?")]
    public async Task UsAsThePronoun_IsNotTheUnitedStates(string question)
    {
        AnalyticsAnswer answer = await AskAsync(question);

        List<DemoRows.Customer> referred = Rows.Customers.FindAll(c => c.Source == "referral");
        HashSet<string> buyers = [.. Rows.Orders.Select(o => o.Customer)];
        int expected = question.Contains("bought", StringComparison.Ordinal) ? referred.Count(c => buyers.Contains(c.Id)) : referred.Count;
        Assert.Equal(expected, Single(answer));
        Assert.DoesNotContain("United States", answer.Restatement, StringComparison.Ordinal);
        Assert.True(expected != referred.Count(c => c.Country == "United States"), "the fixture must tell the two readings apart");
    }

    [Theory]
    [InlineData("how many customers in the US?")]
    [InlineData("how many customers in the us?")]
    [InlineData("how many US customers?")]
    [InlineData("us customers")]
    public async Task UsAsTheCountry_IsStillTheUnitedStates(string question)
    {
        AnalyticsAnswer answer = await AskAsync(question);

        Assert.Equal(Rows.Customers.Count(c => c.Country == "United States"), Single(answer));
        Assert.Contains("United States", answer.Restatement, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CanadiansWhoSpentOver5000WithUs_IsCanadaAlone()
    {
        AnalyticsAnswer answer = await AskAsync("How many Canadian customers have spent more than $1,000 with us?");

        HashSet<string> canadians = [.. Rows.Customers.Where(c => c.Country == "Canada").Select(c => c.Id)];
        int expected = Rows.Orders.Where(o => canadians.Contains(o.Customer)).GroupBy(o => o.Customer).Count(g => g.Sum(o => o.Value) > 1000);
        Assert.Equal(expected, Single(answer));
    }

    [Theory]
    [InlineData("what % of orders in 2026 were textiles?")]
    [InlineData("what percent of orders in 2026 were textiles?")]
    public async Task PercentSign_IsAShareNotACount(string question)
    {
        AnalyticsAnswer answer = await AskAsync(question);

        List<DemoRows.Order> orders = Rows.Orders.FindAll(o => o.At.Year == 2026);
        Assert.Equal(orders.Count(o => o.Category == "Textiles") / (double)orders.Count, Single(answer), 9);
        Assert.Contains("share of orders", answer.Restatement, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ShareOfTheBedroomCategory_IsOutOfAllRevenue()
    {
        AnalyticsAnswer answer = await AskAsync("What share of revenue comes from the Bedroom category?");

        Assert.Equal(Rows.Orders.Where(o => o.Category == "Bedroom").Sum(o => o.Value) / Rows.Orders.Sum(o => o.Value), Single(answer), 9);
        Assert.Contains("out of all revenue", answer.Restatement, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ShareOfTwoCategories_EachIsOutOfAllRevenue()
    {
        AnalyticsAnswer answer = await AskAsync("share of revenue from the Bedroom and Outdoor categories");

        double total = Rows.Orders.Sum(o => o.Value);
        Assert.Equal(2, answer.Rows.Count);
        foreach (IReadOnlyDictionary<string, object?> row in answer.Rows)
        {
            string category = (string)row["category"]!;
            Assert.Equal(Rows.Orders.Where(o => o.Category == category).Sum(o => o.Value) / total, Convert.ToDouble(row["share_of_revenue"]), 9);
        }

        Assert.Contains("each category out of all revenue", answer.Restatement, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RevenueShareByCountry_IsStillEachCountryOutOfTheirTotal()
    {
        AnalyticsAnswer answer = await AskAsync("revenue share by country");

        Assert.Equal(1.0, answer.Rows.Sum(r => Convert.ToDouble(r["share_of_revenue"])), 9);
    }

    private async Task<AnalyticsAnswer> AskAsync(string question)
    {
        using ServiceProvider services = AnalyticsServiceTests.BuildServices(database.Path);
        AnalyticsAnswer answer = await services.GetRequiredService<IAnalyticsService>().AskAsync(question);
        Assert.True(answer.Status == AnalyticsAnswerStatus.Answered, $"{question}: {answer.Answer}");
        Assert.False(string.IsNullOrEmpty(answer.Restatement));
        return answer;
    }

    private static double Single(AnalyticsAnswer answer) => Convert.ToDouble(Assert.Single(answer.Rows)[answer.Columns[0]]);
}
