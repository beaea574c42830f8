using System.Buffers;

namespace AetherSegment.Analytics;

/// <summary>
/// Parse speed (stop 42): cheap checks that skip a pattern or a phrase search where the text cannot hold what it looks for.
/// Each check is a necessary condition of the pattern it guards (a literal every match contains), so a skipped pattern is
/// one that would have matched nothing: no reading changes.
/// </summary>
internal static partial class QuestionParser
{
    // Every month name of MonthNamePattern starts with one of these (and "may" is its own abbreviation).
    private static readonly SearchValues<string> MonthStarts = SearchValues.Create(
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], StringComparison.Ordinal);

    /// <summary>Whether the text holds the start of a month name anywhere (a month pattern can match only then).</summary>
    private static bool MonthStartSaid(string text) => text.AsSpan().IndexOfAny(MonthStarts) >= 0;

    // Every match of ChangeDataRegex starts with one of these words.
    private static readonly SearchValues<string> ChangeDataWords = SearchValues.Create(
        ["delete", "drop", "truncate", "insert", "update", "alter", "grant", "revoke", "wipe", "erase", "purge", "overwrite", "modify", "rename", "reset", "remove ", "create ", "add ", "set ", "change "],
        StringComparison.Ordinal);

    // Every match of PersonalDataRegex holds one of these.
    private static readonly SearchValues<string> PersonalDataWords = SearchValues.Create(
        ["passw", "credential", "secret", "api key", "access token", "credit card", "card number", "ssn", "social security", "phone", "address", "birth", "mail", "name", "who are the customers", "personal ", "contact ", "customer id"],
        StringComparison.Ordinal);

    // Every match of CatalogRegex holds one of these.
    private static readonly SearchValues<string> CatalogWords = SearchValues.Create(
        ["schema", "system table", "system catalog", "tables", "settings", "config", "environment variable", "server file", "files on"], StringComparison.Ordinal);

    /// <summary>Whether the text holds a digit anywhere.</summary>
    private static bool DigitSaid(string text) => text.AsSpan().IndexOfAnyInRange('0', '9') >= 0;

    /// <summary>
    /// Which of the layer's event type filter entries (<see cref="EventTypeWords.Filters"/>) occur in the text, by index:
    /// one multi-phrase search over the text instead of one search per entry; the readings still look at the entries in
    /// their order, skipping only those the text does not hold.
    /// </summary>
    private static void EventFiltersPresent(string text, EventTypeWords words, Span<bool> present)
    {
        ReadOnlySpan<char> span = text;
        for (int from = 0; from < span.Length;)
        {
            int hit = span[from..].IndexOfAny(words.FilterSearch);
            if (hit < 0)
            {
                return;
            }

            int at = from + hit;
            ReadOnlySpan<char> rest = span[at..];
            for (int i = 0; i < words.Filters.Length; i++)
            {
                present[i] |= rest.StartsWith(words.Filters[i].Padded, StringComparison.Ordinal);
            }

            from = at + 1;
        }
    }
}
