namespace AetherSegment.Interpretation.Rules;

/// <summary>
/// Warnings for what no pass placed: a window without a behavior, a percentage, amount or number without a meaning,
/// a capitalized unknown word where a place would be ("in Atlantis"). Input: the items left unused; output: warnings
/// in the <see cref="AnalysisLog"/>. Stateless; thread-safe.
/// </summary>
internal static class UnplacedPass
{
    /// <summary>Warns about every unplaced value of <paramref name="items"/>.</summary>
    /// <param name="items">The objective's items.</param>
    /// <param name="log">Where warnings go.</param>
    /// <param name="placeKinds">The profile's place levels for the message ("a country or city").</param>
    public static void Run(RuleItems items, AnalysisLog log, string placeKinds)
    {
        for (int i = 0; i < items.Count; i++)
        {
            ref RuleItem item = ref items[i];
            if (item.Used)
            {
                continue;
            }

            switch (item.Kind)
            {
                case ItemKind.Duration:
                    log.Warn($"Could not tell which behavior the window '{items.SourceText(i)}' applies to; it was not used.");
                    break;
                case ItemKind.Percent:
                    log.Warn($"Could not place '{items.SourceText(i)}' (neither a discount nor a KPI target).");
                    break;
                case ItemKind.Money:
                    log.Warn($"Could not place the amount '{items.SourceText(i)}'.");
                    break;
                case ItemKind.Number:
                    log.Warn($"Could not place the number '{items.SourceText(i)}'.");
                    break;
                case ItemKind.Unknown when IsUnknownPlace(items, i):
                    log.Warn($"'{items.SourceText(i)}' is not {placeKinds} of the data model; no location filter was set for it.");
                    break;
                default:
                    break;
            }
        }
    }

    private static bool IsUnknownPlace(RuleItems items, int i)
    {
        ref Token token = ref items.Tokens[items[i].Token];
        if (!token.IsCapitalized || token.IsUpper || i == 0 || items.Word(token).ContainsAnyInRange('0', '9'))
        {
            return false;
        }

        return items.IsWord(i - 1, "in") || items.IsWord(i - 1, "from") || items.IsWord(i - 1, "near") || items.IsWord(i - 1, "across")
            || (i >= 2 && items.IsWord(i - 1, "and") && items[i - 2].Kind == ItemKind.Phrase && items[i - 2].Has(Sense.Place));
    }
}
