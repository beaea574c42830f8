using AetherSegment.Vocabulary;

namespace AetherSegment.Interpretation.Rules;

/// <summary>
/// The places the objective's audience lives in: countries and cities, in the order named. Input: the country and
/// city meanings the <see cref="MeaningPass"/> routes here; output: <see cref="Countries"/> and <see cref="Cities"/>.
/// One instance per analyzer; not thread-safe.
/// </summary>
internal sealed class PlacePass(AnalysisLog log, CatalogVocabulary catalog)
{
    /// <summary>The countries named, as positions among the catalog's countries.</summary>
    public OrderedSelection Countries { get; } = new(catalog.Terms(CatalogFacets.Country).Count);

    /// <summary>The cities named, as positions among the catalog's cities.</summary>
    public OrderedSelection Cities { get; } = new(catalog.Terms(CatalogFacets.City).Count);

    /// <summary>Whether any place was named.</summary>
    public bool Any => Countries.Count > 0 || Cities.Count > 0;

    /// <summary>Starts a new objective.</summary>
    public void Reset()
    {
        Countries.Clear();
        Cities.Clear();
    }

    /// <summary>Reads a country meaning.</summary>
    public void ReadCountry(int index)
    {
        log.Understand();
        Countries.Add(index);
    }

    /// <summary>Reads a city meaning.</summary>
    public void ReadCity(int index)
    {
        log.Understand();
        Cities.Add(index);
    }
}
