using System.Text.Json.Serialization;

namespace AetherSegment.Synthetic.Checks;

/// <summary>The report of <c>aether data check</c>: every check and whether all passed.</summary>
/// <param name="Passed">Whether every check passed.</param>
/// <param name="RowCounts">Rows per customer table.</param>
/// <param name="Checks">The checks, in a fixed order.</param>
public sealed record DataCheckReport(
    [property: JsonPropertyName("passed")] bool Passed,
    [property: JsonPropertyName("row_counts")] IReadOnlyDictionary<string, long> RowCounts,
    [property: JsonPropertyName("checks")] IReadOnlyList<DataCheckResult> Checks);
