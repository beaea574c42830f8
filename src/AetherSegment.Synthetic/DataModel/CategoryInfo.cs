namespace AetherSegment.Synthetic.DataModel;

/// <summary>A product category of the data model.</summary>
public sealed record CategoryInfo
{
    /// <summary>Creates a category and binds its product types to it.</summary>
    /// <param name="name">The category name, as stored in <c>transactions.category</c>.</param>
    /// <param name="productTypes">Its product types (their <see cref="ProductTypeInfo.Category"/> is set here).</param>
    public CategoryInfo(string name, IReadOnlyList<ProductTypeInfo> productTypes)
    {
        Name = name;
        ProductTypes = [.. productTypes.Select(p => p with { Category = name })];
    }

    /// <summary>The category name, as stored in <c>transactions.category</c>.</summary>
    public string Name { get; }

    /// <summary>The category's product types.</summary>
    public IReadOnlyList<ProductTypeInfo> ProductTypes { get; }
}
