using AetherSegment.Analytics;
using AetherSegment.Data;
using AetherSegment.DependencyInjection;

namespace AetherSegment.Core.Tests.Analytics;

/// <summary>
/// Stop 44 (parse speed): the event-verb rewrites skip a rule whose anchor words the text does not hold, and a share whose
/// whole is not a count of customers no longer reads its part. The questions those readings answer keep their answers, a
/// text said with a letter the patterns fold onto ASCII (the Kelvin sign) reads as its ASCII spelling, and a share out of
/// sessions is read as before.
/// </summary>
public sealed class ParseSpeedStop44Tests
{
    [Theory]
    [InlineData("How many customers searched in the last 14 days but did not add anything to cart in that same period?")]
    [InlineData("how many customers wishlisted a product")]
    [InlineData("How many customers started a checkout in the last 30 days?")]
    [InlineData("How many customers ran a search in the last 24 hours?")]
    [InlineData("How many customers have used the room planner and also done an AR view?")]
    [InlineData("How many customers viewed a product in the last 7 days but did not add anything to their cart in those 7 days?")]
    public void Parse_EventVerbs_AreAnswered(string question)
    {
        SemanticLayer layer = DemoSemanticLayer.Instance;
        QuestionParser.ForgetRecentReadings();
        ParsedQuestion parsed = QuestionParser.Parse(question, layer);

        Assert.Equal(AnalyticsAnswerStatus.Answered, parsed.Status);
        Assert.NotNull(parsed.Query);
    }

    [Theory]
    [InlineData("How many customers started a checkout in the last 30 days?", "How many customers started a chec\u212Aout in the last 30 days?")]
    [InlineData("how many customers added something to their basket", "how many customers added something to their bas\u212Aet")]
    public void Parse_NonAsciiLetterFoldedByThePatterns_ReadsAsTheAsciiSpelling(string ascii, string folded)
    {
        SemanticLayer layer = DemoSemanticLayer.Instance;
        QuestionParser.ForgetRecentReadings();
        string expected = ParseSpeedStop43Tests.Reading(QuestionParser.Parse(ascii, layer), layer);
        QuestionParser.ForgetRecentReadings();

        Assert.Equal(expected, ParseSpeedStop43Tests.Reading(QuestionParser.Parse(folded, layer), layer));
    }

    [Fact]
    public void Parse_ShareOfCustomersWithACondition_KeepsItsWhole()
    {
        SemanticLayer layer = DemoSemanticLayer.Instance;
        QuestionParser.ForgetRecentReadings();
        ParsedQuestion parsed = QuestionParser.Parse("what share of customers who bought Outdoor also bought Textiles", layer);

        Assert.Equal(AnalyticsAnswerStatus.Answered, parsed.Status);
        Assert.True(parsed.Query!.Share);
        Assert.NotNull(parsed.Query.ShareWhole);
    }

    [Fact]
    public void Parse_ShareOutOfSessions_IsNotReadAsAShareOfCustomers()
    {
        SemanticLayer layer = DemoSemanticLayer.Instance;
        QuestionParser.ForgetRecentReadings();
        ParsedQuestion parsed = QuestionParser.Parse("Of the sessions that contained an add_to_cart event, what share also contained a checkout_start event?", layer);

        Assert.Null(parsed.Query?.ShareWhole);
    }

    // A question declined with its lead-in dropped is read again with every word; the first reading keeps only its status
    // (no reason read for it), and the same words asked after it read as they do from scratch.
    [Theory]
    [InlineData("Could you tell me which of our lamps is the prettiest?", "which of our lamps is the prettiest?")]
    [InlineData("I'd like to know how many customers love our brand", "how many customers love our brand")]
    public void Parse_DeclinedWithALeadIn_KeepsItsReasonAndTheBareQuestionsReading(string withLeadIn, string bare)
    {
        SemanticLayer layer = DemoSemanticLayer.Instance;
        QuestionParser.ForgetRecentReadings();
        ParsedQuestion fresh = QuestionParser.Parse(bare, layer);
        QuestionParser.ForgetRecentReadings();
        ParsedQuestion led = QuestionParser.Parse(withLeadIn, layer);
        ParsedQuestion after = QuestionParser.Parse(bare, layer);

        Assert.Equal(AnalyticsAnswerStatus.Unanswerable, led.Status);
        Assert.False(string.IsNullOrEmpty(led.Reason));
        Assert.Equal(fresh.ToString(), after.ToString());
    }
}
