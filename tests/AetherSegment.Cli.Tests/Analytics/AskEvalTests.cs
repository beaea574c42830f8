using System.Text.Json.Nodes;
using AetherSegment.Analytics;
using AetherSegment.Cli.Analytics;
using AetherSegment.Cli.Tests.Retailers;
using AetherSegment.Data;
using AetherSegment.DuckDB;
using AetherSegment.Tests;
using AetherSegment.TestRetailers.SummitOutfitters;
using Microsoft.Extensions.DependencyInjection;

namespace AetherSegment.Cli.Tests.Analytics;

/// <summary>
/// Issue 17's bars on the repository's evaluation sets (150 home-furnishing questions, 31 Summit questions, each with
/// SQL written by hand that computes the truth, or none when it must be declined): no wrong answer, and at least 90%
/// answered right (a required decline counts as right).
/// </summary>
public sealed class AskEvalTests(AnalyticsDatabase database, SummitDatabase summit) : IClassFixture<AnalyticsDatabase>, IClassFixture<SummitDatabase>
{
    internal static readonly string HomeFile = Path.Combine(TestPaths.RepositoryRoot, "tests", "AetherSegment.Cli.Tests", "Analytics", "Eval", "ask-eval.home-furnishing.jsonl");

    internal static readonly string SummitFile = Path.Combine(TestPaths.RepositoryRoot, "tests", "AetherSegment.Cli.Tests", "Analytics", "Eval", "ask-eval.summit-outfitters.jsonl");

    [Fact]
    public async Task HomeFurnishingSet_NoWrongAnswers_AndNinetyPercentRight()
    {
        AskEvalReport report = await EvaluateHomeAsync(HomeFile);

        AssertBars(report, 150);
    }

    internal static readonly string HeldOutFile = Path.Combine(TestPaths.RepositoryRoot, "tests", "AetherSegment.Cli.Tests", "Analytics", "Eval", "ask-heldout.home-furnishing.jsonl");

    [Fact]
    public async Task HeldOutSet_NoWrongAnswers()
    {
        // Written before the parser was changed for it; its figures (right / wrong / declined) are in docs/analytics.md.
        AskEvalReport report = await EvaluateHomeAsync(HeldOutFile);

        Assert.True(report.Questions >= 40, $"{report.Questions} questions");
        Assert.True(report.Wrong == 0, string.Join("\n", report.WrongAnswers));
    }

    internal static readonly string SecondHeldOutFile = Path.Combine(TestPaths.RepositoryRoot, "tests", "AetherSegment.Cli.Tests", "Analytics", "Eval", "ask-heldout2.home-furnishing.jsonl");

    [Fact]
    public async Task SecondHeldOutSet_NoWrongAnswers()
    {
        // Written at stop 30 by asking as a new user would, before the fixes it led to; figures in docs/analytics.md.
        AskEvalReport report = await EvaluateHomeAsync(SecondHeldOutFile);

        Assert.True(report.Questions >= 50, $"{report.Questions} questions");
        Assert.True(report.Wrong == 0, string.Join("\n", report.WrongAnswers));
    }

    internal static readonly string ThirdHeldOutFile = Path.Combine(TestPaths.RepositoryRoot, "tests", "AetherSegment.Cli.Tests", "Analytics", "Eval", "ask-heldout3.home-furnishing.jsonl");

    [Fact]
    public async Task ThirdHeldOutSet_NoWrongAnswers()
    {
        // Written at stop 32 blind (before the analytics code was read), 110 questions; figures in docs/analytics.md.
        AskEvalReport report = await EvaluateHomeAsync(ThirdHeldOutFile);

        Assert.True(report.Questions >= 100, $"{report.Questions} questions");
        Assert.True(report.Wrong == 0, string.Join("\n", report.WrongAnswers));
        // 100 of 110 right on the generated stores (1k and 10k); the fixture lacks the generated campaign names, so 97.
        Assert.True(report.RightShare >= 0.88, $"{report.RightShare:P1} right\n" + string.Join("\n", report.DeclinedQuestions));
    }

