using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace AetherSegment.Analytics;

// Headings, flags, thresholds and behaviour (stop 42, ask40): the words people put around a question that name its topic
// ("Retention: ...", "Win-back - ..."), "at some point", a bracket that restates the units measure ("(sum of quantity, not
// number of orders)"), a label defined by a threshold in brackets ("likely to churn (churn probability above 0.6)"), a
// leading range before "how many" ("In the last 30 days, how many customers ..."). Each is said as the parser already reads
// it, on the raw question (ParseOnce); a question declined after the rewrite is read again as written (ParseOnce).
internal static partial class QuestionParser
{
    /// <summary>The question with its topic heading, "at some point", restated units and bracket-defined labels said plainly.</summary>
    private static string HeadingsAndFlagsSaid(string question, SemanticLayer layer)
    {
        question = TopicHeadingDropped(question, layer);
        if (question.Contains(" point", StringComparison.OrdinalIgnoreCase))
        {
            // "bought <a product> at some point", "have at any point used": any time, as "ever" (a skipped word) reads it.
            question = AtSomePointRegex().Replace(question, " ");
        }

        if (question.Contains("quantit", StringComparison.OrdinalIgnoreCase) && question.Contains('(', StringComparison.Ordinal) && question.Contains("unit", StringComparison.OrdinalIgnoreCase))
        {
            // "units sold ... (sum of quantity, not number of orders)": the units measure said again.
            question = UnitsRestatedRegex().Replace(question, " ");
        }

        if (question.Contains('(', StringComparison.Ordinal))
        {
            question = LabelsDefinedInBrackets(question, layer);
        }

        if (question.Contains('(', StringComparison.Ordinal) && GroupListedRegex().Match(question) is { Success: true } listed && GroupListed(listed, layer) is { } kept)
        {
            // "app events (<a> + <b>)": a group of values restated by its values; the values said once, as "events (<a> + <b>)".
            question = question[..listed.Index] + kept + listed.Groups["noun"].Value + " (" + listed.Groups["list"].Value + ")" + question[(listed.Index + listed.Length)..];
        }

        if (question.Contains(" times", StringComparison.OrdinalIgnoreCase) && question.Contains(" events ", StringComparison.OrdinalIgnoreCase))
        {
            // "started checkout 3+ times", said by the event verbs as "had <type> events 3+ times": that many events.
            question = EventsTimesRegex().Replace(question, m => "had " + (m.Groups["more"].Success ? "more than " : "at least ") + m.Groups["n"].Value + " " + m.Groups["type"].Value + " events");
        }

        if (question.Length > 3 && (question[0] is 'I' or 'i' or 'O' or 'o' or 'D' or 'd' or 'T' or 't' or 'L' or 'l' or 'P' or 'p' or 'F' or 'f' or 'W' or 'w') && LeadingRangeRegex().Match(question) is { Success: true } leading)
        {
            // "In the last 30 days, how many customers searched but never added anything to their cart in that period?": the
            // range said last, once (a range said at the start before the customers was read as a count of events).
            // With a negated part ("... but didn't place any order"), a range said last would be that part's alone: the range
            // goes after the customers counted instead, where it is every part's (stop 62).
            string asked = leading.Groups["q"].Value.TrimEnd();
            question = NegatedPartRegex().IsMatch(asked) && CountedHeadRegex().Match(asked) is { Success: true } head
                ? head.Value + ", " + leading.Groups["range"].Value + "," + asked[head.Length..] + "?"
                : asked + " " + leading.Groups["range"].Value + "?";
        }

        return question;
    }

    // "Retention:", "Quick check -", "Win-back:", "Merchandising review -": a topic heading before a colon or a dash. Dropped
    // only when every word of it is a topic or chatter word and it names no vocabulary (a value, a measure, a breakdown):
    // "<a country>: of the customers ..." keeps its heading.
    private static string TopicHeadingDropped(string question, SemanticLayer layer)
    {
        // The heading ends at the first colon, or at a dash between spaces (a hyphen inside "win-back" is no end), within
        // the first 40 characters.
        int end = Math.Min(question.Length, 40);
        int colon = question.AsSpan(0, end).IndexOfAny(HeadingEnds);
        if (colon < 0)
        {
            return question;
        }

        colon = -1;
        for (int i = 1; i < end && colon < 0; i++)
        {
            char c = question[i];
            colon = c == ':' || (c is '-' or '\u2013' or '\u2014' && (question[i - 1] == ' ' || c != '-') && (i + 1 >= question.Length || question[i + 1] == ' ' || c != '-')) ? i : -1;
        }

        if (colon <= 0)
        {
            return question;
        }

        string heading = question[..colon];
        string normalized = QuestionText.Normalize(heading);
        bool topic = false;
        foreach (string word in normalized.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (TopicWords.Contains(word))
            {
                topic = true;
            }
            else if (!ChatterWords.Contains(word) && !StopWords.Contains(word))
            {
                return question;
            }
        }

        if (!topic)
        {
            return question;
        }

        foreach (LexiconEntry entry in layer.Lexicon.Candidates(normalized))
        {
            if (normalized.Contains(entry.Padded, StringComparison.Ordinal))
            {
                return question;
            }
        }

        string rest = question[(colon + 1)..].TrimStart(' ', '-', '\u2013', '\u2014', ':');
        return rest.Length == 0 ? question : rest;
    }

