using AetherSegment.Profiles;

namespace AetherSegment.Analytics;

// "Products" as a breakdown: "top 5 products by revenue", "the 3 best-selling products", "top 5 (category value) products",
// "top 3 products by units sold (product names)". With product names mapped, the generic goods word as a breakdown names
// the products by name (product types are asked as "product types"); the restatement says "product name".
internal static partial class QuestionParser
{
    /// <summary>
    /// Whether "products" said right after a catalog value stays a breakdown: a top N or a superlative with no other
    /// breakdown ranks the products ("top 5 (category value) products by revenue"), where otherwise it names the value's goods.
    /// </summary>
    private static bool ProductsRanked(SemanticLayer layer, string phrase, bool ranked, List<(DimensionDefinition Dimension, bool Plural)> dimensions) =>
        ranked && phrase is "products" or "product" && layer.Dimension("product_name") is { Missing: null }
        && dimensions.TrueForAll(d => d.Dimension.Role == DimensionRole.Taxonomy && d.Dimension.Columns.Any(c => c.Fact == EntityKind.Orders));

    /// <summary>
    /// Reads a generic "products" breakdown as the product names: replaces it by the product name dimension, or drops it
    /// when product names are also said ("by product name", "(product names)"). False when nothing is to replace.
    /// </summary>
    private static bool ProductsAsNames(SemanticLayer layer, List<(DimensionDefinition Dimension, bool Plural)> dimensions, List<(DimensionDefinition Dimension, string Phrase, int Start)> dimensionAt)
    {
        if (layer.Dimension("product_name") is not { Missing: null } names)
        {
            return false;
        }

        int at = dimensionAt.FindIndex(d => d.Dimension.Role == DimensionRole.Taxonomy && d.Phrase is "product" or "products" && dimensions.Exists(x => x.Dimension == d.Dimension));
        if (at < 0)
        {
            return false;
        }

        DimensionDefinition generic = dimensionAt[at].Dimension;
        // Only the goods word said as the level: "product types" said as well stays a second breakdown.
        if (dimensionAt.Exists(d => d.Dimension == generic && d.Phrase is not ("product" or "products")))
        {
            return false;
        }

        bool namesSaid = dimensions.Exists(d => d.Dimension == names);
        for (int i = dimensions.Count - 1; i >= 0; i--)
        {
            if (dimensions[i].Dimension == generic)
            {
                if (namesSaid)
                {
                    dimensions.RemoveAt(i);
                }
                else
                {
                    dimensions[i] = (names, dimensions[i].Plural);
                    namesSaid = true;
                }
            }
        }

        dimensionAt[at] = (names, dimensionAt[at].Phrase, dimensionAt[at].Start);
        return true;
    }
}
