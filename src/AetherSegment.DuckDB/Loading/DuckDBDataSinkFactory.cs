using AetherSegment.Data;
using DuckDB.NET.Data;
using Microsoft.Extensions.Options;

namespace AetherSegment.DuckDB.Loading;

/// <summary>
/// Creates sinks that load a fresh embedded database file: the load goes to a temporary file beside the target and is
/// moved into place when the sink completes, so a failure never leaves a half database and readers see either the
/// old file or the new one. An existing database is only replaced when the caller says so.
/// </summary>
/// <remarks>Thread-safe.</remarks>
public sealed class DuckDBDataSinkFactory : IDataSinkFactory
{
    private readonly string _path;
    private readonly TimeSpan _staleLoadingFileAge;
    private readonly TimeProvider _timeProvider;

    /// <summary>Creates the factory over the configured database file.</summary>
    public DuckDBDataSinkFactory(IOptions<DuckDBOptions> options)
        : this(options?.Value.Path ?? throw new ArgumentNullException(nameof(options)), options.Value.StaleLoadingFileAge, TimeProvider.System)
    {
    }

    /// <summary>Creates the factory over a database file.</summary>
    /// <param name="path">The database file to create or replace.</param>
    public DuckDBDataSinkFactory(string path)
        : this(path, new DuckDBOptions().StaleLoadingFileAge, TimeProvider.System)
    {
    }

    /// <summary>Creates the factory over a database file, with the age after which abandoned loading files are removed.</summary>
    /// <param name="path">The database file to create or replace.</param>
    /// <param name="staleLoadingFileAge">See <see cref="DuckDBOptions.StaleLoadingFileAge"/>.</param>
    /// <param name="timeProvider">The clock the age is measured with.</param>
    public DuckDBDataSinkFactory(string path, TimeSpan staleLoadingFileAge, TimeProvider timeProvider)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentOutOfRangeException.ThrowIfLessThan(staleLoadingFileAge, TimeSpan.Zero);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _path = Path.GetFullPath(path);
        _staleLoadingFileAge = staleLoadingFileAge;
        _timeProvider = timeProvider;
    }

    /// <summary>
    /// Removes the temporary <c>.NAME.loading-*</c> files (and their <c>.wal</c>) that killed loads of this database left
    /// beside it: only files no process holds, whose writer is gone or that are older than
    /// <see cref="DuckDBOptions.StaleLoadingFileAge"/>. Called before every load; hosts call it at start.
    /// </summary>
    /// <returns>The full paths removed.</returns>
    public IReadOnlyList<string> RemoveStaleLoadingFiles() => StaleLoadingFiles.Remove(_path, _staleLoadingFileAge, _timeProvider);

    /// <summary>The full path of the database file.</summary>
    public string DatabasePath => _path;

    /// <inheritdoc />
    public ValueTask<bool> ExistsAsync(CancellationToken cancellationToken = default) => ValueTask.FromResult(File.Exists(_path));

    /// <inheritdoc />
    public async ValueTask<IDataSink> CreateAsync(bool replaceExisting, CancellationToken cancellationToken = default)
    {
        string? directory = Path.GetDirectoryName(_path);
        if (directory is null || !Directory.Exists(directory))
        {
            throw new AetherSegmentInputException("db", $"Cannot create {_path}: the folder {directory} does not exist.");
        }

        RemoveStaleLoadingFiles();
        if (File.Exists(_path))
        {
            if (!replaceExisting)
            {
                throw new AetherSegmentInputException("db", $"A database already exists at {_path}; pass --force to replace it.");
            }

            // Refuse to replace a file another process is using: its lock would keep serving the old data.
            await using DuckDBConnection probe = await new DuckDBDataStore(_path).OpenAsync(cancellationToken).ConfigureAwait(false);
        }

        return await DuckDBDatabaseSink.CreateAsync(_path, cancellationToken).ConfigureAwait(false);
    }
}
