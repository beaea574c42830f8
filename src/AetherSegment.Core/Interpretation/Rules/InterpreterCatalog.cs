using AetherSegment.Profiles;
using AetherSegment.Vocabulary;

namespace AetherSegment.Interpretation.Rules;

/// <summary>
/// What the rule-based interpreter knows of one <see cref="BusinessProfile"/>: the catalog words
/// (<see cref="ProfileCatalogTerms"/>), the place and taxonomy levels that have an objective field with their values
/// numbered across levels (a <see cref="Sense.Place"/> or <see cref="Sense.Taxon"/> meaning carries that number), the
/// acquisition sources, and the compiled <see cref="Lexicon"/>. Built once per profile; immutable and thread-safe.
/// </summary>
internal sealed class InterpreterCatalog
{
    /// <summary>Builds the catalog and its lexicon for a profile.</summary>
    public InterpreterCatalog(BusinessProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        Profile = profile;
        Words = ProfileCatalogTerms.Create(profile);
        (PlaceLevels, PlaceValues, PlaceLevelOf) = Levels(profile.Catalog.Places, ProfileCatalogTerms.PlaceFacet);
        (TaxonLevels, TaxonValues, TaxonLevelOf) = Levels(profile.Catalog.Taxonomy, ProfileCatalogTerms.TaxonomyFacet);
        Sources = [.. Words.Terms(CatalogFacets.AcquisitionSource).Select(t => t.Value)];
        HashSet<string> channels = new(profile.Catalog.Channels.Select(c => c.Name), StringComparer.OrdinalIgnoreCase) { "email" };
        SourceIsChannel = [.. Sources.Select(channels.Contains)];
        Lexicon = ProfileTriggerWords.Build(profile, LexiconEntries.All(this));
        string[] kinds = [.. profile.Catalog.Places.Levels.Select(l => l.Name.Replace('_', ' '))];
        PlaceKinds = kinds.Length == 0 ? "a place"
            : (kinds[0].Length > 0 && "aeiou".Contains(kinds[0][0], StringComparison.Ordinal) ? "an " : "a ")
              + (kinds.Length == 1 ? kinds[0] : string.Join(", ", kinds[..^1]) + " or " + kinds[^1]);
    }

    /// <summary>The place levels for messages: "a country or city", "a region or city".</summary>
    public string PlaceKinds { get; }

    /// <summary>The profile.</summary>
    public BusinessProfile Profile { get; }

    /// <summary>The catalog words of the profile.</summary>
    public CatalogVocabulary Words { get; }

    /// <summary>The lexicon: Core's marketing and language words plus the profile's catalog words.</summary>
    public Lexicon Lexicon { get; }

    /// <summary>The place levels with an objective field, outermost first.</summary>
    public IReadOnlyList<CatalogLevelSpan> PlaceLevels { get; }

    /// <summary>Every place value of <see cref="PlaceLevels"/>, level after level, in file order.</summary>
    public string[] PlaceValues { get; }

    /// <summary>The position in <see cref="PlaceLevels"/> of each place value.</summary>
    public int[] PlaceLevelOf { get; }

    /// <summary>The taxonomy levels with an objective field, outermost first.</summary>
    public IReadOnlyList<CatalogLevelSpan> TaxonLevels { get; }

    /// <summary>Every taxonomy value of <see cref="TaxonLevels"/>, level after level, in file order.</summary>
    public string[] TaxonValues { get; }

    /// <summary>The position in <see cref="TaxonLevels"/> of each taxonomy value.</summary>
    public int[] TaxonLevelOf { get; }

    /// <summary>The acquisition sources in file order.</summary>
    public string[] Sources { get; }

    /// <summary>Whether each source is also a channel ("email"): the word alone then names the channel, not the source.</summary>
    public bool[] SourceIsChannel { get; }

    /// <summary>Place words the profile writes in capitals ("US", "LA"): they match only an objective word in capitals, keyed in lower case.</summary>
    public Dictionary<string, LexMeaning[]> CapitalWords { get; } = new(StringComparer.Ordinal);

    /// <summary>Whether a profile word is written in capitals (two or three letters): "US" is a place, "us" a pronoun.</summary>
    public static bool IsCapitalWord(string word) => word.Length is 2 or 3 && word.All(char.IsAsciiLetterUpper);

    private (CatalogLevelSpan[] Levels, string[] Values, int[] LevelOf) Levels(CatalogHierarchy hierarchy, Func<HierarchyLevel, string> facet)
    {
        List<CatalogLevelSpan> levels = [];
        List<string> values = [];
        List<int> levelOf = [];
        foreach (HierarchyLevel level in hierarchy.Levels)
        {
            if (string.IsNullOrEmpty(level.ObjectiveField))
            {
                continue;
            }

            IReadOnlyList<CatalogTerm> terms = Words.Terms(facet(level));
            levels.Add(new CatalogLevelSpan(facet(level), level.ObjectiveField, values.Count, terms.Count));
            foreach (CatalogTerm term in terms)
            {
                values.Add(term.Value);
                levelOf.Add(levels.Count - 1);
            }
        }

        return ([.. levels], [.. values], [.. levelOf]);
    }
}

/// <summary>One catalog level the interpreter fills: its vocabulary facet, objective field and its values' numbers.</summary>
/// <param name="Facet">The level's facet in <see cref="InterpreterCatalog.Words"/>.</param>
/// <param name="ObjectiveField">The Campaign Objective audience field (<c>countries</c>, <c>regions</c>, <c>product_types</c>...).</param>
/// <param name="Offset">The number of the level's first value.</param>
/// <param name="Count">The number of values on the level.</param>
internal readonly record struct CatalogLevelSpan(string Facet, string ObjectiveField, int Offset, int Count);
