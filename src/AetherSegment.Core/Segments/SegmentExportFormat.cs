using System.Text.Json.Serialization;

namespace AetherSegment.Segments;

/// <summary>The formats a stored segment's members export to.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<SegmentExportFormat>))]
public enum SegmentExportFormat
{
    /// <summary>CSV with a header row; <c>customer_id</c> is the first column.</summary>
    [JsonStringEnumMemberName("csv")] Csv,

    /// <summary>A JSON array of member objects.</summary>
    [JsonStringEnumMemberName("json")] Json,

    /// <summary>Parquet (only where the store supports it: DuckDB).</summary>
    [JsonStringEnumMemberName("parquet")] Parquet,
}
