namespace AetherSegment.Data;

/// <summary>The buffering agreement between writers of rows and <see cref="ITableWriter"/> implementations.</summary>
public static class DataSinkLimits
{
    /// <summary>
    /// Callers of <see cref="ITableWriter"/> call <see cref="ITableWriter.FlushAsync"/> at least every this many rows
    /// per writer, so buffering writers (BigQuery, CSV) keep memory bounded: 65,536.
    /// </summary>
    public const int MaxBufferedRows = 65_536;
}
