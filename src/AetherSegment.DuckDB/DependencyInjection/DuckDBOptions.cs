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
}
