using System.Globalization;
using System.Text.RegularExpressions;
using AetherSegment.Profiles;
using AetherSegment.Vocabulary;

namespace AetherSegment.Analytics;

// Stop 54: wordings of the unseen sets blind72-76 that the rules declined (docs/analytics.md, "Stop 54").
internal static partial class QuestionParser
{
    /// <summary>
    /// Wordings said in another way than the reading knows, each rewritten into the one it reads:
    /// "shopped on / visited us on / were active on &lt;a value recorded only on events&gt;" is "had events on" it ("used
    /// both" with "both"); "&lt;a&gt;, &lt;b&gt; and &lt;c&gt; combined" (values of one dimension) is "&lt;a&gt; or &lt;b&gt; or
    /// &lt;c&gt;", one total; "roughly" or "approximately" not before a number, and a clause-final "altogether", are
    /// dropped (the answer is exact); "the headcount" is "the count"; "at least ten times" is "at least 10 times"; carts
    /// that "had three items" had exactly 3.
    /// </summary>
    private static string LeadStop54Said(string question, SemanticLayer layer)
    {
        question = OnEventsOnlyValueSaid(question, layer);
        question = ValuesCombinedSaid(question, layer);
        question = ApproximatelyRegex().Replace(question, string.Empty);
        question = AltogetherRegex().Replace(question, string.Empty);
        question = HeadcountRegex().Replace(question, "count");
        question = CountWordTimesRegex().Replace(question, m => LanguageWords.TryReadCountWord(m.Groups["w"].Value.ToLowerInvariant(), out int n)
            ? $"{m.Groups["c"].Value} {n.ToString(CultureInfo.InvariantCulture)} times"
            : m.Value);
        question = ColumnInWordsSaid(question, layer);
        question = ArmRatesMinusRegex().Replace(question, "treatment conversion rate minus control conversion rate");
        question = IncrementalLiftRegex().Replace(question, "${lift}");
        question = KeyAskedAfterSaid(question, layer);
        question = TreatmentAsidesSaid(question);
        question = CartLeftBehindRegex().Replace(question, "abandoned");
        question = EventsDoneSaid(question, layer);
        question = LogsTheMostRegex().Replace(question, "${w} has the most");
        if (CartWordRegex().IsMatch(question))
        {
            question = ItemsHeldRegex().Replace(question, m => $"{m.Groups["v"].Value} exactly {m.Groups["n"].Value} {m.Groups["items"].Value}");
        }

        return question;
    }

    /// <summary>
    /// "Among &lt;a place&gt; customers, which device logs the most &lt;an event type&gt;?": the customers only frame where the events
    /// happened, so the events are counted (a count of customers cannot be split by a breakdown recorded on events, and was
    /// declined). Only when "customers" is said once, after "among", "for", "by" or "from", no other word for people is
    /// said, the breakdown lives only on events, and a filter is on events only ("&lt;an event type&gt; uses").
    /// </summary>
    private static ParsedQuestion CustomersOnlyFramed(string question, ParsedQuestion parsed, SemanticLayer layer)
    {
        if (parsed is not { Status: AnalyticsAnswerStatus.Answered, Query: { Dimension: { OnCustomers: false, IsTime: false } dimension } query }
            || !ReferenceEquals(query.Measure, layer.CustomerCount) || query.Conditions.Count > 0 || query.Share || query.Ratio is not null
            || dimension.Columns.Count == 0 || !dimension.Columns.All(c => c.Fact == EntityKind.Events)
            || layer.Measure("events") is not { Fact: EntityKind.Events } events
            || !query.Filters.Any(f => !f.Negated && layer.Dimension(f.Dimension) is { } named && named.Columns.All(c => c.Fact == EntityKind.Events))
            || PeopleWordRegex().Count(question) != 1 || !CustomersFramedRegex().IsMatch(question))
        {
            return parsed;
        }

        return parsed with { Query = query with { Measure = events } };
    }

