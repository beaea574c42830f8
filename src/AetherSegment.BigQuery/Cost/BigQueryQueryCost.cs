namespace AetherSegment.BigQuery;

/// <summary>
/// What a BigQuery dry run says a statement would cost under on-demand pricing: the bytes it would process, the bytes
/// it would be billed for and the tables it reads.
/// </summary>
/// <remarks>
/// BigQuery bills the bytes processed rounded up to the next MB (2^20 bytes), with a minimum of 10 MB per table the
/// statement references and 10 MB per statement (https://cloud.google.com/bigquery/pricing, on-demand compute pricing).
/// A dry run reports the total bytes, not each table's, so <see cref="BytesBilled"/> is the smallest bill consistent with
/// the dry run: <c>max(round_up_MB(processed), 10 MB x max(1, tables))</c>. It is exact when every table read contributes
/// at least 10 MB or all of them contribute nothing, and never more than BigQuery bills, so a guard on it never refuses a
/// query BigQuery would accept under the same <c>maximumBytesBilled</c>.
/// </remarks>
public sealed class BigQueryQueryCost
{
    /// <summary>Creates a cost.</summary>
    /// <param name="bytesProcessed">The dry run's <c>totalBytesProcessed</c>.</param>
    /// <param name="bytesBilled">The on-demand bytes billed (see remarks).</param>
    /// <param name="referencedTables">The tables the statement reads, as <c>dataset.table</c>.</param>
    /// <param name="columns">The result's column names (empty for DML).</param>
    public BigQueryQueryCost(long bytesProcessed, long bytesBilled, IReadOnlyList<string> referencedTables, IReadOnlyList<string> columns)
    {
        BytesProcessed = bytesProcessed;
        BytesBilled = bytesBilled;
        ReferencedTables = referencedTables;
        Columns = columns;
    }

    /// <summary>The dry run's <c>totalBytesProcessed</c>.</summary>
    public long BytesProcessed { get; }

    /// <summary>The on-demand bytes billed (see remarks).</summary>
    public long BytesBilled { get; }

    /// <summary>The tables the statement reads, as <c>dataset.table</c>.</summary>
    public IReadOnlyList<string> ReferencedTables { get; }

    /// <summary>The result's column names (empty for DML).</summary>
    public IReadOnlyList<string> Columns { get; }

    /// <summary>One MB as BigQuery bills it: 2^20 bytes.</summary>
    public const long Megabyte = 1L << 20;

    /// <summary>BigQuery's minimum bill per referenced table and per statement: 10 MB.</summary>
    public const long MinimumBytesBilledPerTable = 10 * Megabyte;

    /// <summary>One TiB (2^40 bytes), the unit of on-demand prices.</summary>
    public const long Tebibyte = 1L << 40;

    /// <summary>The on-demand bill for <paramref name="bytesProcessed"/> bytes read from <paramref name="tables"/> tables (see remarks).</summary>
    /// <param name="bytesProcessed">Bytes processed, as a dry run reports them.</param>
    /// <param name="tables">How many tables the statement references.</param>
    /// <returns>Bytes billed.</returns>
    public static long BilledBytes(long bytesProcessed, int tables)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(bytesProcessed);
        ArgumentOutOfRangeException.ThrowIfNegative(tables);
        long rounded = bytesProcessed > long.MaxValue - Megabyte ? bytesProcessed : (bytesProcessed + Megabyte - 1) / Megabyte * Megabyte;
        return Math.Max(rounded, MinimumBytesBilledPerTable * Math.Max(1, tables));
    }

    /// <summary>The on-demand cost of <see cref="BytesBilled"/> at <paramref name="dollarsPerTebibyte"/>.</summary>
    /// <param name="dollarsPerTebibyte">The price of one TiB (2^40 bytes) billed, in US dollars.</param>
    /// <returns>The cost in US dollars.</returns>
    public double Cost(double dollarsPerTebibyte) => (double)BytesBilled / Tebibyte * dollarsPerTebibyte;
}
