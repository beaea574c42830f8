using AetherSegment.Data;
using AetherSegment.DataModel;
using AetherSegment.Segments;

namespace AetherSegment.Experiments;

/// <summary>
/// Audience score sets: every customer's predicted uplift of one trigger from a long-lived host's audience snapshot
/// (one data version and as-of), kept in the store once, so a stratified holdout references the set instead of writing
/// a score row per member at activation. A segment's deciles are computed from the set in SQL
/// (<see cref="HoldoutAssignment.MemberArmsSql"/>), with the same ranks <see cref="MemberUpliftScores"/> gives: highest
/// uplift first, ties by customer id, decile <c>1 + floor(10 * rank / n)</c> over the members the set scores; a member
/// the set does not hold (a customer added after the snapshot) is in the unscored stratum, decile 0.
/// </summary>
public static class AudienceUpliftScores
{
    /// <summary>The name of <see cref="Table"/>.</summary>
    public const string TableName = "audience_scores";

    /// <summary>The name of <see cref="References"/>.</summary>
    public const string ReferencesTableName = "segment_audience_scores";

    /// <summary>The name of <see cref="Sets"/>.</summary>
    public const string SetsTableName = "audience_score_sets";

    /// <summary>
    /// How long an unreferenced set is kept after it was written, so an activation that read its id before another
    /// set was written still finds it; older sets no stored segment references are dropped when a new one is kept.
    /// </summary>
    public static TimeSpan UnreferencedRetention { get; } = TimeSpan.FromHours(1);

    /// <summary>
    /// The sets kept: <c>audience_score_sets (set_id, created_at, trigger_type, data_version, model, as_of)</c>, one row
    /// per set. The last four are the set's <see cref="AudienceScoreSetKey"/>, by which another process finds it; null
    /// for sets kept without one (before stop 34), which are never found.
    /// </summary>
    public static TableDefinition Sets { get; } = new(SetsTableName,
    [
        new("set_id", ColumnType.String), new("created_at", ColumnType.Timestamp),
        new("trigger_type", ColumnType.String, Nullable: true), new("data_version", ColumnType.String, Nullable: true),
        new("model", ColumnType.String, Nullable: true), new("as_of", ColumnType.Timestamp, Nullable: true),
    ]);

    /// <summary>The score sets: <c>audience_scores (set_id, customer_id, predicted_uplift)</c>, one row per customer and set.</summary>
    public static TableDefinition Table { get; } = new(TableName,
    [
        new("set_id", ColumnType.String), new("customer_id", ColumnType.String), new("predicted_uplift", ColumnType.Float64),
    ]);

    /// <summary>Which set each segment's holdout was stratified by: <c>segment_audience_scores (segment_id, set_id)</c>.</summary>
    public static TableDefinition References { get; } = new(ReferencesTableName,
    [
        new("segment_id", ColumnType.String), new("set_id", ColumnType.String),
    ]);

    /// <summary>
    /// A derived table of a segment's members with their scores from the audience score set the segment references,
    /// <c>customer_id, predicted_uplift, decile</c>: the members joined once with the set, the decile ranked among those
    /// the set scores; a member it does not hold has decile 0 and no uplift. The segment id is the parameter
    /// <c>segment_id</c>.
    /// </summary>
    /// <param name="dialect">The store's dialect.</param>
    public static string MemberScoresSql(SqlDialect dialect)
    {
        ArgumentNullException.ThrowIfNull(dialect);
        string integer = dialect.Name == SqlDialect.BigQuery.Name ? "INT64" : "BIGINT";
        const string Unscored = "s.customer_id IS NULL";
        return $"""
            SELECT mm.customer_id AS customer_id, s.predicted_uplift AS predicted_uplift,
              CASE WHEN {Unscored} THEN 0 ELSE CAST(1 + FLOOR({MemberUpliftScores.DecileCount} * (ROW_NUMBER() OVER (PARTITION BY {Unscored} ORDER BY s.predicted_uplift DESC, mm.customer_id) - 1) / COUNT(*) OVER (PARTITION BY {Unscored})) AS {integer}) END AS decile
            FROM {SegmentTables.MembersTableName} mm
            JOIN {ReferencesTableName} sr ON sr.segment_id = mm.segment_id
            LEFT JOIN {TableName} s ON s.set_id = sr.set_id AND s.customer_id = mm.customer_id
            WHERE mm.segment_id = {dialect.Parameter("segment_id")}
            """;
    }
}
