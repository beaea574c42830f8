using System.Globalization;
using System.Text.Json.Nodes;
using AetherSegment.Data;
using AetherSegment.DuckDB.Tests.Segments;
using AetherSegment.Experiments;
using AetherSegment.Segments;
using AetherSegment.Synthetic.Profiles;
using AetherSegment.Tests;

namespace AetherSegment.DuckDB.Tests.Experiments;

/// <summary>The holdout hash is one function: .NET and DuckDB compute the same bucket, and the GoogleSQL text parses.</summary>
public sealed class HoldoutSqlTests
{
    [Fact]
    public async Task Bucket_DuckDBAndDotNet_AgreeOnEveryCustomer()
    {
        string path = Path.Combine(TestPaths.NewTempDirectory(), "hash.duckdb");
        DuckDBDataStore store = new(path);
        await GeneratedCustomers.CreateAsync(store, 10);
        SegmentHoldout holdout = HoldoutAssignment.Create(0.2, "salt-for-test");
        SqlStatement query = new(
            $"SELECT id, {HoldoutAssignment.BucketSql(SqlDialect.DuckDB, "id")}, {HoldoutAssignment.HoldoutSql(SqlDialect.DuckDB, "id")} " +
            "FROM (SELECT 'C' || lpad(CAST(i AS VARCHAR), 7, '0') AS id FROM range(20000) AS r(i) UNION ALL SELECT 'ünï-çødé' UNION ALL SELECT '') AS t",
            HoldoutAssignment.Parameters(holdout));
        QueryResult result = await store.QueryAsync(query);

        int held = 0;
        foreach (object?[] row in result.Rows)
        {
            string id = (string)row[0]!;
            Assert.Equal(HoldoutAssignment.Bucket(holdout.Salt, id), Convert.ToInt64(row[1], CultureInfo.InvariantCulture));
            Assert.Equal(HoldoutAssignment.IsHoldout(holdout, id), (bool)row[2]!);
            held += (bool)row[2]! ? 1 : 0;
        }

        Assert.Equal(20002, result.Rows.Count);
        Assert.InRange(held / 20002.0, 0.19, 0.21);
    }

    [Fact]
    public void Bucket_KnownValue_IsTheFirst32BitsOfSha256()
    {
        // SHA-256("s:c1") = 0x2a1b... computed independently with `printf 's:c1' | sha256sum` (first 8 hex digits).
        Assert.Equal(Convert.ToInt64(KnownSha256Prefix, 16), HoldoutAssignment.Bucket("s", "c1"));
    }

    private const string KnownSha256Prefix = "ce58b21d";

    [Fact]
    public async Task GoogleSql_OfTheHoldoutExportAndExperimentQueries_Parses()
    {
        var profile = HomeFurnishingProfile.Load();
        SegmentHoldout holdout = HoldoutAssignment.Create(0.1, "abc");
        StoredSegment segment = new()
        {
            SegmentId = "seg_0123456789abcdef0123456789abcdef",
            Trigger = "cart_reminder",
            Explanation = new SegmentExplanation { Summary = "x" },
            Holdout = holdout,
        };
        DateTimeOffset start = new(2026, 7, 1, 0, 0, 0, TimeSpan.Zero);
        JsonArray statements =
        [
            new JsonObject { ["id"] = "export/exclude", ["sql"] = HoldoutAssignment.ExportMembers(profile, SqlDialect.BigQuery, segment, SegmentExportOptions.WithoutPersonalData, out _).Sql },
            new JsonObject { ["id"] = "export/mark", ["sql"] = HoldoutAssignment.ExportMembers(profile, SqlDialect.BigQuery, segment, new SegmentExportOptions { Holdout = HoldoutExport.Mark }, out _).Sql },
            new JsonObject { ["id"] = "baseline", ["sql"] = ExperimentService.BaselineQuery(profile, SqlDialect.BigQuery, segment).Sql },
            new JsonObject { ["id"] = "volume", ["sql"] = ExperimentService.VolumeQuery(profile, SqlDialect.BigQuery, "cart_reminder").Sql },
            new JsonObject { ["id"] = "outcomes", ["sql"] = ExperimentService.OutcomesQuery(profile, SqlDialect.BigQuery, segment.SegmentId, holdout, start, start.AddDays(14)).Sql },
        ];
        await GoogleSqlParse.AssertAllParseAsync(statements);
    }
}
