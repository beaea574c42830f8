using System.Text.Json.Serialization;

namespace AetherSegment.Synthetic.Checks;

/// <summary>One distribution check of a data set.</summary>
/// <param name="Name">The check: <c>row_counts</c>, <c>countries</c>, <c>cities</c>, <c>categories</c>, <c>price_ranges</c>,
/// <c>cart_recency</c> or <c>campaign_balance</c>.</param>
/// <param name="Passed">Whether the data set passes it.</param>
/// <param name="Detail">One sentence saying what was checked and, on failure, what is wrong.</param>
/// <param name="Observed">The measured values (shares, counts) by name.</param>
public sealed record DataCheckResult(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("passed")] bool Passed,
    [property: JsonPropertyName("detail")] string Detail,
    [property: JsonPropertyName("observed")] IReadOnlyDictionary<string, double> Observed);
