using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using AetherSegment.BigQuery.Tests.Fake;
using AetherSegment.Cli;
using AetherSegment.Tests;
using Xunit.Abstractions;

namespace AetherSegment.BigQuery.Tests.Cost;

/// <summary>
/// The scale model of docs/bigquery.md: <c>aether bigquery estimate</c> over the example objectives on generated
/// retailers, with the fake's model of BigQuery's byte accounting. By default it runs at 10,000 customers; set
/// AETHER_BQ_SCALE_CUSTOMERS (comma-separated) to measure other sizes and AETHER_BQ_SCALE_OUT to a file to append one
/// JSON line of figures per size.
/// </summary>
[Collection(EnvironmentCollection.Name)]
public sealed class ScaleModelTests(ITestOutputHelper output)
{
    private static readonly long DefaultGuard = new BigQueryOptions().MaximumBytesBilled;

    [Fact]
    public async Task Estimate_AtGeneratedSizes_EveryStatementOfAnAnalyzeStaysUnderTheDefaultGuard()
    {
        string sizes = Environment.GetEnvironmentVariable("AETHER_BQ_SCALE_CUSTOMERS") ?? "10000";
        foreach (long customers in sizes.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(s => long.Parse(s, CultureInfo.InvariantCulture)))
        {
            string path = customers <= 10_000 ? await GeneratedWarehouse.CopyAsync(customers) : await GeneratedWarehouse.GenerateAsync(customers);
            JsonObject figures = await MeasureAsync(customers, path);
            output.WriteLine(figures.ToJsonString());
            if (Environment.GetEnvironmentVariable("AETHER_BQ_SCALE_OUT") is { Length: > 0 } file)
            {
                await File.AppendAllTextAsync(file, figures.ToJsonString() + "\n");
            }

            // An analyze is a preview and a ranking: each of their statements must pass the default guard.
            Assert.True(figures["max_statement_billed"]!["preview"]!.GetValue<long>() <= DefaultGuard, figures.ToJsonString());
            Assert.True(figures["max_statement_billed"]!["ranking"]!.GetValue<long>() <= DefaultGuard, figures.ToJsonString());
            if (customers > 10_000)
            {
                File.Delete(path);
            }
        }
    }

    private static async Task<JsonObject> MeasureAsync(long customers, string path)
    {
        using DuckDbBigQuery warehouse = new(path);
        await using FakeBigQueryServer server = new(warehouse.Handle);
        Environment.SetEnvironmentVariable("AetherSegment__BigQuery__ProjectId", "proj");
        Environment.SetEnvironmentVariable("AetherSegment__BigQuery__Dataset", "cdp");
        Environment.SetEnvironmentVariable("AetherSegment__BigQuery__Endpoint", server.Endpoint);
        Environment.SetEnvironmentVariable("AetherSegment__BigQuery__AccessToken", "test-token");
        string stdout;
        try
        {
            using StringWriter writer = new();
            using StringWriter error = new();
            int exit = await AetherCli.RunAsync(["bigquery", "estimate", "--store", "bigquery", "--objectives", TestPaths.ExampleObjectives], writer, error);
            Assert.True(exit == 0, error.ToString());
            stdout = writer.ToString();
        }
        finally
        {
            foreach (string key in new[] { "ProjectId", "Dataset", "Endpoint", "AccessToken" })
            {
                Environment.SetEnvironmentVariable("AetherSegment__BigQuery__" + key, null);
            }
        }

        JsonElement report = JsonDocument.Parse(stdout).RootElement;
        JsonObject perCall = [], perStatement = [], processed = [], statements = [];
        foreach (JsonElement call in report.GetProperty("calls").EnumerateArray())
        {
            string kind = call.GetProperty("call").GetString()!;
            Max(perCall, kind, call.GetProperty("bytes_billed").GetInt64());
            Max(processed, kind, call.GetProperty("bytes_processed").GetInt64());
            int index = 0;
            foreach (JsonElement statement in call.GetProperty("detail").EnumerateArray())
            {
                Max(perStatement, kind, statement.GetProperty("bytes_billed").GetInt64());
                string sql = statement.GetProperty("sql").GetString()!;
                string key = $"{kind} #{++index}: {sql[..Math.Min(40, sql.Length)]}";
                Max(statements, key, statement.GetProperty("bytes_processed").GetInt64());
            }
        }

        JsonObject rows = [];
        foreach (string table in warehouse.Tables.Keys.Order(StringComparer.Ordinal))
        {
            rows[table] = warehouse.RowCount(table);
        }

        return new JsonObject
        {
            ["customers"] = customers,
            ["rows"] = rows,
            ["max_call_processed"] = processed,
            ["max_call_billed"] = perCall,
            ["max_statement_billed"] = perStatement,
            ["max_statement_processed"] = statements,
        };
    }

    private static void Max(JsonObject into, string key, long value)
    {
        if (into[key] is null || into[key]!.GetValue<long>() < value)
        {
            into[key] = value;
        }
    }
}
