namespace AetherSegment.DataModel;

/// <summary>A column of a data model table.</summary>
/// <param name="Name">The column name (snake_case, the same in every store).</param>
/// <param name="Type">The portable type.</param>
/// <param name="Nullable">Whether the column may hold nulls.</param>
public sealed record ColumnDefinition(string Name, ColumnType Type, bool Nullable = false);
