using AetherSegment.Analytics;
using AetherSegment.Cli.Analytics;
using AetherSegment.DuckDB;
using AetherSegment.Tests;
using Microsoft.Extensions.DependencyInjection;

namespace AetherSegment.Cli.Tests.Analytics;

/// <summary>
/// Stop 35's probes of helper ask10 (<c>ask-probes35-ask10.home-furnishing.jsonl</c>): ratios of one measure under two
/// filters, shares of a time range, per-customer aggregates and the like, each worded apart from the declined questions
/// that asked for them, with SQL written by hand that computes the truth. Each is asked of the fixture and recounted by
/// its SQL: it must be answered right (or declined when its truth is null).
/// </summary>
public sealed class FilterAndPerCustomerProbeTests(AnalyticsDatabase database) : IClassFixture<AnalyticsDatabase>
{
    internal static readonly string ProbeFile = Path.Combine(TestPaths.RepositoryRoot, "tests", "AetherSegment.Cli.Tests", "Analytics", "Eval", "ask-probes35-ask10.home-furnishing.jsonl");

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
