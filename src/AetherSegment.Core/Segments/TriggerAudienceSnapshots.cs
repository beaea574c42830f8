using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using AetherSegment.Data;
using AetherSegment.DataModel;
using AetherSegment.Diagnostics;
using AetherSegment.Profiles;
using AetherSegment.Uplift;
using Microsoft.Extensions.Logging;

namespace AetherSegment.Segments;

/// <summary>
/// For long-lived hosts (<see cref="TriggerRankingOptions.AudienceSnapshotMaxLag"/>): every customer's predicted
/// uplift per trigger and which trigger filters they pass, computed once per data version and as-of, so an analyze ranks
/// its triggers from one light query (the members, with the ranker's hash-sample rank) instead of the trigger-filter
/// and feature queries over every event, transaction and cart. Built in the background after a change (or by the
/// web host's warm-up); a snapshot at most the maximum lag behind the request's as-of still serves (the live event
/// stream moves the as-of every second), and one more than a third of the lag behind is rebuilt in the background. With the snapshot's as-of equal to the request's, the answer
/// is the one the per-request path gives (same sample, same features, same sums in the same order). Triggers are the
/// ranker's profile's, indexed by their position there.
/// </summary>
/// <remarks>Thread-safe: one build at a time; readers take the current snapshot atomically.</remarks>
internal sealed partial class TriggerAudienceSnapshots(StoreTriggerRanker ranker, IDataStore store, TimeSpan maxLag, ILogger logger)
{
    private readonly BusinessProfile _profile = ranker.Profile;
    private readonly Lock _gate = new();
    private volatile Snapshot? _current;
    private Task? _building;
    private (string Version, DateTimeOffset AsOf)? _buildingKey;
    private int _builds;

    /// <summary>How many snapshots were built (for tests and diagnostics).</summary>
    public int Builds => Volatile.Read(ref _builds);

