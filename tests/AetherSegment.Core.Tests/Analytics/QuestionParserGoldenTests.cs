using System.Text;
using System.Text.Json;
using AetherSegment.Analytics;
using AetherSegment.Tests;

namespace AetherSegment.Core.Tests.Analytics;

/// <summary>
/// The question parser's reading (status, reason, measure, breakdown, filters, time range, limit, sort) of about 500
/// questions: every question written in the analytics tests and benchmarks and seeded generated variants. Recorded
/// before the shared vocabulary; a changed line in the file's history is a changed answer, reviewed as an improvement.
/// To accept an intended change, run once with AETHER_REGENERATE_GOLDEN=1 and review the diff of the file.
/// </summary>
public sealed class QuestionParserGoldenTests
{
    private static readonly string GoldenFile =
        Path.Combine(TestPaths.RepositoryRoot, "tests", "AetherSegment.Core.Tests", "Analytics", "Golden", "question-parser.golden.jsonl");

    [Fact]
    public void Parse_GoldenQuestions_ReadsExactlyAsRecorded()
    {
        string[] lines = File.ReadAllLines(GoldenFile, Encoding.UTF8);
        Assert.True(lines.Length >= 400, $"the golden file holds {lines.Length} questions");
        List<string> written = [];
        List<string> differences = [];
        foreach (string line in lines)
        {
            string question = JsonDocument.Parse(line).RootElement.GetProperty("question").GetString()!;
            string reading = Describe(question, QuestionParser.Parse(question));
            written.Add(reading);
            if (reading != line)
            {
                differences.Add($"{question}\n  expected {line}\n  actual   {reading}");
            }
        }

        if (Environment.GetEnvironmentVariable("AETHER_REGENERATE_GOLDEN") == "1")
        {
            File.WriteAllLines(GoldenFile, written, new UTF8Encoding(false));
            return;
        }

        Assert.True(differences.Count == 0, $"{differences.Count} of {lines.Length} readings differ; the first:\n" + string.Join("\n", differences.Take(5)));
    }

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