    // A home-furnishing evaluation file asked of the analytics fixture.
    private async Task<AskEvalReport> EvaluateHomeAsync(string file)
    {
        using ServiceProvider services = AnalyticsServiceTests.BuildServices(database.Path);
        return await AskEvaluator.EvaluateAsync(services.GetRequiredService<IAnalyticsService>(), new DuckDBDataStore(database.Path), AskEvaluator.ReadFile(file), default);
    }

    [Theory]
    [InlineData("strftime(date_trunc('month', transaction_date), '%Y-%m')", 0)]
    [InlineData("strftime(date_trunc('month', transaction_date), '%Y-%m-%d')", 0)]
    [InlineData("strftime(date_trunc('month', transaction_date), '%Y/%m')", 1)]
    [InlineData("CAST(date_trunc('month', transaction_date) AS DATE)", 0)]
    public async Task MonthKeys_ReadAsTheMonthsFirstDay_WhetherWrittenAsMonthOrDay(string key, int wrong)
    {
        // The sixth blind set keys a monthly breakdown as "2026-01"; answers key it as the month's first day.
        using ServiceProvider services = AnalyticsServiceTests.BuildServices(database.Path);
        LabelledQuestion question = new("breakdowns", "revenue by month this year",
            $"SELECT {key} AS month, sum(order_value) FROM transactions WHERE transaction_date >= TIMESTAMP '2026-01-01' AND transaction_date < TIMESTAMP '2027-01-01' GROUP BY 1 ORDER BY 1");

        AskEvalReport report = await AskEvaluator.EvaluateAsync(services.GetRequiredService<IAnalyticsService>(), new DuckDBDataStore(database.Path), [question], default);

        Assert.Equal(1 - wrong, report.Right);
        Assert.Equal(wrong, report.Wrong);
    }

    [Theory]
    [InlineData("'Q' || CAST(quarter(transaction_date) AS VARCHAR)", 0)]
    [InlineData("CAST(year(transaction_date) AS VARCHAR) || '-Q' || CAST(quarter(transaction_date) AS VARCHAR)", 0)]
    [InlineData("CAST(date_trunc('quarter', transaction_date) AS DATE)", 0)]
    [InlineData("'Q' || CAST(month(transaction_date) AS VARCHAR)", 1)]
    public async Task QuarterKeys_ReadAsTheQuartersFirstDay(string key, int wrong)
    {
        // The twentieth blind set keys a quarterly breakdown as "Q1"; answers key it as the quarter's first day.
        using ServiceProvider services = AnalyticsServiceTests.BuildServices(database.Path);
        LabelledQuestion question = new("time-periods", "Revenue per quarter in 2025",
            $"SELECT {key} AS q, sum(order_value) FROM transactions WHERE transaction_date >= TIMESTAMP '2025-01-01' AND transaction_date < TIMESTAMP '2026-01-01' GROUP BY 1 ORDER BY 1");

        AskEvalReport report = await AskEvaluator.EvaluateAsync(services.GetRequiredService<IAnalyticsService>(), new DuckDBDataStore(database.Path), [question], default);

        Assert.Equal(1 - wrong, report.Right);
        Assert.Equal(wrong, report.Wrong);
    }

    [Theory]
    [InlineData("'Q' || CAST(quarter(transaction_date) AS VARCHAR)", 0)]
    [InlineData("'Q' || CAST(quarter(transaction_date) AS VARCHAR) || ' 2026'", 0)]
    [InlineData("'Q' || CAST(quarter(transaction_date) AS VARCHAR) || ' 2025'", 1)]
    public async Task TwoQuartersOfAYear_MatchATruthWithOrWithoutTheYear(string key, int wrong)
    {
        // The first sets key "orders in Q1 vs Q2 2026" as 'Q1' and 'Q2', the 37th as 'Q2 2026'; answers say "Q1 2026".
        using ServiceProvider services = AnalyticsServiceTests.BuildServices(database.Path);
        LabelledQuestion question = new("time-periods", "orders in Q1 vs Q2 2026",
            $"SELECT {key} AS period, count(*) FROM transactions WHERE transaction_date >= TIMESTAMP '2026-01-01' AND transaction_date < TIMESTAMP '2026-07-01' GROUP BY 1 ORDER BY 1");

        AskEvalReport report = await AskEvaluator.EvaluateAsync(services.GetRequiredService<IAnalyticsService>(), new DuckDBDataStore(database.Path), [question], default);

        Assert.Equal(1 - wrong, report.Right);
        Assert.Equal(wrong, report.Wrong);
    }

