using AetherSegment.Analytics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using AetherSegment.Synthetic.Profiles;

namespace AetherSegment.BigQuery.Tests.Analytics;

/// <summary>
/// Language-model SQL on BigQuery: a dry-run job (jobs.insert) must show only the analytics tables of the configured
/// dataset and bytes under the guard, or the statement never runs. Against the fake BigQuery server on loopback.
/// </summary>
public sealed class BigQueryModelSqlTests
{
    private sealed class FakeWriter(string sql) : IAnalyticsSqlWriter
    {
        public Task<string?> WriteSqlAsync(AnalyticsSqlRequest request, CancellationToken cancellationToken = default) => Task.FromResult<string?>(sql);
    }

    private static FakeReply DryRunJob(long bytes, params (string Project, string Dataset, string Table)[] tables) => FakeReply.Json(new
    {
        kind = "bigquery#job",
        status = new { state = "DONE" },
        statistics = new
        {
            totalBytesProcessed = bytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
            query = new
            {
                totalBytesProcessed = bytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
                referencedTables = tables.Select(t => new { projectId = t.Project, datasetId = t.Dataset, tableId = t.Table }).ToArray(),
            },
        },
    });

    private static bool IsModelSql(FakeRequest request) =>
        request.Body?["configuration"]?["query"]?["query"]?.GetValue<string>()?.Contains("guarded_result", StringComparison.Ordinal) == true;

    private static FakeReply Rows() => FakeReply.Json(new
    {
        jobReference = new { projectId = "proj", jobId = "job_1", location = "US" },
        jobComplete = true,
        totalRows = "1",
        schema = new { fields = new[] { new { name = "country", type = "STRING", mode = "NULLABLE" }, new { name = "customers", type = "INTEGER", mode = "NULLABLE" } } },
        rows = new[] { new { f = new[] { new { v = "Canada" }, new { v = "7" } } } },
    });

    private static ServiceProvider Build(FakeBigQueryServer server, string sql)
    {
        ServiceCollection services = new();
        services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        services.AddAetherSegment().UseProfile(HomeFurnishingProfile.Load()).AddBigQuery(o =>
        {
            o.ProjectId = "proj";
            o.Dataset = "cdp";
            o.Endpoint = server.Endpoint;
            o.AccessToken = "test-token";
        });
        services.Configure<AnalyticsOptions>(o => o.AsOfFromData = false);
        services.AddSingleton<IAnalyticsSqlWriter>(new FakeWriter(sql));
        return services.BuildServiceProvider();
    }

    [Theory]
    [InlineData("proj", "cdp", "ground_truth_uplift", 100L, "ground_truth_uplift")]
    [InlineData("other", "secrets", "customers", 100L, "other.secrets.customers")]
    [InlineData("proj", "cdp", "customers", 5_000_000_000L, "over the limit")]
    public async Task ModelSql_DryRunShowsAnotherTableOrTooManyBytes_NeverRuns(string project, string dataset, string table, long bytes, string reason)
    {
        // Only the model's statement (wrapped as guarded_result) reads the hostile table or bytes; any other query is
        // dry-run too (every query is, as jobs.insert) and is small. The rules decline "roughly speaking", so the model is asked.
        await using FakeBigQueryServer server = new(request => request.Path.EndsWith("/jobs", StringComparison.Ordinal)
            ? IsModelSql(request)
                ? DryRunJob(bytes, ("proj", "cdp", "customers"), (project, dataset, table))
                : DryRunJob(10, ("proj", "cdp", "customers"))
            : request.IsDryRun ? FakeReply.DryRun(10) : Rows());
        using ServiceProvider services = Build(server, "SELECT country, COUNT(*) AS customers FROM customers GROUP BY country");

        AnalyticsAnswer answer = await services.GetRequiredService<IAnalyticsService>().AskAsync("customers by country, roughly speaking");

        Assert.Null(answer.Source);
        Assert.Contains(answer.Warnings, w => w.Contains("refused", StringComparison.Ordinal) && w.Contains(reason, StringComparison.Ordinal));
        FakeRequest dryRun = Assert.Single(server.All, r => r.Path.EndsWith("/jobs", StringComparison.Ordinal) && IsModelSql(r));
        Assert.True(dryRun.Body?["configuration"]?["dryRun"]?.GetValue<bool>());
        Assert.Contains("guarded_result", dryRun.Body?["configuration"]?["query"]?["query"]?.GetValue<string>(), StringComparison.Ordinal);
        // Only dry runs (jobs.insert) ever saw the model's statement: no query ran it.
        Assert.DoesNotContain(server.All, r => !r.Path.EndsWith("/jobs", StringComparison.Ordinal) && r.Sql?.Contains("guarded_result", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task ModelSql_DryRunShowsOnlyAnalyticsTables_Runs()
    {
        await using FakeBigQueryServer server = new(request => request.Path.EndsWith("/jobs", StringComparison.Ordinal)
            ? DryRunJob(2048, ("proj", "cdp", "customers"))
            : request.IsDryRun ? FakeReply.DryRun(2048) : Rows());
        using ServiceProvider services = Build(server, "SELECT country, COUNT(*) AS customers FROM customers GROUP BY country");

        AnalyticsAnswer answer = await services.GetRequiredService<IAnalyticsService>().AskAsync("customers by country, roughly speaking");

        Assert.Equal(AnalyticsAnswerSource.LanguageModel, answer.Source);
        Assert.Equal("Canada", answer.Rows[0]["country"]);
        Assert.Contains(server.All, r => !r.IsDryRun && r.Sql?.Contains("guarded_result", StringComparison.Ordinal) == true);
    }
}
