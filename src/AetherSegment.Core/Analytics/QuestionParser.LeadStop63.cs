using System.Text.RegularExpressions;
using AetherSegment.Vocabulary;

namespace AetherSegment.Analytics;

// Stop 63: wordings of the unseen sets blind93, blind95 and blind96 the rules misread or declined (docs/analytics.md, "Stop 63").
internal static partial class QuestionParser
{
    /// <summary>
    /// Words that restate what a question already asks and so change nothing: a measure's own definition in brackets
    /// ("orders (transaction records)", "revenue (the sum of order values)"), the whole history said of customers ("at some
    /// point in their history", "(all their orders)"), "calendar" in a named period ("the current calendar year"), "any
    /// (breakdown)" before its exception ("through any acquisition source other than X"), and the shorthands "diff" and "acq".
    /// </summary>
    private static string LeadStop63Said(string question, SemanticLayer layer)
    {
        question = Gated(question, OrdersDefinedRegex(), string.Empty, "record", "transaction", "row");
        question = Gated(question, RevenueDefinedRegex(), string.Empty, "sum of", "total of");
        question = Gated(question, AverageOrderValueDefinedRegex(), string.Empty, "divided", "/", " over ");
        question = Gated(question, OverAllTheirOrdersRegex(), " ", "all their", "all of their", "all the orders", "all of the orders");
        question = Gated(question, HistoryAsideRegex(), string.Empty, "history");
        question = Gated(question, CalendarPeriodRegex(), m => (m.Groups["last"].Success ? "last " : "this ") + m.Groups["unit"].Value, "calendar", "current", "present");
        question = Gated(question, WholeOfRegex(), string.Empty, "the whole of", "the entirety of");
        question = Gated(question, AnyExceptRegex(), m => DimensionWords(m.Groups["words"].Value, layer) == m.Groups["words"].Value.Split(' ').Length ? string.Empty : m.Value, "any ");
        question = Gated(question, DiffRegex(), "different", "diff");
        question = Gated(question, AcqRegex(), "acquisition", "acq");
        question = Gated(question, ExpressedAsRegex(), " as a percentage", "expressed");
        question = Gated(question, WeHoldRegex(), " on file", "hold");
        question = Gated(question, FlaggedInScoresAsRegex(), "are", "flagged");
        question = Gated(question, OtherThanThoseInRegex(), " not in", "other than");
        question = Gated(question, BothBoundsRegex(), " inclusive", "both");
        question = Gated(question, LiesBetweenRegex(), "is ", "lie", "fall", "sit");
        question = Gated(question, EventsOfTypeRegex(), m => m.Groups["v"].Value + " events", "type");
        question = Gated(question, EstablishRegex(), string.Empty, "kindly", "establish", "determine", "ascertain");
        question = Gated(question, WhileAtTheSameTimeRegex(), " and ", "while");
        return Gated(question, CountingEachOnceRegex(), m => CountedBefore(question, m) ? string.Empty : m.Value, "once");
    }

    // Whether the thing "counting each (X) once" names is what the question counts, said before the aside ("how many
    // sessions ..., counting each session once"): then the aside says what the count is. Said of another thing ("units,
    // counting each order once") it would change the count, and is left to the reading.
    private static bool CountedBefore(string question, Match aside)
    {
        string noun = aside.Groups["n"].Value.ToLowerInvariant();
        string before = question[..aside.Index].ToLowerInvariant();
        if (before.Contains("average", StringComparison.Ordinal) || before.Contains("avg", StringComparison.Ordinal) || before.Contains("mean", StringComparison.Ordinal))
        {
            // "average session duration by device, counting each session once": which rows an average weighs, read there.
            return false;
        }

        return before.Contains(" " + LanguageWords.Plural(noun), StringComparison.Ordinal) || before.Contains(" " + noun + " ", StringComparison.Ordinal);
    }

