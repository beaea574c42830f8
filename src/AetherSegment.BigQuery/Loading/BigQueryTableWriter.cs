using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using AetherSegment.BigQuery.Rest;
using AetherSegment.Data;
using AetherSegment.DataModel;

namespace AetherSegment.BigQuery.Loading;

/// <summary>Buffers rows of one table as JSON objects and streams them with tabledata.insertAll in batches on flush.</summary>
/// <remarks>Used by one thread at a time.</remarks>
internal sealed class BigQueryTableWriter(BigQueryRestClient client, TableDefinition table, IReadOnlySet<string>? absent = null) : ITableWriter
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

    /// <summary>
    /// The data model's columns the table does not have (a table created before they were added, e.g.
    /// behavioral_events.session_start): left out of every row streamed. Learned from tables.get the first time BigQuery
    /// answers "no such field".
    /// </summary>
    public IReadOnlySet<string>? Absent { get; private set; } = absent;

    public async ValueTask FlushAsync(CancellationToken cancellationToken = default)
    {
        int done = 0;
        try
        {
            while (done < _buffer.Count)
            {
                int count = Math.Min(BatchRows, _buffer.Count - done);
                try
                {
                    await client.InsertAllAsync(table.Name, Shaped(done, count), _insertIdPrefix, Flushed + done, cancellationToken).ConfigureAwait(false);
                }
                catch (DataStoreException ex) when (Absent is null && ex.Message.Contains("no such field", StringComparison.OrdinalIgnoreCase))
                {
                    // skipInvalidRows is false, so the whole request was refused: resend it without the columns the table lacks.
                    Absent = await AbsentColumnsAsync(cancellationToken).ConfigureAwait(false);
                    if (Absent.Count == 0)
                    {
                        throw;
                    }

                    await client.InsertAllAsync(table.Name, Shaped(done, count), _insertIdPrefix, Flushed + done, cancellationToken).ConfigureAwait(false);
                }

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

    private List<JsonObject> Shaped(int start, int count)
    {
        List<JsonObject> rows = _buffer.GetRange(start, count);
        if (Absent is { Count: > 0 } absent)
        {
            foreach (JsonObject row in rows)
            {
                foreach (string column in absent)
                {
                    row.Remove(column);
                }
            }
        }

        return rows;
    }

    private async Task<HashSet<string>> AbsentColumnsAsync(CancellationToken cancellationToken)
    {
        JsonElement found = await client.GetTableAsync(table.Name, cancellationToken).ConfigureAwait(false);
        HashSet<string> absent = new(StringComparer.OrdinalIgnoreCase);
        if (found.ValueKind != JsonValueKind.Object || !found.TryGetProperty("schema", out JsonElement schema) || !schema.TryGetProperty("fields", out JsonElement fields))
        {
            return absent;
        }

        HashSet<string> present = new(StringComparer.OrdinalIgnoreCase);
        foreach (JsonElement field in fields.EnumerateArray())
        {
            if (field.TryGetProperty("name", out JsonElement name) && name.GetString() is { } text)
            {
                present.Add(text);
            }
        }

        foreach (ColumnDefinition column in table.Columns)
        {
            if (!present.Contains(column.Name))
            {
                absent.Add(column.Name);
            }
        }

        return absent;
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
