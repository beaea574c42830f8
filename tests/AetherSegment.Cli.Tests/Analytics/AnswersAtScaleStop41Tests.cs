using AetherSegment.Analytics;

namespace AetherSegment.Cli.Tests.Analytics;

/// <summary>
/// Stop 41 (ask30), answers at scale: a share of buyers whose part is a grouped condition on the buyers' own rows
/// ("repeat purchase rate") is read in one grouped pass (the part the passing groups, the whole every group) instead of
/// three scans and two distinct counts; each is recounted on the fixture by SQL written by hand. Answers must stay what
/// they were; timings are not asserted (docs/benchmarks.md, "Stop 41: answers at scale").
/// </summary>
public sealed class AnswersAtScaleStop41Tests(AnalyticsDatabase database) : IClassFixture<AnalyticsDatabase>
{
    private const string GroupedShare = "SELECT avg(CASE WHEN {0} THEN 1.0 ELSE 0.0 END) FROM (SELECT customer_id, count(*) AS n, sum(order_value) AS spent FROM transactions WHERE customer_id IS NOT NULL GROUP BY 1)";

    [Theory]
    [InlineData("repeat purchase rate, i.e. % of buyers with more than one order", "n > 1")]
    [InlineData("share of buyers with more than 2 orders", "n > 2")]
    [InlineData("% of buyers with at least 3 orders", "n >= 3")]
    [InlineData("percentage of buyers who spent more than $500 in total", "spent > 500")]
    public async Task ShareOfBuyersByTheirOrderCount_IsOneGroupedPass_AndMatchesSql(string question, string passes)
    {
        AnalyticsAnswer answer = await RuleAnswers.AskAsync(database.Path, question);

        double truth = await RuleAnswers.TruthAsync(database.Path, GroupedShare.Replace("{0}", passes, StringComparison.Ordinal));
        Assert.True(truth is > 0 and < 1, $"truth {truth}");
        Assert.Equal(truth, RuleAnswers.Single(answer), 9);
        Assert.Contains(" AS passes FROM transactions", answer.Sql, StringComparison.Ordinal);
        Assert.Equal(1, answer.Sql!.Split("FROM transactions").Length - 1);
        // The part and the whole are still given beside the share.
        Row(answer, out double part, out double whole);
        Assert.Equal(await RuleAnswers.TruthAsync(database.Path, "SELECT count(DISTINCT customer_id) FROM transactions"), whole);
        Assert.Equal(Math.Round(truth * whole), part);
    }

    [Theory]
    [InlineData("what share of buyers with more than 2 orders in 2026")]
    [InlineData("what share of buyers in Canada placed more than 2 orders?")]
    public async Task ShareOfBuyersWithAFilterOrRange_KeepsTheTwoCounts(string question)
    {
        AnalyticsAnswer answer = await RuleAnswers.AskAsync(database.Path, question, answered: false);

        // Not the one-pass shape: a filter or a range on either side is not what the rewrite reads.
        Assert.DoesNotContain(" AS passes ", answer.Sql ?? "", StringComparison.Ordinal);
    }

    private static void Row(AnalyticsAnswer answer, out double part, out double whole)
    {
        IReadOnlyDictionary<string, object?> row = Assert.Single(answer.Rows);
        part = Convert.ToDouble(row[answer.Columns[1]], System.Globalization.CultureInfo.InvariantCulture);
        whole = Convert.ToDouble(row[answer.Columns[2]], System.Globalization.CultureInfo.InvariantCulture);
    }
}
