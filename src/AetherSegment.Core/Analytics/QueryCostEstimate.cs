namespace AetherSegment.Analytics;

/// <summary>What a dry run reports about a statement.</summary>
/// <param name="BytesProcessed">The bytes the statement would process.</param>
/// <param name="ReferencedTables">The tables it reads, each as the store names it (for BigQuery <c>project.dataset.table</c>).</param>
public sealed record QueryCostEstimate(long BytesProcessed, IReadOnlyList<string> ReferencedTables);
