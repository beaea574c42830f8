using System.Text.RegularExpressions;
using AetherSegment.Vocabulary;

namespace AetherSegment.Analytics;

// Stop 53: wordings of the unseen sets blind72-74 (docs/analytics.md, "Stop 53").
internal static partial class QuestionParser
{
    /// <summary>
    /// "mobile devices (ios plus android)": two values of one dimension joined by "plus" are one filter on either value,
    /// as "ios or android" reads; "plus" between anything else (a measure, an amount) is left as it is.
    /// </summary>
    private static string ValuesPlusSaid(string question, SemanticLayer layer)
    {
        if (question.IndexOf(" plus ", StringComparison.OrdinalIgnoreCase) < 0)
        {
            return question;
        }

        return ValuesPlusRegex().Replace(question, m =>
            JoinsValuesOfOneDimension(m.Groups["a"].Value, m.Groups["b"].Value, layer) ? $"{m.Groups["a"].Value} or {m.Groups["b"].Value}" : m.Value);
    }

    // Whether the last words of <paramref name="before"/> and the first words of <paramref name="after"/> are each a value
    // of the same dimension (one or two words each), and not the same value.
    private static bool JoinsValuesOfOneDimension(string before, string after, SemanticLayer layer)
    {
        LexiconEntry? left = ValueNamed(before.ToLowerInvariant(), layer, last: true);
        LexiconEntry? right = ValueNamed(after.ToLowerInvariant(), layer, last: false);
        return left is not null && right is not null && left.FilterDimension is not null
            && ReferenceEquals(left.FilterDimension, right.FilterDimension) && !left.Values.SequenceEqual(right.Values);
    }

    private static LexiconEntry? ValueNamed(string words, SemanticLayer layer, bool last)
    {
        string[] split = words.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (int n = Math.Min(2, split.Length); n >= 1; n--)
        {
            string phrase = string.Join(' ', last ? split[^n..] : split[..n]);
            foreach (LexiconEntry entry in layer.Lexicon.Candidates(phrase))
            {
                if (entry.Kind == LexiconKind.Filter && !entry.Group && entry.Phrase == phrase)
                {
                    return entry;
                }
            }
        }

        return null;
    }

