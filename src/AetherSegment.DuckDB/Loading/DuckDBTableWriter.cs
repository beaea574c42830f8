using AetherSegment.Data;
using AetherSegment.DataModel;
using DuckDB.NET.Data;

namespace AetherSegment.DuckDB.Loading;

/// <summary>An <see cref="ITableWriter"/> over DuckDB's appender: values go straight into DuckDB's column vectors.</summary>
internal sealed class DuckDBTableWriter(DuckDBAppender appender, TableDefinition table) : ITableWriter, IDisposable
{
    private IDuckDBAppenderRow? _row;

    public TableDefinition Table { get; } = table;

    public long RowCount { get; private set; }

    public void StartRow() => _row = appender.CreateRow();

    public void Write(string? value) => Row.AppendValue(value);

    public void Write(long value) => Row.AppendValue(value);

    public void Write(double value) => Row.AppendValue(value);

    public void Write(bool value) => Row.AppendValue(value);

    public void Write(DateTime utc) => Row.AppendValue(utc);

    public void WriteNull() => Row.AppendNullValue();

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

    private IDuckDBAppenderRow Row => _row ?? throw new InvalidOperationException("Call StartRow before writing values.");
}
