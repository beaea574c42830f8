namespace AetherSegment.Interpretation.Rules;

/// <summary>
/// Rules about an item's neighbours that several passes share: negation, whether a catalog item names the audience,
/// "never" before a purchase, the number after a comparator. Pure reads of <see cref="RuleItems"/>; thread-safe.
/// </summary>
internal static class ItemContext
{
    /// <summary>Whether the item names a taxonomy value (a category, a product type...).</summary>
    public static bool IsCatalogItem(in RuleItem item) => item.Has(Sense.Taxon);

    /// <summary>
    /// Whether a taxonomy value defines the audience: it follows what they bought, viewed or carted
    /// ("who bought tents"), or names them ("tent buyers", "tent carts"); after "recommend", "on", "with" it is promoted.
    /// </summary>
    public static bool IsAudienceItem(this RuleItems items, int i)
    {
        RuleItem[] all = items.Items;
        int count = items.Count;
        for (int k = i + 1; k < count && k <= i + 3; k++)
        {
            RuleItem next = all[k];
            if (next.Has(Sense.CustomerNoun) || (next.TryGet(Sense.Behavior, out LexMeaning b) && (BehaviorKind)b.Value == BehaviorKind.Cart))
            {
                return true;
            }

            if (!next.Has(Sense.ItemNoun) && !IsCatalogItem(next) && !next.Has(Sense.Goods))
            {
                break;
            }
        }

        for (int k = i - 1; k >= 0 && k >= i - 8; k--)
        {
            RuleItem previous = all[k];
            if (previous.TryGet(Sense.Behavior, out LexMeaning behavior))
            {
                return (BehaviorKind)behavior.Value is BehaviorKind.Cart or BehaviorKind.View or BehaviorKind.Purchase or BehaviorKind.Lapsed;
            }

            if (previous.Has(Sense.Breaker) && k > 0 && IsCatalogItem(all[k - 1]))
            {
                continue;
            }

            if (items.IsWord(k, ")"))
            {
                // Skip a parenthesis: "recent buyers (last 7 days) of trail runners".
                while (k > 0 && !items.IsWord(k, "("))
                {
                    k--;
                }

                continue;
            }

            if (previous.Has(Sense.Promote) || previous.Has(Sense.Incentive) || previous.Has(Sense.Off) || previous.Has(Sense.Recommend)
                || previous.Kind is ItemKind.Percent or ItemKind.Money)
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether a negator sits within three items before, with nothing meaningful between ("did not buy",
    /// "without offering a discount"); "did not buy free shipping" does not negate the shipping.
    /// </summary>
    public static bool IsNegated(this RuleItems items, int i)
    {
        RuleItem[] all = items.Items;
        for (int k = i - 1; k >= 0 && k >= i - 3; k--)
        {
            RuleItem previous = all[k];
            if (previous.Has(Sense.Negator))
            {
                return true;
            }

            if (previous.Has(Sense.Breaker) || previous.Has(Sense.Behavior) || previous.Has(Sense.Incentive) || previous.Has(Sense.Kpi)
                || IsCatalogItem(previous) || previous.Has(Sense.Place) || previous.Kind != ItemKind.Phrase && previous.Kind != ItemKind.Unknown)
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>"but not to VIPs", "except Boston": whether an audience value after a negator is an exclusion.</summary>
    public static bool IsExcludedAudience(this RuleItems items, int i)
    {
        ref RuleItem item = ref items[i];
        bool audience = item.Has(Sense.Place) || item.Has(Sense.Tier) || item.Has(Sense.Source)
            || (item.Has(Sense.Taxon) && !item.Has(Sense.Behavior));
        return audience && !item.Has(Sense.Incentive) && items.IsNegated(i);
    }

    /// <summary>"never bought", "not yet purchased", "yet to order", "haven't ordered yet": no first purchase, not a lapse.</summary>
    public static bool NeverBefore(this RuleItems items, int i)
    {
        RuleItem[] all = items.Items;
        int count = items.Count;
        for (int k = i - 1; k >= 0 && k >= i - 3; k--)
        {
            if (all[k].Has(Sense.Never))
            {
                return true;
            }
        }

        return (i + 1 < count && items.IsWord(i + 1, "yet")) || (i + 2 < count && items.IsWord(i + 2, "yet") && all[i + 1].Has(Sense.Filler));
    }

    /// <summary>The next item that is not a filler word (nouns count), or -1.</summary>
    public static int NextContent(this RuleItems items, int i)
    {
        RuleItem[] all = items.Items;
        for (int k = i + 1; k < items.Count; k++)
        {
            if (!all[k].Has(Sense.Filler) || all[k].Has(Sense.ItemNoun) || all[k].Has(Sense.CustomerNoun))
            {
                return k;
            }
        }

        return -1;
    }

    /// <summary>The number, percentage or amount within <paramref name="reach"/> items after a comparator, or -1.</summary>
    public static int NumberAfterComparator(this RuleItems items, int i, int reach)
    {
        RuleItem[] all = items.Items;
        for (int k = i + 1; k < items.Count && k <= i + reach; k++)
        {
            RuleItem next = all[k];
            if (next.Kind is ItemKind.Number or ItemKind.Percent or ItemKind.Money)
            {
                return k;
            }

            if (!next.Has(Sense.Comparator) && !next.Has(Sense.Filler) && next.Kind != ItemKind.Unknown && !items.IsWord(k, "of"))
            {
                break;
            }
        }

        return -1;
    }
}
