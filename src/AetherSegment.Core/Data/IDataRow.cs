namespace AetherSegment.Data;

/// <summary>A row that knows how to write itself to an <see cref="ITableWriter"/> of its table.</summary>
public interface IDataRow
{
    /// <summary>Writes the row: <see cref="ITableWriter.StartRow"/>, one value per column in order, <see cref="ITableWriter.EndRow"/>.</summary>
    /// <param name="writer">A writer of the row's table.</param>
    void WriteTo(ITableWriter writer);
}
