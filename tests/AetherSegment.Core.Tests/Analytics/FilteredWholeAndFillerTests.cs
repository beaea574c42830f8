using AetherSegment.Analytics;
using AetherSegment.Data;
using AetherSegment.DependencyInjection;

namespace AetherSegment.Core.Tests.Analytics;

/// <summary>
/// Issue 17, stop 36: words with no meaning of their own read as the same question without them ("flagged as", "the
/// Outdoor range", "Bedroom items", "different people", "individual", "plus"), and shares whose whole is filtered: the
/// filter said with the whole stays in it, the rest picks the part.
/// </summary>
public sealed class FilteredWholeAndFillerTests
{
    [Theory]
    [InlineData("number of UK customers who are flagged as exclusivity seekers", "number of UK customers who are exclusivity seekers")]
    [InlineData("How many different people have ever bought something from the Outdoor range?", "How many distinct customers have ever bought something from Outdoor?")]
    [InlineData("customers who have bought Bedroom items but never anything from Textiles - how many?", "customers who have bought Bedroom but never anything from Textiles - how many?")]
    [InlineData("How many individual orders were worth more than $2,000?", "How many orders were worth more than $2,000?")]
    [InlineData("Share of all behavioral events that came from the mobile apps (iOS plus Android)", "Share of all behavioral events that came from the mobile apps")]
    public void Parse_Filler_ReadsAsWithout(string question, string without)
    {
        Assert.Equal(Sql(without), Sql(question));
    }

    [Fact]
    public void Parse_FlaggedAlone_IsNotPlaced()
    {
        ParsedQuestion parsed = QuestionParser.Parse("how many customers were flagged", DemoSemanticLayer.Instance);

        Assert.Null(parsed.Query);
        Assert.Contains("flagged", parsed.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("What share of Canadian customers are exclusivity seekers?", "country")]
    [InlineData("Of the customers who came from paid search, what percent are in the United States?", "acquisition_source")]
    [InlineData("what share of customers from paid search are in the United States", "acquisition_source")]
    [InlineData("What fraction of customers from email live in the United States?", "acquisition_source")]
    [InlineData("what percent of UK customers bought Sofas", "country")]
    [InlineData("what percent of customers who came from social have an abandoned cart", "acquisition_source")]
    public void Parse_ShareWithAFilteredWhole_KeepsThatFilterInTheWhole(string question, string whole)
    {
        ParsedQuestion parsed = QuestionParser.Parse(question, DemoSemanticLayer.Instance);

        Assert.True(parsed.Query is { Share: true }, parsed.Reason);
        Assert.Equal("customers", parsed.Query.Measure.Name);
        QueryFilter kept = Assert.Single(parsed.Query.Filters, f => f.NamesMeasure);
        Assert.Equal(whole, kept.Dimension);
    }

    [Theory]
    [InlineData("what share of revenue comes from Canadian customers")]
    [InlineData("what share of revenue comes from the UK")]
    public void Parse_ShareOfRevenueFromSomeCustomers_IsOutOfAllRevenue(string question)
    {
        ParsedQuestion parsed = QuestionParser.Parse(question, DemoSemanticLayer.Instance);

        Assert.True(parsed.Query is { Share: true }, parsed.Reason);
        Assert.Equal("revenue", parsed.Query.Measure.Name);
        Assert.DoesNotContain(parsed.Query.Filters, f => f.NamesMeasure);
    }

    [Theory]
    [InlineData("how many orders over $500 from UK customers")]
    [InlineData("How many abandoned carts above $400 were from UK shoppers in the last 30 days?")]
    public void Parse_RowsOverAnAmountOfSomeCustomers_CountsTheRows(string question)
    {
        ParsedQuestion parsed = QuestionParser.Parse(question, DemoSemanticLayer.Instance);

        Assert.True(parsed.Query is not null, parsed.Reason);
        Assert.NotEqual("customers", parsed.Query.Measure.Name);
        Assert.NotNull(parsed.Query.RowComparison);
        Assert.Empty(parsed.Query.Conditions);
    }

    private static string Sql(string question)
    {
        ParsedQuestion parsed = QuestionParser.Parse(question, DemoSemanticLayer.Instance);
        Assert.True(parsed.Query is not null, $"{question}: {parsed.Reason}");
        CompiledQuery? compiled = AnalyticsCompiler.Compile(parsed.Query, DemoSemanticLayer.Instance, SqlDialect.DuckDB, new AetherSegmentOptions(), null, 1000, out string? reason);
        Assert.True(compiled is not null, reason);
        return compiled.Statement.Sql;
    }
}
