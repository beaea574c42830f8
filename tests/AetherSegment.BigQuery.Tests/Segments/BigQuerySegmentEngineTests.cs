using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using AetherSegment.Data;
using AetherSegment.DataModel;
using AetherSegment.Interpretation;
using AetherSegment.Segments;
using Microsoft.Extensions.DependencyInjection;
using AetherSegment.Synthetic.Profiles;

namespace AetherSegment.BigQuery.Tests.Segments;

public sealed class BigQuerySegmentEngineTests
{
    private static object Schema(params (string Name, string Type)[] fields) =>
        new { fields = fields.Select(f => new { name = f.Name, type = f.Type, mode = "NULLABLE" }).ToArray() };

    private static object Row(params string?[] values) => new { f = values.Select(v => new { v }).ToArray() };

    private static CampaignObjective LondonHighValue() => new()
    {
        Objective = "Target high CLV customers in London and Manchester with exclusive new product launches",
        CampaignType = CampaignType.GeographicTargeting,
        Audience = new Audience { ValueTier = ValueTier.High, Cities = ["London", "Manchester"] },
        Incentive = new Incentive { Type = IncentiveType.ExclusiveAccess },
        SuggestedTrigger = "exclusive_access",
    };

    [Fact]
    public async Task CreateAndExport_RunEverythingInBigQueryWithGoogleSqlAndReadTheSnapshotBack()
    {
        string? storedJson = null;
        List<string> tablesCreated = [];
        await using FakeBigQueryServer server = new(request =>
        {
            if (request.Method == "GET" && request.Path.Contains("/tables/", StringComparison.Ordinal))
            {
                return FakeReply.Error(404, "notFound", "Not found: Table proj:cdp.x");
            }

            if (request.Method == "POST" && request.Path.EndsWith("/tables", StringComparison.Ordinal))
            {
                tablesCreated.Add(request.Body!["tableReference"]!["tableId"]!.GetValue<string>());
                return FakeReply.Json(new { kind = "bigquery#table" });
            }

            if (request.IsDryRun)
            {
                return FakeReply.DryRun(1000);
            }

            string sql = request.Sql!;
            if (sql.StartsWith("SELECT MAX(latest)", StringComparison.Ordinal))
            {
                return FakeReply.Json(new { jobComplete = true, jobReference = new { jobId = "a" }, schema = Schema(("as_of", "TIMESTAMP")), rows = new[] { Row("1782777600") } });
            }

            if (sql.StartsWith("INSERT INTO segments ", StringComparison.Ordinal))
            {
                storedJson = request.Body!["queryParameters"]!.AsArray().First(p => p!["name"]!.GetValue<string>() == "segment_json")!["parameterValue"]!["value"]!.GetValue<string>();
                return FakeReply.Json(new { jobComplete = true, jobReference = new { jobId = "c" }, numDmlAffectedRows = "1" });
            }

            if (sql.StartsWith("INSERT INTO segment_members", StringComparison.Ordinal))
            {
                return FakeReply.Json(new { jobComplete = true, jobReference = new { jobId = "b" }, numDmlAffectedRows = "2" });
            }

            if (sql.StartsWith("SELECT COUNT(*) AS size", StringComparison.Ordinal))
            {
                return FakeReply.Json(new { jobComplete = true, jobReference = new { jobId = "d" }, schema = Schema(("size", "INTEGER"), ("avg_clv", "FLOAT")), rows = new[] { Row("2", "0.85") } });
            }

            if (sql.StartsWith("SELECT segment_json", StringComparison.Ordinal))
            {
                return FakeReply.Json(new { jobComplete = true, jobReference = new { jobId = "e" }, schema = Schema(("segment_json", "STRING")), rows = storedJson is null ? [] : new[] { Row(storedJson) } });
            }

            if (sql.StartsWith("SELECT customer_id, first_name", StringComparison.Ordinal))
            {
                return FakeReply.Json(new
                {
                    jobComplete = true,
                    jobReference = new { jobId = "f" },
                    schema = Schema(("customer_id", "STRING"), ("first_name", "STRING"), ("last_name", "STRING"), ("email", "STRING"), ("country", "STRING"), ("city", "STRING"), ("clv_score", "FLOAT")),
                    rows = new[] { Row("C1", "Ada", "Lovelace", "ada@example.com", "United Kingdom", "London", "0.9"), Row("C2", "Bob", "Smith, Jr.", "bob@example.com", "United Kingdom", "Manchester", "0.8") },
                });
            }

            if (sql.StartsWith("SELECT customer_id, country", StringComparison.Ordinal))
            {
                return FakeReply.Json(new
                {
                    jobComplete = true,
                    jobReference = new { jobId = "g" },
                    schema = Schema(("customer_id", "STRING"), ("country", "STRING"), ("city", "STRING"), ("clv_score", "FLOAT")),
                    rows = new[] { Row("C1", "United Kingdom", "London", "0.9"), Row("C2", "United Kingdom", "Manchester", "0.8") },
                });
            }

            return FakeReply.Error(400, "invalidQuery", "unexpected statement: " + sql);
        });

        ServiceCollection services = new();
        services.AddAetherSegment().UseProfile(HomeFurnishingProfile.Load()).AddBigQuery(o =>
        {
            o.ProjectId = "proj";
            o.Dataset = "cdp";
            o.Endpoint = server.Endpoint;
            o.AccessToken = "test-token";
        });
        await using ServiceProvider provider = services.BuildServiceProvider();
        ISegmentEngine engine = provider.GetRequiredService<ISegmentEngine>();
        Assert.Same(SqlDialect.BigQuery, provider.GetRequiredService<IDataStore>().Dialect);
        Assert.IsType<AetherSegment.BigQuery.Loading.BigQueryDataSinkFactory>(provider.GetRequiredService<IDataSinkFactory>());

        StoredSegment segment = await engine.CreateAsync(LondonHighValue(), "exclusive_access",
            [SegmentRefinement.Of("churn_max", 0.5)]);

        Assert.Equal(2, segment.Size);
        Assert.Equal(0.85, segment.AvgClv);
        Assert.Equal("bigquery", segment.Dialect);
        Assert.Equal(new DateTimeOffset(2026, 6, 30, 0, 0, 0, TimeSpan.Zero), segment.AsOf);
        Assert.Equal(["segments", "segment_members", "segment_scores"], tablesCreated);
        FakeRequest insert = server.All.First(r => r.Sql?.StartsWith("INSERT INTO segment_members", StringComparison.Ordinal) == true && !r.IsDryRun);
        Assert.Contains("c.city IN UNNEST(@p", insert.Sql, StringComparison.Ordinal);
        Assert.Contains("s.exclusivity_seeker = @p", insert.Sql, StringComparison.Ordinal);
        Assert.DoesNotContain("$", insert.Sql, StringComparison.Ordinal);
        Assert.Contains(insert.Body!["queryParameters"]!.AsArray(), p => p!["name"]!.GetValue<string>() == "segment_id");

        StoredSegment? fetched = await engine.GetAsync(segment.SegmentId);
        Assert.NotNull(fetched);
        Assert.Equal([FilterProvenance.Ai, FilterProvenance.Ai, FilterProvenance.Trigger, FilterProvenance.User], fetched.Filters.Select(f => f.Provenance));

        using (MemoryStream withoutPersonal = new())
        {
            Assert.True(await engine.ExportAsync(segment.SegmentId, SegmentExportFormat.Csv, withoutPersonal));
            Assert.Equal("customer_id,country,city,clv_score\nC1,United Kingdom,London,0.9\nC2,United Kingdom,Manchester,0.8\n", Encoding.UTF8.GetString(withoutPersonal.ToArray()));
        }

        using MemoryStream csv = new();
        Assert.Equal(2, await engine.ExportAsync(segment.SegmentId, SegmentExportFormat.Csv, csv, SegmentExportOptions.WithPersonalData, CancellationToken.None));
        Assert.Equal(
            "customer_id,first_name,last_name,email,country,city,clv_score\nC1,Ada,Lovelace,ada@example.com,United Kingdom,London,0.9\nC2,Bob,\"Smith, Jr.\",bob@example.com,United Kingdom,Manchester,0.8\n",
            Encoding.UTF8.GetString(csv.ToArray()));
        await Assert.ThrowsAsync<AetherSegmentInputException>(() => engine.ExportAsync(segment.SegmentId, SegmentExportFormat.Parquet, Stream.Null));
    }
}
