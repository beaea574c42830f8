using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace AetherSegment.Analytics;

// Framing (stop 38): the sentences people say around the question ("I'm putting together the quarterly deck for the
// leadership team. Can you just tell me ..."). A sentence of context is dropped only when every word of it is chatter
// (a word that cannot restrict what is measured), a skipped word, or a vocabulary phrase the question itself says again;
// any other word (an unknown noun could be a segment: "for wholesale accounts"), a number, a time range or a restricting
// word ("only", "not", "excluding") keeps the sentence, and the question is then declined as before.
internal static partial class QuestionParser
{
    /// <summary>
    /// A question read with its lead-in and context dropped, or with every word when that is declined; without
    /// <paramref name="reasonNeeded"/> (a caller that keeps only an answered reading), a declined reading's reason is not
    /// the public one.
    /// </summary>
    private static ParsedQuestion ParseOnce(string question, SemanticLayer layer, IReadOnlyList<string>? campaignNames, IReadOnlyList<string>? campaignIds, bool reasonNeeded)
    {
        // "both counted over the last 30 days", "in those 7 days" (QuestionParser.EventsSessionsFunnels.cs); customer ids in a
        // top N and "A as a multiple of B" (QuestionParser.IdsAndMultiples.cs); sizes restated by their columns
        // (QuestionParser.SizesRestated.cs).
        question = SizesRestatedSaid(HeadingsAndFlagsSaid(PerCustomerSaid(OrdersAndCartsSaid(SameDaysSaidAsAsked(BothCountedSaid(SummingTheirOrdersSaid(IdsAndMultiplesSaid(CoverageStop45Said(TreatmentStop50Said(question ?? "")))))))), layer), layer);
        string asked = DropContext(LeadIns(question), layer);
        // Declined with the context dropped, this reading is read again with every word: only its status is used then, so
        // its reason (the golden file's, a reading of its own) is not read (parse speed, stop 44).
        ParsedQuestion parsed = ParseFramed(asked, layer, campaignNames, campaignIds, reasonNeeded: reasonNeeded && ReferenceEquals(asked, question));

        // Context is dropped only for an answer: a question declined either way keeps the reason it had with all its words.
        return parsed.Status == AnalyticsAnswerStatus.Unanswerable && !ReferenceEquals(asked, question) ? ParseFramed(question, layer, campaignNames, campaignIds, reasonNeeded) : parsed;
    }

    // "customers where country = 'X'", "revenue where acquisition_source = organic_search": a column typed as SQL, equal to one
    // of its values, is that value (it was read as a one-row breakdown by the column). Only where the column names the kind
    // of the value after it.
    private static string ColumnEqualsValue(string question, SemanticLayer layer)
    {
        if (question.IndexOf('=', StringComparison.Ordinal) < 0)
        {
            return question;
        }

        return ColumnEqualsRegex().Replace(question, m =>
        {
            string column = QuestionText.Normalize(m.Groups["col"].Value);
            string value = QuestionText.Normalize(m.Groups["val"].Value);
            List<LexiconEntry> entries = layer.Lexicon.Candidates(column + value.TrimStart());
            bool named = entries.Exists(e => e.Kind == LexiconKind.Dimension && e.Padded == column
                && entries.Exists(v => v.Kind == LexiconKind.Filter && v.Padded == value && ReferenceEquals(v.FilterDimension, e.Dimension)));
            return named ? " " + m.Groups["val"].Value + " " : m.Value;
        });
    }

