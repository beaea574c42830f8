using AetherSegment.Analytics;
using AetherSegment.Cli.Analytics;
using AetherSegment.DuckDB;
using AetherSegment.Tests;
using Microsoft.Extensions.DependencyInjection;

namespace AetherSegment.Cli.Tests.Analytics;

/// <summary>
/// Stop 35's paraphrase probes of helper ask11 (<c>ask-probes35-ask11.home-furnishing.jsonl</c>): treated customers,
/// campaign counts with a verb and shares within each group, each with SQL written by hand, asked of the fixture and
/// recounted by its SQL (or declined when its truth is null). The "both-arms" probes name campaigns of the seed-42 store
/// the fixture does not hold; <see cref="CampaignArmsTests"/> asks them of the fixture's own campaigns.
/// </summary>
public sealed class ParaphraseProbe35Ask11Tests(AnalyticsDatabase database) : IClassFixture<AnalyticsDatabase>
{
    internal static readonly string ProbeFile = Path.Combine(TestPaths.RepositoryRoot, "tests", "AetherSegment.Cli.Tests", "Analytics", "Eval", "ask-probes35-ask11.home-furnishing.jsonl");

    public static TheoryData<string> Probes()
    {
        TheoryData<string> data = [];
        foreach (LabelledQuestion question in AskEvaluator.ReadFile(ProbeFile).Where(q => q.Group != "both-arms"))
        {
            data.Add(question.Question);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Probes))]
    public async Task Probe_IsAnsweredRight_OrDeclinedWhenItMustBe(string question)
    {
        LabelledQuestion probe = AskEvaluator.ReadFile(ProbeFile).First(q => q.Question == question);
        using ServiceProvider services = AnalyticsServiceTests.BuildServices(database.Path);

        AskEvalReport report = await AskEvaluator.EvaluateAsync(services.GetRequiredService<IAnalyticsService>(), new DuckDBDataStore(database.Path), [probe], default);

        Assert.True(report.Right == 1, string.Join("\n", report.WrongAnswers.Concat(report.DeclinedQuestions)));
    }
}
