using AetherSegment.Vocabulary;

namespace AetherSegment.Interpretation.Rules;

/// <summary>
/// The product taxonomy: a category or product type the audience bought, viewed or carted filters the audience;
/// one the campaign promotes ("recommend dining chairs") only marks a promoted item, which makes a cross-sell.
/// Input: category and product-type meanings; output: <see cref="Categories"/>, <see cref="ProductTypes"/> and
/// <see cref="PromotedItem"/>. One instance per analyzer; not thread-safe.
/// </summary>
internal sealed class TaxonomyPass(RuleItems items, AnalysisLog log, CatalogVocabulary catalog)
{
    /// <summary>The audience's categories, as positions among the catalog's categories.</summary>
    public OrderedSelection Categories { get; } = new(catalog.Terms(CatalogFacets.Category).Count);

    /// <summary>The audience's product types, as positions among the catalog's product types.</summary>
    public OrderedSelection ProductTypes { get; } = new(catalog.Terms(CatalogFacets.ProductType).Count);

    /// <summary>Whether the objective promotes a category or product type.</summary>
    public bool PromotedItem { get; private set; }

    /// <summary>Starts a new objective.</summary>
    public void Reset()
    {
        Categories.Clear();
        ProductTypes.Clear();
        PromotedItem = false;
    }

    /// <summary>Reads a category (or, with <paramref name="productType"/>, a product type) meaning of item <paramref name="i"/>.</summary>
    public void Read(int i, int index, bool productType)
    {
        log.Understand();
        if (items.IsAudienceItem(i))
        {
            (productType ? ProductTypes : Categories).Add(index);
        }
        else
        {
            PromotedItem = true;
        }
    }
}
