using System.Data.Common;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using AetherSegment.Data;
using AetherSegment.Diagnostics;
using DuckDB.NET.Data;
using Microsoft.Extensions.Options;

namespace AetherSegment.DuckDB;

/// <summary>
/// The embedded DuckDB store: answers parameterized read-only SQL over the database file. Each query opens its own
/// connection to the process-wide database instance, so many readers run concurrently next to one writer.
/// </summary>
/// <remarks>
/// Thread-safe. With <see cref="DuckDBOptions.SoleWriterProcess"/> it is also an <see cref="IFileStampedDataStore"/>: the
/// file's stamp is its length and last write time, compared before this process first opens it with the one the last
/// process left in <c>FILE.aether-stamp</c>, and left there again after this process closed it.
/// </remarks>
public sealed class DuckDBDataStore : IDataStore, IFileStampedDataStore, IDisposable
{
    /// <summary>How long the database instance stays open after the last read, so back-to-back reads skip reopening the file.</summary>
    private static readonly TimeSpan KeepAlive = TimeSpan.FromSeconds(10);

    private readonly string _path;
    private readonly Lock _keeperGate = new();
    private DuckDBConnection? _keeper;
    private ITimer? _keeperRelease;

    // The data epoch (IFileStampedDataStore), kept only when the process is the file's sole writer. One per file in the
    // process: every sole-writer store on the same file shares it, so a data write through any of them ends it for all,
    // and the stamp is left when the last of them closes.
    private static readonly Lock EpochGate = new();
    private static readonly Dictionary<string, FileEpoch> Epochs = new(StringComparer.Ordinal);
    private readonly bool _soleWriter;
    private FileEpoch? _fileEpoch;
    private bool _disposed;

    /// <summary>Creates the store over the configured file.</summary>
    public DuckDBDataStore(IOptions<DuckDBOptions> options)
        : this(options?.Value.Path ?? throw new ArgumentNullException(nameof(options)), options.Value.SoleWriterProcess)
    {
    }

    /// <summary>Creates the store over a database file.</summary>
    /// <param name="path">The database file; it must exist for queries to succeed.</param>
    public DuckDBDataStore(string path)
        : this(path, soleWriterProcess: false)
    {
    }

