using System.Globalization;
using AetherSegment.Data;
using AetherSegment.DuckDB.Tests.Segments;
using AetherSegment.Experiments;
using AetherSegment.Interpretation;
using AetherSegment.Segments;
using Microsoft.Extensions.DependencyInjection;

namespace AetherSegment.DuckDB.Tests.Experiments;

/// <summary>
/// The one-pass activation of a ranked segment with a holdout: the DuckDB segment store writes the members, hands the
/// scorer their fingerprints from the same statement, and keeps the scores and the stratified holdout in one commit;
/// a scorer that fails leaves nothing behind.
/// </summary>
public sealed class SegmentStoreScorerTests
{
    [Fact]
    public async Task CreateWithScorer_HandsTheWrittenMembersFingerprints_AndKeepsTheirScoresWithAStratifiedHoldout()
    {
        await using EngineHost host = await EngineHost.CreateAsync(3_000);
        ISegmentStore segments = host.Services.GetRequiredService<ISegmentStore>();
        (StoredSegment segment, SqlStatement members) = await NewSegmentAsync(host);
        Dictionary<long, string> idByFingerprint = await FingerprintsAsync(host.Store, members);
        Assert.True(idByFingerprint.Count > 100);

        List<long> handed = [];
        StoredSegment stored = await segments.CreateAsync(segment, members, (fingerprints, _) =>
        {
            handed.AddRange(fingerprints!);
            string[] ids = [.. fingerprints!.Select(f => idByFingerprint[f]).Order(StringComparer.Ordinal)];
            double[] uplift = [.. ids.Select(id => (double)(id.GetHashCode(StringComparison.Ordinal) % 1000) / 10_000)];
            return Task.FromResult<MemberUpliftScores?>(new MemberUpliftScores("personalized_discount_offer", ids, uplift));
        }, CancellationToken.None);

        // Exactly the members written, each once.
        Assert.Equal(idByFingerprint.Keys.Order(), handed.Order());
        Assert.Equal(idByFingerprint.Count, stored.Size);
        Assert.True(stored.Holdout!.IsStratified, stored.Holdout.Method);
        Assert.True((await segments.GetAsync(stored.SegmentId))!.Holdout!.IsStratified);
        Dictionary<string, int> deciles = await CalibrationDuckDBTests.DecilesAsync(host.Store, stored.SegmentId);
        Assert.Equal(idByFingerprint.Values.Order(StringComparer.Ordinal), deciles.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(10, deciles.Values.Distinct().Count());
    }

    [Fact]
    public async Task CreateWithScorer_ScorerReturnsNothing_KeepsTheHoldoutUnstratified()
    {
        await using EngineHost host = await EngineHost.CreateAsync(500);
        ISegmentStore segments = host.Services.GetRequiredService<ISegmentStore>();
        (StoredSegment segment, SqlStatement members) = await NewSegmentAsync(host);

        StoredSegment stored = await segments.CreateAsync(segment, members, (_, _) => Task.FromResult<MemberUpliftScores?>(null), CancellationToken.None);

        Assert.True(stored.Size > 0);
        Assert.Equal(HoldoutAssignment.Method, stored.Holdout!.Method);
        Assert.Empty(await CalibrationDuckDBTests.DecilesAsync(host.Store, stored.SegmentId));
    }

    [Fact]
    public async Task CreateWithScorer_ScorerFails_StoresNothing()
    {
        await using EngineHost host = await EngineHost.CreateAsync(500);
        ISegmentStore segments = host.Services.GetRequiredService<ISegmentStore>();
        (StoredSegment segment, SqlStatement members) = await NewSegmentAsync(host);

        await Assert.ThrowsAsync<InvalidOperationException>(() => segments.CreateAsync(segment, members,
            (_, _) => Task.FromException<MemberUpliftScores?>(new InvalidOperationException("the model went away")), CancellationToken.None));

        Assert.Null(await segments.GetAsync(segment.SegmentId));
        QueryResult written = await host.Store.QueryAsync(new SqlStatement(
            $"SELECT COUNT(*) FROM {SegmentTables.MembersTableName} WHERE segment_id = $s", [QueryParameter.String("s", segment.SegmentId)]));
        Assert.Equal(0L, Convert.ToInt64(written.Scalar(), CultureInfo.InvariantCulture));
        Assert.Empty(await CalibrationDuckDBTests.DecilesAsync(host.Store, segment.SegmentId));
    }

    /// <summary>A segment of everyone in the US, not yet stored, with a 20% holdout salted <paramref name="salt"/>, and its members' statement.</summary>
    internal static async Task<(StoredSegment Segment, SqlStatement Members)> NewSegmentAsync(EngineHost host, string? trigger = null, string salt = "one-pass")
    {
        CampaignObjective everyone = new() { Objective = "Everyone in the US", Audience = new Audience { Countries = ["United States"] } };
        SegmentDefinition definition = await host.Engine.DefineAsync(everyone, trigger, null);
        SqlStatement members = host.Engine.CompileMembers(definition, host.Store.Dialect);
        StoredSegment segment = new()
        {
            SegmentId = "seg_" + Guid.NewGuid().ToString("N"),
            Trigger = trigger,
            Explanation = new SegmentExplanation { Summary = "Everyone in the US" },
            Filters = definition.Filters,
            AsOf = definition.AsOf,
            CreatedAt = host.Time.GetUtcNow(),
            Sql = members.Sql,
            Parameters = members.Parameters,
            Holdout = HoldoutAssignment.Create(0.2, salt),
        };
        return (segment, members);
    }

    /// <summary>Each member's fingerprint (the dialect's hash of the id), read with a query of its own.</summary>
    private static async Task<Dictionary<long, string>> FingerprintsAsync(DuckDBDataStore store, SqlStatement members)
    {
        QueryResult rows = await store.QueryAsync(new SqlStatement(
            $"SELECT customer_id, {store.Dialect.Fingerprint("customer_id")} FROM ({members.Sql}) m", members.Parameters));
        Dictionary<long, string> byFingerprint = [];
        foreach (object?[] row in rows.Rows)
        {
            byFingerprint.Add(row[1] is ulong fingerprint ? unchecked((long)fingerprint) : Convert.ToInt64(row[1], CultureInfo.InvariantCulture), (string)row[0]!);
        }

        return byFingerprint;
    }
}
