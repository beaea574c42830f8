using AetherSegment.Analytics;
using AetherSegment.Data;
using AetherSegment.DependencyInjection;

namespace AetherSegment.Core.Tests.Analytics;

/// <summary>
/// Stop 43 (parse speed): the last readings of each step are kept per thread and a text read again is looked up. A
/// question read after others (its readings' texts possibly kept) reads exactly as when read from scratch, and a question
/// read twice gives the same reading.
/// </summary>
public sealed class ParseSpeedStop43Tests
{
    private static readonly string[] Questions =
    [
        "Funnel check: of the customers who viewed a product in the last 30 days, what % also added something to cart in that window?",
        "Among customers who were ever in a campaign's treatment group, what's the average number of campaigns each one received (treatment rows only)?",
        "Of the sessions that contained an add_to_cart event, what share also contained a checkout_start event?",
        "What share of transactions in the last 30 days (by number of transactions, not value) were in the Textiles category? Percentage please.",
        "average attributed campaign revenue per customer who converted at least once (summing across all campaigns)",
        "Of the customers who viewed a product in the last 30 days, what share added something to cart?",
        "what share of customers who bought Outdoor also bought Textiles",
        "how many customers in London",
        "revenue by country in the last 30 days",
        "customers who never ordered",
    ];

    [Fact]
    public void Parse_AfterOtherQuestions_ReadsAsFromScratch()
    {
        SemanticLayer layer = DemoSemanticLayer.Instance;
        List<string> fromScratch = [];
        foreach (string question in Questions)
        {
            QuestionParser.ForgetRecentReadings();
            fromScratch.Add(Reading(QuestionParser.Parse(question, layer), layer));
        }

        // Read again in the other order, each after the others, without forgetting anything, and each a second time.
        QuestionParser.ForgetRecentReadings();
        for (int i = Questions.Length - 1; i >= 0; i--)
        {
            Assert.Equal(fromScratch[i], Reading(QuestionParser.Parse(Questions[i], layer), layer));
            Assert.Equal(fromScratch[i], Reading(QuestionParser.Parse(Questions[i], layer), layer));
        }
    }

    // What a reading comes to: its status and reasons, and the SQL it compiles to with its parameters (also ParseSpeedStop44Tests).
    internal static string Reading(ParsedQuestion parsed, SemanticLayer layer)
    {
        if (parsed.Query is not { } query)
        {
            return $"{parsed.Status}|{parsed.Reason}|{parsed.Detail}";
        }

        DateTimeOffset asOf = new(2026, 11, 20, 0, 0, 0, TimeSpan.Zero);
        CompiledQuery? compiled = AnalyticsCompiler.Compile(query, layer, SqlDialect.DuckDB, new AetherSegmentOptions(), query.Time?.Resolve(asOf), 1000, out string? reason);
        return compiled is null
            ? $"{parsed.Status}|{parsed.Reason}|{reason}"
            : $"{parsed.Status}|{compiled.Statement.Sql}|{string.Join(";", compiled.Statement.Parameters.Select(p => p.ToString()))}";
    }
}