    private static readonly System.Buffers.SearchValues<char> HeadingEnds = System.Buffers.SearchValues.Create(":-\u2013\u2014");

    // Topic words of a heading: the area a question is about, which names no customers, rows, measure or period. Words that
    // could name a measure ("growth", "conversion", "churn", "performance", "trend") are not here: "Growth: revenue this year"
    // may ask for the change.
    private static readonly FrozenSet<string> TopicWords = new[]
    {
        "retention", "engagement", "loyalty", "merchandising", "merch", "marketing", "finance", "pricing", "promo", "promos",
        "win", "back", "winback", "reactivation", "crm", "ops", "operations", "inventory", "assortment", "behaviour", "behavior",
        "segmentation", "targeting", "insight", "insights", "overview", "snapshot", "health", "check", "sanity", "kpi", "kpis",
        "exec", "summary", "recap", "followup", "follow", "up", "next", "another", "bonus", "deep", "dive", "audit", "planning",
        "quick", "question", "q", "context", "housekeeping", "ecommerce", "cx", "service", "support", "lifecycle", "crosssell",
        "cross", "sell", "upsell", "personalisation", "personalization", "experience", "ux", "product", "team", "review",
    }.ToFrozenSet(StringComparer.Ordinal);

    // "at some point", "at any point", "at one point": any time.
    [GeneratedRegex(@"\s(?:at|in)\s(?:some|any|one)\spoint(?:\sin\stime)?(?=[\s,.?!:;\u2013\u2014-]|$)", RegexOptions.IgnoreCase, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex AtSomePointRegex();

    // "(sum of quantity, not number of orders)", "(total quantity)", "(i.e. the sum of quantity rather than the count of orders)".
    [GeneratedRegex(@"\s*\(\s*(?:i\.?e\.?,?\s*|that is,?\s*)?(?:the\s+)?(?:sum|total)\s+(?:of\s+)?(?:the\s+)?(?:units?\s+|item\s+)?quantit(?:y|ies)(?:\s+(?:sold|ordered|bought))?(?:\s*[,;]?\s*(?:not|rather than|instead of|and not)\s+(?:the\s+)?(?:number|count)\s+of\s+(?:orders|transactions|purchases|order lines))?\s*\)", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex UnitsRestatedRegex();

    // Whether the group before the noun (its two words, or its last) is a group of values whose values are exactly the ones the
    // bracket lists: the words before the group kept ("" or "our "), or null.
    private static string? GroupListed(Match listed, SemanticLayer layer)
    {
        string said = listed.Groups["group"].Value;
        if (GroupListed(said, listed, layer))
        {
            return "";
        }

        int space = said.IndexOf(' ', StringComparison.Ordinal);
        return space > 0 && GroupListed(said[(space + 1)..], listed, layer) ? said[..(space + 1)] : null;
    }

    private static bool GroupListed(string said, Match listed, SemanticLayer layer)
    {
        string group = QuestionText.Normalize(said);
        string a = QuestionText.Normalize(listed.Groups["a"].Value);
        string b = QuestionText.Normalize(listed.Groups["b"].Value);
        foreach (LexiconEntry entry in layer.Lexicon.Candidates(group + a + b))
        {
            if (entry is { Kind: LexiconKind.Filter, Values.Count: 2, FilterDimension: { } level } && entry.Padded == group)
            {
                List<LexiconEntry> values = layer.Lexicon.Candidates(a + b);
                bool Names(string said) => values.Exists(v => v.Kind == LexiconKind.Filter && v.Padded == said && v.Values.Count == 1 && ReferenceEquals(v.FilterDimension, level) && entry.Values.Contains(v.Values[0]));
                return Names(a) && Names(b) && !string.Equals(a, b, StringComparison.Ordinal);
            }
        }

        return false;
    }

    // "app events (<a> + <b>)", "mobile sessions (<a> and <b>)": a group word, a noun, and the group's two values in brackets.
    [GeneratedRegex(@"\b(?<group>[A-Za-z]+(?: [A-Za-z]+)?) (?<noun>[A-Za-z]+) \(\s*(?<list>(?<a>[A-Za-z]+)\s*(?:\+|and|&|/|,|or)\s*(?<b>[A-Za-z]+))\s*\)", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex GroupListedRegex();

    // "had <type> events 3+ times", "... at least 3 times", "... 3 or more times", "... more than 2 times".
    [GeneratedRegex(@"\bhad (?:any )?(?<type>[A-Za-z][A-Za-z ]{0,40}?) events (?:(?<n>\d+) ?(?:\+|or more)|at least (?<n>\d+)|(?<more>more than|over) (?<n>\d+)) times\b", RegexOptions.IgnoreCase, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex EventsTimesRegex();

    // "how many customers", "number of unique shoppers": the head of a count, up to the thing counted.
    [GeneratedRegex(@"^(?:how many|(?:the )?number of)(?: (?:unique|distinct|different|individual))? [a-z]+(?= )", RegexOptions.IgnoreCase, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex CountedHeadRegex();

    // A part said negated: "didn't place", "never added", "haven't ordered", "without buying".
    [GeneratedRegex(@"\b(?:didn'?t|didn\u2019t|did not|never|haven'?t|haven\u2019t|have not|hasn'?t|has not|without|not)\b", RegexOptions.IgnoreCase, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex NegatedPartRegex();

    // "In the last 30 days, how many customers ...", "Over the past 7 days, how many ...": a rolling range said first.
    // Stop 46 (cov57): also "this year, ...", "in 2025, ...", "last 90 days: ...", and "number of" after the range (a range
    // said first before "number of customers who had <type> events" was read as a count of the events).
    [GeneratedRegex(@"^\s*(?<range>(?:in|over|during|for|within) the (?:last|past|previous) \d+ (?:hours|days|weeks|months)|(?:the )?(?:last|past) \d+ (?:hours|days|weeks|months)|(?:(?:in|during|for|over) )?(?:this|last) (?:year|month|quarter|week)|(?:in|during) (?:19|20)\d\d)\s*[,:]\s*(?<q>(?:how many|(?:the )?number of)\b[^?]+?)(?:,?\s+(?:in|during|over|within) (?:that|this|the same|that same) (?:period|time|window|timeframe|time frame|span))?\s*\?*\s*$", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex LeadingRangeRegex();

    /// <summary>
    /// "people who are both likely to churn (churn probability above 0.6) and discount-sensitive (discount sensitivity above
    /// 0.5)": a label whose bracket defines it by a threshold is said as the threshold ("with a churn probability above 0.6").
    /// Only where the label names no value or breakdown (a city before the bracket is kept).
    /// </summary>
    private static string LabelsDefinedInBrackets(string question, SemanticLayer layer)
    {
        if (!LabelDefinedRegex().IsMatch(question))
        {
            return question;
        }

        bool kept = false;
        string text = LabelDefinedRegex().Replace(question, m =>
        {
            string label = QuestionText.Normalize(m.Groups["label"].Value);
            foreach (LexiconEntry entry in layer.Lexicon.Candidates(label))
            {
                if (label.Contains(entry.Padded, StringComparison.Ordinal) && entry.Kind != LexiconKind.Measure)
                {
                    kept = true;
                    return m.Value;
                }
            }

            // The bracket must name its measure ("highly discount sensitive (score over 0.75)" names none: kept as said).
            string definition = QuestionText.Normalize(m.Groups["def"].Value);
            if (!layer.Lexicon.Candidates(definition).Exists(e => e.Kind == LexiconKind.Measure && definition.Contains(e.Padded, StringComparison.Ordinal)))
            {
                kept = true;
                return m.Value;
            }

            return m.Groups["lead"].Value + " with a " + m.Groups["def"].Value;
        });
        if (kept)
        {
            return question;
        }

        return BothWithRegex().Replace(text, " with ");
    }

    // "<label> (<score> <comparison> <number>)", the label right after "are", "both", "and", "who are", a comma.
    [GeneratedRegex(@"(?<lead>(?:^|\s)(?:who are|that are|are|both|and|or|being|,))\s+(?<label>[A-Za-z]+(?:[ -][A-Za-z]+){0,3})\s*\(\s*(?:(?:with|having|i\.?e\.?|meaning|defined as)\s+)?(?:a\s+)?(?<def>[A-Za-z]+(?: [A-Za-z]+){0,2} (?:is )?(?:above|over|below|under|greater than|more than|less than|at least|at most|>=?|<=?) ?\d*\.?\d+)\s*\)", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex LabelDefinedRegex();

    // "who are both with a ... and with a ...": "with a ... and with a ...".
    [GeneratedRegex(@"\s(?:who are|that are|are)?\s*(?:both\s+)?with(?=\s)", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex BothWithRegex();
}
