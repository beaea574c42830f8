using System.Text.Json.Nodes;
using AetherSegment.BigQuery.Loading;
using AetherSegment.BigQuery.Rest;
using AetherSegment.Data;
using AetherSegment.DataModel;

namespace AetherSegment.BigQuery.Tests.Loading;

public sealed class BigQueryDataSinkTests
{
    private const string StartLoadPath = "/upload/bigquery/v2/projects/proj/jobs";

    [Fact]
    public async Task Load_CreatesTheTablesAndLoadsEachWithAJobFromANewlineDelimitedJsonUpload()
    {
        FakeLoadService service = new();
        await using FakeBigQueryServer server = new(service.Handle);
        using BigQueryRestClient client = server.CreateClient();

        await using (IDataSink sink = await new BigQueryDataSinkFactory(client).CreateAsync(replaceExisting: false))
        {
            ITableWriter customers = await sink.OpenTableAsync(DataSchema.Customers);
            for (int i = 0; i < 3; i++)
            {
                WriteCustomer(customers, $"C{i}");
            }

            ITableWriter carts = await sink.OpenTableAsync(DataSchema.AbandonedCarts);
            carts.StartRow();
            carts.Write("K1");
            carts.Write("C1");
            carts.Write(new DateTime(2026, 11, 20, 8, 0, 0, DateTimeKind.Utc));
            carts.Write(899.5);
            carts.Write(2L);
            carts.Write("""[{"product_type":"sofa","price":899.5}]""");
            carts.EndRow();
            await sink.OpenTableAsync(DataSchema.CustomerScores);

            await sink.CompleteAsync();
        }

        IReadOnlyList<FakeRequest> requests = server.All;
        FakeRequest dataset = Assert.Single(requests, r => r.Method == "POST" && r.Path == "/bigquery/v2/projects/proj/datasets");
        Assert.Equal("US", dataset.Body!["location"]!.GetValue<string>());
        JsonArray fields = requests.First(r => r.Method == "POST" && r.Path.EndsWith("/tables", StringComparison.Ordinal)).Body!["schema"]!["fields"]!.AsArray();
        Assert.Equal(DataSchema.Customers.Columns.Select(c => c.Name), fields.Select(f => f!["name"]!.GetValue<string>()));

        // One load job per table with rows (none for the empty customer_scores), each a resumable upload.
        FakeRequest[] starts = [.. requests.Where(r => r.Path == StartLoadPath)];
        Assert.Equal(["customers", "abandoned_carts"], starts.Select(r => r.Body!["configuration"]!["load"]!["destinationTable"]!["tableId"]!.GetValue<string>()));
        JsonNode load = starts[0].Body!["configuration"]!["load"]!;
        Assert.Equal("uploadType=resumable", starts[0].Query.TrimStart('?'));
        Assert.Equal("NEWLINE_DELIMITED_JSON", load["sourceFormat"]!.GetValue<string>());
        Assert.Equal("WRITE_TRUNCATE", load["writeDisposition"]!.GetValue<string>());
        Assert.Equal("cdp", load["destinationTable"]!["datasetId"]!.GetValue<string>());
        Assert.Equal("TIMESTAMP", load["schema"]!["fields"]![8]!["type"]!.GetValue<string>());
        Assert.Equal("US", starts[0].Body!["jobReference"]!["location"]!.GetValue<string>());

        string customerFile = service.Uploads[0];
        Assert.Equal(starts[0].Header("X-Upload-Content-Length"), System.Text.Encoding.UTF8.GetByteCount(customerFile).ToString(System.Globalization.CultureInfo.InvariantCulture));
        string[] lines = customerFile.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        JsonNode first = JsonNode.Parse(lines[0])!;
        Assert.Equal("C0", first["customer_id"]!.GetValue<string>());
        Assert.Equal(0.5, first["clv_score"]!.GetValue<double>());
        Assert.Equal("2026-01-02 03:04:05.000000+00:00", first["created_at"]!.GetValue<string>());
        JsonNode cart = JsonNode.Parse(service.Uploads[1].TrimEnd('\n'))!;
        Assert.Equal("sofa", cart["items"]![0]!["product_type"]!.GetValue<string>());
        Assert.Equal(2, cart["item_count"]!.GetValue<long>());

        // Both jobs polled until DONE; every request carried the token; nothing dropped after success.
        Assert.All(service.JobIds, id => Assert.Equal(2, requests.Count(r => r.Method == "GET" && r.Path.EndsWith("/jobs/" + id, StringComparison.Ordinal))));
        Assert.All(requests, r => Assert.Equal("Bearer test-token", r.Authorization));
        Assert.Equal(3, requests.Count(r => r.Method == "DELETE"));
    }

