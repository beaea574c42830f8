namespace AetherSegment.Analytics;

// A ratio of two event types' counts said with "per", "divided by" or "relative to": "how many add-to-carts per checkout
// start", "<type A> count divided by <type B> count", "checkout starts relative to add-to-cart events" (the
// first was read as both counts by event type, the others declined). Said as the ratio reading reads it ("ratio of A to
// B"); an "A vs B" of the same two types said before it restates them and is dropped.
internal static partial class QuestionParser
{
    private static readonly string[] RatioConnectors = [" per ", " divided by ", " relative to ", " over ", " as a percent of ", " as a percentage of ", " as a share of ", " as a fraction of ", " as a proportion of "];

    private static ParsedQuestion? ReadEventRatio(string question, SemanticLayer layer, IReadOnlyList<string>? campaignNames, IReadOnlyList<string>? campaignIds)
    {
        if (question.IndexOf(" per ", StringComparison.OrdinalIgnoreCase) < 0 && question.IndexOf("divided", StringComparison.OrdinalIgnoreCase) < 0
            && question.IndexOf("relative", StringComparison.OrdinalIgnoreCase) < 0 && question.IndexOf("ratio", StringComparison.OrdinalIgnoreCase) < 0
            && question.IndexOf(" as a ", StringComparison.OrdinalIgnoreCase) < 0)
        {
            return null;
        }

        if (layer.Measure("events") is not { Missing: null })
        {
            return null;
        }

        string text = QuestionText.Normalize(question);
        List<(int Start, int End, LexiconEntry Entry)> spans = EventSpans(text, layer);
        foreach (string connector in RatioConnectors)
        {
            for (int c = text.IndexOf(connector, StringComparison.Ordinal); c >= 0; c = text.IndexOf(connector, c + 1, StringComparison.Ordinal))
            {
                int right = c + connector.Length;
                (int Start, int End, LexiconEntry Entry) left = Longest(spans.Where(s => EndsBefore(text, s.End, c)));
                (int Start, int End, LexiconEntry Entry) after = Longest(spans.Where(s => s.Start == right || StartsAfter(text, right, s.Start)));
                if (left.Entry is null || after.Entry is null || left.Entry.Values[0] == after.Entry.Values[0])
                {
                    continue;
                }

                int end = EventNounEnd(text, after.End);
                int start = left.Start;
                if (text.AsSpan(0, start).EndsWith("how many ", StringComparison.Ordinal))
                {
                    start -= "how many ".Length;
                }

                // The ratio said last, as the ratio reading reads it after the filters and the range ("on <device> ratio of A to B").
                string said = $"ratio of {left.Entry.Phrase} to {after.Entry.Phrase}";
                string rewritten = string.Concat(text.AsSpan(0, start), new string(' ', end - start), text.AsSpan(end));
                rewritten = DropRestatedPairs(rewritten, layer, left.Entry.Values[0], after.Entry.Values[0], out bool reversed);
                if (reversed)
                {
                    return ParsedQuestion.Unplaced($"I read both {left.Entry.Phrase} to {after.Entry.Phrase} and the other way round; ask for one ratio");
                }

                rewritten = DropRatioName(rewritten, left.Entry, after.Entry, layer).TrimEnd() + " " + said + " ";
                ParsedQuestion parsed = ParseUnframed(rewritten, layer, campaignNames, campaignIds, reasonNeeded: false);
                if (parsed.Query is { FilterRatio: { } sides } asPercent && connector.StartsWith(" as a ", StringComparison.Ordinal))
                {
                    // "A events as a % of B events": the same quotient, as a percentage.
                    parsed = parsed with { Query = asPercent with { FilterRatio = sides with { Percent = true } } };
                }

                return parsed.Query is { } query && (query.Ratio is not null || query.FilterRatio is not null) && query.Dimension is null
                    ? parsed
                    : ParsedQuestion.Unplaced($"a ratio of {left.Entry.Phrase} to {after.Entry.Phrase}: ask as in \"ratio of {left.Entry.Phrase} to {after.Entry.Phrase} in the last 30 days\"");
            }
        }

        // "<type A> vs <type B> ratio": A divided by B; "<type A> to <type B> ratio" could be either way (QuestionParser.PeriodsRatiosLabels.cs).
        return text.Contains(" ratio ", StringComparison.Ordinal) ? ReadNamedEventRatio(text, spans, layer, campaignNames, campaignIds) : null;
    }

