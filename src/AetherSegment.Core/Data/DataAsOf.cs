using AetherSegment.DataModel;

namespace AetherSegment.Data;

/// <summary>The data's as-of: the latest event, abandoned cart or purchase. Segments and trigger scoring anchor their windows and features at it, so both agree and two runs on the same data give the same answer.</summary>
internal static class DataAsOf
{
    /// <summary>One row, one TIMESTAMP column <c>as_of</c> (NULL on an empty store); the same text in both dialects.</summary>
    public static readonly SqlStatement Statement = new(
        "SELECT MAX(latest) AS as_of FROM (" +
        $"SELECT MAX(event_timestamp) AS latest FROM {DataSchema.BehavioralEvents.Name} " +
        $"UNION ALL SELECT MAX(abandoned_at) AS latest FROM {DataSchema.AbandonedCarts.Name} " +
        $"UNION ALL SELECT MAX(transaction_date) AS latest FROM {DataSchema.Transactions.Name}) AS m");
}
