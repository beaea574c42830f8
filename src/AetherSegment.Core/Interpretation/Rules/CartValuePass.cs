namespace AetherSegment.Interpretation.Rules;

/// <summary>
/// The minimum cart value: an amount or number next to a cart ("baskets worth more than £1,500", "$500+ carts").
/// Runs before <see cref="IncentivePass.PlaceValues"/>, so an amount at a cart is never read as a discount.
/// Input: the unused amounts and numbers; output: <see cref="MinCartValue"/>. One instance per analyzer; not thread-safe.
/// </summary>
internal sealed class CartValuePass(RuleItems items, AnalysisLog log)
{
    /// <summary>The minimum cart value, or null.</summary>
    public double? MinCartValue { get; private set; }

    /// <summary>Places the cart values of the objective.</summary>
    public void Run()
    {
        MinCartValue = null;
        for (int i = 0; i < items.Count; i++)
        {
            ref RuleItem item = ref items[i];
            if (!item.Used && item.Kind is ItemKind.Money or ItemKind.Number && IsCartValue(i))
            {
                item.Used = true;
                MinCartValue ??= item.Value;
                log.Understand();
            }
        }
    }

    private bool IsCartValue(int i)
    {
        bool comparator = false;
        for (int k = i - 1; k >= 0 && k >= i - 5; k--)
        {
            ref RuleItem previous = ref items[k];
            if (previous.Has(Sense.Comparator) || items.IsWord(k, "value") || items.IsWord(k, "of"))
            {
                comparator = true;
                continue;
            }

            if (previous.TryGet(Sense.Behavior, out LexMeaning behavior) && (BehaviorKind)behavior.Value == BehaviorKind.Cart)
            {
                return comparator || k == i - 1;
            }

            if (!previous.Has(Sense.Filler) && !previous.Has(Sense.ItemNoun) && previous.Kind != ItemKind.Unknown)
            {
                break;
            }
        }

        // "$500+ carts"
        for (int k = i + 1; k < items.Count && k <= i + 2; k++)
        {
            if (items[k].TryGet(Sense.Behavior, out LexMeaning behavior) && (BehaviorKind)behavior.Value == BehaviorKind.Cart)
            {
                return !items[k].Has(Sense.Kpi);
            }

            if (!items[k].Has(Sense.Comparator))
            {
                break;
            }
        }

        return false;
    }
}