    /// <summary>
    /// "both the &lt;A&gt; and the &lt;B C&gt; campaigns", where "&lt;A C&gt;" and "&lt;B C&gt;" are both campaign names: the
    /// shared end said once is said for each ("the &lt;A C&gt; and the &lt;B C&gt; campaigns"). Only names from the data's
    /// own campaign list are completed.
    /// </summary>
    private static string SharedCampaignEndSaid(string question, IReadOnlyList<string>? campaignNames)
    {
        if (campaignNames is not { Count: > 1 } || question.IndexOf(" and ", StringComparison.OrdinalIgnoreCase) < 0 && question.IndexOf(" or ", StringComparison.OrdinalIgnoreCase) < 0)
        {
            return question;
        }

        foreach (string later in campaignNames)
        {
            int at = question.IndexOf(later, StringComparison.OrdinalIgnoreCase);
            if (at <= 0)
            {
                continue;
            }

            string[] words = later.Split(' ');
            for (int k = 1; k < words.Length; k++)
            {
                string end = " " + string.Join(' ', words[k..]);
                string before = question[..at];
                foreach (string earlier in campaignNames)
                {
                    if (earlier.Length <= end.Length || !earlier.EndsWith(end, StringComparison.OrdinalIgnoreCase) || earlier.Equals(later, StringComparison.OrdinalIgnoreCase))
                    {
                        continue;
                    }

                    string start = earlier[..^end.Length];
                    foreach (string joint in (string[])[" and the ", " and ", " or the ", " or "])
                    {
                        if (before.EndsWith(start + joint, StringComparison.OrdinalIgnoreCase))
                        {
                            int cut = before.Length - joint.Length;
                            return string.Concat(question.AsSpan(0, cut), end, question.AsSpan(cut));
                        }
                    }
                }
            }
        }

        return question;
    }

    // "checkouts were started", "searches did people run": the events of a type said with a verb that only says they
    // happened ("checkouts", "searches" are the events); "sessions started" stays as it is (a session's start is its own
    // measure).
    private static string EventsDoneSaid(string question, SemanticLayer layer) =>
        !Said(question, ["start", "run", "ran", "perform", "make", "made", "carr", "conduct"]) ? question : EventsDoneRegex().Replace(question, m =>
            ValueNamed(m.Groups["ev"].Value.ToLowerInvariant(), layer, last: true) is { FilterDimension: { } dimension }
            && dimension.Columns.Count > 0 && dimension.Columns.All(c => c.Fact == EntityKind.Events)
                ? m.Groups["who"].Success ? $"{m.Groups["ev"].Value} did {m.Groups["who"].Value} do" : m.Groups["ev"].Value
                : m.Value);

    // Asides that say again what a treatment-group figure already is, dropped where the treatment group is said: "(holdouts
    // don't count)", "(converted customers over treated customers)" after a conversion rate, "(non-converters included)"
    // or "(total treatment revenue divided by the number of treatment customers)" after "per treated customer".
    private static string TreatmentAsidesSaid(string question)
    {
        if (!TreatmentSaidRegex().IsMatch(question))
        {
            return question;
        }

        question = HoldoutsDontCountRegex().Replace(question, string.Empty);
        if (question.Contains("conversion rate", StringComparison.OrdinalIgnoreCase))
        {
            question = ConvertedOverTreatedRegex().Replace(question, string.Empty);
        }

        return PerTreatedSaidRegex().IsMatch(question) ? PerTreatedDefinedRegex().Replace(question, string.Empty) : question;
    }

    // "Which <a dimension> had the biggest lift? give the <a dimension> id (and the lift)": the ranking keyed by the
    // dimension's id, when "<a dimension> id" is a breakdown of the layer and the measure named after "and the" was said
    // before ("which <a dimension> id had the biggest lift").
    private static string KeyAskedAfterSaid(string question, SemanticLayer layer)
    {
        if (KeyAskedAfterRegex().Match(question) is not { Success: true } asked)
        {
            return question;
        }

        string dimension = asked.Groups["dim"].Value;
        string key = $"{dimension} {asked.Groups["attr"].Value.TrimEnd('s', 'S')}";
        string before = question[..asked.Index];
        if (DimensionWords(key, layer) != 2 || DimensionWords(dimension, layer) != 1
            || (asked.Groups["m"].Success && before.IndexOf(asked.Groups["m"].Value.Trim(), StringComparison.OrdinalIgnoreCase) < 0)
            || WhichDimensionRegex().Match(before) is not { Success: true } which
            || !which.Groups["dim"].Value.Equals(dimension, StringComparison.OrdinalIgnoreCase))
        {
            return question;
        }

        int at = which.Index + which.Length;
        return $"{before[..at]} {asked.Groups["attr"].Value.TrimEnd('s', 'S')}{before[at..]}{asked.Groups["end"].Value}";
    }

