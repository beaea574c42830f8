using System.Text.Json;
using AetherSegment.BigQuery.Tests.Fake;
using AetherSegment.Cli;
using AetherSegment.Tests;

namespace AetherSegment.BigQuery.Tests.Cost;

/// <summary><c>aether bigquery estimate</c> against the DuckDB-backed fake BigQuery holding a generated retailer.</summary>
[Collection(EnvironmentCollection.Name)]
public sealed class EstimateCommandTests
{
    /// <summary>Runs <c>aether</c> in-process with the BigQuery settings pointing at a fake endpoint.</summary>
    internal static async Task<(int Exit, string Stdout, string Stderr)> RunAsync(string endpoint, params string[] args)
    {
        Environment.SetEnvironmentVariable("AetherSegment__BigQuery__ProjectId", "proj");
        Environment.SetEnvironmentVariable("AetherSegment__BigQuery__Dataset", "cdp");
        Environment.SetEnvironmentVariable("AetherSegment__BigQuery__Endpoint", endpoint);
        Environment.SetEnvironmentVariable("AetherSegment__BigQuery__AccessToken", "test-token");
        try
        {
            using StringWriter stdout = new();
            using StringWriter stderr = new();
            int exit = await AetherCli.RunAsync(args, stdout, stderr);
            return (exit, stdout.ToString(), stderr.ToString());
        }
        finally
        {
            foreach (string key in new[] { "ProjectId", "Dataset", "Endpoint", "AccessToken" })
            {
                Environment.SetEnvironmentVariable("AetherSegment__BigQuery__" + key, null);
            }
        }
    }

    [Fact]
    public async Task Estimate_ExampleObjectives_DryRunsEveryStatementAndPricesEachCall()
    {
        using DuckDbBigQuery warehouse = new(await GeneratedWarehouse.CopyAsync(2_000));
        await using FakeBigQueryServer server = new(warehouse.Handle);

        (int exit, string stdout, string stderr) = await RunAsync(server.Endpoint, "bigquery", "estimate", "--store", "bigquery",
            "--objectives", TestPaths.ExampleObjectives, "--price-per-tib", "6.25");

        Assert.True(exit == 0, stderr);
        Assert.DoesNotContain(server.All, r => !r.IsDryRun && r.Method == "POST");
        JsonElement report = JsonDocument.Parse(stdout).RootElement;
        Assert.Equal(6.25, report.GetProperty("price_per_tib_usd").GetDouble());
        JsonElement[] calls = [.. report.GetProperty("calls").EnumerateArray()];
        int objectives = File.ReadLines(TestPaths.ExampleObjectives).Count(l => l.Trim().Length > 0);
        foreach (string call in new[] { "segment create", "preview", "ranking" })
        {
            Assert.Equal(objectives, calls.Count(c => c.GetProperty("call").GetString() == call));
        }

        Assert.Equal(5, calls.Count(c => c.GetProperty("call").GetString() == "analytics"));
        int statements = 0;
        foreach (JsonElement call in calls)
        {
            foreach (JsonElement statement in call.GetProperty("detail").EnumerateArray())
            {
                statements++;
                long billed = statement.GetProperty("bytes_billed").GetInt64();
                int tables = statement.GetProperty("referenced_tables").GetArrayLength();
                Assert.Equal(BigQueryQueryCost.BilledBytes(statement.GetProperty("bytes_processed").GetInt64(), tables), billed);
                Assert.True(billed >= 10L << 20);
                Assert.Equal(billed / (double)(1L << 40) * 6.25, statement.GetProperty("cost_usd").GetDouble(), 12);
            }
        }

        // Every dry run the fake answered is in the report, and ranking reads campaign_history and the customer tables.
        Assert.Equal(warehouse.DryRuns.Count, statements);
        JsonElement ranking = calls.First(c => c.GetProperty("call").GetString() == "ranking");
        Assert.Contains(ranking.GetProperty("detail").EnumerateArray().SelectMany(s => s.GetProperty("referenced_tables").EnumerateArray()),
            t => t.GetString() == "cdp.campaign_history");
        Assert.True(ranking.GetProperty("bytes_processed").GetInt64() > 0);
    }

    [Theory]
    [InlineData("--price-per-tib", "-1")]
    [InlineData("--objectives", "/no/such/file.jsonl")]
    [InlineData("--price-per-tib", "6.25")]
    public async Task Estimate_BadInput_ExitsTwoWithOneLine(string option, string value)
    {
        using DuckDbBigQuery warehouse = new();
        await using FakeBigQueryServer server = new(warehouse.Handle);

        (int exit, string stdout, string stderr) = await RunAsync(server.Endpoint, "bigquery", "estimate", "--store", "bigquery", option, value);

        Assert.Equal(2, exit);
        Assert.Equal("", stdout);
        Assert.Single(stderr.Trim().Split('\n'));
        Assert.StartsWith("aether: ", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Estimate_OnTheEmbeddedStore_ExitsTwoSayingItNeedsBigQuery()
    {
        (int exit, _, string stderr) = await RunAsync("http://127.0.0.1:9", "bigquery", "estimate", "--store", "duckdb", "--db", Path.Combine(TestPaths.NewTempDirectory(), "x.duckdb"), "--objective", "Win back lapsed customers");

        Assert.Equal(2, exit);
        Assert.Contains("--store bigquery", stderr, StringComparison.Ordinal);
    }
}

/// <summary>Tests that set process environment variables run one at a time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class EnvironmentCollection
{
    public const string Name = "environment";
}
