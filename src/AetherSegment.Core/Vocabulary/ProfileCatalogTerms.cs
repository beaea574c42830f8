using AetherSegment.Profiles;

namespace AetherSegment.Vocabulary;

/// <summary>
/// The catalog terms of a <see cref="BusinessProfile"/> for a <see cref="CatalogVocabulary"/>: one facet per place
/// level (<c>places.{level}</c>) and per taxonomy level (<c>taxonomy.{level}</c>), plus the flat lists
/// (<see cref="CatalogFacets.AcquisitionSource"/>, <see cref="CatalogFacets.EventType"/>, <see cref="CatalogFacets.Device"/>).
/// A term's synonyms are the value's words, its singular or label, and the profile vocabulary's synonyms for it.
/// Shared by the objective interpreter and (after the analytics migration) the question parser. Thread-safe.
/// </summary>
internal static class ProfileCatalogTerms
{
    /// <summary>The facet of a place level.</summary>
    public static string PlaceFacet(HierarchyLevel level) => "places." + level.Name;

    /// <summary>The facet of a taxonomy level.</summary>
    public static string TaxonomyFacet(HierarchyLevel level) => "taxonomy." + level.Name;

    /// <summary>The vocabulary of every catalog list of <paramref name="profile"/>; within a facet, terms keep file order.</summary>
    public static CatalogVocabulary Create(BusinessProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        List<CatalogTerm> terms = [];
        AddLevels(terms, profile, profile.Catalog.Places, PlaceFacet);
        AddLevels(terms, profile, profile.Catalog.Taxonomy, TaxonomyFacet);
        AddEntries(terms, profile, CatalogFacets.AcquisitionSource, profile.Catalog.AcquisitionSources);
        AddEntries(terms, profile, CatalogFacets.Device, profile.Catalog.Devices);
        foreach (EventTypeEntry entry in profile.Catalog.EventTypes)
        {
            terms.Add(new CatalogTerm(CatalogFacets.EventType, entry.Name, Synonyms(profile, entry.Name, entry.Label, entry.Words)));
        }

        return new CatalogVocabulary(terms);
    }

    private static void AddLevels(List<CatalogTerm> terms, BusinessProfile profile, CatalogHierarchy hierarchy, Func<HierarchyLevel, string> facet)
    {
        foreach (HierarchyLevel level in hierarchy.Levels)
        {
            HashSet<string> seen = new(StringComparer.Ordinal);
            foreach (CatalogNode node in hierarchy.ValuesAt(level))
            {
                if (seen.Add(node.Name))
                {
                    terms.Add(new CatalogTerm(facet(level), node.Name, Synonyms(profile, node.Name, node.Singular, node.Words)));
                }
            }
        }
    }

    private static void AddEntries(List<CatalogTerm> terms, BusinessProfile profile, string facet, IReadOnlyList<CatalogEntry> entries)
    {
        foreach (CatalogEntry entry in entries)
        {
            terms.Add(new CatalogTerm(facet, entry.Name, Synonyms(profile, entry.Name, entry.Label, entry.Words)));
        }
    }

    private static string[] Synonyms(BusinessProfile profile, string name, string? other, IReadOnlyList<string> words)
    {
        List<string> synonyms = [.. words];
        if (!string.IsNullOrWhiteSpace(other) && !string.Equals(other, name, StringComparison.Ordinal)
            && !string.Equals(other, name.Replace('_', ' '), StringComparison.Ordinal))
        {
            synonyms.Add(other);
        }

        if (profile.Vocabulary.Synonyms.TryGetValue(name, out IReadOnlyList<string>? extra))
        {
            synonyms.AddRange(extra);
        }

        return [.. synonyms];
    }
}
