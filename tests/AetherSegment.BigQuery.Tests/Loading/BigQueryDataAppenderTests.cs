using System.Text.Json.Nodes;
using AetherSegment.BigQuery.Loading;
using AetherSegment.BigQuery.Rest;
using AetherSegment.Data;
using AetherSegment.DataModel;

namespace AetherSegment.BigQuery.Tests.Loading;

public sealed class BigQueryDataAppenderTests
{
    private const string InsertPath = "/bigquery/v2/projects/proj/datasets/cdp/tables/behavioral_events/insertAll";

    private static EventRow[] Events(int count) =>
        [.. Enumerable.Range(0, count).Select(i => new EventRow($"E{i}", i % 3 == 0 ? null : "sofas"))];

    [Fact]
    public async Task Append_StreamsEveryRowOnceWithItsOwnInsertId()
    {
        await using FakeBigQueryServer server = new(_ => FakeReply.Json(new { kind = "bigquery#tableDataInsertAllResponse" }));
        using BigQueryRestClient client = server.CreateClient();

        long appended = await new BigQueryDataAppender(client).AppendAsync(DataSchema.BehavioralEvents, Events(BigQueryTableWriter.BatchRows + 1));

        Assert.Equal(BigQueryTableWriter.BatchRows + 1, appended);
        FakeRequest[] inserts = [.. server.All.Where(r => r.Path == InsertPath)];
        Assert.Equal(2, inserts.Length);
        Assert.All(inserts, r => Assert.Equal("POST", r.Method));
        JsonNode[] rows = [.. inserts.SelectMany(r => r.Body!["rows"]!.AsArray()).Select(r => r!)];
        Assert.Equal(Enumerable.Range(0, BigQueryTableWriter.BatchRows + 1).Select(i => $"E{i}"), rows.Select(r => r["json"]!["event_id"]!.GetValue<string>()));
        Assert.Equal(rows.Length, rows.Select(r => r["insertId"]!.GetValue<string>()).Distinct().Count());
        Assert.Null(rows[0]["json"]!["category"]);
        Assert.Equal("2026-11-20 10:30:00.000000+00:00", rows[1]["json"]!["event_timestamp"]!.GetValue<string>());
        Assert.False(inserts[0].Body!["skipInvalidRows"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Append_RetriedRequest_CarriesTheSameInsertIdsSoBigQueryDropsTheCopies()
    {
        await using FakeBigQueryServer server = FailingCall(1, FakeReply.Error(503, "backendError", "The service is currently unavailable."));
        using BigQueryRestClient client = server.CreateClient();

        long appended = await new BigQueryDataAppender(client).AppendAsync(DataSchema.BehavioralEvents, Events(3));

        Assert.Equal(3, appended);
        FakeRequest[] inserts = [.. server.All.Where(r => r.Path == InsertPath)];
        Assert.Equal(2, inserts.Length);
        Assert.Equal(InsertIds(inserts[0]), InsertIds(inserts[1]));
    }

    [Fact]
    public async Task Append_LaterRequestRejected_SaysHowManyRowsWereAppended()
    {
        await using FakeBigQueryServer server = FailingCall(2, FakeReply.Error(400, "invalid", "Invalid timestamp value"));
        using BigQueryRestClient client = server.CreateClient();

        DataStoreException error = await Assert.ThrowsAsync<DataStoreException>(() =>
            new BigQueryDataAppender(client).AppendAsync(DataSchema.BehavioralEvents, Events(BigQueryTableWriter.BatchRows + 5)));

        Assert.Contains("Invalid timestamp value", error.Message, StringComparison.Ordinal);
        Assert.Contains($"{BigQueryTableWriter.BatchRows} of {BigQueryTableWriter.BatchRows + 5} rows were appended to behavioral_events", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Append_TableCreatedBeforeAColumnWasAdded_ResendsWithoutIt_AndRemembersForTheNextAppend()
    {
        // As BigQuery answers a streamed row with a field its table lacks: HTTP 200 with insertErrors, no row inserted.
        string[] oldColumns = [.. DataSchema.BehavioralEvents.Columns.Select(c => c.Name).Where(n => n != "session_start")];
        const string TablePath = "/bigquery/v2/projects/proj/datasets/cdp/tables/behavioral_events";
        await using FakeBigQueryServer server = new(request => request.Path switch
        {
            TablePath when request.Method == "GET" => FakeReply.Json(new { schema = new { fields = oldColumns.Select(n => new { name = n, type = "STRING" }) } }),
            InsertPath when request.Body!["rows"]![0]!["json"]!.AsObject().ContainsKey("session_start") => FakeReply.Json(new
            {
                kind = "bigquery#tableDataInsertAllResponse",
                insertErrors = new[] { new { index = 0, errors = new[] { new { reason = "invalid", location = "session_start", message = "no such field: session_start." } } } },
            }),
            _ => FakeReply.Json(new { kind = "bigquery#tableDataInsertAllResponse" }),
        });
        using BigQueryRestClient client = server.CreateClient();
        BigQueryDataAppender appender = new(client);

        long first = await appender.AppendAsync(DataSchema.BehavioralEvents, Events(3));
        long second = await appender.AppendAsync(DataSchema.BehavioralEvents, Events(2));

        Assert.Equal(3, first);
        Assert.Equal(2, second);
        FakeRequest[] inserts = [.. server.All.Where(r => r.Path == InsertPath)];
        // The refused request, its resend, then the second append straight without the column; one tables.get.
        Assert.Equal(3, inserts.Length);
        Assert.Single(server.All, r => r.Path == TablePath && r.Method == "GET");
        Assert.Equal(InsertIds(inserts[0]), InsertIds(inserts[1]));
        Assert.All(inserts.Skip(1).SelectMany(r => r.Body!["rows"]!.AsArray()), row =>
        {
            JsonObject json = row!["json"]!.AsObject();
            Assert.False(json.ContainsKey("session_start"));
            Assert.Equal(oldColumns.Order(StringComparer.Ordinal), json.Select(p => p.Key).Order(StringComparer.Ordinal));
        });
    }

    [Fact]
    public async Task Append_NoSuchFieldTheTableHas_IsReportedNotRetriedForever()
    {
        const string TablePath = "/bigquery/v2/projects/proj/datasets/cdp/tables/behavioral_events";
        await using FakeBigQueryServer server = new(request => request.Path == TablePath
            ? FakeReply.Json(new { schema = new { fields = DataSchema.BehavioralEvents.Columns.Select(c => new { name = c.Name, type = "STRING" }) } })
            : FakeReply.Json(new
            {
                kind = "bigquery#tableDataInsertAllResponse",
                insertErrors = new[] { new { index = 0, errors = new[] { new { reason = "invalid", location = "x", message = "no such field: x." } } } },
            }));
        using BigQueryRestClient client = server.CreateClient();

        DataStoreException error = await Assert.ThrowsAsync<DataStoreException>(() => new BigQueryDataAppender(client).AppendAsync(DataSchema.BehavioralEvents, Events(1)));

        Assert.Contains("no such field: x.", error.Message, StringComparison.Ordinal);
        Assert.Single(server.All, r => r.Path == InsertPath);
    }

    [Fact]
    public async Task Append_TableOutsideTheDataModel_IsRefusedBeforeAnyRequest()
    {
        await using FakeBigQueryServer server = new(_ => FakeReply.Json(new { kind = "ok" }));
        using BigQueryRestClient client = server.CreateClient();
        TableDefinition stray = new("stray", DataSchema.BehavioralEvents.Columns);

        await Assert.ThrowsAsync<DataStoreException>(() => new BigQueryDataAppender(client).AppendAsync(stray, Events(1)));

        Assert.Empty(server.All);
    }

    /// <summary>A server that answers request number <paramref name="call"/> with <paramref name="failure"/> and every other one with success.</summary>
    private static FakeBigQueryServer FailingCall(int call, FakeReply failure)
    {
        int calls = 0;
        return new FakeBigQueryServer(_ => Interlocked.Increment(ref calls) == call ? failure : FakeReply.Json(new { kind = "bigquery#tableDataInsertAllResponse" }));
    }

    private static string[] InsertIds(FakeRequest request) =>
        [.. request.Body!["rows"]!.AsArray().Select(r => r!["insertId"]!.GetValue<string>())];

    /// <summary>A behavioral_events row (the Synthetic package's live events write the same columns).</summary>
    private sealed record EventRow(string EventId, string? Category) : IDataRow
    {
        public void WriteTo(ITableWriter writer)
        {
            writer.StartRow();
            writer.Write(EventId);
            writer.Write("C1");
            writer.Write("page_view");
            writer.Write(new DateTime(2026, 11, 20, 10, 30, 0, DateTimeKind.Utc));
            if (Category is null)
            {
                writer.WriteNull();
            }
            else
            {
                writer.Write(Category);
            }

            writer.WriteNull();
            writer.Write("S1");
            writer.Write(120L);
            writer.Write("mobile");
            writer.Write(true);
            writer.EndRow();
        }
    }
}