    /// <summary>Creates the store over a database file, as its process's sole writer or not.</summary>
    /// <param name="path">The database file; it must exist for queries to succeed.</param>
    /// <param name="soleWriterProcess">See <see cref="DuckDBOptions.SoleWriterProcess"/>.</param>
    public DuckDBDataStore(string path, bool soleWriterProcess)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        _path = Path.GetFullPath(path);
        _soleWriter = soleWriterProcess;
    }

    /// <inheritdoc />
    public SqlDialect Dialect => SqlDialect.DuckDB;

    /// <summary>The full path of the database file.</summary>
    public string DatabasePath => _path;

    /// <summary>Whether the database file exists.</summary>
    public bool Exists => File.Exists(_path);

    /// <inheritdoc />
    public async Task<QueryResult> QueryAsync(SqlStatement statement, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(statement);
        using Activity? activity = StartActivity(statement);
        long started = Stopwatch.GetTimestamp();
        await using DuckDBConnection connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        KeepDatabaseOpen();
        await using DuckDBCommand command = CreateCommand(connection, statement);
        try
        {
            await using DbDataReader reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            string[] columns = new string[reader.FieldCount];
            for (int i = 0; i < columns.Length; i++)
            {
                columns[i] = reader.GetName(i);
            }

            List<object?[]> rows = [];
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                rows.Add(ReadRow(reader));
            }

            activity?.SetTag("db.response.returned_rows", rows.Count);
            return new QueryResult(columns, rows);
        }
        catch (DuckDBException ex) when (cancellationToken.IsCancellationRequested)
        {
            // An interrupted query is a cancellation (the caller's timeout names its setting), not a store error.
            throw new OperationCanceledException("The query was cancelled.", ex, cancellationToken);
        }
        catch (DuckDBException ex)
        {
            throw new DataStoreException($"DuckDB rejected the query: {ex.Message}", ex);
        }
        finally
        {
            PackageTelemetry.QueryDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, new KeyValuePair<string, object?>("store", "duckdb"));
        }
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<object?[]> StreamAsync(SqlStatement statement, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(statement);
        using Activity? activity = StartActivity(statement);
        await using DuckDBConnection connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        KeepDatabaseOpen();
        await using DuckDBCommand command = CreateCommand(connection, statement);
        DbDataReader reader;
        try
        {
            reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DuckDBException ex) when (cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException("The query was cancelled.", ex, cancellationToken);
        }
        catch (DuckDBException ex)
        {
            throw new DataStoreException($"DuckDB rejected the query: {ex.Message}", ex);
        }

        await using (reader.ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                yield return ReadRow(reader);
            }
        }
    }

    /// <inheritdoc />
    /// <remarks>DuckDB streams the result in chunks (<see cref="DuckDBCommand.UseStreamingMode"/>): typed getters read the
    /// engine's vectors directly, so only what <paramref name="read"/> keeps is allocated.</remarks>
    public async Task<TResult> ReadAsync<TResult>(SqlStatement statement, Func<DbDataReader, CancellationToken, Task<TResult>> read, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(statement);
        ArgumentNullException.ThrowIfNull(read);
        using Activity? activity = StartActivity(statement);
        long started = Stopwatch.GetTimestamp();
        await using DuckDBConnection connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        KeepDatabaseOpen();
        await using DuckDBCommand command = CreateCommand(connection, statement);
        command.UseStreamingMode = true;
        // DuckDB checks for interruption between chunks; cancelling the token interrupts the running query.
        await using CancellationTokenRegistration interrupt = cancellationToken.Register(static c => ((DuckDBCommand)c!).Cancel(), command);
        try
        {
            await using DbDataReader reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            return await read(reader, cancellationToken).ConfigureAwait(false);
        }
        catch (DuckDBException ex) when (cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException("The query was cancelled.", ex, cancellationToken);
        }
        catch (DuckDBException ex)
        {
            throw new DataStoreException($"DuckDB rejected the query: {ex.Message}", ex);
        }
        finally
        {
            PackageTelemetry.QueryDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, new KeyValuePair<string, object?>("store", "duckdb"));
        }
    }

    /// <summary>Opens a connection to the database file, with a clear message when it is missing or locked.</summary>
    /// <param name="cancellationToken">Cancels the open.</param>
    /// <returns>An open connection the caller disposes.</returns>
    /// <exception cref="DataStoreException">The file does not exist or another process holds its lock.</exception>
    public async Task<DuckDBConnection> OpenAsync(CancellationToken cancellationToken = default)
    {
        if (!File.Exists(_path))
        {
            throw new DataStoreException($"No database at {_path}: create one with `aether generate --db {_path}`.");
        }

        return await OpenOrCreateAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Opens a connection, creating the database file when it does not exist.</summary>
    /// <param name="cancellationToken">Cancels the open.</param>
    /// <returns>An open connection the caller disposes.</returns>
    /// <exception cref="DataStoreException">Another process holds the file's lock, or the path is not writable.</exception>
    public async Task<DuckDBConnection> OpenOrCreateAsync(CancellationToken cancellationToken = default)
    {
        JoinEpoch();
        DuckDBConnection connection = new($"DataSource={_path}");
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch (DuckDBException ex)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            string reason = ex.Message.Contains("lock", StringComparison.OrdinalIgnoreCase)
                ? $"The database {_path} is in use by another process (DuckDB allows one process at a time); stop that process or use another --db."
                : $"Cannot open the database {_path}: {ex.Message}";
            throw new DataStoreException(reason, ex);
        }
    }

    /// <inheritdoc />
    public string? DataEpoch
    {
        get
        {
            FileEpoch? shared = JoinEpoch();
            lock (EpochGate)
            {
                return shared is { DataWritten: false } ? shared.Epoch : null;
            }
        }
    }

    /// <inheritdoc />
    public void NoteDataWritten()
    {
        FileEpoch? shared = JoinEpoch();
        lock (EpochGate)
        {
            shared?.DataWritten = true;
        }
    }

    /// <summary>
    /// Closes the database instance this store keeps open between reads. As the file's sole writer and the last store of
    /// the process on it, then leaves the file's stamp and data epoch beside it for the next process (a new epoch when
    /// customer data was written in this one).
    /// </summary>
    public void Dispose()
    {
        ReleaseDatabase();
        string? epoch = null;
        lock (EpochGate)
        {
            _disposed = true;
            if (_fileEpoch is { } shared)
            {
                _fileEpoch = null;
                if (--shared.Stores == 0)
                {
                    Epochs.Remove(_path);
                    epoch = shared.DataWritten ? NewEpoch() : shared.Epoch;
                }
            }
        }

        if (epoch is not null)
        {
            LeaveStamp(epoch);
        }
    }

    // The file's epoch in this process, joined on first use. The first store of the process takes it before the first
    // open (the process's own writes come after): the epoch the last sole writer left when the file still has the stamp
    // it left; otherwise a new one (something else changed the file, or no process left a stamp).
    private FileEpoch? JoinEpoch()
    {
        if (!_soleWriter)
        {
            return null;
        }

        // Every open asks: once joined, without the lock.
        if (Volatile.Read(ref _fileEpoch) is { } joined)
        {
            return joined;
        }

        lock (EpochGate)
        {
            if (_fileEpoch is null && !_disposed)
            {
                if (!Epochs.TryGetValue(_path, out FileEpoch? shared))
                {
                    string? stamp = Stamp();
                    LeftStamp? left = stamp is null ? null : ReadLeftStamp();
                    shared = new FileEpoch { Epoch = left is { Epoch: { Length: > 0 } epoch } && left.File == stamp ? epoch : NewEpoch() };
                    Epochs.Add(_path, shared);
                }

                shared.Stores++;
                _fileEpoch = shared;
            }

            return _fileEpoch;
        }
    }

    private static string NewEpoch() => Guid.NewGuid().ToString("N");

    private string StampPath => _path + ".aether-stamp";

    private LeftStamp? ReadLeftStamp()
    {
        try
        {
            return File.Exists(StampPath) ? System.Text.Json.JsonSerializer.Deserialize<LeftStamp>(File.ReadAllBytes(StampPath), AetherSegmentJson.Options) : null;
        }
        catch (Exception ex) when (ex is System.Text.Json.JsonException or IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    // Written after the close (a temporary file renamed over the last one); removed when the file cannot be stamped (a
    // write-ahead log is left: another connection still has it open), so no later process trusts a stale stamp.
    private void LeaveStamp(string epoch)
    {
        string temporary = StampPath + "." + NewEpoch()[..8] + ".tmp";
        try
        {
            if (Stamp() is not { } stamp)
            {
                File.Delete(StampPath);
                return;
            }

            File.WriteAllBytes(temporary, System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(new LeftStamp { File = stamp, Epoch = epoch }, AetherSegmentJson.Options));
            File.Move(temporary, StampPath, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The next process starts a new epoch.
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    private sealed class FileEpoch
    {
        public int Stores { get; set; }

        public string? Epoch { get; init; }

        public bool DataWritten { get; set; }
    }

    private sealed class LeftStamp
    {
        public string? File { get; set; }

        public string? Epoch { get; set; }
    }

    /// <summary>The file's length and last write time (UTC ticks); null when it is missing or has a write-ahead log.</summary>
    private string? Stamp()
    {
        try
        {
            FileInfo file = new(_path);
            return file.Exists && !File.Exists(_path + ".wal")
                ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{file.Length}:{file.LastWriteTimeUtc.Ticks}")
                : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    // Opening the file costs tens of milliseconds (DuckDB shares one instance per file while any connection is open),
    // so reads keep one idle connection for a few seconds; the file lock is released once reads stop.
    private void KeepDatabaseOpen()
    {
        lock (_keeperGate)
        {
            if (_keeper is not null)
            {
                _keeperRelease?.Change(KeepAlive, Timeout.InfiniteTimeSpan);
                return;
            }

            DuckDBConnection keeper = new($"DataSource={_path}");
            try
            {
                keeper.Open();
            }
            catch (DuckDBException)
            {
                keeper.Dispose();
                return;
            }

            _keeper = keeper;
            _keeperRelease = TimeProvider.System.CreateTimer(_ => ReleaseDatabase(), null, KeepAlive, Timeout.InfiniteTimeSpan);
        }
    }

    private void ReleaseDatabase()
    {
        lock (_keeperGate)
        {
            _keeperRelease?.Dispose();
            _keeperRelease = null;
            _keeper?.Dispose();
            _keeper = null;
        }
    }

    private static DuckDBCommand CreateCommand(DuckDBConnection connection, SqlStatement statement)
    {
        DuckDBCommand command = connection.CreateCommand();
        command.CommandText = statement.Sql;
        foreach (QueryParameter parameter in statement.Parameters)
        {
            command.Parameters.Add(new DuckDBParameter(parameter.Name, ToDuckDB(parameter)));
        }

        return command;
    }

    private static object? ToDuckDB(QueryParameter parameter) => parameter.Value switch
    {
        null => DBNull.Value,
        DateTimeOffset timestamp => timestamp.UtcDateTime,
        IReadOnlyList<string> list => list as List<string> ?? [.. list],
        _ => parameter.Value,
    };

    internal static object?[] ReadRow(DbDataReader reader)
    {
        object?[] row = new object?[reader.FieldCount];
        for (int i = 0; i < row.Length; i++)
        {
            row[i] = reader.IsDBNull(i) ? null : Normalize(reader.GetValue(i));
        }

        return row;
    }

    private static object Normalize(object value) => value switch
    {
        DateTime dateTime => new DateTimeOffset(DateTime.SpecifyKind(dateTime, DateTimeKind.Utc)),
        int i => (long)i,
        short s => (long)s,
        byte b => (long)b,
        sbyte sb => (long)sb,
        uint ui => (long)ui,
        ushort us => (long)us,
        ulong ul => (long)ul,
        System.Numerics.BigInteger big => (double)big,
        decimal d => (double)d,
        float f => (double)f,
        _ => value,
    };

    private static Activity? StartActivity(SqlStatement statement)
    {
        Activity? activity = PackageTelemetry.ActivitySource.StartActivity("duckdb.query", ActivityKind.Client);
        activity?.SetTag("db.system", "duckdb");
        activity?.SetTag("db.query.parameter_count", statement.Parameters.Count);
        return activity;
    }
}
