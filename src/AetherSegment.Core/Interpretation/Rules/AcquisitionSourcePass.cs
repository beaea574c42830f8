namespace AetherSegment.Interpretation.Rules;

/// <summary>
/// Acquisition sources, when the wording says the customers came from them ("social media customers", "signed up via
/// referral"); "email everyone" is a channel, not a source. Input: source meanings; output: <see cref="Sources"/>.
/// One instance per analyzer; not thread-safe.
/// </summary>
internal sealed class AcquisitionSourcePass(RuleItems items, AnalysisLog log, InterpreterCatalog catalog)
{
    /// <summary>The sources named, as positions in <see cref="InterpreterCatalog.Sources"/>.</summary>
    public OrderedSelection Sources { get; } = new(catalog.Sources.Length);

    /// <summary>Starts a new objective.</summary>
    public void Reset() => Sources.Clear();

    /// <summary>Reads a source meaning of item <paramref name="i"/>.</summary>
    public void Read(int i, int source)
    {
        if (IsAcquisitionContext(i))
        {
            log.Understand();
            Sources.Add(source);
        }
    }

    private bool IsAcquisitionContext(int i)
    {
        // "social media customers", "referral shoppers"; but "email everyone" is a channel, so a source that is also a
        // channel needs "signups" or a verb.
        RuleItem[] all = items.Items;
        bool email = all[i].TryGet(Sense.Source, out LexMeaning source) && catalog.SourceIsChannel[source.Value];
        if (i + 1 < items.Count && all[i + 1].Has(Sense.CustomerNoun)
            && (!email || items.IsWord(i + 1, "signups") || items.IsWord(i + 1, "subscribers") || all[i + 1].Has(Sense.AcquisitionContext)))
        {
            return true;
        }

        if (all[i].Has(Sense.AcquisitionContext))
        {
            return true;
        }

        for (int k = i - 1; k >= 0 && k >= i - 5; k--)
        {
            if (all[k].Has(Sense.AcquisitionContext) && !items.IsWord(k, "via") && !items.IsWord(k, "through"))
            {
                return true;
            }

            if (all[k].Has(Sense.Breaker))
            {
                break;
            }
        }

        return false;
    }
}
