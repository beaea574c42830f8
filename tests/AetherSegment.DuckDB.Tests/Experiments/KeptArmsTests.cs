using System.Globalization;
using System.Text;
using AetherSegment.Data;
using AetherSegment.DuckDB.Tests.Segments;
using AetherSegment.Experiments;
using AetherSegment.Segments;
using Microsoft.Extensions.DependencyInjection;

namespace AetherSegment.DuckDB.Tests.Experiments;

/// <summary>
/// Kept arms: a stratified holdout's arms written once (at activation when every member was scored, or afterwards for
/// a holdout referencing a score set or whose scores missed members) are exactly what the documented keyed-hash SQL
/// computes, so a warehouse recomputing them agrees; reports and exports read them.
/// </summary>
public sealed class KeptArmsTests
{
    private const string Trigger = "personalized_discount_offer";

    [Fact]
    public async Task EveryMemberScored_ArmsAreKeptAtActivation_AndEqualTheKeyedHashSql()
    {
        await using EngineHost host = await EngineHost.CreateAsync(2_000);
        ISegmentStore segments = host.Services.GetRequiredService<ISegmentStore>();
        (StoredSegment segment, SqlStatement members) = await NewSegmentAsync(host);
        string[] ids = await MemberIdsAsync(host.Store, members);
        MemberUpliftScores scores = Scores(ids);

        StoredSegment stored = await segments.CreateAsync(HoldoutAssignment.WithScores(segment, scores), members, scores, CancellationToken.None);

        Assert.True(stored.Holdout!.ArmsKept);
        Assert.True((await segments.GetAsync(stored.SegmentId))!.Holdout!.ArmsKept);
        Assert.Contains("segment_scores", HoldoutAssignment.MemberArmsSql(host.Store.Dialect, stored.Holdout), StringComparison.Ordinal);
        Assert.DoesNotContain("SHA256", HoldoutAssignment.MemberArmsSql(host.Store.Dialect, stored.Holdout), StringComparison.Ordinal);
        string[] kept = await ArmsAsync(host.Store, stored, computed: false);
        Assert.Equal(ids.Length, kept.Length);
        Assert.Equal(await ArmsAsync(host.Store, stored, computed: true), kept);
        // And the .NET reference (rank of the hash within each decile).
        HashSet<string> reference = HoldoutAssignment.HeldOut(stored.Holdout, ids, DecileOf(ids, scores));
        Assert.Equal(reference.Order(StringComparer.Ordinal), kept.Where(k => k.EndsWith("|1", StringComparison.Ordinal)).Select(k => k.Split('|')[0]));
    }

    [Fact]
    public async Task ReferencedSet_ArmsKeptAfterActivation_EqualTheKeyedHashSql_AndExportsAndReportsAgree()
    {
        await using EngineHost host = await EngineHost.CreateAsync(2_000);
        ISegmentStore segments = host.Services.GetRequiredService<ISegmentStore>();
        (StoredSegment segment, SqlStatement members) = await NewSegmentAsync(host);
        string[] ids = await MemberIdsAsync(host.Store, members);
        // The set misses a few members (customers added after the snapshot): they are the unscored stratum.
        string[] setIds = ids[5..];
        await segments.KeepAudienceScoresAsync("aud_kept", setIds, [.. setIds.Select(Uplift)], CancellationToken.None);
        SegmentHoldout referencing = segment.Holdout! with { Method = HoldoutAssignment.StratifiedMethod, Scores = "aud_kept" };
        StoredSegment stored = await segments.CreateAsync(segment with { Holdout = referencing }, members, CancellationToken.None);
        Assert.False(stored.Holdout!.ArmsKept);
        string[] computedBefore = await ArmsAsync(host.Store, stored, computed: false);
        string exportBefore = await ExportAsync(host, stored.SegmentId);
        ExperimentReport reportBefore = await ReportAsync(host, stored.SegmentId, ids);

        Assert.True(await segments.KeepMemberArmsAsync(stored.SegmentId, CancellationToken.None));
        Assert.False(await segments.KeepMemberArmsAsync(stored.SegmentId, CancellationToken.None));

        StoredSegment kept = (await segments.GetAsync(stored.SegmentId))!;
        Assert.True(kept.Holdout!.ArmsKept);
        Assert.Equal("aud_kept", kept.Holdout.Scores);
        string[] read = await ArmsAsync(host.Store, kept, computed: false);
        Assert.Equal(ids.Length, read.Length);
        Assert.Equal(computedBefore, read);
        Assert.Equal(await ArmsAsync(host.Store, kept, computed: true), read);
        Assert.All(ids[..5], id => Assert.Contains(read, r => r.StartsWith(id + "|0|", StringComparison.Ordinal)));
        Assert.Equal(exportBefore, await ExportAsync(host, stored.SegmentId));
        ExperimentReport reportAfter = await ReportAsync(host, stored.SegmentId, ids);
        Assert.Equal(reportBefore.Treated.Members, reportAfter.Treated.Members);
        Assert.Equal(reportBefore.Holdout.Members, reportAfter.Holdout.Members);
        Assert.Equal(reportBefore.Treated.Conversions, reportAfter.Treated.Conversions);
        Assert.Equal(reportBefore.Holdout.Conversions, reportAfter.Holdout.Conversions);
        Assert.Equal(reportBefore.Calibration.Select(b => (b.Decile, b.Members)), reportAfter.Calibration.Select(b => (b.Decile, b.Members)));
    }

