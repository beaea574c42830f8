using System.Globalization;
using System.Text;
using AetherSegment.Data;
using AetherSegment.DataModel;
using AetherSegment.Uplift;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace AetherSegment.Segments;

/// <content>The trigger ranking of an analyze after each trigger's filter: counts in the store, the audience snapshot, the warm-up.</content>
internal sealed partial class SegmentEngine : IAnalysisWarmUp
{
    private SnapshotHolder? _snapshots;

    /// <inheritdoc />
    public async Task WarmUpAsync(CancellationToken cancellationToken = default)
    {
        if (_ranker is StoreTriggerRanker ranker && AudienceSnapshots(ranker) is { } snapshots)
        {
            DateTimeOffset asOf = await ResolveAsOfAsync(null, cancellationToken).ConfigureAwait(false);
            await snapshots.EnsureAsync(asOf, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The ranker's audience snapshots when <see cref="TriggerRankingOptions.AudienceSnapshotMaxLag"/> is set (long-lived hosts), else null.</summary>
    internal TriggerAudienceSnapshots? AudienceSnapshots(StoreTriggerRanker ranker)
    {
        if (_snapshots is { } existing)
        {
            return existing.Ranker == ranker ? existing.Snapshots : null;
        }

        if (_rankingOptions?.AudienceSnapshotMaxLag is not { } lag)
        {
            return null;
        }

        TriggerAudienceSnapshots created = new(ranker, Store, lag, _loggerFactory?.CreateLogger<TriggerAudienceSnapshots>() ?? (ILogger)NullLogger.Instance);
        return (Interlocked.CompareExchange(ref _snapshots, new SnapshotHolder(ranker, created), null) ?? _snapshots).Snapshots;
    }

    /// <summary>
    /// Per trigger, how many members pass its filter (counted in the store, over every member) and, for the members
    /// the ranker scores (the first <paramref name="sampleSize"/> in the dialect's hash of the customer id, the order
    /// <see cref="UpliftFeatureQuery.Scoring"/> samples in; all of them when null), which filters each passes. One
    /// statement, one pass over the flags: window sums carry the counts on every returned row.
    /// </summary>
    internal static async Task<TriggerFlagCounts> TriggerFlagCountsAsync(IDataStore store, SegmentDefinition definition, IReadOnlyList<TriggerType> triggers, int? sampleSize, CancellationToken cancellationToken)
    {
        SqlDialect dialect = store.Dialect;
        SqlStatement flags = SegmentSqlCompiler.TriggerFlags(definition, dialect, triggers);
        StringBuilder sql = new("SELECT f.customer_id");
        for (int i = 0; i < triggers.Count; i++)
        {
            string t = "t" + i.ToString(CultureInfo.InvariantCulture);
            sql.Append(", CASE WHEN f.").Append(t).Append(" THEN 1 ELSE 0 END AS ").Append(t)
                .Append(", SUM(CASE WHEN f.").Append(t).Append(" THEN 1 ELSE 0 END) OVER () AS n").Append(t);
        }

        sql.Append(", ROW_NUMBER() OVER (ORDER BY ").Append(dialect.Fingerprint("f.customer_id")).Append(", f.customer_id) AS member_rank\nFROM (")
            .Append(flags.Sql).Append(") f");
        List<QueryParameter> parameters = [.. flags.Parameters];
        string statement = sql.ToString();
        if (sampleSize is { } cap)
        {
            parameters.Add(QueryParameter.Int64("flags_sample", cap));
            statement = $"SELECT * FROM ({statement}) r WHERE r.member_rank <= {dialect.Parameter("flags_sample")}";
        }

        QueryResult result = await store.QueryAsync(new SqlStatement(statement, parameters), cancellationToken).ConfigureAwait(false);
        int idColumn = result.IndexOf("customer_id");
        int[] flagColumns = [.. triggers.Select((_, i) => result.IndexOf("t" + i.ToString(CultureInfo.InvariantCulture)))];
        int[] countColumns = [.. triggers.Select((_, i) => result.IndexOf("nt" + i.ToString(CultureInfo.InvariantCulture)))];
        long[] counts = new long[triggers.Count];
        Dictionary<string, bool[]> sampled = new(result.Rows.Count, StringComparer.Ordinal);
        foreach (object?[] row in result.Rows)
        {
            bool[] kept = new bool[triggers.Count];
            for (int i = 0; i < kept.Length; i++)
            {
                kept[i] = Convert.ToInt64(row[flagColumns[i]], CultureInfo.InvariantCulture) != 0;
                counts[i] = Convert.ToInt64(row[countColumns[i]] ?? 0L, CultureInfo.InvariantCulture);
            }

            sampled[Convert.ToString(row[idColumn], CultureInfo.InvariantCulture) ?? string.Empty] = kept;
        }

        return new TriggerFlagCounts(counts, sampled);
    }

    /// <summary>Per trigger (in the order asked), the members passing its filter, and the scored members' flags by customer id.</summary>
    internal sealed record TriggerFlagCounts(long[] Counts, IReadOnlyDictionary<string, bool[]> Sampled);

    private sealed record SnapshotHolder(StoreTriggerRanker Ranker, TriggerAudienceSnapshots Snapshots);
}
