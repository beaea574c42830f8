using AetherSegment.Data;
using AetherSegment.DataModel;
using DuckDB.NET.Data;

namespace AetherSegment.DuckDB.Loading;

/// <summary>
/// An <see cref="ITableWriter"/> over DuckDB's appender: values go straight into DuckDB's column vectors. With a
/// <paramref name="width"/>, each row's values past that many columns are left out (a table created before a column was
/// added to the data model).
/// </summary>
internal sealed class DuckDBTableWriter(DuckDBAppender appender, TableDefinition table, int? width = null) : ITableWriter, IDisposable
{
    private IDuckDBAppenderRow? _row;
    private int _column;

    public TableDefinition Table { get; } = table;

    public long RowCount { get; private set; }

    public void StartRow()
    {
        _row = appender.CreateRow();
        _column = 0;
    }

    public void Write(string? value)
    {
        if (Next())
        {
            Row.AppendValue(value);
        }
    }

    public void Write(long value)
    {
        if (Next())
        {
            Row.AppendValue(value);
        }
    }

    public void Write(double value)
    {
        if (Next())
        {
            Row.AppendValue(value);
        }
    }

    public void Write(bool value)
    {
        if (Next())
        {
            Row.AppendValue(value);
        }
    }

    public void Write(DateTime utc)
    {
        if (Next())
        {
            Row.AppendValue(utc);
        }
    }

    public void WriteNull()
    {
        if (Next())
        {
            Row.AppendNullValue();
        }
    }

    public void EndRow()
    {
        Row.EndRow();
        _row = null;
        RowCount++;
    }

    public ValueTask FlushAsync(CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

    /// <summary>Flushes the appender's last chunk into the table.</summary>
    public void Close() => appender.Close();

    public void Dispose() => appender.Dispose();

    // Whether the next value has a column to go to.
    private bool Next() => _column++ < (width ?? int.MaxValue);

    private IDuckDBAppenderRow Row => _row ?? throw new InvalidOperationException("Call StartRow before writing values.");
}
