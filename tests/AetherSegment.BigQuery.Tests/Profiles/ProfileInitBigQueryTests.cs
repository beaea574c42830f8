using System.Text.Json.Nodes;
using AetherSegment.BigQuery.Tests.Cost;
using AetherSegment.BigQuery.Tests.Fake;
using AetherSegment.BigQuery.Tests.Uplift;

namespace AetherSegment.BigQuery.Tests.Profiles;

/// <summary>
/// <c>aether profile init --store bigquery</c> introspects the dataset through the REST client
/// (<c>INFORMATION_SCHEMA.COLUMNS</c>, then counts and distinct values, each behind the dry-run guard) and drafts the
/// same profile as from the DuckDB file holding the same tables; its statements parse as GoogleSQL.
/// </summary>
[Collection(EnvironmentCollection.Name)]
public sealed class ProfileInitBigQueryTests
{
    [Fact]
    public async Task Init_OnBigQuery_DraftsWhatTheSameTablesGiveInDuckDB()
    {
        JsonObject fromDuckDB = await RunAsync("http://127.0.0.1:9", "profile", "init", "--db", await GeneratedWarehouse.CopyAsync(2_000));
        using DuckDbBigQuery warehouse = new(await GeneratedWarehouse.CopyAsync(2_000));
        await using FakeBigQueryServer server = new(warehouse.Handle);

        JsonObject fromBigQuery = await RunAsync(server.Endpoint, "profile", "init", "--store", "bigquery");

        Assert.Equal("cdp", (string?)fromBigQuery["name"]);
        JsonObject entities = fromBigQuery["entities"]!.AsObject();
        Assert.Equal(["customers", "orders", "events", "carts", "campaign_sends", "scores"], entities.Select(e => e.Key));
        // The only difference: a keyword column is quoted the GoogleSQL way.
        Assert.Equal("`group`", (string?)entities["campaign_sends"]!["columns"]!["arm"]);
        entities["campaign_sends"]!["columns"]!["arm"] = "\"group\"";
        Assert.True(JsonNode.DeepEquals(fromDuckDB["entities"], entities), entities.ToJsonString());
        Assert.True(JsonNode.DeepEquals(fromDuckDB["attributes"], fromBigQuery["attributes"]), fromBigQuery["attributes"]!.ToJsonString());
        Assert.True(JsonNode.DeepEquals(fromDuckDB["catalog"], fromBigQuery["catalog"]), fromBigQuery["catalog"]!.ToJsonString());
        Assert.True(JsonNode.DeepEquals(fromDuckDB["triggers"], fromBigQuery["triggers"]), fromBigQuery["triggers"]!.ToJsonString());
        Assert.Equal(10, fromBigQuery["catalog"]!["taxonomy"]!["values"]!.AsArray().Count);
        Assert.Contains(warehouse.DryRuns, sql => sql.Contains("INFORMATION_SCHEMA.COLUMNS", StringComparison.Ordinal));
        // Every statement init sent is GoogleSQL to an independent parser, not just to the DuckDB-backed fake.
        await ExactSqlScoringTests.AssertParsesAsGoogleSqlAsync([.. warehouse.DryRuns]);
    }

    private static async Task<JsonObject> RunAsync(string endpoint, params string[] args)
    {
        (int exit, string stdout, string stderr) = await EstimateCommandTests.RunAsync(endpoint, args);
        Assert.True(exit == 0, stderr);
        return JsonNode.Parse(stdout)!.AsObject();
    }
}