    [Theory]
    [InlineData("'H1 2026'", "'H2 2025'", 0)]
    [InlineData("'2026 H1'", "'2025 H2'", 0)]
    [InlineData("'H2 2026'", "'H1 2025'", 1)]
    public async Task HalfYears_MatchATruthLabelledH1AndH2(string later, string earlier, int wrong)
    {
        // blind90 keys "the first half of 2026, compared with the second half of 2025" as 'H1 2026' and 'H2 2025'.
        using ServiceProvider services = AnalyticsServiceTests.BuildServices(database.Path);
        LabelledQuestion question = new("time-periods", "How many distinct customers purchased in the first half of 2026, compared with the second half of 2025?",
            $"SELECT {earlier}, count(DISTINCT customer_id) FROM transactions WHERE transaction_date >= TIMESTAMP '2025-07-01' AND transaction_date < TIMESTAMP '2026-01-01' "
            + $"UNION ALL SELECT {later}, count(DISTINCT customer_id) FROM transactions WHERE transaction_date >= TIMESTAMP '2026-01-01' AND transaction_date < TIMESTAMP '2026-07-01'");

        AskEvalReport report = await AskEvaluator.EvaluateAsync(services.GetRequiredService<IAnalyticsService>(), new DuckDBDataStore(database.Path), [question], default);

        Assert.Equal(1 - wrong, report.Right);
        Assert.Equal(wrong, report.Wrong);
    }

    [Theory]
    [InlineData("SELECT country FROM customers GROUP BY 1 ORDER BY count(*) DESC LIMIT 2", 0)]
    [InlineData("SELECT country FROM customers GROUP BY 1 ORDER BY count(*) ASC LIMIT 2", 1)]
    [InlineData("SELECT country FROM customers GROUP BY 1 ORDER BY count(*) DESC LIMIT 3", 1)]
    public async Task TopNTruths_ListingOnlyTheNames_MatchTheAnswersNamesInOrder(string truth, int wrong)
    {
        // The 25th blind set writes a top N's truth as the names alone, in order ("SELECT city ... LIMIT 5").
        using ServiceProvider services = AnalyticsServiceTests.BuildServices(database.Path);
        LabelledQuestion question = new("top-n", "top 2 countries by customers", truth);

        AskEvalReport report = await AskEvaluator.EvaluateAsync(services.GetRequiredService<IAnalyticsService>(), new DuckDBDataStore(database.Path), [question], default);

        Assert.Equal(1 - wrong, report.Right);
        Assert.Equal(wrong, report.Wrong);
    }

    [Theory]
    [InlineData("SELECT AVG(CASE WHEN acquisition_source = 'referral' THEN 1.0 ELSE 0.0 END) FROM customers", 0)]
    [InlineData("SELECT 100.0 * AVG(CASE WHEN acquisition_source = 'referral' THEN 1.0 ELSE 0.0 END) FROM customers", 0)]
    [InlineData("SELECT 10.0 * AVG(CASE WHEN acquisition_source = 'referral' THEN 1.0 ELSE 0.0 END) FROM customers", 1)]
    public async Task Shares_MatchATruthWrittenAsAFractionOrAsAPercentage(string truth, int wrong)
    {
        // The ninth blind set writes shares as percentages (9.3); answers give the fraction (0.093) and print "9.3%".
        using ServiceProvider services = AnalyticsServiceTests.BuildServices(database.Path);
        LabelledQuestion question = new("shares", "what share of customers came from referrals?", truth);

        AskEvalReport report = await AskEvaluator.EvaluateAsync(services.GetRequiredService<IAnalyticsService>(), new DuckDBDataStore(database.Path), [question], default);

        Assert.Equal(1 - wrong, report.Right);
        Assert.Equal(wrong, report.Wrong);
    }

