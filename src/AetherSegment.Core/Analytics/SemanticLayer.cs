using AetherSegment.Data;
using AetherSegment.DataModel;

namespace AetherSegment.Analytics;

/// <summary>
/// The semantic layer over the data model: the facts, the named measures with their aggregate SQL and the named
/// dimensions with the column or expression that defines them. Every identifier comes from <see cref="DataSchema"/>;
/// every value a question supplies becomes a parameter. Personal data columns (first_name, last_name, email) and the
/// evaluation-only ground_truth_uplift table are not part of it.
/// </summary>
internal static class SemanticLayer
{
    internal const string HighValueThreshold = "high_value_threshold";
    internal const string LowValueThreshold = "low_value_threshold";
    internal const string ChurnThreshold = "churn_threshold";
    internal const string TreatmentGroup = "treatment_group";
    internal const string ControlGroup = "control_group";

    public static IReadOnlyList<FactInfo> Facts { get; } =
    [
        new(FactKind.Customers, DataSchema.Customers.Name, "c", "created_at", "customers"),
        new(FactKind.Transactions, DataSchema.Transactions.Name, "t", "transaction_date", "purchases"),
        new(FactKind.Events, DataSchema.BehavioralEvents.Name, "e", "event_timestamp", "behavioral events"),
        new(FactKind.Carts, DataSchema.AbandonedCarts.Name, "a", "abandoned_at", "abandoned carts"),
        new(FactKind.Campaigns, DataSchema.CampaignHistory.Name, "h", "sent_at", "campaign sends"),
        new(FactKind.Scores, DataSchema.CustomerScores.Name, "s", null, "customer scores"),
    ];

    public static FactInfo Fact(FactKind kind) => Facts[(int)kind];

