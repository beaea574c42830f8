namespace AetherSegment.Synthetic.Generation;

/// <summary>How far a generation run is.</summary>
/// <param name="CustomersWritten">Customers written so far (with all their rows).</param>
/// <param name="CustomersTotal">Customers the run will write.</param>
/// <param name="RowsWritten">Rows written so far across all tables.</param>
public readonly record struct GenerationProgress(long CustomersWritten, long CustomersTotal, long RowsWritten)
{
    /// <summary>The fraction done, 0..1.</summary>
    public double Fraction => CustomersTotal == 0 ? 1.0 : (double)CustomersWritten / CustomersTotal;
}
