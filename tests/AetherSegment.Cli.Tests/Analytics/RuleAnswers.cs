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

    /// <summary>
    /// Asks the question, recounts its one value with the hand-written <paramref name="truth"/> query and asserts they agree
    /// to <paramref name="precision"/> decimal digits; with <paramref name="nonZero"/>, first asserts the truth is not 0 (the
    /// data tests the question). Returns the answer, for the checks of its restatement.
    /// </summary>
    public static async Task<AnalyticsAnswer> AssertValueAsync(string databasePath, string question, string truth, int precision = 6, bool nonZero = false)
    {
        AnalyticsAnswer answer = await AskAsync(databasePath, question);
        double expected = await TruthAsync(databasePath, truth);
        if (nonZero)
        {
            Assert.True(expected != 0, "the data does not test it");
        }

        Assert.Equal(expected, Single(answer), precision);
        return answer;
    }

    /// <summary>
    /// Asks a broken-down question and asserts it has the groups of the hand-written <paramref name="truth"/> query, each
    /// with its value (the first column names the group, the last holds the value; a null value is 0). Returns the answer.
    /// </summary>
    public static async Task<AnalyticsAnswer> AssertGroupsAsync(string databasePath, string question, string truth, int precision = 6)
    {
        AnalyticsAnswer answer = await AskAsync(databasePath, question);
        Dictionary<string, double> expected = await GroupsAsync(databasePath, truth);
        Assert.Equal(expected.Count, answer.Rows.Count);
        foreach (IReadOnlyDictionary<string, object?> row in answer.Rows)
        {
            string key = Convert.ToString(row[answer.Columns[0]], CultureInfo.InvariantCulture)!;
            Assert.Equal(expected[key], Convert.ToDouble(row[answer.Columns[^1]], CultureInfo.InvariantCulture), precision);
        }

        return answer;
    }

    /// <summary>The groups of a truth query: the first column as text, to the last column's value (a null value is 0).</summary>
    public static async Task<Dictionary<string, double>> GroupsAsync(string databasePath, string sql)
    {
        DuckDBDataStore store = new(databasePath);
        QueryResult result = await store.QueryAsync(new SqlStatement(sql));
        return result.Rows.ToDictionary(r => Convert.ToString(r[0], CultureInfo.InvariantCulture)!, r => Convert.ToDouble(r[^1] ?? 0, CultureInfo.InvariantCulture));
    }

    /// <summary>Asserts the question is not answered (declined or asked back, whatever the reason).</summary>
    public static async Task AssertNotAnsweredAsync(string databasePath, string question)
    {
        AnalyticsAnswer answer = await AskAsync(databasePath, question, answered: false);

        Assert.NotEqual(AnalyticsAnswerStatus.Answered, answer.Status);
    }

    /// <summary>The one value of a one-row answer.</summary>
    public static double Single(AnalyticsAnswer answer) => Convert.ToDouble(Assert.Single(answer.Rows)[answer.Columns[0]]);
}
