using AetherSegment.Interpretation;
using AetherSegment.Interpretation.Rules;
using AetherSegment.Synthetic.Profiles;
using AetherSegment.Tests;

namespace AetherSegment.Core.Tests.Interpretation;

/// <summary>
/// The rule-based interpreter's whole answer (every field, warning and confidence) for 606 objectives: the public
/// examples, every objective written in the tests and benchmarks, and seeded generated variants. The file was written
/// by the interpreter before it was split into passes, so any change in behaviour shows here.
/// </summary>
public sealed class RuleBasedGoldenTests
{
    private static readonly string Golden =
        Path.Combine(TestPaths.RepositoryRoot, "tests", "AetherSegment.Core.Tests", "Interpretation", "Golden", "rules-interpreter.golden.jsonl");

    [Fact]
    public void Interpret_GoldenObjectives_AnswersExactlyAsRecorded()
    {
        RuleBasedCampaignInterpreter rules = new(HomeFurnishingProfile.Load());

        GoldenFile.AssertUnchanged(Golden, "objective", 600, objective => AetherSegmentJson.Serialize(rules.Interpret(objective)));
    }
}
