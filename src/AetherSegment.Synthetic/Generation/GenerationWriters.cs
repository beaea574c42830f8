using AetherSegment.Data;

namespace AetherSegment.Synthetic.Generation;

/// <summary>The open writers of one generation run, one per table.</summary>
internal sealed record GenerationWriters(
    ITableWriter Customers,
    ITableWriter Transactions,
    ITableWriter Events,
    ITableWriter Carts,
    ITableWriter Campaigns,
    ITableWriter Scores,
    ITableWriter? GroundTruth)
{
    public IEnumerable<ITableWriter> All =>
        GroundTruth is null
            ? [Customers, Transactions, Events, Carts, Campaigns, Scores]
            : [Customers, Transactions, Events, Carts, Campaigns, Scores, GroundTruth];
}
