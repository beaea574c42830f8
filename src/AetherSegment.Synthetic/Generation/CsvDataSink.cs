using System.Globalization;
using System.Text;
using AetherSegment.Data;
using AetherSegment.DataModel;

namespace AetherSegment.Synthetic.Generation;

/// <summary>
/// An <see cref="IDataSink"/> that writes each table to <c>&lt;folder&gt;/&lt;table&gt;.csv</c> (UTF-8, a header row of
/// column names, RFC 4180 quoting, timestamps as <c>yyyy-MM-dd HH:mm:ss</c> UTC, empty fields for nulls). Files are
/// written under temporary names and renamed on completion, so an abandoned load leaves no partial tables.
/// </summary>
/// <remarks>Not thread-safe: one load, one writing thread.</remarks>
public sealed class CsvDataSink : IDataSink
{
    private readonly string _folder;
    private readonly List<CsvTableWriter> _writers = [];
    private bool _completed;

    /// <summary>Creates the sink over an existing folder.</summary>
    /// <param name="folder">The folder the CSV files are written to; existing files of the same tables are replaced.</param>
    /// <exception cref="AetherSegmentInputException">The folder does not exist.</exception>
    public CsvDataSink(string folder)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        _folder = Path.GetFullPath(folder);
        if (!Directory.Exists(_folder))
        {
            throw new AetherSegmentInputException("folder", $"The folder {_folder} does not exist.");
        }
    }

    /// <inheritdoc />
    public string Destination => _folder;

    /// <inheritdoc />
    public ValueTask<ITableWriter> OpenTableAsync(TableDefinition table, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(table);
        CsvTableWriter writer = new(table, Path.Combine(_folder, table.Name + ".csv"));
        _writers.Add(writer);
        return ValueTask.FromResult<ITableWriter>(writer);
    }

    /// <inheritdoc />
    public async ValueTask CompleteAsync(CancellationToken cancellationToken = default)
    {
        foreach (CsvTableWriter writer in _writers)
        {
            await writer.CloseAsync(cancellationToken).ConfigureAwait(false);
        }

        foreach (CsvTableWriter writer in _writers)
        {
            File.Move(writer.TemporaryPath, writer.Path, overwrite: true);
        }

        _completed = true;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        foreach (CsvTableWriter writer in _writers)
        {
            await writer.DisposeAsync().ConfigureAwait(false);
            if (!_completed)
            {
                File.Delete(writer.TemporaryPath);
            }
        }
    }

    private sealed class CsvTableWriter : ITableWriter, IAsyncDisposable
    {
        private readonly StreamWriter _writer;
        private readonly char[] _number = new char[64];
        private int _column;

        public CsvTableWriter(TableDefinition table, string path)
        {
            Table = table;
            Path = path;
            TemporaryPath = path + ".partial";
            _writer = new StreamWriter(TemporaryPath, append: false, new UTF8Encoding(false), bufferSize: 1 << 16);
            for (int i = 0; i < table.Columns.Count; i++)
            {
                if (i > 0)
                {
                    _writer.Write(',');
                }

                _writer.Write(table.Columns[i].Name);
            }

            _writer.Write('\n');
        }

        public TableDefinition Table { get; }

        public string Path { get; }

        public string TemporaryPath { get; }

        public long RowCount { get; private set; }

        public void StartRow() => _column = 0;

        public void Write(string? value)
        {
            Separator();
            if (value is null)
            {
                return;
            }

            if (value.AsSpan().IndexOfAny(",\"\n\r") < 0)
            {
                _writer.Write(value);
                return;
            }

            _writer.Write('"');
            _writer.Write(value.Replace("\"", "\"\"", StringComparison.Ordinal));
            _writer.Write('"');
        }

        public void Write(long value)
        {
            Separator();
            value.TryFormat(_number, out int written, default, CultureInfo.InvariantCulture);
            _writer.Write(_number, 0, written);
        }

        public void Write(double value)
        {
            Separator();
            value.TryFormat(_number, out int written, "R", CultureInfo.InvariantCulture);
            _writer.Write(_number, 0, written);
        }

        public void Write(bool value)
        {
            Separator();
            _writer.Write(value ? "true" : "false");
        }

        public void Write(DateTime utc)
        {
            Separator();
            utc.TryFormat(_number, out int written, "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
            _writer.Write(_number, 0, written);
        }

        public void WriteNull() => Separator();

        public void EndRow()
        {
            _writer.Write('\n');
            RowCount++;
        }

        public async ValueTask FlushAsync(CancellationToken cancellationToken = default) =>
            await _writer.FlushAsync(cancellationToken).ConfigureAwait(false);

        public async ValueTask CloseAsync(CancellationToken cancellationToken)
        {
            await _writer.FlushAsync(cancellationToken).ConfigureAwait(false);
            await _writer.DisposeAsync().ConfigureAwait(false);
        }

        public ValueTask DisposeAsync() => _writer.DisposeAsync();

        private void Separator()
        {
            if (_column++ > 0)
            {
                _writer.Write(',');
            }
        }
    }
}
