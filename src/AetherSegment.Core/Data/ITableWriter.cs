using AetherSegment.DataModel;

namespace AetherSegment.Data;

/// <summary>
/// Appends rows to one table of the data model during a load (see <see cref="IDataSink"/>). A row is written as
/// <see cref="StartRow"/>, then exactly one <c>Write</c>/<see cref="WriteNull"/> call per column of
/// <see cref="Table"/> in column order, then <see cref="EndRow"/>. The typed overloads avoid boxing per value.
/// </summary>
/// <remarks>
/// A writer is used by one thread at a time and is not thread-safe. Writers may buffer rows in memory; callers call
/// <see cref="FlushAsync"/> at least every <see cref="DataSinkLimits.MaxBufferedRows"/> rows so that memory stays
/// bounded, and the writer may then hand the buffered rows to the store. Rows become visible only when the owning
/// sink completes.
/// </remarks>
public interface ITableWriter
{
    /// <summary>The table this writer appends to; rows follow its column order.</summary>
    TableDefinition Table { get; }

    /// <summary>The number of rows ended so far.</summary>
    long RowCount { get; }

    /// <summary>Starts a row.</summary>
    void StartRow();

    /// <summary>Writes a <see cref="ColumnType.String"/> or <see cref="ColumnType.Json"/> value (JSON as its text).</summary>
    /// <param name="value">The value; <see langword="null"/> only for a nullable column.</param>
    void Write(string? value);

    /// <summary>Writes an <see cref="ColumnType.Int64"/> value.</summary>
    void Write(long value);

    /// <summary>Writes a <see cref="ColumnType.Float64"/> value.</summary>
    void Write(double value);

    /// <summary>Writes a <see cref="ColumnType.Bool"/> value.</summary>
    void Write(bool value);

    /// <summary>Writes a <see cref="ColumnType.Timestamp"/> value.</summary>
    /// <param name="utc">The instant, in UTC (<see cref="DateTimeKind.Utc"/> or unspecified meaning UTC).</param>
    void Write(DateTime utc);

    /// <summary>Writes SQL NULL into a nullable column.</summary>
    void WriteNull();

    /// <summary>Ends the row started by <see cref="StartRow"/>.</summary>
    void EndRow();

    /// <summary>Hands buffered rows to the store; a no-op for writers that stream directly.</summary>
    /// <param name="cancellationToken">Cancels the flush.</param>
    ValueTask FlushAsync(CancellationToken cancellationToken = default);
}
