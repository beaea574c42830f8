using AetherSegment.Analytics;

namespace AetherSegment.Cli.Tests.Analytics;

/// <summary>
/// Issue 17, stop 46 (conv58): one convention for "converted" said of the customers (no campaign named: a converted row in
/// any campaign, treatment or control, the complement of "never converted on any campaign"; a named campaign or the
/// treatment group: the treatment group's conversions; the control group: its own), the blind43 uplift with its definition
/// and unit in brackets, "uplift by campaign (treatment rate minus control rate)" one row per campaign, values listed with
/// "and" (one row each; "as one number" one total), "bought 3 or more products" declined, and "customers acquired via a source in a
/// year ... placed an order" counted as those customers. Each checked against hand-written SQL.
/// </summary>
public sealed class ConvertedGroupStop46Tests(AnalyticsDatabase database) : IClassFixture<AnalyticsDatabase>
{
    private const string AnyGroup = "SELECT count(DISTINCT customer_id) FROM campaign_history WHERE converted";
    private const string NoGroup = "SELECT count(*) FROM customers WHERE customer_id NOT IN (SELECT customer_id FROM campaign_history WHERE converted)";

    [Theory]
    // No campaign and no group named: either group (the data model records converted on every row).
    [InlineData("how many customers converted in any campaign", AnyGroup)]
    [InlineData("how many customers have ever converted", AnyGroup)]
    [InlineData("how many customers converted at least once", AnyGroup)]
    [InlineData("customers who converted in a campaign, how many", AnyGroup)]
    [InlineData("how many customers have never converted on any campaign", NoGroup)]
    [InlineData("how many customers have not converted in any campaign", NoGroup)]
    [InlineData("how many customers converted in a 2026 campaign", AnyGroup + " AND sent_at >= TIMESTAMP '2026-01-01' AND sent_at < TIMESTAMP '2027-01-01'")]
    // The treatment group said: its conversions.
    [InlineData("how many customers converted in the treatment group of any campaign", AnyGroup + " AND \"group\" = 'treatment'")]
    [InlineData("how many treated customers converted in any campaign", AnyGroup + " AND \"group\" = 'treatment'")]
    // The control group said: its conversions (was: treatment conversions of customers also in some control group).
    [InlineData("how many customers in the control group of any campaign converted", AnyGroup + " AND \"group\" = 'control'")]
    // One campaign named: the campaign's conversions (the treatment group's, as its conversion rate).
    [InlineData("how many customers converted in CMP002", AnyGroup + " AND \"group\" = 'treatment' AND campaign_id = 'CMP002'")]
    // Stop 47 (conv60): "a campaign" after a trigger is one of its campaigns (CustomersAndCampaignsStop38 keeps its answer).
    [InlineData("how many customers converted after getting a free shipping offer in a campaign", AnyGroup + " AND \"group\" = 'treatment' AND trigger_type = 'free_shipping_offer'")]
    public async Task Converted_FollowsOneConvention(string question, string truth) =>
        await RuleAnswers.AssertValueAsync(database.Path, question, truth, nonZero: true);