    // "(item count of 3 or more)": a size column said in words in a bracket, written as its column
    // ("(<item count column> >= 3)"), which the bracket restating a size reads (QuestionParser.SizesRestated.cs).
    private static string ColumnInWordsSaid(string question, SemanticLayer layer)
    {
        if (question.IndexOf('(', StringComparison.Ordinal) < 0)
        {
            return question;
        }

        SizeColumns columns = SizeColumns.Of(layer);
        return ColumnBoundRegex().Replace(question, m =>
        {
            string said = m.Groups["col"].Value.ToLowerInvariant().Replace(' ', '_');
            if (said != columns.ItemCount && said != columns.Duration)
            {
                return m.Value;
            }

            string op = m.Groups["more"].Success ? ">=" : m.Groups["fewer"].Success ? "<=" : m.Groups["op"].Value.ToLowerInvariant() switch
            {
                "at least" or "no fewer than" or "no less than" => ">=",
                "more than" or "over" or "above" => ">",
                "at most" or "no more than" or "up to" => "<=",
                "under" or "below" or "less than" or "fewer than" => "<",
                _ => "=",
            };
            return $" ({said} {op} {m.Groups["n"].Value})";
        });
    }

    // "shopped on both <a> and <b>" → "used both <a> and <b>"; "visited us on <a>" → "had events on <a>", where <a> is a
    // value of a dimension recorded on events only (customers are not split by it, their events are).
    private static string OnEventsOnlyValueSaid(string question, SemanticLayer layer) =>
        ActiveOnRegex().Replace(question, m =>
        {
            string after = question[(m.Index + m.Length)..];
            int end = after.IndexOfAny([',', '.', '?', '!', ';', ')', '(']);
            string words = (end < 0 ? after : after[..end]).Trim();
            return ValueNamed(words.ToLowerInvariant(), layer, last: false) is { FilterDimension: { } dimension }
                && dimension.Columns.Count > 0 && dimension.Columns.All(c => c.Fact == EntityKind.Events)
                ? m.Groups["both"].Success ? " used both " : " had events on "
                : m.Value;
        });

    // "in <a>, <b> and <c> combined": when every listed part is a value of one dimension, "<a> or <b> or <c>".
    private static string ValuesCombinedSaid(string question, SemanticLayer layer)
    {
        if (!CombinedWordRegex().IsMatch(question))
        {
            return question;
        }

        return ValuesCombinedRegex().Replace(question, m =>
        {
            string[] parts = ListSeparatorRegex().Split(m.Groups["list"].Value);
            if (parts.Length < 2)
            {
                return m.Value;
            }

            // The first part may carry words before the value ("in <a>"); the others are values alone.
            LexiconEntry? first = ValueNamed(parts[0].ToLowerInvariant(), layer, last: true);
            if (first?.FilterDimension is not { } dimension)
            {
                return m.Value;
            }

            for (int i = 1; i < parts.Length; i++)
            {
                string part = parts[i].Trim().ToLowerInvariant();
                if (ValueNamed(part, layer, last: false) is not { } entry || entry.Phrase != part || !ReferenceEquals(entry.FilterDimension, dimension))
                {
                    return m.Value;
                }
            }

            return string.Join(" or ", parts.Select(p => p.Trim()));
        });
    }

