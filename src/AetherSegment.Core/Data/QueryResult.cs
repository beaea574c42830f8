namespace AetherSegment.Data;

/// <summary>The rows a query returned, materialized. Values are <see cref="string"/>, <see cref="long"/>,
/// <see cref="double"/>, <see cref="bool"/>, <see cref="DateTimeOffset"/> or <see langword="null"/>.</summary>
/// <param name="Columns">The column names, in select order.</param>
/// <param name="Rows">The rows; each array is indexed like <paramref name="Columns"/>.</param>
public sealed record QueryResult(IReadOnlyList<string> Columns, IReadOnlyList<object?[]> Rows)
{
    /// <summary>The index of a column by name (ordinal, case-insensitive), or -1.</summary>
    public int IndexOf(string column)
    {
        for (int i = 0; i < Columns.Count; i++)
        {
            if (string.Equals(Columns[i], column, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The single value of a one-row, one-column result, or <see langword="null"/> when there is no row.</summary>
    public object? Scalar() => Rows.Count == 0 || Columns.Count == 0 ? null : Rows[0][0];
}
