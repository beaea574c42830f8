namespace AetherSegment.Interpretation.Rules;

/// <summary>
/// Lexing pass 3: durations ("48 hours", "a fortnight", "yesterday"), percentages and amounts of money. Input and
/// output: the items of <see cref="RuleItems"/>, rewritten in place. Stateless; thread-safe.
/// </summary>
internal static class QuantityPass
{
    /// <summary>Reads the quantities of <paramref name="items"/>.</summary>
    public static void Run(RuleItems items)
    {
        RuleItem[] all = items.Items;
        int count = items.Count;
        int write = 0;
        for (int read = 0; read < count; read++)
        {
            RuleItem item = all[read];
            RuleItem next = read + 1 < count ? all[read + 1] : default;
            if (item.Kind == ItemKind.Number && read + 2 < count && items.IsWord(read + 1, "+")
                && (all[read + 2].Has(Sense.Unit) || all[read + 2].Has(Sense.Percent) || all[read + 2].Has(Sense.Currency)))
            {
                // "90+ days", "20+%": the plus reads as "at least".
                read++;
                next = all[read + 1];
            }

            if (item.Kind == ItemKind.Number && next.TryGet(Sense.Unit, out LexMeaning unit))
            {
                item.Kind = ItemKind.Duration;
                item.Value = Math.Round(item.Value * unit.Number, 4);
                item.TokenEnd = next.TokenEnd;
                read++;
            }
            else if (item.Kind == ItemKind.Phrase && item.Has(Sense.One) && next.TryGet(Sense.Unit, out unit))
            {
                item.Kind = ItemKind.Duration;
                item.Meanings = null;
                item.Value = Math.Round(unit.Number, 4);
                item.TokenEnd = next.TokenEnd;
                read++;
            }
            else if (item.Kind == ItemKind.Phrase && item.TryGet(Sense.Window, out LexMeaning window))
            {
                item.Kind = ItemKind.Duration;
                item.Meanings = null;
                item.Value = window.Number;
            }
            else if (item.Kind == ItemKind.Number && next.Has(Sense.Percent))
            {
                item.Kind = ItemKind.Percent;
                item.TokenEnd = next.TokenEnd;
                read++;
            }
            else if (item.Kind == ItemKind.Number && next.Has(Sense.Currency))
            {
                item.Kind = ItemKind.Money;
                item.TokenEnd = next.TokenEnd;
                read++;
            }
            else if (item.Kind == ItemKind.Phrase && item.Has(Sense.Currency) && next.Kind == ItemKind.Number)
            {
                item = next;
                item.Kind = ItemKind.Money;
                item.Token = all[read].Token;
                read++;
            }

            all[write++] = item;
        }

        items.Count = write;
    }
}
