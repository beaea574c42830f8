namespace AetherSegment.Vocabulary;

/// <summary>Which generated forms of a canonical value a caller wants besides the value itself.</summary>
[Flags]
internal enum CatalogPhraseForms
{
    /// <summary>The value as written only.</summary>
    None = 0,

    /// <summary>The value with underscores as spaces ("search_ad" as "search ad"); replaces the value itself.</summary>
    UnderscoresAsSpaces = 1,

    /// <summary>Also the value with "&amp;" written "and" ("Camping &amp; Hiking" as "Camping and Hiking").</summary>
    AmpersandAsAnd = 2,

    /// <summary>Also the singular of a value written in the plural ("Sleeping Bags" as "Sleeping Bag").</summary>
    Singular = 4,

    /// <summary>Also the plural of a value written in the singular ("tent" as "tents").</summary>
    Plural = 8,
}