    /// <summary>Ranks the triggers over <paramref name="definition"/>'s members from a snapshot, or returns null when none is close enough (a build then starts in the background).</summary>
    public async Task<IReadOnlyList<TriggerSuggestion>?> TryRankAsync(SegmentDefinition definition, CancellationToken cancellationToken)
    {
        long started = Stopwatch.GetTimestamp();
        (string version, StoreTriggerRanker.TriggerModels models) = await ranker.VersionedModelsAsync(cancellationToken).ConfigureAwait(false);
        double versionMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        Snapshot? snapshot = _current;
        // A newer as-of within a third of the lag keeps the snapshot without a rebuild: with the live event stream the
        // as-of moves every few seconds, and rebuilding after every analyze would keep a core busy.
        if (snapshot is null || snapshot.Version != version || definition.AsOf < snapshot.AsOf || definition.AsOf - snapshot.AsOf > maxLag / 3)
        {
            _ = StartBuild(version, models, definition.AsOf);
        }

        if (snapshot is null || snapshot.Version != version || definition.AsOf < snapshot.AsOf || definition.AsOf - snapshot.AsOf > maxLag)
        {
            return null;
        }

        return await RankAsync(snapshot, models, definition, versionMs, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Builds the snapshot for the current models and <paramref name="asOf"/> now, unless it exists (the web host's warm-up).</summary>
    public async Task EnsureAsync(DateTimeOffset asOf, CancellationToken cancellationToken)
    {
        (string version, StoreTriggerRanker.TriggerModels models) = await ranker.VersionedModelsAsync(cancellationToken).ConfigureAwait(false);
        if (_current is { } s && s.Version == version && s.AsOf == asOf)
        {
            return;
        }

        await StartBuild(version, models, asOf).WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    private Task StartBuild(string version, StoreTriggerRanker.TriggerModels models, DateTimeOffset asOf)
    {
        lock (_gate)
        {
            if (_building is { IsCompleted: false } running)
            {
                return _buildingKey == (version, asOf) ? running : Task.CompletedTask;
            }

            _buildingKey = (version, asOf);
            _building = Task.Run(() => BuildAsync(version, models, asOf), CancellationToken.None);
            return _building;
        }
    }

    private async Task BuildAsync(string version, StoreTriggerRanker.TriggerModels models, DateTimeOffset asOf)
    {
        long started = Stopwatch.GetTimestamp();
        try
        {
            SqlDialect dialect = store.Dialect;
            SqlStatement everyone = SegmentSqlCompiler.Everyone(_profile, dialect);
            StoreTriggerRanker.MemberUplift scored = await ranker.ScoreAllAsync(models, everyone, asOf, CancellationToken.None).ConfigureAwait(false);

            // Customers are numbered in ordinal id order (the order the per-request path sums in), so sorting the
            // sampled members' numbers sorts them by id.
            int n = scored.CustomerIds.Length;
            int[] order = new int[n];
            for (int i = 0; i < n; i++)
            {
                order[i] = i;
            }

            string[] sourceIds = scored.CustomerIds;
            Array.Sort(order, (a, b) => string.CompareOrdinal(sourceIds[a], sourceIds[b]));
            string[] ids = new string[n];
            Dictionary<string, int> index = new(n, StringComparer.Ordinal);
            for (int i = 0; i < n; i++)
            {
                ids[i] = sourceIds[order[i]];
                index[ids[i]] = i;
            }

            double[][] uplift = new double[scored.Uplift.Length][];
            bool[]?[] outside = new bool[]?[uplift.Length];
            for (int t = 0; t < uplift.Length; t++)
            {
                double[] source = scored.Uplift[t];
                double[] target = uplift[t] = new double[n];
                for (int i = 0; i < n; i++)
                {
                    target[i] = source[order[i]];
                }

                // Whether each customer is outside the trigger's treated support, so a ranking from the snapshot
                // reports the same overlap share and extrapolation warning as the per-request path.
                if (scored.Outside?[t] is { } sourceOutside)
                {
                    bool[] targetOutside = outside[t] = new bool[n];
                    for (int i = 0; i < n; i++)
                    {
                        targetOutside[i] = sourceOutside[order[i]];
                    }
                }
            }

            SegmentDefinition all = new() { Filters = [], AsOf = asOf };
            SegmentCondition?[] conditions = [.. _profile.Triggers.Select(t => TriggerEligibilityFilter.ConditionOf(_profile, t))];
            SqlStatement flagsQuery = SegmentSqlCompiler.TriggerFlags(_profile, all, dialect, conditions);
            bool[][] flags = await store.ReadAsync(flagsQuery, (reader, ct) => ReadFlagsAsync(reader, index, conditions.Length, ct), CancellationToken.None).ConfigureAwait(false);

            // Every customer's fingerprint (the dialect's hash of the id) and position in the ranker's sample order.
            SqlStatement fingerprints = new($"""
                SELECT e.customer_id, {dialect.Fingerprint("e.customer_id")} AS fp
                FROM ({everyone.Sql}) e
                ORDER BY 2, 1
                """, everyone.Parameters);
            Fingerprints? keys = await store.ReadAsync(fingerprints, (reader, ct) => ReadFingerprintsAsync(reader, index, ct), CancellationToken.None).ConfigureAwait(false);
            if (keys is null)
            {
                LogBuildFailed(logger, "two customer ids share a fingerprint");
                return;
            }

            _current = new Snapshot(version, asOf, ids, flags, uplift, outside, keys.ByFingerprint, keys.RankOf, keys.ByRank);
            Interlocked.Increment(ref _builds);
            double seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
            LogBuilt(logger, n, asOf, seconds);
        }
        catch (Exception ex) when (ex is DataStoreException or OperationCanceledException or InvalidOperationException)
        {
            LogBuildFailed(logger, ex.Message);
        }
    }

    /// <summary>
    /// Every member's predicted uplift for the trigger at position <paramref name="trigger"/> from <paramref name="snapshot"/>:
    /// one light query reads the members' fingerprints, and the snapshot already holds their scores (what a stratified
    /// holdout needs at activation, instead of the feature query and a scoring pass over every member). Null when a member
    /// is not in the snapshot (a customer added since it was built); the caller then scores per request.
    /// </summary>
    public async Task<(string[] CustomerIds, double[] Uplift)?> MemberScoresAsync(Snapshot snapshot, SqlStatement members, int trigger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(members);
        if ((uint)trigger >= (uint)snapshot.Uplift.Length)
        {
            return null;
        }

        SqlStatement fingerprints = new($"""
            SELECT DISTINCT {store.Dialect.Fingerprint("m.customer_id")} AS fp
            FROM ({members.Sql}) m
            """, members.Parameters);
        List<long> read = await store.ReadAsync(fingerprints, async (reader, ct) =>
        {
            bool unsigned = reader.GetFieldType(0) == typeof(ulong);
            List<long> found = [];
            while (await reader.ReadAsync(ct).ConfigureAwait(false))
            {
                found.Add(Fingerprint(reader, 0, unsigned));
            }

            return found;
        }, cancellationToken).ConfigureAwait(false);
        return MemberScores(snapshot, read, trigger);
    }

    /// <summary>
    /// The predicted uplift for the trigger at position <paramref name="trigger"/> of the members whose fingerprints
    /// (the dialect's <see cref="SqlDialect.Fingerprint"/> of the customer id, in any order, repeats ignored) are given,
    /// from <paramref name="snapshot"/>, in customer id order; null when a member is not in the snapshot or the
    /// trigger is out of range.
    /// </summary>
    public static (string[] CustomerIds, double[] Uplift)? MemberScores(Snapshot snapshot, IReadOnlyList<long> fingerprints, int trigger)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(fingerprints);
        if ((uint)trigger >= (uint)snapshot.Uplift.Length)
        {
            return null;
        }

        // Positions marked in the snapshot's customer id order, so the scores do not depend on the order the store
        // returned the members in, and a member listed twice counts once.
        bool[] member = new bool[snapshot.Ids.Length];
        int count = 0;
        for (int k = 0; k < fingerprints.Count; k++)
        {
            if (!snapshot.ByFingerprint.TryGetValue(fingerprints[k], out int i))
            {
                return null;
            }

            count += member[i] ? 0 : 1;
            member[i] = true;
        }

        string[] ids = new string[count];
        double[] uplift = new double[count];
        double[] source = snapshot.Uplift[trigger];
        int next = 0;
        for (int i = 0; i < member.Length && next < count; i++)
        {
            if (member[i])
            {
                ids[next] = snapshot.Ids[i];
                uplift[next++] = source[i];
            }
        }

        return (ids, uplift);
    }

    /// <summary>Reads the fingerprints in sample order; null when two customers share one (the snapshot then steps aside).</summary>
    private static async Task<Fingerprints?> ReadFingerprintsAsync(DbDataReader reader, Dictionary<string, int> index, CancellationToken cancellationToken)
    {
        Dictionary<long, int> byFingerprint = new(index.Count);
        int[] rankOf = new int[index.Count];
        Array.Fill(rankOf, -1);
        List<int> byRank = new(index.Count);
        bool unsigned = reader.GetFieldType(1) == typeof(ulong);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            if (!index.TryGetValue(reader.GetString(0), out int i) || rankOf[i] >= 0)
            {
                continue;   // a customer added after the scoring: the analyses that meet it rank per request
            }

            if (!byFingerprint.TryAdd(Fingerprint(reader, 1, unsigned), i))
            {
                return null;
            }

            rankOf[i] = byRank.Count;
            byRank.Add(i);
        }

        return new Fingerprints(byFingerprint, rankOf, [.. byRank]);
    }

    private static long Fingerprint(DbDataReader reader, int column, bool unsigned) =>
        unsigned ? unchecked((long)reader.GetFieldValue<ulong>(column)) : reader.GetInt64(column);

    private static async Task<bool[][]> ReadFlagsAsync(DbDataReader reader, Dictionary<string, int> index, int triggers, CancellationToken cancellationToken)
    {
        bool[][] flags = new bool[triggers][];
        int id = reader.GetOrdinal("customer_id");
        int[] columns = new int[triggers];
        for (int t = 0; t < columns.Length; t++)
        {
            flags[t] = new bool[index.Count];
            columns[t] = reader.GetOrdinal("t" + t.ToString(CultureInfo.InvariantCulture));
        }

        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            if (!index.TryGetValue(reader.GetString(id), out int i))
            {
                continue;
            }

            for (int t = 0; t < columns.Length; t++)
            {
                flags[t][i] = !reader.IsDBNull(columns[t]) && reader.GetBoolean(columns[t]);
            }
        }

        return flags;
    }

    private async Task<IReadOnlyList<TriggerSuggestion>?> RankAsync(Snapshot snapshot, StoreTriggerRanker.TriggerModels models, SegmentDefinition definition, double versionMs, CancellationToken cancellationToken)
    {
        long started = Stopwatch.GetTimestamp();
        // One light statement: the members' fingerprints (the dialect's hash of the id). The snapshot maps each to its
        // customer, so the per-trigger counts, the de-duplication and the ranker's hash sample (the first
        // ScoringSampleSize members in fingerprint order, as the per-request path samples) need no sort, window or id
        // string in the store.
        SqlDialect dialect = store.Dialect;
        SqlStatement members = SegmentSqlCompiler.Members(_profile, definition, dialect);
        SqlStatement fingerprints = new($"SELECT {dialect.Fingerprint("m.customer_id")} AS fp FROM ({members.Sql}) m", members.Parameters);
        Membership? membership = await store.ReadAsync(fingerprints, (reader, ct) => ReadMembershipAsync(reader, snapshot, ct), cancellationToken).ConfigureAwait(false);
        double membersMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        if (membership is null)
        {
            // A member newer than the snapshot: the per-request path answers, and a snapshot with it is built.
            _ = StartBuild(snapshot.Version, models, definition.AsOf);
            return null;
        }

        return Suggest(snapshot, models, membership, versionMs, membersMs);
    }

    /// <summary>
    /// The snapshot an analyze as of <paramref name="asOf"/> may rank from, taken before the data version is known (the
    /// caller reads the members' fingerprints with its preview, <see cref="ReadPreviewAndMembersAsync"/>, while the
    /// version is probed, then calls <see cref="RankMembers"/>); null when none is close enough.
    /// </summary>
    public Snapshot? Candidate(DateTimeOffset asOf) =>
        _current is { } s && asOf >= s.AsOf && asOf - s.AsOf <= maxLag ? s : null;

    /// <summary>
    /// Ranks from <paramref name="snapshot"/> (a <see cref="Candidate"/>) and the members read with the preview, as
    /// <see cref="TryRankAsync"/> does: null when the data version moved since the snapshot or a member is not in it
    /// (a build then starts in the background and the caller ranks per request).
    /// </summary>
    public IReadOnlyList<TriggerSuggestion>? RankMembers(Snapshot snapshot, string version, StoreTriggerRanker.TriggerModels models, Membership? membership, DateTimeOffset asOf, double versionMs, double membersMs)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        // The same span as the per-request ranking, so a trace of a warm analyze shows where its ranking time went.
        using Activity? activity = AetherSegmentTelemetry.ActivitySource.StartActivity("uplift.rank");
        activity?.SetTag("aethersegment.ranking.source", "snapshot");
        Snapshot? current = _current;
        if (current is null || current.Version != version || asOf < current.AsOf || asOf - current.AsOf > maxLag / 3)
        {
            _ = StartBuild(version, models, asOf);
        }

        if (snapshot.Version != version)
        {
            return null;
        }

        if (membership is null)
        {
            _ = StartBuild(snapshot.Version, models, asOf);
            return null;
        }

        return Suggest(snapshot, models, membership, versionMs, membersMs);
    }

