using System.Text.Json.Serialization;

namespace AetherSegment.Interpretation;

/// <summary>The KPI metrics of the contract.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<KpiMetric>))]
public enum KpiMetric
{
    /// <summary>Conversion rate.</summary>
    [JsonStringEnumMemberName("conversion_rate")] ConversionRate,

    /// <summary>Revenue.</summary>
    [JsonStringEnumMemberName("revenue")] Revenue,

    /// <summary>Cross-sell revenue.</summary>
    [JsonStringEnumMemberName("cross_sell_revenue")] CrossSellRevenue,

    /// <summary>Reactivation rate.</summary>
    [JsonStringEnumMemberName("reactivation_rate")] ReactivationRate,

    /// <summary>Repeat purchase rate.</summary>
    [JsonStringEnumMemberName("repeat_purchase_rate")] RepeatPurchaseRate,

    /// <summary>Regional sales.</summary>
    [JsonStringEnumMemberName("regional_sales")] RegionalSales,

    /// <summary>Average order value.</summary>
    [JsonStringEnumMemberName("average_order_value")] AverageOrderValue,

    /// <summary>Engagement rate.</summary>
    [JsonStringEnumMemberName("engagement_rate")] EngagementRate,
}