    [Fact]
    public async Task Upload_InterruptedByA503_AsksTheSessionWhatArrivedAndSendsOnlyTheRest()
    {
        FakeLoadService service = new() { FailFirstUpload = true, BytesHeldAfterFailure = 10 };
        await using FakeBigQueryServer server = new(service.Handle);
        using BigQueryRestClient client = server.CreateClient();

        await using (IDataSink sink = await new BigQueryDataSinkFactory(client).CreateAsync(replaceExisting: true))
        {
            WriteCustomer(await sink.OpenTableAsync(DataSchema.Customers), "C7");
            await sink.CompleteAsync();
        }

        FakeRequest[] puts = [.. server.All.Where(r => r.Method == "PUT")];
        Assert.Equal(3, puts.Length);
        long length = System.Text.Encoding.UTF8.GetByteCount(puts[0].Text);
        Assert.Equal($"bytes 0-{length - 1}/{length}", puts[0].Header("Content-Range"));
        Assert.Equal($"bytes */{length}", puts[1].Header("Content-Range"));
        Assert.Equal("", puts[1].Text);
        Assert.Equal($"bytes 10-{length - 1}/{length}", puts[2].Header("Content-Range"));
        Assert.Equal(puts[0].Text[10..], puts[2].Text);
    }

    [Fact]
    public async Task LoadJobError_NamesTheTableAndBigQuerysMessage_AndDropsTheTables()
    {
        FakeLoadService service = new() { JobError = "Error while reading data, error message: JSON table encountered too many errors" };
        await using FakeBigQueryServer server = new(service.Handle);
        using BigQueryRestClient client = server.CreateClient();

        DataStoreException error = await Assert.ThrowsAsync<DataStoreException>(async () =>
        {
            await using IDataSink sink = await new BigQueryDataSinkFactory(client).CreateAsync(replaceExisting: true);
            WriteCustomer(await sink.OpenTableAsync(DataSchema.Customers), "C1");
            await sink.CompleteAsync();
        });

        Assert.Contains("loading customers", error.Message, StringComparison.Ordinal);
        Assert.Contains("JSON table encountered too many errors", error.Message, StringComparison.Ordinal);
        Assert.Contains("No such field: favourite_colour", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, server.All.Count(r => r.Method == "DELETE" && r.Path.EndsWith("/tables/customers", StringComparison.Ordinal)));
    }

    private static void WriteCustomer(ITableWriter writer, string id)
    {
        writer.StartRow();
        writer.Write(id);
        writer.Write("Ada");
        writer.Write("Lovelace");
        writer.Write($"{id}@example.com");
        writer.Write("London");
        writer.Write("United Kingdom");
        writer.Write(0.5);
        writer.Write("referral");
        writer.Write(new DateTime(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc));
        writer.EndRow();
    }

    /// <summary>
    /// BigQuery's side of a load: datasets and tables missing until created, resumable upload sessions (Location on
    /// start, the body on PUT, 308 with Range to a status query) and jobs that run once before they are DONE.
    /// </summary>
    private sealed class FakeLoadService
    {
        private readonly Dictionary<string, int> _polls = [];
        private readonly Dictionary<string, string> _sessionJob = [];
        private bool _failed;

        public bool FailFirstUpload { get; init; }

        public int BytesHeldAfterFailure { get; init; }

        public string? JobError { get; init; }

        public List<string> Uploads { get; } = [];

        public List<string> JobIds { get; } = [];

        public FakeReply Handle(FakeRequest request)
        {
            lock (this)
            {
                if (request is { Method: "POST", Path: StartLoadPath })
                {
                    string jobId = request.Body!["jobReference"]!["jobId"]!.GetValue<string>();
                    string session = $"/upload/session/{_sessionJob.Count}";
                    _sessionJob[session] = jobId;
                    JobIds.Add(jobId);
                    return FakeReply.Json(new { }) with { Headers = new Dictionary<string, string> { ["Location"] = $"http://{request.Header("Host")}{session}" } };
                }

                if (request.Method == "PUT")
                {
                    if (request.Header("Content-Range")!.StartsWith("bytes */", StringComparison.Ordinal))
                    {
                        return new FakeReply(308, "") { Headers = new Dictionary<string, string> { ["Range"] = $"bytes=0-{BytesHeldAfterFailure - 1}" } };
                    }

                    if (FailFirstUpload && !_failed)
                    {
                        _failed = true;
                        return FakeReply.Error(503, "backendError", "Backend Error");
                    }

                    Uploads.Add(request.Text);
                    return FakeReply.Json(new { status = new { state = "RUNNING" } });
                }

                if (request.Method == "GET" && request.Path.Contains("/jobs/", StringComparison.Ordinal))
                {
                    string jobId = request.Path[(request.Path.LastIndexOf('/') + 1)..];
                    int polls = _polls[jobId] = _polls.GetValueOrDefault(jobId) + 1;
                    if (polls == 1)
                    {
                        return FakeReply.Json(new { status = new { state = "RUNNING" } });
                    }

                    return JobError is null
                        ? FakeReply.Json(new { status = new { state = "DONE" }, statistics = new { load = new { outputRows = "1" } } })
                        : FakeReply.Json(new
                        {
                            status = new
                            {
                                state = "DONE",
                                errorResult = new { reason = "invalid", message = JobError },
                                errors = new[] { new { reason = "invalid", message = JobError }, new { reason = "invalid", message = "JSON parsing error in row starting at position 0: No such field: favourite_colour." } },
                            },
                        });
                }

                return request.Method switch
                {
                    "GET" or "DELETE" => FakeReply.Error(404, "notFound", "Not found: " + request.Path),
                    _ => FakeReply.Json(new { kind = "ok" }),
                };
            }
        }
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
