namespace AetherSegment.Interpretation.Rules;

/// <summary>
/// The product taxonomy, on every level of the profile: a value the audience bought, viewed or carted filters the
/// audience; one the campaign promotes ("recommend matching items") only marks a promoted item, which makes a cross-sell.
/// Input: taxonomy meanings; output: <see cref="Values"/> (numbers in <see cref="InterpreterCatalog.TaxonValues"/>) and
/// <see cref="PromotedItem"/>. One instance per analyzer; not thread-safe.
/// </summary>
internal sealed class TaxonomyPass(RuleItems items, AnalysisLog log, InterpreterCatalog catalog)
{
    /// <summary>The audience's taxonomy values, as numbers in the catalog's taxonomy values.</summary>
    public OrderedSelection Values { get; } = new(catalog.TaxonValues.Length);

    /// <summary>Whether the objective promotes a taxonomy value.</summary>
    public bool PromotedItem { get; private set; }

    /// <summary>Starts a new objective.</summary>
    public void Reset()
    {
        Values.Clear();
        PromotedItem = false;
    }

    /// <summary>Reads a taxonomy meaning of item <paramref name="i"/>.</summary>
    public void Read(int i, int index)
    {
        log.Understand();
        if (items.IsAudienceItem(i))
        {
            Values.Add(index);
        }
        else
        {
            PromotedItem = true;
        }
    }
}
