using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using AetherSegment.Data;
using AetherSegment.DataModel;
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
/// is the one the per-request path gives (same sample, same features, same sums in the same order).
/// </summary>
/// <remarks>Thread-safe: one build at a time; readers take the current snapshot atomically.</remarks>
internal sealed partial class TriggerAudienceSnapshots(StoreTriggerRanker ranker, IDataStore store, TimeSpan maxLag, ILogger logger)
{
    private static readonly TriggerType[] Triggers = [.. TriggerCatalog.All.Select(t => t.Type)];
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
        (string version, StoreTriggerRanker.TriggerModels models) = await ranker.VersionedModelsAsync(cancellationToken).ConfigureAwait(false);
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

        return await RankAsync(snapshot, models, definition, cancellationToken).ConfigureAwait(false);
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
            SqlStatement everyone = new($"SELECT customer_id FROM {DataSchema.Customers.Name}");
            StoreTriggerRanker.MemberUplift scored = await ranker.ScoreAllAsync(models, everyone, asOf, CancellationToken.None).ConfigureAwait(false);
            Dictionary<string, int> index = new(scored.CustomerIds.Length, StringComparer.Ordinal);
            for (int i = 0; i < scored.CustomerIds.Length; i++)
            {
                index[scored.CustomerIds[i]] = i;
            }

            SegmentDefinition all = new() { Filters = [], AsOf = asOf };
            SqlStatement flagsQuery = SegmentSqlCompiler.TriggerFlags(all, store.Dialect, Triggers);
            byte[] flags = await store.ReadAsync(flagsQuery, (reader, ct) => ReadFlagsAsync(reader, index, ct), CancellationToken.None).ConfigureAwait(false);
            _current = new Snapshot(version, asOf, index, flags, scored.Uplift);
            Interlocked.Increment(ref _builds);
            double seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
            LogBuilt(logger, index.Count, asOf, seconds);
        }
        catch (Exception ex) when (ex is DataStoreException or OperationCanceledException or InvalidOperationException)
        {
            LogBuildFailed(logger, ex.Message);
        }
    }

    private static async Task<byte[]> ReadFlagsAsync(DbDataReader reader, Dictionary<string, int> index, CancellationToken cancellationToken)
    {
        byte[] flags = new byte[index.Count];
        int id = reader.GetOrdinal("customer_id");
        int[] columns = new int[Triggers.Length];
        for (int t = 0; t < columns.Length; t++)
        {
            columns[t] = reader.GetOrdinal("t" + t.ToString(CultureInfo.InvariantCulture));
        }

        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            if (!index.TryGetValue(reader.GetString(id), out int i))
            {
                continue;
            }

            byte mask = 0;
            for (int t = 0; t < columns.Length; t++)
            {
                mask |= !reader.IsDBNull(columns[t]) && reader.GetBoolean(columns[t]) ? (byte)(1 << t) : (byte)0;
            }

            flags[i] = mask;
        }

        return flags;
    }

    private async Task<IReadOnlyList<TriggerSuggestion>> RankAsync(Snapshot snapshot, StoreTriggerRanker.TriggerModels models, SegmentDefinition definition, CancellationToken cancellationToken)
    {
        // The members and their rank in the dialect's hash of the customer id: the first ScoringSampleSize are the ones
        // the per-request path scores, so the means come from the same members.
        SqlDialect dialect = store.Dialect;
        SqlStatement members = SegmentSqlCompiler.Members(definition, dialect);
        List<QueryParameter> parameters = [.. members.Parameters, QueryParameter.Int64("snapshot_sample", ranker.ScoringSampleSize ?? int.MaxValue)];
        SqlStatement ranked = new($"""
            SELECT d.customer_id, CASE WHEN ROW_NUMBER() OVER (ORDER BY {dialect.Fingerprint("d.customer_id")}, d.customer_id) <= {dialect.Parameter("snapshot_sample")} THEN 1 ELSE 0 END AS sampled
            FROM (SELECT DISTINCT m.customer_id FROM ({members.Sql}) m) d
            """, parameters);
        (long[] counts, List<string> sampled, long memberCount) = await store.ReadAsync(ranked, (reader, ct) => ReadMembersAsync(reader, snapshot, ct), cancellationToken).ConfigureAwait(false);

        // The per-request path sums in customer id order (its feature query's order): so does this one.
        sampled.Sort(StringComparer.Ordinal);
        string[] ids = [.. sampled];
        double[][] uplift = new double[Triggers.Length][];
        for (int t = 0; t < uplift.Length; t++)
        {
            double[] all = snapshot.Uplift[t];
            double[] mine = uplift[t] = new double[ids.Length];
            for (int i = 0; i < ids.Length; i++)
            {
                mine[i] = all[snapshot.Index[ids[i]]];
            }
        }

        StoreTriggerRanker.MemberUplift scored = new(ids, uplift) { MemberCount = memberCount };
        return ranker.SuggestAfterFilters(models, scored,
            (trigger, id) => (snapshot.Flags[snapshot.Index[id]] & (1 << Array.IndexOf(Triggers, trigger))) != 0,
            trigger => counts[Array.IndexOf(Triggers, trigger)]);
    }

    private static async Task<(long[] Counts, List<string> Sampled, long Members)> ReadMembersAsync(DbDataReader reader, Snapshot snapshot, CancellationToken cancellationToken)
    {
        long[] counts = new long[Triggers.Length];
        List<string> sampled = [];
        long members = 0;
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            members++;
            string id = reader.GetString(0);
            if (!snapshot.Index.TryGetValue(id, out int i))
            {
                continue;   // a customer newer than the snapshot: no flags or scores yet
            }

            byte mask = snapshot.Flags[i];
            for (int t = 0; t < counts.Length; t++)
            {
                counts[t] += (mask >> t) & 1;
            }

            if (Convert.ToInt64(reader.GetValue(1), CultureInfo.InvariantCulture) == 1)
            {
                sampled.Add(id);
            }
        }

        return (counts, sampled, members);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Trigger audience snapshot: {Customers} customers scored and flagged as of {AsOf:O} in {Seconds:F1} s")]
    private static partial void LogBuilt(ILogger logger, int customers, DateTimeOffset asOf, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The trigger audience snapshot could not be built; analyses rank per request: {Reason}")]
    private static partial void LogBuildFailed(ILogger logger, string reason);

    /// <summary>Per customer (by <see cref="Index"/>): a bit per trigger filter passed (bit i for the catalog's i-th trigger) and the uplift per trigger (indexed by the trigger's value).</summary>
    private sealed record Snapshot(string Version, DateTimeOffset AsOf, Dictionary<string, int> Index, byte[] Flags, double[][] Uplift);
}
