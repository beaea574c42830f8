namespace AetherSegment.Analytics;

/// <summary>What a dry run reports about a statement.</summary>
/// <param name="BytesProcessed">The bytes the statement would process.</param>
/// <param name="ReferencedTables">
/// The tables it reads: a table of the store's own dataset by its bare name (<c>customers</c>), any other fully
/// qualified (<c>project.dataset.table</c>), so only the bare analytics table names pass the analytics guard.
/// </param>
public sealed record QueryCostEstimate(long BytesProcessed, IReadOnlyList<string> ReferencedTables)
{
    /// <summary>
    /// The bytes the store would bill, where it bills differently from what it processes (BigQuery bills at least
    /// 10 MB per referenced table); <see langword="null"/> when billing equals <see cref="BytesProcessed"/>.
    /// </summary>
    public long? BytesBilled { get; init; }
}
