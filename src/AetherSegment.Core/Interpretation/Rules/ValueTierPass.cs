using System.Globalization;
using AetherSegment.DataModel;

namespace AetherSegment.Interpretation.Rules;

/// <summary>
/// Value and churn tiers: a value tier ("high-value customers", "the top 10%"), a minimum CLV score ("CLV above 0.8"),
/// high churn risk ("at risk", "churn probability above 0.7"). Input: tier, CLV and churn meanings, then the unused
/// percentages; output: <see cref="Tier"/>, <see cref="ClvMin"/>, <see cref="ChurnHigh"/>. One instance per analyzer;
/// not thread-safe.
/// </summary>
internal sealed class ValueTierPass(RuleItems items, AnalysisLog log)
{
    /// <summary>The value tier, or null.</summary>
    public ValueTier? Tier { get; private set; }

    /// <summary>The minimum CLV score (0..1), or null.</summary>
    public double? ClvMin { get; private set; }

    /// <summary>Whether the audience is at high churn risk.</summary>
    public bool ChurnHigh { get; private set; }

    /// <summary>Starts a new objective.</summary>
    public void Reset()
    {
        Tier = null;
        ClvMin = null;
        ChurnHigh = false;
    }

    /// <summary>Reads a value-tier meaning of item <paramref name="i"/>.</summary>
    public void ReadTier(int i, ValueTier tier)
    {
        int next = items.NextContent(i);
        if (next >= 0 && items[next].Has(Sense.ItemNoun) && !items[next].Has(Sense.CustomerNoun))
        {
            // "high-value carts" or "high-value items" describe what was bought, not the customer's tier.
            log.Warn($"'{items.SourceText(i)} {items.SourceText(next)}' names no amount; no value tier or cart value was set.");
            log.Understand();
            return;
        }

        Tier ??= tier;
        log.Understand();
    }

    /// <summary>Reads a high-churn meaning of item <paramref name="i"/>.</summary>
    public void ReadChurn(int i)
    {
        if (i > 0 && items[i - 1].Has(Sense.Low))
        {
            log.Warn("Low churn risk is not a filter of the contract (only high); no churn filter was set.");
            return;
        }

        ChurnHigh = true;
        log.Understand();
    }

    /// <summary>Reads a CLV meaning of item <paramref name="i"/> and the score after it.</summary>
    public void ReadClv(int i)
    {
        log.Understand();
        int at = items.NumberAfterComparator(i, 4);
        if (at < 0)
        {
            return;
        }

        ref RuleItem value = ref items[at];
        double number = value.Kind == ItemKind.Percent ? value.Value / 100 : value.Value;
        value.Used = true;
        if (number is < 0 or > 1 || value.Kind == ItemKind.Money)
        {
            log.Warn($"CLV is a score between 0 and 1; '{items.SourceText(at)}' was not used as clv_min.");
            return;
        }

        ClvMin ??= number;
    }

    /// <summary>Reads a churn-probability meaning of item <paramref name="i"/> against the high-risk threshold.</summary>
    public void ReadChurnProbability(int i, double threshold)
    {
        log.Understand();
        int at = items.NumberAfterComparator(i, 4);
        if (at < 0)
        {
            ChurnHigh = true;
            return;
        }

        ref RuleItem value = ref items[at];
        value.Used = true;
        double number = value.Kind == ItemKind.Percent ? value.Value / 100 : value.Value;
        if (number >= threshold)
        {
            ChurnHigh = true;
            if (Math.Abs(number - threshold) > 0.001)
            {
                log.Warn(string.Create(CultureInfo.InvariantCulture,
                    $"churn_risk high means churn probability at or above {threshold} (an option); the objective's {number} was read as high."));
            }
        }
        else
        {
            log.Warn(string.Create(CultureInfo.InvariantCulture,
                $"A churn probability of {number} is below the high-risk threshold {threshold}; no churn filter was set."));
        }
    }

    /// <summary>"the top 10% of customers": the closest the contract has is the high value tier.</summary>
    public void PlaceTopShares()
    {
        for (int i = 0; i < items.Count; i++)
        {
            ref RuleItem item = ref items[i];
            if (!item.Used && item.Kind == ItemKind.Percent && i > 0 && (items.IsWord(i - 1, "top") || items.IsWord(i - 1, "best")))
            {
                item.Used = true;
                log.Understand();
                if (Tier is null)
                {
                    Tier = ValueTier.High;
                    log.Warn($"'top {items.SourceText(i)}' was read as the high value tier (clv_score at or above the configured threshold), not as an exact share.");
                }
            }
        }
    }
}