    // "shopped on", "visited us on"; "were active on", "been on" after the people ("customers who were on"; "sessions were on"
    // is not this).
    [GeneratedRegex(@"\s+(?:shopped|shops|shop|shopping|visited(?: us)?|visits(?: us)?|visit(?: us)?|browsed|browsing|(?<=\b(?:who|customers|people|users|shoppers|buyers|they)(?: have| had| ever| have ever)?\s+)(?:(?:been|were|was|are|is) active|active|been|were|was))\s+on\s+(?<both>both\s+)?", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex ActiveOnRegex();

    [GeneratedRegex(@"\b(?:combined|altogether|added together|put together)\b", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex CombinedWordRegex();

    // "<one or two words>, <one or two words>(,) and|or|& <one or two words> combined|together|altogether".
    [GeneratedRegex(@"(?<list>[A-Za-z][\w-]*(?: [A-Za-z][\w-]*)?(?:, ?[A-Za-z][\w-]*(?: [A-Za-z][\w-]*)?)*,? (?:and|or|&) [A-Za-z][\w-]*(?: [A-Za-z][\w-]*)?) (?:combined|altogether|added together|put together|together)\b", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex ValuesCombinedRegex();

    [GeneratedRegex(@",\s*(?:and\s+|or\s+|&\s+)?|\s+(?:and|or|&)\s+", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex ListSeparatorRegex();

    // "roughly", "approximately", "ballpark", "more or less" (with a "just" before them) where no number follows: the answer is exact.
    [GeneratedRegex(@",?\s*\b(?:just\s+)?(?:roughly|approximately|approx\.?|ballpark|more or less)\b(?!\s*(?:\$|[0-9]|" + LanguageWords.CountWordPattern + @"\b))", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex ApproximatelyRegex();

    // "altogether" at the end of a clause ("how many orders have we had altogether?").
    [GeneratedRegex(@",?\s+altogether(?=\s*(?:[?.!,;)]|$))", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex AltogetherRegex();

    [GeneratedRegex(@"\bhead[- ]?counts?\b", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex HeadcountRegex();

    // "at least ten times": a count word before "times".
    [GeneratedRegex(@"\b(?<c>at least|at most|more than|fewer than|less than|over|under|exactly|no more than|no fewer than|no less than)\s+(?<w>" + LanguageWords.CountWordPattern + @")\s+times\b", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex CountWordTimesRegex();

    // "(<two to four words> [of|is] [at least|exactly|...] N[+| or more| or fewer])".
    [GeneratedRegex(@"\s*\(\s*(?<col>[A-Za-z]+(?: [A-Za-z]+){1,3}?)\s+(?:(?:of|is|=)\s+)?(?:(?<op>at least|no fewer than|no less than|exactly|more than|over|above|at most|no more than|up to|under|below|less than|fewer than)\s+)?(?<n>[0-9]{1,6})\s*(?:(?<more>\+|or more|or above)|(?<fewer>or fewer|or less))?\s*\)", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex ColumnBoundRegex();

    // "which device logs the most", "which city recorded the most": "has the most".
    [GeneratedRegex(@"\b(?<w>which [A-Za-z]+(?: [A-Za-z]+)?) (?:logs|logged|records|recorded|sees|saw|registers|registered|clocks|clocked|racks up|racked up) the most\b", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex LogsTheMostRegex();

    [GeneratedRegex(@"\b(?:customers?|users?|people|persons?|buyers?|shoppers?|members?|visitors?|clients?|accounts?|who|whom|many)\b", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex PeopleWordRegex();

    // "among <up to three words> customers", "for our <...> customers", "by <...> customers", "from <...> customers".
    [GeneratedRegex(@"\b(?:among|amongst|for|by|from)\s+(?:(?:our|the|all)\s+)?(?:[A-Za-z-]+\s+){0,3}?customers\b", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex CustomersFramedRegex();

    [GeneratedRegex(@"\b(?:treatment|treated)\b", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex TreatmentSaidRegex();

    // ", holdouts don't count", "(holdouts excluded)", "control group excluded" (in or out of a bracket's end).
    [GeneratedRegex(@",?\s*(?:(?:the\s+)?(?:holdouts?|held[- ]out customers|control(?: group)?(?: customers)?)\s+(?:don'?t|do not|doesn'?t|does not)\s+count|(?:the\s+)?(?:holdouts?|control(?: group)?)\s+excluded|excluding\s+(?:the\s+)?(?:holdouts?|control(?: group)?))(?=\s*[),.;?!]|\s*$)", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex HoldoutsDontCountRegex();

    // "(converted customers over treated customers)", "(conversions / treatment sends)".
    [GeneratedRegex(@"\s*\(\s*(?:i\.?e\.?,?\s+)?(?:converted|converting|conversions?)(?: customers| rows)?\s+(?:over|/|divided by|out of)\s+(?:the\s+)?(?:treated|treatment(?: group)?|sent|received)(?: customers| rows| sends| members)?\s*\)", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex ConvertedOverTreatedRegex();

    [GeneratedRegex(@"\bper (?:treated|treatment(?:-group)?) (?:customer|member|recipient)\b", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex PerTreatedSaidRegex();

    // "(non-converters included)", "(including non-converters)", "(total treatment revenue divided by the number of treatment
    // customers, non-converters included)".
    [GeneratedRegex(@"\s*\(\s*(?:(?:the\s+)?total\s+(?:treatment(?: group)?\s+)?(?:attributed\s+)?revenue\s+(?:divided by|over|/)\s+(?:the\s+)?(?:number of\s+)?(?:treatment|treated)(?: group)?\s+(?:customers|members|recipients)(?:,\s*)?)?(?:(?:non-?\s?converters|customers who did ?n'?o?t convert)\s+included|including\s+(?:the\s+)?non-?\s?converters)?\s*\)", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex PerTreatedDefinedRegex();

    // "the conversion rate in treatment minus the conversion rate in control".
    [GeneratedRegex(@"\b(?:the )?conv(?:ersion)?\.? rate (?:in|of|for|among) (?:the )?treatment(?: group| arm)? (?:minus|less) (?:the )?conv(?:ersion)?\.? rate (?:in|of|for|among) (?:the )?control(?: group| arm)?\b", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex ArmRatesMinusRegex();

    [GeneratedRegex(@"\bincremental (?<lift>lift|uplift)\b", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex IncrementalLiftRegex();

    // "...? give (me) the <one word> id (and the <measure>)" at the end of the question.
    [GeneratedRegex(@"\s*[?.:;,\u2013\u2014-]\s*(?:just\s+)?(?:give|show|list|return|tell|send)(?: me| us)?(?: back)?(?: the| its| their)?\s+(?<dim>[A-Za-z]+)\s+(?<attr>ids?|names?|codes?)(?:\s+and\s+(?:the |its |their )?(?<m>[A-Za-z]+(?: [A-Za-z]+){0,3}))?\s*(?<end>[.?!]?)\s*$", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex KeyAskedAfterRegex();

    [GeneratedRegex(@"\bwhich (?<dim>[A-Za-z]+)\b", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex WhichDimensionRegex();

    // "<one or two words> were started", "<one or two words> did people run".
    [GeneratedRegex(@"(?<ev>[A-Za-z][\w-]*(?: [A-Za-z][\w-]*)?) (?:(?:were|was|have been|has been|got|been) started|(?:did|do|does|have|has) (?<who>people|customers|users|shoppers|visitors|we|they) (?:run|ran|perform|performed|make|made|carry out|carried out|conduct|conducted))\b", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex EventsDoneRegex();

    // "left behind a cart": abandoned it.
    [GeneratedRegex(@"\bleft behind(?= (?:an? |any |their |his |her |one or more |at least one )?(?:carts?|baskets?)\b)", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex CartLeftBehindRegex();

    [GeneratedRegex(@"\b(?:carts?|baskets?)\b", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex CartWordRegex();

    // "had three items", "with 3 items": a number of items said with no comparison is that number exactly ("3 or more
    // items" is not this).
    [GeneratedRegex(@"\b(?<v>had|have|has|with|containing|contain|contains|holding|held|having)\s+(?<n>[0-9]{1,3}|" + LanguageWords.CountWordPattern + @")\s+(?<items>items?)\b(?!\s*(?:or\b|and up\b|plus\b|\+))", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex ItemsHeldRegex();
}
