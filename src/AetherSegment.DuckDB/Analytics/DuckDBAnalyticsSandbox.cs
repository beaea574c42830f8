using System.Data.Common;
using System.Globalization;
using AetherSegment.Analytics;
using AetherSegment.Data;
using AetherSegment.Profiles;
using DuckDB.NET.Data;
using Microsoft.Extensions.Options;

namespace AetherSegment.DuckDB.Analytics;

/// <summary>
/// Runs language-model SQL on a separate, read-only DuckDB engine that can see nothing but the analytics views.
/// <list type="bullet">
/// <item>The main database instance copies the tables of the business's mapping, with only the non-personal columns
/// the mapping reads (so no personal column and no unmapped table such as ground truth), into a snapshot file of its own; the sandbox opens that file READ_ONLY in a second DuckDB
/// instance. (A second instance on the live file is not safe: DuckDB's file lock is per process, and closing the second
/// instance releases the writer's lock.)</item>
/// <item>The sandbox instance gets a memory limit, a thread limit, no spilling, external access disabled (no files,
/// URLs, extensions or ATTACH), and then <c>lock_configuration</c>, so no statement can change any of it.</item>
/// <item>Every statement is parsed by DuckDB itself (<c>json_serialize_sql</c>) and walked by
/// <see cref="DuckDBSqlTreeGuard"/>; the statement actually run (wrapped in a LIMIT) is parsed and walked again.</item>
/// <item>It runs under a time budget (the connection is interrupted) and returns at most the row budget.</item>
/// </list>
/// The snapshot is refreshed when it is older than <see cref="DuckDBOptions.AnalyticsSnapshotMaxAge"/> and the database
/// file changed since.
/// </summary>
/// <remarks>Thread-safe.</remarks>
internal sealed class DuckDBAnalyticsSandbox : IAnalyticsSqlSandbox, IDisposable
{
    internal const int MaxSqlLength = 8000;

    private readonly Dictionary<string, IReadOnlyList<string>> _views;
    private readonly DuckDBDataStore _store;
    private readonly DuckDBOptions _options;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _refresh = new(1, 1);
    private readonly string _folder;
    private readonly Lock _gate = new();
    private Snapshot? _snapshot;
    private int _generation;
    private bool _disposed;

    public DuckDBAnalyticsSandbox(DuckDBDataStore store, BusinessProfile profile, IOptions<DuckDBOptions> options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(options);
        _store = store;
        _views = ViewsOf(profile);
        _options = options.Value;
        _time = time ?? TimeProvider.System;
        string root = Path.Combine(Path.GetTempPath(), "aether-analytics-sandbox");
        _folder = Path.Combine(root, Guid.NewGuid().ToString("N"));
        DeleteStaleFolders(root, _time.GetUtcNow().UtcDateTime - StaleAfter);
    }

    /// <summary>How long a snapshot folder may go untouched before a new sandbox deletes it (left by a killed process).</summary>
    internal static TimeSpan StaleAfter { get; } = TimeSpan.FromDays(1);

    /// <summary>The views model SQL may read, each with its columns.</summary>
    internal IReadOnlyDictionary<string, IReadOnlyList<string>> AllowedViews => _views;

