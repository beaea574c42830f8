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

    /// <summary>Creates the factory over the configured database file.</summary>
    public DuckDBDataSinkFactory(IOptions<DuckDBOptions> options)
        : this(options?.Value.Path ?? throw new ArgumentNullException(nameof(options)))
    {
    }

    /// <summary>Creates the factory over a database file.</summary>
    /// <param name="path">The database file to create or replace.</param>
    public DuckDBDataSinkFactory(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        _path = Path.GetFullPath(path);
    }

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
