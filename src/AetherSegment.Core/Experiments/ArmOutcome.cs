using System.Text.Json.Serialization;

namespace AetherSegment.Experiments;

/// <summary>What one arm of an experiment did: members, conversions and revenue (with its sum of squares for intervals).</summary>
/// <param name="Members">Members in the arm.</param>
/// <param name="Conversions">Members who converted (0..<paramref name="Members"/>).</param>
/// <param name="Revenue">Revenue of the arm's members in the window.</param>
/// <param name="RevenueSquares">The sum over members of revenue squared (for the revenue interval); 0 when unknown.</param>
public sealed record ArmOutcome(
    [property: JsonPropertyName("members")] long Members,
    [property: JsonPropertyName("conversions")] long Conversions,
    [property: JsonPropertyName("revenue")] double Revenue = 0,
    [property: JsonIgnore] double RevenueSquares = 0)
{
    /// <summary>The conversion rate, 0..1 (0 for an empty arm).</summary>
    [JsonPropertyName("conversion_rate")]
    public double ConversionRate => Members == 0 ? 0 : (double)Conversions / Members;
}
