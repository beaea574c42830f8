using System.Text.Json.Nodes;
using AetherSegment.BigQuery.Loading;
using AetherSegment.BigQuery.Rest;
using AetherSegment.Data;
using AetherSegment.DataModel;

namespace AetherSegment.BigQuery.Tests.Loading;

public sealed class BigQueryDataSinkTests
{
    [Fact]
    public async Task Load_CreatesDatasetAndTablesWithTheSchemaAndStreamsRowsInBatches()
    {
        await using FakeBigQueryServer server = new(request => request switch
        {
            { Method: "GET", Path: "/bigquery/v2/projects/proj/datasets/cdp" } => FakeReply.Error(404, "notFound", "Not found: Dataset proj:cdp"),
            { Method: "GET" } => FakeReply.Error(404, "notFound", "Not found: Table"),
            { Method: "DELETE" } => FakeReply.Error(404, "notFound", "Not found: Table"),
            _ => FakeReply.Json(new { kind = "ok" }),
        });
        using BigQueryRestClient client = server.CreateClient();
        BigQueryDataSinkFactory factory = new(client);

        await using (IDataSink sink = await factory.CreateAsync(replaceExisting: false))
        {
            ITableWriter writer = await sink.OpenTableAsync(DataSchema.Customers);
            for (int i = 0; i < BigQueryTableWriter.BatchRows + 1; i++)
            {
                writer.StartRow();
                writer.Write($"C{i}");
                writer.Write("Ada");
                writer.Write("Lovelace");
                writer.Write($"c{i}@example.com");
                writer.Write("London");
                writer.Write("United Kingdom");
                writer.Write(0.5);
                writer.Write("referral");
                writer.Write(new DateTime(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc));
                writer.EndRow();
            }

            await sink.CompleteAsync();
        }

        IReadOnlyList<FakeRequest> requests = server.All;
        FakeRequest dataset = Assert.Single(requests, r => r.Method == "POST" && r.Path == "/bigquery/v2/projects/proj/datasets");
        Assert.Equal("cdp", dataset.Body!["datasetReference"]!["datasetId"]!.GetValue<string>());
        Assert.Equal("US", dataset.Body!["location"]!.GetValue<string>());
        FakeRequest table = Assert.Single(requests, r => r.Method == "POST" && r.Path == "/bigquery/v2/projects/proj/datasets/cdp/tables");
        JsonArray fields = table.Body!["schema"]!["fields"]!.AsArray();
        Assert.Equal(DataSchema.Customers.Columns.Select(c => c.Name), fields.Select(f => f!["name"]!.GetValue<string>()));
        Assert.Equal("FLOAT64", fields[6]!["type"]!.GetValue<string>());
        Assert.Equal("TIMESTAMP", fields[8]!["type"]!.GetValue<string>());
        FakeRequest[] inserts = [.. requests.Where(r => r.Path.EndsWith("/tables/customers/insertAll", StringComparison.Ordinal))];
        Assert.Equal(2, inserts.Length);
        Assert.Equal(BigQueryTableWriter.BatchRows, inserts[0].Body!["rows"]!.AsArray().Count);
        JsonNode first = inserts[0].Body!["rows"]![0]!["json"]!;
        Assert.Equal("C0", first["customer_id"]!.GetValue<string>());
        Assert.Equal("2026-01-02 03:04:05.000000+00:00", first["created_at"]!.GetValue<string>());
        Assert.All(requests, r => Assert.Equal("Bearer test-token", r.Authorization));
    }

    [Fact]
    public async Task Create_ExistingDataSetWithoutForce_IsRefusedNamingForce()
    {
        await using FakeBigQueryServer server = new(_ => FakeReply.Json(new { kind = "bigquery#table" }));
        using BigQueryRestClient client = server.CreateClient();

        AetherSegmentInputException error = await Assert.ThrowsAsync<AetherSegmentInputException>(async () => await new BigQueryDataSinkFactory(client).CreateAsync(replaceExisting: false));

        Assert.Contains("--force", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dispose_WithoutComplete_DropsTheTablesOfTheAbandonedLoad()
    {
        await using FakeBigQueryServer server = new(request => request.Method == "GET" ? FakeReply.Error(404, "notFound", "Not found") : FakeReply.Json(new { kind = "ok" }));
        using BigQueryRestClient client = server.CreateClient();

        await using (IDataSink sink = await new BigQueryDataSinkFactory(client).CreateAsync(replaceExisting: true))
        {
            await sink.OpenTableAsync(DataSchema.CustomerScores);
        }

        Assert.Equal(2, server.All.Count(r => r.Method == "DELETE" && r.Path.EndsWith("/tables/customer_scores", StringComparison.Ordinal)));
    }
}
