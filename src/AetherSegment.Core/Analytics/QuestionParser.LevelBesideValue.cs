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
