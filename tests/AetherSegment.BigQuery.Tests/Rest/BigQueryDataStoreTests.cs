using System.Text.Json.Nodes;
using AetherSegment.BigQuery.Rest;
using AetherSegment.BigQuery.Store;
using AetherSegment.Data;

namespace AetherSegment.BigQuery.Tests.Rest;

public sealed class BigQueryDataStoreTests
{
    private static (BigQueryDataStore Store, BigQueryRestClient Client) Create(FakeBigQueryServer server, long guard = 1L << 30, string location = "US")
    {
        BigQueryOptions options = new()
        {
            ProjectId = "proj",
            Dataset = "cdp",
            Location = location,
            Endpoint = server.Endpoint,
            AccessToken = "test-token",
            MaximumBytesBilled = guard,
            RetryBaseDelay = TimeSpan.FromMilliseconds(5),
        };
        BigQueryRestClient client = new(options, TimeProvider.System);
        return (new BigQueryDataStore(client), client);
    }

    private static object Schema(params (string Name, string Type)[] fields) =>
        new { fields = fields.Select(f => new { name = f.Name, type = f.Type, mode = "NULLABLE" }).ToArray() };

    private static object Row(params string?[] values) => new { f = values.Select(v => new { v }).ToArray() };

    [Fact]
    public async Task Query_SendsDryRunThenTypedNamedParametersAndConvertsRows()
    {
        await using FakeBigQueryServer server = new(request => request.IsDryRun
            ? FakeReply.DryRun(2048)
            : FakeReply.Json(new
            {
                jobReference = new { projectId = "proj", jobId = "job_1", location = "US" },
                jobComplete = true,
                totalRows = "2",
                schema = Schema(("id", "STRING"), ("n", "INTEGER"), ("x", "FLOAT"), ("b", "BOOLEAN"), ("t", "TIMESTAMP")),
                rows = new[] { Row("C1", "42", "0.5", "true", "1.7198208E9"), Row("C2", null, "1.25", "false", "1719820800.123456") },
            }));
        (BigQueryDataStore store, BigQueryRestClient client) = Create(server);
        using BigQueryRestClient _ = client;

        QueryResult result = await store.QueryAsync(new SqlStatement("SELECT id FROM customers WHERE country IN UNNEST(@countries)",
        [
            QueryParameter.StringArray("countries", ["Canada", "United Kingdom"]),
            QueryParameter.String("city", "London"),
            QueryParameter.Int64("limit", 5),
            QueryParameter.Float64("clv", 0.7),
            QueryParameter.Bool("flag", true),
            QueryParameter.Timestamp("as_of", new DateTimeOffset(2026, 6, 30, 12, 0, 0, TimeSpan.Zero)),
        ]));

        Assert.Equal(["id", "n", "x", "b", "t"], result.Columns);
        Assert.Equal(["C1", 42L, 0.5, true, new DateTimeOffset(2024, 7, 1, 8, 0, 0, TimeSpan.Zero)], result.Rows[0]);
        Assert.Null(result.Rows[1][1]);
        Assert.Equal(new DateTimeOffset(2024, 7, 1, 8, 0, 0, TimeSpan.Zero).AddTicks(1234560), result.Rows[1][4]);

        IReadOnlyList<FakeRequest> requests = server.All;
        Assert.Equal(2, requests.Count);
        Assert.True(requests[0].IsDryRun);
        Assert.False(requests[1].IsDryRun);
        Assert.Equal("/bigquery/v2/projects/proj/jobs", requests[0].Path);
        Assert.Equal("US", requests[0].Body!["jobReference"]!["location"]!.GetValue<string>());
        Assert.Equal("/bigquery/v2/projects/proj/queries", requests[1].Path);
        Assert.Equal("US", requests[1].Body!["location"]!.GetValue<string>());
        foreach (FakeRequest request in requests)
        {
            Assert.Equal("POST", request.Method);
            Assert.Equal("Bearer test-token", request.Authorization);
            JsonNode body = request.QueryBody!;
            Assert.False(body["useLegacySql"]!.GetValue<bool>());
            Assert.Equal("NAMED", body["parameterMode"]!.GetValue<string>());
            Assert.Equal("1073741824", body["maximumBytesBilled"]!.GetValue<string>());
            Assert.Equal("proj", body["defaultDataset"]!["projectId"]!.GetValue<string>());
            Assert.Equal("cdp", body["defaultDataset"]!["datasetId"]!.GetValue<string>());
            JsonArray parameters = body["queryParameters"]!.AsArray();
            Assert.Equal(["ARRAY", "STRING", "INT64", "FLOAT64", "BOOL", "TIMESTAMP"], parameters.Select(p => p!["parameterType"]!["type"]!.GetValue<string>()));
            Assert.Equal("STRING", parameters[0]!["parameterType"]!["arrayType"]!["type"]!.GetValue<string>());
            Assert.Equal(["Canada", "United Kingdom"], parameters[0]!["parameterValue"]!["arrayValues"]!.AsArray().Select(v => v!["value"]!.GetValue<string>()));
            Assert.Equal("5", parameters[2]!["parameterValue"]!["value"]!.GetValue<string>());
            Assert.Equal("true", parameters[4]!["parameterValue"]!["value"]!.GetValue<string>());
            Assert.Equal("2026-06-30 12:00:00.000000+00:00", parameters[5]!["parameterValue"]!["value"]!.GetValue<string>());
        }
    }

