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
    public async Task Stratified_DuckDBAndDotNet_HoldOutTheSameMembersAndExactlyTheShareOfEachDecile()
    {
        string path = Path.Combine(TestPaths.NewTempDirectory(), "strata.duckdb");
        DuckDBDataStore store = new(path);
        await GeneratedCustomers.CreateAsync(store, 10);
        const string segmentId = "seg_0123456789abcdef0123456789abcdef";
        SegmentHoldout holdout = HoldoutAssignment.Create(0.1, "strata") with { Method = HoldoutAssignment.StratifiedMethod };
        // 20,000 members with uneven deciles (and 37 members without a score, decile 0).
        await using (global::DuckDB.NET.Data.DuckDBConnection connection = await store.OpenAsync())
        {
            foreach (string sql in new[]
            {
                "CREATE TABLE segment_members AS SELECT 'seg_0123456789abcdef0123456789abcdef' AS segment_id, 'C' || lpad(CAST(i AS VARCHAR), 7, '0') AS customer_id FROM range(20000) AS r(i)",
                "CREATE TABLE segment_scores AS SELECT segment_id, customer_id, CAST(i AS DOUBLE) / 20000 AS predicted_uplift, CAST(1 + (i * i) % 10 AS BIGINT) AS decile FROM (SELECT segment_id, customer_id, CAST(SUBSTR(customer_id, 2) AS BIGINT) AS i FROM segment_members) WHERE i >= 37",
            })
            {
                await using global::DuckDB.NET.Data.DuckDBCommand command = connection.CreateCommand();
                command.CommandText = sql;
                await command.ExecuteNonQueryAsync();
            }
        }

        QueryResult arms = await store.QueryAsync(ExperimentService.ArmsQuery(SqlDialect.DuckDB, segmentId, holdout));
        Dictionary<string, int> decileOf = arms.Rows.ToDictionary(r => (string)r[0]!, r => (int)Convert.ToInt64(r[2], CultureInfo.InvariantCulture));
        HashSet<string> inSql = [.. arms.Rows.Where(r => Convert.ToInt64(r[1], CultureInfo.InvariantCulture) == 1).Select(r => (string)r[0]!)];
        HashSet<string> inDotNet = HoldoutAssignment.HeldOut(holdout, decileOf.Keys, id => decileOf[id]);
        Assert.Equal(20000, decileOf.Count);
        Assert.True(inDotNet.SetEquals(inSql), $"{inDotNet.Count} held in .NET, {inSql.Count} in DuckDB");
        foreach (IGrouping<int, KeyValuePair<string, int>> stratum in decileOf.GroupBy(d => d.Value))
        {
            Assert.Equal(HoldoutAssignment.StratumHoldoutCount(stratum.Count(), 0.1), stratum.Count(d => inSql.Contains(d.Key)));
        }

        Assert.Equal(37, decileOf.Count(d => d.Value == 0));
    }

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
        StoredSegment stratified = segment with { Holdout = holdout with { Method = HoldoutAssignment.StratifiedMethod } };
        JsonArray statements =
        [
            new JsonObject { ["id"] = "export/exclude", ["sql"] = HoldoutAssignment.ExportMembers(profile, SqlDialect.BigQuery, segment, SegmentExportOptions.WithoutPersonalData, out _).Sql },
            new JsonObject { ["id"] = "export/mark", ["sql"] = HoldoutAssignment.ExportMembers(profile, SqlDialect.BigQuery, segment, new SegmentExportOptions { Holdout = HoldoutExport.Mark }, out _).Sql },
            new JsonObject { ["id"] = "baseline", ["sql"] = ExperimentService.BaselineQuery(profile, SqlDialect.BigQuery, segment).Sql },
            new JsonObject { ["id"] = "volume", ["sql"] = ExperimentService.VolumeQuery(profile, SqlDialect.BigQuery, "cart_reminder").Sql },
            new JsonObject { ["id"] = "outcomes", ["sql"] = ExperimentService.OutcomesQuery(profile, SqlDialect.BigQuery, segment.SegmentId, holdout, start, start.AddDays(14)).Sql },
            new JsonObject { ["id"] = "stratified/export/exclude", ["sql"] = HoldoutAssignment.ExportMembers(profile, SqlDialect.BigQuery, stratified, SegmentExportOptions.WithoutPersonalData, out _).Sql },
            new JsonObject { ["id"] = "stratified/export/mark", ["sql"] = HoldoutAssignment.ExportMembers(profile, SqlDialect.BigQuery, stratified, new SegmentExportOptions { Holdout = HoldoutExport.Mark }, out _).Sql },
            new JsonObject { ["id"] = "stratified/outcomes", ["sql"] = ExperimentService.OutcomesQuery(profile, SqlDialect.BigQuery, segment.SegmentId, stratified.Holdout!, start, start.AddDays(14)).Sql },
            new JsonObject { ["id"] = "stratified/arms", ["sql"] = ExperimentService.ArmsQuery(SqlDialect.BigQuery, segment.SegmentId, stratified.Holdout!).Sql },
        ];
        await GoogleSqlParse.AssertAllParseAsync(statements);
    }
}
