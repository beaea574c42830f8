using System.Text;
using System.Text.Json;
using AetherSegment.Interpretation;
using AetherSegment.Interpretation.Rules;
using AetherSegment.Tests;

namespace AetherSegment.Core.Tests.Interpretation;

/// <summary>
/// The rule-based interpreter's whole answer (every field, warning and confidence) for about 600 objectives: the
/// public examples, every objective written in the tests and benchmarks, and seeded generated variants. The file
/// was written by the interpreter before it was split into passes, so any change in behaviour shows here.
/// To accept an intended change, run once with AETHER_REGENERATE_GOLDEN=1 and review the diff of the file.
/// </summary>
public sealed class RuleBasedGoldenTests
{
    private static readonly string GoldenFile =
        Path.Combine(TestPaths.RepositoryRoot, "tests", "AetherSegment.Core.Tests", "Interpretation", "Golden", "rules-interpreter.golden.jsonl");

    [Fact]
    public void Interpret_GoldenObjectives_AnswersExactlyAsRecorded()
    {
        RuleBasedCampaignInterpreter rules = new();
        string[] lines = File.ReadAllLines(GoldenFile, Encoding.UTF8);
        Assert.True(lines.Length >= 500, $"the golden file holds {lines.Length} objectives");
        bool regenerate = Environment.GetEnvironmentVariable("AETHER_REGENERATE_GOLDEN") == "1";
        List<string> written = [];
        List<string> differences = [];
        foreach (string line in lines)
        {
            string objective = JsonDocument.Parse(line).RootElement.GetProperty("objective").GetString()!;
            string answer = AetherSegmentJson.Serialize(rules.Interpret(objective));
            written.Add(answer);
            if (answer != line)
            {
                differences.Add($"{objective}\n  expected {line}\n  actual   {answer}");
            }
        }

        if (regenerate)
        {
            File.WriteAllLines(GoldenFile, written, new UTF8Encoding(false));
            return;
        }

        Assert.True(differences.Count == 0, $"{differences.Count} of {lines.Length} answers differ; the first:\n" + string.Join("\n", differences.Take(5)));
    }
}
