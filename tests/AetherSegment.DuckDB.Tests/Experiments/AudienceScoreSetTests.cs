using System.Globalization;
using AetherSegment.Data;
using AetherSegment.DuckDB.Tests.Segments;
using AetherSegment.Experiments;
using AetherSegment.Segments;
using Microsoft.Extensions.DependencyInjection;

namespace AetherSegment.DuckDB.Tests.Experiments;

/// <summary>
/// Audience score sets in the DuckDB store: a stratified holdout that references a kept set gets the deciles and arms a
/// score row per member gives; a member the set does not hold is unscored (decile 0); a reference to a set that is not
/// there stores nothing; keeping a set drops the old ones no segment references.
/// </summary>
public sealed class AudienceScoreSetTests
{
    private const string Trigger = "personalized_discount_offer";

    [Fact]
    public async Task ReferencedSet_GivesTheDecilesAndArmsOfPerMemberScores_AndAMemberOutsideTheSetIsUnscored()
    {
        await using EngineHost host = await EngineHost.CreateAsync(2_000);
        ISegmentStore segments = host.Services.GetRequiredService<ISegmentStore>();
        Assert.True(segments.KeepsAudienceScores);
        (StoredSegment segment, SqlStatement members) = await NewSegmentAsync(host);
        string[] ids = await MemberIdsAsync(host.Store, members);
        Assert.True(ids.Length > 300);

        // Uplift with ties, so the order by customer id within a tie matters.
        static double Uplift(string id) => (id.GetHashCode(StringComparison.Ordinal) & 63) / 1000.0;
        string[] outside = ids[..7];
        string[] scoredIds = ids[7..];
        StoredSegment perMember = await segments.CreateAsync(HoldoutAssignment.WithScores(segment, Scores(scoredIds)), members,
            Scores(scoredIds), CancellationToken.None);

        // The set holds the scored members and customers outside the segment (who must not shift the ranks).
        string[] nonMembers = [.. Enumerable.Range(0, 50).Select(i => "not-a-member-" + i.ToString(CultureInfo.InvariantCulture))];
        string[] setIds = [.. nonMembers, .. scoredIds];
        await segments.KeepAudienceScoresAsync("aud_test", setIds, [.. setIds.Select(Uplift)], CancellationToken.None);
        SegmentHoldout referencing = segment.Holdout! with { Method = HoldoutAssignment.StratifiedMethod, Scores = "aud_test" };
        StoredSegment byReference = await segments.CreateAsync(segment with { SegmentId = NewId(), Holdout = referencing }, members, CancellationToken.None);

        Assert.Equal(perMember.Size, byReference.Size);
        Assert.Equal("aud_test", (await segments.GetAsync(byReference.SegmentId))!.Holdout!.Scores);
        Dictionary<string, (int Decile, int Held)> expected = await ArmsAsync(host.Store, perMember);
        Dictionary<string, (int Decile, int Held)> actual = await ArmsAsync(host.Store, byReference);
        Assert.Equal(ids.Length, actual.Count);
        Assert.All(outside, id => Assert.Equal(0, actual[id].Decile));
        Assert.Equal(expected.OrderBy(e => e.Key, StringComparer.Ordinal), actual.OrderBy(a => a.Key, StringComparer.Ordinal));
        // And the .NET reference: deciles of the scored members by MemberUpliftScores, the held-out members by rank in each.
        MemberUpliftScores reference = Scores(scoredIds);
        Dictionary<string, int> deciles = scoredIds.Select((id, i) => (id, reference.Deciles[i])).ToDictionary(d => d.id, d => d.Item2, StringComparer.Ordinal);
        Assert.All(scoredIds, id => Assert.Equal(deciles[id], actual[id].Decile));
        HashSet<string> held = HoldoutAssignment.HeldOut(referencing, ids, id => deciles.GetValueOrDefault(id));
        Assert.Equal(held.Order(StringComparer.Ordinal), actual.Where(a => a.Value.Held == 1).Select(a => a.Key).Order(StringComparer.Ordinal));
        Assert.Empty(await CalibrationDuckDBTests.DecilesAsync(host.Store, byReference.SegmentId));

        MemberUpliftScores Scores(string[] scored) => new(Trigger, scored, [.. scored.Select(Uplift)]);
    }

