using System.Globalization;
using AetherSegment.Analytics;
using AetherSegment.Profiles;
using AetherSegment.TestRetailers.SummitOutfitters;
using Microsoft.Extensions.DependencyInjection;

namespace AetherSegment.Cli.Tests.Retailers;

/// <summary>
/// Plain-English questions in Summit Outfitters' words answered by the rule-based path on its real DuckDB file
/// (members, order lines, clickstream, promo_log, member_scores; no carts). Every expected figure is recounted with
/// LINQ over the rows the generator wrote, read back with plain SELECTs of columns.
/// </summary>
public sealed class SummitAnalyticsTests(SummitDatabase database) : IClassFixture<SummitDatabase>
{
    private static readonly BusinessProfile Profile = BusinessProfileLoader.LoadFile(SummitOutfittersProfile.Path);

    private sealed record Member(string No, string Region, string? City, string Tier, double Ltv, string Channel);

    private sealed record Line(string Order, string Member, DateTime At, string Dept, string Subcategory, double Total);

    private sealed record Hit(string Action, string Platform, DateTime At);

    private sealed record Send(string Offer, string Arm, bool Converted, DateTime At);

    private sealed record Score(string Member, double Engagement, double LapseRisk);

    private List<Member> Members() => [.. database.Query("SELECT member_no, region, home_city, loyalty_tier, ltv, signup_channel FROM members")
        .Select(r => new Member((string)r[0]!, (string)r[1]!, (string?)r[2], (string)r[3]!, Number(r[4]), (string)r[5]!))];

    private List<Line> Lines() => [.. database.Query("SELECT order_no, member_no, ordered_at, dept, subcategory, line_total FROM orders")
        .Select(r => new Line((string)r[0]!, (string)r[1]!, (DateTime)r[2]!, (string)r[3]!, (string)r[4]!, Number(r[5])))];

    private List<Hit> Hits() => [.. database.Query("SELECT action, platform, ts FROM clickstream").Select(r => new Hit((string)r[0]!, (string)r[1]!, (DateTime)r[2]!))];

    private List<Send> Sends() => [.. database.Query("SELECT offer_code, arm, did_convert, sent_ts FROM promo_log")
        .Select(r => new Send((string)r[0]!, (string)r[1]!, Convert.ToInt32(r[2], CultureInfo.InvariantCulture) == 1, (DateTime)r[3]!))];

    private List<Score> Scores() => [.. database.Query("SELECT member_no, engagement, lapse_risk FROM member_scores")
        .Select(r => new Score((string)r[0]!, Number(r[1]), Number(r[2])))];

    [Fact]
    public async Task MembersPerRegion_CountsEveryRegion()
    {
        AnalyticsAnswer answer = await AskAsync("How many members per region?");

        Dictionary<string, double> expected = Members().GroupBy(m => m.Region).ToDictionary(g => g.Key, g => (double)g.Count());
        AssertGrouped(expected, answer, "region", "customers");
        Assert.Equal(6, answer.Rows.Count);
    }

