using AetherSegment.Analytics;
using AetherSegment.Cli.Analytics;
using AetherSegment.DuckDB;
using AetherSegment.Tests;
using Microsoft.Extensions.DependencyInjection;

namespace AetherSegment.Cli.Tests.Analytics;

/// <summary>
/// The paraphrase probe sets, each question worded apart from every earlier set, with SQL written by hand that computes
/// the truth (null when it must be declined). Each is asked of the fixture and recounted by its SQL: it must be answered
/// right (or declined when its truth is null).
/// <list type="bullet">
/// <item><c>ask-probes34</c>: 40 common marketer questions and two declines (stop 34).</item>
/// <item><c>ask-probes35-ask10</c>: ratios of one measure under two filters, shares of a time range, per paying customer (stop 35).</item>
/// <item><c>ask-probes35-ask11</c>: treated customers, campaign counts with a verb, shares within each group (stop 35). Its
/// "both-arms" probes name campaigns of the seed-42 store the fixture does not hold; <see cref="CampaignArmsTests"/> asks
/// them of the fixture's own campaigns.</item>
/// <item><c>ask-probes36-ask13</c>: session durations (thresholds with a unit, each session once, distinct sessions) and
/// campaign membership (both campaigns, never in any, both groups, treatment-group revenue), on the fixture's campaigns
/// (stop 36).</item>
/// <item><c>ask-probes36-ask12</c>: statistics of each customer's total and of each row's value, orders over an amount of
/// some customers, filler, shares whose whole is filtered, and five readings that must be declined (stop 36).</item>
/// <item><c>ask-probes37-ask14</c>: breakdowns by year, per-customer statistics by a customer attribute and over the
/// customers active in a range, shares of a negated condition, shares whose whole has a condition, shares of revenue by a
/// customer attribute with a range, shorthand, and three readings that must be declined (stop 37).</item>
/// </list>
/// </summary>
public sealed class ParaphraseProbeTests(AnalyticsDatabase database) : IClassFixture<AnalyticsDatabase>
{
    private static readonly string[] ProbeFiles = ["ask-probes34", "ask-probes35-ask10", "ask-probes35-ask11", "ask-probes36-ask12", "ask-probes36-ask13", "ask-probes37-ask14"];

    public static TheoryData<string, string> Probes()
    {
        TheoryData<string, string> data = [];
        foreach (string file in ProbeFiles)
        {
            foreach (LabelledQuestion question in AskEvaluator.ReadFile(PathOf(file)).Where(q => q.Group != "both-arms"))
            {
                data.Add(file, question.Question);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Probes))]
    public async Task Probe_IsAnsweredRight_OrDeclinedWhenItMustBe(string file, string question)
    {
        LabelledQuestion probe = AskEvaluator.ReadFile(PathOf(file)).First(q => q.Question == question);
        using ServiceProvider services = AnalyticsServiceTests.BuildServices(database.Path);

        AskEvalReport report = await AskEvaluator.EvaluateAsync(services.GetRequiredService<IAnalyticsService>(), new DuckDBDataStore(database.Path), [probe], default);

        Assert.True(report.Right == 1, string.Join("\n", report.WrongAnswers.Concat(report.DeclinedQuestions)));
    }

    private static string PathOf(string file) =>
        Path.Combine(TestPaths.RepositoryRoot, "tests", "AetherSegment.Cli.Tests", "Analytics", "Eval", file + ".home-furnishing.jsonl");
}
