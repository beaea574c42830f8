namespace AetherSegment.Interpretation.Rules;

/// <summary>
/// The places the objective's audience lives in, on every place level of the profile (countries, regions, cities...),
/// in the order named. Input: the place meanings the <see cref="MeaningPass"/> routes here; output:
/// <see cref="Places"/> (numbers in <see cref="InterpreterCatalog.PlaceValues"/>). One instance per analyzer; not thread-safe.
/// </summary>
internal sealed class PlacePass(AnalysisLog log, InterpreterCatalog catalog)
{
    /// <summary>The places named, as numbers in the catalog's place values.</summary>
    public OrderedSelection Places { get; } = new(catalog.PlaceValues.Length);

    /// <summary>Whether any place was named.</summary>
    public bool Any => Places.Count > 0;

    /// <summary>Starts a new objective.</summary>
    public void Reset() => Places.Clear();

    /// <summary>Reads a place meaning.</summary>
    public void Read(int index)
    {
        log.Understand();
        Places.Add(index);
    }
}