    [Fact]
    public async Task ScoresMissedMembers_ArmsAreNotKeptAtActivation_ThenKeptLater_EqualTheKeyedHashSql()
    {
        await using EngineHost host = await EngineHost.CreateAsync(2_000);
        ISegmentStore segments = host.Services.GetRequiredService<ISegmentStore>();
        (StoredSegment segment, SqlStatement members) = await NewSegmentAsync(host);
        string[] ids = await MemberIdsAsync(host.Store, members);
        MemberUpliftScores scores = Scores(ids[3..]);

        StoredSegment stored = await segments.CreateAsync(HoldoutAssignment.WithScores(segment, scores), members, scores, CancellationToken.None);

        Assert.True(stored.Holdout!.IsStratified);
        Assert.False(stored.Holdout.ArmsKept);
        string[] computed = await ArmsAsync(host.Store, stored, computed: false);
        Assert.Equal(ids.Length, computed.Length);
        Assert.True(await segments.KeepMemberArmsAsync(stored.SegmentId, CancellationToken.None));
        StoredSegment kept = (await segments.GetAsync(stored.SegmentId))!;
        Assert.True(kept.Holdout!.ArmsKept);
        Assert.Equal(computed, await ArmsAsync(host.Store, kept, computed: false));
        Assert.Equal(computed, await ArmsAsync(host.Store, kept, computed: true));
    }

    [Fact]
    public void StratifiedArms_AgreeWithTheReference_WithTiesAndAnUnscoredStratum()
    {
        string[] ids = [.. Enumerable.Range(0, 5_000).Select(i => "c" + i.ToString(CultureInfo.InvariantCulture))];
        int[] deciles = [.. ids.Select((_, i) => i % 11)];
        SegmentHoldout holdout = HoldoutAssignment.Create(0.15, "arms") with { Method = HoldoutAssignment.StratifiedMethod };

        bool[] held = HoldoutAssignment.StratifiedArms(holdout, ids, deciles);

        HashSet<string> reference = HoldoutAssignment.HeldOut(holdout, ids, id => deciles[int.Parse(id[1..], CultureInfo.InvariantCulture)]);
        Assert.Equal(reference.Order(StringComparer.Ordinal), ids.Where((_, i) => held[i]).Order(StringComparer.Ordinal));
    }

    private static double Uplift(string id) => (id.GetHashCode(StringComparison.Ordinal) & 63) / 1000.0;

    private static MemberUpliftScores Scores(string[] scored) => new(Trigger, scored, [.. scored.Select(Uplift)]);

    private static Func<string, int> DecileOf(string[] ids, MemberUpliftScores scores)
    {
        Dictionary<string, int> deciles = ids.Select((id, i) => (id, scores.Deciles[i])).ToDictionary(d => d.id, d => d.Item2, StringComparer.Ordinal);
        return id => deciles.GetValueOrDefault(id);
    }

    /// <summary>Each member as "id|decile|uplift (round-trip)|held", in id order: as the report reads them, or by the documented keyed-hash SQL.</summary>
    private static async Task<string[]> ArmsAsync(DuckDBDataStore store, StoredSegment segment, bool computed)
    {
        SegmentHoldout holdout = segment.Holdout!;
        string arms = computed ? HoldoutAssignment.ComputedMemberArmsSql(store.Dialect, holdout) : HoldoutAssignment.MemberArmsSql(store.Dialect, holdout);
        IReadOnlyList<QueryParameter> parameters = computed ? HoldoutAssignment.ComputedArmParameters(holdout, segment.SegmentId) : HoldoutAssignment.ArmParameters(holdout, segment.SegmentId);
        QueryResult rows = await store.QueryAsync(new SqlStatement($"SELECT customer_id, decile, predicted_uplift, held FROM ({arms}) a ORDER BY customer_id", parameters));
        return [.. rows.Rows.Select(r => string.Join('|',
            (string)r[0]!,
            Convert.ToInt64(r[1], CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture),
            r[2] is null or DBNull ? "null" : Convert.ToDouble(r[2], CultureInfo.InvariantCulture).ToString("R", CultureInfo.InvariantCulture),
            Convert.ToInt64(r[3], CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture)))];
    }

    private static async Task<string> ExportAsync(EngineHost host, string segmentId)
    {
        using MemoryStream csv = new();
        await host.Engine.ExportAsync(segmentId, SegmentExportFormat.Csv, csv, new SegmentExportOptions { Holdout = HoldoutExport.Mark }, CancellationToken.None);
        using MemoryStream without = new();
        await host.Engine.ExportAsync(segmentId, SegmentExportFormat.Csv, without, new SegmentExportOptions { Holdout = HoldoutExport.Exclude }, CancellationToken.None);
        return Encoding.UTF8.GetString(csv.ToArray()) + "\n--\n" + Encoding.UTF8.GetString(without.ToArray());
    }

    /// <summary>The report over an outcome file in which every seventh member converted.</summary>
    private static async Task<ExperimentReport> ReportAsync(EngineHost host, string segmentId, string[] ids)
    {
        string file = "customer_id,converted\n" + string.Concat(ids.Select((id, i) => $"{id},{(i % 7 == 0 ? 1 : 0)}\n"));
        using MemoryStream outcomes = new(Encoding.UTF8.GetBytes(file));
        return await host.Services.GetRequiredService<ExperimentService>().ResultsAsync(segmentId, outcomes);
    }

    private static async Task<string[]> MemberIdsAsync(DuckDBDataStore store, SqlStatement members)
    {
        QueryResult rows = await store.QueryAsync(new SqlStatement($"SELECT customer_id FROM ({members.Sql}) m ORDER BY customer_id", members.Parameters));
        return [.. rows.Rows.Select(r => (string)r[0]!)];
    }

    private static Task<(StoredSegment Segment, SqlStatement Members)> NewSegmentAsync(EngineHost host) =>
        SegmentStoreScorerTests.NewSegmentAsync(host, Trigger, "kept-arms");
}
