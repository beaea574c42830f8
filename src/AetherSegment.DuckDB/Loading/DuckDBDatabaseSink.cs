using AetherSegment.Data;
using AetherSegment.DataModel;
using DuckDB.NET.Data;

namespace AetherSegment.DuckDB.Loading;

/// <summary>
/// Loads a fresh DuckDB database: writes into a temporary file next to the target, and on completion checkpoints,
/// closes and moves it into place, so a failed or cancelled load never leaves a half database behind.
/// </summary>
internal sealed class DuckDBDatabaseSink : IDataSink
{
    private readonly string _target;
    private readonly string _temporary;
    private readonly DuckDBConnection _connection;
    private readonly List<DuckDBTableWriter> _writers = [];
    private bool _completed;

    private DuckDBDatabaseSink(string target, string temporary, DuckDBConnection connection)
    {
        _target = target;
        _temporary = temporary;
        _connection = connection;
    }

    public string Destination => _target;

    /// <summary>Opens a sink that will replace (or create) <paramref name="target"/> on completion.</summary>
    public static async Task<DuckDBDatabaseSink> CreateAsync(string target, CancellationToken cancellationToken)
    {
        string directory = Path.GetDirectoryName(target) ?? ".";
        string temporary = StaleLoadingFiles.NameFor(target, Environment.ProcessId);
        DuckDBConnection connection = new($"DataSource={temporary}");
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DuckDBException ex)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            DeleteQuietly(temporary);
            throw new AetherSegmentInputException($"--db: cannot write a database in {directory}: {ex.Message.ReplaceLineEndings(" ")}", ex);
        }

        // Keep DuckDB's buffer pool small while loading: blocks already written to the file are evicted rather than
        // cached, so memory stays flat however many customers are loaded.
        await using (DuckDBCommand limit = connection.CreateCommand())
        {
            limit.CommandText = "SET memory_limit = '256MB'";
            await limit.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        return new DuckDBDatabaseSink(target, temporary, connection);
    }

    public async ValueTask<ITableWriter> OpenTableAsync(TableDefinition table, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(table);
        if (DataSchema.Find(table.Name) is null)
        {
            throw new DataStoreException($"{table.Name} is not a table of the data model.");
        }

        await using (DuckDBCommand create = _connection.CreateCommand())
        {
            create.CommandText = DuckDBSchema.CreateTable(table);
            await create.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        DuckDBTableWriter writer = new(_connection.CreateAppender(table.Name), table);
        _writers.Add(writer);
        return writer;
    }

    public async ValueTask CompleteAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            foreach (DuckDBTableWriter writer in _writers)
            {
                writer.Close();
            }

            foreach (TableDefinition table in DataSchema.CustomerTables)
            {
                await using DuckDBCommand create = _connection.CreateCommand();
                create.CommandText = DuckDBSchema.CreateTable(table);
                await create.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            await using (DuckDBCommand checkpoint = _connection.CreateCommand())
            {
                checkpoint.CommandText = "CHECKPOINT";
                await checkpoint.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            DisposeWriters();
            await _connection.CloseAsync().ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
            File.Move(_temporary, _target, overwrite: true);
            DeleteQuietly(_target + ".wal");
            DeleteQuietly(_temporary + ".wal");
            _completed = true;
        }
        catch (DuckDBException ex)
        {
            throw new DataStoreException($"DuckDB could not complete the load of {_target}: {ex.Message}", ex);
        }
    }

    public async ValueTask DisposeAsync()
    {
        DisposeWriters();
        await _connection.DisposeAsync().ConfigureAwait(false);
        if (!_completed)
        {
            DeleteQuietly(_temporary);
            DeleteQuietly(_temporary + ".wal");
        }
    }

    private void DisposeWriters()
    {
        foreach (DuckDBTableWriter writer in _writers)
        {
            writer.Dispose();
        }

        _writers.Clear();
    }

    private static void DeleteQuietly(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