    /// <summary>
    /// Reads a preview statement compiled with member fingerprints (<see cref="SegmentSqlCompiler.Preview"/>): the
    /// preview's rows, materialized as <see cref="IDataStore.QueryAsync"/> would, and the members (kind = -3) as a set
    /// over <paramref name="snapshot"/>'s customers (null when one is not in it).
    /// </summary>
    public static async Task<(QueryResult Preview, Membership? Members)> ReadPreviewAndMembersAsync(DbDataReader reader, Snapshot snapshot, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(snapshot);
        string[] columns = new string[reader.FieldCount];
        for (int i = 0; i < columns.Length; i++)
        {
            columns[i] = reader.GetName(i);
        }

        int kindColumn = reader.GetOrdinal("kind");
        int fpColumn = reader.GetOrdinal("member_fp");
        bool unsigned = reader.GetFieldType(fpColumn) == typeof(ulong);
        MembershipCounter counter = new(snapshot);
        bool unknown = false;
        List<object?[]> rows = [];
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            if (Convert.ToInt64(reader.GetValue(kindColumn), CultureInfo.InvariantCulture) == -3)
            {
                unknown = unknown || reader.IsDBNull(fpColumn) || !counter.Add(Fingerprint(reader, fpColumn, unsigned));
                continue;
            }

            object?[] row = new object?[columns.Length];
            for (int i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }

            rows.Add(row);
        }

