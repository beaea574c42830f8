namespace AetherSegment.Profiles;

/// <summary>
/// The profile's own words beyond those on each catalog value: extra synonyms keyed by canonical value, word groups
/// naming several values, and the words naming the business's goods in general. Language words (numbers, time spans,
/// negation, comparison) are Core's, not the profile's. Immutable and thread-safe.
/// </summary>
public sealed class ProfileVocabulary
{
    internal ProfileVocabulary()
    {
    }

    /// <summary>Extra synonyms: canonical catalog value (or trigger id) to its words.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Synonyms { get; internal init; } = new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>Words that name several values of one list.</summary>
    public IReadOnlyList<VocabularyGroup> Groups { get; internal init; } = [];

    /// <summary>Words that name the business's goods in general ("apparel", "gear"): they carry no filter.</summary>
    public IReadOnlyList<string> GoodsWords { get; internal init; } = [];
}