    // "<one or two words> plus <one or two words>", the words letters, digits and hyphens.
    [GeneratedRegex(@"(?<a>[A-Za-z][\w-]*(?: [A-Za-z][\w-]*)?) plus (?<b>[A-Za-z][\w-]*(?: [A-Za-z][\w-]*)?)", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex ValuesPlusRegex();

    /// <summary>
    /// Asides that say no restriction: "(a product type, any country)", "at any point", "all-time", "over the whole
    /// history", "all devices added together", and "strictly" before a comparison ("strictly over 0.7" is what "over 0.7"
    /// reads). They are dropped before the reading, so "any" before a breakdown word is never read as a breakdown by it (blind75 read
    /// "any country" as "for each country").
    /// </summary>
    private static string NoRestrictionSaid(string question, SemanticLayer layer)
    {
        if (question.Contains("any ", StringComparison.OrdinalIgnoreCase))
        {
            // After a negation ("never been in any campaign", "not bought in any category") "any" is what is negated: kept.
            string asked = question;
            question = AnyDimensionRegex().Replace(question, m => !NegatedBeforeRegex().IsMatch(asked[..m.Index]) && DimensionWords(m.Groups["words"].Value, layer) is int n and > 0
                ? string.Join(' ', m.Groups["words"].Value.Split(' ')[n..]) is { Length: > 0 } rest ? " " + rest : string.Empty
                : m.Value);
        }

        if (question.Contains("all ", StringComparison.OrdinalIgnoreCase))
        {
            question = AllDimensionTogetherRegex().Replace(question, m => DimensionWords(m.Groups["words"].Value, layer) == m.Groups["words"].Value.Split(' ').Length ? string.Empty : m.Value);
        }

        return NoRestrictionAsideRegex().Replace(question, string.Empty);
    }

    // How many of the first words (one to three) name a breakdown of the layer ("country", "product type"), or 0. A plural
    // ("countries", "devices") names it too.
    private static int DimensionWords(string words, SemanticLayer layer)
    {
        string[] split = words.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (int n = Math.Min(3, split.Length); n >= 1; n--)
        {
            string phrase = string.Join(' ', split[..n]);
            foreach (LexiconEntry entry in layer.Lexicon.Candidates(phrase))
            {
                if (entry.Kind == LexiconKind.Dimension && (entry.Phrase == phrase || LanguageWords.Plural(entry.Phrase) == phrase))
                {
                    return n;
                }
            }
        }

        return 0;
    }

    // "(in|from|across|...) any <one to three words>": the words are checked against the layer's breakdowns.
    [GeneratedRegex(@"(?<=[(,;:\u2013\u2014-])\s*(?:(?:in|from|on|across|over|for|of|at|to)\s+)?any\s+(?<words>[A-Za-z]+(?: [A-Za-z]+){0,2})", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex AnyDimensionRegex();

    // "(across|over|on|in|from|for) all <a breakdown, plural> added together / combined / together / in total".
    [GeneratedRegex(@"(?:,?\s+|(?<=\())(?:(?:across|over|on|in|from|for)\s+)?all\s+(?<words>[A-Za-z]+(?: [A-Za-z]+){0,2}?)\s+(?:added together|added up|summed|combined|together|in total)\b", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex AllDimensionTogetherRegex();

    // "at any point (in time)", "any time", "anytime", "any date", "(over) the whole/entire (order) history", "all-time" and
    // "all time" at the end of a clause (not "an all-time order total", a customer's total); "strictly" before a comparison.
    [GeneratedRegex(@",?(?:\s+|(?<=\())(?:(?:at|from|over|in|for|across)\s+)?(?:any ?time|any dates?|any point(?: in time)?|all[- ]time(?=\s*(?:[),.;:?!]|$))|(?:the |our )?(?:whole|entire|full) (?:(?:event|order|purchase|transaction|sales) )?history)\b|\bstrictly\s+(?=(?:over|above|more|greater|under|below|less|higher|lower|after|before)\b)", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex NoRestrictionAsideRegex();

    /// <summary>
    /// "orders worth more than $1,500 (order value strictly above 1500)": a threshold said again in brackets, the same
    /// comparison on the same number as one said before it, is dropped; read, it was a second condition (on the customers'
    /// average order value). An aside with another comparison or another number is left to the reading.
    /// </summary>
    private static string ThresholdSaidAgain(string question)
    {
        if (question.IndexOf('(', StringComparison.Ordinal) < 0)
        {
            return question;
        }

        return ThresholdAsideRegex().Replace(question, m =>
        {
            string before = question[..m.Index];
            string number = m.Groups["n"].Value.Replace(",", string.Empty, StringComparison.Ordinal);
            foreach (Match said in RestatedComparisonRegex().Matches(before))
            {
                if (said.Groups["n"].Value.Replace(",", string.Empty, StringComparison.Ordinal) == number
                    && RestatedComparisonKind(said.Groups["c"].Value) == RestatedComparisonKind(m.Groups["c"].Value))
                {
                    return string.Empty;
                }
            }

            return m.Value;
        });
    }

    // "more than", "over", "above", ...: '>'; "at least": '≥'; "under", "below", "less than": '<'; "at most": '≤'.
    private static char RestatedComparisonKind(string words) => words.ToLowerInvariant() switch
    {
        "at least" or ">=" or "no less than" => 'G',
        "at most" or "<=" or "no more than" or "up to" => 'L',
        var w when w is "under" or "below" or "<" || w.StartsWith("less", StringComparison.Ordinal) || w.StartsWith("lower", StringComparison.Ordinal) || w.StartsWith("fewer", StringComparison.Ordinal) => '<',
        _ => '>',
    };

    private const string RestatedComparisonWords = @"(?<c>more than|greater than|higher than|over|above|exceeding|>=|>|at least|no less than|at most|no more than|up to|under|below|less than|lower than|fewer than|<=|<)";

    // A comparison on a number: "more than $1,500", "at least 3".
    [GeneratedRegex(RestatedComparisonWords + @"\s+\$?(?<n>[0-9][0-9,]*(?:\.[0-9]+)?)\b", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex RestatedComparisonRegex();

    // "(order value strictly above 1500)", "(i.e. value > $1,500)": a bracket holding only a few measure words, a comparison
    // and a number.
    [GeneratedRegex(@"\s*\(\s*(?:i\.?e\.?,?\s+|so\s+|that is,?\s+)?(?:(?:the|each|its|their|an?|order|orders|cart|carts|line|value|total|amount|spend|spent|quantity|units|items|price|score|probability|sensitivity)\s+){0,3}(?:is\s+|was\s+|of\s+)?(?:strictly\s+)?" + RestatedComparisonWords + @"\s+\$?(?<n>[0-9][0-9,]*(?:\.[0-9]+)?)\s*\)", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex ThresholdAsideRegex();

    // A negation word: "never", "not", "no", "none", "without", "neither", "nor", a "-n't" verb (also without its apostrophe).
    [GeneratedRegex(@"\b(?:never|not|no|none|nothing|without|neither|nor|cannot|(?:don|doesn|didn|haven|hasn|hadn|isn|aren|wasn|weren|won|can|couldn|wouldn)['\u2019]?t)\b", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex NegatedBeforeRegex();
}
