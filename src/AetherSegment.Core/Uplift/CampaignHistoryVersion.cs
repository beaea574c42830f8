using System.Globalization;
using System.Text.Json;
using AetherSegment.Data;
using AetherSegment.Profiles;

namespace AetherSegment.Uplift;

/// <summary>
/// The campaign history's data version (<see cref="UpliftFeatureQuery.DataVersion"/>: row count, latest send and a
/// checksum of every row) without scanning every row on every call. Where the dialect has a storage probe (<see cref="SqlDialect.TableStateProbe"/>; DuckDB's) a cheap probe runs first: the row count,
/// the latest send and a fingerprint of the table's storage layout (<c>pragma_storage_info</c>: each column segment's
/// row count, statistics, block and pending-update flag). The full checksum is computed again only when the probe
/// differs from the one it was cached with, or when the table holds in-place updates not yet checkpointed (the layout
/// does not tell a second such update of a segment from the first, so the checksum decides). Any appended, removed or
/// edited row therefore still changes the version; an unchanged table costs a few milliseconds instead of a full scan.
/// A dialect without one (BigQuery) computes the checksum every time.
/// <para>
/// With a <c>persistedPath</c> (the trained models' directory, <see cref="TriggerModelCache"/>) the pair (probe, version)
/// is also written to a file there, so a new process on unchanged data (the CLI: one command per process) runs only the
/// probe: the file is read when the in-memory entry is missing or differs, and trusted only when its probe and table
/// equal the current probe. A changed probe or pending updates still compute the checksum (and replace the file).
/// </para>
/// <para>
/// When the store's processes are its sole writers (<see cref="IFileStampedDataStore"/>, the command line's DuckDB store),
/// the pair also carries the file's data epoch. A new process in the same epoch (nothing but such processes, writing no
/// customer data, has changed the file since the pair was written) takes the version without the probe. The probe costs a
/// new process 60-210 ms of one core over a 5,000,000-row history (docs/benchmarks.md, "Stop 36").
/// </para>
/// </summary>
/// <remarks>
/// Why the layout is enough when no update is pending: appends and deletes change the count or a segment's count;
/// a checkpoint writes rewritten segments to new blocks while the old ones are still in use, so the layout after it
/// differs from the one cached before it; a write by another process needs this process to have released the file,
/// and it either checkpoints on close (new blocks) or leaves a WAL whose replay shows as pending updates.
/// Across processes the same holds: the file is only read after this process probed the table itself. Thread-safe;
/// one cached entry (and one file).
/// </remarks>
internal sealed class CampaignHistoryVersion(IDataStore store, BusinessProfile profile, string? persistedPath = null)
{
    /// <summary>The file name of the persisted (probe, version) pair in the models' directory.</summary>
    public const string FileName = "campaign-history-version.json";

    private const string FormatName = "aether-campaign-history-version-1";

    private readonly Lock _gate = new();
    private (string Probe, string Version)? _cached;
    private (string Epoch, string Version)? _epochCached;
    private int _fullScans;
    private int _persistedHits;
    private int _epochHits;

    /// <summary>How many times the full checksum was computed (for tests and diagnostics).</summary>
    public int FullScans => Volatile.Read(ref _fullScans);

    /// <summary>How many times the version was taken from the persisted file after a probe (for tests and diagnostics).</summary>
    public int PersistedHits => Volatile.Read(ref _persistedHits);

    /// <summary>How many times the version was taken from the persisted file by the store's data epoch, without a probe (for tests and diagnostics).</summary>
    public int EpochHits => Volatile.Read(ref _epochHits);

    /// <summary>The current data version, as <c>count|latest send µs|checksum</c>.</summary>
    /// <param name="cancellationToken">Cancels the queries.</param>
    public async Task<string> GetAsync(CancellationToken cancellationToken)
    {
        // Taken before reading the data: the pair is kept with this epoch only if it still holds afterwards.
        string? epoch = (store as IFileStampedDataStore)?.DataEpoch;
        if (epoch is not null)
        {
            lock (_gate)
            {
                if (_epochCached is { } known && known.Epoch == epoch)
                {
                    return known.Version;
                }
            }

            if (ReadFile() is { Version: { } carried } saved && saved.Epoch == epoch)
            {
                Interlocked.Increment(ref _epochHits);
                lock (_gate)
                {
                    _epochCached = (epoch, carried);
                }

                return carried;
            }
        }

        (string? probe, string version, bool scanned) = await ReadAsync(cancellationToken).ConfigureAwait(false);
        bool epochHolds = epoch is not null && (store as IFileStampedDataStore)?.DataEpoch == epoch;
        if (epochHolds)
        {
            lock (_gate)
            {
                _epochCached = (epoch!, version);
            }
        }

        // One write: a new checksum under a probe, or any version the epoch now carries to the next process.
        if (epochHolds || (scanned && probe is not null))
        {
            WritePersisted(probe, version, epochHolds ? epoch : null);
        }

        return version;
    }