    [Fact]
    public async Task Create_ReferencingASetNotInTheStore_IsRefused_AndStoresNothing()
    {
        await using EngineHost host = await EngineHost.CreateAsync(300);
        ISegmentStore segments = host.Services.GetRequiredService<ISegmentStore>();
        (StoredSegment segment, SqlStatement members) = await NewSegmentAsync(host);
        SegmentHoldout missing = segment.Holdout! with { Method = HoldoutAssignment.StratifiedMethod, Scores = "aud_gone" };

        DataStoreException error = await Assert.ThrowsAsync<DataStoreException>(() => segments.CreateAsync(segment with { Holdout = missing }, members, CancellationToken.None));

        Assert.Contains("aud_gone", error.Message, StringComparison.Ordinal);
        Assert.Null(await segments.GetAsync(segment.SegmentId));
        Assert.Equal(0L, await CountAsync(host.Store, $"SELECT COUNT(*) FROM {SegmentTables.MembersTableName}"));
    }

    [Fact]
    public async Task KeepingASet_DropsOldSetsNoSegmentReferences_AndKeepsReferencedAndRecentOnes()
    {
        await using EngineHost host = await EngineHost.CreateAsync(300);
        ISegmentStore segments = host.Services.GetRequiredService<ISegmentStore>();
        (StoredSegment segment, SqlStatement members) = await NewSegmentAsync(host);
        string[] ids = await MemberIdsAsync(host.Store, members);
        double[] uplift = [.. ids.Select((_, i) => i / 1000.0)];
        await segments.KeepAudienceScoresAsync("aud_referenced", ids, uplift, CancellationToken.None);
        await segments.KeepAudienceScoresAsync("aud_unreferenced", ids, uplift, CancellationToken.None);
        StoredSegment stored = await segments.CreateAsync(segment with
        {
            Holdout = segment.Holdout! with { Method = HoldoutAssignment.StratifiedMethod, Scores = "aud_referenced" },
        }, members, CancellationToken.None);
        // Both written more than the retention ago.
        await CountAsync(host.Store, $"UPDATE {AudienceUpliftScores.SetsTableName} SET created_at = created_at - INTERVAL 2 HOUR RETURNING 1");

        await segments.KeepAudienceScoresAsync("aud_recent", ids, uplift, CancellationToken.None);
        await segments.KeepAudienceScoresAsync("aud_newest", ids, uplift, CancellationToken.None);

        Assert.Equal(["aud_newest", "aud_recent", "aud_referenced"], await SetsAsync(host.Store));
        Assert.Equal(3L * ids.Length, await CountAsync(host.Store, $"SELECT COUNT(*) FROM {AudienceUpliftScores.TableName}"));

        // Once its segment is deleted, the old set goes with the next one kept.
        Assert.True(await segments.DeleteAsync(stored.SegmentId));
        await segments.KeepAudienceScoresAsync("aud_latest", ids, uplift, CancellationToken.None);
        Assert.Equal(["aud_latest", "aud_newest", "aud_recent"], await SetsAsync(host.Store));
        Assert.Equal(3L * ids.Length, await CountAsync(host.Store, $"SELECT COUNT(*) FROM {AudienceUpliftScores.TableName}"));
    }

