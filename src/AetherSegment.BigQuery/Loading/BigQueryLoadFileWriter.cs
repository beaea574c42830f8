using System.Text.Json;
using AetherSegment.BigQuery.Rest;
using AetherSegment.Data;
using AetherSegment.DataModel;

namespace AetherSegment.BigQuery.Loading;

/// <summary>
/// Writes the rows of one table as newline-delimited JSON to a temporary file, the source of a BigQuery load job.
/// JSON-typed columns are written as JSON values (not strings), so BigQuery stores the document, not its text.
/// </summary>
/// <remarks>Used by one thread at a time. Dispose deletes the file.</remarks>
internal sealed class BigQueryLoadFileWriter : ITableWriter, IDisposable
{
    private static readonly byte[] NewLine = "\n"u8.ToArray();
    private readonly FileStream _file;
    private readonly Utf8JsonWriter _json;
    private int _column = -1;
    private bool _closed;

    public BigQueryLoadFileWriter(TableDefinition table)
    {
        Table = table;
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"aether-bq-{table.Name}-{Guid.NewGuid():N}.ndjson");
        _file = new FileStream(Path, FileMode.CreateNew, FileAccess.Write, FileShare.Read, 1 << 16);
        _json = new Utf8JsonWriter(_file, new JsonWriterOptions { SkipValidation = false });
    }

    public TableDefinition Table { get; }

    public long RowCount { get; private set; }

    /// <summary>The file being written.</summary>
    public string Path { get; }

    /// <summary>The file's length in bytes once <see cref="Close"/> has run.</summary>
    public long Length { get; private set; }

    public void StartRow()
    {
        _json.WriteStartObject();
        _column = 0;
    }

    public void Write(string? value)
    {
        if (value is null)
        {
            WriteNull();
        }
        else if (Next().Type == ColumnType.Json)
        {
            _json.WriteRawValue(value);
        }
        else
        {
            _json.WriteStringValue(value);
        }
    }

    public void Write(long value)
    {
        Next();
        _json.WriteNumberValue(value);
    }

    public void Write(double value)
    {
        Next();
        if (double.IsFinite(value))
        {
            _json.WriteNumberValue(value);
        }
        else
        {
            // JSON has no NaN or infinity; BigQuery reads these strings into FLOAT64.
            _json.WriteStringValue(double.IsNaN(value) ? "NaN" : value > 0 ? "Infinity" : "-Infinity");
        }
    }

    public void Write(bool value)
    {
        Next();
        _json.WriteBooleanValue(value);
    }

    public void Write(DateTime utc)
    {
        Next();
        _json.WriteStringValue(BigQueryWire.TimestampText(new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc))));
    }

    public void WriteNull()
    {
        Next();
        _json.WriteNullValue();
    }

    public void EndRow()
    {
        if (_column != Table.Columns.Count)
        {
            throw new InvalidOperationException($"A row of {Table.Name} needs {Table.Columns.Count} values (got {Math.Max(_column, 0)}).");
        }

        _json.WriteEndObject();
        _json.Flush();
        _json.Reset();
        _file.Write(NewLine);
        _column = -1;
        RowCount++;
    }

    /// <summary>Rows reach the file as they are written; the load itself starts when the sink completes.</summary>
    public ValueTask FlushAsync(CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

    /// <summary>Finishes the file for upload.</summary>
    public void Close()
    {
        if (_closed)
        {
            return;
        }

        _json.Dispose();
        _file.Flush();
        Length = _file.Length;
        _file.Dispose();
        _closed = true;
    }

    public void Dispose()
    {
        Close();
        try
        {
            File.Delete(Path);
        }
        catch (IOException)
        {
            // A temp file left behind is harmless; the OS cleans its temp folder.
        }
    }

    private ColumnDefinition Next()
    {
        if (_column < 0 || _column >= Table.Columns.Count)
        {
            throw new InvalidOperationException($"Write called outside a row of {Table.Name} or past its last column.");
        }

        ColumnDefinition column = Table.Columns[_column++];
        _json.WritePropertyName(column.Name);
        return column;
    }
}