    [Fact]
    public async Task Query_WaitsForTheJobAndPagesThroughGetQueryResults()
    {
        int pages = 0;
        await using FakeBigQueryServer server = new(request =>
        {
            if (request.IsDryRun)
            {
                return FakeReply.DryRun(100);
            }

            if (request.Method == "POST")
            {
                return FakeReply.Json(new { jobReference = new { projectId = "proj", jobId = "job_9", location = "EU" }, jobComplete = false });
            }

            pages++;
            return request.QueryValue("pageToken") switch
            {
                null when pages == 1 => FakeReply.Json(new { jobReference = new { jobId = "job_9" }, jobComplete = false }),
                null => FakeReply.Json(new { jobComplete = true, schema = Schema(("id", "STRING")), rows = new[] { Row("C1"), Row("C2") }, pageToken = "p2" }),
                "p2" => FakeReply.Json(new { jobComplete = true, schema = Schema(("id", "STRING")), rows = new[] { Row("C3") }, pageToken = "p3" }),
                "p3" => FakeReply.Json(new { jobComplete = true, schema = Schema(("id", "STRING")), rows = new[] { Row("C4") } }),
                _ => FakeReply.Error(400, "invalid", "unknown page token"),
            };
        });
        (BigQueryDataStore store, BigQueryRestClient client) = Create(server, location: "EU");
        using BigQueryRestClient _ = client;

        List<string> ids = [];
        await foreach (object?[] row in store.StreamAsync(new SqlStatement("SELECT id FROM customers")))
        {
            ids.Add((string)row[0]!);
        }

        Assert.Equal(["C1", "C2", "C3", "C4"], ids);
        FakeRequest[] gets = [.. server.All.Where(r => r.Method == "GET")];
        Assert.Equal(4, gets.Length);
        Assert.All(gets, g => Assert.Equal("/bigquery/v2/projects/proj/queries/job_9", g.Path));
        Assert.All(gets, g => Assert.Equal("EU", g.QueryValue("location")));
        Assert.All(gets, g => Assert.Equal("Bearer test-token", g.Authorization));
        Assert.Equal([null, null, "p2", "p3"], gets.Select(g => g.QueryValue("pageToken")));
    }

    [Fact]
    public async Task Query_OverTheCostGuard_IsRefusedAfterTheDryRunWithoutRunning()
    {
        await using FakeBigQueryServer server = new(request => request.IsDryRun
            ? FakeReply.DryRun(5_000_000_000)
            : throw new InvalidOperationException("the query must not run"));
        (BigQueryDataStore store, BigQueryRestClient client) = Create(server, guard: 1_000_000);
        using BigQueryRestClient _ = client;

        DataStoreException error = await Assert.ThrowsAsync<DataStoreException>(() => store.QueryAsync(new SqlStatement("SELECT * FROM behavioral_events")));

        Assert.Contains("5,000,000,000 bytes", error.Message, StringComparison.Ordinal);
        Assert.Contains("AetherSegment:BigQuery:MaximumBytesBilled", error.Message, StringComparison.Ordinal);
        Assert.Contains("not run", error.Message, StringComparison.Ordinal);
        Assert.True(Assert.Single(server.All).IsDryRun);
    }

