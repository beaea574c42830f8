using AetherSegment.Data;
using AetherSegment.DataModel;

namespace AetherSegment.Synthetic.Tests.Generation;

/// <summary>A sink that keeps the rows of the tables it is asked to record (others are only counted).</summary>
internal sealed class RecordingSink(params string[] recorded) : IDataSink
{
    private readonly Dictionary<string, RecordingWriter> _writers = [];

    public string Destination => "memory";

    public bool Completed { get; private set; }

    public IReadOnlyList<object?[]> Rows(TableDefinition table) => _writers[table.Name].Rows;

    public long Count(TableDefinition table) => _writers.TryGetValue(table.Name, out RecordingWriter? w) ? w.RowCount : 0;

    public ValueTask<ITableWriter> OpenTableAsync(TableDefinition table, CancellationToken cancellationToken = default)
    {
        RecordingWriter writer = new(table, recorded.Length == 0 || recorded.Contains(table.Name));
        _writers[table.Name] = writer;
        return ValueTask.FromResult<ITableWriter>(writer);
    }

    public ValueTask CompleteAsync(CancellationToken cancellationToken = default)
    {
        Completed = true;
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private sealed class RecordingWriter(TableDefinition table, bool keep) : ITableWriter
    {
        private object?[]? _row;
        private int _column;

        public List<object?[]> Rows { get; } = [];

        public TableDefinition Table => table;

        public long RowCount { get; private set; }

        public void StartRow()
        {
            _row = keep ? new object?[table.Columns.Count] : null;
            _column = 0;
        }

        public void Write(string? value) => Put(value, ColumnType.String, ColumnType.Json);

        public void Write(long value) => Put(value, ColumnType.Int64);

        public void Write(double value) => Put(value, ColumnType.Float64);

        public void Write(bool value) => Put(value, ColumnType.Bool);

        public void Write(DateTime utc) => Put(utc, ColumnType.Timestamp);

        public void WriteNull()
        {
            Assert.True(table.Columns[_column].Nullable, $"{table.Name}.{table.Columns[_column].Name} is not nullable");
            Put(null, table.Columns[_column].Type);
        }

        public void EndRow()
        {
            Assert.Equal(table.Columns.Count, _column);
            if (_row is not null)
            {
                Rows.Add(_row);
            }

            RowCount++;
        }

        public ValueTask FlushAsync(CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

        private void Put(object? value, params ColumnType[] types)
        {
            ColumnDefinition column = table.Columns[_column];
            if (!types.Contains(column.Type))
            {
                Assert.Fail($"{table.Name}.{column.Name} is {column.Type}, written as {string.Join("/", types)}");
            }

            if (_row is not null)
            {
                _row[_column] = value;
            }

            _column++;
        }
    }
}