    [Fact]
    public async Task FindByKey_FindsOnlyTheSameTriggerVersionAndModels_WithAnAsOfWithinTheLag_NewestFirst()
    {
        await using EngineHost host = await EngineHost.CreateAsync(50);
        ISegmentStore segments = host.Services.GetRequiredService<ISegmentStore>();
        DateTimeOffset asOf = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);
        AudienceScoreSetKey key = new() { Trigger = Trigger, DataVersion = "10|5|77", Model = "m1", AsOf = asOf };
        Assert.Null(await segments.FindAudienceScoresAsync(key, TimeSpan.Zero, CancellationToken.None));
        await segments.KeepAudienceScoresAsync("aud_old", key with { AsOf = asOf.AddMinutes(-10) }, ["c1"], [0.1], CancellationToken.None);
        await segments.KeepAudienceScoresAsync("aud_exact", key, ["c1"], [0.1], CancellationToken.None);
        await segments.KeepAudienceScoresAsync("aud_other_trigger", key with { Trigger = "cart_reminder" }, ["c1"], [0.1], CancellationToken.None);
        await segments.KeepAudienceScoresAsync("aud_other_version", key with { DataVersion = "11|5|78" }, ["c1"], [0.1], CancellationToken.None);
        await segments.KeepAudienceScoresAsync("aud_other_model", key with { Model = "m2" }, ["c1"], [0.1], CancellationToken.None);
        await segments.KeepAudienceScoresAsync("aud_later", key with { AsOf = asOf.AddMinutes(5) }, ["c1"], [0.1], CancellationToken.None);
        await segments.KeepAudienceScoresAsync("aud_no_key", ["c1"], [0.1], CancellationToken.None);

