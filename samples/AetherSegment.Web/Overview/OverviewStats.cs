using System.Text.Json.Serialization;

namespace AetherSegment.Web.Overview;

/// <summary>
/// The overview dashboard's data (GET /api/v1/overview/stats). <see cref="AsOf"/> is the instant every window
/// ("last 7 days") ends at, the segment engine's as-of; <see cref="GeneratedAt"/> is the wall clock that judged freshness.
/// </summary>
internal sealed record OverviewStats(
    KeyMetrics Metrics,
    IReadOnlyList<CountryDistribution> GeographicDistribution,
    IReadOnlyList<ValueSegment> ValueSegments,
    IReadOnlyList<Opportunity> Opportunities,
    BehavioralInsights BehavioralInsights,
    IReadOnlyList<TableHealth> DataHealth,
    DateTimeOffset GeneratedAt,
    DateTimeOffset AsOf);

/// <summary>
/// The four key metrics. A metric the profile cannot answer (no carts mapping, no value or churn attribute) is null,
/// and <see cref="Notes"/> names the mapping that enables it.
/// </summary>
internal sealed record KeyMetrics(
    long TotalCustomers,
    [property: JsonPropertyName("abandoned_carts_7d")] long? AbandonedCarts7d,
    double? AvgClvScore,
    long? AtRiskCustomers)
{
    /// <summary>Metric name to the reason it is null ("needs the `entities.carts` mapping"); null when every metric is computed.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyDictionary<string, string>? Notes { get; init; }
}

/// <summary>Customers of one value of the profile's first place level (a country, a region), with the values of its second level.</summary>
internal sealed record CountryDistribution(string Country, long Customers, double Share, double? AvgClv, IReadOnlyList<CityCount> Cities);

/// <summary>Customers of one value of the second place level (a city).</summary>
internal sealed record CityCount(string City, long Customers, double? AvgClv);

/// <summary>Customers of one value tier (over the profile's value score, with its value-tier thresholds).</summary>
internal sealed record ValueSegment(string Tier, long Customers, double Share, double AvgClv, double MinClv, double MaxClv);

/// <summary>A segment worth targeting now, with an objective that opens the workflow on it.</summary>
internal sealed record Opportunity(string Id, string Title, string Description, long Size, string CampaignType, string Objective);

/// <summary>What customers did recently (empty lists when the profile maps no events or orders).</summary>
internal sealed record BehavioralInsights(
    IReadOnlyList<DailyActivity> RecentActivity,
    [property: JsonPropertyName("event_types_7d")] IReadOnlyList<NamedCount> EventTypes7d,
    [property: JsonPropertyName("top_categories_30d")] IReadOnlyList<CategorySales> TopCategories30d,
    [property: JsonPropertyName("room_planner_30d"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] FeatureUse? RoomPlanner30d,
    [property: JsonPropertyName("ar_view_30d"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] FeatureUse? ArView30d,
    [property: JsonPropertyName("devices_30d")] IReadOnlyList<NamedCount> Devices30d)
{
    /// <summary>Use of each of the profile's own event types (kind <c>other</c>: the demo's room planner and AR view), in catalog order.</summary>
    [JsonPropertyName("features_30d")]
    public IReadOnlyList<FeatureUse> Features30d { get; init; } = [];
}

/// <summary>Events and active customers on one UTC day.</summary>
internal sealed record DailyActivity(string Date, long Events, long Customers);

/// <summary>A name and a count.</summary>
internal sealed record NamedCount(string Name, long Count);

/// <summary>Orders and revenue of one value of the first taxonomy level (a category, a department).</summary>
internal sealed record CategorySales(string Category, long Orders, double Revenue);

/// <summary>Use of one event type over 30 days: distinct customers and events.</summary>
internal sealed record FeatureUse(long Customers, long Events)
{
    /// <summary>The event type.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Name { get; init; }
}

/// <summary>Row count and freshness of one mapped table.</summary>
internal sealed record TableHealth(string Table, long Rows, DateTimeOffset? Latest, double? AgeHours, bool Future)
{
    /// <summary>The logical entity the table is mapped to (customers, orders, events, carts, campaign_sends, scores).</summary>
    public string Entity { get; init; } = "";
}
