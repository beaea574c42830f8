using static AetherSegment.DataModel.ColumnType;

namespace AetherSegment.DataModel;

/// <summary>
/// The seven tables of the data model contract (six customer tables plus <c>ground_truth_uplift</c>) with their
/// columns. Store providers create their schema from here; SQL builders take identifiers only from here.
/// </summary>
public static class DataSchema
{
    /// <summary>customers: one row per customer.</summary>
    public static TableDefinition Customers { get; } = new("customers",
    [
        new("customer_id", ColumnType.String), new("first_name", ColumnType.String), new("last_name", ColumnType.String), new("email", ColumnType.String),
        new("city", ColumnType.String), new("country", ColumnType.String), new("clv_score", Float64), new("acquisition_source", ColumnType.String),
        new("created_at", Timestamp),
    ]);

    /// <summary>transactions: about five purchases per customer.</summary>
    public static TableDefinition Transactions { get; } = new("transactions",
    [
        new("transaction_id", ColumnType.String), new("customer_id", ColumnType.String), new("transaction_date", Timestamp),
        new("category", ColumnType.String), new("product_type", ColumnType.String), new("product_name", ColumnType.String),
        new("quantity", ColumnType.Int64), new("order_value", Float64),
    ]);

    /// <summary>behavioral_events: about ten events per customer; <c>session_start</c> is true on the first event of each session.</summary>
    public static TableDefinition BehavioralEvents { get; } = new("behavioral_events",
    [
        new("event_id", ColumnType.String), new("customer_id", ColumnType.String), new("event_type", ColumnType.String), new("event_timestamp", Timestamp),
        new("category", ColumnType.String, Nullable: true), new("product_type", ColumnType.String, Nullable: true), new("session_id", ColumnType.String),
        new("session_duration_seconds", ColumnType.Int64), new("device", ColumnType.String), new("session_start", Bool),
    ]);

    /// <summary>abandoned_carts: about 0.2 per customer.</summary>
    public static TableDefinition AbandonedCarts { get; } = new("abandoned_carts",
    [
        new("cart_id", ColumnType.String), new("customer_id", ColumnType.String), new("abandoned_at", Timestamp), new("cart_value", Float64),
        new("item_count", ColumnType.Int64), new("items", Json),
    ]);

    /// <summary>campaign_history: one row per customer exposed to or held out of a past campaign.</summary>
    public static TableDefinition CampaignHistory { get; } = new("campaign_history",
    [
        new("campaign_id", ColumnType.String), new("campaign_name", ColumnType.String), new("campaign_type", ColumnType.String), new("trigger_type", ColumnType.String),
        new("customer_id", ColumnType.String), new("group", ColumnType.String), new("sent_at", Timestamp), new("converted", Bool),
        new("revenue", Float64),
    ]);

    /// <summary>customer_scores: one row per customer of modelled propensities.</summary>
    public static TableDefinition CustomerScores { get; } = new("customer_scores",
    [
        new("customer_id", ColumnType.String), new("discount_sensitivity", Float64), new("free_shipping_sensitivity", Float64),
        new("churn_probability", Float64), new("content_engagement", Float64), new("exclusivity_seeker", Bool),
        new("scored_at", Timestamp),
    ]);

    /// <summary>ground_truth_uplift: the generator's true uplift per customer and trigger; for evaluation only.</summary>
    public static TableDefinition GroundTruthUplift { get; } = new("ground_truth_uplift",
    [
        new("customer_id", ColumnType.String), new("trigger_type", ColumnType.String), new("true_uplift", Float64),
    ]);

    /// <summary>The six customer tables of the contract, in load order.</summary>
    public static IReadOnlyList<TableDefinition> CustomerTables { get; } =
        [Customers, Transactions, BehavioralEvents, AbandonedCarts, CampaignHistory, CustomerScores];

    /// <summary>All seven tables, in load order.</summary>
    public static IReadOnlyList<TableDefinition> AllTables { get; } = [.. CustomerTables, GroundTruthUplift];

    /// <summary>Finds a table by name (ordinal).</summary>
    /// <returns>The table, or <see langword="null"/> when the data model has no such table.</returns>
    public static TableDefinition? Find(string name) => AllTables.FirstOrDefault(t => t.Name == name);
}
