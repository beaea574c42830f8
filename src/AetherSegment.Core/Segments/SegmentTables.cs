using AetherSegment.DataModel;

namespace AetherSegment.Segments;

/// <summary>
/// The two tables a store keeps activated segments in, next to the data model's tables: <c>segments</c> (one row per
/// segment with its JSON) and <c>segment_members</c> (the member snapshot).
/// </summary>
public static class SegmentTables
{
    /// <summary>The member columns of a snapshot and of every export, in order; <c>customer_id</c> first.</summary>
    public static IReadOnlyList<string> MemberColumns { get; } = SegmentSqlCompiler.MemberColumns;

    /// <summary>The member columns that identify a person (<c>first_name</c>, <c>last_name</c>, <c>email</c>): exported only when asked for.</summary>
    public static IReadOnlyList<string> PersonalColumns { get; } = ["first_name", "last_name", "email"];

    /// <summary>The member columns without the <see cref="PersonalColumns"/>, in <see cref="MemberColumns"/> order; <c>customer_id</c> first.</summary>
    public static IReadOnlyList<string> NonPersonalMemberColumns { get; } = [.. SegmentSqlCompiler.MemberColumns.Where(c => !PersonalColumns.Contains(c))];

    /// <summary>The columns an export writes: all <see cref="MemberColumns"/>, or only the <see cref="NonPersonalMemberColumns"/>.</summary>
    /// <param name="includePersonalData">Whether the <see cref="PersonalColumns"/> are written.</param>
    /// <returns>The column names, in order.</returns>
    public static IReadOnlyList<string> ExportColumns(bool includePersonalData) => includePersonalData ? MemberColumns : NonPersonalMemberColumns;

    /// <summary><c>segments</c>: id, creation and as-of times, trigger, size, average CLV and the stored segment as JSON.</summary>
    public static TableDefinition Segments { get; } = new("segments",
    [
        new("segment_id", ColumnType.String), new("created_at", ColumnType.Timestamp), new("as_of", ColumnType.Timestamp),
        new("trigger_type", ColumnType.String, Nullable: true), new("size", ColumnType.Int64), new("avg_clv", ColumnType.Float64, Nullable: true),
        new("segment_json", ColumnType.String),
    ]);

    /// <summary><c>segment_members</c>: the segment id and the <see cref="MemberColumns"/> of each member.</summary>
    public static TableDefinition Members { get; } = new("segment_members",
    [
        new("segment_id", ColumnType.String), new("customer_id", ColumnType.String), new("first_name", ColumnType.String, Nullable: true),
        new("last_name", ColumnType.String, Nullable: true), new("email", ColumnType.String, Nullable: true), new("country", ColumnType.String, Nullable: true),
        new("city", ColumnType.String, Nullable: true), new("clv_score", ColumnType.Float64, Nullable: true),
    ]);

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
