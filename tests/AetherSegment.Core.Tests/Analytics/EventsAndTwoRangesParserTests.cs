using AetherSegment.Analytics;

namespace AetherSegment.Core.Tests.Analytics;

/// <summary>
/// Issue 17, stop 36 (ask13): events included and excluded per customer ("tried the AR view but never used the room
/// planner", "viewed sofas but didn't buy one", "added something to their cart in the last 30 days without starting a
/// checkout in that same period"), two time ranges each on its own part ("abandoned a cart in the last 7 days and
/// haven't bought anything in the last 30 days"), "did we log" as filler, product names and the day of the week as
/// breakdowns. Each with a filter or a time range, and the
/// near misses declined.
/// </summary>
public sealed class EventsAndTwoRangesParserTests
{
    private static ParsedQuestion Parse(string question) => QuestionParser.Parse(question, DemoSemanticLayer.Instance);

    [Theory]
    [InlineData("how many customers have tried the AR view but never used the room planner?", "ar_view", "room_planner_use", false)]
    [InlineData("how many customers in Canada tried out the room planner but not the AR view", "room_planner_use", "ar_view", false)]
    [InlineData("how many people added something to their cart in the last 30 days without starting a checkout in that same period?", "add_to_cart", "checkout_start", true)]
    public void EventIncludedAndExcluded_IsTwoConditions(string question, string had, string notHad, bool timed)
    {
        ParsedQuestion parsed = Parse(question);

        Assert.True(parsed.Query is not null, parsed.Reason);
        Assert.Equal("customers", parsed.Query.Measure.Name);
        Assert.Contains(parsed.Query.Conditions, c => !c.Negated && c.Filters.Any(f => f.Dimension == "event_type" && f.Values.Contains(had)));
        Assert.Contains(parsed.Query.Conditions, c => c.Negated && c.Filters.Any(f => f.Dimension == "event_type" && f.Values.Contains(notHad)));
        Assert.Equal(timed, parsed.Query.Time is not null);
        Assert.Equal(timed, parsed.Query.TimeOnConditions);
    }

    [Theory]
    [InlineData("How many customers viewed patio sets but didn't buy one?", "Patio Sets", null)]
    [InlineData("how many customers in Canada looked at mattresses but never bought one", "Mattresses", "country")]
    public void ViewedButNotBoughtOne_IsAViewOfItAndNoPurchaseOfIt(string question, string product, string? filtered)
    {
        ParsedQuestion parsed = Parse(question);

        Assert.True(parsed.Query is not null, parsed.Reason);
        Assert.Equal(2, parsed.Query.Conditions.Count);
        CustomerCondition viewed = parsed.Query.Conditions[0];
        CustomerCondition bought = parsed.Query.Conditions[1];
        Assert.Equal("events", viewed.Measure.Name);
        Assert.False(viewed.Negated);
        Assert.Contains(viewed.Filters, f => f.Dimension == "event_type" && f.Values.Contains("product_view"));
        Assert.Contains(viewed.Filters, f => f.Values.Contains(product));
        Assert.Equal("buyers", bought.Measure.Name);
        Assert.True(bought.Negated);
        Assert.Equal(product, Assert.Single(Assert.Single(bought.Filters).Values));
        Assert.Equal(filtered, parsed.Query.Filters.SingleOrDefault()?.Dimension);
    }

    [Theory]
    [InlineData("How many customers abandoned a cart in the last 7 days and haven't bought anything in the last 30 days?", 7, 30)]
    [InlineData("how many customers in the US used the room planner last month but have not ordered in the last 90 days", 0, 90)]
    public void TwoRanges_TheNeverPartTakesItsOwn(string question, int queryDays, int neverDays)
    {
        ParsedQuestion parsed = Parse(question);

        Assert.True(parsed.Query is not null, parsed.Reason);
        Assert.Equal("customers", parsed.Query.Measure.Name);
        CustomerCondition never = Assert.Single(parsed.Query.Conditions, c => c.Negated);
        Assert.Equal("buyers", never.Measure.Name);
        Assert.Equal(neverDays, never.Time!.Amount);
        Assert.True(parsed.Query.TimeOnConditions);
        Assert.Contains(parsed.Query.Conditions, c => !c.Negated && c.Time is null);
        if (queryDays > 0)
        {
            Assert.Equal(queryDays, parsed.Query.Time!.Amount);
        }
    }

    [Theory]
    [InlineData("How many behavioral events did we log on each device?", "events", "device")]
    [InlineData("how many product views did we track on iOS last month", "events", null)]
    public void DidWeLog_IsFiller(string question, string measure, string? dimension)
    {
        ParsedQuestion parsed = Parse(question);

        Assert.True(parsed.Query is not null, parsed.Reason);
        Assert.Equal(measure, parsed.Query.Measure.Name);
        Assert.Equal(dimension, parsed.Query.Dimension?.Key);
    }

    [Fact]
    public void NewCustomerSignupsGrowth_IsTheCustomersBetweenTwoMonths()
    {
        ParsedQuestion parsed = Parse("how much did new customer signups grow in October 2026 compared with September 2026, in percent");

        Assert.True(parsed.Query is not null, parsed.Reason);
        Assert.Equal("customers", parsed.Query.Measure.Name);
        Assert.True(parsed.Query.Growth);
        Assert.True(parsed.Query.GrowthPercent);
    }

    [Theory]
    [InlineData("Which 5 product names have sold the most units?", "units", "product_name", 5, false)]
    [InlineData("What were the 5 most-ordered products by name in the last 90 days (by number of orders)?", "orders", "product_name", 5, true)]
    [InlineData("which day of the week has the most orders?", "orders", "day_of_week", 1, false)]
    [InlineData("revenue by day of the week in Canada last month", "revenue", "day_of_week", null, true)]
    public void ProductNamesAndDayOfWeek_AreBreakdowns(string question, string measure, string dimension, int? limit, bool timed)
    {
        ParsedQuestion parsed = Parse(question);

        Assert.True(parsed.Query is not null, parsed.Reason);
        Assert.Equal(measure, parsed.Query.Measure.Name);
        Assert.Equal(dimension, parsed.Query.Dimension?.Key);
        Assert.Equal(limit, parsed.Query.Limit);
        Assert.Equal(timed, parsed.Query.Time is not null);
    }

    [Theory]
    [InlineData("revenue on weekdays")]
    [InlineData("how many customers viewed sofas last month but didn't buy one")]
    [InlineData("how many customers viewed sofas and mattresses but didn't buy one")]
    [InlineData("how many customers without starting a checkout in that same period")]
    [InlineData("how many customers signed up last month and haven't bought anything in the last 30 days")]
    [InlineData("revenue in the last 7 days and haven't bought anything in the last 30 days")]
    public void NearMisses_AreDeclined(string question)
    {
        ParsedQuestion parsed = Parse(question);

        Assert.Null(parsed.Query);
    }
}