    [Theory]
    [InlineData("SELECT round(avg(clv_score), 4) FROM customers", 0)]
    [InlineData("SELECT ROUND(100.0 * AVG(CASE WHEN acquisition_source = 'referral' THEN 1.0 ELSE 0.0 END), 1) FROM customers", 0)]
    [InlineData("SELECT round(avg(clv_score), 4) + 0.0001 FROM customers", 1)]
    [InlineData("SELECT avg(clv_score) + 0.00001 FROM customers", 1)]
    public async Task RoundedTruths_MatchWithinHalfTheirLastDigit_AndOnlyWhenTheTruthRounds(string truth, int wrong)
    {
        // The twelfth blind set rounds its truths (round(avg(clv_score), 4) = 0.4574); the answer is 0.45736.
        using ServiceProvider services = AnalyticsServiceTests.BuildServices(database.Path);
        string question = truth.Contains("referral", StringComparison.Ordinal) ? "what share of customers came from referrals?" : "average clv score";
        LabelledQuestion labelled = new("rounded", question, truth);

        AskEvalReport report = await AskEvaluator.EvaluateAsync(services.GetRequiredService<IAnalyticsService>(), new DuckDBDataStore(database.Path), [labelled], default);

        Assert.Equal(1 - wrong, report.Right);
        Assert.Equal(wrong, report.Wrong);
    }

    [Theory]
    [InlineData("CASE WHEN transaction_date >= TIMESTAMP '2026-10-21 12:00:00' THEN 'last 30 days' ELSE 'previous 30 days' END", "COUNT(*)", 0)]
    // Labels that name neither period cannot be matched to the answer's periods: scored wrong, never guessed.
    [InlineData("CASE WHEN transaction_date >= TIMESTAMP '2026-10-21 12:00:00' THEN 'b' ELSE 'a' END", "COUNT(*)", 1)]
    [InlineData("CASE WHEN transaction_date >= TIMESTAMP '2026-10-21 12:00:00' THEN 'last 30 days' ELSE 'previous 30 days' END", "COUNT(*) + 1", 1)]
    public async Task PeriodComparisons_MatchEachPeriodsValue_WhateverTheTruthCallsItsPeriods(string period, string value, int wrong)
    {
        // The fourteenth and sixteenth blind sets label the periods of "X vs the 30 days before that" in their own words
        // ("previous 30 days"); the answer's rows say "the 30 days before" and "last 30 days". Each value must still match.
        using ServiceProvider services = AnalyticsServiceTests.BuildServices(database.Path);
        LabelledQuestion question = new("time", "orders in the last 30 days vs the 30 days before that",
            $"SELECT {period} AS p, {value} FROM transactions WHERE transaction_date >= TIMESTAMP '2026-09-21 12:00:00' AND transaction_date <= TIMESTAMP '2026-11-20 12:00:00' GROUP BY 1 ORDER BY 1");

        AskEvalReport report = await AskEvaluator.EvaluateAsync(services.GetRequiredService<IAnalyticsService>(), new DuckDBDataStore(database.Path), [question], default);

        Assert.Equal(1 - wrong, report.Right);
        Assert.Equal(wrong, report.Wrong);
    }

    [Theory]
    [InlineData("orders this month vs last month", "'this month (Nov 2026 MTD)'", "'last month (Oct 2026)'", 0)]
    [InlineData("orders oct vs nov 2026", "'Nov 2026'", "'Oct 2026'", 0)]
    // The periods' values swapped: each label still finds its one truth row, and the values differ.
    [InlineData("orders this month vs last month", "'last month (Oct 2026)'", "'this month (Nov 2026 MTD)'", 1)]
    public async Task PeriodLabels_MatchTheOneTruthLabelHoldingTheirWords(string question, string later, string earlier, int wrong)
    {
        // blind95 labels "rev this month vs last month" as 'this month (Dec 2026 MTD)' and 'last month (Nov 2026)', and
        // "new custs acquired oct vs nov 2026" as 'Oct 2026' and 'Nov 2026'; the answer's rows say "this month" and "oct".
        using ServiceProvider services = AnalyticsServiceTests.BuildServices(database.Path);
        LabelledQuestion labelled = new("time", question,
            $"SELECT {earlier}, count(*) FROM transactions WHERE transaction_date >= TIMESTAMP '2026-10-01' AND transaction_date < TIMESTAMP '2026-11-01' "
            + $"UNION ALL SELECT {later}, count(*) FROM transactions WHERE transaction_date >= TIMESTAMP '2026-11-01' AND transaction_date <= TIMESTAMP '2026-11-20 12:00:00'");

        AskEvalReport report = await AskEvaluator.EvaluateAsync(services.GetRequiredService<IAnalyticsService>(), new DuckDBDataStore(database.Path), [labelled], default);

        Assert.Equal(1 - wrong, report.Right);
        Assert.Equal(wrong, report.Wrong);
    }

