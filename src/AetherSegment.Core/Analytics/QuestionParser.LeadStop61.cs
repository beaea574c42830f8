using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace AetherSegment.Analytics;

// Stop 61: wordings of the unseen sets blind91-92 the rules declined (docs/analytics.md, "Stop 61").
internal static partial class QuestionParser
{
    /// <summary>
    /// Context said around the question in one sentence (<see cref="ChatterAroundQuestionSaid"/>), and money said without
    /// a number: "total $ sitting in abandoned carts", "total dollar value", "total dollars of orders" are their value.
    /// </summary>
    private static string LeadStop61Said(string question, SemanticLayer layer)
    {
        question = ChatterAroundQuestionSaid(question, layer);
        // "below 20 dollars" is "below $20", as the threshold said before it ("under $20 each (order value below 20 dollars)").
        question = Gated(question, AmountInDollarsRegex(), "$$${n}", "dollar", "usd", "bucks");
        question = question.Contains('$', StringComparison.Ordinal) ? DollarSignAsValueRegex().Replace(question, "${w} value") : question;
        question = Gated(question, DollarValueRegex(), "${w}", "dollar");
        question = Gated(question, RateInPercentAsideRegex(), "${rate} ", "percent", "%", "pct");
        question = Gated(question, CostComparedRegex(), "worth ", "cost");
        question = Gated(question, BothEndsIncludedRegex(), " inclusive", "both ends");
        question = Gated(question, ByRowCountRegex(), "by number of ${n}s", "count");
        question = Gated(question, NotJustRecentRegex(), string.Empty, "recent");
        return Said(question, ["type of", "kind of", "types of", "kinds of"]) ? TypeOfRegex().Replace(question, m => TypeOf(m, layer)) : question;
    }

