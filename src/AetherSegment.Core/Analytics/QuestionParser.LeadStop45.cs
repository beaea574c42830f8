namespace AetherSegment.Analytics;

/// <content>
/// A reading that answered a different question in stop 45: an exclusion read at any time ("who never bought X (at any
/// time)") while the question said a time range again after the negation ("viewed X in the last 30 days but have not
/// bought X in the last 30 days"), so the exclusion was wider than asked. Declined with what was read.
/// </content>
internal static partial class QuestionParser
{
    private static string? LeadStop45(string question, AnalyticsQuery query)
    {
        if (!query.Conditions.Any(c => c is { Negated: true, AllTime: true }))
        {
            return null;
        }

        string text = " " + QuestionText.Normalize(question) + " ";
        if (NegationWordRegex().Match(text) is not { Success: true } negation)
        {
            return null;
        }

        List<RelativeTimeRange> ranges = [];
        string masked = ReadTimeRanges(text, ranges, quarters: true);
        if (ranges.Count == 0 || masked.Length != text.Length || !RangeSpans(text, masked).Exists(span => span.Start > negation.Index))
        {
            return null;
        }

        return $"a time range is said after \"{negation.Value}\", but I read the exclusion at any time; ask \"... but have never bought ...\" for no purchase at any time, or ask for the two counts, one per condition";
    }
}
