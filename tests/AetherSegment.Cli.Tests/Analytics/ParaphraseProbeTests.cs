using AetherSegment.Analytics;
using AetherSegment.Cli.Analytics;
using AetherSegment.DuckDB;
using AetherSegment.Tests;
using Microsoft.Extensions.DependencyInjection;

namespace AetherSegment.Cli.Tests.Analytics;

/// <summary>
/// Stop 34's paraphrase probes (<c>ask-probes34.home-furnishing.jsonl</c>): 40 common marketer questions worded apart from
/// every earlier set, each with SQL written by hand that computes the truth, and two that must be declined. Each is
/// asked of the fixture and recounted by its SQL: it must be answered right (or declined when its truth is null).
/// </summary>
public sealed class ParaphraseProbeTests(AnalyticsDatabase database) : IClassFixture<AnalyticsDatabase>
{
    internal static readonly string ProbeFile = Path.Combine(TestPaths.RepositoryRoot, "tests", "AetherSegment.Cli.Tests", "Analytics", "Eval", "ask-probes34.home-furnishing.jsonl");

    public static TheoryData<string> Probes()
    {
        TheoryData<string> data = [];
        foreach (LabelledQuestion question in AskEvaluator.ReadFile(ProbeFile))
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
