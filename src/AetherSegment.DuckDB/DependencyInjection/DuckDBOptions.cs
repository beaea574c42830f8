using System.ComponentModel.DataAnnotations;

namespace AetherSegment.DuckDB;

/// <summary>Settings of the embedded DuckDB store (configuration section <c>AetherSegment:DuckDB</c>).</summary>
public sealed class DuckDBOptions
{
    /// <summary>The configuration section: <c>AetherSegment:DuckDB</c>.</summary>
    public const string SectionName = "AetherSegment:DuckDB";

    /// <summary>The database file; relative paths resolve against the current folder.</summary>
    /// <value>The default value is <c>aether.duckdb</c>.</value>
    [Required(AllowEmptyStrings = false, ErrorMessage = "AetherSegment:DuckDB:Path must name a database file.")]
    public string Path { get; set; } = "aether.duckdb";

    /// <summary>
    /// The memory the analytics sandbox (the separate read-only engine that runs language-model SQL) may use, in MiB;
    /// a statement that needs more fails instead of spilling to disk.
    /// </summary>
    /// <value>The default value is 512.</value>
    [Range(16, 65_536, ErrorMessage = "AetherSegment:DuckDB:AnalyticsMemoryLimitMegabytes must be between 16 and 65536.")]
    public int AnalyticsMemoryLimitMegabytes { get; set; } = 512;

    /// <summary>The threads the analytics sandbox may use.</summary>
    /// <value>The default value is 1.</value>
    [Range(1, 64, ErrorMessage = "AetherSegment:DuckDB:AnalyticsThreads must be between 1 and 64.")]
    public int AnalyticsThreads { get; set; } = 1;

    /// <summary>
    /// How old the analytics sandbox's copy of the non-personal columns may grow before a language-model question
    /// refreshes it (only when the database changed since).
    /// </summary>
    /// <value>The default value is 1 minute.</value>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00", ErrorMessage = "AetherSegment:DuckDB:AnalyticsSnapshotMaxAge must be between 00:00:00 and 1.00:00:00.")]
    public TimeSpan AnalyticsSnapshotMaxAge { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// How old an abandoned <c>.loading-*</c> file (left by a killed <c>generate</c>) must be before it is removed when its
    /// writer's process id cannot be told dead; a file whose writer is gone goes at once, and a file another process
    /// still holds (DuckDB's lock) is never touched.
    /// </summary>
    /// <value>The default value is 15 minutes.</value>
    [Range(typeof(TimeSpan), "00:00:00", "7.00:00:00", ErrorMessage = "AetherSegment:DuckDB:StaleLoadingFileAge must be between 00:00:00 and 7.00:00:00.")]
    public TimeSpan StaleLoadingFileAge { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// Whether this process is the database's only writer while it runs and writes customer data only through
    /// AetherSegment, as the <c>aether</c> command line is (it sets this). Then the campaign history's data version is
    /// carried to the next process by the file's stamp (length and last write time, taken before the first open and after
    /// the close) instead of being probed in the data again; any other change to the file, a pending write-ahead log or
    /// data written through AetherSegment in the process makes the next process probe it. Leave it off in a host where
    /// other code writes the file through its own connections.
    /// </summary>
    /// <value>The default value is <see langword="false"/>.</value>
    public bool SoleWriterProcess { get; set; }
}
