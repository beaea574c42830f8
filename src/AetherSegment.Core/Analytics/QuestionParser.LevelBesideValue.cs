namespace AetherSegment.Analytics;

// A level named right before one of its values ("orders with product type <value>", "customers whose acquisition source
// is <value>"): the value's kind, unless a breakdown word comes before the level ("by country us", "per device").
internal static partial class QuestionParser
{
    private static readonly string[] BreakdownWordsBefore = ["by", "per", "each", "every", "across", "breakdown", "broken", "split"];

    // What may stand between a level and its value: nothing, or a verb of being.
    private static readonly string[] LevelValueLinks = ["", "is", "was", "are", "were", "is the", "was the", "equals", "of"];

    private static bool LevelBeforeItsValue(string text, int levelStart, int levelEnd, int valueStart)
    {
        ReadOnlySpan<char> between = text.AsSpan(levelEnd, valueStart - levelEnd).Trim();
        bool linked = false;
        foreach (string link in LevelValueLinks)
        {
            linked |= between.SequenceEqual(link);
        }

        return linked && !BreakdownWordBefore(text, levelStart);
    }

    // What joins the values of a list: "<a> or <b>", "<a>, <b> and <c>".
    private static readonly string[] ListLinks = [",", "or", "and", ", or", ", and", "or the", "and the"];

    // "orders of product type <a> or <b>", "customers in the countries <a> and <b>": a level right before a list of its
    // values names their kind; the list reads as without it (an "or" list one total, an "and" list one row each).
    private static bool LevelBeforeItsList(string text, int levelStart, int levelEnd, List<(QueryFilter Filter, int At)> placed, string dimension)
    {
        List<(QueryFilter Filter, int At)> values = [.. placed.Where(p => p.Filter.Dimension == dimension).OrderBy(p => p.At)];
        if (values.Count < 2 || values.Exists(p => p.Filter.Negated || p.At < levelEnd) || !LevelBeforeItsValue(text, levelStart, levelEnd, values[0].At))
        {
            return false;
        }

        for (int i = 1; i < values.Count; i++)
        {
            int from = values[i - 1].At + values[i - 1].Filter.Phrase.Length;
            if (from > values[i].At || Array.IndexOf(ListLinks, text[from..values[i].At].Trim()) < 0)
            {
                return false;
            }
        }

        return true;
    }

    private static bool BreakdownWordBefore(string text, int start)
    {
        ReadOnlySpan<char> before = text.AsSpan(0, start).TrimEnd();
        int space = before.LastIndexOf(' ');
        ReadOnlySpan<char> word = space < 0 ? before : before[(space + 1)..];
        foreach (string breakdown in BreakdownWordsBefore)
        {
            if (word.SequenceEqual(breakdown))
            {
                return true;
            }
        }

        return false;
    }
}