        return (new QueryResult(columns, rows), unknown ? null : counter.Result());
    }

    private IReadOnlyList<TriggerSuggestion> Suggest(Snapshot snapshot, StoreTriggerRanker.TriggerModels models, Membership membership, double versionMs, double membersMs)
    {
        long started = Stopwatch.GetTimestamp();
        int[] sampled = Sample(snapshot, membership, ranker.ScoringSampleSize ?? int.MaxValue);
        string[] ids = new string[sampled.Length];
        for (int i = 0; i < sampled.Length; i++)
        {
            ids[i] = snapshot.Ids[sampled[i]];
        }

        double[][] uplift = new double[snapshot.Flags.Length][];
        for (int t = 0; t < uplift.Length; t++)
        {
            double[] all = snapshot.Uplift[t];
            double[] mine = uplift[t] = new double[sampled.Length];
            for (int i = 0; i < sampled.Length; i++)
            {
                mine[i] = all[sampled[i]];
            }
        }

        bool[]?[] outside = new bool[]?[snapshot.Outside.Length];
        for (int t = 0; t < outside.Length; t++)
        {
            if (snapshot.Outside[t] is { } all)
            {
                bool[] mine = outside[t] = new bool[sampled.Length];
                for (int i = 0; i < sampled.Length; i++)
                {
                    mine[i] = all[sampled[i]];
                }
            }
        }

        StoreTriggerRanker.MemberUplift scored = new(ids, uplift) { MemberCount = membership.Members, Outside = outside };
        long[] counts = membership.Counts;
        IReadOnlyList<TriggerSuggestion> suggestions = ranker.SuggestAfterFiltersAt(models, scored,
            (trigger, i) => snapshot.Flags[trigger][sampled[i]],
            trigger => counts[trigger]);
        double sumsMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        LogRanked(logger, membership.Members, sampled.Length, versionMs, membersMs, sumsMs);
        return suggestions;
    }

    /// <summary>The members, de-duplicated, with their per-trigger counts; null when one is not in the snapshot.</summary>
    private static async Task<Membership?> ReadMembershipAsync(DbDataReader reader, Snapshot snapshot, CancellationToken cancellationToken)
    {
        MembershipCounter counter = new(snapshot);
        bool unsigned = reader.GetFieldType(0) == typeof(ulong);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            if (reader.IsDBNull(0) || !counter.Add(Fingerprint(reader, 0, unsigned)))
            {
                return null;
            }
        }

        return counter.Result();
    }

    /// <summary>The customer numbers of the first <paramref name="size"/> members in the ranker's sample order, in ascending number (id) order.</summary>
    private static int[] Sample(Snapshot snapshot, Membership membership, int size)
    {
        ulong[] seen = membership.Seen;
        if (membership.Members <= size)
        {
            int[] everyone = new int[membership.Members];
            int k = 0;
            for (int w = 0; w < seen.Length; w++)
            {
                for (ulong word = seen[w]; word != 0; word &= word - 1)
                {
                    everyone[k++] = (w << 6) + System.Numerics.BitOperations.TrailingZeroCount(word);
                }
            }

            return everyone;
        }

        // Mark the members' sample positions, then take the first ones.
        ulong[] ranks = new ulong[seen.Length];
        for (int w = 0; w < seen.Length; w++)
        {
            for (ulong word = seen[w]; word != 0; word &= word - 1)
            {
                int r = snapshot.RankOf[(w << 6) + System.Numerics.BitOperations.TrailingZeroCount(word)];
                ranks[r >> 6] |= 1UL << (r & 63);
            }
        }

        int[] sampled = new int[size];
        int taken = 0;
        for (int w = 0; w < ranks.Length && taken < size; w++)
        {
            for (ulong word = ranks[w]; word != 0 && taken < size; word &= word - 1)
            {
                sampled[taken++] = snapshot.ByRank[(w << 6) + System.Numerics.BitOperations.TrailingZeroCount(word)];
            }
        }

        Array.Sort(sampled);
        return sampled;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Trigger audience snapshot: {Customers} customers scored and flagged as of {AsOf:O} in {Seconds:F1} s")]
    private static partial void LogBuilt(ILogger logger, int customers, DateTimeOffset asOf, double seconds);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Ranked {Members} members from the snapshot ({Sampled} sampled): data version and models {VersionMs:F0} ms, members query {MembersMs:F0} ms, sums {SumsMs:F0} ms")]
    private static partial void LogRanked(ILogger logger, long members, int sampled, double versionMs, double membersMs, double sumsMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The trigger audience snapshot could not be built; analyses rank per request: {Reason}")]
    private static partial void LogBuildFailed(ILogger logger, string reason);

    /// <summary>
    /// Per customer (numbered in ordinal id order, <see cref="Ids"/>) and trigger (its position in the profile): whether
    /// the customer passes the trigger's filter, the uplift and whether the customer is outside the trigger's treated
    /// support (<see cref="Outside"/>, null for a trigger not checked); and the fingerprints: customer by fingerprint, each
    /// customer's position in the sample order (<see cref="RankOf"/>, -1 for none) and the customer at each position.
    /// </summary>
    internal sealed record Snapshot(string Version, DateTimeOffset AsOf, string[] Ids, bool[][] Flags, double[][] Uplift, bool[]?[] Outside,
        Dictionary<long, int> ByFingerprint, int[] RankOf, int[] ByRank);

    private sealed record Fingerprints(Dictionary<long, int> ByFingerprint, int[] RankOf, int[] ByRank);

    /// <summary>The members as a set of customer numbers, their count and how many pass each trigger's filter.</summary>
    internal sealed record Membership(ulong[] Seen, long Members, long[] Counts);

    /// <summary>Collects members by fingerprint: de-duplicated, counted, and counted per trigger filter they pass.</summary>
    private sealed class MembershipCounter(Snapshot snapshot)
    {
        private readonly ulong[] _seen = new ulong[(snapshot.Ids.Length + 63) / 64];
        private readonly long[] _counts = new long[snapshot.Flags.Length];
        private long _members;

        /// <summary>Adds the member with fingerprint <paramref name="fingerprint"/>; false when the snapshot does not know it.</summary>
        public bool Add(long fingerprint)
        {
            if (!snapshot.ByFingerprint.TryGetValue(fingerprint, out int i))
            {
                return false;
            }

            ulong bit = 1UL << (i & 63);
            if ((_seen[i >> 6] & bit) != 0)
            {
                return true;
            }

            _seen[i >> 6] |= bit;
            _members++;
            for (int t = 0; t < _counts.Length; t++)
            {
                _counts[t] += snapshot.Flags[t][i] ? 1 : 0;
            }

            return true;
        }

        public Membership Result() => new(_seen, _members, _counts);
    }
}
