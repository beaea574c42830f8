namespace AetherSegment.Analytics;

/// <summary>
/// Parse speed (stop 43): one question is read many times over (the readings tried one after another each read the
/// question, its whole and its part, or a rewrite of it, again, and a declined reading is read once more for its
/// reason), and the slowest questions read the same text with the same layer several times. A reading is a function of
/// the text, the layer and the campaign lists alone, so the last readings of each step are kept per thread and a text
/// read again is looked up, not read again: no reading changes.
/// </summary>
internal static partial class QuestionParser
{
    [ThreadStatic]
    private static ReadingMemo? t_readings;

    /// <summary>One reading of a text with every rule (or, <paramref name="legacy"/>, with the rules of the golden file's reasons).</summary>
    private static ParsedQuestion Parse(string question, SemanticLayer layer, IReadOnlyList<string>? campaignNames, IReadOnlyList<string>? campaignIds, bool legacy)
    {
        ReadingMemo memo = t_readings ??= new ReadingMemo();
        ReadingStep step = legacy ? ReadingStep.Legacy : ReadingStep.Rules;
        if (memo.Find(step, question, layer, campaignNames, campaignIds) is { } known)
        {
            return known;
        }

        ParsedQuestion parsed = ReadOnce(question, layer, campaignNames, campaignIds, legacy);
        memo.Add(step, question, layer, campaignNames, campaignIds, parsed);
        return parsed;
    }

    /// <summary>
    /// A question read with every reading tried in turn (after the framing words were taken off); without
    /// <paramref name="reasonNeeded"/>, a question declined by every reading keeps the reason of the last one tried.
    /// </summary>
    private static ParsedQuestion ParseUnframed(string question, SemanticLayer layer, IReadOnlyList<string>? campaignNames, IReadOnlyList<string>? campaignIds, bool reasonNeeded)
    {
        ReadingMemo memo = t_readings ??= new ReadingMemo();
        if (memo.Find(ReadingStep.Unframed, question, layer, campaignNames, campaignIds) is { } known)
        {
            return known;
        }

        // Declined by every reading, the golden file's reason is read only for a caller that needs it (stop 44), and a
        // reading kept without it gets it without reading the question again (stop 45).
        if (memo.Find(ReadingStep.UnframedStatus, question, layer, campaignNames, campaignIds) is not { } declined)
        {
            ParsedQuestion parsed = ParseUnframedOnce(question, layer, campaignNames, campaignIds, out bool goldenReasonLeft);
            if (!goldenReasonLeft)
            {
                memo.Add(ReadingStep.Unframed, question, layer, campaignNames, campaignIds, parsed);
                return parsed;
            }

            memo.Add(ReadingStep.UnframedStatus, question, layer, campaignNames, campaignIds, parsed);
            declined = parsed;
        }

        if (!reasonNeeded)
        {
            return declined;
        }

        ParsedQuestion withReason = WithGoldenReason(UnframedText(question, layer), layer, campaignNames, declined);
        memo.Add(ReadingStep.Unframed, question, layer, campaignNames, campaignIds, withReason);
        return withReason;
    }

    private enum ReadingStep
    {
        Rules,
        Legacy,
        Unframed,
        UnframedStatus,
    }

    /// <summary>
    /// The last 64 readings (stop 48, was 32), keyed by the step, the text and the very layer and campaign lists it was read with (the
    /// lists are prepared once per instance, as <see cref="Parse(string, SemanticLayer, IReadOnlyList{string}?, IReadOnlyList{string}?)"/> says).
    /// </summary>
    private sealed class ReadingMemo
    {
        private readonly (ReadingStep Step, string Text, SemanticLayer Layer, IReadOnlyList<string>? Names, IReadOnlyList<string>? Ids, ParsedQuestion Parsed)?[] _entries =
            new (ReadingStep, string, SemanticLayer, IReadOnlyList<string>?, IReadOnlyList<string>?, ParsedQuestion)?[64];

        private int _next;

        public ParsedQuestion? Find(ReadingStep step, string text, SemanticLayer layer, IReadOnlyList<string>? names, IReadOnlyList<string>? ids)
        {
            foreach ((ReadingStep Step, string Text, SemanticLayer Layer, IReadOnlyList<string>? Names, IReadOnlyList<string>? Ids, ParsedQuestion Parsed)? entry in _entries)
            {
                if (entry is { } e && e.Step == step && ReferenceEquals(e.Layer, layer) && ReferenceEquals(e.Names, names) && ReferenceEquals(e.Ids, ids)
                    && string.Equals(e.Text, text, StringComparison.Ordinal))
                {
                    return e.Parsed;
                }
            }

            return null;
        }

        public void Clear() => Array.Clear(_entries);

        public void Add(ReadingStep step, string text, SemanticLayer layer, IReadOnlyList<string>? names, IReadOnlyList<string>? ids, ParsedQuestion parsed)
        {
            _entries[_next] = (step, text, layer, names, ids, parsed);
            _next = (_next + 1) % _entries.Length;
        }
    }
}
