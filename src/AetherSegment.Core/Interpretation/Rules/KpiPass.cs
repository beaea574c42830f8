namespace AetherSegment.Interpretation.Rules;

/// <summary>
/// The KPI: the first KPI word names the metric; a percentage after "by", a growth word or a KPI word is its target
/// ("increase conversion by 25%"); "bring back 15%" is a reactivation target. Input: KPI meanings, then the unused
/// percentages; output: <see cref="Metric"/> and <see cref="Target"/>. One instance per analyzer; not thread-safe.
/// </summary>
internal sealed class KpiPass(RuleItems items, AnalysisLog log)
{
    /// <summary>The KPI metric, or null.</summary>
    public KpiMetric? Metric { get; private set; }

    /// <summary>The target change in percent, or null.</summary>
    public double? Target { get; private set; }

    /// <summary>Starts a new objective.</summary>
    public void Reset()
    {
        Metric = null;
        Target = null;
    }

    /// <summary>Reads a KPI meaning; only the first one counts.</summary>
    public void Read(KpiMetric metric)
    {
        if (Metric is null)
        {
            Metric = metric;
            log.Understand();
        }
    }

    /// <summary>Places the unused percentages that are KPI targets.</summary>
    public void PlaceTargets()
    {
        for (int i = 0; i < items.Count; i++)
        {
            ref RuleItem item = ref items[i];
            if (!item.Used && item.Kind == ItemKind.Percent && IsTarget(i, out bool reactivation))
            {
                item.Used = true;
                Target ??= item.Value;
                if (Metric is null && reactivation)
                {
                    Metric = KpiMetric.ReactivationRate;
                }

                log.Understand();
            }
        }
    }

    private bool IsTarget(int i, out bool reactivation)
    {
        reactivation = false;
        for (int k = i - 1; k >= 0 && k >= i - 4; k--)
        {
            ref RuleItem previous = ref items[k];
            if (previous.TryGet(Sense.Campaign, out LexMeaning cue) && (CampaignType)cue.Value == CampaignType.WinBack && k >= i - 2)
            {
                reactivation = true;
                return true;
            }

            if (previous.Has(Sense.By) || previous.Has(Sense.Growth) || previous.Has(Sense.Kpi))
            {
                return true;
            }

            if (previous.Has(Sense.Breaker))
            {
                break;
            }
        }

        for (int k = i + 1; k < items.Count && k <= i + 4; k++)
        {
            ref RuleItem next = ref items[k];
            if (next.Has(Sense.Kpi) || next.Has(Sense.Growth))
            {
                return true;
            }

            if (next.Has(Sense.Breaker))
            {
                break;
            }
        }

        return false;
    }
}
