using AetherSegment.DataModel;
using AetherSegment.Profiles;

namespace AetherSegment.Segments;

/// <summary>
/// The two tables a store keeps activated segments in, next to the profile's tables: <c>segments</c> (one row per
/// segment with its JSON) and <c>segment_members</c> (the member snapshot). The snapshot's columns follow the profile
/// (docs/profile.md, "Segment snapshots"): <c>segment_id</c>, <c>customer_id</c> (the customers mapping's id), the
/// customers table's personal columns under their own names, one column per place attribute and the value-score
/// attribute, each under the attribute's name.
/// </summary>
public static class SegmentTables
{
    /// <summary>The member columns of a snapshot and of every export, in order; <c>customer_id</c> first.</summary>
    /// <param name="profile">The profile whose mapping defines the columns.</param>
    /// <returns>For the demo retailer: customer_id, first_name, last_name, email, country, city, clv_score.</returns>
    public static IReadOnlyList<string> MemberColumns(BusinessProfile profile) => SegmentMapping.For(profile).MemberNames;

    /// <summary>The member columns that identify a person (<c>entities.customers.personal_columns</c>): exported only when asked for.</summary>
    /// <param name="profile">The profile whose mapping defines the columns.</param>
    public static IReadOnlyList<string> PersonalColumns(BusinessProfile profile) => SegmentMapping.For(profile).PersonalNames;

    /// <summary>The member columns without the <see cref="PersonalColumns"/>, in <see cref="MemberColumns"/> order; <c>customer_id</c> first.</summary>
    /// <param name="profile">The profile whose mapping defines the columns.</param>
    public static IReadOnlyList<string> NonPersonalMemberColumns(BusinessProfile profile) => SegmentMapping.For(profile).ExportNames(includePersonalData: false);

    /// <summary>The columns an export writes: all <see cref="MemberColumns"/>, or only the <see cref="NonPersonalMemberColumns"/>.</summary>
    /// <param name="profile">The profile whose mapping defines the columns.</param>
    /// <param name="includePersonalData">Whether the <see cref="PersonalColumns"/> are written.</param>
    /// <returns>The column names, in order.</returns>
    public static IReadOnlyList<string> ExportColumns(BusinessProfile profile, bool includePersonalData) => SegmentMapping.For(profile).ExportNames(includePersonalData);

    /// <summary>The name of the value-score member column (the attribute with the value_score role), or <see langword="null"/> when the profile has none.</summary>
    /// <param name="profile">The profile.</param>
    public static string? ValueColumn(BusinessProfile profile) => SegmentMapping.For(profile).ValueScore?.Name;

    /// <summary><c>segments</c>: id, creation and as-of times, trigger, size, average value score and the stored segment as JSON.</summary>
    public static TableDefinition Segments { get; } = new("segments",
    [
        new("segment_id", ColumnType.String), new("created_at", ColumnType.Timestamp), new("as_of", ColumnType.Timestamp),
        new("trigger_type", ColumnType.String, Nullable: true), new("size", ColumnType.Int64), new("avg_clv", ColumnType.Float64, Nullable: true),
        new("segment_json", ColumnType.String),
    ]);

    /// <summary><c>segment_members</c>: the segment id and the <see cref="MemberColumns"/> of each member (text, the value score a number).</summary>
    /// <param name="profile">The profile whose mapping defines the columns.</param>
    public static TableDefinition Members(BusinessProfile profile)
    {
        SegmentMapping map = SegmentMapping.For(profile);
        List<ColumnDefinition> columns = [new("segment_id", ColumnType.String), new(SegmentMapping.CustomerIdName, ColumnType.String)];
        columns.AddRange(map.MemberColumns.Skip(1).Select(m => new ColumnDefinition(m.Name, m.IsNumber ? ColumnType.Float64 : ColumnType.String, Nullable: true)));
        return new TableDefinition(MembersTableName, columns);
    }

    /// <summary>A member column's name as SQL in a dialect: quoted when it is a reserved word (a profile may name a column <c>group</c>), else as is.</summary>
    /// <param name="dialect">The store's dialect.</param>
    /// <param name="column">A member column name.</param>
    public static string ColumnSql(Data.SqlDialect dialect, string column)
    {
        ArgumentNullException.ThrowIfNull(dialect);
        ArgumentNullException.ThrowIfNull(column);
        return SegmentMapping.Name(dialect, column);
    }

    /// <summary>The name of the member snapshot table: <c>segment_members</c>.</summary>
    public const string MembersTableName = "segment_members";

    /// <summary>Whether a string has the shape of a segment id (<c>seg_</c> and 32 lowercase hexadecimal digits).</summary>
    public static bool IsSegmentId(string? segmentId)
    {
        if (segmentId is null || segmentId.Length != 36 || !segmentId.StartsWith("seg_", StringComparison.Ordinal))
        {
            return false;
        }

        for (int i = 4; i < segmentId.Length; i++)
        {
            if (!char.IsAsciiHexDigitLower(segmentId[i]) && !char.IsAsciiDigit(segmentId[i]))
            {
                return false;
            }
        }

        return true;
    }
}