    [Fact]
    public async Task ConvertedAndNeverConverted_AreComplements_AndSayTheirGroup()
    {
        AnalyticsAnswer converted = await RuleAnswers.AskAsync(database.Path, "how many customers converted in any campaign");
        AnalyticsAnswer never = await RuleAnswers.AskAsync(database.Path, "how many customers have never converted on any campaign");
        double customers = await RuleAnswers.TruthAsync(database.Path, "SELECT count(*) FROM customers");
        Assert.Equal(customers, RuleAnswers.Single(converted) + RuleAnswers.Single(never));
        Assert.Contains("(treatment or control group)", converted.Restatement, StringComparison.Ordinal);
        Assert.Contains("(treatment or control group)", never.Restatement, StringComparison.Ordinal);
        AnalyticsAnswer treated = await RuleAnswers.AskAsync(database.Path, "how many treated customers converted in any campaign");
        Assert.Contains("(treatment group", treated.Restatement, StringComparison.Ordinal);
        AnalyticsAnswer named = await RuleAnswers.AskAsync(database.Path, "how many customers converted in CMP002");
        Assert.Contains("(treatment group", named.Restatement, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("What's the uplift in conversion (treatment rate minus control rate, percentage points) for cart_reminder campaigns overall?")]
    [InlineData("What's the uplift in conversion, percentage points, for cart_reminder campaigns?")]
    [InlineData("uplift in conversion (treatment rate minus control rate) for cart_reminder campaigns")]
    public async Task Uplift_WithItsDefinitionAndUnit(string question) =>
        await RuleAnswers.AssertValueAsync(database.Path, question, "SELECT avg(CASE WHEN \"group\" = 'treatment' THEN converted::INT END) - avg(CASE WHEN \"group\" = 'control' THEN converted::INT END) FROM campaign_history WHERE trigger_type = 'cart_reminder'", nonZero: true);

    [Theory]
    [InlineData("uplift by campaign (treatment rate minus control rate)")]
    [InlineData("uplift by campaign (treatment minus control)")]
    [InlineData("uplift for each campaign, treatment minus control")]
    public async Task UpliftByCampaign_IsOneRowPerCampaign(string question) =>
        await RuleAnswers.AssertGroupsAsync(database.Path, question, "SELECT campaign_name, avg(CASE WHEN \"group\" = 'treatment' THEN converted::INT END) - avg(CASE WHEN \"group\" = 'control' THEN converted::INT END) FROM campaign_history GROUP BY 1");

    [Fact]
    public async Task ValuesListedWithAnd_AreOneRowEach_OrOneTotalWhenAskedSo()
    {
        const string Year = " AND transaction_date >= TIMESTAMP '2025-01-01' AND transaction_date < TIMESTAMP '2026-01-01'";
        AnalyticsAnswer each = await RuleAnswers.AssertGroupsAsync(database.Path, "revenue from Sofas and Bed Frames last year", "SELECT product_type, sum(order_value) FROM transactions WHERE product_type IN ('Sofas', 'Bed Frames')" + Year + " GROUP BY 1");
        Assert.Contains("for each product type", each.Restatement, StringComparison.Ordinal);
        await RuleAnswers.AssertValueAsync(database.Path, "what was revenue from Sofas and Bed Frames last year, as one number", "SELECT sum(order_value) FROM transactions WHERE product_type IN ('Sofas', 'Bed Frames')" + Year, precision: 2, nonZero: true);
        await RuleAnswers.AssertValueAsync(database.Path, "total revenue from Sofas and Bed Frames last year", "SELECT sum(order_value) FROM transactions WHERE product_type IN ('Sofas', 'Bed Frames')" + Year, precision: 2, nonZero: true);
    }

    [Theory]
    [InlineData("how many customers bought 3 or more product types", "SELECT count(*) FROM (SELECT customer_id FROM transactions GROUP BY 1 HAVING count(DISTINCT product_type) >= 3)")]
    [InlineData("how many customers bought 3 or more different product types", "SELECT count(*) FROM (SELECT customer_id FROM transactions GROUP BY 1 HAVING count(DISTINCT product_type) >= 3)")]
    [InlineData("how many customers acquired via paid search in 2026 placed an order", "SELECT count(*) FROM customers WHERE acquisition_source = 'paid_search' AND created_at >= TIMESTAMP '2026-01-01' AND customer_id IN (SELECT customer_id FROM transactions)")]
    public async Task CountsSaidOfTheirBase(string question, string truth) =>
        await RuleAnswers.AssertValueAsync(database.Path, question, truth, nonZero: true);

    [Theory]
    // The group of the conversion is not said, or its campaign's filters were read onto it.
    [InlineData("how many customers were in the treatment group of CMP002 and converted in any campaign")]
    // Stop 47 (conv60): "a campaign" after one named campaign is any campaign too; "any campaign" beside a trigger.
    [InlineData("how many customers were in the treatment group of CMP002 and converted in a campaign")]
    [InlineData("how many customers converted after getting a free shipping offer (treatment group) in any campaign")]
    [InlineData("how many customers never converted in a treatment group")]
    [InlineData("how many customers never converted")]
    // A conversion rate with the uplift's definition, a bare unit after a conversion.
    [InlineData("conversion rate (treatment rate minus control rate) for cart_reminder campaigns")]
    [InlineData("conversion percentage points for cart_reminder campaigns")]
    // Products after a count: different product types, items or orders?
    [InlineData("how many customers bought 3 or more products")]
    [InlineData("how many customers bought 3 or more different products")]
    [InlineData("how many customers bought more than 2 products last year")]
    public async Task Ambiguous_AreNotAnswered(string question) =>
        await RuleAnswers.AssertNotAnsweredAsync(database.Path, question);
}