    // "bottom 3 cities by customer count": ranked by the number of customers.
    [GeneratedRegex(@"\bby (?:the )?(?<n>customer|cust|buyer|order|session|event)s? counts?\b", RegexOptions.IgnoreCase, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex ByRowCountRegex();

    // "(all of them, not just recent)": every row, which is what a question without a range reads.
    [GeneratedRegex(@"\s*\(\s*(?:all of them|all|every one)\s*,?\s*not just (?:the )?(?:recent|latest|new)(?: ones)?\s*\)", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex NotJustRecentRegex();

    // "which type of event", "what kinds of products": "event type", "product type", where the profile names that breakdown.
    private static string TypeOf(Match m, SemanticLayer layer)
    {
        string noun = m.Groups["x"].Value.ToLowerInvariant();
        foreach (string stem in (string[])[noun, noun.TrimEnd('s'), noun.EndsWith("es", StringComparison.Ordinal) ? noun[..^2] : noun])
        {
            HashSet<string> keys = [];
            if (VocabularyMarked(" " + stem + " type ", layer, keys) == " # " && keys.Count == 1 && keys.First().StartsWith("d:", StringComparison.Ordinal))
            {
                return stem + " type";
            }
        }

        return m.Value;
    }

    [GeneratedRegex(@"\b(?:types?|kinds?|sorts?) of (?<x>[a-z]+)\b", RegexOptions.IgnoreCase, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex TypeOfRegex();

    // "the conversion rate, in percent, of ...", "share (as a %)": a rate or share is shown as a percentage anyway.
    [GeneratedRegex(@"(?<rate>\b(?:rate|share|uplift))\s*[,(]\s*(?:in|as an?|as) (?:percent|percentage|%|pct)(?: terms)?\s*[,)]\s*", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex RateInPercentAsideRegex();

    // "orders cost under $20", "orders costing over $500": the order's value compared.
    [GeneratedRegex(@"\b(?:cost|costs|costing|costed) (?=(?:under|over|less than|more than|below|above|at least|at most|between|no more than)\b)", RegexOptions.IgnoreCase, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex CostComparedRegex();

    // "between 0.4 and 0.6 (including both ends)": the bounds included.
    [GeneratedRegex(@"\s*[(,]?\s*(?:including|incl\.?|with|counting) both ends(?: included)?\s*\)?|\s*[(,]?\s*both ends (?:included|inclusive|count|counted)\s*\)?", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex BothEndsIncludedRegex();

    // "20 dollars", "1,500 USD", "50 bucks": an amount written with its currency after it.
    [GeneratedRegex(@"(?<![$\d.,])(?<n>\d[\d,]*(?:\.\d+)?)\s?(?:dollars|dollar|usd|bucks)\b", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex AmountInDollarsRegex();

    // "total $ sitting in carts", "the sum $ of": the sign said for the value, with no amount after it.
    [GeneratedRegex(@"\b(?<w>total|sum)\s*\$(?=\s+(?!amount|value|figure|total)[a-z])", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex DollarSignAsValueRegex();

    // "total dollar value", "dollar amount", "total dollars of orders": the value.
    [GeneratedRegex(@"\b(?:dollar (?<w>value|amount|total|worth)|(?<w>total) dollars)\b", RegexOptions.IgnoreCase, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex DollarValueRegex();

    /// <summary>
    /// Who asks and what for, said in the same sentence as the question: "My manager asked me how many ...", "Marketing wants
    /// to know how many ...", "For the weekly update I need the number of ...", and after it: "..., for a product team
    /// meeting.". The words before the question's head (or the clause after its last comma) are dropped only when every one
    /// of them is a stop word or a word of context (<see cref="ChatterWords"/>), at least one is a word of context, none
    /// restricts (<see cref="RestrictingWords"/>), and they hold no number and no vocabulary: "For US customers, how many
    /// ..." keeps its opener.
    /// </summary>
    private static string ChatterAroundQuestionSaid(string question, SemanticLayer layer)
    {
        if (QuestionHeadRegex().Match(question) is { Success: true, Index: > 0 } head && OnlyContext(question[..head.Index], layer))
        {
            question = question[head.Index..];
        }

        if (Said(question, [", for ", ", as ", " - for ", "its for", "it's for", "it is for", "this is for", "need it for", "needed it for"])
            && TrailingPurposeRegex().Match(question) is { Success: true } tail && OnlyContext(tail.Groups["purpose"].Value, layer))
        {
            question = question[..tail.Index] + tail.Groups["end"].Value;
        }

        // "... at least 0.8? My manager thinks it's a worrying number.", "... in the last 7 days? sales team wants to chase them".
        if (TrailingSentenceRegex().Match(question) is { Success: true, Index: > 0 } sentence && OnlyContext(sentence.Groups["s"].Value, layer, answerNouns: true))
        {
            question = question[..sentence.Index];
        }

        if (Said(question, [" you "]) && TrailingRequestRegex().Match(question) is { Success: true, Index: > 0 } request)
        {
            question = question[..request.Index] + request.Groups["end"].Value;
        }

        return question;
    }

    // Words that only lead into a question ("so I need to know", "can you tell me").
    private static readonly FrozenSet<string> LeadWords = FrozenSet.ToFrozenSet(
        ["i", "me", "my", "we", "our", "us", "you", "your", "to", "know", "need", "so", "and", "for", "a", "an", "the", "it", "its", "is", "this", "that", "here", "new", "just", "like", "love"],
        StringComparer.Ordinal);

    // Whether a text holds a number or a phrase of the vocabulary (a value, a measure, a breakdown): words that may restrict.
    private static bool SaysNumberOrVocabulary(string normalized, SemanticLayer layer)
    {
        if (normalized.Any(char.IsAsciiDigit))
        {
            return true;
        }

        HashSet<string> keys = [];
        _ = VocabularyMarked(normalized, layer, keys);
        return keys.Count > 0;
    }

    // Whether a stretch of the question is only context: stop words, lead words and words of context, at least one of
    // those, no restricting word, no number and no vocabulary phrase.
    private static bool OnlyContext(string text, SemanticLayer layer, bool answerNouns = false)
    {
        // "the weekly update", "a product team meeting": a period or a subject said of the context, not of the data.
        string normalized = ContextNounQualifierRegex().Replace(QuestionText.Normalize(text), " ");
        if (SaysNumberOrVocabulary(normalized, layer))
        {
            return false;
        }

        bool context = false;
        foreach (string word in normalized.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            // In a sentence after the question, "number" and "figure" are the answer ("it's a worrying number").
            if (answerNouns && word is "number" or "figure" or "count" or "answer" or "them" or "it")
            {
                continue;
            }

            if (RestrictingWords.Contains(word) || ContextNegationWords.Contains(word))
            {
                return false;
            }

            if (StopWords.Contains(word) || LeadWords.Contains(word))
            {
                continue;
            }

            if (!ChatterWords.Contains(word))
            {
                return false;
            }

            context = true;
        }

        return context;
    }

    private static readonly FrozenSet<string> ContextNegationWords = FrozenSet.ToFrozenSet(["not", "no", "never", "without", "except", "excluding", "exclude", "nor", "none", "didnt", "dont", "doesnt", "havent", "hasnt", "wasnt", "werent"], StringComparer.Ordinal);

    // A word of period or subject right before a noun of context: "weekly update", "product team", "marketing meeting".
    [GeneratedRegex(@"(?<= )[a-z]+ (?=(?:update|updates|report|reports|review|deck|meeting|meetings|sync|call|email|newsletter|recap|summary|pack|slide|slides|team|teams|lead|manager|presentation|dashboard|standup)(?= ))", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex ContextNounQualifierRegex();

    // "... via paid search. can you pull the number?": a last sentence that only asks for the answer.
    [GeneratedRegex(@"(?:(?<=[.?!])\s+|\s*,\s*)(?:(?:so |and )?(?:can|could|would) you (?:please |just |quickly )?(?:(?:pull|give|get|send|share|grab|tell|check|find)(?: me| us)? (?:the|that|this|a) (?:number|count|figure|total|answer|numbers|figures)(?: for me)?|check|confirm|double check|check that|check this|look)(?: please| pls| thanks| for me)?)(?<end>[?.!]*)\s*$", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex TrailingRequestRegex();

    // The last sentence after the question ("My manager thinks it's a worrying number."), without its end mark.
    [GeneratedRegex(@"(?<=[?.!])\s+(?<s>[^?.!]{3,120})[?.!]*\s*$", RegexOptions.None, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex TrailingSentenceRegex();

    // Where the question itself starts: "how many", "how much", "what", "which", "the number of", "the total", "the average".
    [GeneratedRegex(@"(?<=[\s,;:]|^)(?:how many|how much|what|which|the (?:number|count|total|average|share|percentage) of|the (?:top|bottom|uplift|conversion rate|average|total|biggest|highest|lowest) )(?![a-z])", RegexOptions.IgnoreCase, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex QuestionHeadRegex();

    // "..., for a product team meeting.", "... - its for a quick status email": a last clause saying what the answer is for.
    [GeneratedRegex(@"(?:\s*(?:,|\s[-\u2013\u2014])|(?<=[?.!]))\s*(?<purpose>(?:for|as|its for|it's for|it is for|this is for|(?:i )?need it for|(?:i )?needed it for|needed for)\s[^,?.!;:]{1,80})(?<end>[?.!]*)\s*$", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex TrailingPurposeRegex();

    private static readonly string[] VersusWords = [" vs ", " versus ", " compared with ", " compared to ", " relative to ", " as opposed to "];

    /// <summary>
    /// "average order value for &lt;A&gt; vs overall", "revenue from &lt;A&gt; vs revenue from &lt;B&gt;" (two dimensions): two figures
    /// compared, read as one figure over one set of rows (the part alone, or both values at once). A reading with "vs" and
    /// nothing that compares (no breakdown, second period, ratio, share or growth; a campaign's treatment and control groups
    /// are compared by the uplift itself) is declined with what was read; null when
    /// the reading stays.
    /// </summary>
    private static string? VersusReadAsOne(string lower, AnalyticsQuery query)
    {
        if (query is not { Dimension: null, ComparedTime: null, FilterRatio: null, Ratio: null, Share: false, ShareWhole: null, Growth: false, GrowthPercent: false, PerPeriod: null }
            || (query.Filters.Count == 0 && query.Conditions.Count == 0))
        {
            return null;
        }

        string normalized = " " + lower.Replace('.', ' ').Replace(',', ' ') + " ";
        string? said = Array.Find(VersusWords, w => normalized.Contains(w, StringComparison.Ordinal));
        // "treatment vs control": a campaign's two groups, which an uplift or a group's measure compares itself.
        if (said is null || Said(normalized, ["treatment", "control", "holdout", "hold-out", "treated"]))
        {
            return null;
        }

        string read = query.Filters.Count > 0 ? string.Join(" and ", query.Filters.Select(f => f.Phrase)) : "the customers' conditions";
        return $"\"{said.Trim()}\" compares two figures, but I read one ({query.Measure.Label} for {read}); ask for each figure on its own, or compare values of one kind, as in \"{query.Measure.Label} by category\"";
    }
}
