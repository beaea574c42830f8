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

/// <summary>The four key metrics.</summary>
internal sealed record KeyMetrics(
    long TotalCustomers,
    [property: JsonPropertyName("abandoned_carts_7d")] long AbandonedCarts7d,
    double AvgClvScore,
    long AtRiskCustomers);

/// <summary>Customers of one country, with its cities.</summary>
internal sealed record CountryDistribution(string Country, long Customers, double Share, double AvgClv, IReadOnlyList<CityCount> Cities);

/// <summary>Customers of one city.</summary>
internal sealed record CityCount(string City, long Customers, double AvgClv);

/// <summary>Customers of one value tier (over clv_score, with the configured thresholds).</summary>
internal sealed record ValueSegment(string Tier, long Customers, double Share, double AvgClv, double MinClv, double MaxClv);

/// <summary>A segment worth targeting now, with an objective that opens the workflow on it.</summary>
internal sealed record Opportunity(string Id, string Title, string Description, long Size, string CampaignType, string Objective);

/// <summary>What customers did recently.</summary>
internal sealed record BehavioralInsights(
    IReadOnlyList<DailyActivity> RecentActivity,
    [property: JsonPropertyName("event_types_7d")] IReadOnlyList<NamedCount> EventTypes7d,
    [property: JsonPropertyName("top_categories_30d")] IReadOnlyList<CategorySales> TopCategories30d,
    [property: JsonPropertyName("room_planner_30d")] FeatureUse RoomPlanner30d,
    [property: JsonPropertyName("ar_view_30d")] FeatureUse ArView30d,
    [property: JsonPropertyName("devices_30d")] IReadOnlyList<NamedCount> Devices30d);

/// <summary>Events and active customers on one UTC day.</summary>
internal sealed record DailyActivity(string Date, long Events, long Customers);

/// <summary>A name and a count.</summary>
internal sealed record NamedCount(string Name, long Count);

/// <summary>Orders and revenue of one category.</summary>
internal sealed record CategorySales(string Category, long Orders, double Revenue);

/// <summary>Use of a digital feature (room planner, AR view).</summary>
internal sealed record FeatureUse(long Customers, long Events);

/// <summary>Row count and freshness of one table.</summary>
internal sealed record TableHealth(string Table, long Rows, DateTimeOffset? Latest, double? AgeHours, bool Future);
