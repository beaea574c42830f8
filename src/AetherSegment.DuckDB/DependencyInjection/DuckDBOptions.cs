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
    /// How old an abandoned <c>.loading-*</c> file (left by a killed <c>generate</c>) must be before it is removed when its
    /// writer's process id cannot be told dead; a file whose writer is gone goes at once, and a file another process
    /// still holds (DuckDB's lock) is never touched.
    /// </summary>
    /// <value>The default value is 15 minutes.</value>
    [Range(typeof(TimeSpan), "00:00:00", "7.00:00:00", ErrorMessage = "AetherSegment:DuckDB:StaleLoadingFileAge must be between 00:00:00 and 7.00:00:00.")]
    public TimeSpan StaleLoadingFileAge { get; set; } = TimeSpan.FromMinutes(15);
}