    [Fact]
    public async Task Query_BytesBilledLimitExceeded_SaysTheGuardStoppedIt()
    {
        await using FakeBigQueryServer server = new(request => request.IsDryRun
            ? FakeReply.DryRun(10)
            : FakeReply.Error(400, "bytesBilledLimitExceeded", "Query exceeded limit for bytes billed: 15728640. 20971520 or higher required."));
        (BigQueryDataStore store, BigQueryRestClient client) = Create(server, guard: 15 << 20);
        using BigQueryRestClient _ = client;

        DataStoreException error = await Assert.ThrowsAsync<DataStoreException>(() => store.QueryAsync(new SqlStatement("SELECT 1")));

        Assert.Contains("cost guard AetherSegment:BigQuery:MaximumBytesBilled", error.Message, StringComparison.Ordinal);
        Assert.Contains("Query exceeded limit for bytes billed", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, server.All.Count);
    }

    [Fact]
    public async Task Query_RetriesOn429And5xxAndRateLimitReasons_ThenSucceeds()
    {
        int calls = 0;
        await using FakeBigQueryServer server = new(request => ++calls switch
        {
            1 => FakeReply.Error(429, "rateLimitExceeded", "Exceeded rate limits: too many api requests per user per method."),
            2 => FakeReply.Error(503, "backendError", "Backend error. Job aborted."),
            3 => FakeReply.Error(403, "rateLimitExceeded", "Exceeded rate limits."),
            4 => FakeReply.DryRun(10),
            _ => FakeReply.Json(new { jobReference = new { jobId = "j" }, jobComplete = true, schema = Schema(("n", "INT64")), rows = new[] { Row("7") } }),
        });
        (BigQueryDataStore store, BigQueryRestClient client) = Create(server);
        using BigQueryRestClient _ = client;

        QueryResult result = await store.QueryAsync(new SqlStatement("SELECT 7 AS n"));

        Assert.Equal(7L, result.Scalar());
        Assert.Equal(5, server.All.Count);
    }

    [Theory]
    [InlineData(429)]
    [InlineData(503)]
    public async Task Query_TransientWithRetryAfter_WaitsWhatTheServerSaysNotTheBackoff(int status)
    {
        // The backoff alone would wait ten minutes, past the 60 s the test allows: only honouring Retry-After (1 s) answers.
        int calls = 0;
        await using FakeBigQueryServer server = new(request => ++calls switch
        {
            1 => FakeReply.Error(status, "rateLimitExceeded", "Exceeded rate limits.") with { Headers = new Dictionary<string, string> { ["Retry-After"] = "1" } },
            2 => FakeReply.DryRun(10),
            _ => FakeReply.Json(new { jobReference = new { jobId = "j" }, jobComplete = true, schema = Schema(("n", "INT64")), rows = new[] { Row("7") } }),
        });
        BigQueryOptions options = new() { ProjectId = "proj", Dataset = "cdp", Endpoint = server.Endpoint, AccessToken = "test-token", RetryBaseDelay = TimeSpan.FromMinutes(1) };
        using BigQueryRestClient client = new(options, TimeProvider.System);
        BigQueryDataStore store = new(client);
        using CancellationTokenSource limit = new(TimeSpan.FromSeconds(60));

        QueryResult result = await store.QueryAsync(new SqlStatement("SELECT 7 AS n"), limit.Token);

        Assert.Equal(7L, result.Scalar());
        Assert.Equal(3, server.All.Count);
    }

    [Fact]
    public async Task Query_InvalidQuery_SurfacesBigQuerysMessageWithoutRetrying()
    {
        await using FakeBigQueryServer server = new(_ => FakeReply.Error(400, "invalidQuery", "Syntax error: Unexpected keyword FROM at [1:8]"));
        (BigQueryDataStore store, BigQueryRestClient client) = Create(server);
        using BigQueryRestClient _ = client;

        DataStoreException error = await Assert.ThrowsAsync<DataStoreException>(() => store.QueryAsync(new SqlStatement("SELECT FROM")));

        Assert.Equal("BigQuery error 400 (invalidQuery): Syntax error: Unexpected keyword FROM at [1:8]", error.Message);
        Assert.Single(server.All);
    }

    [Fact]
    public async Task Query_PersistentServerErrors_GiveUpAfterMaxAttempts()
    {
        await using FakeBigQueryServer server = new(_ => FakeReply.Error(500, "backendError", "Backend error."));
        (BigQueryDataStore store, BigQueryRestClient client) = Create(server);
        using BigQueryRestClient _ = client;

        DataStoreException error = await Assert.ThrowsAsync<DataStoreException>(() => store.QueryAsync(new SqlStatement("SELECT 1")));

        Assert.Contains("Backend error.", error.Message, StringComparison.Ordinal);
        Assert.Equal(5, server.All.Count);
    }
}
