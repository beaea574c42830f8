using System.Globalization;
using System.Text.Json.Nodes;
using AetherSegment.BigQuery.Rest;
using AetherSegment.Data;
using AetherSegment.DataModel;

namespace AetherSegment.BigQuery.Loading;

/// <summary>Buffers rows of one table as JSON objects and streams them with tabledata.insertAll in batches on flush.</summary>
/// <remarks>Used by one thread at a time.</remarks>
internal sealed class BigQueryTableWriter(BigQueryRestClient client, TableDefinition table) : ITableWriter
{
    /// <summary>Rows per insertAll request (BigQuery recommends about 500 and allows 50,000 and 10 MB).</summary>
    internal const int BatchRows = 2000;

    private readonly List<JsonObject> _buffer = [];
    private readonly string _insertIdPrefix = Guid.NewGuid().ToString("N");
    private JsonObject? _row;
    private int _column;

    public TableDefinition Table => table;

    public long RowCount { get; private set; }

    public void StartRow()
    {
        _row = [];
        _column = 0;
    }

    public void Write(string? value) => Set(value is null ? null : JsonValue.Create(value));

    public void Write(long value) => Set(JsonValue.Create(value.ToString(CultureInfo.InvariantCulture)));

    public void Write(double value) => Set(JsonValue.Create(value));

    public void Write(bool value) => Set(JsonValue.Create(value));

    public void Write(DateTime utc) => Set(JsonValue.Create(BigQueryWire.TimestampText(new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)))));

    public void WriteNull() => Set(null);

    public void EndRow()
    {
        if (_row is null || _column != table.Columns.Count)
        {
            throw new InvalidOperationException($"A row of {table.Name} needs {table.Columns.Count} values (got {_column}).");
        }

        _buffer.Add(_row);
        _row = null;
        RowCount++;
    }

    /// <summary>Rows already streamed to BigQuery.</summary>
    public long Flushed { get; private set; }

    public async ValueTask FlushAsync(CancellationToken cancellationToken = default)
    {
        int done = 0;
        try
        {
            while (done < _buffer.Count)
            {
                int count = Math.Min(BatchRows, _buffer.Count - done);
                await client.InsertAllAsync(table.Name, _buffer.GetRange(done, count), _insertIdPrefix, Flushed + done, cancellationToken).ConfigureAwait(false);
                done += count;
            }
        }
        finally
        {
            // Rows sent stay sent; a later flush resends only the rest, with the same insertIds.
            Flushed += done;
            _buffer.RemoveRange(0, done);
        }
    }

    private void Set(JsonNode? value)
    {
        if (_row is null || _column >= table.Columns.Count)
        {
            throw new InvalidOperationException($"Write called outside a row of {table.Name} or past its last column.");
        }

        _row[table.Columns[_column++].Name] = value;
    }
}