    public async Task<SqlGuardVerdict> CheckAsync(string sql, CancellationToken cancellationToken = default)
    {
        Snapshot snapshot = await AcquireAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using DuckDBConnection connection = snapshot.Connect();
            return Check(connection, sql, _views);
        }
        finally
        {
            Release(snapshot);
        }
    }

    public async Task<QueryResult> QueryAsync(string sql, int maxRows, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxRows, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(timeout, TimeSpan.Zero);
        Snapshot snapshot = await AcquireAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using DuckDBConnection connection = snapshot.Connect();
            SqlGuardVerdict verdict = Check(connection, sql, _views);
            if (!verdict.IsAllowed)
            {
                throw new DataStoreException($"The statement was refused: {verdict.Reason}");
            }

            // What runs is what was checked: the wrapped text is parsed and walked again.
            string wrapped = string.Create(CultureInfo.InvariantCulture, $"SELECT * FROM (\n{verdict.Sql}\n) AS guarded_result LIMIT {maxRows}");
            SqlGuardVerdict wrappedVerdict = Check(connection, wrapped, _views);
            if (!wrappedVerdict.IsAllowed)
            {
                throw new DataStoreException($"The statement was refused: {wrappedVerdict.Reason}");
            }

            return await RunAsync(connection, wrapped, maxRows, timeout, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            Release(snapshot);
        }
    }

    /// <summary>
    /// Runs <paramref name="use"/> on a raw sandbox connection, with no parse-tree check: for tests that prove what the
    /// engine itself refuses even if the guard were bypassed.
    /// </summary>
    internal async Task<T> UseUncheckedConnectionAsync<T>(Func<DuckDBConnection, T> use, CancellationToken cancellationToken = default)
    {
        Snapshot snapshot = await AcquireAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using DuckDBConnection connection = snapshot.Connect();
            return use(connection);
        }
        finally
        {
            Release(snapshot);
        }
    }

    public void Dispose()
    {
        Snapshot? snapshot;
        lock (_gate)
        {
            _disposed = true;
            snapshot = _snapshot;
            _snapshot = null;
        }

        snapshot?.Retire();
        _refresh.Dispose();
        TryDeleteFolder(_folder);
    }

    /// <summary>Parses a statement with DuckDB's parser and walks the tree against the views model SQL may read.</summary>
    internal static SqlGuardVerdict Check(DuckDBConnection connection, string? sql, IReadOnlyDictionary<string, IReadOnlyList<string>> views)
    {
        ArgumentNullException.ThrowIfNull(views);
        if (string.IsNullOrWhiteSpace(sql))
        {
            return SqlGuardVerdict.Refuse("the SQL is empty.");
        }

        string text = sql.Trim();
        if (text.EndsWith(';'))
        {
            text = text[..^1].TrimEnd();
        }

        if (text.Length > MaxSqlLength)
        {
            return SqlGuardVerdict.Refuse(string.Create(CultureInfo.InvariantCulture, $"the SQL is longer than {MaxSqlLength} characters."));
        }

        if (text.Contains('\0', StringComparison.Ordinal))
        {
            return SqlGuardVerdict.Refuse("the SQL contains a NUL character.");
        }

        string json;
        try
        {
            using DuckDBCommand command = connection.CreateCommand();
            command.CommandText = "SELECT json_serialize_sql(CAST($sql AS VARCHAR))";
            command.Parameters.Add(new DuckDBParameter("sql", text));
            json = command.ExecuteScalar() as string ?? "";
        }
        catch (DuckDBException ex)
        {
            return SqlGuardVerdict.Refuse($"the engine's parser refused it ({ex.Message.ReplaceLineEndings(" ")}).");
        }

        SqlGuardVerdict verdict = DuckDBSqlTreeGuard.Check(json, views);
        return verdict.IsAllowed ? SqlGuardVerdict.Allow(text) : verdict;
    }

    private async Task<QueryResult> RunAsync(DuckDBConnection connection, string sql, int maxRows, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using CancellationTokenSource budget = new(timeout, _time);
        using CancellationTokenSource linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, budget.Token);
        using DuckDBCommand command = connection.CreateCommand();
        command.CommandText = sql;
        using CancellationTokenRegistration interrupt = linked.Token.Register(static state => ((DuckDBCommand)state!).Cancel(), command);
        try
        {
            return await Task.Run(
                () =>
                {
                    using DbDataReader reader = command.ExecuteReader();
                    string[] columns = new string[reader.FieldCount];
                    for (int i = 0; i < columns.Length; i++)
                    {
                        columns[i] = reader.GetName(i);
                    }

                    List<object?[]> rows = [];
                    while (rows.Count < maxRows && reader.Read())
                    {
                        linked.Token.ThrowIfCancellationRequested();
                        rows.Add(DuckDBDataStore.ReadRow(reader));
                    }

                    return new QueryResult(columns, rows);
                },
                CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is DuckDBException or OperationCanceledException && linked.IsCancellationRequested)
        {
            cancellationToken.ThrowIfCancellationRequested();
            throw new DataStoreException(string.Create(CultureInfo.InvariantCulture, $"The statement took longer than the analytics time budget of {timeout.TotalSeconds:0.###} s and was interrupted."), ex);
        }
        catch (DuckDBException ex)
        {
            throw new DataStoreException($"DuckDB rejected the query: {ex.Message.ReplaceLineEndings(" ")}", ex);
        }
    }

    private async Task<Snapshot> AcquireAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_snapshot is { } current && Fresh(current))
            {
                current.Acquire();
                return current;
            }
        }

        await _refresh.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            lock (_gate)
            {
                ObjectDisposedException.ThrowIf(_disposed, this);
                if (_snapshot is { } current && Fresh(current))
                {
                    current.Acquire();
                    return current;
                }
            }

            Snapshot built = await BuildAsync(cancellationToken).ConfigureAwait(false);
            Snapshot? old;
            lock (_gate)
            {
                if (_disposed)
                {
                    built.Retire();
                    throw new ObjectDisposedException(nameof(DuckDBAnalyticsSandbox));
                }

                old = _snapshot;
                _snapshot = built;
                built.Acquire();
            }

            old?.Retire();
            return built;
        }
        finally
        {
            _refresh.Release();
        }
    }

    private static void Release(Snapshot snapshot) => snapshot.Release();

    private bool Fresh(Snapshot snapshot) =>
        _time.GetUtcNow() - snapshot.BuiltAt <= _options.AnalyticsSnapshotMaxAge || SourceWriteTime() <= snapshot.SourceWriteTime;

    private DateTime SourceWriteTime()
    {
        DateTime file = File.Exists(_store.DatabasePath) ? File.GetLastWriteTimeUtc(_store.DatabasePath) : DateTime.MinValue;
        string wal = _store.DatabasePath + ".wal";
        DateTime log = File.Exists(wal) ? File.GetLastWriteTimeUtc(wal) : DateTime.MinValue;
        return file > log ? file : log;
    }

    private async Task<Snapshot> BuildAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(_folder);
        int generation = Interlocked.Increment(ref _generation);
        string path = Path.Combine(_folder, string.Create(CultureInfo.InvariantCulture, $"views-{generation}.duckdb"));
        string alias = string.Create(CultureInfo.InvariantCulture, $"aether_sandbox_{Environment.ProcessId}_{generation}");
        DateTime sourceWriteTime = SourceWriteTime();
        DateTimeOffset builtAt = _time.GetUtcNow();
        await using (DuckDBConnection main = await _store.OpenAsync(cancellationToken).ConfigureAwait(false))
        {
            try
            {
                Execute(main, $"ATTACH '{path.Replace("'", "''", StringComparison.Ordinal)}' AS {alias}");
                try
                {
                    foreach ((string view, IReadOnlyList<string> columns) in _views)
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                        string list = string.Join(", ", columns.Select(c => $"\"{c}\""));
                        Execute(main, $"CREATE TABLE {alias}.main.\"{view}\" AS SELECT {list} FROM \"{view}\"");
                    }
                }
                finally
                {
                    Execute(main, $"DETACH {alias}");
                }
            }
            catch (DuckDBException ex)
            {
                TryDelete(path);
                throw new DataStoreException($"The analytics sandbox could not copy the analytics views: {ex.Message.ReplaceLineEndings(" ")}", ex);
            }
        }

        DuckDBConnection keeper = new($"DataSource={path};ACCESS_MODE=READ_ONLY");
        try
        {
            await keeper.OpenAsync(cancellationToken).ConfigureAwait(false);
            Execute(keeper, string.Create(CultureInfo.InvariantCulture, $"SET memory_limit = '{_options.AnalyticsMemoryLimitMegabytes}MiB'"));
            Execute(keeper, string.Create(CultureInfo.InvariantCulture, $"SET max_memory = '{_options.AnalyticsMemoryLimitMegabytes}MiB'"));
            Execute(keeper, string.Create(CultureInfo.InvariantCulture, $"SET threads = {_options.AnalyticsThreads}"));
            Execute(keeper, "SET temp_directory = ''");
            Execute(keeper, "SET autoinstall_known_extensions = false");
            Execute(keeper, "SET autoload_known_extensions = false");
            Execute(keeper, "SET enable_external_access = false");
            Execute(keeper, "SET lock_configuration = true");
        }
        catch
        {
            keeper.Dispose();
            TryDelete(path);
            throw;
        }

        return new Snapshot(path, keeper, builtAt, sourceWriteTime);
    }

    private static void Execute(DuckDBConnection connection, string sql)
    {
        using DuckDBCommand command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static void TryDelete(string path)
    {
        foreach (string file in (string[])[path, path + ".wal"])
        {
            try
            {
                File.Delete(file);
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
    }

    private static void TryDeleteFolder(string folder)
    {
        try
        {
            if (Directory.Exists(folder) && !Directory.EnumerateFileSystemEntries(folder).Any())
            {
                Directory.Delete(folder);
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private static void DeleteStaleFolders(string root, DateTime before)
    {
        try
        {
            if (!Directory.Exists(root))
            {
                return;
            }

            foreach (string folder in Directory.EnumerateDirectories(root))
            {
                DateTime newest = Directory.GetLastWriteTimeUtc(folder);
                foreach (string file in Directory.EnumerateFiles(folder))
                {
                    DateTime written = File.GetLastWriteTimeUtc(file);
                    newest = written > newest ? written : newest;
                }

                if (newest < before)
                {
                    Directory.Delete(folder, recursive: true);
                }
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    /// <summary>
    /// The views of a business: one per mapped table, named as the table (the names the language model's prompt shows,
    /// <see cref="AnalyticsSqlGuard.DescribeAllowedSchema(BusinessProfile)"/>), carrying only the non-personal columns
    /// the mapping reads (<see cref="AnalyticsSqlGuard.ColumnsOf(BusinessProfile, string)"/>).
    /// </summary>
    internal static Dictionary<string, IReadOnlyList<string>> ViewsOf(BusinessProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        Dictionary<string, IReadOnlyList<string>> views = new(StringComparer.OrdinalIgnoreCase);
        foreach (string table in AnalyticsSqlGuard.TablesOf(profile))
        {
            views[table] = AnalyticsSqlGuard.ColumnsOf(profile, table);
        }

        return views;
    }

    /// <summary>One snapshot file and the sandbox instance open on it; deleted once retired and no query uses it.</summary>
    private sealed class Snapshot(string path, DuckDBConnection keeper, DateTimeOffset builtAt, DateTime sourceWriteTime)
    {
        private readonly Lock _gate = new();
        private int _leases;
        private bool _retired;

        public DateTimeOffset BuiltAt { get; } = builtAt;

        public DateTime SourceWriteTime { get; } = sourceWriteTime;

        /// <summary>
        /// A new connection to the sandbox instance: DuckDB.NET shares one instance per file while a connection (the
        /// keeper) is open, so it carries the same locked settings (a test checks them through such a connection).
        /// </summary>
        public DuckDBConnection Connect()
        {
            DuckDBConnection connection = new(keeper.ConnectionString);
            try
            {
                connection.Open();
                return connection;
            }
            catch
            {
                connection.Dispose();
                throw;
            }
        }

        public void Acquire()
        {
            lock (_gate)
            {
                _leases++;
            }
        }

        public void Release()
        {
            lock (_gate)
            {
                _leases--;
                if (!_retired || _leases > 0)
                {
                    return;
                }
            }

            Close();
        }

        public void Retire()
        {
            lock (_gate)
            {
                _retired = true;
                if (_leases > 0)
                {
                    return;
                }
            }

            Close();
        }

        private void Close()
        {
            keeper.Dispose();
            TryDelete(path);
        }
    }
}
