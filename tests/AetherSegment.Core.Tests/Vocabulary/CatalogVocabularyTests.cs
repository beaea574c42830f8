using AetherSegment.Vocabulary;

namespace AetherSegment.Core.Tests.Vocabulary;

public sealed class CatalogVocabularyTests
{
    private static readonly CatalogVocabulary Outdoor = new(
    [
        new CatalogTerm(CatalogFacets.ProductType, "Rain Jackets", ["shells", "waterproofs"]),
        new CatalogTerm(CatalogFacets.ProductType, "Accessories", []),
        new CatalogTerm(CatalogFacets.Category, "Camping & Hiking", ["camping"]),
        new CatalogTerm(CatalogFacets.AcquisitionSource, "trail_magazine", []),
    ]);

    [Fact]
    public void Phrases_ValuesWithTheirFormsThenSynonyms_InTermOrder()
    {
        CatalogPhrase[] phrases = [.. Outdoor.Phrases(CatalogFacets.ProductType, CatalogPhraseForms.Singular)];

        Assert.Equal(
            [("Rain Jackets", 0), ("Rain Jacket", 0), ("Accessories", 1), ("Accessory", 1), ("shells", 0), ("waterproofs", 0)],
            phrases.Select(p => (p.Phrase, p.Index)));
        Assert.All(phrases.Where(p => p.Index == 1), p => Assert.Equal("Accessories", p.Value));
    }

    [Fact]
    public void Phrases_AmpersandAndUnderscoreForms()
    {
        Assert.Equal(
            ["Camping & Hiking", "Camping and Hiking", "camping"],
            Outdoor.Phrases(CatalogFacets.Category, CatalogPhraseForms.AmpersandAsAnd).Select(p => p.Phrase));
        Assert.Equal(
            ["trail magazine"],
            Outdoor.Phrases(CatalogFacets.AcquisitionSource, CatalogPhraseForms.UnderscoresAsSpaces).Select(p => p.Phrase));
        Assert.Empty(Outdoor.Phrases(CatalogFacets.City, CatalogPhraseForms.None));
    }

    [Fact]
    public void Constructor_SameValueTwiceInAFacet_SaysWhich()
    {
        ArgumentException error = Assert.Throws<ArgumentException>(() => new CatalogVocabulary(
            [new CatalogTerm(CatalogFacets.City, "Leeds", []), new CatalogTerm(CatalogFacets.City, "Leeds", ["leeds city"])]));

        Assert.Contains("'city'", error.Message, StringComparison.Ordinal);
        Assert.Contains("'Leeds'", error.Message, StringComparison.Ordinal);
    }
}
