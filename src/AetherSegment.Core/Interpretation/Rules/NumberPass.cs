namespace AetherSegment.Interpretation.Rules;

/// <summary>
/// Lexing pass 2: number words ("twenty five", "a couple of") and multipliers ("1.5k", "two thousand") become number
/// items. Input and output: the items of <see cref="RuleItems"/>, rewritten in place. Stateless; thread-safe.
/// </summary>
internal static class NumberPass
{
    /// <summary>Composes the number items of <paramref name="items"/>.</summary>
    public static void Run(RuleItems items)
    {
        RuleItem[] all = items.Items;
        int count = items.Count;
        int write = 0;
        for (int read = 0; read < count; read++)
        {
            RuleItem item = all[read];
            bool isNumber = item.Kind == ItemKind.Number;
            if (!isNumber && item.TryGet(Sense.NumberWord, out LexMeaning word) && !IsOneBeforeNothing(all, count, read))
            {
                isNumber = true;
                item.Kind = ItemKind.Number;
                item.Meanings = null;
                item.Value = word.Number;
                if (word.Number >= 20 && word.Number % 10 == 0 && read + 1 < count
                    && all[read + 1].TryGet(Sense.NumberWord, out LexMeaning unit) && unit.Number is > 0 and < 10)
                {
                    item.Value += unit.Number;
                    item.TokenEnd = all[read + 1].TokenEnd;
                    read++;
                }
            }

            if (isNumber && read + 1 < count && all[read + 1].TryGet(Sense.Multiplier, out LexMeaning multiplier))
            {
                item.Value *= multiplier.Number;
                item.TokenEnd = all[read + 1].TokenEnd;
                read++;
            }

            all[write++] = item;
        }

        items.Count = write;
    }

    // "one" in "no one" or "one of" is not a number worth placing; only compose it before a unit.
    private static bool IsOneBeforeNothing(RuleItem[] all, int count, int index) =>
        all[index].Has(Sense.One) && (index + 1 >= count || !all[index + 1].Has(Sense.Unit));
}
