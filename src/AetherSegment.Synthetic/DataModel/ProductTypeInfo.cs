namespace AetherSegment.Synthetic.DataModel;

/// <summary>A product type of the data model with its realistic price range.</summary>
/// <param name="Name">The plural name, as stored in <c>transactions.product_type</c> (e.g. "Sofas").</param>
/// <param name="MinPrice">The lowest unit price in USD.</param>
/// <param name="MaxPrice">The highest unit price in USD.</param>
public sealed record ProductTypeInfo(string Name, double MinPrice, double MaxPrice)
{
    /// <summary>The category this product type belongs to.</summary>
    public string Category { get; init; } = "";
}
