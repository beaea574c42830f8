using System.Globalization;
using AetherSegment.Analytics;
using AetherSegment.Data;
using AetherSegment.DuckDB;
using Microsoft.Extensions.DependencyInjection;

namespace AetherSegment.Cli.Tests.Analytics;

/// <summary>Asks the demo profile's analytics service a question on a test database, as the rule-based tests do.</summary>
internal static class RuleAnswers
{
    /// <summary>The answer; when <paramref name="answered"/>, asserts it was answered with a restatement.</summary>
    public static async Task<AnalyticsAnswer> AskAsync(string databasePath, string question, bool answered = true)
    {
        using ServiceProvider services = AnalyticsServiceTests.BuildServices(databasePath);
        AnalyticsAnswer answer = await services.GetRequiredService<IAnalyticsService>().AskAsync(question);
        if (answered)
        {
            Assert.True(answer.Status == AnalyticsAnswerStatus.Answered, $"{question}: {answer.Answer}");
            Assert.False(string.IsNullOrEmpty(answer.Restatement));
        }

        return answer;
    }

    /// <summary>Asserts the question is declined (unanswerable) with a reason that contains <paramref name="reason"/>.</summary>
    public static async Task AssertDeclinedAsync(string databasePath, string question, string reason)
    {
        AnalyticsAnswer answer = await AskAsync(databasePath, question, answered: false);

        Assert.Equal(AnalyticsAnswerStatus.Unanswerable, answer.Status);
        Assert.Contains(reason, answer.Answer, StringComparison.Ordinal);
    }

    /// <summary>The one value a truth query returns on the test database (0 when it returns none).</summary>
    public static async Task<double> TruthAsync(string databasePath, string sql)
    {
        DuckDBDataStore store = new(databasePath);
        QueryResult result = await store.QueryAsync(new SqlStatement(sql));
        return Convert.ToDouble(result.Scalar() ?? 0, CultureInfo.InvariantCulture);
    }

    /// <summary>The first column of every row a truth query returns on the test database, as text, in order.</summary>
    public static async Task<List<string>> ColumnAsync(string databasePath, string sql)
    {
        DuckDBDataStore store = new(databasePath);
        QueryResult result = await store.QueryAsync(new SqlStatement(sql));
        return [.. result.Rows.Select(r => Convert.ToString(r[0], CultureInfo.InvariantCulture) ?? "")];
    }

    /// <summary>The one value of a one-row answer.</summary>
    public static double Single(AnalyticsAnswer answer) => Convert.ToDouble(Assert.Single(answer.Rows)[answer.Columns[0]]);
}
