using AetherSegment.Analytics;

namespace AetherSegment.Cli.Tests.Analytics;

/// <summary>
/// Issue 17, stop 41: the four wrong answers of the training sets blind28 and blind29, each as a kind with other wordings.
/// <list type="bullet">
/// <item>"<c>in the last week</c>" was the calendar week before this one; it is the 7 days up to now, as "in the past
/// week" ("last week" alone stays the calendar week).</item>
/// <item>"<c>Android vs iOS: ratio of Android events to iOS events</c>": the heading before the colon, said again by the
/// ratio, put both devices in the numerator.</item>
/// <item>"<c>events from android devices</c>", "<c>orders with product type Mattresses</c>": a level named right beside
/// its one value was read as a breakdown by that level (one row of itself).</item>
/// </list>
/// </summary>
public sealed class TrainingStop41Tests(AnalyticsDatabase database) : IClassFixture<AnalyticsDatabase>
{
    private const string AsOf = "TIMESTAMP '2026-11-20 12:00:00'";

    [Theory]
    [InlineData("How many abandoned carts in the last week?")]
    [InlineData("Abandoned carts in the past week: how many?")]
    [InlineData("abandoned carts over the last week")]
    public async Task TheLastWeek_IsTheSevenDaysUpToNow(string question)
    {
        AnalyticsAnswer answer = await RuleAnswers.AssertValueAsync(database.Path, question, $"SELECT count(*) FROM abandoned_carts WHERE abandoned_at >= {AsOf} - INTERVAL 7 DAY AND abandoned_at <= {AsOf}");
        Assert.Contains("7 days", answer.Restatement, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LastWeekAlone_StaysTheCalendarWeek()
    {
        // 2026-11-20 is a Friday: last week is Monday 2026-11-09 to Sunday 2026-11-15.
        await RuleAnswers.AssertValueAsync(database.Path, "How many abandoned carts last week?", "SELECT count(*) FROM abandoned_carts WHERE abandoned_at >= TIMESTAMP '2026-11-09' AND abandoned_at < TIMESTAMP '2026-11-16'");
    }

    [Theory]
    [InlineData("Android vs iOS: ratio of Android events to iOS events")]
    [InlineData("android versus ios - ratio of android events to ios events")]
    public async Task HeadingSaidAgainByTheRatio_IsDropped(string question)
    {
        AnalyticsAnswer answer = await RuleAnswers.AskAsync(database.Path, question);

        double truth = await RuleAnswers.TruthAsync(database.Path,
            "SELECT count(*) FILTER (WHERE device = 'android') * 1.0 / count(*) FILTER (WHERE device = 'ios') FROM behavioral_events");
        Assert.Equal(truth, Convert.ToDouble(Assert.Single(answer.Rows)[answer.Columns[0]]), 9);
    }

    [Theory]
    [InlineData("How many AR view events came from android devices?", "device = 'android' AND event_type = 'ar_view'")]
    [InlineData("number of events from ios devices", "device = 'ios'")]
    [InlineData("how many product views on android devices", "device = 'android' AND event_type = 'product_view'")]
    [InlineData("number of events on mobile devices", "device IN ('ios', 'android')")]
    public async Task ValueBesideItsLevel_IsAFilterNotABreakdown(string question, string where)
    {
        await RuleAnswers.AssertValueAsync(database.Path, question, $"SELECT count(*) FROM behavioral_events WHERE {where}");
    }

    [Theory]
    [InlineData("How many sofa orders have there been in total (transactions with product type Sofas)?", "product_type = 'Sofas'")]
    [InlineData("orders with category Outdoor", "category = 'Outdoor'")]
    [InlineData("number of orders in the Lighting category", "category = 'Lighting'")]
    [InlineData("orders whose category is Outdoor", "category = 'Outdoor'")]
    public async Task LevelBeforeItsValue_IsAFilterNotABreakdown(string question, string where)
    {
        await RuleAnswers.AssertValueAsync(database.Path, question, $"SELECT count(*) FROM transactions WHERE {where}");
    }

    [Fact]
    public async Task CustomersWhoseLevelIsAValue_AreFiltered()
    {
        await RuleAnswers.AssertValueAsync(database.Path, "customers whose acquisition source is social", "SELECT count(*) FROM customers WHERE acquisition_source = 'social'");
    }

    [Fact]
    public async Task ByLevelAfterAGroupWithItsLevel_StaysABreakdown()
    {
        AnalyticsAnswer answer = await RuleAnswers.AskAsync(database.Path, "events on mobile devices by device");

        Assert.Equal(["android", "ios"], answer.Rows.Select(r => Convert.ToString(r["device"], System.Globalization.CultureInfo.InvariantCulture)).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("how many orders of product type Sofas or Armchairs", "product_type IN ('Sofas', 'Armchairs')")]
    [InlineData("number of orders of Sofas or Armchairs", "product_type IN ('Sofas', 'Armchairs')")]
    public async Task LevelBeforeAnOrList_IsOneTotal(string question, string where)
    {
        await RuleAnswers.AssertValueAsync(database.Path, question, $"SELECT count(*) FROM transactions WHERE {where}");
    }

    [Theory]
    [InlineData("how many customers are in Canada or the United Kingdom")]
    [InlineData("customers in the countries Canada or United Kingdom")]
    public async Task OrTheBetweenTwoValues_IsOneTotal(string question)
    {
        await RuleAnswers.AssertValueAsync(database.Path, question, "SELECT count(*) FROM customers WHERE country IN ('Canada', 'United Kingdom')");
    }

    [Theory]
    [InlineData("how many customers in Canada or from referral")]
    [InlineData("how many orders of Sofas or Outdoor")]
    [InlineData("orders of product type Sofas or category Outdoor")]
    [InlineData("revenue from the UK or from email")]
    public async Task OrBetweenTwoLevels_IsDeclined(string question)
    {
        await RuleAnswers.AssertDeclinedAsync(database.Path, question, "an \"or\" between values of two kinds");
    }

    [Fact]
    public async Task ByLevelBeforeValues_StaysABreakdown()
    {
        AnalyticsAnswer answer = await RuleAnswers.AskAsync(database.Path, "revenue by country United States vs Canada");

        Assert.Equal(2, answer.Rows.Count);
    }
}
