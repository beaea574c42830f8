using System.Text.Json.Nodes;
using AetherSegment.DataModel;

namespace AetherSegment.BigQuery.Loading;

/// <summary>
/// How AetherSegment lays its tables out in BigQuery for cost: the fact tables are partitioned by day on their time
/// column (transactions by transaction_date, behavioral_events by event_timestamp, abandoned_carts by abandoned_at,
/// campaign_history by sent_at) and every table with a customer_id is clustered by it (segment_members by segment_id,
/// then customer_id). A query filtering on the partition column reads only the days it names; a filter or join on the
/// cluster column reads only the blocks that hold those customers.
/// </summary>
internal static class BigQueryTableLayout
{
    private static readonly Dictionary<string, string> PartitionColumns = new(StringComparer.Ordinal)
    {
        [DataSchema.Transactions.Name] = "transaction_date",
        [DataSchema.BehavioralEvents.Name] = "event_timestamp",
        [DataSchema.AbandonedCarts.Name] = "abandoned_at",
        [DataSchema.CampaignHistory.Name] = "sent_at",
    };

    /// <summary>The column a table is partitioned on by day, or null.</summary>
    public static string? PartitionColumn(TableDefinition table) =>
        PartitionColumns.TryGetValue(table.Name, out string? column) && table.HasColumn(column) ? column : null;

    /// <summary>The columns a table is clustered by (at most four), possibly none.</summary>
    public static IReadOnlyList<string> ClusterColumns(TableDefinition table)
    {
        List<string> columns = [];
        if (table.HasColumn("segment_id"))
        {
            columns.Add("segment_id");
        }

        if (table.HasColumn("customer_id"))
        {
            columns.Add("customer_id");
        }

        return columns;
    }

    /// <summary>Adds <c>timePartitioning</c> and <c>clustering</c> to a tables.insert body.</summary>
    public static void Apply(TableDefinition table, JsonObject body)
    {
        if (PartitionColumn(table) is { } partition)
        {
            body["timePartitioning"] = new JsonObject { ["type"] = "DAY", ["field"] = partition };
        }

        IReadOnlyList<string> cluster = ClusterColumns(table);
        if (cluster.Count > 0)
        {
            body["clustering"] = new JsonObject { ["fields"] = new JsonArray([.. cluster.Select(c => (JsonNode)JsonValue.Create(c))]) };
        }
    }
}