    public static IReadOnlyList<MeasureDefinition> Measures { get; } =
    [
        new("customers", "customers", FactKind.Customers, MeasureFormat.Count, _ => "COUNT(DISTINCT c.customer_id)",
            ["customers", "customer", "shoppers", "shopper", "clients", "people", "users", "customer count", "customer base", "new customers", "signups", "sign ups"], true),
        new("buyers", "buyers", FactKind.Transactions, MeasureFormat.Count, _ => "COUNT(DISTINCT t.customer_id)",
            ["buyers", "purchasers", "customers who bought", "customers who purchased", "customers who ordered", "customers that bought", "shoppers who bought", "paying customers", "people who bought", "customers bought", "customers purchased", "customers ordered", "shoppers bought", "people bought"], true),
        new("revenue", "revenue", FactKind.Transactions, MeasureFormat.Money, _ => "SUM(t.order_value)",
            ["revenue", "sales", "sales revenue", "turnover", "gmv", "income", "money", "total sales", "total revenue", "spend", "spent", "earned", "how much did we make", "how much did we sell"], true),
        new("orders", "orders", FactKind.Transactions, MeasureFormat.Count, _ => "COUNT(*)",
            ["orders", "order", "transactions", "transaction", "purchases", "order count"], true),
        new("average_order_value", "average order value", FactKind.Transactions, MeasureFormat.Money, _ => "AVG(t.order_value)",
            ["average order value", "avg order value", "mean order value", "aov", "basket value", "average basket value", "average basket", "average transaction value", "average spend", "average sale", "order value"], false),
        new("units", "units sold", FactKind.Transactions, MeasureFormat.Count, _ => "SUM(t.quantity)",
            ["units", "units sold", "items sold", "quantity", "quantity sold", "products sold"], true),
        new("abandoned_carts", "abandoned carts", FactKind.Carts, MeasureFormat.Count, _ => "COUNT(*)",
            ["abandoned carts", "abandoned cart", "abandoned baskets", "cart abandonments", "abandonments", "carts", "cart abandonment"], true),
        new("abandoned_cart_value", "abandoned cart value", FactKind.Carts, MeasureFormat.Money, _ => "SUM(a.cart_value)",
            ["cart value", "abandoned cart value", "total cart value", "value of abandoned carts", "value in abandoned carts", "abandoned revenue"], true),
        new("average_cart_value", "average cart value", FactKind.Carts, MeasureFormat.Money, _ => "AVG(a.cart_value)",
            ["average cart value", "avg cart value", "mean cart value", "average abandoned cart value", "average value of abandoned carts"], false),
        new("events", "events", FactKind.Events, MeasureFormat.Count, _ => "COUNT(*)",
            ["events", "event", "behavioral events", "behavioural events", "interactions", "activity", "event count"], true),
        new("sessions", "sessions", FactKind.Events, MeasureFormat.Count, _ => "COUNT(DISTINCT e.session_id)",
            ["sessions", "session", "visits", "visit"], true),
        new("average_session_duration_seconds", "average session duration", FactKind.Events, MeasureFormat.Seconds, _ => "AVG(e.session_duration_seconds)",
            ["session duration", "average session duration", "session length", "time on site", "average session length"], false),
        new("average_clv", "average CLV score", FactKind.Customers, MeasureFormat.Decimal, _ => "AVG(c.clv_score)",
            ["clv", "average clv", "clv score", "average clv score", "customer lifetime value", "average customer lifetime value", "lifetime value", "customer value", "avg clv", "mean clv"], false),
        new("average_churn_probability", "average churn probability", FactKind.Scores, MeasureFormat.Percent, _ => "AVG(s.churn_probability)",
            ["churn probability", "average churn probability", "churn", "churn risk", "churn score", "average churn", "likelihood to churn", "churn rate"], false),
        new("at_risk_customers", "at-risk customers", FactKind.Scores, MeasureFormat.Count, d => $"SUM(CASE WHEN s.churn_probability >= {d.Parameter(ChurnThreshold)} THEN 1 ELSE 0 END)",
            ["at risk customers", "customers at risk", "at risk", "churning customers", "customers likely to churn", "customers at risk of churn", "customers at risk of churning", "high churn risk customers"], true),
        new("average_discount_sensitivity", "average discount sensitivity", FactKind.Scores, MeasureFormat.Decimal, _ => "AVG(s.discount_sensitivity)",
            ["discount sensitivity", "average discount sensitivity", "sensitivity to discounts", "price sensitivity"], false),
        new("average_free_shipping_sensitivity", "average free-shipping sensitivity", FactKind.Scores, MeasureFormat.Decimal, _ => "AVG(s.free_shipping_sensitivity)",
            ["free shipping sensitivity", "average free shipping sensitivity", "sensitivity to free shipping"], false),
        new("average_content_engagement", "average content engagement", FactKind.Scores, MeasureFormat.Decimal, _ => "AVG(s.content_engagement)",
            ["content engagement", "average content engagement", "engagement"], false),
        new("campaign_sends", "campaign sends", FactKind.Campaigns, MeasureFormat.Count, _ => "COUNT(*)",
            ["campaign sends", "sends", "messages sent", "customers contacted", "campaign exposures", "campaign audience"], true),
        new("conversions", "conversions", FactKind.Campaigns, MeasureFormat.Count, _ => "SUM(CASE WHEN h.converted THEN 1 ELSE 0 END)",
            ["conversions", "converted customers", "campaign conversions"], true),
        new("conversion_rate", "conversion rate", FactKind.Campaigns, MeasureFormat.Percent, _ => "AVG(CASE WHEN h.converted THEN 1.0 ELSE 0.0 END)",
            ["conversion rate", "conversion rates", "campaign conversion rate", "converted share", "conversion", "share converted"], false),
        new("campaign_uplift", "campaign uplift", FactKind.Campaigns, MeasureFormat.PercentagePoints,
            d => $"(AVG(CASE WHEN h.{d.Quote("group")} = {d.Parameter(TreatmentGroup)} THEN (CASE WHEN h.converted THEN 1.0 ELSE 0.0 END) END) - AVG(CASE WHEN h.{d.Quote("group")} = {d.Parameter(ControlGroup)} THEN (CASE WHEN h.converted THEN 1.0 ELSE 0.0 END) END))",
            ["uplift", "campaign uplift", "lift", "incremental conversion", "incremental conversion rate", "treatment minus control", "conversion uplift"], false),
        new("attributed_revenue", "attributed campaign revenue", FactKind.Campaigns, MeasureFormat.Money, _ => "SUM(h.revenue)",
            ["attributed revenue", "campaign revenue", "revenue from campaigns", "campaign attributed revenue"], true),
    ];

