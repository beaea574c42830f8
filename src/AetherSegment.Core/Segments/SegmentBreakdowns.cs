using System.Text.Json.Serialization;

namespace AetherSegment.Segments;

/// <summary>
/// A segment's members broken down by each place level of the profile (<c>by_&lt;level&gt;</c>, e.g. <c>by_country</c>
/// and <c>by_city</c> for the demo retailer, <c>by_region</c> for another) and by value tier (<c>by_value_tier</c>),
/// each list largest first.
/// </summary>
public sealed record SegmentBreakdowns
{
    /// <summary>The lists by key (<c>by_&lt;place level&gt;</c> in level order, then <c>by_value_tier</c>), each a list of <see cref="BreakdownItem"/> (written as properties).</summary>
    [JsonExtensionData]
    public IDictionary<string, object> Lists { get; init; } = new Dictionary<string, object>(StringComparer.Ordinal);

    /// <summary>The list of a place level (by the level's name, e.g. <c>country</c>); empty when there is none.</summary>
    /// <param name="level">The place level's name.</param>
    public IReadOnlyList<BreakdownItem> ByPlace(string level) => Get("by_" + level);

    /// <summary>By value tier (high, medium, low over the value score with the profile's or configured thresholds).</summary>
    [JsonIgnore]
    public IReadOnlyList<BreakdownItem> ByValueTier => Get("by_value_tier");

    private IReadOnlyList<BreakdownItem> Get(string key) =>
        Lists.TryGetValue(key, out object? list) && list is IReadOnlyList<BreakdownItem> items ? items : [];
}