        Assert.Equal("aud_exact", await segments.FindAudienceScoresAsync(key, TimeSpan.Zero, CancellationToken.None));
        Assert.Equal("aud_exact", await segments.FindAudienceScoresAsync(key, TimeSpan.FromMinutes(15), CancellationToken.None));
        Assert.Equal("aud_old", await segments.FindAudienceScoresAsync(key with { AsOf = asOf.AddMinutes(-1) }, TimeSpan.FromMinutes(15), CancellationToken.None));
        Assert.Null(await segments.FindAudienceScoresAsync(key with { AsOf = asOf.AddMinutes(-1) }, TimeSpan.Zero, CancellationToken.None));
        Assert.Null(await segments.FindAudienceScoresAsync(key with { Model = "m3" }, TimeSpan.FromMinutes(15), CancellationToken.None));
    }

    [Fact]
    public async Task Candidate_ReferencedOnlyWhenItScoresEveryMember_ElseTheScorerScoresThem()
    {
        await using EngineHost host = await EngineHost.CreateAsync(2_000);
        ISegmentStore segments = host.Services.GetRequiredService<ISegmentStore>();
        (StoredSegment segment, SqlStatement members) = await NewSegmentAsync(host);
        string[] ids = await MemberIdsAsync(host.Store, members);
        static double Uplift(string id) => (id.GetHashCode(StringComparison.Ordinal) & 63) / 1000.0;
        AudienceScoreSetKey key = new() { Trigger = Trigger, DataVersion = "v", Model = "m", AsOf = segment.AsOf };
        await segments.KeepAudienceScoresAsync("aud_partial", key, ids[1..], [.. ids[1..].Select(Uplift)], CancellationToken.None);
        int scorings = 0;
        Task<MemberUpliftScores?> Scorer(IReadOnlyList<long>? fingerprints, CancellationToken token)
        {
            scorings++;
            return Task.FromResult<MemberUpliftScores?>(new MemberUpliftScores(Trigger, ids, [.. ids.Select(Uplift)]));
        }

        // One member missing from the candidate: not referenced, the members are scored and their arms kept.
        StoredSegment scored = await segments.CreateAsync(segment, members, _ => Task.FromResult<string?>("aud_partial"), Scorer, CancellationToken.None);
        Assert.Equal(1, scorings);
        Assert.Null(scored.Holdout!.Scores);
        Assert.True(scored.Holdout.IsStratified);
        Assert.True(scored.Holdout.ArmsKept);
        Assert.Equal(0L, await CountAsync(host.Store, $"SELECT COUNT(*) FROM {AudienceUpliftScores.ReferencesTableName}"));

        // The scores kept by key with the partial set's customers: the new set covers everyone and is referenced, with the same arms.
        await segments.KeepAudienceScoresAsync("aud_full", key, ids[..1], [Uplift(ids[0])], CancellationToken.None);
        Assert.Equal(ids.Length, await CountAsync(host.Store, $"SELECT COUNT(*) FROM {AudienceUpliftScores.TableName} WHERE set_id = 'aud_full'"));
        Assert.Equal("aud_full", await segments.FindAudienceScoresAsync(key, TimeSpan.Zero, CancellationToken.None));
        StoredSegment referencing = await segments.CreateAsync(segment with { SegmentId = NewId() }, members, _ => Task.FromResult<string?>("aud_full"), Scorer, CancellationToken.None);
        Assert.Equal(1, scorings);
        Assert.Equal("aud_full", referencing.Holdout!.Scores);
        Assert.True(referencing.Holdout.IsStratified);
        // No candidate: scored, as without sets.
        StoredSegment none = await segments.CreateAsync(segment with { SegmentId = NewId() }, members, _ => Task.FromResult<string?>(null), Scorer, CancellationToken.None);
        Assert.Equal(2, scorings);
        Assert.Null(none.Holdout!.Scores);
        Assert.True(none.Holdout.ArmsKept);
        Assert.Equal((await ArmsAsync(host.Store, scored)).OrderBy(a => a.Key, StringComparer.Ordinal), (await ArmsAsync(host.Store, referencing)).OrderBy(a => a.Key, StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("")]
    [InlineData("aud'; DROP TABLE segments; --")]
    public async Task KeepingASet_WithAMalformedId_IsRefused(string setId)
    {
        await using EngineHost host = await EngineHost.CreateAsync(50);
        ISegmentStore segments = host.Services.GetRequiredService<ISegmentStore>();
        await Assert.ThrowsAsync<ArgumentException>(() => segments.KeepAudienceScoresAsync(setId, ["c1"], [0.1], CancellationToken.None));
    }

    private static async Task<Dictionary<string, (int Decile, int Held)>> ArmsAsync(DuckDBDataStore store, StoredSegment segment)
    {
        QueryResult rows = await store.QueryAsync(new SqlStatement(
            $"SELECT customer_id, decile, held FROM ({HoldoutAssignment.MemberArmsSql(store.Dialect, segment.Holdout!)}) a",
            HoldoutAssignment.ArmParameters(segment.Holdout!, segment.SegmentId)));
        return rows.Rows.ToDictionary(r => (string)r[0]!, r => ((int)Convert.ToInt64(r[1], CultureInfo.InvariantCulture), (int)Convert.ToInt64(r[2], CultureInfo.InvariantCulture)), StringComparer.Ordinal);
    }

    private static async Task<string[]> MemberIdsAsync(DuckDBDataStore store, SqlStatement members)
    {
        QueryResult rows = await store.QueryAsync(new SqlStatement($"SELECT customer_id FROM ({members.Sql}) m ORDER BY customer_id", members.Parameters));
        return [.. rows.Rows.Select(r => (string)r[0]!)];
    }

    private static async Task<string[]> SetsAsync(DuckDBDataStore store)
    {
        QueryResult rows = await store.QueryAsync(new SqlStatement($"SELECT set_id FROM {AudienceUpliftScores.SetsTableName} ORDER BY set_id"));
        return [.. rows.Rows.Select(r => (string)r[0]!)];
    }

    private static async Task<long> CountAsync(DuckDBDataStore store, string sql)
    {
        QueryResult result = await store.QueryAsync(new SqlStatement(sql));
        return result.Rows.Count == 0 ? 0 : Convert.ToInt64(result.Rows[0][0], CultureInfo.InvariantCulture);
    }

    private static string NewId() => "seg_" + Guid.NewGuid().ToString("N");

    private static Task<(StoredSegment Segment, SqlStatement Members)> NewSegmentAsync(EngineHost host) =>
        SegmentStoreScorerTests.NewSegmentAsync(host, Trigger, "score-sets");
}