    [GeneratedRegex(@"\b(?<col>[A-Za-z]+(?:_[A-Za-z]+)*)\s*==?\s*['""]?(?<val>[A-Za-z][A-Za-z_ ]{0,40}?)['""]?(?=\s*(?:[),?.;]|$|\s(?:and|in|on|during|for|last|this|since|from|by|with|who|that)\b))", RegexOptions.None, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex ColumnEqualsRegex();

    // "I'd like to know how many ...", "Could you pull ...": the words before the question; "Just the number." after it; a
    // trailing "- how many?" or ": count?" said first, as "how many ..." reads it.
    private static string LeadIns(string question)
    {
        question = AsARole(question);
        string text = question.Contains("know", StringComparison.OrdinalIgnoreCase) || question.Contains("you", StringComparison.OrdinalIgnoreCase) || question.Contains("idea", StringComparison.OrdinalIgnoreCase)
            ? LeadInRegex().Replace(question, " ")
            : question;
        string tail = text.Length > 24 ? text[^24..] : text;
        bool countWord = tail.Contains("number", StringComparison.OrdinalIgnoreCase) || tail.Contains("count", StringComparison.OrdinalIgnoreCase)
            || tail.Contains("many", StringComparison.OrdinalIgnoreCase) || tail.Contains("figure", StringComparison.OrdinalIgnoreCase) || tail.Contains("total", StringComparison.OrdinalIgnoreCase);
        text = countWord ? JustTheNumberRegex().Replace(text, " ") : text;
        text = text.Contains("order", StringComparison.OrdinalIgnoreCase) && text.Contains('(', StringComparison.Ordinal) ? OrderRemarkRegex().Replace(text, " ") : text;
        if (countWord && TrailingCountRegex().Match(text) is { Success: true } stub)
        {
            text = "How many " + text[..stub.Index].Trim() + "?";
        }

        return text.Length == question.Length && text == question ? question : text.Trim();
    }

    [GeneratedRegex(@"^\s*(?:(?:hi|hey|hello|ok|okay|so|quick one|quick question)\s*[,!.:-]?\s*)?(?:i(?:'|\u2019)?d (?:like|love) to (?:know|see|find out|understand)|i would (?:like|love) to (?:know|see|find out)|i (?:want|need) to (?:know|find out)|(?:can|could|would) you (?:please |just |quickly )?(?:tell me|let me know|pull|grab|find out|check|look up|work out|figure out)|do you know|any idea)\b\s*(?:(?:if|whether)\b)?", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex LeadInRegex();

    [GeneratedRegex(@"(?<=[.?!])\s*(?:just|only)? ?(?:the|a) (?:number|count|figure|total)(?: is fine| please| will do)?\s*[.!]?\s*$", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex JustTheNumberRegex();

    // "(if two are level, either order is fine)", "(ties in any order)": how tied rows may be listed, which a top N keeps anyway.
    [GeneratedRegex(@"\((?:if (?:two|some|any|they) (?:are|is) (?:level|tied|equal|the same),? )?(?:either|any) order is (?:fine|ok|okay)\)|\(ties? (?:in any order|either way|are fine|is fine)\)", RegexOptions.IgnoreCase, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex OrderRemarkRegex();

    // "... (inclusive) - how many?", "...: how many?", "... - count?", "..., how many?".
    [GeneratedRegex(@"(?:\s[-\u2013\u2014]|:|,)\s*(?:how many|count|number|the count|the number)\s*\??\s*$", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex TrailingCountRegex();

    private static ParsedQuestion ParseFramed(string question, SemanticLayer layer, IReadOnlyList<string>? campaignNames, IReadOnlyList<string>? campaignIds, bool reasonNeeded)
    {
        question = DropRestatedAtAsOf(question, layer, out RelativeTimeRange? restated);
        question = ReadAveragePerPeriod(DaysOfTheWeekSaid(ColumnEqualsValue(question, layer)), layer, out TimeGrain? perPeriod);
        ParsedQuestion parsed = EventFiltersOnCondition(layer, ParseUnframed(question, layer, campaignNames, campaignIds, reasonNeeded));
        if (perPeriod is { } grain)
        {
            parsed = AveragePerPeriod(parsed, grain);
        }

        if (restated is null || parsed.Query is not { } query)
        {
            return parsed;
        }

        // The range said twice must be the one range of the answer; the service compares the two at the as-of.
        return query is { Time: not null, ComparedTime: null }
            ? parsed with { Query = query with { RestatedTime = restated } }
            : ParsedQuestion.Unplaced($"two time ranges: I read {restated.Phrase} in the brackets but could not tell which range it restates; ask with one range");
    }

    /// <summary>
    /// A breakdown by the day of the week said with its days ("per day of week (Monday through Sunday)", "by day of the week,
    /// Mon-Sun") or as "by weekday" / "which weekday": the days listed are the order of the rows, and "weekday" after a
    /// breakdown word is the day of the week ("weekdays vs weekends" stays unplaced: a weekday can mean Monday to Friday).
    /// </summary>
    private static string DaysOfTheWeekSaid(string question)
    {
        if (question.Contains("weekday", StringComparison.OrdinalIgnoreCase))
        {
            question = ByWeekdayRegex().Replace(question, "${by} day of the week");
        }

        return question.Contains("day", StringComparison.OrdinalIgnoreCase) && DayOfWeekBreakdownRegex().IsMatch(question)
            ? WeekdaysListedRegex().Replace(question, " ")
            : question;
    }

    [GeneratedRegex(@"\b(?<by>by|per|each|every|for each|which|what|across)\s+(?:the\s+)?weekday\b(?!s\b| vs| versus| and weekend| or weekend)", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex ByWeekdayRegex();

    [GeneratedRegex(@"\bdays? of (?:the )?week\b", RegexOptions.IgnoreCase, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex DayOfWeekBreakdownRegex();

    // "(Monday through Sunday)", ", Mon-Sun", "(ordered Sunday to Saturday)", "(Monday first)".
    [GeneratedRegex(@"(?:\(\s*|,\s*|\s-\s*)(?:(?:in order|ordered|sorted|listed|shown|from)\s+)?(?:(?:mon|monday|sun|sunday)\.?\s*(?:-|\u2013|to|through|thru|until|till)\s*(?:sun|sunday|sat|saturday)\.?(?:\s+order)?|(?:monday|sunday) first)\s*\)?(?=\s*[?.!]?\s*$|\s)", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex WeekdaysListedRegex();

    /// <summary>
    /// "Average number of orders per day over the trailing 28 days", "average daily revenue last month", "how many orders per
    /// day on average in the past 4 weeks": the average and the unit are taken out of the question (on the raw text), and the
    /// unit returned. Not where the average names a measure of its own ("average order value per day" is that measure by day).
    /// </summary>
    private static string ReadAveragePerPeriod(string question, SemanticLayer layer, out TimeGrain? grain)
    {
        grain = null;
        if (!(question.Contains("av", StringComparison.OrdinalIgnoreCase) || question.Contains("mean", StringComparison.OrdinalIgnoreCase)) || AverageWordRegex().Matches(question) is not [{ } average] || PerUnitRegex().Matches(question) is not [{ } unit])
        {
            return question;
        }

        string normalized = QuestionText.Normalize(question);
        if (layer.Lexicon.Candidates(normalized).Exists(e => e.Kind == LexiconKind.Measure && normalized.Contains(e.Padded, StringComparison.Ordinal) && AverageWordRegex().IsMatch(e.Phrase)))
        {
            return question;
        }

        string word = unit.Groups["unit"].Success ? unit.Groups["unit"].Value : unit.Groups["ly"].Value;
        grain = word.ToLowerInvariant() switch
        {
            "day" or "daily" => TimeGrain.Day,
            "week" or "weekly" => TimeGrain.Week,
            _ => TimeGrain.Month,
        };
        (Match first, Match second) = average.Index < unit.Index ? (average, unit) : (unit, average);
        return question[..first.Index] + " " + question[(first.Index + first.Length)..second.Index] + " " + question[(second.Index + second.Length)..];
    }

    // The total over the range divided by its whole days (weeks, months): only for one total of an additive measure over one
    // range, with no breakdown, share, ratio or statistic.
    private static ParsedQuestion AveragePerPeriod(ParsedQuestion parsed, TimeGrain grain)
    {
        string unit = grain switch { TimeGrain.Day => "day", TimeGrain.Week => "week", _ => "month" };
        if (parsed.Query is not { Time: not null, ComparedTime: null, Dimension: null, Ratio: null, FilterRatio: null, Share: false, Statistic: null, Having: null, Limit: null, RestatedTime: null } query
            || !query.Measure.Additive || query.Measure.PerSession || query.Measure.Format is not (MeasureFormat.Count or MeasureFormat.Money))
        {
            return parsed.Status == AnalyticsAnswerStatus.Answered
                ? ParsedQuestion.Unplaced($"an average per {unit} is one total over a time range divided by its {unit}s, as in \"average orders per {unit} in the last 28 days\"; ask without a breakdown, a share or a ratio")
                : parsed;
        }

        MeasureDefinition total = query.Measure;
        MeasureDefinition average = total with
        {
            Name = total.Name + "_per_" + unit,
            Label = $"average {total.Label} per {unit}",
            Format = total.Format == MeasureFormat.Count ? MeasureFormat.Decimal : total.Format,
            Expression = dialect => $"({total.Expression(dialect)}) / {dialect.Parameter(PerPeriodParameter)}",
            Synonyms = [],
            Additive = false,
            Counted = null,
        };
        return parsed with { Query = query with { Measure = average, PerPeriod = grain } };
    }

    /// <summary>The parameter an average per period divides by (the whole days, weeks or months of the range).</summary>
    internal const string PerPeriodParameter = "per_period_count";

    /// <summary>
    /// The whole days (weeks, months) of a range at the as-of, or the reason it has none: a period still running ("this
    /// month", "2026" before its end) or not a whole number of the unit.
    /// </summary>
    internal static string? PeriodUnits(RelativeTimeRange range, TimeGrain grain, DateTimeOffset asOf, out int units)
    {
        units = 0;
        (DateTimeOffset start, DateTimeOffset end) = range.Resolve(asOf);
        if (range.EndsAtAsOf)
        {
            end = asOf.ToUniversalTime();
        }
        else if (end > asOf.ToUniversalTime())
        {
            return $"an average per {grain.ToString().ToLowerInvariant()} over {range.Describe(asOf)}: the period is not over (the data end {asOf.ToUniversalTime():yyyy-MM-dd HH:mm} UTC), so its {grain.ToString().ToLowerInvariant()}s are not whole; ask over a period that is over, as in \"the last 28 days\" or \"last month\"";
        }

        TimeSpan length = end - start;
        double count = grain switch
        {
            TimeGrain.Day => length.TotalDays,
            TimeGrain.Week => length.TotalDays / 7,
            _ => range.Kind == TimeRangeKind.RollingMonths ? range.Amount
                : range.Kind == TimeRangeKind.RollingYears ? range.Amount * 12
                : start.Day == 1 && start.TimeOfDay == TimeSpan.Zero && end.Day == 1 && end.TimeOfDay == TimeSpan.Zero ? ((end.Year - start.Year) * 12) + end.Month - start.Month : 0.5,
        };
        if (count < 1 || Math.Abs(count - Math.Round(count)) > 1e-9)
        {
            return $"an average per {grain.ToString().ToLowerInvariant()} over {range.Describe(asOf)}: the range is not a whole number of {grain.ToString().ToLowerInvariant()}s; ask per day, or over whole {grain.ToString().ToLowerInvariant()}s";
        }

        units = (int)Math.Round(count);
        return null;
    }

    [GeneratedRegex(@"\b(?:on average|on avg|average|avg|mean)\b", RegexOptions.IgnoreCase, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex AverageWordRegex();

    [GeneratedRegex(@"(?:\b(?:per|a|each|every)\s+|/\s*)(?<unit>day|week|month)\b|\b(?<ly>daily|weekly|monthly)\b", RegexOptions.IgnoreCase, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex PerUnitRegex();

    /// <summary>
    /// Whether a range said again (<paramref name="restated"/>) covers other data than the range read (<paramref name="said"/>)
    /// at <paramref name="asOf"/>: both end where the data does (at the as-of instant, included) when they reach past it.
    /// Null when they cover the same data, else the reason to decline, naming both with their dates.
    /// </summary>
    internal static string? RestatedRangeDiffers(RelativeTimeRange said, RelativeTimeRange restated, DateTimeOffset asOf)
    {
        DateTimeOffset dataEnd = asOf.ToUniversalTime().AddTicks(TimeSpan.TicksPerMicrosecond);
        (DateTimeOffset start, DateTimeOffset end) = said.Resolve(asOf);
        (DateTimeOffset otherStart, DateTimeOffset otherEnd) = restated.Resolve(asOf);
        return start == otherStart && (end < dataEnd ? end : dataEnd) == (otherEnd < dataEnd ? otherEnd : dataEnd)
            ? null
            : $"two time ranges: {said.Describe(asOf)} and {restated.Describe(asOf)} are not the same data (as of {asOf.ToUniversalTime():yyyy-MM-dd HH:mm} UTC); ask with one of them";
    }

    /// <summary>
    /// A restatement in brackets or after "i.e." whose range may be the range said outside it, depending on the as-of ("this
    /// month so far (November 2026 up to now)", "this year (i.e. at least one transaction ... since 2026-01-01)", "in 2026
    /// (each at least once since Jan 1 2026)"): dropped, its range returned for the service to compare. Read only when
    /// everything else in it is said outside too: the same values and measures (a purchase said as "at least one
    /// transaction"), "at least one", the values' own kinds ("product type X"), and skipped words.
    /// </summary>
    private static string DropRestatedAtAsOf(string question, SemanticLayer layer, out RelativeTimeRange? restated)
    {
        restated = null;
        if (question.IndexOf('(', StringComparison.Ordinal) < 0 && !(question.Contains("i.e", StringComparison.OrdinalIgnoreCase) || question.Contains(" ie ", StringComparison.OrdinalIgnoreCase)
            || question.Contains("that is", StringComparison.OrdinalIgnoreCase) || question.Contains("namely", StringComparison.OrdinalIgnoreCase) || question.Contains("meaning", StringComparison.OrdinalIgnoreCase)))
        {
            return question;
        }

        string bracketed = RestatementClauseRegex().Replace(question, m => $" ({m.Groups["said"].Value}){m.Groups["end"].Value}");
        foreach (Match bracket in BracketRegex().Matches(bracketed))
        {
            string outside = string.Concat(bracketed.AsSpan(0, bracket.Index), " ", bracketed.AsSpan(bracket.Index + bracket.Length));
            string inner = Colloquial(QuestionText.Normalize(bracket.Groups[1].Value));
            if (!ReadsAsRestatement(inner, Colloquial(QuestionText.Normalize(outside)), layer, out RelativeTimeRange? range))
            {
                continue;
            }

            if (range is null)
            {
                return DropRestatedAtAsOf(outside, layer, out restated);
            }

            string rest = DropRestatedAtAsOf(outside, layer, out RelativeTimeRange? other);
            restated = other is null ? range : null;
            return other is null ? rest : question;
        }

        return question;
    }

    // Whether a bracket restates what is said outside it, and the range it says that is not the outside's by its months (null
    // when it says none, or the same months).
    private static bool ReadsAsRestatement(string inner, string outside, SemanticLayer layer, out RelativeTimeRange? range)
    {
        range = null;
        string text = RestatementLeadWordsRegex().Replace(inner, " ");
        bool definition = text.Length != inner.Length;
        text = MonthListAsSpan(AtLeastOneRegex().Replace(text, " "));
        List<RelativeTimeRange> inside = [];
        text = ReadTimeRanges(text, inside, quarters: true);
        List<RelativeTimeRange> around = [];
        string outsideText = ReadTimeRanges(outside, around, quarters: true);
        if (inside.Count > 1 || around.Count != (inside.Count == 0 ? around.Count : 1))
        {
            return false;
        }

        HashSet<string> outsideKeys = Vocabulary(outsideText, layer, out _, out HashSet<string> outsideKinds);
        HashSet<string> keys = Vocabulary(text, layer, out string masked, out _);
        bool purchase = PurchaseSaidRegex().IsMatch(outsideText);
        foreach (string key in keys)
        {
            bool said = outsideKeys.Contains(key) || (key.StartsWith("d:", StringComparison.Ordinal) && outsideKinds.Contains(key[2..]))
                || (purchase && key is "m:orders" or "m:buyers");
            if (!said)
            {
                return false;
            }
        }

        // Something placed beyond the range needs "i.e." (a definition); the range alone may stand in plain brackets.
        if ((keys.Count > 0 && !definition) || (keys.Count == 0 && inside.Count == 0))
        {
            return false;
        }

        foreach (string word in masked.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (word != "#" && !word.All(c => c == '#') && !(StopWords.Contains(word) && !RestatementDenied.Contains(word)) && !RestatementWords.Contains(word))
            {
                return false;
            }
        }

        if (inside.Count == 1 && !SameRange(inside[0], around[0]))
        {
            range = inside[0];
        }

        return true;
    }

    // The vocabulary keys of normalized text, the text with them masked, and the kinds of the values it names.
    private static HashSet<string> Vocabulary(string text, SemanticLayer layer, out string masked, out HashSet<string> kinds)
    {
        HashSet<string> keys = [];
        kinds = [];
        foreach (LexiconEntry entry in layer.Lexicon.Candidates(text))
        {
            if (text.Contains(entry.Padded, StringComparison.Ordinal))
            {
                keys.Add(Key(entry));
                if (entry.FilterDimension is { } kind)
                {
                    kinds.Add(kind.Key);
                }

                text = text.Replace(entry.Padded, " # ", StringComparison.Ordinal);
            }
        }

        masked = text;
        return keys;
    }

    // Skipped words that restrict: a restatement holding one says more than the question.
    private static readonly FrozenSet<string> RestatementDenied = new[]
    {
        "only", "over", "under", "between", "than", "most", "per", "vs", "versus", "against", "compare", "compared", "split", "by",
        "broken", "breakdown", "rank", "ranked", "top", "but", "not", "no", "never", "without", "except", "excluding",
    }.ToFrozenSet(StringComparer.Ordinal);

    // Words of a restatement around what it restates.
    private static readonly FrozenSet<string> RestatementWords = new[]
    {
        "i", "e", "ie", "is", "that", "so", "meaning", "namely", "means", "defined", "counted", "counting", "where", "with",
        "through", "thru", "until", "till", "up", "now", "today", "inclusive", "included", "both", "days", "each", "respectively",
        "transaction", "transactions", "purchase", "purchases", "order", "orders",
    }.ToFrozenSet(StringComparer.Ordinal);

    [GeneratedRegex(@"^ (?:i e|ie|that is|namely|meaning|so) ", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex RestatementLeadWordsRegex();

    [GeneratedRegex(@"(?<= )(?:at least (?:one|1)(?: times?)?|one or more|1 or more|at least once|any)(?= )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex AtLeastOneRegex();

    [GeneratedRegex(@" (?:bought|buy|buys|buying|purchased|purchase|purchases|ordered|order|orders|transactions?|buyers|shoppers|purchasers) ", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex PurchaseSaidRegex();

    /// <summary>
    /// Drops the sentences of context around the question: "I'm putting together the deck for the leadership team.
    /// Can you just tell me the revenue in Q3 2026?" is read as its last sentence. On the raw question; a question of one
    /// sentence, or whose sentences all carry something to place, is returned as it is.
    /// </summary>
    private static string DropContext(string question, SemanticLayer layer)
    {
        string body = question.TrimEnd(' ', '?', '!', '.');
        if (body.AsSpan().IndexOfAny(SentenceEnds) < 0 || !SentenceBreakRegex().IsMatch(question))
        {
            return question;
        }

        string text = MeetingRegex().Replace(question, "meeting");
        List<string> sentences = [];
        int start = 0;
        foreach (Match m in SentenceBreakRegex().Matches(text))
        {
            sentences.Add(text[start..(m.Index + m.Length)]);
            start = m.Index + m.Length;
        }

        sentences.Add(text[start..]);
        sentences.RemoveAll(s => s.Trim().Length == 0);
        if (sentences.Count < 2)
        {
            return question;
        }

        // What each sentence names: the vocabulary phrases it holds (keys), and the other words that are not chatter (null
        // when it holds a number, a time range or a value read after a preposition: never context).
        List<(string Sentence, HashSet<string> Keys, List<string>? Words)> read = [.. sentences.Select(s => ReadSentence(s, layer))];
        List<int> asked = [.. Enumerable.Range(0, read.Count).Where(i => read[i].Words is not { Count: 0 })];
        if (asked.Count == 0)
        {
            // Only skipped words and vocabulary everywhere ("How many customers?"): the question is the last sentence asked.
            int last = read.FindLastIndex(r => r.Keys.Count > 0 && r.Sentence.TrimEnd().EndsWith('?'));
            last = last >= 0 ? last : read.FindLastIndex(r => r.Keys.Count > 0);
            if (last < 0)
            {
                return question;
            }

            asked = [last];
        }

        // "Repeat purchase rate: of the customers who have ordered, what share ...": a heading of measure words before a
        // question that starts with its own base ("of the ...", "among ...") names what the question defines; read as one
        // sentence, "rate of the customers" lost the base.
        bool heading = read[0].Sentence.TrimEnd().EndsWith(':') && read[0].Words is not null && !read[0].Keys.Any(k => k.StartsWith("f:", StringComparison.Ordinal))
            && QuestionText.Normalize(read[1].Sentence).TrimStart() is { } next
            && (next.StartsWith("of ", StringComparison.Ordinal) || next.StartsWith("among ", StringComparison.Ordinal) || next.StartsWith("out of ", StringComparison.Ordinal));
        if (heading)
        {
            asked.Remove(0);
        }

        // A sentence whose other words and vocabulary the rest of the question says again is context too ("she's asking how
        // our latest campaign landed. How many ... of the most recent campaign converted?").
        for (int k = asked.Count - 1; k >= 0 && asked.Count > 1; k--)
        {
            int i = asked[k];
            if (read[i].Words is { } own && Says(read, asked, i, out HashSet<string> otherKeys, out HashSet<string> otherWords)
                && read[i].Keys.IsSubsetOf(otherKeys) && own.TrueForAll(w => otherWords.Contains(Restated.GetValueOrDefault(w, w))))
            {
                asked.RemoveAt(k);
            }
        }

        _ = Says(read, asked, -1, out HashSet<string> named, out _);
        // A sentence of context names nothing, or only what the question says again.
        List<string> kept = [];
        for (int i = 0; i < read.Count; i++)
        {
            (string sentence, HashSet<string> keys, List<string>? words) = read[i];
            bool context = (heading && i == 0) || (!asked.Contains(i) && words is not null && keys.All(k => named.Contains(k) || ValueOfDimensionNamed(k, named)));
            if (!context)
            {
                kept.Add(sentence.Trim());
            }
        }

        return kept.Count == read.Count ? question : string.Join(" ", kept);
    }

    // "<A> has been our hero category. What share of revenue came from <A>?": a breakdown's name said beside one of its
    // values names that value's dimension, which the question says through the value.
    private static bool ValueOfDimensionNamed(string key, HashSet<string> named) =>
        key.StartsWith("d:", StringComparison.Ordinal) && named.Any(n => n.StartsWith("f:" + key[2..] + ":", StringComparison.Ordinal));

    // The vocabulary keys and the words (restated words read as one) of the asked sentences but one.
    private static bool Says(List<(string Sentence, HashSet<string> Keys, List<string>? Words)> read, List<int> asked, int but, out HashSet<string> keys, out HashSet<string> words)
    {
        keys = [];
        words = new(StringComparer.Ordinal);
        foreach (int i in asked)
        {
            if (i != but)
            {
                keys.UnionWith(read[i].Keys);
                words.UnionWith(QuestionText.Normalize(read[i].Sentence).Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => Restated.GetValueOrDefault(w, w)));
            }
        }

        return true;
    }

    // Words a question says again in other words ("our latest campaign" ... "the most recent campaign"; a heading "<a> vs
    // <b>:" before "ratio of <a> events to <b> events").
    private static readonly FrozenDictionary<string, string> Restated = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["latest"] = "recent",
        ["newest"] = "recent",
        ["last"] = "recent",
        ["versus"] = "vs",
        ["ratio"] = "vs",
        ["compared"] = "vs",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    // The vocabulary keys a sentence says, and its words that are neither skipped, chatter nor vocabulary; null when it holds
    // a number, a time range or a guarded value (never context).
    private static (string Sentence, HashSet<string> Keys, List<string>? Words) ReadSentence(string sentence, SemanticLayer layer)
    {
        HashSet<string> keys = [];
        string text = VocabularyMarked(QuestionText.Normalize(TeamNames(ReportRegex().Replace(OpenerRegex().Replace(sentence, " "), " "))), layer, keys);

        if (text.Any(char.IsAsciiDigit))
        {
            return (sentence, keys, null);
        }

        foreach (GuardedPhrase guarded in layer.Lexicon.Guarded)
        {
            if (text.Contains(guarded.Said, StringComparison.Ordinal) && guarded.Pattern.IsMatch(text))
            {
                return (sentence, keys, null);
            }
        }

        List<RelativeTimeRange> times = [];
        if (ReadTimeRanges(text, times, quarters: true) != text || times.Count > 0)
        {
            return (sentence, keys, null);
        }

        List<string> words = [];
        foreach (string word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (word != "#" && (!(StopWords.Contains(word) || ChatterWords.Contains(word)) || RestrictingWords.Contains(word)))
            {
                words.Add(word);
            }
        }

        return (sentence, keys, words);
    }

    // Normalized text with each vocabulary phrase it says as " # ", the phrases' keys added to keys when given.
    private static string VocabularyMarked(string text, SemanticLayer layer, HashSet<string>? keys)
    {
        foreach (LexiconEntry entry in layer.Lexicon.Candidates(text))
        {
            if (text.Contains(entry.Padded, StringComparison.Ordinal))
            {
                keys?.Add(Key(entry));
                text = text.Replace(entry.Padded, " # ", StringComparison.Ordinal);
            }
        }

        return text;
    }

        private static readonly System.Buffers.SearchValues<char> SentenceEnds = System.Buffers.SearchValues.Create(".?!:-\u2013\u2014");

    // What a vocabulary phrase names: a measure, a breakdown or a filter's values (two phrases for one thing share a key).
    private static string Key(LexiconEntry entry) => entry.Kind switch
    {
        LexiconKind.Measure => "m:" + entry.Measure?.Name,
        LexiconKind.Dimension => "d:" + entry.Dimension?.Key,
        _ => "f:" + entry.FilterDimension?.Key + ":" + string.Join(",", entry.Values),
    };

    // Skipped words that do restrict or shape what is measured: a sentence holding one is never dropped as context.
    private static readonly FrozenSet<string> RestrictingWords = new[]
    {
        "only", "bought", "buy", "purchased", "ordered", "placed", "sold", "spent", "came", "come", "acquired", "signed", "sign",
        "abandoned", "left", "most", "per", "each", "every", "split", "broken", "break", "breakdown", "grouped", "group", "sorted",
        "sort", "rank", "ranked", "ranking", "compare", "compared", "comparison", "vs", "versus", "between", "against", "over",
        "within", "than", "since", "total", "overall", "all", "number", "count", "amount", "sum", "rate", "ones", "one", "both",
        "using", "use", "used", "via", "through", "among", "amongst", "but", "ever", "anything", "something", "live", "lives",
        "living", "located", "based", "worth", "include", "included", "includes", "including", "contain", "contained",
        "contains", "containing", "found", "pick", "picked", "acquire", "acquiring", "gets", "delivered", "deliver", "delivers",
        "selling", "sitting", "individual", "plus", "whose", "when", "where", "drive", "drove", "drives", "bring", "brings",
        "brought", "produce", "produced", "generated", "generate", "generates", "made", "make", "makes", "lifetime", "sell",
        "sells", "level", "levels", "distribution", "happened", "recorded", "registered", "currently", "current", "now",
    }.ToFrozenSet(StringComparer.Ordinal);

    // Words of the context people give around a question (who asks, for what, how they feel about it): none of them can say
    // which customers, rows, measure or period are meant.
    private static readonly FrozenSet<string> ChatterWords = new[]
    {
        // who
        "im", "ive", "id", "ill", "were", "weve", "wed", "well", "youre", "shes", "hes", "theyre", "theyve", "she", "he", "her",
        "him", "his", "hers", "someone", "somebody", "everyone", "everybody", "people", "team", "teams", "boss", "manager",
        "managers", "lead", "leads", "head", "ceo", "cfo", "cmo", "coo", "cto", "vp", "svp", "director", "directors", "exec",
        "execs", "executive", "executives", "leadership", "management", "stakeholders", "stakeholder", "finance", "marketing",
        "sales", "crm", "ops", "operations", "analytics", "analyst", "analysts", "colleague", "colleagues", "coworker",
        "coworkers", "investors", "investor", "board", "founder", "founders", "partner", "partners", "agency", "department",
        "dept", "folks", "guys", "everyone", "owner", "chief", "officer", "cmos", "clevel", "c", "suite",
        // for what
        "agenda", "scene", "simple", "volume", "matter", "matters", "hero", "differentiator", "differentiators", "quiet",
        "success", "strong", "season", "set", "chart", "worrying", "worry", "chase", "chasing", "status", "thinking", "helpdesk",
        "deck", "decks", "slide", "slides", "report", "reports", "reporting", "presentation", "presentations", "meeting",
        "meetings", "call", "calls", "sync", "standup", "review", "reviews", "update", "updates", "memo", "email", "newsletter",
        "dashboard", "dashboards", "spreadsheet", "doc", "document", "summary", "recap", "brief", "briefing", "planning", "plan",
        "plans", "budget", "budgets", "forecast", "forecasting", "offsite", "retro", "retrospective", "postmortem", "okr", "okrs",
        "kpi", "kpis", "goal", "goals", "target", "targets", "check", "checkin", "quarterly", "monthly", "weekly", "annual",
        "yearly", "business", "strategy", "story", "narrative", "picture", "context", "background", "reference", "record",
        "question", "questions", "q", "thing", "things", "stuff", "bit", "sense", "idea", "feel", "feeling", "gut", "hunch",
        "impression", "view", "argument", "debate", "discussion", "conversation", "chat", "thread", "ask", "request",
        // saying, doing, feeling
        "putting", "put", "together", "preparing", "prepping", "prep", "prepare", "working", "work", "building", "build",
        "writing", "write", "doing", "trying", "try", "tried", "asked", "asking", "asks", "wants", "wanted", "needs", "needed",
        "gave", "give", "sent", "told", "tell", "said", "says", "say", "saying", "thinks", "thought", "think", "wonder",
        "wondering", "wondered", "curious", "arguing", "argue", "argued", "discussing", "discuss", "debating", "keeps", "keep",
        "kept", "checking", "checked", "reviewing", "double", "sanity", "verify", "verifying", "confirm", "confirming",
        "reconcile", "reconciling", "present", "presenting", "sharing", "report", "pull", "pulling", "grab",
        "grabbing", "figure", "figuring", "understand", "understanding", "explain", "explaining", "answer", "answering",
        "hear", "heard", "going", "gonna", "got", "get", "getting", "seem", "seems", "seemed", "appear", "appears", "looked",
        "landed", "land", "lands", "went", "go", "goes", "worked", "works", "pay", "pays", "paid", "paying", "hitting", "hit",
        "hits", "hard", "matter", "matters", "care", "cares", "mind", "sure", "unsure", "right", "wrong", "off", "weird",
        "strange", "odd", "suspicious", "surprised", "surprising", "confused", "confusing", "worried", "concerned", "happy",
        "excited", "nervous", "quick", "quickly", "fast", "urgent", "asap", "soon", "later", "tomorrow", "tonight",
        "before", "after", "ahead", "upcoming", "next", "actually", "really", "basically", "honestly", "probably", "maybe",
        "perhaps", "still", "already", "again", "even", "pretty", "quite", "very", "too", "bit", "little", "lot", "lots",
        "kinda", "sorta", "anyway", "anyhow", "though", "although", "because", "cause", "cos", "if",
        "whether", "why", "what", "who", "hey", "hi", "hello", "ok", "okay", "thanks", "thank", "cheers", "sorry", "please",
        "fyi", "btw", "hmm", "um", "uh", "well", "yeah", "yes", "sure", "great", "good", "nice", "cool", "awesome", "help",
        "helps", "helpful", "appreciate", "appreciated", "numbers", "figures", "data", "metric", "metrics", "stat", "stats",
        "am", "m", "re", "ve", "ll", "d", "t", "don", "some", "way", "how", "should", "would",
        "could", "might", "must", "may", "shall", "on", "off", "up", "down", "out", "in", "at", "about", "around", "again",
        "am", "being", "mean", "means", "meant", "exactly", "precisely", "roughly", "ballpark", "rough", "estimate",
        "accurate", "correct", "real", "actual", "wrong", "incorrect", "inconsistent", "mismatch", "match", "matching",
        "line", "lines", "align", "aligned", "agree", "agrees", "disagree", "source", "truth", "rest", 
        "time", "times", "while", "nobody", "anyone", "anybody", 
        // what they run (stop 41): a sentence that also names a value ("I run the UK region") keeps it, as any sentence does
        "manage", "manages", "managing", "run", "runs", "running", "oversee", "oversees", "overseeing", "own", "owns",
        "service", "support", "merch", "merchandising", "merchandiser", "cx", "ecommerce",
    }.ToFrozenSet(StringComparer.Ordinal);

    // A sentence ends at ".", "?" or "!" followed by a space (not in a decimal or an abbreviation such as "i.e."), at a colon
    // or at a dash between spaces.
    [GeneratedRegex(@"(?<!\b(?:i\.e|e\.g|vs|etc|approx|incl|excl|no|st|mr|mrs|ms|dr|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|i|e|g))(?:[.!?]+|:|\s[-\u2013\u2014]+)\s+", RegexOptions.IgnoreCase, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex SentenceBreakRegex();

    // "before my 1:1 with", "a one-on-one": a meeting.
    [GeneratedRegex(@"\b(?:1\s*:\s*1|1\s*-\s*on\s*-\s*1|1\s*on\s*1|one\s*-?\s*on\s*-?\s*one)s?\b", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex MeetingRegex();

    // "the weekly business review", "our monthly report": a report named by how often it is made, not a breakdown.
    [GeneratedRegex(@"\b(?:daily|weekly|monthly|quarterly|yearly|annual|end of (?:the )?(?:week|month|quarter|year))(?: business| exec| executive| leadership| board| team| marketing| finance| sales| performance| kpi)? (?:deck|decks|report|reports|review|reviews|meeting|meetings|update|updates|sync|call|presentation|slides|email|newsletter|recap|summary|memo|check in|checkin)\b", RegexOptions.IgnoreCase, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex ReportRegex();

    // "quick one", "quick q", "one more", "another one": an opener.
    [GeneratedRegex(@"\b(?:quick one|quick q|one more|another one|random one|dumb one|silly one|easy one|one thing)\b", RegexOptions.IgnoreCase, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex OpenerRegex();

    /// <summary>
    /// A range up to now, said as the parser reads it (on normalized text): "from 2026-01-01 to now", "Jan 1 2026 through
    /// today" as "since ..."; "this year to date" as "this year"; "to date", "up to now" after no period ("revenue to date",
    /// "customers acquired to date") as nothing: all the data, which ends now. "to date" was read as a breakdown by day, a
    /// wrong answer.
    /// </summary>
    internal static string RephraseFraming(string text)
    {
        text = OneRowPer(text);
        if (text.Contains(" minus ", StringComparison.Ordinal))
        {
            text = PeriodMinusPeriod(text);
        }

        // "orders priced between $200 and $400": worth; "more than one unit": units; "X orders did we take": the orders.
        text = text.Contains(" priced ", StringComparison.Ordinal) || text.Contains(" costing ", StringComparison.Ordinal) || text.Contains(" valued ", StringComparison.Ordinal) ? PricedRegex().Replace(text, "worth ") : text;
        // "abandoned carts (that were) worth more than 500": an amount each row is worth is money, said with or without "$"
        // (without it, it was read as a count of carts over 500 per customer).
        text = text.Contains(" worth ", StringComparison.Ordinal) ? WorthAmountRegex().Replace(text, "dollars ") : text;
        // "never bought anything in <a category>": the value is what was not bought, as "anything from <it>" (the value
        // fell off the never part, which read "never bought" anything at all); "in those 7 days", "in that period" are the
        // range said again, not a value.
        text = text.Contains(" anything in ", StringComparison.Ordinal) ? AnythingInRegex().Replace(text, " from ") : text;
        // "revenue from treated customers in campaigns using the <a trigger> trigger": a filter on the campaigns, as "with the
        // <trigger> trigger" (the word "campaigns" made it a row for each campaign).
        text = text.Contains(" campaigns ", StringComparison.Ordinal) ? CampaignsUsingRegex().Replace(text, "with the ") : text;
        // "shoppers who viewed more than 10 products": that many product views (it was read as product types bought).
        text = text.Contains(" viewed ", StringComparison.Ordinal) ? ViewedCountRegex().Replace(text, "had $1 $2 product view events ") : text;
        text = text.Contains(" unit ", StringComparison.Ordinal) ? OneUnitRegex().Replace(text, "$1 units ") : text;
        text = text.Contains(" we ", StringComparison.Ordinal) ? TookOrdersRegex().Replace(text, "") : text;
        text = text.Contains(" risk ", StringComparison.Ordinal) ? RiskDefinedAfterRegex().Replace(text, "") : text;

        // "in the last week": the 7 days up to now, as "in the past week" ("last week" alone is the calendar week before this
        // one, and "the last week of October" a week of that month).
        text = text.Contains(" the last week ", StringComparison.Ordinal) ? TheLastWeekRegex().Replace(text, "past week ") : text;
        if (text.Contains(" past ", StringComparison.Ordinal))
        {
            // "in the past week": the 7 days up to now, not the calendar week before this one ("last week").
            text = PastUnitRegex().Replace(text, m => m.Groups[1].Value switch
            {
                "day" => "past 24 hours",
                "week" => "past 7 days",
                _ => "past 1 " + m.Groups[1].Value,
            });
        }

        if (!ToNowWordRegex().IsMatch(text))
        {
            return text;
        }

        text = DateToNowRegex().Replace(text, m => " since " + (m.Groups["date"].Success ? m.Groups["date"].Value : m.Groups["month"].Value) + " ");
        text = CurrentPeriodToDateRegex().Replace(text, "");
        return AllTimeToDateRegex().Replace(text, "");
    }

    // "orders in Q3 2026 minus orders in Q2 2026": the change from the earlier period to the later one, said later first (as
    // "difference" between the two periods reads it). The earlier period said first would be the change negated, and two
    // periods whose order depends on the as-of ("Q3 minus Q2" without a year) cannot be told apart here: both stay unplaced.
    private static string PeriodMinusPeriod(string text)
    {
        int at = text.IndexOf(" minus ", StringComparison.Ordinal);
        if (at < 0 || text.IndexOf(" minus ", at + 1, StringComparison.Ordinal) >= 0)
        {
            return text;
        }

        List<RelativeTimeRange> left = [];
        List<RelativeTimeRange> right = [];
        _ = ReadTimeRanges(text[..(at + 1)], left, quarters: true);
        _ = ReadTimeRanges(text[(at + 6)..], right, quarters: true);
        if (left is not [{ } first] || right is not [{ } second])
        {
            return text;
        }

        if (second.Year == 0 && first.Year > 0 && second.Kind == first.Kind && second.Kind is TimeRangeKind.NamedQuarter or TimeRangeKind.NamedMonth or TimeRangeKind.NamedHalf)
        {
            second = second with { Year = first.Year };
        }

        return Later(first, second) == true ? string.Concat(text.AsSpan(0, at), " vs ", text.AsSpan(at + 7), "difference ") : text;
    }

    // Whether the first range starts after the second, where that does not depend on the as-of; null when it may.
    private static bool? Later(RelativeTimeRange first, RelativeTimeRange second)
    {
        static bool Fixed(RelativeTimeRange r) => r.Kind switch
        {
            TimeRangeKind.Year or TimeRangeKind.DateSpan => true,
            TimeRangeKind.Since => r.From != default || r.Year != 0,
            TimeRangeKind.NamedQuarter or TimeRangeKind.NamedMonth or TimeRangeKind.NamedHalf or TimeRangeKind.MonthSpan => r.Year > 0,
            _ => false,
        };

        static bool Relative(RelativeTimeRange r) => r.Kind is not (TimeRangeKind.Year or TimeRangeKind.DateSpan or TimeRangeKind.Since or TimeRangeKind.NamedQuarter
            or TimeRangeKind.NamedMonth or TimeRangeKind.NamedHalf or TimeRangeKind.MonthSpan);

        // "Q3 this year minus Q3 last year" (stop 50): quarters of the as-of's year and of the year before.
        static int? YearBack(RelativeTimeRange r) => r.Kind != TimeRangeKind.NamedQuarter ? null : r.Year < 0 ? 1 : r.Year == 0 && r.CurrentYear ? 0 : null;
        if (YearBack(first) is int firstBack && YearBack(second) is int secondBack)
        {
            return firstBack == secondBack ? (first.Amount == second.Amount ? null : first.Amount > second.Amount) : firstBack < secondBack;
        }

        if ((Fixed(first) && Fixed(second)) || (Relative(first) && Relative(second)))
        {
            // Fixed ranges resolve alike at any instant; relative ones keep their order at every instant.
            DateTimeOffset reference = new(2001, 6, 15, 12, 0, 0, TimeSpan.Zero);
            DateTimeOffset a = first.Resolve(reference).Start;
            DateTimeOffset b = second.Resolve(reference).Start;
            return a == b ? null : a > b;
        }

        return null;
    }

    [GeneratedRegex(@"(?<= )(?:priced|costing|valued) (?=(?:between|over|above|under|below|at least|at most|more than|less than|from) )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex PricedRegex();

    [GeneratedRegex(@"(?<= worth (?:(?:more|less|greater|higher|lower) than |over |above |under |below |at least |at most |between |exactly |up to |in excess of )?)(?=\d)", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex WorthAmountRegex();

    [GeneratedRegex(@"(?<= (?:bought|buy|buys|purchased|purchase|ordered|order) anything) in (?!the |a |an |last |this |past |recent |that |those |these |\d)(?=[a-z])", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex AnythingInRegex();

    [GeneratedRegex(@"(?<= )viewed (more than|over|at least|fewer than|less than|under) (\d+) (?:products|items) (?!(?:in|from|of) (?!the last|the past|last|past))", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex ViewedCountRegex();

    [GeneratedRegex(@"(?<= )(?:in|from|across) (?:the |all |all the )?campaigns (?:using|that use|that used|which use|which used|with) (?:the |a )?(?=(?:[a-z0-9_]+ ){1,4}trigger(?: |$))", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex CampaignsUsingRegex();

    [GeneratedRegex(@"(?<= )(one|1|single) unit (?=)", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex OneUnitRegex();

    [GeneratedRegex(@"(?<= (?:did|do|have|had) we )(?:take|took|taken|receive|received|get|got|see|saw|seen|bring in|book|booked)(?= )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex TookOrdersRegex();

    // "churn-risk customers (churn prob above 0.6)": the customers the comparison right after them picks.
    [GeneratedRegex(@"(?<= )(?:[a-z]+ )?risk (?=(?:customers|people|shoppers|users|buyers) (?:[a-z]+ ){1,2}(?:over|above|at least|more than|greater than|under|below|less than|at most) \d)", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex RiskDefinedAfterRegex();

    [GeneratedRegex(@"(?<= )past (day|week|month|year)(?= )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex PastUnitRegex();

    [GeneratedRegex(@"(?<= the )last week (?!of )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex TheLastWeekRegex();

    [GeneratedRegex(@" (?:date|now|today|present) ", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex ToNowWordRegex();

    private const string DayPattern = "(?:20\\d\\d 0?[1-9] [0-3]?\\d|20\\d\\d 1[0-2] [0-3]?\\d|(?:" + MonthNamePattern + ") [0-3]?\\d(?:st|nd|rd|th)? 20\\d\\d|[0-3]?\\d(?:st|nd|rd|th)? (?:of )?(?:" + MonthNamePattern + ") 20\\d\\d|(?:" + MonthNamePattern + ") 20\\d\\d)";

    // "from 2026-01-01 to now", "Jan 1 2026 through today", "between 2026-01-01 and today": since the day; "Jan to now",
    // "from January 1st through today" (no year): since the start of that month, the latest one up to the as-of (the month
    // alone was read, a wrong answer).
    [GeneratedRegex(@" (?:(?:from|between|starting|starting from|for|in|over|during) )?(?:the period )?(?:from )?(?:(?<date>" + DayPattern + @")|(?:the (?:start|beginning) of )?(?:(?<month>" + MonthNamePattern + @")(?: (?:0?1|1st|first))?|(?:0?1|1st|first) (?:of )?(?<month>" + MonthNamePattern + @"))) (?:(?:all the way |up )?(?:to|through|thru|until|till|and)|up until|onwards to) (?:the )?(?:now|today|date|present|present day|current date|as of)(?= )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex DateToNowRegex();

    // "this year to date", "this month so far": the current period, which ends now.
    [GeneratedRegex(@"(?<= this (?:year|month|quarter|week) )(?:(?:up )?to date|so far|(?:up |up un)?(?:to|until|till|through) (?:now|today))(?= )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex CurrentPeriodToDateRegex();

    // "revenue to date", "customers we have acquired up to now": all the data (it ends now); not after a period, whose own "to
    // date" is read with it ("year to date", "November 2026 to date").
    [GeneratedRegex(@"(?<! (?:year|month|quarter|week|half|ytd|mtd|qtd|" + MonthNamePattern + @"|q[1-4]|h[12]|20\d\d|from|since|by|per|each|every|and|or)) (?:up )?(?:to date|till date|until date|to now|until now|till now|up until now)(?= )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex AllTimeToDateRegex();
}
