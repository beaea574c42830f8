namespace AetherSegment.Analytics;

/// <summary>What a dry run reports about a statement.</summary>
/// <param name="BytesProcessed">The bytes the statement would process.</param>
/// <param name="ReferencedTables">
/// The tables it reads: a table of the store's own dataset by its bare name (<c>customers</c>), any other fully
/// qualified (<c>project.dataset.table</c>), so only the bare analytics table names pass the analytics guard.
/// </param>
public sealed record QueryCostEstimate(long BytesProcessed, IReadOnlyList<string> ReferencedTables);
