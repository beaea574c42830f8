using AetherSegment.Interpretation.Evaluation;
using AetherSegment.Interpretation;
using AetherSegment.Synthetic.Profiles;
using AetherSegment.Tests;

namespace AetherSegment.Core.Tests.Interpretation;

public sealed class PublicExamplesTests
{
    private static readonly ICampaignInterpreter Rules = CampaignInterpreters.CreateRuleBased(HomeFurnishingProfile.Load());

    public static TheoryData<string> ExampleIds()
    {
        TheoryData<string> ids = [];
        foreach (LabelledObjective example in InterpretationEvaluator.ReadFile(TestPaths.ExampleObjectives))
        {
            ids.Add(example.Id);
        }

        return ids;
    }

    [Theory]
    [MemberData(nameof(ExampleIds))]
    public async Task Interpret_PublicExample_MatchesEveryExpectedField(string id)
    {
        LabelledObjective example = InterpretationEvaluator.ReadFile(TestPaths.ExampleObjectives).Single(e => e.Id == id);

        CampaignObjective answer = await Rules.InterpretAsync(example.Objective);

        IReadOnlyList<InterpretationFailure> failures = InterpretationEvaluator.Compare(example, answer);
        Assert.True(failures.Count == 0, string.Join("\n", failures.Select(f => $"{f.Field}: expected {f.Expected}, got {f.Actual}")));
        Assert.Equal("rules", answer.Interpreter);
        Assert.Empty(CampaignObjectiveValidator.Validate(answer, HomeFurnishingProfile.Load()));
    }

    [Fact]
    public async Task Evaluate_RulesOnPublicExamples_ScoresOneHundredPercent()
    {
        IReadOnlyList<LabelledObjective> examples = InterpretationEvaluator.ReadFile(TestPaths.ExampleObjectives);

        InterpretationReport report = await InterpretationEvaluator.EvaluateAsync(Rules, examples);

        Assert.Equal(examples.Count, report.ExactMatches);
        Assert.Equal(1.0, report.ExactMatchRate);
        Assert.All(report.Fields.Values, f => Assert.Equal(1.0, f.Accuracy));
        Assert.Empty(report.Failures);
    }
}
