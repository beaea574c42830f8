namespace AetherSegment.Analytics;

// "customers in <a country> or from <an acquisition source>": an "or" between values of two different levels is a union
// of two filters, which the query cannot say (its filters all hold at once); reading it as both would be a confident wrong
// answer, so it is declined naming the two.
internal static partial class QuestionParser
{
    private static readonly string[] OrFollowers = ["in", "from", "on", "with", "for", "via", "through", "by", "the", "a", "an", "of"];

    private static string? OrAcrossLevels(string text, List<(QueryFilter Filter, int At)> placed, SemanticLayer layer)
    {
        if (placed.Count < 2 || !text.Contains(" or ", StringComparison.Ordinal))
        {
            return null;
        }

        string Level(QueryFilter f) => layer.Dimension(f.Dimension)?.Label ?? f.Dimension;
        List<(QueryFilter Filter, int At)> ordered = [.. placed.OrderBy(p => p.At)];
        for (int i = 1; i < ordered.Count; i++)
        {
            (QueryFilter first, int firstAt) = ordered[i - 1];
            (QueryFilter second, int secondAt) = ordered[i];
            int from = firstAt + first.Phrase.Length;
            if (first.Dimension == second.Dimension || from > secondAt || first.Negated || second.Negated)
            {
                continue;
            }

            // "or category <value>": the second value's level may be said before it.
            string[] between = text[from..secondAt].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            string secondLevel = " " + Level(second) + " " + (layer.Dimension(second.Dimension)?.PluralLabel ?? "") + " ";
            if (between is ["or", ..] && between.Skip(1).All(w => Array.IndexOf(OrFollowers, w) >= 0 || secondLevel.Contains(" " + w + " ", StringComparison.Ordinal)))
            {
                return $"\"{first.Phrase} or {second.Phrase}\": an \"or\" between values of two kinds ({Level(first)} and {Level(second)}) is not offered (every filter holds at once); ask for each, or for both together with \"and\"";
            }
        }

        return null;
    }
}