    [Theory]
    [InlineData("SELECT round(avg(x), 4) FROM t", 0.00005)]
    [InlineData("SELECT ROUND(100.0 * SUM(CASE WHEN a THEN 1 ELSE 0 END) / COUNT(*), 2), round(avg(y), 3) FROM t", 0.005)]
    [InlineData("SELECT avg(x) FROM t WHERE name = 'round(1, 2)x'", 0)]
    [InlineData("SELECT avg(x) FROM t", 0)]
    // A first argument nesting brackets three deep (blind43: a growth in percent rounded to 2 places).
    [InlineData("SELECT ROUND(100.0*(SUM(CASE WHEN year(d)=2025 THEN v ELSE 0 END)/SUM(CASE WHEN year(d)=2024 THEN v ELSE 0 END)-1),2) FROM t", 0.005)]
    public void RoundingTolerance_IsHalfAStepOfTheFewestDigits(string truth, double tolerance) =>
        Assert.Equal(tolerance, AskEvaluator.RoundingTolerance(truth), 12);

    [Fact]
    public async Task CustomerCounts_AreNotReadAsPercentages()
    {
        // Only a proportion's column is read either way: a count a hundred times the truth stays wrong.
        using ServiceProvider services = AnalyticsServiceTests.BuildServices(database.Path);
        LabelledQuestion question = new("counts", "how many customers came from referrals?",
            "SELECT COUNT(*) / 100.0 FROM customers WHERE acquisition_source = 'referral'");

        AskEvalReport report = await AskEvaluator.EvaluateAsync(services.GetRequiredService<IAnalyticsService>(), new DuckDBDataStore(database.Path), [question], default);

        Assert.Equal(1, report.Wrong);
    }

    [Fact]
    public async Task SummitSet_NoWrongAnswers_AndNinetyPercentRight()
    {
        ServiceCollection collection = new();
        collection.AddLogging();
        collection.AddAetherSegment().UseProfile(AetherSegment.Profiles.BusinessProfileLoader.LoadFile(SummitOutfittersProfile.Path)).AddDuckDB(o => o.Path = summit.Path);
        using ServiceProvider services = collection.BuildServiceProvider();
        AskEvalReport report = await AskEvaluator.EvaluateAsync(services.GetRequiredService<IAnalyticsService>(), new DuckDBDataStore(summit.Path), AskEvaluator.ReadFile(SummitFile), default);

        AssertBars(report, 30);
    }

    [Fact]
    public async Task AskEval_ThroughTheCli_PrintsTheReportPerGroup()
    {
        using StringWriter stdout = new();
        using StringWriter stderr = new();
        int exit = await AetherCli.RunAsync(["ask", "--eval", HomeFile, "--db", database.Path], stdout, stderr);

        Assert.Equal(0, exit);
        JsonObject report = JsonNode.Parse(stdout.ToString())!.AsObject();
        Assert.True((int)report["questions"]! >= 150);
        Assert.Equal(0, (int)report["wrong"]!);
        Assert.Contains(report["groups"]!.AsArray(), g => (string?)g!["group"] == "both_not");
    }

    [Fact]
    public async Task AskEval_WithAQuestionToo_IsBadInput()
    {
        using StringWriter stdout = new();
        using StringWriter stderr = new();
        int exit = await AetherCli.RunAsync(["ask", "revenue", "--eval", HomeFile, "--db", database.Path], stdout, stderr);

        Assert.Equal(2, exit);
        Assert.Single(stderr.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    private static void AssertBars(AskEvalReport report, int atLeast)
    {
        string detail = string.Join("\n", report.WrongAnswers) + "\n--- declined:\n" + string.Join("\n", report.DeclinedQuestions);
        Assert.True(report.Questions >= atLeast, $"{report.Questions} questions");
        Assert.True(report.Wrong == 0, detail);
        Assert.True(report.RightShare >= 0.9, $"{report.RightShare:P1} right\n{detail}");
    }
}
