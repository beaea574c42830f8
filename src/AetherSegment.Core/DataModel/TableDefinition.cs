namespace AetherSegment.DataModel;

/// <summary>A table of the data model with its columns in order.</summary>
/// <param name="Name">The table name, the same in every store.</param>
/// <param name="Columns">The columns, in the order sinks write them.</param>
public sealed record TableDefinition(string Name, IReadOnlyList<ColumnDefinition> Columns)
{
    /// <summary>Whether the table has a column of that name (ordinal comparison).</summary>
    public bool HasColumn(string name) => Columns.Any(c => c.Name == name);
}