    private static (int Start, int End, LexiconEntry Entry) Longest(IEnumerable<(int Start, int End, LexiconEntry Entry)> spans) =>
        spans.OrderByDescending(s => s.End - s.Start).FirstOrDefault();

    // The phrase ends at the connector, or before "events", "event" or "count" there.
    private static bool EndsBefore(string text, int end, int connector) =>
        end == connector || (end < connector && text.AsSpan(end, connector - end).Trim() is " events" or "events" or "event" or "count" or "events count" or "event count");

    // The phrase starts right after the connector, or after "a", "one", "each", "every".
    private static bool StartsAfter(string text, int from, int start) =>
        start > from && text.AsSpan(from, start - from).Trim() is "a" or "an" or "one" or "each" or "every";

    private static int EventNounEnd(string text, int end)
    {
        foreach (string noun in (string[])[" events", " event", " count"])
        {
            if (string.CompareOrdinal(text, end, noun + " ", 0, noun.Length + 1) == 0)
            {
                return end + noun.Length;
            }
        }

        return end;
    }

    private static List<(int Start, int End, LexiconEntry Entry)> EventSpans(string text, SemanticLayer layer)
    {
        List<(int Start, int End, LexiconEntry Entry)> spans = [];
        EventTypeWords words = EventWordsOf(layer);
        Span<bool> present = words.Filters.Length <= 256 ? stackalloc bool[words.Filters.Length] : new bool[words.Filters.Length];
        EventFiltersPresent(text, words, present);
        for (int i = 0; i < words.SingleValueFilters.Length; i++)
        {
            if (!present[words.SingleValueIndexes[i]])
            {
                continue;
            }

            LexiconEntry entry = words.SingleValueFilters[i];
            for (int at = text.IndexOf(entry.Padded, StringComparison.Ordinal); at >= 0; at = text.IndexOf(entry.Padded, at + 1, StringComparison.Ordinal))
            {
                spans.Add((at + 1, at + entry.Padded.Length - 1, entry));
            }
        }

        return spans;
    }

    private static readonly string[] PairConnectors = [" vs ", " versus ", " and ", " v ", " relative to ", " divided by ", " per ", " over ", " to "];

    // "add to carts vs checkout starts in the last 30 days: how many add-to-carts per checkout start", "checkout starts
    // relative to add-to-cart events: <type A> count divided by <type B> count": the same two types said again
    // restate the ratio and are dropped; said the other way round with a ratio word they are another ratio.
    private static string DropRestatedPairs(string text, SemanticLayer layer, string numerator, string denominator, out bool reversed)
    {
        reversed = false;
        for (bool dropped = true; dropped;)
        {
            dropped = false;
            List<(int Start, int End, LexiconEntry Entry)> spans = EventSpans(text, layer);
            foreach (string connector in PairConnectors)
            {
                for (int at = text.IndexOf(connector, StringComparison.Ordinal); at >= 0 && !dropped; at = text.IndexOf(connector, at + 1, StringComparison.Ordinal))
                {
                    (int Start, int End, LexiconEntry Entry) first = Longest(spans.Where(s => EndsBefore(text, s.End, at)));
                    (int Start, int End, LexiconEntry Entry) second = Longest(spans.Where(s => s.Start == at + connector.Length || StartsAfter(text, at + connector.Length, s.Start)));
                    if (first.Entry is null || second.Entry is null)
                    {
                        continue;
                    }

                    string a = first.Entry.Values[0];
                    string b = second.Entry.Values[0];
                    if (!(a == numerator && b == denominator) && !(a == denominator && b == numerator))
                    {
                        continue;
                    }

                    reversed |= a == denominator && connector is " relative to " or " divided by " or " per " or " over ";
                    int end = EventNounEnd(text, second.End);
                    text = string.Concat(text.AsSpan(0, first.Start), new string(' ', end - first.Start), text.AsSpan(end));
                    dropped = true;
                }

                if (dropped)
                {
                    break;
                }
            }
        }

        return text;
    }
}
