using AetherSegment.Data;
using AetherSegment.DataModel;
using DuckDB.NET.Data;
using Microsoft.Extensions.Options;

namespace AetherSegment.DuckDB.Loading;

/// <summary>
/// Appends rows to the embedded database through DuckDB's appender, one commit per call. Calls are serialized (DuckDB
/// has one writer); queries through <see cref="DuckDBDataStore"/> keep running meanwhile and see each batch once
/// it commits.
/// </summary>
/// <remarks>Thread-safe.</remarks>
public sealed class DuckDBDataAppender : IDataAppender, IDisposable
{
    private readonly DuckDBDataStore _store;
    private readonly SemaphoreSlim _writer = new(1, 1);

    /// <summary>Creates the appender over the configured database file.</summary>
    public DuckDBDataAppender(IOptions<DuckDBOptions> options)
        : this(new DuckDBDataStore(options))
    {
    }

    /// <summary>Creates the appender over a store's database file.</summary>
    public DuckDBDataAppender(DuckDBDataStore store) => _store = store ?? throw new ArgumentNullException(nameof(store));

    /// <inheritdoc />
    public async Task<long> AppendAsync<TRow>(TableDefinition table, IReadOnlyList<TRow> rows, CancellationToken cancellationToken = default)
        where TRow : IDataRow
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(rows);
        if (DataSchema.Find(table.Name) is null)
        {
            throw new DataStoreException($"{table.Name} is not a table of the data model.");
        }

        if (rows.Count == 0)
        {
            return 0;
        }

        await _writer.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Customer data changes: nothing computed from it is carried to the next process by the file's stamp.
            _store.NoteDataWritten();
            await using DuckDBConnection connection = await _store.OpenAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                // A store written before a column was added to the data model (behavioral_events.session_start) takes
                // the rows without it: the values past its last column are left out.
                int width = await ColumnCountAsync(connection, table.Name, cancellationToken).ConfigureAwait(false);
                using DuckDBTableWriter writer = new(connection.CreateAppender(table.Name), table, width < table.Columns.Count ? width : null);
                foreach (TRow row in rows)
                {
                    row.WriteTo(writer);
                }

                writer.Close();
                return writer.RowCount;
            }
            catch (DuckDBException ex)
            {
                throw new DataStoreException($"DuckDB rejected rows for {table.Name}: {ex.Message}", ex);
            }
        }
        finally
        {
            _writer.Release();
        }
    }

    /// <inheritdoc />
    public void Dispose() => _writer.Dispose();

    private static async Task<int> ColumnCountAsync(DuckDBConnection connection, string table, CancellationToken cancellationToken)
    {
        await using DuckDBCommand command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = $table";
        command.Parameters.Add(new DuckDBParameter("table", table));
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
    }
}
