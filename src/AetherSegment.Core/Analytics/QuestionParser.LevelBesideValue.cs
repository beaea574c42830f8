namespace AetherSegment.Analytics;

// A level named right before one of its values ("orders with product type <value>"): the value's kind, unless a breakdown
// word comes before the level ("by country us", "per device").
internal static partial class QuestionParser
{
    private static readonly string[] BreakdownWordsBefore = ["by", "per", "each", "every", "across", "breakdown", "broken", "split"];

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