    /// <summary>
    /// The version from the probe (cached, persisted) or the full checksum, with the probe it was read under (null without
    /// one) and whether the checksum was computed.
    /// </summary>
    private async Task<(string? Probe, string Version, bool Scanned)> ReadAsync(CancellationToken cancellationToken)
    {
        string? probe = null;
        // The probe reads the engine's storage metadata (SqlDialect.TableStateProbe); a dialect without one computes the checksum every time.
        if (Probe() is { } probeStatement)
        {
            QueryResult probed = await store.QueryAsync(probeStatement, cancellationToken).ConfigureAwait(false);
            object?[] row = probed.Rows.Count > 0 ? probed.Rows[0] : [];
            bool pendingUpdates = row.Length > 3 && row[3] is true;
            probe = pendingUpdates ? null : Join(row);
            lock (_gate)
            {
                if (probe is not null && _cached is { } cached && cached.Probe == probe)
                {
                    return (probe, cached.Version, false);
                }
            }

            if (probe is not null && ReadPersisted(probe) is { } persisted)
            {
                Interlocked.Increment(ref _persistedHits);
                lock (_gate)
                {
                    _cached = (probe, persisted);
                }

                return (probe, persisted, false);
            }
        }

        Interlocked.Increment(ref _fullScans);
        QueryResult result = await store.QueryAsync(UpliftFeatureQuery.DataVersion(store.Dialect, profile), cancellationToken).ConfigureAwait(false);
        string version = Join(result.Rows.Count > 0 ? result.Rows[0] : []);
        if (probe is not null)
        {
            lock (_gate)
            {
                _cached = (probe, version);
            }
        }

        return (probe, version, true);
    }

    private string Table => profile.RequireEntity(EntityKind.CampaignSends, "Trigger ranking").Table;

    /// <summary>The persisted version when the file holds this probe of this table; null otherwise (missing, other, unreadable).</summary>
    private string? ReadPersisted(string probe) =>
        ReadFile() is { Version: { } version } saved && saved.Probe == probe ? version : null;

    /// <summary>The persisted pair of this table in this dialect; null when missing, another's or unreadable.</summary>
    private PersistedDto? ReadFile()
    {
        if (persistedPath is null || !File.Exists(persistedPath))
        {
            return null;
        }

        try
        {
            using FileStream file = File.OpenRead(persistedPath);
            PersistedDto? saved = JsonSerializer.Deserialize<PersistedDto>(file, AetherSegmentJson.Options);
            return saved is { Format: FormatName } && saved.Table == Table && saved.Dialect == store.Dialect.Name ? saved : null;
        }
        catch (Exception ex) when (ex is JsonException or IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>
    /// Replaces the persisted pair (a temporary file renamed over it), with the store's data epoch when it holds; a failure
    /// only costs the next process a probe or a checksum.
    /// </summary>
    private void WritePersisted(string? probe, string version, string? epoch)
    {
        if (persistedPath is null)
        {
            return;
        }

        string temporary = persistedPath + "." + Guid.NewGuid().ToString("N")[..8] + ".tmp";
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(persistedPath))!);
            using (FileStream file = new(temporary, FileMode.CreateNew, FileAccess.Write))
            {
                JsonSerializer.Serialize(file, new PersistedDto { Format = FormatName, Dialect = store.Dialect.Name, Table = Table, Probe = probe, Version = version, Epoch = epoch }, AetherSegmentJson.Options);
            }

            File.Move(temporary, persistedPath, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            // The next process computes the checksum again.
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }

    private static string Join(object?[] row) => string.Join('|', row.Select(v => Convert.ToString(v, CultureInfo.InvariantCulture)));

    /// <summary>
    /// The dialect's probe of the profile's campaign sends table (<see cref="SqlDialect.TableStateProbe"/>): <c>n</c>,
    /// <c>last_sent_us</c>, <c>layout</c> and <c>pending_updates</c>; null when the dialect has none. The table is the
    /// profile's mapping (configuration, not a request value).
    /// </summary>
    private SqlStatement? Probe()
    {
        EntityMapping sends = profile.RequireEntity(EntityKind.CampaignSends, "Trigger ranking");
        string sentAt = Segments.SegmentMapping.Column(store.Dialect, null, sends.Column("sent_at") ?? "sent_at");
        return store.Dialect.TableStateProbe(sends.Table, sentAt) is { } sql ? new SqlStatement(sql) : null;
    }

    private sealed class PersistedDto
    {
        public string? Format { get; set; }

        public string? Dialect { get; set; }

        public string? Table { get; set; }

        public string? Probe { get; set; }

        public string? Version { get; set; }

        public string? Epoch { get; set; }
    }
}
