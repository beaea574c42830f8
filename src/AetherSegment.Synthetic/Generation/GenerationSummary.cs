using System.Text.Json.Serialization;

namespace AetherSegment.Synthetic.Generation;

/// <summary>What a generation run wrote (the JSON summary of <c>aether generate</c>).</summary>
/// <param name="Destination">Where the data went (for DuckDB, the database path).</param>
/// <param name="Customers">The number of customers.</param>
/// <param name="Seed">The seed used.</param>
/// <param name="AsOf">The as-of time of the data set (UTC, whole seconds).</param>
/// <param name="Rows">Row counts per table, in load order.</param>
/// <param name="TotalRows">The sum of <paramref name="Rows"/>.</param>
/// <param name="Seconds">Wall-clock seconds of the run, including the sink's commit.</param>
public sealed record GenerationSummary(
    [property: JsonPropertyName("destination")] string Destination,
    [property: JsonPropertyName("customers")] long Customers,
    [property: JsonPropertyName("seed")] int Seed,
    [property: JsonPropertyName("as_of")] DateTimeOffset AsOf,
    [property: JsonPropertyName("rows")] IReadOnlyDictionary<string, long> Rows,
    [property: JsonPropertyName("total_rows")] long TotalRows,
    [property: JsonPropertyName("seconds")] double Seconds);