    [Fact]
    public async Task MembersInARegionNamedByItsWord_AreCounted()
    {
        AnalyticsAnswer answer = await AskAsync("How many members do we have in the Rockies?");

        AssertScalar(Members().Count(m => m.Region == "Rockies"), answer, "customers");
        Assert.Contains("Rockies", answer.Answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AverageOrderValueByDepartment_DividesRevenueByDistinctOrders()
    {
        AnalyticsAnswer answer = await AskAsync("Average order value by department");

        Dictionary<string, double> expected = Lines().GroupBy(l => l.Dept)
            .ToDictionary(g => g.Key, g => g.Sum(l => l.Total) / g.Select(l => l.Order).Distinct().Count());
        AssertGrouped(expected, answer, "department", "average_order_value");
    }

    [Fact]
    public async Task RevenueFromTentsLast90Days_SumsTheTentLinesInTheWindow()
    {
        AnalyticsAnswer answer = await AskAsync("Revenue from tents in the last 90 days");

        DateTime tomorrow = AsOf().Date.AddDays(1);
        double expected = Lines().Where(l => l.Subcategory == "Tents" && l.At >= tomorrow.AddDays(-90) && l.At < tomorrow).Sum(l => l.Total);
        Assert.True(expected > 0);
        AssertScalar(expected, answer, "revenue");
        Assert.Contains("Tents", answer.Answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MembersWhoSignedUpAtATrailheadEvent_AreCounted()
    {
        AnalyticsAnswer answer = await AskAsync("How many members signed up at a trailhead event?");

        AssertScalar(Members().Count(m => m.Channel == "trailhead_event"), answer, "customers");
        Assert.Contains("trailhead_event", answer.Answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProfileMeasure_AverageEngagementByRegion()
    {
        AnalyticsAnswer answer = await AskAsync("Average engagement by region");

        Dictionary<string, string> regionOf = Members().ToDictionary(m => m.No, m => m.Region);
        Dictionary<string, double> expected = Scores().GroupBy(s => regionOf[s.Member]).ToDictionary(g => g.Key, g => g.Average(s => s.Engagement));
        AssertGrouped(expected, answer, "region", "average_engagement");
    }

    [Fact]
    public async Task ProfileDimension_RevenueByLoyaltyTier()
    {
        AnalyticsAnswer answer = await AskAsync("Revenue by loyalty tier");

        Dictionary<string, string> tierOf = Members().ToDictionary(m => m.No, m => m.Tier);
        Dictionary<string, double> expected = Lines().GroupBy(l => tierOf[l.Member]).ToDictionary(g => g.Key, g => g.Sum(l => l.Total));
        AssertGrouped(expected, answer, "loyalty_tier", "revenue");
    }

    [Fact]
    public async Task MembersByValueTier_UseTheProfilesThresholds()
    {
        AnalyticsAnswer answer = await AskAsync("Members by value tier");

        Dictionary<string, double> expected = Members().GroupBy(m => m.Ltv >= 1500 ? "high" : m.Ltv >= 300 ? "medium" : "low")
            .ToDictionary(g => g.Key, g => (double)g.Count());
        AssertGrouped(expected, answer, "value_tier", "customers");
    }

    [Fact]
    public async Task ConversionRateByTrigger_ReadsThePromoLog()
    {
        AnalyticsAnswer answer = await AskAsync("Conversion rate by trigger");

        // Among the customers who received each offer: the treatment arm (arm 'T' in the promo log).
        Dictionary<string, double> expected = Sends().Where(s => s.Arm == "T").GroupBy(s => s.Offer).ToDictionary(g => g.Key, g => g.Average(s => s.Converted ? 1.0 : 0.0));
        AssertGrouped(expected, answer, "trigger_type", "conversion_rate");
        Assert.Contains(answer.Rows, r => (string)r["trigger_type"]! == "repair_voucher");
    }

    [Fact]
    public async Task CampaignUpliftByTrigger_MapsTheArmExpression()
    {
        AnalyticsAnswer answer = await AskAsync("Campaign uplift by trigger");

        Dictionary<string, double> expected = Sends().GroupBy(s => s.Offer).ToDictionary(
            g => g.Key,
            g => g.Where(s => s.Arm == "T").Average(s => s.Converted ? 1.0 : 0.0) - g.Where(s => s.Arm != "T").Average(s => s.Converted ? 1.0 : 0.0));
        AssertGrouped(expected, answer, "trigger_type", "campaign_uplift");
    }

    [Fact]
    public async Task ItemViewsOnMobile_UseTheDeviceGroup()
    {
        AnalyticsAnswer answer = await AskAsync("Item views on mobile");

        AssertScalar(Hits().Count(h => h.Action == "view_item" && h.Platform is "ios_app" or "android_app"), answer, "events");
        Assert.Contains("on mobile", answer.Answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AtRiskMembersInNewEngland_UseTheLapseRiskThreshold()
    {
        AnalyticsAnswer answer = await AskAsync("At-risk members in New England");

        HashSet<string> newEngland = [.. Members().Where(m => m.Region == "New England").Select(m => m.No)];
        AssertScalar(Scores().Count(s => newEngland.Contains(s.Member) && s.LapseRisk >= 0.7), answer, "at_risk_customers");
    }

    [Fact]
    public async Task MembersWhoBoughtBoots_CountsDistinctBuyers()
    {
        AnalyticsAnswer answer = await AskAsync("How many members bought boots?");

        AssertScalar(Lines().Where(l => l.Subcategory == "Hiking Boots").Select(l => l.Member).Distinct().Count(), answer, "buyers");
    }

    [Fact]
    public async Task OrdersByMonth_CountDistinctOrdersNotLines()
    {
        AnalyticsAnswer answer = await AskAsync("Number of orders by month");

        Dictionary<string, double> expected = Lines().GroupBy(l => l.At.ToString("yyyy-MM", CultureInfo.InvariantCulture))
            .ToDictionary(g => g.Key, g => (double)g.Select(l => l.Order).Distinct().Count());
        Dictionary<string, double> actual = answer.Rows.ToDictionary(
            r => r["month"] is DateTimeOffset m ? m.ToString("yyyy-MM", CultureInfo.InvariantCulture) : ((DateTime)r["month"]!).ToString("yyyy-MM", CultureInfo.InvariantCulture),
            r => Number(r["orders"]));
        AssertSame(expected, actual, "orders by month");
        Assert.True(Lines().Count > expected.Values.Sum(), "order lines outnumber orders, so lines were not counted");
    }

    [Fact]
    public async Task TopThreeCitiesByRevenue_AreTheLargest()
    {
        AnalyticsAnswer answer = await AskAsync("Top 3 cities by revenue");

        Dictionary<string, string?> cityOf = Members().ToDictionary(m => m.No, m => m.City);
        List<(string? City, double Revenue)> expected = [.. Lines().GroupBy(l => cityOf[l.Member]).Select(g => (g.Key, g.Sum(l => l.Total)))
            .OrderByDescending(c => c.Item2).Take(3)];
        Assert.Equal(3, answer.Rows.Count);
        for (int i = 0; i < 3; i++)
        {
            Assert.Equal(expected[i].City, (string?)answer.Rows[i]["city"]);
            AssertClose(expected[i].Revenue, Number(answer.Rows[i]["revenue"]), $"city {expected[i].City}");
        }
    }

    [Theory]
    [InlineData("Abandoned carts by region", "needs the `entities.carts` mapping")]
    [InlineData("Average cart value", "needs the `entities.carts` mapping")]
    [InlineData("Sessions by device", "needs the `session_id` column in the `entities.events` mapping")]
    public async Task QuestionNeedingAnUnmappedEntity_IsDeclinedWithTheMapping(string question, string message)
    {
        AnalyticsAnswer answer = await AskAsync(question, AnalyticsAnswerStatus.Unanswerable);

        Assert.Contains(message, answer.Answer, StringComparison.Ordinal);
        Assert.Null(answer.Sql);
        Assert.Empty(answer.Rows);
    }

    [Fact]
    public async Task PersonalData_IsRefusedByTheParserAndTheGuard()
    {
        AnalyticsAnswer answer = await AskAsync("List the email addresses of members in the Rockies", AnalyticsAnswerStatus.Refused);
        Assert.Contains("personal data", answer.Answer, StringComparison.Ordinal);

        SqlGuardVerdict email = AnalyticsSqlGuard.Check("SELECT email_address FROM members", Profile);
        SqlGuardVerdict name = AnalyticsSqlGuard.Check("SELECT m.full_name, m.region FROM members AS m", Profile);
        SqlGuardVerdict otherTable = AnalyticsSqlGuard.Check("SELECT country FROM customers", Profile);
        SqlGuardVerdict allowed = AnalyticsSqlGuard.Check("SELECT region, COUNT(*) AS n FROM members GROUP BY region", Profile);

        Assert.Contains("personal data", email.Reason, StringComparison.Ordinal);
        Assert.Contains("personal data", name.Reason, StringComparison.Ordinal);
        Assert.Contains("table customers is not allowed", otherTable.Reason, StringComparison.Ordinal);
        Assert.True(allowed.IsAllowed, allowed.Reason);
        Assert.Contains("members", AnalyticsSqlGuard.TablesOf(Profile));
        Assert.DoesNotContain("email_address", AnalyticsSqlGuard.DescribeAllowedSchema(Profile), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExampleQuestions_AreInSummitsWordsAndAllAnswered()
    {
        using ServiceProvider services = BuildServices();
        IAnalyticsService analytics = services.GetRequiredService<IAnalyticsService>();

        Assert.DoesNotContain(analytics.ExampleQuestions, q => q.Contains("abandoned", StringComparison.OrdinalIgnoreCase));
        foreach (string question in analytics.ExampleQuestions)
        {
            AnalyticsAnswer answer = await analytics.AskAsync(question);
            Assert.True(answer.Status == AnalyticsAnswerStatus.Answered, $"{question}: {answer.Answer}");
        }
    }

    private DateTime AsOf() => new[] { Lines().Max(l => l.At), Hits().Max(h => h.At), Sends().Max(s => s.At) }.Max();

    private ServiceProvider BuildServices()
    {
        ServiceCollection services = new();
        services.AddLogging();
        services.AddAetherSegment().UseProfile(Profile).AddDuckDB(o => o.Path = database.Path);
        return services.BuildServiceProvider();
    }

    private async Task<AnalyticsAnswer> AskAsync(string question, AnalyticsAnswerStatus status = AnalyticsAnswerStatus.Answered)
    {
        using ServiceProvider services = BuildServices();
        AnalyticsAnswer answer = await services.GetRequiredService<IAnalyticsService>().AskAsync(question);
        Assert.True(answer.Status == status, $"{question}: {answer.Status}: {answer.Answer}");
        return answer;
    }

    private static void AssertScalar(double expected, AnalyticsAnswer answer, string measure)
    {
        IReadOnlyDictionary<string, object?> row = Assert.Single(answer.Rows);
        AssertClose(expected, Number(row[measure]), answer.Question);
    }

    private static void AssertGrouped(Dictionary<string, double> expected, AnalyticsAnswer answer, string dimension, string measure)
    {
        Dictionary<string, double> actual = answer.Rows.ToDictionary(r => (string)r[dimension]!, r => Number(r[measure]));
        AssertSame(expected, actual, answer.Question);
    }

    private static void AssertSame(Dictionary<string, double> expected, Dictionary<string, double> actual, string context)
    {
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), actual.Keys.Order(StringComparer.Ordinal));
        foreach ((string key, double value) in expected)
        {
            AssertClose(value, actual[key], $"{context}: {key}");
        }
    }

    private static void AssertClose(double expected, double actual, string context) =>
        Assert.True(Math.Abs(expected - actual) <= 1e-6 * Math.Max(1, Math.Abs(expected)), $"{context}: expected {expected}, got {actual}");

    private static double Number(object? value) => Convert.ToDouble(value, CultureInfo.InvariantCulture);
}