    // ", counting each session only once", "counting each product name only once regardless of how many orders included
    // it", "counting each session once rather than once per event".
    [GeneratedRegex(@",?\s*\(?\bcounting\s+each\s+(?<n>[a-z]+(?:\s[a-z]+)?)\s+(?:only\s+)?once(?:,?\s+(?:rather\s+than|not|instead\s+of)\s+once\s+(?:per|for\s+each|for\s+every)\s+[a-z]+(?:\s[a-z]+)?|,?\s+regardless\s+of\s+how\s+many\s+[a-z]+(?:\s[a-z]+){0,4}?(?=\s*[).,;?!]|\s*$))?\)?", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex CountingEachOnceRegex();

    // ", with both bounds included", "both ends inclusive": inclusive.
    [GeneratedRegex(@",?\s*(?:with\s+)?both\s+(?:ends|bounds|limits|endpoints)\s+(?:included|inclusive|counted)", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex BothBoundsRegex();

    // "whose score lies between 0.4 and 0.6": is between.
    [GeneratedRegex(@"\b(?:lies|lie|falls|fall|sits|sit)\s+(?=between\b)", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex LiesBetweenRegex();

    // "the behavioural events of the type (X) that were recorded": the (X) events.
    [GeneratedRegex(@"\b(?:behaviou?ral\s+)?events\s+of\s+(?:the\s+)?(?:event\s+)?type\s+(?<v>[A-Za-z][A-Za-z_-]*(?:\s[A-Za-z][A-Za-z_-]*){0,2}?)(?=\s+(?:that|which|were|was|on|in|during|over|from|by|recorded|logged|across|made)\b|\s*[,.?!]|\s*$)", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex EventsOfTypeRegex();

    // "Kindly count ...", "Could you establish how many ...": the question itself.
    [GeneratedRegex(@"^\s*kindly\s+|\b(?:establish|determine|ascertain)\s+(?=how\s+many\b|the\s+number\b|what\b|which\b)", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex EstablishRegex();

    // "a churn probability above 0.8 while at the same time having a discount sensitivity below 0.2": and having.
    [GeneratedRegex(@",?\s*\bwhile\s+(?:at\s+the\s+same\s+time\s+)?(?=having\b|being\b|also\b)", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex WhileAtTheSameTimeRegex();

    /// <summary>
    /// The question with each "the (a value) (its breakdown)" said as the value alone, or null when it names none. Tried
    /// only on a question declined as asked: "in campaigns using the (a trigger) trigger" is read as asked, where the
    /// value alone would leave "campaigns" to be read as a breakdown (blind17).
    /// </summary>
    private static string? ValueWithBreakdownSaidAlone(string question, SemanticLayer layer)
    {
        if (!question.Contains("the ", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        string alone = ValueNamedWithItsBreakdown(question, layer);
        return string.Equals(alone, question, StringComparison.Ordinal) ? null : alone;
    }

    /// <summary>
    /// "the (a category) category", "the (a product type) product type": a value named with the breakdown it is a value of, said as the
    /// value alone, so that "both the (A) category and the (B) category" reads as "both (A) and (B)".
    /// A value the layer does not hold of that breakdown is left as it is.
    /// </summary>
    private static string ValueNamedWithItsBreakdown(string question, SemanticLayer layer)
    {
        string[] words = question.Split(' ');
        List<string> kept = new(words.Length);
        for (int i = 0; i < words.Length; i++)
        {
            (int value, int breakdown) = string.Equals(words[i], "the", StringComparison.OrdinalIgnoreCase) ? ValueAndBreakdownAfter(words, i + 1, layer) : (0, 0);
            if (value == 0)
            {
                kept.Add(words[i]);
                continue;
            }

            // The value's words, then whatever ended the breakdown's last word ("category?" keeps its "?").
            string last = words[i + value + breakdown];
            int end = last.Length;
            while (end > 0 && !char.IsLetter(last[end - 1]))
            {
                end--;
            }

            kept.AddRange(words[(i + 1)..(i + 1 + value)]);
            kept[^1] += last[end..];
            i += value + breakdown;
        }

        return string.Join(' ', kept);
    }

    // How many words after a "the" are a value (one to four words) and how many then name the breakdown it belongs to (one
    // or two words); (0, 0) when none.
    private static (int Value, int Breakdown) ValueAndBreakdownAfter(string[] words, int start, SemanticLayer layer)
    {
        for (int value = 1; value <= 4 && start + value < words.Length; value++)
        {
            for (int breakdown = 1; breakdown <= 2 && start + value + breakdown <= words.Length; breakdown++)
            {
                if (IsValueOfBreakdown(words, start, value, breakdown, layer))
                {
                    return (value, breakdown);
                }
            }
        }

        return (0, 0);
    }

    private static bool IsValueOfBreakdown(string[] words, int start, int value, int breakdown, SemanticLayer layer)
    {
        string dimensionPhrase = QuestionText.Normalize(string.Join(' ', words[(start + value)..(start + value + breakdown)])).Trim();
        string valuePhrase = QuestionText.Normalize(string.Join(' ', words[start..(start + value)])).Trim();
        if (dimensionPhrase.Length == 0 || valuePhrase.Length == 0)
        {
            return false;
        }

        DimensionDefinition? dimension = null;
        foreach (LexiconEntry entry in layer.Lexicon.Candidates(dimensionPhrase))
        {
            if (entry.Kind == LexiconKind.Dimension && (entry.Phrase == dimensionPhrase || LanguageWords.Plural(entry.Phrase) == dimensionPhrase))
            {
                dimension = entry.Dimension;
                break;
            }
        }

        if (dimension is null)
        {
            return false;
        }

        foreach (LexiconEntry entry in layer.Lexicon.Candidates(valuePhrase))
        {
            if (entry.Kind == LexiconKind.Filter && entry.Phrase == valuePhrase && entry.FilterDimension?.Key == dimension.Key)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A group compared with the overall figure ("how does X's conversion rate compare with the overall rate? one row for
    /// each") asks for two figures, the group's and everyone's. Read without the overall side, it was answered with the
    /// group's figure alone (blind96); declined unless it was read as the ratio of the two.
    /// </summary>
    private static ParsedQuestion OverallComparisonDeclined(string question, ParsedQuestion parsed) =>
        parsed is { Status: AnalyticsAnswerStatus.Answered, Query: { FilterRatio: null } query }
        && question.Contains("overall", StringComparison.OrdinalIgnoreCase) && ComparedWithOverallRegex().IsMatch(question)
            ? ParsedQuestion.Unplaced($"a comparison with the overall figure asks for two figures, the group's and everyone's, but I read one ({query.Measure.Label}); ask for each on its own, or for the ratio, as in \"ratio of X's {query.Measure.Label} to the overall {query.Measure.Label}\"")
            : parsed;

    // "compare ... with the overall ...", "versus the overall figure", "relative to overall".
    [GeneratedRegex(@"\b(?:compare|compares|compared|comparison|versus|vs|against|relative to|stack up)\b.{0,200}?\boverall\b", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex ComparedWithOverallRegex();

    // ", expressed as a percentage,": as a percentage.
    [GeneratedRegex(@",?\s*\bexpressed\s+as\s+(?:a\s+)?(?:percentage|percent|%)(?:\s*,)?", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex ExpressedAsRegex();

    // "the customers we hold", "customers we currently hold on file": the customers on file.
    [GeneratedRegex(@"\s+(?:that\s+|which\s+)?we\s+(?:currently\s+|now\s+)?hold(?:\s+on\s+file)?\b", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex WeHoldRegex();

    // "are flagged in their customer scores as exclusivity seekers": are exclusivity seekers.
    [GeneratedRegex(@"\b(?:are|is)\s+flagged(?:\s+in\s+(?:their|the|its)\s+(?:customer\s+)?scores?)?\s+as\b", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex FlaggedInScoresAsRegex();

    // ", other than those based in (a city),": not in (the city).
    [GeneratedRegex(@",?\s*\bother\s+than\s+(?:those|the\s+ones|customers|people)\s+(?:who\s+are\s+)?(?:based|living|located|who\s+live)\s+in\b", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex OtherThanThoseInRegex();

    // "orders (transaction records)", "orders (that is, individual transaction records)": the orders, defined.
    [GeneratedRegex(@"(?<=\b(?:orders|purchases|transactions))\s*\((?:that is,?\s+|i\.?\s?e\.?,?\s+|meaning\s+)?(?:the\s+)?(?:individual\s+)?(?:transaction\s+records|transactions|rows\s+of\s+transactions|order\s+rows|order\s+records)\)", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex OrdersDefinedRegex();

    // "revenue (the sum of order values)", "total revenue (sum of all order values)": the revenue, defined.
    [GeneratedRegex(@"(?<=\b(?:revenue|sales|spend|turnover))\s*\((?:that is,?\s+|i\.?\s?e\.?,?\s+|meaning\s+)?(?:the\s+)?(?:sum|total)\s+of\s+(?:the\s+|all\s+)?(?:their\s+)?order\s+values?\)", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex RevenueDefinedRegex();

    // "average order value (revenue divided by the number of orders)": the average order value, defined.
    [GeneratedRegex(@"(?<=\b(?:average order value|aov))\s*\((?:that is,?\s+|i\.?\s?e\.?,?\s+|meaning\s+)?(?:the\s+)?(?:revenue|sum\s+of\s+order\s+values|total\s+order\s+value)\s*(?:divided\s+by|/|over)\s*(?:the\s+)?(?:number\s+of\s+orders|order\s+count|orders)\)", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex AverageOrderValueDefinedRegex();

    // "average order value (all their orders)", ", taken over all of the orders they have ever placed,": a customer's
    // own figure over every order, which it is without a range.
    [GeneratedRegex(@"\s*\(\s*(?:(?:over|across|on|from|of|using|for)\s+)?all\s+(?:of\s+)?(?:their|the|its)\s+orders\s*\)|\s*,\s*(?:taken|computed|calculated|measured|worked out)\s+(?:over|across|on|from)\s+all\s+(?:of\s+)?(?:their|the)\s+orders(?:\s+(?:they|it)\s+(?:have\s+|has\s+)?(?:ever\s+)?(?:placed|made))?\s*,", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex OverAllTheirOrdersRegex();

    // "at some point in their history", "across the whole of their history with us", "in their order history": every time.
    [GeneratedRegex(@",?\s+(?:at\s+some\s+point\s+in\s+(?:their|its|the|our)\s+(?:(?:order|purchase)\s+)?history|(?:over|across|in|during|for|throughout)\s+(?:the\s+whole\s+of\s+|the\s+entirety\s+of\s+)?(?:their|its)\s+(?:(?:whole|entire|full)\s+)?(?:(?:order|purchase)\s+)?history(?:\s+with\s+us)?)\b", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex HistoryAsideRegex();

    // "the current calendar year", "the previous calendar month", "this calendar quarter": the period named.
    [GeneratedRegex(@"\b(?:the\s+)?(?:(?:current|present|this)\s+calendar|(?<last>previous|prior|last)\s+calendar|current|present)\s+(?<unit>year|month|quarter|week)\b", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex CalendarPeriodRegex();

    // "for the whole of last month", "during the whole of the previous month": the period itself.
    [GeneratedRegex(@"\b(?:the\s+whole|the\s+entirety)\s+of\s+(?=(?:the\s+)?(?:last|previous|prior|this|current)\s+(?:year|month|quarter|week)\b)", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex WholeOfRegex();

    // "through any acquisition source other than X": the exception is the filter; the words are checked against the
    // layer's breakdowns.
    [GeneratedRegex(@"\b(?:(?:through|from|via|in|on|of|with)\s+)?any\s+(?<words>[A-Za-z]+(?: [A-Za-z]+){0,2}?)\s+(?=(?:other than|except|apart from|besides)\b)", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex AnyExceptRegex();

    // "how many diff custs": different.
    [GeneratedRegex(@"\bdiff\b(?= [a-z])", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex DiffRegex();

    // "which acq source", "acq. channel": acquisition.
    [GeneratedRegex(@"\bacq\b\.?(?= (?:source|channel)s?\b)", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex AcqRegex();
}
