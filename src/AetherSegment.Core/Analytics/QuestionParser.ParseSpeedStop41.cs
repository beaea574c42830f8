using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using AetherSegment.Profiles;

namespace AetherSegment.Analytics;

/// <summary>
/// Parse speed (stop 41): the layer's event type words and event types, picked out once per layer instead of once per
/// reading, and the one scan each masking pattern needs. Each rule keeps its wording and order; only repeated work moved.
/// </summary>
internal static partial class QuestionParser
{
    private static readonly ConditionalWeakTable<SemanticLayer, EventTypeWords> s_eventTypeWords = new();

    private static EventTypeWords EventWordsOf(SemanticLayer layer) => s_eventTypeWords.GetValue(layer, static l => new EventTypeWords(l));

    /// <summary>
    /// What <see cref="EventSpans"/>, <see cref="EventsAfterCount"/> and the view and cart readings look up in a layer: the
    /// event type filter entries of its lexicon (in the lexicon's order, longest phrase first) and its event types of
    /// kind view and cart.
    /// </summary>
    private sealed class EventTypeWords
    {
        public EventTypeWords(SemanticLayer layer)
        {
            Filters = [.. layer.Lexicon.Entries.Where(e => e.Kind == LexiconKind.Filter && e.FilterDimension?.Key == "event_type")];
            SingleValueFilters = [.. Filters.Where(e => e.Values.Count == 1)];
            SingleValueIndexes = [.. Filters.Select((e, i) => (e, i)).Where(p => p.e.Values.Count == 1).Select(p => p.i)];
            FilterSearch = SearchValues.Create([.. Filters.Select(e => e.Padded)], StringComparison.Ordinal);
            ViewTypes = [.. layer.Profile.Catalog.EventTypes.Where(e => e.Kind == EventTypeKind.View)];
            CartTypes = [.. layer.Profile.Catalog.EventTypes.Where(e => e.Kind == EventTypeKind.Cart)];
        }

        /// <summary>The lexicon's filter entries on the event type, in <see cref="QuestionLexicon.Entries"/> order.</summary>
        public LexiconEntry[] Filters { get; }

        /// <summary>The entries of <see cref="Filters"/> with one value.</summary>
        public LexiconEntry[] SingleValueFilters { get; }

        /// <summary>The index in <see cref="Filters"/> of each entry of <see cref="SingleValueFilters"/> (stop 42).</summary>
        public int[] SingleValueIndexes { get; }

        /// <summary>The padded phrases of <see cref="Filters"/>, searched for all at once (stop 42).</summary>
        public SearchValues<string> FilterSearch { get; }

        /// <summary>The profile's event types of kind view, in catalog order.</summary>
        public List<EventTypeEntry> ViewTypes { get; }

        /// <summary>The profile's event types of kind cart, in catalog order.</summary>
        public List<EventTypeEntry> CartTypes { get; }
    }

    // Every match of the pattern, left to right as Regex.Replace finds them, masked with '#' (the same length, so positions
    // hold), after its handler ran: one scan of the text, and none of Replace's segment list. A text without a match is
    // returned as it is.
    private static string Consume(string text, Regex regex, Action<Match> onMatch)
    {
        Match match = regex.Match(text);
        if (!match.Success)
        {
            return text;
        }

        char[] masked = ArrayPool<char>.Shared.Rent(text.Length);
        try
        {
            text.CopyTo(0, masked, 0, text.Length);
            do
            {
                onMatch(match);
                masked.AsSpan(match.Index, match.Length).Fill('#');
                match = match.NextMatch();
            }
            while (match.Success);

            return new string(masked, 0, text.Length);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(masked);
        }
    }

    // The words of the masked text left unplaced, in order, each once: the words are looked at in place, and only a word
    // that is no mask, no skipped word ("the", "per") and no goods word becomes a string.
    private static List<string> UnknownWords(string text, bool legacy, SemanticLayer layer)
    {
        List<string> unknown = [];
        HashSet<string>.AlternateLookup<ReadOnlySpan<char>> stopWords = StopWords.GetAlternateLookup<ReadOnlySpan<char>>();
        ReadOnlySpan<char> span = text;
        foreach (Range range in span.Split(' '))
        {
            ReadOnlySpan<char> word = span[range];
            if (word.IsEmpty || word[0] == '#' || stopWords.Contains(word) || (legacy && (word is "value" or "share")))
            {
                continue;
            }

            string said = word.ToString();
            if (!unknown.Contains(said) && !IsGoodsWord(said, layer))
            {
                unknown.Add(said);
            }
        }

        return unknown;
    }
}
