using AetherSegment.DataModel;

namespace AetherSegment.Interpretation.Rules;

/// <summary>
/// The places the objective's audience lives in: countries and cities, in the order named. Input: the country and
/// city meanings the <see cref="MeaningPass"/> routes here; output: <see cref="Countries"/> and <see cref="Cities"/>.
/// One instance per analyzer; not thread-safe.
/// </summary>
internal sealed class PlacePass(AnalysisLog log)
{
    /// <summary>The countries named, as indexes of <see cref="RetailCatalog.Countries"/>.</summary>
    public OrderedSelection Countries { get; } = new(RetailCatalog.Countries.Count);

    /// <summary>The cities named, as indexes of <see cref="RetailCatalog.Cities"/>.</summary>
    public OrderedSelection Cities { get; } = new(RetailCatalog.Cities.Count);

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
