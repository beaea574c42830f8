namespace AetherSegment.Vocabulary;

/// <summary>Which generated forms of a canonical value a caller wants besides the value itself.</summary>
[Flags]
internal enum CatalogPhraseForms
{
    /// <summary>The value as written only.</summary>
    None = 0,

    /// <summary>The value with underscores as spaces ("paid_search" as "paid search"); replaces the value itself.</summary>
    UnderscoresAsSpaces = 1,

    /// <summary>Also the value with "&amp;" written "and" ("Kitchen &amp; Dining" as "Kitchen and Dining").</summary>
    AmpersandAsAnd = 2,

    /// <summary>Also the singular of a value written in the plural ("Bookshelves" as "Bookshelf").</summary>
    Singular = 4,

    /// <summary>Also the plural of a value written in the singular ("search" as "searches").</summary>
    Plural = 8,
}
