using System.Text.RegularExpressions;

namespace AetherSegment.Analytics;

/// <summary>
/// A count of the different values of a breakdown (stop 62): "how many different cities do our customers live in", "number of
/// distinct categories bought in the last 30 days", "how many product types sold more than 2,000 units". The question is
/// read as the list it counts ("which cities do our customers live in") and answered with the number of rows of that list;
/// the list alone never answers a "how many" of its values.
/// </summary>
internal static partial class QuestionParser
{
    /// <summary>
    /// The reading of a question that asks how many values of a breakdown there are (<paramref name="counted"/> names it),
    /// or null when it does not ask that, or its list is not read apart from the question as asked: then the question is
    /// read as usual and <see cref="CountedValues"/> counts the rows of that reading (a "different" said is left unplaced).
    /// </summary>
    private static ParsedQuestion? CountOfValuesRead(string question, SemanticLayer layer, IReadOnlyList<string>? campaignNames, IReadOnlyList<string>? campaignIds, out DimensionDefinition? counted)
    {
        counted = null;
        // "the average number of different categories per customer" is a statistic of each customer's count, read elsewhere.
        if (!Said(question, ["many", "number", "count", "no."]) || Said(question, ["average", "mean", "avg", "median", "typical", " per ", "each customer", "each buyer", "every customer"])
            || CountOfValuesRegex().Match(question) is not { Success: true } asked
            || CountedBreakdown(question[asked.Groups["w"].Index..], layer) is not { } dimension)
        {
            return null;
        }

        // "which cities do our customers live in": the list counted, read as a question of its own; else the question without
        // "different" ("number of countries": the customers by country, counted there).
        counted = dimension;
        string list = string.Concat(question.AsSpan(0, asked.Index), "which ", question.AsSpan(asked.Groups["w"].Index));
        string plain = asked.Groups["d"].Success ? question.Remove(asked.Groups["d"].Index, asked.Groups["d"].Length) : question;
        // A list that still asks "how many" would be read here again: it is not tried.
        string[] texts = CountOfValuesRegex().IsMatch(list) ? [plain] : [list, plain];
        foreach (string text in texts)
        {
            if (!ReferenceEquals(text, question)
                && CountedValues(Read(text, layer, campaignNames, campaignIds, reasonNeeded: false), dimension) is { } values)
            {
                return values;
            }
        }

        // "how many different product names have been sold in (a category)": a value sold is a value ordered, the values
        // counted those with any buyers (stop 63; "sold" alone names no measure, "sold more than 150 units" does).
        return !ReferenceEquals(plain, question) && SoldRegex().IsMatch(plain)
            && CountedValues(Read(SoldRegex().Replace(plain, "ordered"), layer, campaignNames, campaignIds, reasonNeeded: false), dimension) is { } ordered
            ? ordered
            : null;
    }

    [GeneratedRegex(@"\bsold\b", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex SoldRegex();

    /// <summary>
    /// The reading's rows counted, when it is the list of <paramref name="counted"/>'s values and nothing else, and the list
    /// can be made (customers are not split by a breakdown of their purchases); else null.
    /// </summary>
    private static ParsedQuestion? CountedValues(ParsedQuestion parsed, DimensionDefinition counted) => parsed is
    {
        Status: AnalyticsAnswerStatus.Answered,
        Query: { Limit: null, Share: false, Ratio: null, FilterRatio: null, ComparedTime: null, Statistic: null, PerPeriod: null, Growth: false, WithinGroups: false } query,
    } && query.Dimension?.Key == counted.Key && (counted.OnCustomers || query.Measure.Fact != Profiles.EntityKind.Customers)
        ? parsed with { Query = query with { CountOfValues = true, Sort = AnalyticsSort.Default } }
        : null;

    // The breakdown the words after "how many" name, from the longest of their first three words: one breakdown of the
    // vocabulary, and no measure ("how many campaigns" counts campaigns as the measure it is).
    private static DimensionDefinition? CountedBreakdown(string words, SemanticLayer layer)
    {
        string[] said = QuestionText.Normalize(words).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (int n = Math.Min(3, said.Length); n > 0; n--)
        {
            string phrase = " " + string.Join(' ', said, 0, n) + " ";
            HashSet<string> keys = [];
            if (VocabularyMarked(phrase, layer, keys) == " # " && keys.Count == 1 && keys.First() is { } key && key.StartsWith("d:", StringComparison.Ordinal)
                && !layer.Lexicon.Candidates(phrase).Exists(e => e.Kind == LexiconKind.Measure && phrase.Contains(e.Padded, StringComparison.Ordinal))
                && !layer.Measures.Any(m => phrase == " " + m.Label + " " || m.Synonyms.Any(w => phrase == " " + w + " ")))
            {
                return layer.Dimension(key[2..]);
            }
        }

        return null;
    }

    // "how many different", "what's the number of distinct", "count of unique", "no. of": the words that ask for a number of
    // the things named next; "w" is from those things to the end.
    [GeneratedRegex(@"(?:\b(?:what(?:'s|\u2019s| is| are)|tell me|give me|show me|get me|i need|we need)\s+)?(?:\bhow many|\b(?:the\s+)?(?:total\s+)?(?:number|count|no\.?) of)\s+(?<d>(?:different|distinct|unique|separate)\s+)?(?<w>[a-z])", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex CountOfValuesRegex();
}
