using AetherSegment.Analytics;
using AetherSegment.Data;
using AetherSegment.DuckDB;
using Microsoft.Extensions.DependencyInjection;

namespace AetherSegment.Cli.Tests.Analytics;

/// <summary>SQL proposed by a (fake) language model, run through the guard against the real DuckDB fixture.</summary>
public sealed class LanguageModelSqlTests(AnalyticsDatabase database) : IClassFixture<AnalyticsDatabase>
{
    private sealed class FakeWriter(Func<AnalyticsSqlRequest, CancellationToken, Task<string?>> write) : IAnalyticsSqlWriter
    {
        public Task<string?> WriteSqlAsync(AnalyticsSqlRequest request, CancellationToken cancellationToken = default) => write(request, cancellationToken);
    }

    private ServiceProvider Build(Func<AnalyticsSqlRequest, CancellationToken, Task<string?>> write, Action<AnalyticsOptions>? options = null) =>
        AnalyticsServiceTests.BuildServices(database.Path, services =>
        {
            services.AddSingleton<IAnalyticsSqlWriter>(new FakeWriter(write));
            if (options is not null)
            {
                services.Configure(options);
            }
        });

    [Fact]
    public async Task GoodSql_RunsOnDuckDB_AndMatchesTheSameQueryRunDirectly()
    {
        const string Sql = """
            WITH treated AS (
                SELECT campaign_name, AVG(CASE WHEN converted THEN 1.0 ELSE 0.0 END) AS rate
                FROM campaign_history WHERE "group" = 'treatment' GROUP BY campaign_name)
            SELECT campaign_name, ROUND(rate, 4) AS treated_rate FROM treated ORDER BY campaign_name
            """;
        using ServiceProvider services = Build((_, _) => Task.FromResult<string?>(Sql));

        AnalyticsAnswer answer = await services.GetRequiredService<IAnalyticsService>().AskAsync("treatment conversion rate per campaign, roughly speaking");
        QueryResult direct = await new DuckDBDataStore(database.Path).QueryAsync(new SqlStatement(Sql));

        Assert.Equal(AnalyticsAnswerSource.LanguageModel, answer.Source);
        Assert.Equal(direct.Rows.Count, answer.Rows.Count);
        for (int i = 0; i < direct.Rows.Count; i++)
        {
            Assert.Equal(direct.Rows[i][0], answer.Rows[i]["campaign_name"]);
            Assert.Equal(direct.Rows[i][1], answer.Rows[i]["treated_rate"]);
        }

        Assert.Equal(ChartType.Bar, answer.Chart?.Type);
    }

    [Fact]
    public async Task AQuestionTheRulesAnswer_NeverReachesTheWriter()
    {
        int calls = 0;
        using ServiceProvider services = Build((_, _) =>
        {
            Interlocked.Increment(ref calls);
            return Task.FromResult<string?>("SELECT COUNT(*) AS n FROM customers");
        });

        AnalyticsAnswer answer = await services.GetRequiredService<IAnalyticsService>().AskAsync("average clv by country");

        Assert.Equal(0, calls);
        Assert.Equal(AnalyticsAnswerSource.Rules, answer.Source);
        Assert.Equal(4, answer.Rows.Count);
        Assert.Empty(answer.Warnings);
    }

    [Fact]
    public async Task GoodSql_IsCutToTheRowLimit()
    {
        using ServiceProvider services = Build((_, _) => Task.FromResult<string?>("SELECT customer_id, clv_score FROM customers ORDER BY clv_score DESC"), o => o.MaxRows = 7);

        AnalyticsAnswer answer = await services.GetRequiredService<IAnalyticsService>().AskAsync("best customers by clv, roughly speaking");

        Assert.Equal(7, answer.Rows.Count);
        Assert.Equal(AnalyticsAnswerSource.LanguageModel, answer.Source);
    }

    [Fact]
    public async Task ModelGetsTheDataAsOfAndTheStoreDialect()
    {
        AnalyticsSqlRequest? seen = null;
        using ServiceProvider services = Build((request, _) =>
        {
            seen = request;
            return Task.FromResult<string?>("SELECT COUNT(*) AS n FROM customers");
        });

        await services.GetRequiredService<IAnalyticsService>().AskAsync("how many customers, roughly speaking");

        Assert.NotNull(seen);
        Assert.Equal(AnalyticsDatabase.AsOf, seen.AsOf);
        Assert.Equal(SqlDialect.DuckDB, seen.Dialect);
    }

    [Fact]
    public async Task PersonalDataSql_IsRefused_AndTheQuestionStaysDeclined()
    {
        using ServiceProvider services = Build((_, _) => Task.FromResult<string?>("SELECT email, clv_score FROM customers ORDER BY clv_score DESC"));

        AnalyticsAnswer answer = await services.GetRequiredService<IAnalyticsService>().AskAsync("average clv by country, roughly speaking");

        Assert.Null(answer.Source);
        Assert.Equal(AnalyticsAnswerStatus.Unanswerable, answer.Status);
        Assert.DoesNotContain(answer.Rows, r => r.Values.Any(v => v is string s && s.Contains('@', StringComparison.Ordinal)));
        Assert.Contains("personal data", Assert.Single(answer.Warnings), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SlowModel_TimesOut_AndTheQuestionStaysDeclined()
    {
        using ServiceProvider services = Build(async (_, token) =>
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, token);
            return "SELECT 1";
        }, o => o.LanguageModelTimeout = TimeSpan.FromMilliseconds(200));

        AnalyticsAnswer answer = await services.GetRequiredService<IAnalyticsService>().AskAsync("orders by category, roughly speaking");

        Assert.Null(answer.Source);
        Assert.Equal(AnalyticsAnswerStatus.Unanswerable, answer.Status);
        Assert.Contains("did not answer", Assert.Single(answer.Warnings), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SqlTheStoreRejects_LeavesTheQuestionDeclined()
    {
        using ServiceProvider services = Build((_, _) => Task.FromResult<string?>("SELECT customer_id FROM customers GROUP BY country"));

        AnalyticsAnswer answer = await services.GetRequiredService<IAnalyticsService>().AskAsync("customers by country, roughly speaking");

        Assert.Null(answer.Source);
        Assert.Equal(AnalyticsAnswerStatus.Unanswerable, answer.Status);
        Assert.Contains("failed in the store", Assert.Single(answer.Warnings), StringComparison.Ordinal);
    }
}
