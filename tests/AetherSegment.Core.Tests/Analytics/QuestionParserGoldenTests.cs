using System.Text.Json;
using AetherSegment.Analytics;
using AetherSegment.Synthetic.Profiles;
using AetherSegment.Tests;

namespace AetherSegment.Core.Tests.Analytics;

/// <summary>
/// The question parser's reading (status, reason, measure, breakdown, filters, time range, limit, sort) of 504
/// questions: every question written in the analytics tests and benchmarks and seeded generated variants. Recorded
/// before the shared vocabulary; a changed line in the file's history is a changed answer, reviewed as an improvement.
/// </summary>
public sealed class QuestionParserGoldenTests
{
    private static readonly string Golden =
        Path.Combine(TestPaths.RepositoryRoot, "tests", "AetherSegment.Core.Tests", "Analytics", "Golden", "question-parser.golden.jsonl");

    private static readonly SemanticLayer Layer = new(HomeFurnishingProfile.Load());

    [Fact]
    public void Parse_GoldenQuestions_ReadsExactlyAsRecorded() =>
        GoldenFile.AssertUnchanged(Golden, "question", 500, question => Describe(question, QuestionParser.Parse(question, Layer)));

    private static string Describe(string question, ParsedQuestion parsed)
    {
        AnalyticsQuery? query = parsed.Query;
        return JsonSerializer.Serialize(
            new
            {
                Question = question,
                parsed.Status,
                parsed.Reason,
                Measure = query?.Measure.Name,
                Dimension = query?.Dimension?.Name,
                Filters = query?.Filters.Select(f => new { f.Dimension, f.Values, f.Phrase }),
                Time = query?.Time is { } time ? new { time.Kind, time.Amount, time.Year, time.Phrase } : null,
                query?.Limit,
                query?.Sort,
            },
            AetherSegmentJson.Options);
    }
}