    public static IReadOnlyList<DimensionDefinition> Dimensions { get; } =
    [
        new(DimensionKind.Country, "country", "country", "countries", true, [], "country", ["country", "countries", "market", "markets", "region", "regions"]),
        new(DimensionKind.City, "city", "city", "cities", true, [], "city", ["city", "cities", "location", "locations"]),
        new(DimensionKind.AcquisitionSource, "acquisition_source", "acquisition source", "acquisition sources", true, [], "acquisition_source",
            ["acquisition source", "acquisition sources", "acquisition channel", "acquisition channels", "source", "sources", "channel", "channels"]),
        new(DimensionKind.ValueTier, "value_tier", "value tier", "value tiers", true, [], null,
            ["value tier", "value tiers", "tier", "tiers", "value segment", "value segments", "clv tier", "clv tiers"]),
        new(DimensionKind.Category, "category", "category", "categories", false, [FactKind.Transactions, FactKind.Events], "category",
            ["category", "categories", "product category", "product categories", "department", "departments"]),
        new(DimensionKind.ProductType, "product_type", "product type", "product types", false, [FactKind.Transactions, FactKind.Events], "product_type",
            ["product type", "product types", "product", "products", "item type", "item types"]),
        new(DimensionKind.EventType, "event_type", "event type", "event types", false, [FactKind.Events], "event_type",
            ["event type", "event types", "type of event", "types of event", "kind of event"]),
        new(DimensionKind.Device, "device", "device", "devices", false, [FactKind.Events], "device", ["device", "devices", "platform", "platforms"]),
        new(DimensionKind.Campaign, "campaign_name", "campaign", "campaigns", false, [FactKind.Campaigns], "campaign_name", ["campaign", "campaigns", "campaign name"]),
        new(DimensionKind.CampaignType, "campaign_type", "campaign type", "campaign types", false, [FactKind.Campaigns], "campaign_type", ["campaign type", "campaign types"]),
        new(DimensionKind.Trigger, "trigger_type", "trigger", "triggers", false, [FactKind.Campaigns], "trigger_type", ["trigger", "triggers", "trigger type", "trigger types", "incentive", "incentives"]),
        new(DimensionKind.Day, "day", "day", "days", false, [], null, ["day", "days", "daily", "date", "dates", "day by day"]),
        new(DimensionKind.Week, "week", "week", "weeks", false, [], null, ["week", "weeks", "weekly", "week by week"]),
        new(DimensionKind.Month, "month", "month", "months", false, [], null, ["month", "months", "monthly", "month by month", "over time", "trend", "trends"]),
    ];

    public static DimensionDefinition Dimension(DimensionKind kind) => Dimensions[(int)kind];

    /// <summary>The SQL of a dimension over a fact, or null (with a reason) when the fact does not carry it.</summary>
    public static string? DimensionExpression(DimensionDefinition dimension, FactInfo fact, SqlDialect dialect, out string? reason)
    {
        reason = null;
        if (dimension.IsTime)
        {
            if (fact.TimeColumn is null)
            {
                reason = $"{fact.Description} are the latest snapshot and have no time to split by {dimension.Label}";
                return null;
            }

            return dialect.TruncateTimestamp($"{fact.Alias}.{fact.TimeColumn}", dimension.Grain);
        }

        if (dimension.Kind == DimensionKind.ValueTier)
        {
            return $"CASE WHEN c.clv_score >= {dialect.Parameter(HighValueThreshold)} THEN 'high' WHEN c.clv_score >= {dialect.Parameter(LowValueThreshold)} THEN 'medium' ELSE 'low' END";
        }

        if (dimension.OnCustomers)
        {
            return $"c.{dimension.Column}";
        }

        foreach (FactKind kind in dimension.Facts)
        {
            if (kind == fact.Kind)
            {
                return $"{fact.Alias}.{dimension.Column}";
            }
        }

        reason = $"{dimension.Label} is recorded on {Describe(dimension.Facts)}, not on {fact.Description}";
        return null;
    }

    private static string Describe(IReadOnlyList<FactKind> facts)
    {
        List<string> names = [];
        foreach (FactKind kind in facts)
        {
            names.Add(Fact(kind).Description);
        }

        return string.Join(" and ", names);
    }
}
