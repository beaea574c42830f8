using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using AetherSegment.Data;
using AetherSegment.Profiles;
using AetherSegment.Vocabulary;

namespace AetherSegment.Analytics;

/// <summary>
/// The embedded rule-based question parser: reads a question into one measure, at most one dimension, filters on
/// catalog values, a relative time range, a top-N limit and a sort order. It refuses questions that try to change
/// data or read personal data, and it does not guess: a word it cannot place makes the question unanswerable.
/// </summary>
/// <remarks>Stateless and thread-safe; the words come from the <see cref="SemanticLayer"/> of the business asked about.</remarks>
internal static partial class QuestionParser
{
    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "a", "an", "the", "of", "in", "on", "for", "from", "at", "to", "by", "with", "and", "or", "our", "we", "us", "you", "i", "me", "my",
        "your", "their", "its", "it", "is", "are", "was", "were", "be", "been", "being", "do", "does", "did", "done", "have", "has", "had",
        "there", "here", "what", "whats", "which", "who", "how", "many", "much", "show", "tell", "give", "list", "get", "got", "find", "see",
        "display", "please", "can", "could", "would", "will", "should", "s", "total", "overall", "all", "number", "count", "amount", "sum",
        "per", "each", "every", "across", "split", "broken", "down", "break", "breakdown", "grouped", "group", "sorted", "sort", "ordered",
        "rank", "ranked", "ranking", "compare", "compared", "comparison", "vs", "versus", "between", "against", "over", "during", "within",
        "than", "then", "as", "that", "this", "those", "these", "so", "far", "currently", "current", "now", "made", "make", "makes",
        "generated", "generate", "generates", "bought", "buy", "purchased", "ordered", "placed", "sold", "spent", "came", "come", "acquired",
        "signed", "sign", "up", "using", "use", "used", "via", "through", "data", "stats", "statistics", "figure", "figures", "numbers",
        "level", "levels", "distribution", "abandoned", "left", "happened", "recorded", "registered", "saw", "seen", "only", "just", "also",
        "like", "look", "looks", "looking", "actually", "when", "where", "they", "them", "customer", "score", "scores", "metric", "metrics",
        "report", "result", "results", "been", "having", "since", "into", "about", "out", "any", "were", "was", "let", "know", "want", "need",
        "rate", "most", "each", "ones", "one", "drive", "drove", "drives", "bring", "brings", "brought", "produce", "produced", "had",
        "whose", "comes", "coming", "both", "originally",
        // Contractions as the normalizer writes them without the apostrophe ("customers who've bought ..."): "who have", "we have".
        "whove", "weve", "theyve",
        // "<event type> usage by device": the event type's events, as "<event type> by device" reads.
        "usage",
        // Filler a new user says around what is asked ("shoppers who live in <city>", "carts worth over $1,000", "bought
        // <X> as well as <Y>", "lifetime spend"): none of them changes the measure, a filter or a range.
        "live", "lives", "living", "located", "based", "worth", "well", "happen", "happens", "popular", "lifetime", "sell", "sells", "but",
        // "have ever bought", "bought something from <category>", "orders that included <product type>" (an order with
        // it), "top 5 ... including ties" (top N keeps ties already): the same question without them.
        "ever", "something", "include", "included", "includes", "including", "contain", "contained", "contains", "containing",
        "ties", "tie", "tied",
        // "found us through paid search", "did we pick up from referrals", "did we acquire", "gets the most wishlist adds".
        "found", "pick", "picked", "acquire", "acquiring", "gets",
        // "bought <category> but never anything from <category>": the same question without it.
        "anything",
        // "churn among customers from social", "which trigger delivered the biggest uplift", "best-selling product types by
        // units" (the measure is named), "value sitting in carts": the same question without them.
        "among", "amongst", "delivered", "deliver", "delivers", "selling", "sitting",
        // "how many individual orders": the same question without it.
        "individual",
        // "the mobile apps (iOS plus Android)": the values listed as "and" lists them.
        "plus",
    };

    /// <summary>Whether a word is one the parser skips ("the", "per", "us").</summary>
    public static bool IsStopWord(string word) => StopWords.Contains(word);

    public static ParsedQuestion Parse(string question, SemanticLayer layer) => Parse(question, layer, null);

    /// <summary>Reads a question; <paramref name="campaignNames"/> are the campaign names in the data, read as filters.</summary>
    public static ParsedQuestion Parse(string question, SemanticLayer layer, IReadOnlyList<string>? campaignNames) => Parse(question, layer, campaignNames, null);

    /// <summary>
    /// Reads a question; <paramref name="campaignNames"/> and <paramref name="campaignIds"/> are the campaign names and
    /// ids in the data ("the Spring Sale campaign", "campaign CMP004"), read as filters. The names are prepared once per
    /// list instance: pass a new list when the campaigns change, not the same list changed.
    /// </summary>
    public static ParsedQuestion Parse(string question, SemanticLayer layer, IReadOnlyList<string>? campaignNames, IReadOnlyList<string>? campaignIds)
    {
        ArgumentNullException.ThrowIfNull(layer);
        return Read(question, layer, campaignNames, campaignIds, reasonNeeded: true);
    }

    /// <summary>
    /// A question read through every step; <paramref name="reasonNeeded"/> false for a caller that keeps the reading only when
    /// it is answered, whose declined reading may then have another reason than the public one (QuestionParser.ParseSpeedStop45.cs).
    /// </summary>
    private static ParsedQuestion Read(string question, SemanticLayer layer, IReadOnlyList<string>? campaignNames, IReadOnlyList<string>? campaignIds, bool reasonNeeded)
    {
        // A share whose whole has a condition reads its whole and its part as questions of their own, from more than one
        // reading: the last few readings are kept per thread, so each such question is read once.
        ParseMemo memo = reasonNeeded ? t_parses ??= new ParseMemo() : t_statusParses ??= new ParseMemo();
        if (memo.Find(question, layer, campaignNames, campaignIds) is { } known)
        {
            return known;
        }

        // "how many different cities ...": the number of rows of the list (QuestionParser.CountOfValues.cs).
        if (CountOfValuesRead(question, layer, campaignNames, campaignIds, out DimensionDefinition? counted) is { } values)
        {
            memo.Add(question, layer, campaignNames, campaignIds, values);
            return values;
        }

        string read = SharedCampaignEndSaid(WordingRewritten(question, layer), campaignNames);
        ParsedQuestion parsed = PeriodAskBack(question) is { } askBack
            ? ParsedQuestion.Unplaced(askBack)
            : ReadSteps(read, layer, campaignNames, campaignIds, reasonNeeded);
        if (parsed.Status != AnalyticsAnswerStatus.Answered
            && (TwoRowThresholds(question, layer, campaignNames, campaignIds) ?? (ReferenceEquals(read, question) ? null : TwoRowThresholds(read, layer, campaignNames, campaignIds))) is { } both)
        {
            // "abandoned carts over $1,000 with at least 3 items" (QuestionParser.TwoRowThresholds.cs), as asked, then as rewritten.
            parsed = both;
        }
        else if (parsed.Status != AnalyticsAnswerStatus.Answered && PlaceMovedRead(question, layer, campaignNames, campaignIds) is { } moved)
        {
            // "each <place> buyer", "orders placed by <place> customers" (QuestionParser.PerCustomerStop51.cs).
            parsed = moved;
        }

        if (reasonNeeded && parsed.Status != AnalyticsAnswerStatus.Answered && parsed.Reason is { } why && why.Contains("time range", StringComparison.Ordinal)
            && (ReadRangePerClause(question, layer, campaignNames, campaignIds) ?? (ReferenceEquals(read, question) ? null : ReadRangePerClause(read, layer, campaignNames, campaignIds))) is { } perClause)
        {
            // "abandoned a cart in the last 7 days and bought something in the last 30 days" (QuestionParser.RangePerClause.cs),
            // tried only on a question declined for its ranges, and not again on the texts read inside a reading (parse speed);
            // as asked, then as rewritten ("placed at least one order in <A> and at least one order <B>", stop 59).
            parsed = perClause;
        }

        if (parsed.Status != AnalyticsAnswerStatus.Answered && CommaListJoined(question, layer) is { } joined
            && ReadSteps(SharedCampaignEndSaid(WordingRewritten(joined, layer), campaignNames), layer, campaignNames, campaignIds, reasonNeeded) is { Status: AnalyticsAnswerStatus.Answered } listed)
        {
            // "customers in <a>, <b> or <c> who never bought" read as "in <a> or <b> or <c>" (QuestionParser.LeadStop55.cs).
            parsed = listed;
        }

        if (parsed.Status != AnalyticsAnswerStatus.Answered && OfTheCustomersWhoSaid(question) is { } ofThem
            && ReadSteps(SharedCampaignEndSaid(WordingRewritten(ofThem, layer), campaignNames), layer, campaignNames, campaignIds, reasonNeeded) is { Status: AnalyticsAnswerStatus.Answered } ofThemRead)
        {
            // "Of the customers who <X>, how many also <Y>" read as "how many customers <X> and also <Y>" (QuestionParser.LeadStop55.cs).
            parsed = ofThemRead;
        }

        if (parsed.Status != AnalyticsAnswerStatus.Answered && ValueWithBreakdownSaidAlone(question, layer) is { } alone
            && ReadSteps(SharedCampaignEndSaid(WordingRewritten(alone, layer), campaignNames), layer, campaignNames, campaignIds, reasonNeeded) is { Status: AnalyticsAnswerStatus.Answered } aloneRead)
        {
            // "both the <A> category and the <B> category" read as "both <A> and <B>" (QuestionParser.LeadStop63.cs).
            parsed = aloneRead;
        }

        // "Among <a place> customers, which device logs the most <an event type>" (QuestionParser.LeadStop54.cs).
        parsed = CustomersOnlyFramed(question, parsed, layer);
        // "how does X's conversion rate compare with the overall conversion rate" (QuestionParser.LeadStop63.cs).
        parsed = OverallComparisonDeclined(question, parsed);
        if (counted is not null && parsed.Query is not { CountOfValues: true })
        {
            // "number of countries" read as the customers by country: the countries counted, or declined rather than listed.
            parsed = CountedValues(parsed, counted) ?? (parsed.Query?.Dimension?.Key == counted.Key
                ? ParsedQuestion.Unplaced($"\"{counted.PluralLabel}\" is asked as a number of them, but I read the list of them with their {parsed.Query.Measure.Label}; ask \"which {counted.PluralLabel} ...\" for the list") : parsed);
        }

        memo.Add(question, layer, campaignNames, campaignIds, parsed);
        return parsed;
    }

    [ThreadStatic]
    private static ParseMemo? t_parses;

    [ThreadStatic]
    private static ParseMemo? t_statusParses;

    /// <summary>
    /// Forgets this thread's recent readings and rewrites, so the next question is read from scratch: a benchmark that
    /// asks one question many times times each reading, not a lookup.
    /// </summary>
    internal static void ForgetRecentReadings()
    {
        t_parses?.Clear();
        t_statusParses?.Clear();
        t_colloquial?.Clear();
        t_readings?.Clear();
        QuestionText.ForgetRecent();
    }

    /// <summary>The last 32 questions read (stop 48, was eight), keyed by the question and the very layer and campaign lists it was read with.</summary>
    private sealed class ParseMemo
    {
        private readonly (string Question, SemanticLayer Layer, IReadOnlyList<string>? Names, IReadOnlyList<string>? Ids, ParsedQuestion Parsed)?[] _entries = new (string, SemanticLayer, IReadOnlyList<string>?, IReadOnlyList<string>?, ParsedQuestion)?[32];
        private int _next;

        public ParsedQuestion? Find(string question, SemanticLayer layer, IReadOnlyList<string>? names, IReadOnlyList<string>? ids)
        {
            foreach ((string Question, SemanticLayer Layer, IReadOnlyList<string>? Names, IReadOnlyList<string>? Ids, ParsedQuestion Parsed)? entry in _entries)
            {
                if (entry is { } e && ReferenceEquals(e.Layer, layer) && ReferenceEquals(e.Names, names) && ReferenceEquals(e.Ids, ids) && string.Equals(e.Question, question, StringComparison.Ordinal))
                {
                    return e.Parsed;
                }
            }

            return null;
        }

        public void Clear() => Array.Clear(_entries);

        public void Add(string question, SemanticLayer layer, IReadOnlyList<string>? names, IReadOnlyList<string>? ids, ParsedQuestion parsed)
        {
            _entries[_next] = (question, layer, names, ids, parsed);
            _next = (_next + 1) % _entries.Length;
        }
    }

    /// <summary>
    /// A text read with every reading tried in turn; <paramref name="goldenReasonLeft"/> says it was declined by all of
    /// them, and its golden-file reason (<see cref="WithGoldenReason"/>) is left to the caller.
    /// </summary>
    private static ParsedQuestion ParseUnframedOnce(string question, SemanticLayer layer, IReadOnlyList<string>? campaignNames, IReadOnlyList<string>? campaignIds, out bool goldenReasonLeft)
    {
        goldenReasonLeft = false;
        question = UnframedText(question, layer);
        // "among customers with web sessions" said beside the sessions counted: a per-customer statistic or nothing
        // (QuestionParser.PerCustomerBases.cs).
        if (SameRowsBaseSaid(question))
        {
            return ReadStatistic(question, layer, campaignNames, campaignIds)
                ?? ParsedQuestion.Unplaced("\"with at least one such session\": the base of a per-customer average, which I could not read with the rest; ask as in \"average number of sessions per customer among customers with at least one session\"");
        }

        // "the most common event type", "added to cart most often" (QuestionParser.MostOften.cs).
        if (ReadMostOften(question, layer, campaignNames, campaignIds) is { } mostOften)
        {
            return mostOften;
        }

        // "how many add-to-carts per checkout start" (QuestionParser.EventRatios.cs).
        if (ReadEventRatio(question, layer, campaignNames, campaignIds) is { } eventRatio)
        {
            return eventRatio;
        }

        if (ReadRowsOfCustomers(question, layer, campaignNames, campaignIds) is { } rowsOfCustomers)
        {
            return rowsOfCustomers;
        }

        // "bought <A> in 2025 and again in 2026", "bought in 2025 but not in 2026" (QuestionParser.TwoRanges.cs).
        if (ReadTwoRanges(question, layer, campaignNames, campaignIds) is { } twoRanges)
        {
            return twoRanges;
        }

        // "what share of customers who bought <A> also bought <B>": a whole with a condition of its own, which the readings
        // below would drop (QuestionParser.SharesAndStatistics.cs).
        if (ReadConditionedWhole(question, layer, campaignNames, campaignIds, conditionRequired: true) is { } wholeWithCondition)
        {
            return wholeWithCondition;
        }

        // "What proportion of customers have an abandoned cart?": the share of customers with at least one.
        if (ReadShareWithAny(question, layer, campaignNames, campaignIds, out bool shareWithAnySaid) is { } shareWithAny)
        {
            return shareWithAny;
        }

        // "of ios and android events, what share are on ios": one value out of the list (QuestionParser.ShareOfListed.cs).
        ParsedQuestion parsed = ShareOfListedValues(Parse(question, layer, campaignNames, campaignIds, legacy: false), question, layer);
        if (shareWithAnySaid && parsed.Query is { Share: true } otherShare && !ReferenceEquals(otherShare.Measure, layer.CustomerCount))
        {
            return ParsedQuestion.Unplaced($"a share of customers who have a ...: I read a share of {otherShare.Measure.Label} instead; ask as in \"what share of customers have at least one abandoned cart\"");
        }

        if (parsed.Status != AnalyticsAnswerStatus.Unanswerable)
        {
            return parsed;
        }

        // "in the treatment group of X did not convert", "never in any campaign at all (neither treatment nor control)"
        // (QuestionParser.CampaignOutcomes.cs).
        if (ReadCampaignOutcomes(question, layer, campaignNames, campaignIds) is { } campaignOutcome)
        {
            return campaignOutcome;
        }

        // "abandoned a cart in the last 7 days and were also in the treatment group of X", "treated in X but never in the
        // treatment group of any other campaign", the uplift said with its definition (QuestionParser.CampaignMemberships.cs).
        if (ReadCampaignMemberships(question, layer, campaignNames, campaignIds) is { } campaignMembership)
        {
            return campaignMembership;
        }

        // Campaign families, groups' sizes and conversions said in words (QuestionParser.CampaignsAndTriggers.cs).
        if (ReadCampaignsAndTriggers(question, layer, campaignNames, campaignIds) is { } campaignsAndTriggers)
        {
            return campaignsAndTriggers;
        }

        // A share whose whole has a condition of its own ("what percentage of customers with an abandoned cart are
        // exclusivity seekers"): read only where the rest of the parser declined (QuestionParser.SharesAndStatistics.cs).
        if (ReadConditionedWhole(question, layer, campaignNames, campaignIds, conditionRequired: false) is { } conditionedWhole)
        {
            return conditionedWhole;
        }

        // A statistic over values ("median order value", "the biggest total spend by a single customer"): read only where
        // the rest of the parser declined.
        if (ReadStatistic(question, layer, campaignNames, campaignIds) is { } statistic)
        {
            return statistic;
        }

        // Events said as verbs ("searched", "wishlisted", "did not add anything to cart"): read again as the event types'
        // words, only where the rest of the parser declined (QuestionParser.EventVerbs.cs).
        // "were active (any behavioral event)", "more than 10 <event type>s", "logged more than 20 events"
        // (QuestionParser.ActiveAndEventCounts.cs).
        if (ReadActiveAndEventCounts(question, layer, campaignNames, campaignIds) is { } activeOrCounted)
        {
            return activeOrCounted;
        }

        if (EventVerbsSaid(question, layer) is { } eventWords && ParseOnce(eventWords, layer, campaignNames, campaignIds, reasonNeeded: false) is { Status: not AnalyticsAnswerStatus.Unanswerable } eventVerbs)
        {
            return eventVerbs;
        }

        // "how many times", events "logged", sessions with "at least one <event type> event" (QuestionParser.EventsSessionsFunnels.cs).
        if (ReadEventsSaidOtherwise(question, layer, campaignNames, campaignIds) is { } eventsSaidOtherwise)
        {
            return eventsSaidOtherwise;
        }

        goldenReasonLeft = true;
        return parsed;
    }

    /// <summary>The text every reading of <see cref="ParseUnframedOnce"/> reads: labels defined, restated values and ranges dropped.</summary>
    private static string UnframedText(string question, SemanticLayer layer) =>
        CustomersInGroupSaid(CountOfCustomersSaid(DropRestatedValues(Shorthand(DropRestatedRanges(LabelDefinedByMeaning(ScoreLabelsDefined(LabelDefinedByThreshold(question), layer), layer))), layer), layer));

    /// <summary>
    /// A question declined by every reading keeps the reason the parser gave before comparisons, exclusions and shares were
    /// read (the golden file's), with the new reading's reason as its detail; <paramref name="text"/> is its
    /// <see cref="UnframedText"/>.
    /// </summary>
    private static ParsedQuestion WithGoldenReason(string text, SemanticLayer layer, IReadOnlyList<string>? campaignNames, ParsedQuestion parsed)
    {
        ParsedQuestion before = Parse(text, layer, campaignNames, null, legacy: true);
        return before.Status == AnalyticsAnswerStatus.Unanswerable && before.Reason != parsed.Reason ? before with { Detail = parsed.Reason, Partial = parsed.Partial } : parsed;
    }

    private static ParsedQuestion ReadOnce(string question, SemanticLayer layer, IReadOnlyList<string>? campaignNames, IReadOnlyList<string>? campaignIds, bool legacy)
    {
        string normalized = QuestionText.Normalize(question);
        string text = legacy ? normalized : NoOrderSaid(Colloquial(ValueOfRegex().Replace(normalized, " value of ")));
        if (RefusalReason(text, layer) is { } refusal)
        {
            return ParsedQuestion.Refused(refusal);
        }

        // "and have not ordered since": after each customer's own event, not a range (QuestionParser.SameWindow.cs).
        if (!legacy && SinceTheEventReason(text) is { } sinceTheEvent)
        {
            return ParsedQuestion.Unplaced(sinceTheEvent);
        }

        // "per customer country": the customers' country (QuestionParser.Lists.cs), not a split per single customer.
        text = legacy ? text : PlaceInsidePerCustomer(CustomerAttributeSaid(text, layer), layer);

        // Before ratios were read, "per customer" was declined outright; now only when no ratio is placed on it.
        bool perCustomer = PerCustomerRegex().IsMatch(text) || layer.CustomerWords.Any(noun => PerNoun(text, noun));
        if (perCustomer && legacy)
        {
            return ParsedQuestion.Unplaced(PerCustomerReason);
        }

        if (!legacy && UnknownTrigger(question, layer) is { } noTrigger)
        {
            return ParsedQuestion.Unplaced(noTrigger);
        }

        // Campaign names and ids first: a name holds words read otherwise ("Winter 2026 Win-Back Discount" holds a year
        // and a trigger word), so it is placed whole before time ranges and the vocabulary take its parts.
        List<(QueryFilter Filter, int At)> placed = [];
        if (campaignNames is not null)
        {
            text = ReadCampaignNames(text, layer, campaignNames, placed, out string? ambiguous);
            if (ambiguous is not null)
            {
                return ParsedQuestion.Unplaced(ambiguous);
            }
        }

        if (campaignIds is not null)
        {
            text = ReadCampaignIds(text, layer, campaignIds, placed);
        }

        // "customers who never ordered", "have not abandoned a cart in the last 30 days": customers without any such row.
        List<MeasureDefinition> never = [];
        int neverWordAt = -1;
        if (!legacy)
        {
            string? unmapped = null;
            text = Consume(text, NeverRegex(), m =>
            {
                neverWordAt = m.Value.Contains("never", StringComparison.Ordinal) ? m.Index : neverWordAt;
                string what = m.Groups["cart"].Success ? "abandoned_carts" : "buyers";
                if (layer.Measure(what) is { Missing: null } measure)
                {
                    if (!never.Contains(measure))
                    {
                        never.Add(measure);
                    }
                }
                else
                {
                    unmapped ??= m.Value.Trim();
                }
            });
            if (unmapped is not null)
            {
                return ParsedQuestion.Unplaced($"\"{unmapped}\" needs data this profile does not map");
            }
        }

        // Session words before the time ranges and comparisons take their numbers (QuestionParser.Sessions.cs).
        SessionWords sessionWords = SessionWords.None;
        if (!legacy)
        {
            text = ReadSessionWords(text, out sessionWords);
            if (sessionWords.Decline is { } noSession)
            {
                return ParsedQuestion.Unplaced(noSession);
            }
        }

        // Campaign membership words before the arms are read (QuestionParser.Campaigns.cs).
        CampaignWords campaignWords = CampaignWords.None;
        CampaignCount? campaignCount = null;
        if (!legacy)
        {
            // "held out in 3 or more campaigns" (QuestionParser.CustomersAndCampaigns.cs), before the comparisons take the number.
            text = ReadCampaignCount(text, out campaignCount, out string? noCount);
            if (noCount is not null)
            {
                return ParsedQuestion.Unplaced(noCount);
            }

            text = ReadCampaignWords(text, placed, out campaignWords);
        }

        // Events included and excluded per customer (QuestionParser.Events.cs), after the range said again of the negated
        // part (QuestionParser.SameWindow.cs).
        EventWords eventWords = EventWords.None;
        if (!legacy)
        {
            text = ReadEventWords(SameWindowSaid(SameDaysSaid(text)), out eventWords);
        }

        // A second range on the "never" part (QuestionParser.Ranges.cs).
        RelativeTimeRange? neverTime = null;
        bool trailsNever = false;
        bool neverAllTime = false;
        if (!legacy)
        {
            text = SameRangeAfterNegation(text);
            text = ReadNeverRange(text, never.Count, out neverTime);
            trailsNever = neverTime is null && TrailsTheNeverPart(text, never.Count);
            neverAllTime = neverTime is null && !trailsNever && !eventWords.SamePeriod && NeverAfterTheRange(text, neverWordAt, never.Count);
        }

        bool howMany = HowManyRegex().IsMatch(text);
        bool whichOrWhat = WhichRegex().IsMatch(text);

        List<RelativeTimeRange> times = [];
        string beforeTimes = text;
        if (!legacy)
        {
            text = ReadPrecedingRanges(text, times);
        }

        bool overPeriod = false;
        if (!legacy)
        {
            string? unit = null;
            text = Consume(text, OverPeriodRegex(), m => unit = m.Groups["unit"].Success ? m.Groups["unit"].Value : m.Groups["abbr"].Value == "mom" ? "month" : "year");
            text = ReadTimeRanges(text, times, quarters: true);
            if (unit == "month" && times is [{ Kind: TimeRangeKind.NamedMonth } earlier, { Kind: TimeRangeKind.NamedMonth } later]
                && later.Amount == (earlier.Amount % 12) + 1 && (earlier.Year == 0 || later.Year == 0 || later.Year == earlier.Year + (later.Amount == 1 ? 1 : 0)))
            {
                // "month over month revenue growth from September to October 2026": the two months named, one after the
                // other, are the two periods (a year said once holds for both).
                int laterYear = later.Year != 0 ? later.Year : earlier.Year == 0 ? 0 : earlier.Year + (later.Amount == 1 ? 1 : 0);
                int earlierYear = earlier.Year != 0 ? earlier.Year : laterYear == 0 ? 0 : laterYear - (later.Amount == 1 ? 1 : 0);
                times[0] = new RelativeTimeRange(TimeRangeKind.NamedMonth, earlier.Amount, earlierYear, LanguageWords.MonthNames[earlier.Amount - 1] + (earlierYear == 0 ? "" : string.Create(CultureInfo.InvariantCulture, $" {earlierYear}")));
                times[1] = new RelativeTimeRange(TimeRangeKind.NamedMonth, later.Amount, laterYear, LanguageWords.MonthNames[later.Amount - 1] + (laterYear == 0 ? "" : string.Create(CultureInfo.InvariantCulture, $" {laterYear}")));
                overPeriod = true;
            }
            else if (unit is not null)
            {
                // "month-over-month growth in orders for October 2026": October 2026 against the month before it.
                if (times is not [{ Kind: TimeRangeKind.NamedMonth } named] || (unit == "year" && named.Year == 0))
                {
                    return ParsedQuestion.Unplaced($"\"{unit} over {unit}\" needs one named month{(unit == "year" ? " with its year" : "")}, as in \"{unit} over {unit} growth in revenue for October 2026\"");
                }

                int month = unit == "month" ? (named.Amount == 1 ? 12 : named.Amount - 1) : named.Amount;
                int year = named.Year == 0 ? 0 : unit == "year" || named.Amount == 1 ? named.Year - 1 : named.Year;
                string label = LanguageWords.MonthNames[month - 1] + (year == 0 ? "" : string.Create(CultureInfo.InvariantCulture, $" {year}"));
                times.Insert(0, new RelativeTimeRange(TimeRangeKind.NamedMonth, month, year, label));
                overPeriod = true;
            }
        }
        else
        {
            text = ReadTimeRanges(text, times, quarters: false);
        }

        // "abandoned a cart in the last 7 days and haven't ordered in the last 7 days": the same range said for each part of
        // the question is one range over all of it (two different ranges are asked back below).
        // Said three times ("median spend for 2025 (each customer's total 2025 order value, among buyers in 2025)") alike.
        if (!legacy && !overPeriod && times.Count >= 2 && !times[0].IsPreceding && times.TrueForAll(t => t == times[0]))
        {
            times.RemoveRange(1, times.Count - 1);
        }

        bool growth = overPeriod;
        bool growthPercent = overPeriod;

        // "growth", "grow", "grew": the answer leads with the percent change; "change", "difference", "how much more"
        // lead with the amount (both figures are always given).
        bool growthWord = false;
        // "how much more ... in A than in B" is A minus B: the change only when A is the later period ("less": the earlier).
        bool? firstSaidLater = null;
        bool howManyMore = false;
        bool precedingSaid = times.Exists(t => t.IsPreceding);
        if (precedingSaid && times.Count != 2)
        {
            return ParsedQuestion.Unplaced("\"before\" what? Compare with a rolling range, as in \"revenue in the last 30 days vs the 30 days before\"");
        }

        if (!legacy && times.Count == 2)
        {
            // Two periods compared ("this month vs last month", "Q1 vs Q2", "from 2024 to 2025"), or the change between them.
            text = Consume(text, GrowthPercentRegex(), _ => growth = growthPercent = true);
            text = Consume(text, GrowthRegex(), m =>
            {
                growth = true;
                growthWord |= m.Value.Trim().StartsWith("gr", StringComparison.Ordinal);
                firstSaidLater = m.Groups["more"].Success ? true : m.Groups["less"].Success ? false : firstSaidLater;
                howManyMore |= m.Value.Trim().StartsWith("how many", StringComparison.Ordinal);
            });
            if (firstSaidLater is not null && !SaidFirst(beforeTimes, times))
            {
                return ParsedQuestion.Unplaced("\"how much more ... than\" needs the two periods said one on each side of \"than\", as in \"how much more revenue in 2026 than in 2025\"");
            }

            if (!growth && !precedingSaid && !VersusRegex().IsMatch(text))
            {
                return ParsedQuestion.Unplaced("ask about one time range at a time, or compare two, as in \"revenue this month vs last month\"");
            }

            FixPreceding(times);
            if (times.Exists(t => t.IsPreceding && t.Year == 0))
            {
                return ParsedQuestion.Unplaced("\"before\" what? Compare with a rolling range, as in \"revenue in the last 30 days vs the 30 days before\"");
            }
        }
        else if (times.Count > 1)
        {
            return ParsedQuestion.Unplaced("ask about one time range at a time");
        }

        string afterTime = text;
        List<(NumericComparison Comparison, int Start, int End)> comparisons = [];
        if (!legacy)
        {
            text = Consume(text, ComparisonRegex(), m => comparisons.Add((ReadComparison(m), m.Index, m.Index + m.Length)));
            text = Consume(text, OrMoreRegex(), m => comparisons.Add((ReadOrMore(m), m.Index, m.Index + m.Length)));
            if (comparisons.Find(c => c.Comparison is { Operator: ComparisonOperator.Between, Upper: null }).Comparison is { } open)
            {
                return ParsedQuestion.Unplaced($"\"{open.Phrase}\" and what? Give both ends of the range, as in \"between 100 and 500\"");
            }

            // "carts with more than 2 items": a number of items compares each row's item count, not its value.
            for (int i = 0; i < comparisons.Count; i++)
            {
                (NumericComparison itemCount, int start, int end) = comparisons[i];
                if (!itemCount.Money && !itemCount.Percent && ItemsRegex().Match(text, end) is { Success: true } items && items.Index == end + 1)
                {
                    comparisons[i] = (itemCount with { Items = true, Phrase = itemCount.Phrase + " " + items.Value }, start, items.Index + items.Length);
                    text = string.Concat(text.AsSpan(0, items.Index), new string('#', items.Length), text.AsSpan(items.Index + items.Length));
                }
            }
        }
        int? limit = null;
        AnalyticsSort sort = AnalyticsSort.Default;
        bool superlative = false;
        text = Consume(text, TopRegex(), m =>
        {
            limit = ReadNumber(m.Groups[2].Value);
            sort = m.Groups[1].Value is "bottom" or "worst" or "lowest" or "smallest" or "weakest" ? AnalyticsSort.MeasureAscending : AnalyticsSort.MeasureDescending;
        });
        if (!legacy && limit is null)
        {
            // "the five best-selling product types by units", "the 3 lowest cities by revenue": the number before the word.
            text = Consume(text, NumberTopRegex(), m =>
            {
                limit = ReadNumber(m.Groups[1].Value);
                sort = m.Groups[2].Value is "bottom" or "worst" or "lowest" or "smallest" or "weakest" ? AnalyticsSort.MeasureAscending : AnalyticsSort.MeasureDescending;
            });
        }
        if (!legacy && limit is null && (MostRegex().IsMatch(text) || LeastRegex().IsMatch(text)))
        {
            // "which 5 cities have the most customers": the number said after "which" is the top N of the superlative.
            text = Consume(text, WhichTopRegex(), m => limit = ReadNumber(m.Groups[1].Value));
        }

        // The rows a top N keeps ("top 3", "the 3 weakest", "the most") and the order they are listed in ("lowest first")
        // are one sort: said the two ways round ("the bottom 3, highest first") the question is declined, never answered
        // with the other end of the ranking.
        AnalyticsSort kept = limit is null ? AnalyticsSort.Default : sort;
        AnalyticsSort listed = AnalyticsSort.Default;
        text = Consume(text, AscendingRegex(), _ => sort = listed = AnalyticsSort.MeasureAscending);
        text = Consume(text, DescendingRegex(), _ => sort = listed = AnalyticsSort.MeasureDescending);
        text = Consume(text, AlphabeticalRegex(), _ => sort = AnalyticsSort.DimensionAscending);
        text = Consume(text, MostRegex(), _ =>
        {
            superlative = true;
            kept = kept == AnalyticsSort.Default ? AnalyticsSort.MeasureDescending : kept;
            sort = sort == AnalyticsSort.Default ? AnalyticsSort.MeasureDescending : sort;
        });
        text = Consume(text, LeastRegex(), _ =>
        {
            superlative = true;
            kept = kept == AnalyticsSort.Default ? AnalyticsSort.MeasureAscending : kept;
            sort = sort == AnalyticsSort.Default ? AnalyticsSort.MeasureAscending : sort;
        });
        if (limit is not null && kept != AnalyticsSort.Default && listed != AnalyticsSort.Default && kept != listed)
        {
            return ParsedQuestion.Unplaced($"the {(kept == AnalyticsSort.MeasureDescending ? "top" : "bottom")} {limit} listed {(listed == AnalyticsSort.MeasureDescending ? "highest" : "lowest")} first: a top N is listed from its own end; ask for the top or the bottom {limit} alone");
        }

        List<(string Phrase, int Start, int End)> negations = [];
        if (!legacy)
        {
            foreach (Match m in NegationRegex().Matches(text))
            {
                negations.Add((m.Value.Trim(), m.Index, m.Index + m.Length));
            }
        }

        // "the conversion rate of the treatment group": sends, conversions and the conversion rate already count the
        // treatment arm alone; any other measure declines the words below.
        bool treatmentSaid = false;
        int treatmentAt = -1;
        string? armsSaid = null;
        if (!legacy)
        {
            // "the treatment conversion rate minus the control conversion rate", "the difference between the treatment and
            // control conversion rates": the campaign uplift, said in its parts (the same length, so positions hold).
            text = UpliftPartsRegex().Replace(text, m => "uplift" + new string(' ', m.Length - "uplift".Length));
            // "conversion rate for treatment vs control", "the control and treatment groups' conversion rates": both arms side
            // by side, one row each (not their difference: "difference", "gap" or "lift" said with them is declined).
            if (!ArmDifferenceRegex().IsMatch(text))
            {
                text = Consume(text, ArmsRegex(), m => armsSaid = m.Value.Trim());
            }

            text = Consume(text, TreatmentGroupRegex(), m =>
            {
                treatmentSaid = true;
                treatmentAt = m.Index;
            });

            // "how many campaigns did we run in 2026", "campaigns we sent", "campaigns that were launched": the verb of a
            // campaign said after it adds nothing to the count of campaigns.
            text = Consume(text, CampaignVerbRegex(), _ => { });

            // "made exactly one purchase": a purchase counted after a number is an order (padded to the same length).
            text = OnePurchaseRegex().Replace(text, "order   ");

            // "bought at least 3 times": a purchase counted in times is an order ("order", as long as "times").
            if (PurchaseVerbRegex().IsMatch(text))
            {
                text = TimesRegex().Replace(text, "order");
            }
        }

        // "came to us", "spent with us": the common word, unless the question writes it as the profile does ("US").
        foreach (PronounPhrase pronoun in layer.Lexicon.Pronouns)
        {
            if (text.Contains(" " + pronoun.Phrase + " ", StringComparison.Ordinal) && !pronoun.Written.Any(w => WrittenAs(question, w)))
            {
                text = Consume(text, pronoun.Pronoun, _ => { });
            }
        }

        foreach (GuardedPhrase guarded in layer.Lexicon.Guarded)
        {
            if (!text.Contains(guarded.Said, StringComparison.Ordinal))
            {
                continue;
            }

            text = Consume(text, guarded.Pattern, m => placed.Add((new QueryFilter(guarded.Dimension.Key, [guarded.Value], m.Value.Trim()), m.Index)));
        }

        // "the 5 most viewed product types": views are the events of the profile's one event type of kind view.
        int viewedAt = -1;
        if (!legacy && EventWordsOf(layer).ViewTypes is [{ } viewType]
            && layer.Dimension("event_type") is { Missing: null } eventType && layer.Measure("events") is { Missing: null })
        {
            // Read where "most" was still written (it is masked by now).
            if (MostViewedRegex().Match(afterTime) is { Success: true } m && string.CompareOrdinal(text, m.Index, "viewed", 0, 6) == 0)
            {
                viewedAt = m.Index;
                placed.Add((new QueryFilter(eventType.Key, [viewType.Name], m.Value) { NamesMeasure = true }, m.Index));
                text = string.Concat(text.AsSpan(0, m.Index), new string('#', m.Length), text.AsSpan(m.Index + m.Length));
            }
        }

        // "customers who added something to cart": customers with an event of the profile's one event type of kind cart.
        CustomerCondition? addedToCart = null;
        string? addedPhrase = null;
        if (!legacy && EventWordsOf(layer).CartTypes is [{ } cartType]
            && layer.Dimension("event_type") is { Missing: null } cartEvents && layer.Measure("events") is { Missing: null } events)
        {
            text = Consume(text, AddedToCartRegex(), m =>
            {
                addedPhrase = m.Value.Trim();
                addedToCart = new CustomerCondition(events, [new QueryFilter(cartEvents.Key, [cartType.Name], addedPhrase)], null, null, false);
            });
        }

        List<MeasureDefinition> measures = [];
        List<(MeasureDefinition Measure, int Start, int End)> measureAt = [];
        List<(DimensionDefinition Dimension, bool Plural)> dimensions = [];
        List<(DimensionDefinition Dimension, string Phrase, int Start)> dimensionAt = [];
        foreach (LexiconEntry entry in layer.Lexicon.Candidates(text))
        {
            int at;
            while ((at = text.IndexOf(entry.Padded, StringComparison.Ordinal)) >= 0)
            {
                text = MaskPhrase(text, at + 1, entry.Phrase.Length);
                switch (entry.Kind)
                {
                    case LexiconKind.Measure:
                        if (!measures.Contains(entry.Measure!))
                        {
                            measures.Add(entry.Measure!);
                        }

                        measureAt.Add((entry.Measure!, at + 1, at + 1 + entry.Phrase.Length));
                        break;
                    case LexiconKind.Dimension:
                        dimensions.Add((entry.Dimension!, entry.Phrase.EndsWith('s')));
                        dimensionAt.Add((entry.Dimension!, entry.Phrase, at + 1));
                        break;
                    case LexiconKind.Filter:
                        placed.Add((new QueryFilter(entry.FilterDimension!.Key, entry.Values, entry.Phrase, entry.Group), at + 1));
                        break;
                }
            }
        }

        if (!legacy)
        {
            MarkPlusLists(afterTime, placed);
            if (VersusRegex().IsMatch(afterTime) && SameValueCompared(placed) is { } same)
            {
                return ParsedQuestion.Unplaced(same);
            }
        }

        if (!legacy)
        {
            // "on the <device> app" (QuestionParser.PeriodsRatiosLabels.cs).
            DropGroupAfterItsValue(placed);
        }

        if (PartOfAGroupSaid(placed) is { } partOfGroup)
        {
            return ParsedQuestion.Unplaced(partOfGroup);
        }

        if (viewedAt >= 0 && layer.Measure("events") is { } viewEvents && !measures.Contains(viewEvents))
        {
            measures.Add(viewEvents);
            measureAt.Add((viewEvents, viewedAt, viewedAt + "viewed".Length));
        }

        // "customers who made one order": "one" is a skipped word elsewhere ("which one"), but before a measure it is a
        // count that would be dropped; "exactly one order" is read (a comparison), this is declined naming it.
        if (!legacy && measureAt.Find(m => m.Start >= 4 && string.CompareOrdinal(text, m.Start - 4, "one ", 0, 4) == 0) is { Measure: { } counted })
        {
            return ParsedQuestion.Unplaced($"I could not place \"one\" before {counted.Label}; for a count per customer say \"exactly one\", \"at least one\" or \"more than one\"");
        }

        // "customers who bought from at least 3 different categories", "3 or more product types": a comparison right
        // before a product level (plural, on the orders) counts the distinct values each customer bought, not a breakdown.
        if (!legacy)
        {
            foreach ((NumericComparison comparison, _, int end) in comparisons)
            {
                int found = dimensionAt.FindIndex(d => d.Dimension.Role == DimensionRole.Taxonomy && d.Phrase.EndsWith('s') && d.Start > end
                    && d.Dimension.Columns.Any(c => c.Fact == EntityKind.Orders)
                    && afterTime[end..d.Start].Split(' ', StringSplitOptions.RemoveEmptyEntries).All(w => w is "different" or "distinct" or "separate" or "unique"));
                if (found < 0 || comparison.Money || comparison.Percent)
                {
                    continue;
                }

                (DimensionDefinition level, string phrase, int start) = dimensionAt[found];
                // "bought 3 or more products": different product levels, items (units) or orders? Only the level's own name
                // says which (stop 46, conv58).
                if (!phrase.Equals(level.PluralLabel, StringComparison.Ordinal) && !phrase.Contains(level.Label, StringComparison.Ordinal))
                {
                    return ParsedQuestion.Unplaced($"\"{phrase}\" after a count could be different {level.PluralLabel}, items (units) or orders; say which, as in \"bought 3 or more different {level.PluralLabel}\", \"more than 3 units\" or \"3 or more orders\"");
                }

                Func<SqlDialect, string> column = level.Columns.First(c => c.Fact == EntityKind.Orders).Sql;
                FactInfo orders = layer.Fact(EntityKind.Orders)!;
                MeasureDefinition distinct = new($"distinct_{level.Key}", $"number of different {level.PluralLabel} bought", EntityKind.Orders, MeasureFormat.Count,
                    d => d.CountDistinctFew(column(d), orders.Table, orders.Alias), [], false);
                text = string.Concat(text.AsSpan(0, end), new string('#', start - end), text.AsSpan(start));
                dimensionAt.RemoveAt(found);
                dimensions.RemoveAt(dimensions.FindIndex(d => d.Dimension == level));
                measures.Add(distinct);
                measureAt.Add((distinct, end + 1, start + phrase.Length));
            }
        }

        // "what share of add to cart events are on Android", "what share of US revenue comes from <a product type>": a value said
        // right before the measure names the measure's rows, so it stays in the whole of a share.
        for (int i = 0; i < placed.Count; i++)
        {
            (QueryFilter filter, int start) = placed[i];
            int end = start + filter.Phrase.Length;
            if (!filter.Negated && measureAt.Exists(m => m.Start == end + 1))
            {
                placed[i] = (filter with { NamesMeasure = true }, start);
            }
        }

        // "spent over $500 on <category> products": a generic goods word right after a catalog value ("products", not
        // "product types") names that value's goods, not a breakdown.
        if (!legacy)
        {
            foreach ((DimensionDefinition dimension, string phrase, int start) in dimensionAt)
            {
                if (dimension.Role == DimensionRole.Taxonomy && !phrase.StartsWith(dimension.Label, StringComparison.Ordinal)
                    && placed.Exists(p => layer.Dimension(p.Filter.Dimension)?.Role == DimensionRole.Taxonomy && p.At + p.Filter.Phrase.Length + 1 == start)
                    && !ProductsRanked(layer, phrase, limit is not null || superlative, dimensions))
                {
                    int index = dimensions.FindIndex(d => d.Dimension == dimension);
                    dimensions.RemoveAt(index);
                }
            }
        }

        // "the 3 best-selling products": with product names mapped, "products" as a breakdown is the products by name
        // (every tester's truth so far); product types are asked as such (QuestionParser.Products.cs).
        if (!legacy)
        {
            ProductsAsNames(layer, dimensions, dimensionAt);
        }

        // "orders in the <value> category", "<value> country revenue", "events from <value> devices", "orders with product type
        // <value>": a level named right beside one of its values names the value's kind, not a breakdown (a breakdown
        // filtered to one value would be one row of itself). Before the value after "by", "per" or "each" it stays a
        // breakdown, and so with words between ("by country in the us", as recorded in the golden file).
        if (!legacy)
        {
            foreach ((DimensionDefinition dimension, string phrase, int start) in dimensionAt)
            {
                // Also with "as (the|a|its|their)" between: "campaigns that used <trigger> as the trigger".
                bool adjacent = placed.Exists(p => p.Filter.Dimension == dimension.Key && (p.Filter.Values.Count == 1 || p.Filter.Group)
                    && (p.At + p.Filter.Phrase.Length + 1 == start
                        || (!phrase.EndsWith('s') && p.At + p.Filter.Phrase.Length < start && afterTime[(p.At + p.Filter.Phrase.Length)..start].Trim() is "as" or "as the" or "as a" or "as its" or "as their")
                        || (!phrase.EndsWith('s') && start + phrase.Length < p.At && LevelBeforeItsValue(afterTime, start, start + phrase.Length, p.At))));
                bool single = placed.Where(p => p.Filter.Dimension == dimension.Key).Select(p => p.Filter.Group ? p.Filter.Phrase : p.Filter.Values[0]).Distinct().Count() == 1
                    && placed.Where(p => p.Filter.Dimension == dimension.Key).All(p => p.Filter.Values.Count == 1 || p.Filter.Group);
                if ((adjacent && single) || LevelBeforeItsList(afterTime, start, start + phrase.Length, placed, dimension.Key))
                {
                    int index = dimensions.FindIndex(d => d.Dimension == dimension);
                    if (index >= 0)
                    {
                        dimensions.RemoveAt(index);
                    }
                }
            }
        }

        if (!legacy && OrAcrossLevels(afterTime, placed, layer) is { } orAcross)
        {
            return ParsedQuestion.Unplaced(orAcross);
        }

        bool share = false;
        (int From, int To)? wholeSaid = null;
        int shareEnd = -1;
        if (!legacy)
        {
            text = Consume(text, ShareRegex(), m =>
            {
                share = true;
                shareEnd = shareEnd < 0 ? m.Index + m.Length : shareEnd;
            });
            if (share)
            {
                // "what fraction of UK customers converted": a rate among the people said, not their part of all
                // conversions (QuestionParser.LeadStop57.cs); the conversion rate of a treatment group is what is offered.
                if (ShareOfPeopleConverted(normalized))
                {
                    return ParsedQuestion.Unplaced("\"what share of <people> converted\" asks for a rate among those people, not their part of all conversions; ask as in \"conversion rate of the <campaign> treatment group\"");
                }

                wholeSaid = MarkFilteredWhole(afterTime, shareEnd, placed, measureAt, layer);
            }
        }

        // "what share of revenue comes from the <value> category": a level named next to one of its values names the
        // value's kind, not a breakdown (a breakdown filtered to one value would be 100% of itself).
        if (share)
        {
            dimensions.RemoveAll(d => !d.Plural && placed.Where(p => p.Filter.Dimension == d.Dimension.Key).SelectMany(p => p.Filter.Values).Distinct().Count() == 1);
        }

        // "instagram vs facebook": two words of one value cannot be split (QuestionParser.SharesAndStatistics.cs).
        if (!legacy && SameValueCompared(placed, afterTime) is { } sameValue)
        {
            return ParsedQuestion.Unplaced(sameValue);
        }

        // A negation word must exclude a value named right after it ("not in Denver", "but not Tents").
        List<QueryFilter> filters = [];
        List<int> usedNegations = [];
        foreach ((QueryFilter filter, int at) in placed)
        {
            int negation = negations.FindIndex(n => n.End <= at && OnlyFiller(afterTime, n.End, at));
            if (negation >= 0 && layer.Dimension(filter.Dimension) is { OnCustomers: true } where
                && PurchaseVerbRegex().IsMatch(afterTime[negations[negation].End..at]))
            {
                // "never bought anything in <city>": the city is where the customers live, not a part of what they bought;
                // excluding it would answer "customers outside <city>", another question.
                return ParsedQuestion.Unplaced($"\"{negations[negation].Phrase} ... {filter.Phrase}\": {filter.Phrase} is the customers' {where.Label}, not part of what they bought; ask as in \"customers in {filter.Phrase} who never bought anything\"");
            }

            if (negation >= 0)
            {
                usedNegations.Add(negation);
                filters.Add(filter with { Negated = true });
            }
            else
            {
                filters.Add(filter);
            }
        }

        // "customers who are not exclusivity seekers": a negation right before a measure of membership excludes its members.
        List<MeasureDefinition> negatedMembers = [];
        foreach ((MeasureDefinition member, int memberStart, _) in measureAt)
        {
            int negation = member.Membership is null || layer.Fact(member.Fact) is not { IsCustomerGrain: true } ? -1
                : negations.FindIndex(n => n.End <= memberStart && OnlyFiller(afterTime, n.End, memberStart) && !usedNegations.Contains(negations.IndexOf(n)));
            if (negation >= 0)
            {
                usedNegations.Add(negation);
                negatedMembers.Add(member);
            }
        }

        // A negation word that excludes no value stays in the text, so it is named as a word that could not be placed.
        foreach (int used in usedNegations)
        {
            (_, int start, int end) = negations[used];
            text = string.Concat(text.AsSpan(0, start), new string('#', end - start), text.AsSpan(end));
        }

        // "ratio of iOS sessions to Android sessions", "how many times more revenue does A bring in than B": one measure
        // under two filters of one dimension, divided.
        FilterRatio? filterRatio = null;
        if (!legacy)
        {
            text = ReadFilterRatio(text, layer, filters, placed, measures, measureAt, comparisons.Count > 0 || times.Count > 1, out filterRatio, out string? declinedSides);
            if (declinedSides is not null)
            {
                return ParsedQuestion.Unplaced(declinedSides);
            }
        }

        // Ratios: "revenue per order", "ratio of abandoned carts to orders", "revenue divided by orders".
        RatioParts? ratio = null;
        MeasureDefinition? ratioMeasure = null;
        if (!legacy)
        {
            string? declinedRatio = null;
            text = ReadRatio(text, afterTime, layer, measures, measureAt, treatmentSaid, ref ratio, ref ratioMeasure, ref declinedRatio);
            if (declinedRatio is not null)
            {
                return ParsedQuestion.Unplaced(declinedRatio);
            }

            // "the AOV for US orders", "revenue from orders in <country>": the rows' count named after a measure of the same
            // rows (joined by for, of, from, on) says which rows, it is not a second measure.
            if (ratio is null && measures.Count(m => !ReferenceEquals(m, layer.CustomerCount)) == 2 && comparisons.Count == 0)
            {
                measureAt.Sort((x, y) => x.Start.CompareTo(y.Start));
                for (int i = 0; i + 1 < measureAt.Count; i++)
                {
                    (MeasureDefinition first, _, int end) = measureAt[i];
                    (MeasureDefinition rows, int rowsStart, _) = measureAt[i + 1];
                    if (rows != first && rows.Name is "orders" or "abandoned_carts" or "events" && rows.Fact == first.Fact && !measureAt.Exists(m => m.Measure == rows && m.Start < end)
                        && text[end..rowsStart].Split(' ', StringSplitOptions.RemoveEmptyEntries) is [("for" or "of" or "from" or "on" or "across" or "among"), .. string[] rest]
                        && Array.TrueForAll(rest, w => w[0] == '#' || w is "the" or "all" or "our" or "those" or "these"))
                    {
                        measures.Remove(rows);
                        measureAt.RemoveAll(m => m.Measure == rows);
                        break;
                    }
                }
            }

            if (ratio is not null && comparisons.Count > 0)
            {
                return ParsedQuestion.Unplaced($"ask for {ratioMeasure!.Label} or for a threshold (\"{comparisons[0].Comparison.Phrase}\"), not both in one question");
            }
        }

        if (!legacy)
        {
            text = BlankGoodsAfterValues(text, afterTime, placed, layer);
        }

        List<string> unknown = UnknownWords(text, legacy, layer);

        if (unknown.Count > 0 && campaignIds is { Count: > 0 } && UnknownCampaignId(question, unknown, campaignIds) is { } noCampaign)
        {
            return ParsedQuestion.Unplaced(noCampaign) with { Partial = PartialReading(measures, dimensions, filters) };
        }

        if (unknown.Count > 0)
        {
            return ParsedQuestion.Unplaced($"I could not place {string.Join(", ", unknown.ConvertAll(w => $"\"{w}\""))}") with { Partial = PartialReading(measures, dimensions, filters) };
        }

        // "the conversion rate of the control group": the control arm is counted (how many customers were held out), never
        // a filter on another measure's rows; declined, naming it.
        if (!legacy && measures.Exists(m => m.Name == "control_group") && measures.Find(m => m.Name != "control_group" && !ReferenceEquals(m, layer.CustomerCount)) is { } onControl)
        {
            // "the control group's conversion rate", "attributed revenue of the control group": the measure over the
            // control arm's rows, when the layer has it.
            if (measures.Count(m => m.Name != "control_group" && !ReferenceEquals(m, layer.CustomerCount)) == 1 && layer.Measure("control_" + onControl.Name) is { Missing: null } controlled)
            {
                measures[measures.IndexOf(onControl)] = controlled;
                measures.RemoveAll(m => m.Name == "control_group");
                measureAt = measureAt.ConvertAll(m => m.Measure == onControl ? (controlled, m.Start, m.End) : m);
                measureAt.RemoveAll(m => m.Measure.Name == "control_group");
            }
            else
            {
                    return ParsedQuestion.Unplaced($"I could not place \"control group\" on {onControl.Label}; ask how many customers were in the control group of a campaign, or for its campaign uplift (treatment minus control)");
            }
        }

        // "how many customers were in the treatment group of X": the treatment arm counted, as the control group is.
        if (!legacy && treatmentSaid && measures.TrueForAll(m => ReferenceEquals(m, layer.CustomerCount)) && layer.Measure("treatment_group") is { Missing: null } treatmentGroup)
        {
            measures.Add(treatmentGroup);
            measureAt.Add((treatmentGroup, treatmentAt, treatmentAt + 1));
        }

        if (!legacy && perCustomer && ratio is null)
        {
            return ParsedQuestion.Unplaced(PerCustomerReason);
        }

        // Comparisons ("over 0.7", "at least $1,000") name their subject: the measure next to them.
        List<(MeasureDefinition Subject, NumericComparison Comparison)> compared = [];
        List<(int Start, int End, int CountedEnd, int RowsEnd)> comparedAt = [];
        measureAt.Sort((a, b) => a.Start.CompareTo(b.Start));

        // "customers by revenue" without a top N: customers ranked by a measure, not the measure's total; asked back, never
        // answered with the total (the customers would otherwise be dropped as the subject of the other measure).
        (MeasureDefinition? Measure, int Start, int End) customersAt = measureAt.Find(m => m.Measure.Name == "customers");
        if (customersAt.Measure is not null && limit is null && !superlative
            && measureAt.Find(m => m.Measure.Name != "customers" && m.Start > customersAt.End && text[..m.Start].TrimEnd().EndsWith(" by", StringComparison.Ordinal)) is { Measure: { } rankedBy })
        {
            return ParsedQuestion.Unplaced(
                $"\"customers by {rankedBy.Label}\" could be the customers with the most {rankedBy.Label} (ask \"top 10 customers by {rankedBy.Label}\") or {rankedBy.Label} per customer; ask one of them");
        }

        foreach ((NumericComparison comparison, int start, int end) in comparisons)
        {
            (MeasureDefinition Measure, int Start, int End)? after = measureAt.Where(m => m.Start >= end && OnlyFillerOrValues(afterTime, end, m.Start, placed) && !VerbBetween(afterTime, end, m.Start)).Select(m => ((MeasureDefinition, int, int)?)m).FirstOrDefault();
            (MeasureDefinition Measure, int Start, int End)? before = measureAt.Where(m => m.End <= start).Select(m => ((MeasureDefinition, int, int)?)m).LastOrDefault();
            MeasureDefinition? subject = after?.Measure ?? before?.Measure;
            if (after is { } next && before is { } previous && OnlyFiller(afterTime, previous.End, start) && Conjoined(afterTime, end, next.Start))
            {
                // "churn probability over 0.7 and a CLV score over 0.6": the measure after "and" starts the next
                // condition; this comparison's subject is the measure right before it.
                subject = previous.Measure;
            }
            else if (after is { } next2 && before is { } named && next2.Measure != named.Measure && NamedRightBefore(afterTime, named.Measure, named.End, start, layer))
            {
                // "churn probability over 0.6 customers", "a CLV score below 0.2, how many made an order over $800": the measure
                // named right before the comparison is compared, not the one said after it (QuestionParser.Counted.cs).
                subject = named.Measure;
            }

            if (subject is null || (ReferenceEquals(subject, layer.CustomerCount) && !share && dimensions.Count == 0))
            {
                return ParsedQuestion.Unplaced($"I could not tell what \"{comparison.Phrase}\" compares; name the measure next to it, as in \"{ExampleComparison(layer)}\"");
            }

            compared.Add((subject, comparison));
            comparedAt.Add((start, end, after is { } rows && ReferenceEquals(rows.Measure, subject) ? rows.End : -1, before is { } rowsSaid && ReferenceEquals(rowsSaid.Measure, subject) ? rowsSaid.End : -1));
        }

        // "at least 2 orders over $1,000": the count is of the orders over $1,000, not of all orders beside one over it.
        if (CountRowsOver(layer, compared, comparedAt, afterTime) is { } unclear)
        {
            return ParsedQuestion.Unplaced(unclear);
        }

        if (legacy)
        {
            return Assemble(layer, measures, dimensions, filters, times.Count == 1 ? times[0] : null, limit, sort, howMany, whichOrWhat && superlative, superlative);
        }

        // A measure compared is not also the one measured, unless it is named once more ("orders from customers with more
        // than 5 orders": the first "orders" is what is counted).
        List<MeasureDefinition> outer = [.. measures.Where(m => measureAt.Count(a => a.Measure == m) > compared.Count(c => c.Subject == m))];

        // "revenue from exclusivity seekers", "exclusivity seekers who bought <product type>", "customers who are not exclusivity
        // seekers": a count of customers with a boolean attribute next to another measure, a filter its table does not
        // hold or a negation is a condition on the customers (who are, or are not); alone it is the count itself.
        List<CustomerCondition> members = [];
        List<MeasureDefinition> flagged = outer.FindAll(m => m.Membership is not null && layer.Fact(m.Fact) is { IsCustomerGrain: true });
        bool otherMeasures = outer.Exists(m => !flagged.Contains(m) && !ReferenceEquals(m, layer.CustomerCount));
        if (flagged.Count > 0 && share && (filters.Exists(f => !f.NamesMeasure) || otherMeasures || compared.Count > 0 || flagged.Count > 1))
        {
            return ParsedQuestion.Unplaced($"a share with {string.Join(" and ", flagged.Select(f => f.Label))} and another condition: I cannot tell the whole; ask for the two counts");
        }

        if (flagged.Count > 0 && (flagged.Count > 1 || otherMeasures || negatedMembers.Count > 0 || share || compared.Count > 0 || never.Count > 0
            || filters.Exists(f => layer.Dimension(f.Dimension) is { OnCustomers: false } d && !d.Columns.Any(c => flagged.Exists(m => m.Fact == c.Fact)))))
        {
            foreach (MeasureDefinition flag in flagged)
            {
                outer.Remove(flag);
                members.Add(new CustomerCondition(flag, [], new NumericComparison(ComparisonOperator.Greater, 0, null, "over 0", false), null, negatedMembers.Contains(flag)));
            }

            if (!outer.Contains(layer.CustomerCount) && !otherMeasures)
            {
                outer.Insert(0, layer.CustomerCount);
            }
        }

        // "top 10 customers by revenue", "which 5 customers placed the most orders": a top N of customers ranked by a total
        // of their rows is a breakdown by the customer id of those rows (ids only; no other personal data), with ties.
        if (limit is not null && dimensions.Count == 0 && compared.Count == 0 && ratio is null && !share && never.Count == 0 && times.Count <= 1
            && outer.Count == 2 && outer.Contains(layer.CustomerCount) && outer.Find(m => !ReferenceEquals(m, layer.CustomerCount)) is { Missing: null, Additive: true } ranked
            && layer.Fact(ranked.Fact) is { IsCustomerGrain: false } rankedFact)
        {
            DimensionDefinition customer = new("customer_id", "customer_id", "customer", "customers", DimensionRole.Custom, false, [new(rankedFact.Kind, rankedFact.CustomerId)], []);
            outer.Remove(layer.CustomerCount);
            dimensions.Add((customer, true));
        }

        ParsedQuestion parsed = Assemble(layer, outer, dimensions, filters, times.Count == 1 ? times[0] : null, limit, sort, howMany, whichOrWhat && superlative, superlative, compared);
        if (parsed.Query is not { } query)
        {
            return parsed;
        }

        ParsedQuestion extended = Extend(layer, query, afterTime, compared, outer, share, dimensions.Count > 0, BuyerNounRegex().IsMatch(normalized), never, AsksForCustomers(normalized, layer) || LeadsWithCustomersWho(normalized, layer), members,
            plainCustomersWhole: !legacy && share && PlainCustomersWhole(afterTime, shareEnd, placed, measureAt, layer));
        extended = ApplySessionWords(layer, extended, sessionWords);
        // "average session duration across events" or asked back (QuestionParser.RatiosTwoNumbersSessions.cs).
        extended = legacy ? extended : SessionDurationCounted(layer, extended, sessionWords.PerEvent, sessionWords.OncePerSession, normalized);
        // "in at least 2 campaigns (either group)": the count is of either group already (QuestionParser.CustomersAndCampaigns.cs).
        extended = ApplyCampaignCount(layer, TreatedRevenue(layer, extended, treatmentSaid), campaignCount);
        campaignWords = campaignCount is { Arm: null } && campaignWords is { AllArms: true, NeverAny: false, Both.Count: 0, Arms.Count: 0 } ? CampaignWords.None : campaignWords;
        extended = ApplyCampaignWords(layer, extended, campaignWords, treatmentSaid);
        extended = ApplyEventWords(layer, extended, eventWords);
        extended = ApplyNeverRange(layer, extended, never, neverTime);
        extended = ApplyTrailingNeverRange(layer, extended, never, trailsNever);
        extended = ApplyNeverAllTime(layer, extended, never, neverAllTime);
        if (ContradictoryFilter(extended) is { } contradiction)
        {
            return contradiction;
        }

        if (wholeSaid is { } whole && extended.Query is { Share: true } conditionedWhole && (conditionedWhole.Conditions.Count > 0 || conditionedWhole.RowComparison is not null)
            && (comparisons.Exists(c => c.Start > whole.From && c.Start < whole.To)
                || measureAt.Exists(m => m.Start > whole.From && m.Start < whole.To && !ReferenceEquals(m.Measure, layer.CustomerCount) && m.Measure != conditionedWhole.Measure)))
        {
            // "what share of customers with more than 5 orders are from the UK": the whole is the customers with more than 5
            // orders, which the share (out of all customers) would drop; asked back.
            return ParsedQuestion.Unplaced($"a share out of the {conditionedWhole.Measure.Label} \"{afterTime[whole.From..whole.To].Trim()}\": the whole has a condition I would drop; ask for the two counts");
        }

        if (extended.Query is { Share: true } filteredWhole && filteredWhole.Conditions.Any(c => c.Filters.Any(f => f.NamesMeasure)))
        {
            // A value said with the whole that became a condition on the customers would drop out of the whole.
            return ParsedQuestion.Unplaced($"a share of {filteredWhole.Measure.Label} out of which {filteredWhole.Measure.Label}? I cannot keep \"{filteredWhole.Conditions.SelectMany(c => c.Filters).First(f => f.NamesMeasure).Phrase}\" in the whole; ask for the two counts");
        }

        if (ratio is not null && extended.Query is { } ratioQuery)
        {
            if (!ReferenceEquals(ratioQuery.Measure, ratioMeasure) || ratioQuery.Conditions.Count > 0)
            {
                return ParsedQuestion.Unplaced($"ask for {ratioMeasure!.Label} on its own, without conditions on the customers counted");
            }

            extended = extended with { Query = ratioQuery with { Ratio = ratio } };
        }

        if (filterRatio is not null && extended.Query is { } sided)
        {
            if (sided is not { Dimension: null, Limit: null, Share: false, Ratio: null, Having: null, RowComparison: null } || sided.Measure.Missing is not null
                || sided.Measure.Name != filterRatio.Measure)
            {
                return ParsedQuestion.Unplaced($"{filterRatio.NumeratorLabel} divided by {filterRatio.DenominatorLabel} is one number; ask for it without a breakdown, a top N, a share or a threshold");
            }

            extended = extended with { Query = sided with { FilterRatio = filterRatio } };
        }

        // "revenue from customers who signed up this year": the range is when they joined, which a measure on another
        // table cannot take (its range is its own rows'); declined, naming it.
        if (extended.Query is { Time: not null } joined && joined.Measure.Fact != EntityKind.Customers && joined.Conditions.Count == 0 && UnsourcedJoin(afterTime, placed, layer) is { } said)
        {
            return ParsedQuestion.Unplaced($"I could not place \"{said.Value.Trim()}\" with a time range on {joined.Measure.Label}: the range would apply to the {joined.Measure.Label}, not to when the customers joined");
        }

        if (addedToCart is not null)
        {
            // "added to cart in the last 7 days but never purchased": "never" is over all time, not the range; declined.
            if (extended.Query is not { Dimension: null, Share: false, Ratio: null, ComparedTime: null } carted || !ReferenceEquals(carted.Measure, layer.CustomerCount)
                || (carted.Time is not null && carted.Conditions.Any(c => c.Negated && never.Contains(c.Measure) && c.Time is null)))
            {
                return ParsedQuestion.Unplaced($"I could not place \"{addedPhrase}\" here; it is read on a count of {People(layer)} without a breakdown, as in \"how many {People(layer)} added to cart but never purchased\"");
            }

            // With a time range the range is the cart events' (and every other condition's), not when the customers joined.
            extended = extended with { Query = carted with { Conditions = [addedToCart, .. carted.Conditions], TimeOnConditions = carted.Time is not null || carted.TimeOnConditions } };
        }

        // "total revenue from campaign <id>", "revenue by campaign": a campaign is recorded on its sends, not on the orders,
        // so the revenue of a campaign is the revenue attributed to its sends (restated as such). Only without a time
        // range (the sends' time is not the orders'), a condition, a ratio, a threshold or a share.
        if (!legacy && extended.Query is { Time: null, Ratio: null, RowComparison: null, Having: null, Share: false, Conditions.Count: 0 } campaignRevenue
            && campaignRevenue.Measure.Name == "revenue" && layer.Measure("attributed_revenue") is { Missing: null } attributedRevenue
            && (campaignRevenue.Filters.Count > 0 || campaignRevenue.Dimension is not null)
            && campaignRevenue.Filters.All(f => layer.Dimension(f.Dimension)?.Role == DimensionRole.Campaign)
            && (campaignRevenue.Dimension is null || campaignRevenue.Dimension.Role == DimensionRole.Campaign))
        {
            extended = extended with { Query = campaignRevenue with { Measure = attributedRevenue } };
        }

        // "How many customers have churn probability over 0.6 and a CLV score above 0.5?": "how many" asks for a count; an
        // average left as the measure means a part of the question went elsewhere, so it is declined, never averaged.
        if (!legacy && compared.Count > 0 && normalized.Contains(" how many ", StringComparison.Ordinal) && ratio is null && extended.Query is { Share: false } countQuery && countQuery.Measure.Format != MeasureFormat.Count)
        {
            return ParsedQuestion.Unplaced($"\"how many\" asks for a count, but I read {countQuery.Measure.Label}; ask for one condition at a time, as in \"how many customers have a {countQuery.Measure.Label.Replace("average ", "", StringComparison.Ordinal)} over ...\"");
        }

        if (armsSaid is not null)
        {
            return BothArms(layer, extended, armsSaid);
        }

        // "How many <adjective> customers converted in X": the customers counted (each once), not the conversions, when a
        // customer noun is what "how many" counts behind an adjective the vocabulary read as a filter.
        if (extended.Query is { Measure.Name: "conversions", Dimension: null, Share: false, Ratio: null, Having: null, RowComparison: null, Conditions.Count: 0, ComparedTime: null } converts
            && HowManyAdjectiveNounRegex().Match(normalized) is { Success: true } adjectived && layer.CustomerCount.Synonyms.Contains(adjectived.Groups["noun"].Value))
        {
            List<QueryFilter> onSends = [.. converts.Filters.Where(f => layer.Dimension(f.Dimension) is { OnCustomers: false } d && d.Columns.Any(c => c.Fact == EntityKind.CampaignSends))];
            extended = extended with
            {
                Query = converts with
                {
                    Measure = layer.CustomerCount,
                    Filters = [.. converts.Filters.Where(f => !onSends.Contains(f))],
                    Conditions = [new CustomerCondition(converts.Measure, onSends, new NumericComparison(ComparisonOperator.Greater, 0, null, "over 0", false), null, false)],
                    // "converted ... in a 2026 campaign": the range is the sends', not when the customers joined.
                    TimeOnConditions = converts.Time is not null,
                },
            };
        }

        // "attributed revenue of the treatment group of X": the revenue of the treatment arm's rows.
        if (treatmentSaid && extended.Query is { Measure.Name: "attributed_revenue" } treatedRevenue && layer.Measure("treatment_attributed_revenue") is { Missing: null } treatmentRevenue)
        {
            extended = extended with { Query = treatedRevenue with { Measure = treatmentRevenue } };
        }

        if (treatmentSaid && extended.Query is { } treated && !Treated(treated.Measure) && !(ReferenceEquals(treated.Measure, layer.CustomerCount) && treated.Conditions.Count > 0 && treated.Conditions.All(c => Treated(c.Measure))))
        {
            return ParsedQuestion.Unplaced($"I could not place \"treatment group\" on {treated.Measure.Label}; ask for campaign sends, conversions or the conversion rate, which count the treatment group");
        }

        if (times.Count != 2 || extended.Query is not { } periods)
        {
            return extended;
        }

        if (periods.Dimension is not null || periods.Limit is not null || periods.Share || periods.Having is not null)
        {
            return ParsedQuestion.Unplaced("compare two periods for one total at a time, without a breakdown, a top N or a share");
        }

        if (growth && !periods.Measure.Additive && periods.Measure.Format == MeasureFormat.Percent && growthPercent)
        {
            return ParsedQuestion.Unplaced($"{periods.Measure.Label} is a rate; ask for its change in points, not in percent");
        }

        if (howManyMore && ReferenceEquals(periods.Measure, layer.CustomerCount))
        {
            // "How many more customers did we get this month than last month?": customers who signed up, or who bought?
            return ParsedQuestion.Unplaced($"\"how many more {periods.Measure.Label}\": {People(layer)} who signed up, or who bought? Ask as in \"new {People(layer)} this month vs last month\" or \"buyers this month vs last month\"");
        }

        growthPercent |= growthWord && !(!periods.Measure.Additive && periods.Measure.Format == MeasureFormat.Percent);
        return extended with { Query = periods with { Time = times[0], ComparedTime = times[1], Growth = growth, GrowthPercent = growthPercent, FirstSaidIsLater = firstSaidLater } };
    }

    // "conversion rate for treatment vs control on X": the measure over every row of the campaign sends, one row per arm.
    // Only a campaign measure that means something in both arms (sends count the treatment arm alone: "customers"), one
    // total at a time (no other breakdown, top N, share, threshold, ratio, condition or second period).
    private static ParsedQuestion BothArms(SemanticLayer layer, ParsedQuestion parsed, string said)
    {
        if (parsed.Query is not { } query)
        {
            return parsed;
        }

        string? both = query.Measure.Name switch
        {
            "conversion_rate" => "arm_conversion_rate",
            "conversions" => "arm_conversions",
            "campaign_sends" or "treatment_group" or "control_group" => "arm_customers",
            "customers" when query.Conditions.Count == 0 && query.Filters.Count > 0 && query.Filters.All(f => layer.Dimension(f.Dimension)?.Columns.Any(c => c.Fact == EntityKind.CampaignSends) == true) => "arm_customers",
            "attributed_revenue" => "arm_attributed_revenue",
            _ => null,
        };
        if (both is null || layer.CampaignArm is not { } arm || layer.Measure(both) is not { Missing: null } measure)
        {
            return ParsedQuestion.Unplaced($"I could not place \"{said}\" on {query.Measure.Label}; ask for the conversion rate, conversions, customers or attributed revenue of treatment vs control, as in \"conversion rate for treatment vs control in <campaign>\"");
        }

        if (query is not { Dimension: null, Limit: null, Share: false, Having: null, RowComparison: null, ComparedTime: null, Ratio: null, Conditions.Count: 0 })
        {
            return ParsedQuestion.Unplaced($"\"{said}\" splits one total into the two arms; ask it without another breakdown, top N, share or condition, as in \"conversion rate for treatment vs control in <campaign>\"");
        }

        return parsed with { Query = query with { Measure = measure, Dimension = arm, Sort = AnalyticsSort.Default } };
    }

    private static bool Treated(MeasureDefinition measure) => measure.Population?.Contains("treatment", StringComparison.Ordinal) == true || measure.Label.EndsWith("of the treatment group", StringComparison.Ordinal);

    // "vs the 30 days before", "compared with the previous 4 weeks", "vs the 30 before": the span before a rolling range.
    private static string ReadPrecedingRanges(string text, List<RelativeTimeRange> times) =>
        Consume(text, PrecedingRegex(), m =>
        {
            string unit = m.Groups["unit"].Success ? m.Groups["unit"].Value : m.Groups["unit2"].Value;
            int amount = ReadNumber(m.Groups["n"].Success ? m.Groups["n"].Value : m.Groups["n2"].Value);
            TimeRangeKind kind = unit switch
            {
                "hour" => TimeRangeKind.PrecedingHours,
                "week" => TimeRangeKind.PrecedingWeeks,
                "month" => TimeRangeKind.PrecedingMonths,
                _ => TimeRangeKind.PrecedingDays,
            };
            times.Add(new RelativeTimeRange(kind, amount, unit.Length == 0 ? -1 : 0, Phrase(m).Replace("vs ", "", StringComparison.Ordinal).Replace("versus ", "", StringComparison.Ordinal)));
        });

    // The span before a rolling range ends where that range starts; "the 30 before" takes the rolling range's unit.
    private static void FixPreceding(List<RelativeTimeRange> times)
    {
        int preceding = times.FindIndex(t => t.IsPreceding);
        if (preceding < 0)
        {
            return;
        }

        RelativeTimeRange other = times[1 - preceding];
        RelativeTimeRange before = times[preceding];
        TimeRangeKind? kind = other.Kind switch
        {
            TimeRangeKind.RollingHours => TimeRangeKind.PrecedingHours,
            TimeRangeKind.RollingDays => TimeRangeKind.PrecedingDays,
            TimeRangeKind.RollingWeeks => TimeRangeKind.PrecedingWeeks,
            TimeRangeKind.RollingMonths => TimeRangeKind.PrecedingMonths,
            _ => null,
        };
        bool unitSaid = before.Year == 0;
        times[preceding] = kind is { } k && (!unitSaid || k == before.Kind)
            ? before with { Kind = k, Year = other.Amount }
            : before with { Year = 0 };
    }

    // What a declined question did name: one measure (with its filters and at most one breakdown); nothing is guessed.
    private static AnalyticsQuery? PartialReading(List<MeasureDefinition> measures, List<(DimensionDefinition Dimension, bool Plural)> dimensions, List<QueryFilter> filters)
    {
        if (measures.Count != 1 || measures[0].Missing is not null)
        {
            return null;
        }

        List<DimensionDefinition> distinct = [.. dimensions.Select(d => d.Dimension).Distinct()];
        return new AnalyticsQuery(measures[0], distinct is [{ Missing: null } one] ? one : null, MergeFilters(filters), null, null, AnalyticsSort.Default);
    }

    private static string ExamplePlace(SemanticLayer layer) =>
        layer.Profile.Catalog.Places.Roots is { Count: > 0 } roots ? roots[0].Name : "a place";

    /// <summary>
    /// A group and only some of its values said together, "events from mobile (ios)": the group reads as all of its values
    /// and the list as a part of them, so which one is meant cannot be told; a reason, or null. The group with all of its
    /// values ("mobile: ios and android") is one set and reads as it.
    /// </summary>
    private static string? PartOfAGroupSaid(List<(QueryFilter Filter, int At)> placed)
    {
        foreach ((QueryFilter group, _) in placed)
        {
            if (group.Values.Count < 2)
            {
                continue;
            }

            List<QueryFilter> parts = placed.ConvertAll(p => p.Filter).FindAll(f => !ReferenceEquals(f, group) && f.Dimension == group.Dimension && f.Values.All(group.Values.Contains));
            HashSet<string> covered = parts.SelectMany(f => f.Values).ToHashSet(StringComparer.Ordinal);
            if (parts.Count > 0 && covered.Count < group.Values.Count)
            {
                return $"\"{group.Phrase}\" is {string.Join(" and ", group.Values)}, but {string.Join(" and ", parts.Select(f => $"\"{f.Phrase}\""))} names only part of it; ask for one of them";
            }
        }

        return null;
    }

    private static string People(SemanticLayer layer) => LanguageWords.Plural(layer.CustomerWords[^1]);

    private static string ExampleComparison(SemanticLayer layer) =>
        layer.ChurnScore is { } churn ? $"{People(layer)} with {churn.Label} over 0.7" : $"{People(layer)} who spent over $1,000 this year";

    private static string ExampleHaving(SemanticLayer layer, MeasureDefinition subject, NumericComparison comparison) =>
        layer.Profile.Catalog.Places.Levels is { Count: > 0 } levels ? $"{levels[^1].Plural} with {subject.Label} {comparison.Phrase}" : $"{People(layer)} with {subject.Label} {comparison.Phrase}";

    // A share of a filtered part said as a split across the groups ("how social customers split across countries", "out of
    // all social customers"): without it, "percentage of customers acquired through social, per country" could be each
    // country's own share (stop 39's held-out set meant that), so it is asked back.
    [GeneratedRegex(@"(?<= )(?:split|splits|spread|distributed|distribution|across|out of all|of all|of the total|of total)(?= )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex SplitAcrossRegex();

    // A share said within each group ("for each country, what share of its customers ...").
    [GeneratedRegex(@"(?<= )(?:its|their|within|for each|in each|of each)(?= )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex WithinGroupRegex();

    // A share said out of each group's own ("what share of its customers", "of each country's customers", "within each").
    [GeneratedRegex(@"(?<= )(?:(?:share|percentage|percent|proportion|fraction) of (?:its|their)|of each [a-z]+(?: [a-z]+)? s|within (?:each|every) [a-z]+)(?= )", RegexOptions.None, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex OwnGroupRegex();

    // Whether the text between two positions joins two parts ("and", "or", "but").
    private static bool Conjoined(string text, int from, int to) =>
        to > from && text[from..to].Split(' ', StringSplitOptions.RemoveEmptyEntries).Any(word => word is "and" or "or" or "but");

    // The profile's words for its goods in general (vocabulary.goods_words: "<category> <goods word>" is the category): they carry no filter.
    private static bool IsGoodsWord(string word, SemanticLayer layer)
    {
        foreach (string goods in layer.Profile.Vocabulary.GoodsWords)
        {
            if (string.Equals(goods, word, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    // Whether the normalized text between two positions holds only filler words (or consumed phrases).
    private static bool OnlyFiller(string text, int from, int to)
    {
        if (to < from)
        {
            return false;
        }

        foreach (string word in text[from..to].Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (word[0] != '#' && !StopWords.Contains(word) && word is not ("did" or "do" or "does" or "buy" or "any" or "a" or "an"))
            {
                return false;
            }
        }

        return true;
    }

    // Places comparisons, purchases of several products (both, either, but not) and shares on the assembled query.
    private static ParsedQuestion Extend(SemanticLayer layer, AnalyticsQuery query, string text, List<(MeasureDefinition Subject, NumericComparison Comparison)> compared, List<MeasureDefinition> outer, bool share, bool namedDimension, bool buyersNamed, List<MeasureDefinition> never, bool customersAsked, List<CustomerCondition> members, bool plainCustomersWhole = false)
    {
        DimensionDefinition? dimension = query.Dimension;
        int? limit = query.Limit;
        List<CustomerCondition> conditions = [.. members];
        NumericComparison? having = null;
        NumericComparison? row = null;
        MeasureDefinition measure = query.Measure;
        List<QueryFilter> filters = [.. query.Filters];
        foreach ((MeasureDefinition subject, NumericComparison comparison) in compared)
        {
            if (subject.Missing is { } missing)
            {
                return ParsedQuestion.Unplaced($"{subject.Label} {missing}");
            }

            if (outer.Exists(m => m.Name == "campaign_count") || subject.Name == "campaign_count")
            {
                return ParsedQuestion.Unplaced($"\"{comparison.Phrase}\" on campaigns: ask for the measure of each campaign, as in \"campaigns with conversion rate {comparison.Phrase}\"");
            }

            if (comparison.Percent && subject.Format is not (MeasureFormat.Percent or MeasureFormat.Decimal or MeasureFormat.PercentagePoints))
            {
                return ParsedQuestion.Unplaced($"\"{comparison.Phrase}\" is a percentage but {subject.Label} is not a rate or a score; compare {subject.Label} with an amount");
            }

            if (comparison.Items && layer.RowColumn(subject.Fact, comparison) is null)
            {
                return ParsedQuestion.Unplaced($"\"{comparison.Phrase}\" counts items, but {subject.Label} have no mapped item count");
            }

            bool rowValue = (comparison.Money || comparison.Items) && subject.Format == MeasureFormat.Count && layer.RowColumn(subject.Fact, comparison) is not null;
            if (comparison.Money && !rowValue && subject.Format != MeasureFormat.Money)
            {
                return ParsedQuestion.Unplaced($"\"{comparison.Phrase}\" is an amount of money but {subject.Label} is not; compare {subject.Label} with a plain number");
            }

            if (rowValue && (outer.Count == 0 || outer.Exists(m => m.Fact == subject.Fact)))
            {
                // "orders over $500", "revenue from orders over $500": each row's value.
                measure = outer.Find(m => m.Fact == subject.Fact) ?? subject;
                row = comparison;
            }
            else if (rowValue)
            {
                conditions.Add(new CustomerCondition(subject, [], null, comparison, false));
            }
            else if (comparison.OfRows is { } ofRows && outer.Count == 0 && query.Dimension is not null)
            {
                string rowsSaid = $"{comparison.Describe(MeasureFormat.Count)} {subject.Label} {ofRows.Describe(ofRows.Items ? MeasureFormat.Count : MeasureFormat.Money)}";
                return ParsedQuestion.Unplaced($"\"{rowsSaid}\" for each {query.Dimension.Label}: ask for the {People(layer)} with them, as in \"how many {People(layer)} have {rowsSaid}\"");
            }
            else if (outer.Count == 0 && query.Dimension is not null && !query.Dimension.IsTime)
            {
                // "cities with revenue over $10,000": the measure of each group.
                measure = subject;
                having = comparison;
            }
            else if (outer.Count == 0 && !ReferenceEquals(measure, layer.CustomerCount))
            {
                return ParsedQuestion.Unplaced($"\"{subject.Label} {comparison.Phrase}\" of what? Ask for example \"how many {People(layer)} have {subject.Label} {comparison.Phrase}\" or \"{ExampleHaving(layer, subject, comparison)}\"");
            }
            else if (ReferenceEquals(subject, layer.CustomerCount))
            {
                // "customers with at least 5 product view events" where the count the threshold is on was not placed: a
                // customer's own count of customers is 1, so the threshold must not fall on it.
                return ParsedQuestion.Unplaced($"\"{comparison.Phrase}\" of what? I could not tell what is counted for each of the {People(layer)}; ask as in \"how many {People(layer)} have {comparison.Phrase} orders\"");
            }
            else
            {
                // "customers who bought more than 2 of a product": per customer, a count of buyers is always 1; the units
                // bought (or, without quantities, the orders) are what is compared.
                MeasureDefinition perCustomer = subject.Name == "buyers"
                    ? (layer.Measure("units") is { Missing: null } units ? units : layer.Measure("orders") is { Missing: null } orders ? orders : subject)
                    : subject;
                CustomerCondition condition = new(perCustomer, [], comparison with { OfRows = null }, comparison.OfRows, false);
                if (comparison.Operator is ComparisonOperator.Less or ComparisonOperator.LessOrEqual && perCustomer.Additive && layer.Fact(perCustomer.Fact) is { IsCustomerGrain: false })
                {
                    // An upper bound on a per-customer total: "customers with fewer than 2 orders" counts those with none
                    // too; "shoppers/buyers who spent less than $200", "customers who spent under $200 last month" count
                    // those who bought (in the range); "customers who bought fewer than 3 times" could be either.
                    if (RowNounRegex().IsMatch(text) || (SpendVerbRegex().IsMatch(text) && query.Time is not null))
                    {
                        condition = condition with { RowsRequired = true };
                    }
                    else if (PurchaseVerbRegex().IsMatch(text) && perCustomer.Format == MeasureFormat.Count)
                    {
                        return ParsedQuestion.Unplaced($"which customers? \"{comparison.Phrase}\" could count only the customers who bought (\"buyers with {perCustomer.Label} {comparison.Phrase}\") or every customer, those with no {perCustomer.Label} included (\"customers with {perCustomer.Label} {comparison.Phrase}\"); ask one of them");
                    }
                    else if (measure.Name == "buyers")
                    {
                        condition = condition with { RowsRequired = true };
                    }
                }

                else if (comparison.Operator is ComparisonOperator.Less or ComparisonOperator.LessOrEqual && layer.Fact(perCustomer.Fact) is { IsCustomerGrain: false })
                {
                    // A count of distinct values has no row for a customer without any: the HAVING groups are the
                    // customers who bought, and the restatement says so.
                    condition = condition with { RowsRequired = true };
                }

                conditions.Add(condition);
            }
        }

        // "how many customers had both an <event type> event and an <event type> event" (QuestionParser.Counted.cs).
        measure = BothEventTypes(layer, measure, ref dimension, ref limit, filters, conditions, namedDimension, customersAsked, share || having is not null || row is not null, text);
        // "customers on both <device> and <device>", "active customers by device" (QuestionParser.DevicesAndSessions.cs).
        measure = BothEventValues(layer, measure, ref dimension, ref limit, filters, conditions, namedDimension, customersAsked, share || having is not null || row is not null, text);
        measure = CustomersWithEventsBy(layer, measure, dimension, filters, conditions, customersAsked, namedDimension) ?? measure;

        // "how many customers have an abandoned cart", "how many customers have orders over $500": a count of the
        // customers with such rows, not of the rows.
        if (customersAsked && measure.Format == MeasureFormat.Count && !ReferenceEquals(measure, layer.CustomerCount) && measure.Name != "buyers"
            && layer.Fact(measure.Fact) is { IsCustomerGrain: false } && having is null && !share && (dimension is null || dimension.OnCustomers))
        {
            // A measure that counts only some of its rows (campaign sends count the treatment arm) is a per-customer
            // count above zero, not "any row": a control row records a customer who was sent nothing.
            NumericComparison? some = measure.Population is not null && row is null ? new NumericComparison(ComparisonOperator.Greater, 0, null, "over 0", false) : null;
            conditions.Add(new CustomerCondition(measure, [], some, row, false));
            row = null;
            measure = layer.CustomerCount;
        }

        // "how many customers received a campaign": the count is of customers, but the reading left another count split by
        // a level the customers do not have (sends for each campaign); declined rather than answered with that count.
        if (customersAsked && !ReferenceEquals(measure, layer.CustomerCount) && measure.Name is not ("buyers" or "customers_with_events") && measure.Format == MeasureFormat.Count
            && dimension is { OnCustomers: false } split && having is null && !share)
        {
            return ParsedQuestion.Unplaced($"\"how many {People(layer)}\" asks for {People(layer)}, but I read {measure.Label} for each {split.Label}; ask for \"{measure.Label} by {split.Label}\", or how many {People(layer)} for one {split.Label}");
        }

        if (never.Count > 0)
        {
            // "<city> customers who bought something in 2025 but have not bought anything in 2026", "buyers who never
            // abandoned a cart": the buyers are a condition of their own beside the never part (QuestionParser.Bought.cs);
            // "what share of buyers never ...": a share of a never part (NeverShare).
            measure = BuyersBesideNever(layer, measure, conditions, dimension is not null || share);
            if (!(ReferenceEquals(measure, layer.CustomerCount) || (share && measure.Name == "buyers")) || dimension is not null || (share && !NeverShare(conditions.Count, members.Count, filters)))
            {
                return ParsedQuestion.Unplaced($"\"never\" is read on a count of {People(layer)}, as in \"how many {People(layer)} never ordered\"");
            }

            conditions.AddRange(never.Select(m => new CustomerCondition(m, [], null, null, Negated: true)));
        }

        // "how many customers used the <tool> in the last 30 days", "customers who viewed in AR but never bought": a
        // count of customers filtered to an event type is the customers with such events (in the time range). A product
        // level with it is what the events were about, unless the question says it was bought (then a purchase of it).
        MeasureDefinition? buyers = layer.Measure("buyers");
        if ((ReferenceEquals(measure, layer.CustomerCount) || measure.Name == "buyers") && layer.Measure("events") is { Missing: null } eventCount
            && filters.Exists(f => f.Dimension == "event_type") && (dimension is null || dimension.OnCustomers) && !share && having is null && row is null)
        {
            bool bought = measure.Name == "buyers" || PurchaseVerbRegex().IsMatch(text);
            List<QueryFilter> onEvents = filters.FindAll(f => layer.Dimension(f.Dimension) is { OnCustomers: false } d && d.Columns.Count > 0 && d.Columns.All(c => c.Fact == EntityKind.Events));
            List<QueryFilter> levels = filters.FindAll(f => layer.Dimension(f.Dimension) is { Role: DimensionRole.Taxonomy });
            if (filters.Exists(f => !onEvents.Contains(f) && !levels.Contains(f) && layer.Dimension(f.Dimension) is not { OnCustomers: true }) || (bought && buyers is not { Missing: null }))
            {
                return ParsedQuestion.Unplaced($"I could not place {string.Join(" and ", onEvents.Select(f => $"\"{f.Phrase}\""))} with the other filters; ask how many {People(layer)} had those events, with filters on the {People(layer)}");
            }

            List<QueryFilter> positive = [.. onEvents.Where(f => !f.Negated)];
            bool movedToEvents = false;
            if (bought && EventLevelsBeforePurchase(text, levels, onEvents) is { Count: > 0 } aboutEvents)
            {
                movedToEvents = true;
                // "viewed <category> products but never bought anything from <category>": the level said before the purchase
                // verb is what the events were about (it was read as bought too: "bought X but not X", a wrong answer).
                positive.AddRange(aboutEvents);
                levels.RemoveAll(aboutEvents.Contains);
                filters.RemoveAll(aboutEvents.Contains);
            }

            if (!bought)
            {
                if (levels.Exists(f => f.Negated) || (levels.Count > 0 && positive.Count == 0))
                {
                    return ParsedQuestion.Unplaced($"I could not place {string.Join(" and ", levels.Select(f => $"\"{f.Phrase}\""))} with {string.Join(" and ", onEvents.Select(f => $"\"{f.Phrase}\""))}");
                }

                positive.AddRange(levels);
            }
            else
            {
                // "used the <tool> but never bought anything from <category>": only the exclusion, not also "who bought".
                if (levels.Count == 0 || levels.Exists(f => !f.Negated))
                {
                    conditions.Add(new CustomerCondition(buyers!, [.. levels.Where(f => !f.Negated)], null, null, false));
                }

                // With the event's level moved to the events and a time range, the range is the events' and the exclusion
                // said "never" is over all time; said otherwise ("didn't buy") it could be in the range too: declined.
                bool allTime = movedToEvents && query.Time is not null;
                if (allTime && !NeverBoughtRegex().IsMatch(text))
                {
                    return ParsedQuestion.Unplaced($"not bought in {query.Time!.Phrase} or never? Ask \"... but have never bought ...\" for no purchase at any time, or say the range again after the purchase");
                }

                conditions.AddRange(levels.Where(f => f.Negated).Select(f => new CustomerCondition(buyers!, [f with { Negated = false }], null, null, true) { AllTime = allTime }));
            }

            if (positive.Count > 0)
            {
                AddEventCondition(conditions, eventCount, positive);
            }

            conditions.AddRange(onEvents.Where(f => f.Negated).Select(f => new CustomerCondition(eventCount, [f with { Negated = false }], null, null, true)));
            filters.RemoveAll(f => onEvents.Contains(f) || levels.Contains(f));
            measure = layer.CustomerCount;
        }

        // Several products bought: both (an intersection), either (one filter), or one but not the other.
        bool purchase = PurchaseRegex().IsMatch(text) || measure.Name == "buyers";
        bool versus = VersusRegex().IsMatch(text);
        List<QueryFilter> products = filters.FindAll(f => layer.Dimension(f.Dimension) is { Role: DimensionRole.Taxonomy } d && d.Columns.Any(c => c.Fact == EntityKind.Orders));
        int productValues = products.Sum(f => f.Values.Count);
        bool comparedProducts = dimension is not null && !namedDimension && products.Exists(p => p.Dimension == dimension.Key);
        if (buyers is not null && purchase && !versus && measure.Name is "customers" or "buyers" && (productValues > 1 || products.Exists(f => f.Negated)) && (dimension is null || comparedProducts))
        {
            dimension = null;
            limit = null;
            // Only an "or" among the products says "either" ("in <a city> or <another>, customers who bought both <X> and <Y>"
            // read the cities' "or" as "either" and counted buyers of any of them, stop 54).
            if (EitherSaidOfProducts(text, products) && !products.Exists(f => f.Negated))
            {
                // Buyers of any of them, each counted once: one filter, not a comparison.
                measure = buyers;
            }
            else
            {
                foreach (QueryFilter product in products)
                {
                    filters.Remove(product);
                    foreach (string value in product.Values)
                    {
                        conditions.Add(new CustomerCondition(buyers, [new QueryFilter(product.Dimension, [value], product.Phrase)], null, null, product.Negated));
                    }
                }

                measure = layer.CustomerCount;
            }
        }
        else if (products.Exists(f => f.Negated) && measure.Name is "customers" or "buyers")
        {
            return ParsedQuestion.Unplaced($"ask which products were bought, as in \"customers who bought {products[0].Phrase} but not ...\"");
        }

        // Filters the measure's table cannot hold go into the condition whose table holds them ("spent over $1,000 on Tents").
        if (conditions.Count > 0)
        {
            EntityKind fact = measure.Fact;
            foreach (QueryFilter filter in filters.ToList())
            {
                DimensionDefinition filtered = layer.Dimension(filter.Dimension)!;
                if (filtered.OnCustomers || filtered.Columns.Any(c => c.Fact == fact))
                {
                    continue;
                }

                int index = conditions.FindIndex(c => !c.Negated && filtered.Columns.Any(col => col.Fact == c.Measure.Fact));
                if (index >= 0)
                {
                    filters.Remove(filter);
                    conditions[index] = conditions[index] with { Filters = [.. conditions[index].Filters, filter] };
                }
            }
        }

        if (share && buyers is not null && ReferenceEquals(measure, buyers) && !buyersNamed && products.Count > 0 && conditions.Count == 0)
        {
            // "what percent of customers bought a product": out of all customers, not out of all buyers.
            // "what percent of UK customers bought <a product type>": a customer filter said with the customers (NamesMeasure) stays in
            // the whole (the UK customers); any other filter leaves the whole open.
            if (dimension is not null || filters.Count(f => !(f.NamesMeasure && layer.Dimension(f.Dimension)?.OnCustomers == true)) > products.Count
                || products.Exists(p => p.NamesMeasure) || row is not null || having is not null)
            {
                return ParsedQuestion.Unplaced($"a share of {People(layer)} who bought {products[0].Phrase} out of which {People(layer)}? Ask \"what percent of {People(layer)} bought {products[0].Phrase}\" (out of all {People(layer)}) or \"what share of buyers ...\" (out of all buyers)");
            }

            foreach (QueryFilter product in products)
            {
                filters.Remove(product);
                conditions.Add(new CustomerCondition(buyers, [product], null, null, product.Negated));
            }

            measure = layer.CustomerCount;
        }

        bool shareOfTime = false;
        if (share)
        {
            if (!measure.Additive)
            {
                return ParsedQuestion.Unplaced($"a share of {measure.Label} does not add up to a total; ask for {measure.Label} itself");
            }

            // "what fraction of all orders were placed in the last 30 days": with nothing else to pick the part, a time range
            // on a measure of timed rows is the part, and the whole is the same rows over all time.
            if (filters.TrueForAll(f => f.NamesMeasure) && conditions.Count == 0 && row is null && dimension is null && query.Time is not null
                && measure is { Membership: null, Name: not ("buyers" or "campaign_count") } && measure.Fact is EntityKind.Orders or EntityKind.Carts or EntityKind.Events or EntityKind.CampaignSends
                && layer.Fact(measure.Fact)?.Time is not null)
            {
                shareOfTime = true;
            }
            else if (filters.TrueForAll(f => f.NamesMeasure) && conditions.Count == 0 && row is null && dimension is null)
            {
                return ParsedQuestion.Unplaced($"a share of {measure.Label} from what? Name a part, as in \"what share of {measure.Label} comes from {ExamplePlace(layer)}\"");
            }
            else if (query.Time is not null && TimePredicateRegex().Match(text) is { Success: true } predicate
                && filters.Find(f => !f.NamesMeasure && text.IndexOf(f.Phrase, StringComparison.Ordinal) is >= 0 and int at && at < predicate.Index) is { } whole)
            {
                // "what share of sessions on iOS were in the last 30 days": the filter said before "were in <range>" is the
                // whole and the range the part, the reverse of the reading below (the share of iOS within the range).
                return ParsedQuestion.Unplaced($"a share of {measure.Label} \"{whole.Phrase}\" with a time range after the verb could be the part of those {measure.Label} in the range, or the share of \"{whole.Phrase}\" among {measure.Label} in the range; ask \"what share of {whole.Phrase} {measure.Label} were in <range>\" for the first, or \"what share of {measure.Label} in <range> were {whole.Phrase}\" for the second");
            }

            if (having is not null)
            {
                return ParsedQuestion.Unplaced("ask for a share or a threshold, not both in one question");
            }

            // "Of the customers from paid search, what percent are in the US?": with filters on two or more dimensions
            // the whole is open (every customer, or those from paid search); the share out of all is computed only
            // when the question says so ("out of all customers").
            List<QueryFilter> parts = [.. filters.Where(f => !f.NamesMeasure)];
            if (dimension is null && parts.Select(f => f.Dimension).Distinct(StringComparer.Ordinal).Count() > 1 && !OutOfAllRegex().IsMatch(text))
            {
                string both = string.Join(" and ", parts.Select(f => f.Phrase));
                return ParsedQuestion.Unplaced($"a share of {measure.Label} out of which {measure.Label}? With {both} I cannot tell the whole: ask \"what share of all {measure.Label} is {both}\" for the share out of all, or ask for the two counts");
            }
        }

        // "how many customers from referral have bought from us": customers said apart from the verb are still buyers;
        // counting every customer would drop "bought" silently.
        if (ReferenceEquals(measure, layer.CustomerCount) && buyers is { Missing: null } && conditions.TrueForAll(c => members.Contains(c) || OnTheCustomers(c, layer)) && having is null && row is null && !share
            && PurchaseVerbRegex().IsMatch(text) && filters.TrueForAll(f => !f.Negated && layer.Dimension(f.Dimension) is { } d && (d.OnCustomers || d.Columns.Any(c => c.Fact == EntityKind.Orders))))
        {
            measure = buyers;
        }
        else if (buyers is { Missing: null } && !share && having is null && row is null && never.Count == 0)
        {
            // "customers with churn probability over 0.6 who still bought something in the last 30 days" (QuestionParser.Bought.cs).
            measure = BoughtAsCondition(layer, measure, conditions, filters, buyers, text);
        }

        // "for each country, what share of its customers are exclusivity seekers": the share within each group (out of
        // its customers) or how those customers split across the groups (out of all of them)? Only the second can be
        // computed with a condition on the customers, so it is asked back, never answered with the other.
        bool ownGroups = false;
        if (share && dimension is { IsTime: false } own && OwnGroupRegex().IsMatch(text) && (conditions.Count > 0 || filters.Exists(f => !f.NamesMeasure && f.Dimension != own.Key)))
        {
            // "for each country, what share of its customers are exclusivity seekers", "what share of each country's
            // customers came from social": each group's part out of that group's own customers, said so.
            ownGroups = true;
        }
        else if (share && plainCustomersWhole && dimension is { IsTime: false } group && ReferenceEquals(measure, layer.CustomerCount)
            && (conditions.Count > 0 || filters.Exists(f => !f.NamesMeasure && f.Dimension != group.Key)) && !SplitAcrossRegex().IsMatch(text) && !SplitVerbRegex().IsMatch(text) && !WithinGroupRegex().IsMatch(text))
        {
            // "% of customers with churn probability over 0.5, per acquisition source": a share of plain customers with the
            // condition after them is each group's own share (QuestionParser.PeriodsRatiosLabels.cs).
            ownGroups = true;
        }
        else if (share && dimension is { IsTime: false } within
            && (conditions.Count > 0 || (filters.Exists(f => !f.NamesMeasure && f.Dimension != within.Key) && (WithinGroupRegex().IsMatch(text) || !SplitAcrossRegex().IsMatch(text)))))
        {
            return ParsedQuestion.Unplaced($"a share of {measure.Label} for each {within.Label} could be out of that {within.Label}'s {measure.Label} or out of all of them (how they split across {within.PluralLabel}); ask for one {within.Label} at a time, as in \"what share of {measure.Label} in {ExamplePlace(layer)} ...\", or for \"{measure.Label} by {within.Label}\"");
        }

        // "orders whose units sold is at least 3", "abandoned carts with a cart value over $500": with no customers named,
        // a comparison on a measure of the very rows counted is each row's value, not each customer's total; with customers
        // named, only when it is said on each row ("transactions from <a city>'s customers had a quantity over 1",
        // QuestionParser.LeadStop51.cs).
        EachRowValue? eachRow = null;
        if (measure.Fact is not (EntityKind.Customers or EntityKind.Scores) && !ReferenceEquals(measure, buyers) && (!NamesCustomers(text, layer) || ThresholdOnEachRowSaid(text))
            && conditions.FindIndex(c => c.Measure.Fact == measure.Fact && c is { Comparison: not null, RowComparison: null, Negated: false, Filters.Count: 0 }) is var same and >= 0)
        {
            CustomerCondition each = conditions[same];
            if (each.Measure.EachRow is null || row is not null)
            {
                return ParsedQuestion.Unplaced($"\"{each.Measure.Label} {each.Comparison!.Phrase}\" for each one of the {measure.Label}, or for each of the {People(layer)}' totals? Ask \"{measure.Label} from {People(layer)} whose {each.Measure.Label} is {each.Comparison.Phrase}\" for the {People(layer)}' totals");
            }

            conditions.RemoveAt(same);
            row = each.Comparison;
            eachRow = each.Measure.EachRow;
        }

        // "viewed <a category> products (<an event type>) but never bought anything in <the category>" was read as bought the
        // category and never bought it (always none): a condition and its own negation mean a value was misplaced.
        if (conditions.Count > 1 && conditions.Find(c => !c.Negated && conditions.Exists(n => n.Negated && NegatedPair(c, n))) is { } contradicted)
        {
            return ParsedQuestion.Unplaced($"{contradicted.Measure.Label} both with and without {string.Join(" and ", contradicted.Filters.Select(f => f.Phrase))}: I could not tell which part each value belongs to; ask with each value next to its verb, as in \"viewed <a category> but never bought anything from <the category>\"");
        }

        if (DroppedPurchase(layer, measure, conditions, text) is { } dropped)
        {
            return ParsedQuestion.Unplaced(dropped);
        }

        FactInfo? measureFact = layer.Fact(measure.Fact);
        bool timeOnConditions = query.Time is not null && conditions.Count > 0 && (measureFact?.Time is null || measure.Fact == EntityKind.Customers)
            && conditions.Exists(c => layer.Fact(c.Measure.Fact) is { Time: not null, IsCustomerGrain: false });
        return new ParsedQuestion(AnalyticsAnswerStatus.Answered, query with
        {
            Measure = measure,
            Dimension = dimension,
            Limit = limit,
            Filters = filters,
            Conditions = conditions,
            Having = having,
            RowComparison = row,
            RowValue = eachRow,
            Share = share,
            WithinGroups = ownGroups,
            ShareOfTime = shareOfTime,
            TimeOnConditions = timeOnConditions,
        }, null);
    }

    private static bool NegatedPair(CustomerCondition a, CustomerCondition b) =>
        a.Measure.Fact == b.Measure.Fact && a.Comparison is null && b.Comparison is null && a.RowComparison is null && b.RowComparison is null
        && a.Time == b.Time && a.Filters.Count > 0 && a.Filters.Count == b.Filters.Count
        && a.Filters.All(f => b.Filters.Any(g => g.Dimension == f.Dimension && g.Negated == f.Negated && g.Values.Order(StringComparer.Ordinal).SequenceEqual(f.Values.Order(StringComparer.Ordinal))));

    private static NumericComparison ReadComparison(Match m)
    {
        ComparisonOperator op = m.Groups["op"].Value switch
        {
            "over" or "above" or "more than" or "greater than" or "higher than" or "bigger than" or "larger than" or "exceeding" or "in excess of" => ComparisonOperator.Greater,
            "at least" or "no less than" or "not less than" or "minimum of" or "a minimum of" => ComparisonOperator.GreaterOrEqual,
            "at most" or "no more than" or "not more than" or "up to" or "maximum of" or "a maximum of" => ComparisonOperator.LessOrEqual,
            "between" or "exactly" => ComparisonOperator.Between,
            _ => ComparisonOperator.Less,
        };
        (double a, bool moneyA) = ReadAmount(m.Groups["a"].Value);
        double? b = m.Groups["op"].Value == "exactly" ? a : null;
        bool moneyB = false;
        if (m.Groups["b"].Success && b is null)
        {
            (double upper, moneyB) = ReadAmount(m.Groups["b"].Value);
            b = upper;
        }

        return new NumericComparison(op, a, b, m.Value.Trim(), moneyA || moneyB) { Percent = m.Value.Contains(" percent", StringComparison.Ordinal) };
    }

    private static NumericComparison ReadOrMore(Match m)
    {
        (double a, bool money) = ReadAmount(m.Groups["a"].Value);
        ComparisonOperator op = m.Groups["op"].Value is "more" or "above" or "higher" or "greater" or "over" ? ComparisonOperator.GreaterOrEqual : ComparisonOperator.LessOrEqual;
        return new NumericComparison(op, a, null, m.Value.Trim(), money) { Percent = m.Value.Contains(" percent", StringComparison.Ordinal) };
    }

    // "dollars 1000" (from "$1,000"), "70 percent" (0.7), "three".
    private static (double Value, bool Money) ReadAmount(string text)
    {
        bool money = text.StartsWith("dollars ", StringComparison.Ordinal) || text.EndsWith(" dollars", StringComparison.Ordinal);
        bool percent = text.EndsWith(" percent", StringComparison.Ordinal);
        string number = text.Replace("dollars", "", StringComparison.Ordinal).Replace("percent", "", StringComparison.Ordinal).Trim();
        double value = LanguageWords.TryReadCountWord(number, out int word) ? word : double.Parse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
        return (percent ? value / 100 : value, money);
    }

    private const string PerCustomerReason = "a split per single customer is not offered; for a ratio per customer name what is divided, as in \"revenue per customer\" (over all customers) or \"revenue per buyer\" (over customers who ordered)";

    // Two measures divided: "revenue per order", "orders per buyer", "ratio of abandoned carts to orders", "X to Y ratio",
    // "revenue divided by orders". Both must be totals and the second a count; otherwise the question is declined.
    private static string ReadRatio(
        string text,
        string afterTime,
        SemanticLayer layer,
        List<MeasureDefinition> measures,
        List<(MeasureDefinition Measure, int Start, int End)> measureAt,
        bool treatmentSaid,
        ref RatioParts? ratio,
        ref MeasureDefinition? ratioMeasure,
        ref string? declined)
    {
        bool ratioSaid = false;
        text = Consume(text, RatioWordRegex(), _ => ratioSaid = true);
        measureAt.Sort((x, y) => x.Start.CompareTo(y.Start));
        for (int i = 0; i + 1 < measureAt.Count; i++)
        {
            (MeasureDefinition numerator, int start, int end) = measureAt[i];
            (MeasureDefinition denominator, int denominatorStart, int denominatorEnd) = measureAt[i + 1];
            if (denominatorStart < end)
            {
                continue;
            }

            string[] between = [.. afterTime[end..denominatorStart].Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => w is not ("the" or "a" or "an" or "each" or "every" or "single" or "one" or "paying"))];
            bool per = between is ["per"] or ["divided", "by"];
            bool to = ratioSaid && between is ["to"] or ["and"] or ["vs"] or ["versus"] or ["over"] or ["against"];
            if (!per && !to)
            {
                continue;
            }

            // "orders per customer among customers who have bought something", "spend per paying customer": the customers
            // counted are those who ordered, so an order measure is divided by the buyers.
            if (ReferenceEquals(denominator, layer.CustomerCount) && numerator.Fact == EntityKind.Orders && layer.Measure("buyers") is { Missing: null } payers
                && (PayingRegex().IsMatch(afterTime[end..denominatorStart]) || BoughtAtAllRegex().IsMatch(afterTime)))
            {
                denominator = payers;
                text = Consume(text, BoughtAtAllRegex(), _ => { });
            }

            // "attributed revenue per conversion", "per treated customer": the conversions and sends count the treatment group,
            // the attributed revenue both groups; with the treatment group said, its revenue is divided; otherwise which group
            // is meant is asked back (the revenue and conversions of both groups, or of the treatment group).
            MeasureDefinition numeratorSaid = numerator;
            if (numerator.Name == "attributed_revenue" && denominator.Name is "conversions" or "campaign_sends" && layer.Measure("treatment_attributed_revenue") is { Missing: null } treatedRevenue)
            {
                if (!treatmentSaid)
                {
                    declined = $"{numerator.Label} per {LanguageWords.Singular(denominator.Label)} of which group? The treatment group's (ask \"... per {LanguageWords.Singular(denominator.Label)} in the treatment group\") or both groups' (ask for the attributed revenue and the conversions of treatment vs control)";
                    return text;
                }

                numerator = treatedRevenue;
            }

            string phrase = afterTime[start..denominatorEnd].Trim();
            declined = RatioDecline(numerator, denominator, phrase, layer);
            if (declined is not null)
            {
                return text;
            }

            string denominatorLabel = denominator.Label.EndsWith('s') ? LanguageWords.Singular(denominator.Label) : denominator.Label;
            string denominatorName = denominator.Name.EndsWith('s') ? denominator.Name[..^1] : denominator.Name;
            Func<SqlDialect, string> top = numerator.Expression;
            Func<SqlDialect, string> bottom = denominator.Expression;
            ratioMeasure = new MeasureDefinition(
                $"{numerator.Name}_per_{denominatorName}",
                $"{numerator.Label} per {denominatorLabel}",
                numerator.Fact,
                numerator.Format == MeasureFormat.Money ? MeasureFormat.Money : MeasureFormat.Decimal,
                d => $"{top(d)} / NULLIF({bottom(d)}, 0)",
                [],
                false)
            {
                NeedsCustomers = numerator.NeedsCustomers || denominator.NeedsCustomers,
                Population = numerator.Name == "treatment_attributed_revenue" ? " (treatment group: customers sent the campaign)" : null,
            };
            ratio = new RatioParts(numerator, denominator, phrase);

            // The words joining them ("divided by") and an "average" before the numerator belong to the ratio.
            text = string.Concat(text.AsSpan(0, end), Blank(text[end..denominatorStart]), text.AsSpan(denominatorStart));
            text = Consume(text, AverageRegex(), _ => { });
            text = BlankAverageBefore(text, afterTime, start);
            int index = measures.IndexOf(numeratorSaid);
            measures.Remove(numeratorSaid);
            measures.Remove(denominator);
            measures.Insert(Math.Clamp(index, 0, measures.Count), ratioMeasure);
            measureAt.RemoveAt(i + 1);
            measureAt[i] = (ratioMeasure, start, denominatorEnd);
            return text;
        }

        if (ratioSaid)
        {
            declined = "a ratio of what to what? Name two measures, as in \"ratio of abandoned carts to orders\" or \"revenue per order\"";
        }

        return text;
    }

    // One measure under two filters of one dimension: "ratio of <A> <measure> to <B> <measure>", "ratio of <A> to <B>
    // <measure>", "how many times more <measure> does <A> bring in than <B>". The side after the joining word names the
    // dimension; the values of that dimension said before it are the numerator. A filter on another dimension said from
    // the ratio word to the last side could belong to one side, so it is declined; one said outside them applies to both. Anything else is
    // left to the other readings (nothing is consumed).
    private static string ReadFilterRatio(
        string text,
        SemanticLayer layer,
        List<QueryFilter> filters,
        List<(QueryFilter Filter, int At)> placed,
        List<MeasureDefinition> measures,
        List<(MeasureDefinition Measure, int Start, int End)> measureAt,
        bool declineExtras,
        out FilterRatio? sides,
        out string? declined)
    {
        sides = null;
        declined = null;
        Match anchor = FilterRatioRegex().Match(text);
        if (!anchor.Success || filters.Count != placed.Count)
        {
            return text;
        }

        bool times = !anchor.Value.Contains("ratio", StringComparison.Ordinal);
        string[] joiners = times ? [" than ", " as "] : [" to ", " vs ", " versus ", " against ", " and "];
        int join = -1;
        string joiner = "";
        foreach (string word in joiners)
        {
            int at = text.IndexOf(word, anchor.Index + anchor.Length - 1, StringComparison.Ordinal);
            if (at >= 0 && (join < 0 || at < join))
            {
                (join, joiner) = (at, word);
            }
        }

        List<MeasureDefinition> named = [.. measureAt.Select(m => m.Measure).Distinct()];
        if (named.Count > 1)
        {
            named.RemoveAll(m => ReferenceEquals(m, layer.CustomerCount));
        }

        // "ratio of add to carts to checkout starts": event types said without a measure are counts of their events
        // (QuestionParser.EventVerbs.cs).
        MeasureDefinition? implied = named.Count == 0 && join >= 0 ? EventsOfTwoTypes(layer, filters, placed, join) : null;
        // "ratio of the average order value of social customers to that of organic search customers": the customers only say
        // whose rows are measured on each side, so they are not counted as measures of their own.
        int measuresSaid = named is [{ } one] && !ReferenceEquals(one, layer.CustomerCount) ? measureAt.Count(m => !ReferenceEquals(m.Measure, layer.CustomerCount)) : measureAt.Count;
        if (join < 0 || (implied is null && named is not [{ Missing: null }]) || measuresSaid > 2)
        {
            return text;
        }

        MeasureDefinition measure = implied ?? named[0];

        List<int> after = [.. Enumerable.Range(0, placed.Count).Where(i => placed[i].At > join)];
        // "ratio of one value's average order value to the overall average order value": the side after the joining word is
        // every row (no filter of its own), and the values said before it are one dimension's (stop 62).
        bool overall = after.Count == 0 && OverallSideRegex().IsMatch(text.AsSpan(join + joiner.Length - 1));
        List<string> beforeDimensions = [.. Enumerable.Range(0, placed.Count).Where(i => placed[i].At < join && placed[i].At > anchor.Index).Select(i => filters[i].Dimension).Distinct()];
        if (overall ? beforeDimensions.Count != 1 : after.Count == 0 || after.Select(i => filters[i].Dimension).Distinct().Count() != 1)
        {
            return text;
        }

        string dimension = overall ? beforeDimensions[0] : filters[after[0]].Dimension;
        List<int> before = [.. Enumerable.Range(0, placed.Count).Where(i => placed[i].At < join && filters[i].Dimension == dimension)];
        List<int> both = [.. before, .. after];
        if (before.Count == 0 || both.Exists(i => filters[i].Negated))
        {
            return text;
        }

        if (declineExtras)
        {
            declined = "a ratio of one measure under two filters is asked without a threshold or a second time range; ask for the two numbers";
            return text;
        }

        int first = Math.Min(anchor.Index, both.Min(i => placed[i].At));
        int last = both.Max(i => placed[i].At + placed[i].Filter.Phrase.Length);
        if (Enumerable.Range(0, placed.Count).FirstOrDefault(i => !both.Contains(i) && placed[i].At > first && placed[i].At < last, -1) is int between and >= 0)
        {
            declined = $"I could not tell which side of the ratio \"{placed[between].Filter.Phrase}\" belongs to; say it on both sides or outside them";
            return text;
        }

        // "ratio of app events (ios + android) to web events": the values said on one side are one filter of them all (each
        // a filter of its own, they were all required at once: 0).
        List<QueryFilter> top = MergeFilters([.. before.Select(i => filters[i])]);
        List<QueryFilter> bottom = MergeFilters([.. after.Select(i => filters[i])]);
        string Side(List<QueryFilter> side) => side.TrueForAll(f => layer.Dimension(f.Dimension)?.Role == DimensionRole.EventType) && measure.Name == "events"
            ? string.Join(" or ", side.SelectMany(f => f.Values).Select(v => v.Replace('_', ' '))) + " events"
            : measure.Label + AnswerWriter.Describe(new AnalyticsQuery(measure, null, side, null, null, AnalyticsSort.Default), layer, null);
        sides = new FilterRatio(top, bottom, Side(top), overall ? Side(bottom) + " overall" : Side(bottom)) { Measure = measure.Name };
        if (implied is not null)
        {
            measures.Add(implied);
            measureAt.Add((implied, anchor.Index, anchor.Index + anchor.Length));
        }

        foreach (int i in both.OrderDescending())
        {
            filters.RemoveAt(i);
            placed.RemoveAt(i);
        }

        text = string.Concat(text.AsSpan(0, anchor.Index), new string('#', anchor.Length), text.AsSpan(anchor.Index + anchor.Length));
        return string.Concat(text.AsSpan(0, join + 1), new string('#', joiner.Length - 2), text.AsSpan(join + joiner.Length - 1));
    }

    // "average lifetime spend per buyer": an "average" said before the numerator with only skipped words between belongs
    // to the ratio (a ratio per buyer is the average per buyer).
    private static string BlankAverageBefore(string text, string afterTime, int start)
    {
        int at = start;
        while (at > 1)
        {
            int space = afterTime.LastIndexOf(' ', at - 2);
            if (space < 0)
            {
                break;
            }

            string word = afterTime[(space + 1)..(at - 1)];
            if (word is "average" or "avg" or "mean")
            {
                return string.Concat(text.AsSpan(0, space + 1), new string('#', word.Length), text.AsSpan(at - 1));
            }

            if (!StopWords.Contains(word) || word is "per" or "by")
            {
                break;
            }

            at = space + 1;
        }

        return text;
    }

    private static string Blank(string span)
    {
        char[] chars = span.ToCharArray();
        for (int i = 0; i < chars.Length; i++)
        {
            chars[i] = chars[i] == ' ' ? ' ' : '#';
        }

        return new string(chars);
    }

    private static string? RatioDecline(MeasureDefinition numerator, MeasureDefinition denominator, string phrase, SemanticLayer layer)
    {
        if (numerator.Missing is { } missing)
        {
            return $"{numerator.Label} {missing}";
        }

        if (denominator.Missing is { } noDenominator)
        {
            return $"{denominator.Label} {noDenominator}";
        }

        if (numerator == denominator)
        {
            return $"\"{phrase}\" divides {numerator.Label} by itself; name two different measures";
        }

        if (!numerator.Additive)
        {
            return $"{numerator.Label} is already an average or a rate, so \"{phrase}\" cannot be computed; a ratio divides two totals, as in \"{RatioExample(layer)}\"";
        }

        if (!denominator.Additive || denominator.Format != MeasureFormat.Count)
        {
            return $"\"{phrase}\" divides by {denominator.Label}, which is not a count; divide by a count, as in \"{RatioExample(layer)}\"";
        }

        // "sessions per buyer": all sessions over the buyers would count the sessions of customers who never bought; the
        // average over the buyers of their own sessions is read as a statistic ("average sessions per buyer").
        if (denominator.Name == "buyers" && numerator.Fact != EntityKind.Orders)
        {
            return $"\"{phrase}\" would divide every customer's {numerator.Label} by the buyers only; ask for the average {numerator.Label} per buyer (each buyer's own {numerator.Label})";
        }

        return null;
    }

    private static string RatioExample(SemanticLayer layer) =>
        layer.Measure("revenue") is { Missing: null } && layer.Measure("orders") is { Missing: null } ? "revenue per order" : $"campaign sends per {layer.CustomerWords[^1]}";

    // "the free_shippin trigger": a trigger id the profile does not list is named, never read as another trigger.
    private static string? UnknownTrigger(string question, SemanticLayer layer)
    {
        foreach (Match match in TriggerIdRegex().Matches(question.ToLowerInvariant()))
        {
            string id = match.Groups["id"].Value;
            string words = id.Replace('_', ' ');
            bool known = layer.Profile.Triggers.Any(t => string.Equals(t.Id, id, StringComparison.OrdinalIgnoreCase))
                || layer.Lexicon.Entries.Any(e => e.Kind == LexiconKind.Filter && e.FilterDimension?.Role == DimensionRole.Trigger && e.Phrase == words);
            if (!known)
            {
                return layer.Profile.Triggers.Count == 0
                    ? $"there is no trigger \"{id}\": the profile lists no triggers"
                    : $"there is no trigger \"{id}\" in the profile's triggers ({string.Join(", ", layer.Profile.Triggers.Select(t => t.Id))})";
            }
        }

        return null;
    }

    // Campaign ids from the data ("campaign CMP004", "the CMP004 campaign"): an id with letters and digits alone, any id after "campaign".
    private static string ReadCampaignIds(string text, SemanticLayer layer, IReadOnlyList<string> ids, List<(QueryFilter Filter, int At)> placed)
    {
        if (layer.Dimension("campaign_id") is not { Missing: null } dimension)
        {
            return text;
        }

        foreach (string id in ids.OrderByDescending(i => i.Length))
        {
            string phrase = QuestionText.Normalize(id).Trim();
            if (phrase.Length < 2)
            {
                continue;
            }

            bool bare = !phrase.Contains(' ', StringComparison.Ordinal) && phrase.Any(char.IsAsciiLetter) && phrase.Any(char.IsAsciiDigit);
            string padded = " " + phrase + " ";
            int from = 0;
            int at;
            while ((at = text.IndexOf(padded, from, StringComparison.Ordinal)) >= 0)
            {
                int start = at + 1;
                int end = start + phrase.Length;
                bool named = false;
                foreach (string before in (string[])["campaign id ", "campaign number ", "campaign "])
                {
                    if (start >= before.Length && string.CompareOrdinal(text, start - before.Length, before, 0, before.Length) == 0)
                    {
                        start -= before.Length;
                        named = true;
                        break;
                    }
                }

                foreach (string after in (string[])[" campaigns ", " campaign "])
                {
                    if (string.CompareOrdinal(text, end, after, 0, after.Length) == 0)
                    {
                        end += after.Length - 1;
                        named = true;
                        break;
                    }
                }

                if (!bare && !named)
                {
                    from = at + 1;
                    continue;
                }

                placed.Add((new QueryFilter(dimension.Key, [id], phrase), start));
                text = string.Concat(text.AsSpan(0, start), new string('#', end - start), text.AsSpan(end));
                from = end;
            }
        }

        return text;
    }

    // An unplaced word shaped like the data's campaign ids ("cmp010" next to "CMP004"): named as an id that is not in the data.
    private static string? UnknownCampaignId(string question, List<string> unknown, IReadOnlyList<string> ids)
    {
        foreach (string word in unknown)
        {
            Match shape = IdShapeRegex().Match(word);
            if (!shape.Success)
            {
                continue;
            }

            string prefix = shape.Groups[1].Value;
            List<string> alike = [.. ids.Where(id => IdShapeRegex().Match(QuestionText.Normalize(id).Trim()) is { Success: true } other && other.Groups[1].Value == prefix).Order(StringComparer.Ordinal)];
            if (alike.Count == 0)
            {
                continue;
            }

            int at = question.IndexOf(word, StringComparison.OrdinalIgnoreCase);
            string said = at >= 0 ? question.Substring(at, word.Length) : word;
            string range = alike.Count == 1 ? alike[0] : $"{alike[0]} to {alike[^1]}";
            return $"no campaign has the id \"{said}\" in the data (its ids run {range})";
        }

        return null;
    }

    // Campaign names from the data: a whole name anywhere ("the Autumn 2025 Free Delivery Cart Rescue campaign"), longest
    // first; then part of a name said before "campaign" ("the Free Delivery Cart Rescue campaign"), which places the one
    // campaign whose name holds those words, and is asked back, naming the choices, when several do.
    private static string ReadCampaignNames(string text, SemanticLayer layer, IReadOnlyList<string> names, List<(QueryFilter Filter, int At)> placed, out string? ambiguous)
    {
        ambiguous = null;
        if (layer.Dimension("campaign") is not { Missing: null } campaign)
        {
            return text;
        }

        CampaignPhrasing phrasing = CampaignPhrasesOf.GetValue(names, CampaignPhrasing.Of);
        foreach ((string name, string padded) in phrasing.Phrases)
        {
            int at;
            while ((at = text.IndexOf(padded, StringComparison.Ordinal)) >= 0)
            {
                text = PlaceCampaign(text, at, padded.Length - 2, name, campaign, placed);
            }
        }

        foreach (Match noun in CampaignNounRegex().Matches(text))
        {
            // The longest run of words before the noun that names part of a campaign: two words at least, or one word
            // that only one campaign's name holds ("the Sale campaign").
            string[] before = LastWords(text, noun.Index, 8);
            for (int k = before.Length; k >= 1; k--)
            {
                string[] words = before[^k..];
                if (words.Any(w => w.Contains('#', StringComparison.Ordinal)))
                {
                    continue;
                }

                string part = " " + string.Join(' ', words) + " ";
                List<string> holding = phrasing.NamesHolding.TryGetValue(part, out List<string>? known) ? [.. known] : [];
                if (holding.Count == 0 || (k == 1 && (holding.Count > 1 || words[0].Length < 4 || words[0].All(char.IsAsciiDigit))))
                {
                    continue;
                }

                if (holding.Count > 1 && CampaignFamilySaid(text, noun.Index - part.Length + 1, part, plural: false, layer))
                {
                    // "each / which / any <part> campaign": every campaign whose name holds the part (QuestionParser.CampaignsAndTriggers.cs).
                    text = PlaceCampaignFamily(text, noun.Index - part.Length, part, holding, campaign, placed);
                    break;
                }

                if (holding.Count > 1)
                {
                    holding.Sort(StringComparer.Ordinal);
                    ambiguous = $"which campaign? \"{part.Trim()} campaign\" could be {CampaignChoices(holding)}: ask about one by its full name, or by campaign to compare them";
                    return text;
                }

                text = PlaceCampaign(text, noun.Index - part.Length, part.Length - 2, holding[0], campaign, placed);
                break;
            }
        }

        return ReadCampaignFamilies(text, layer, phrasing, campaign, placed);
    }

    // The campaign names as the parser reads them (normalized, padded, longest first), worked out once per list: the host
    // reads the names once and asks many questions with the same list.
    private static readonly ConditionalWeakTable<IReadOnlyList<string>, CampaignPhrasing> CampaignPhrasesOf = new();

    /// <summary>
    /// The campaign names (normalized, padded, longest first) and, for every run of their words (" spring sale "), the
    /// distinct names that hold it, in the order of <see cref="Phrases"/>.
    /// </summary>
    private sealed record CampaignPhrasing((string Name, string Padded)[] Phrases, Dictionary<string, List<string>> NamesHolding)
    {
        public static CampaignPhrasing Of(IReadOnlyList<string> names)
        {
            (string Name, string Padded)[] phrases =
            [
                .. names
                    .Select(n => (Name: n, Padded: " " + QuestionText.Normalize(n).Trim() + " "))
                    .Where(n => n.Padded.Length >= 6)
                    .OrderByDescending(n => n.Padded.Length),
            ];
            Dictionary<string, List<string>> holding = new(StringComparer.Ordinal);
            foreach ((string name, string padded) in phrases)
            {
                string[] words = padded[1..^1].Split(' ');
                for (int from = 0; from < words.Length; from++)
                {
                    for (int to = from + 1; to <= words.Length; to++)
                    {
                        string part = " " + string.Join(' ', words[from..to]) + " ";
                        List<string> namesOfPart = holding.TryGetValue(part, out List<string>? list) ? list : holding[part] = [];
                        if (!namesOfPart.Contains(name, StringComparer.Ordinal))
                        {
                            namesOfPart.Add(name);
                        }
                    }
                }
            }

            return new CampaignPhrasing(phrases, holding);
        }
    }

    // The last (at most) count words of text before the position, in order, without splitting the whole text.
    private static string[] LastWords(string text, int end, int count)
    {
        List<string> words = [];
        int at = end;
        while (words.Count < count)
        {
            while (at > 0 && text[at - 1] == ' ')
            {
                at--;
            }

            if (at == 0)
            {
                break;
            }

            int wordEnd = at;
            while (at > 0 && text[at - 1] != ' ')
            {
                at--;
            }

            words.Add(text[at..wordEnd]);
        }

        words.Reverse();
        return [.. words];
    }

    // Places a campaign filter for the words at [at + 1, at + 1 + length) and masks them, with the "campaign" after them:
    // "the Spring Sale campaign" is a filter, not a breakdown by campaign.
    private static string PlaceCampaign(string text, int at, int length, string name, DimensionDefinition campaign, List<(QueryFilter Filter, int At)> placed)
    {
        string phrase = text.Substring(at + 1, length);
        Match noun = CampaignNounRegex().Match(text, at + 1 + length);
        if (noun.Success && noun.Index == at + 2 + length)
        {
            length = noun.Index + noun.Length - (at + 1);
        }

        placed.Add((new QueryFilter(campaign.Key, [name], phrase), at + 1));
        return string.Concat(text.AsSpan(0, at + 1), new string('#', length), text.AsSpan(at + 1 + length));
    }

    private static string CampaignChoices(List<string> names) => names.Count <= 5
        ? string.Join(", ", names.Take(names.Count - 1)) + " or " + names[^1]
        : string.Join(", ", names.Take(5)) + $" or {names.Count - 5} more";

    // What a question about one campaign can ask for, in the order offered back.
    private static readonly string[] CampaignMeasures = ["conversion_rate", "conversions", "campaign_uplift", "attributed_revenue", "campaign_sends"];

    [GeneratedRegex(@"(?<= )(?:out of|of) (?:all|every|total)(?= )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex OutOfAllRegex();

    [GeneratedRegex(@"(?<= )(?:campaign|promotion|promo)(?= )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex CampaignNounRegex();

    private static ParsedQuestion Assemble(
        SemanticLayer layer,
        List<MeasureDefinition> measures,
        List<(DimensionDefinition Dimension, bool Plural)> dimensions,
        List<QueryFilter> filters,
        RelativeTimeRange? time,
        int? limit,
        AnalyticsSort sort,
        bool howMany,
        bool whichIsTop,
        bool superlative,
        List<(MeasureDefinition Subject, NumericComparison Comparison)>? compared = null)
    {
        List<QueryFilter> merged = MergeFilters(GroupRestated(filters));
        if (measures.Count > 1)
        {
            measures.RemoveAll(m => m.Name == "customers");
        }

        if (measures.Count > 1)
        {
            return ParsedQuestion.Unplaced($"ask about one measure at a time (I read {string.Join(" and ", measures.ConvertAll(m => m.Label))})");
        }

        MeasureDefinition? measure = measures.Count == 1 ? measures[0] : null;
        if (measure is null && merged.Exists(f => f.Dimension == "event_type"))
        {
            measure = layer.Measure("events");
            merged = merged.ConvertAll(f => f.Dimension == "event_type" && !f.Negated ? f with { NamesMeasure = true } : f);
        }
        else if (measure is null && howMany)
        {
            measure = layer.CustomerCount;
        }

        if (measure is null && compared is { Count: > 0 })
        {
            measure = compared[0].Subject;
        }

        if (measure is null && merged.Find(f => f.Dimension == "campaign") is { } named)
        {
            // "How did the Sale campaign do?": a question back with the campaign's measures, never a guess among them.
            string[] offered = [.. CampaignMeasures.Select(layer.Measure).OfType<MeasureDefinition>().Where(m => m.Missing is null).Select(m => m.Label)];
            return ParsedQuestion.Unplaced(offered.Length == 0
                ? "I could not tell what to measure"
                : $"what should I measure for {string.Join(" and ", named.Values)}? Ask for its {string.Join(", ", offered[..^1])} or {offered[^1]}");
        }

        if (measure is null)
        {
            return ParsedQuestion.Unplaced("I could not tell what to measure");
        }

        // A question that needs an entity the profile does not map is declined with the mapping that enables it.
        if (measure.Missing is { } missing)
        {
            return ParsedQuestion.Unplaced($"{measure.Label} {missing}");
        }

        List<DimensionDefinition> distinct = [];
        bool plural = false;
        foreach ((DimensionDefinition dimension, bool isPlural) in dimensions)
        {
            if (!distinct.Contains(dimension))
            {
                distinct.Add(dimension);
                plural |= isPlural;
            }
        }

        if (distinct.Count > 1)
        {
            return ParsedQuestion.Unplaced($"ask for one breakdown at a time (I read {string.Join(" and ", distinct.ConvertAll(d => d.Label))})");
        }

        DimensionDefinition? grouped = distinct.Count == 1 ? distinct[0] : null;
        if (grouped is null)
        {
            QueryFilter? comparedFilter = merged.Find(f => f.Values.Count > 1 && !f.Group && !f.Negated);
            if (comparedFilter is not null)
            {
                grouped = layer.Dimension(comparedFilter.Dimension);
            }
        }

        if (grouped?.Missing is { } noBreakdown)
        {
            return ParsedQuestion.Unplaced($"a breakdown by {grouped.Label} {noBreakdown}");
        }

        foreach (QueryFilter filter in merged)
        {
            if (layer.Dimension(filter.Dimension) is { Missing: { } noFilter } filtered)
            {
                return ParsedQuestion.Unplaced($"a filter on {filtered.Label} ({filter.Phrase}) {noFilter}");
            }
        }

        // "which city has the most revenue", "the least popular product type by orders": one group named in the
        // singular with a superlative is the top one, not every group sorted.
        if (grouped is not null && limit is null && (whichIsTop || (superlative && !plural && compared is not null)) && !plural)
        {
            limit = 1;
        }

        if (grouped is null && superlative && limit is null)
        {
            return ParsedQuestion.Unplaced("the most or best of what? Add a breakdown such as \"which city has the most revenue\"");
        }

        if (grouped is null && limit is not null)
        {
            return ParsedQuestion.Unplaced($"top {limit} of what? Add a breakdown such as \"top {limit} cities by revenue\"");
        }

        return new ParsedQuestion(AnalyticsAnswerStatus.Answered, new AnalyticsQuery(measure, grouped, merged, time, limit, sort), null);
    }

    private static List<QueryFilter> MergeFilters(List<QueryFilter> filters)
    {
        List<QueryFilter> merged = [];
        foreach (QueryFilter filter in filters)
        {
            int index = merged.FindIndex(f => f.Dimension == filter.Dimension && f.Negated == filter.Negated);
            if (index < 0)
            {
                merged.Add(filter);
                continue;
            }

            if (GroupWithMembers(merged[index], filter) is { } group)
            {
                merged[index] = group;
                continue;
            }

            List<string> values = [.. merged[index].Values];
            foreach (string value in filter.Values)
            {
                if (!values.Contains(value))
                {
                    values.Add(value);
                }
            }

            merged[index] = new QueryFilter(filter.Dimension, values, merged[index].Phrase + " and " + filter.Phrase, merged[index].Group) { Negated = filter.Negated };
        }

        return merged;
    }

    // Whether the question holds the word exactly as written ("US", not "us"), between non-letters.
    private static bool WrittenAs(string question, string word)
    {
        int from = 0;
        int at;
        while ((at = question.IndexOf(word, from, StringComparison.Ordinal)) >= 0)
        {
            int end = at + word.Length;
            if ((at == 0 || !char.IsLetterOrDigit(question[at - 1])) && (end == question.Length || !char.IsLetterOrDigit(question[end])))
            {
                return true;
            }

            from = at + 1;
        }

        return false;
    }

    private static bool PerNoun(string text, string noun) =>
        noun != "customer" && (text.Contains($" per {noun} ", StringComparison.Ordinal) || text.Contains($" for each {noun} ", StringComparison.Ordinal)
            || text.Contains($" for every {noun} ", StringComparison.Ordinal) || text.Contains($" by {noun} ", StringComparison.Ordinal));

    private static string? RefusalReason(string text, SemanticLayer layer)
    {
        // The patterns only where the text holds one of the words every match of them starts with or holds (stop 42).
        if (text.AsSpan().IndexOfAny(ChangeDataWords) >= 0 && ChangeDataRegex().Match(text) is { Success: true } change)
        {
            return $"\"{change.Value.Trim()}\" would change data; analytics only reads the customer data";
        }

        if (SqlRegex().IsMatch(text))
        {
            return "SQL typed into the question is not run; ask in plain English";
        }

        if (text.AsSpan().IndexOfAny(PersonalDataWords) >= 0 && PersonalDataRegex().Match(text) is { Success: true } personal)
        {
            return $"\"{personal.Value.Trim()}\" is personal data, which analytics does not expose (only aggregates over the data model)";
        }

        foreach (string column in layer.Lexicon.PersonalPhrases)
        {
            if (text.Contains(column, StringComparison.Ordinal))
            {
                return $"\"{column.Trim()}\" is personal data, which analytics does not expose (only aggregates over the data model)";
            }
        }

        if (GroundTruthRegex().IsMatch(text))
        {
            return "the ground-truth uplift exists only to evaluate models and may not be read";
        }

        if (text.AsSpan().IndexOfAny(CatalogWords) >= 0 && CatalogRegex().Match(text) is { Success: true } catalog)
        {
            return $"\"{catalog.Value.Trim()}\" is outside the data model; analytics answers questions about {layer.Subjects()}";
        }

        return null;
    }

    private static string ReadTimeRanges(string text, List<RelativeTimeRange> times, bool quarters = false)
    {
        if (quarters)
        {
            text = ReadPeriodsAfterSpans(ReadSpans(ReadPeriodsBeforeSpans(text, times), times), times);
            // Each pattern only where the text holds a word every match of it contains (stop 42, parse speed).
            text = !(text.Contains(" q", StringComparison.Ordinal) || text.Contains("quarter", StringComparison.Ordinal)) ? text : Consume(text, QuarterRegex(), m =>
            {
                int quarter = m.Groups["q"].Success ? int.Parse(m.Groups["q"].Value, CultureInfo.InvariantCulture) : Array.IndexOf((string[])["first", "second", "third", "fourth"], m.Groups["word"].Value) + 1;
                // "Q3 last year" (stop 50): the year before the as-of's (Year -1).
                int year = m.Groups["year"].Success ? int.Parse(m.Groups["year"].Value, CultureInfo.InvariantCulture) : m.Groups["last"].Success ? -1 : 0;
                string label = string.Create(CultureInfo.InvariantCulture, $"Q{quarter}");
                // "Q3 of this year" (stop 47): the as-of's year, also before that quarter has begun.
                bool thisYear = m.Groups["this"].Success;
                times.Add(new RelativeTimeRange(TimeRangeKind.NamedQuarter, quarter, year, year switch
                {
                    0 => thisYear ? label + " of this year" : label,
                    < 0 => label + " of last year",
                    _ => string.Create(CultureInfo.InvariantCulture, $"{label} {year}"),
                }) { CurrentYear = thisYear });
            });

            text = !(text.Contains("half", StringComparison.Ordinal) || text.Contains(" h1", StringComparison.Ordinal) || text.Contains(" h2", StringComparison.Ordinal)) ? text : Consume(text, HalfRegex(), m =>
            {
                int half = m.Groups["n"].Success ? int.Parse(m.Groups["n"].Value, CultureInfo.InvariantCulture) : m.Groups["h"].Value == "first" ? 1 : 2;
                int year = m.Groups["year"].Success ? int.Parse(m.Groups["year"].Value, CultureInfo.InvariantCulture) : 0;
                string label = half == 1 ? "first half" : "second half";
                times.Add(new RelativeTimeRange(TimeRangeKind.NamedHalf, half, year, year == 0 ? label : string.Create(CultureInfo.InvariantCulture, $"{label} of {year}")));
            });

            // "Q1 vs Q2 2026": a year said once applies to both quarters (named "Q1 2026" and "Q2 2026", as "Q2 2026 vs Q3 2026" names them).
            if (times.Count(t => t.Kind == TimeRangeKind.NamedQuarter) == 2 && times.Where(t => t.Kind == TimeRangeKind.NamedQuarter).Select(t => t.Year).Distinct().Where(y => y != 0).ToList() is [int shared and > 0])
            {
                for (int i = 0; i < times.Count; i++)
                {
                    times[i] = times[i].Kind == TimeRangeKind.NamedQuarter ? times[i] with { Year = shared, Phrase = string.Create(CultureInfo.InvariantCulture, $"Q{times[i].Amount} {shared}") } : times[i];
                }
            }
        }

        // Each pattern only where the text holds a word every match of it contains (stop 42, parse speed).
        bool lastOrPast = text.Contains("last ", StringComparison.Ordinal) || text.Contains("past ", StringComparison.Ordinal) || text.Contains("previous ", StringComparison.Ordinal);
        text = !(lastOrPast || text.Contains("trailing ", StringComparison.Ordinal)) ? text : Consume(text, RollingRegex(), m =>
        {
            int amount = ReadNumber(m.Groups[1].Value);
            TimeRangeKind kind = m.Groups[2].Value switch
            {
                "hour" => TimeRangeKind.RollingHours,
                "day" => TimeRangeKind.RollingDays,
                "week" => TimeRangeKind.RollingWeeks,
                "month" => TimeRangeKind.RollingMonths,
                _ => TimeRangeKind.RollingYears,
            };
            times.Add(new RelativeTimeRange(kind, amount, 0, Phrase(m)));
        });
        // "the month before last" (stop 47): the whole calendar month two months before the as-of's.
        text = !text.Contains(" before last ", StringComparison.Ordinal) ? text : Consume(text, MonthBeforeLastRegex(), m => times.Add(new RelativeTimeRange(TimeRangeKind.MonthsAgo, 2, 0, "the month before last")));
        text = !lastOrPast ? text : Consume(text, PreviousPeriodRegex(), m => times.Add(new RelativeTimeRange(m.Groups[1].Value switch
        {
            "day" => TimeRangeKind.Yesterday,
            "week" => TimeRangeKind.LastWeek,
            "month" => TimeRangeKind.LastMonth,
            "quarter" => TimeRangeKind.LastQuarter,
            _ => TimeRangeKind.LastYear,
        }, 0, 0, Phrase(m))));
        text = !(text.Contains("this ", StringComparison.Ordinal) || text.Contains("to date", StringComparison.Ordinal) || text.Contains("td ", StringComparison.Ordinal)) ? text : Consume(text, CurrentPeriodRegex(), m => times.Add(new RelativeTimeRange((m.Groups[1].Value + m.Groups[2].Value + m.Groups[3].Value) switch
        {
            "week" or "wtd" => TimeRangeKind.ThisWeek,
            "month" or "mtd" => TimeRangeKind.ThisMonth,
            "quarter" or "qtd" => TimeRangeKind.ThisQuarter,
            _ => TimeRangeKind.ThisYear,
        }, 0, 0, Phrase(m))));
        text = !(text.Contains("today", StringComparison.Ordinal) || text.Contains("yesterday", StringComparison.Ordinal)) ? text : Consume(text, DayRegex(), m => times.Add(new RelativeTimeRange(m.Groups[1].Value == "today" ? TimeRangeKind.Today : TimeRangeKind.Yesterday, 0, 0, Phrase(m))));
        text = !MonthStartSaid(text) ? text : Consume(text, MonthRegex(), m =>
        {
            string name = m.Groups[1].Value;
            int month = MonthNumber(name);
            int year = m.Groups[2].Success ? int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture) : 0;
            times.Add(new RelativeTimeRange(TimeRangeKind.NamedMonth, month, year, Phrase(m)));
        });
        text = !text.Contains("20", StringComparison.Ordinal) ? text : Consume(text, YearRegex(), m => times.Add(new RelativeTimeRange(TimeRangeKind.Year, int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), 0, Phrase(m))));
        return text;
    }

    private static readonly string[] PhrasePrefixes = ["in the ", "over the ", "during the ", "for the ", "in ", "over ", "during ", "for ", "of "];

    private static string Phrase(Match match)
    {
        string phrase = match.Value.Trim();
        foreach (string prefix in PhrasePrefixes)
        {
            if (phrase.StartsWith(prefix, StringComparison.Ordinal))
            {
                return phrase[prefix.Length..];
            }
        }

        return phrase;
    }

    private static int ReadNumber(string text) =>
        LanguageWords.TryReadCountWord(text, out int value) ? value : int.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture);

    // "sept", "sep" and "september" are 9.
    private static int MonthNumber(string name)
    {
        for (int i = 0; i < LanguageWords.MonthNames.Count; i++)
        {
            if (LanguageWords.MonthNames[i].StartsWith(name[..3], StringComparison.Ordinal))
            {
                return i + 1;
            }
        }

        return 0;
    }

    // Colloquial amounts and counts, read before anything is placed: "more than a grand" and "2 grand" are dollars, a
    // purchase "once" or "twice" (or "1 time") is counted in times ("bought exactly once" is "exactly 1 times"), and "on
    // record", "of all time" and "racked up" are said around what is asked.
    private static string Colloquial(string text)
    {
        // One question is read several times (the readings before and after the main one, the legacy reason): the last
        // few rewrites are kept per thread, so each text is rewritten once.
        ColloquialMemo memo = t_colloquial ??= new ColloquialMemo();
        if (memo.Find(text) is { } known)
        {
            return known;
        }

        string rewritten = RewriteColloquial(text);
        memo.Add(text, rewritten);
        return rewritten;
    }

    [ThreadStatic]
    private static ColloquialMemo? t_colloquial;

    /// <summary>The last 64 texts <see cref="Colloquial"/> rewrote, and what each became (stop 48: the slowest questions rewrite more than sixteen).</summary>
    private sealed class ColloquialMemo
    {
        private readonly string[] _texts = new string[64];
        private readonly string[] _rewritten = new string[64];
        private int _next;

        public string? Find(string text)
        {
            for (int i = 0; i < _texts.Length; i++)
            {
                if (string.Equals(_texts[i], text, StringComparison.Ordinal))
                {
                    return _rewritten[i];
                }
            }

            return null;
        }

        public void Clear()
        {
            Array.Clear(_texts);
            Array.Clear(_rewritten);
        }

        public void Add(string text, string rewritten)
        {
            _texts[_next] = text;
            _rewritten[_next] = rewritten;
            _next = (_next + 1) % _texts.Length;
        }
    }

    private static string RewriteColloquial(string text)
    {
        text = AGrandRegex().Replace(text, m => m.Groups["n"].Success ? $"dollars {m.Groups["n"].Value}000" : "dollars 1000");
        if (PurchaseVerbRegex().IsMatch(text))
        {
            text = OnceRegex().Replace(text, m => m.Value switch
            {
                "once" => "1 times",
                "twice" => "2 times",
                "thrice" => "3 times",
                _ => m.Value + "s",
            });
        }

        return ColloquialFillerRegex().Replace(Rephrase(RephraseSharesAndStatistics(RephraseShorthand(RephraseFraming(RephraseOnlyOne(RephraseBehaviourStop50(text)))))), m => new string(' ', m.Length));
    }

    /// <summary>
    /// Other wordings of what the parser reads, said as it reads them (the ninth blind set's, stop 36): "counting only
    /// customers who ..." as "among customers who ...", "in calendar year 2025" as "in 2025", and words that add nothing
    /// where they stand ("including the ones who never bought anything" on a per-customer figure, "across all their
    /// purchases" after a total, "for sessions" after a session length). On normalized text.
    /// </summary>
    internal static string Rephrase(string text)
    {
        text = RephraseCoverageStop44(RephraseCoverageStop45b(RephraseCoverageStop46(RephraseRangesSaidTwice(RephraseBehaviourStop50(text)))));
        text = CountingOnlyRegex().Replace(text, "among ");
        text = IncludingNonBuyersRegex().Replace(text, m => new string(' ', m.Length));
        text = CalendarRegex().Replace(text, m => new string(' ', m.Length));
        text = YearBeforeNumberRegex().Replace(text, m => new string(' ', m.Length));
        text = AcrossTheirOrdersRegex().Replace(text, m => new string(' ', m.Length));
        text = SessionLengthSaidRegex().IsMatch(text) ? ForSessionsRegex().Replace(text, m => new string(' ', m.Length)) : text;
        return RephraseRatiosTwoNumbers(RephraseOrdersAndCarts(RephraseCampaignsRangesSessions(RephraseCustomersAndCampaigns(RephraseCampaignGroups(RephraseAlsoInGroup(text))))));
    }

    // "in year 2025": the year, as "in 2025" says it.
    [GeneratedRegex(@"(?<= )year (?=(?:19|20)\d{2} )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex YearBeforeNumberRegex();

    // "counting only customers who have bought at least once", "including only buyers": the customers the statistic is
    // over, as "among customers who ..." says it.
    [GeneratedRegex(@"(?<= )(?:(?:counting|including|considering|looking at) only|only (?:counting|including|considering|looking at)) (?=(?:customers|people|shoppers|buyers|those|the ones) )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex CountingOnlyRegex();

    // "including the ones who never bought anything", "including non-buyers": every customer, which a per-customer
    // figure is over already.
    [GeneratedRegex(@"(?<= )including (?:(?:the ones|those|customers|people|shoppers) who (?:have )?(?:" + LanguageWords.NotDonePattern + @") (?:ever )?(?:bought|purchased|ordered|buy|purchase|order)(?: anything)?|(?:the ones|those|customers|people|shoppers) (?:with no|without any|without) (?:orders|purchases|transactions)|non buyers|nonbuyers)(?= )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex IncludingNonBuyersRegex();

    // "in calendar year 2025", "each calendar month": the calendar period, as "in 2025" and "each month" say it.
    [GeneratedRegex(@"(?<= )calendar (?=(?:year|years|month|months|quarter|quarters|week|weeks) )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex CalendarRegex();

    // "spent more than $2,000 in total across all their purchases": their total, as "in total" says it.
    [GeneratedRegex(@"(?<= )across (?:all )?(?:of )?(?:their|his or her|his|her) (?:purchases|orders|transactions)(?= )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex AcrossTheirOrdersRegex();

    [GeneratedRegex(@"(?<= )session (?:length|lengths|duration|durations|time)(?= )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex SessionLengthSaidRegex();

    // "average session length in seconds for sessions on iOS": the sessions on iOS, which the session length is of.
    [GeneratedRegex(@"(?<= )for (?:sessions|visits) (?=(?:on|from|in) )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex ForSessionsRegex();

    [GeneratedRegex(@"(?<= )(?:(?<=(?:over|above|than|under|below|least|most) )a|(?<n>\d{1,3})) grand(?= )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex AGrandRegex();

    [GeneratedRegex(@"(?<= )(?:once|twice|thrice|(?<=(?: 1| one) )time)(?= )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex OnceRegex();

    [GeneratedRegex(@"(?<= )(?:on record|(?:of )?all time|racked up|rack up|racking up)(?= )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex ColloquialFillerRegex();

    // Consume: QuestionParser.ParseSpeedStop41.cs.

    private const string Numbers = @"\d{1,3}|" + LanguageWords.CountWordPattern;

    [GeneratedRegex(@"(?<= )(?:(?:in|over|during|for) )?(?:the )?(?:last|past|previous|trailing) (" + Numbers + @") (hour|day|week|month|year)s?(?= )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex RollingRegex();

    [GeneratedRegex(@"(?<= )(?:(?:in|over|during|for) )?(?:the )?(?:last|past|previous) (day|week|month|quarter|year)(?= )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex PreviousPeriodRegex();

    [GeneratedRegex(@"(?<= )(?:(?:in|during|for|so far) )?(?:this (week|month|quarter|year)(?: so far)?|(?:(week|month|quarter|year) to date)|(ytd|mtd|qtd|wtd))(?= )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex CurrentPeriodRegex();

    [GeneratedRegex(@"(?<= )(?:(?:for|on|from) )?(today|yesterday)(?= )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex DayRegex();

    [GeneratedRegex(@"(?<= )(?:(?:in|during|for|of|since) )?(january|february|march|april|june|july|august|september|october|november|december|jan|feb|apr|jun|jul|aug|sept|sep|oct|nov|dec|(?<=(?:in|during|for|of) )may)(?: (\d{4}))?(?= )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex MonthRegex();

    // A four-digit number is a year unless it is an amount: after "dollars", after a comparison ("over 2000", "at
    // most 2000"), or the upper end of a range whose lower end is not a year ("between 500 and 2000").
    [GeneratedRegex(@"(?<= )(?:(?:in|during|for|of) )?(?<!(?:dollars|" + ComparisonWords + @") )(?<!between (?!20\d\d )\S+ (?:and|to) )(20\d\d)(?= )", RegexOptions.None, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex YearRegex();

    [GeneratedRegex(@"(?<= )(?:(?:in|during|for|of|from|to) )?the month before last(?= )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex MonthBeforeLastRegex();

    [GeneratedRegex(@"(?<= )(?:(?:in|during|for|of) )?(?:the )?(?:q(?<q>[1-4])|(?<word>first|second|third|fourth) quarter)(?: (?:of )?(?<year>20\d\d)| (?:of )?(?:(?<this>this)|(?<last>last)) year)?(?= )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex QuarterRegex();

    [GeneratedRegex(@"(?<= )(?:(?:in|during|for|over) )?(?:the )?(?:(?<h>first|second) half|h(?<n>[12]))(?: (?:of )?(?<year>20\d\d))?(?= )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex HalfRegex();

    // "month over month", "year over year": the change from the period before the one named.
    [GeneratedRegex(@"(?<= )(?:(?<unit>month|year) over (?:the )?(?:previous |prior )?\k<unit>|(?<abbr>mom|yoy))(?= )", RegexOptions.None, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex OverPeriodRegex();

    [GeneratedRegex(@"(?<= )(?:(?:while |when )?(?:in|of|from|for|among|across) )?(?:(?:the|its|their|each campaign s) )?(?:treatment (?:group|arm)s?|treated (?:customers|people|shoppers|members|users|recipients|group|audience)|customers who were treated)(?= )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex TreatmentGroupRegex();

    private const string ArmWords = @"(?: groups?| arms?| customers)?(?: s)?";

    [GeneratedRegex(@"(?<= )(?:(?:in|for|of|between|among|across|by|on) )?(?:the )?(?:(?:treatment|treated)" + ArmWords + @" (?:vs|versus|and|against|or|compared (?:to|with)) (?:the )?control" + ArmWords + @"|control" + ArmWords + @" (?:vs|versus|and|against|or|compared (?:to|with)) (?:the )?(?:treatment|treated)" + ArmWords + @")(?= )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex ArmsRegex();

    [GeneratedRegex(@"(?<= )(?:difference|differences|gap|minus|less|lift|uplift|delta|incremental|change|ratio|more|higher|lower|better|worse|beat|outperform\w*)(?= )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex ArmDifferenceRegex();

    [GeneratedRegex(@"(?<=(?:^| )(?:how many|number of)(?: (?:different|distinct|unique|separate))? campaigns )(?:(?:did|do|have|has|had|were|was|have been|had been|that|that were|that have been) )?(?:we |you )?(?:send|sent|run|ran|launch|launched|execute|executed|deploy|deployed|do|did|carry out|carried out|go out|went out|get sent|got sent)(?= )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex CampaignVerbRegex();

    [GeneratedRegex(@"(?<= )items?(?= )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex ItemsRegex();

    [GeneratedRegex(@"(?<= )(?:the )?(?:treatment(?: group| arm)?s? (?:conversion )?rate (?:minus|less) (?:the )?control(?: group| arm)?s? (?:conversion )?rate|(?:the )?difference (?:between|in) (?:the )?treatment (?:and|vs|versus) (?:the )?control (?:group |arm )?(?:conversion rates?|rates)|(?:the )?difference (?:in|of) (?:the )?conversion rates? (?:between|of) (?:the )?treatment (?:and|vs|versus) (?:the )?control(?: groups?| arms?)?)(?= )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex UpliftPartsRegex();

    [GeneratedRegex(@"(?<=(?:#| a) )purchase(?= )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex OnePurchaseRegex();

    [GeneratedRegex(@"(?<= )(?:signed up|sign up|signup|signups|sign ups|joined|join|acquired|registered|new customers)(?= )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex JoinedRegex();

    [GeneratedRegex(@"(?<= )times(?= )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex TimesRegex();

    [GeneratedRegex(@"(?<= )(?:vs|versus|compared (?:with|to)|against) (?:the )?(?:(?<n>" + Numbers + @") (?:(?<unit>hour|day|week|month)s? )?before|(?:previous|prior|preceding) (?<n2>" + Numbers + @") (?<unit2>hour|day|week|month)s?)(?= )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex PrecedingRegex();

    [GeneratedRegex(@"(?<= )(?:by what (?:percentage|percent)|(?:what|which) (?:percentage|percent) (?:growth|change|increase|decrease|rise|drop)|in percent|as a percentage|percentage change|percent change|percentage growth|percent growth|growth rate|percentage increase|percent increase|percentage decrease|percent decrease)(?= )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex GrowthPercentRegex();

    [GeneratedRegex(@"(?<= )(?:how (?:much|many) (?:(?<more>more|higher)|(?<less>less|fewer|lower))|growth|grow|grew|grown|change|changed|increase|increased|decrease|decreased|difference|rise|rose|fall|fell|drop|dropped)(?= )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex GrowthRegex();

    [GeneratedRegex(@"(?<= )(top|best|highest|largest|biggest|strongest|bottom|worst|lowest|smallest|weakest)(?: selling| performing)? (" + Numbers + @")(?= )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex TopRegex();

    [GeneratedRegex(@"(?<=(?:^| )(?:the|our|list|show|me|give) )(" + Numbers + @") (top|best|highest|largest|biggest|strongest|bottom|worst|lowest|smallest|weakest)(?= )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex NumberTopRegex();

    [GeneratedRegex(@"(?<= )(?:which|what|the) (" + Numbers + @")(?= )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex WhichTopRegex();

    [GeneratedRegex(@"(?<= )(?:(?:in )?ascending(?: order)?|(?:lowest|smallest|least|fewest|worst|weakest|bottom) first|(?:from )?(?:lowest|smallest|least|fewest|worst|low|small) to (?:highest|largest|biggest|most|best|high|big|top))(?= )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex AscendingRegex();

    [GeneratedRegex(@"(?<= )(?:(?:in )?descending(?: order)?|(?:highest|largest|biggest|most|best|top|strongest) first|(?:from )?(?:highest|largest|biggest|most|best|high|big|top) to (?:lowest|smallest|least|fewest|worst|low|small|bottom))(?= )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex DescendingRegex();

    [GeneratedRegex(@"(?<= )(?:alphabetical(?:ly)?|(?:in )?alphabetical order|a to z)(?= )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex AlphabeticalRegex();

    [GeneratedRegex(@"(?<= )(?:the )?(most|highest|largest|biggest|best|greatest|strongest|top|maximum|max|leading)(?= )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex MostRegex();

    [GeneratedRegex(@"(?<= )(?:the )?(least|fewest|lowest|smallest|worst|weakest|minimum|min)(?= )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex LeastRegex();

    // The words of a one-sided comparison ("over", "at most"), shared by comparisons and by years (not after them).
    private const string ComparisonWords = "over|above|more than|greater than|higher than|bigger than|larger than|exceeding|in excess of|at least|no less than|not less than|a minimum of|minimum of|below|under|less than|fewer than|lower than|smaller than|at most|no more than|not more than|up to|a maximum of|maximum of";

    private const string Amount = @"(?:dollars )?(?:\d{1,12}(?:\.\d{1,6})?|" + LanguageWords.CountWordPattern + @")(?: percent| dollars)?";

    [GeneratedRegex(@"(?<= )(?<op>" + ComparisonWords + @"|between|exactly) (?<a>" + Amount + @")(?: (?:and|to) (?<b>" + Amount + @"))?(?= )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex ComparisonRegex();

    [GeneratedRegex(@"(?<= )(?<a>" + Amount + @") or (?<op>more|above|higher|greater|over|less|fewer|below|lower|under)(?= )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex OrMoreRegex();

    [GeneratedRegex(@"(?<= )(?:but not|and not|but never|but did not|but didnt|and did not|and didnt|" + LanguageWords.DidNotPattern + "|" + LanguageWords.DoesNotPattern + "|" + LanguageWords.DoNotPattern + "|" + LanguageWords.HaveNotPattern + "|" + LanguageWords.HasNotPattern + @"|never|not|without|excluding|exclude|except for|except|other than|outside of|outside|apart from)(?= )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex NegationRegex();

    [GeneratedRegex(@"(?<= )(?:what )?(?:share|percentage|percent|proportion|portion|fraction|pct)(?: of)?(?= )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex ShareRegex();

    // "were placed in", "was made during": a time range (masked by then) said as the predicate of a share ("what share of ...
    // were in the last 30 days").
    [GeneratedRegex(@"(?<= )(?:were|was)(?: (?:placed|made|sent|created|recorded|abandoned|started|opened|logged|received|bought|purchased))?(?: (?:in|during|within|over))? (?=#)", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex TimePredicateRegex();

    // "never ordered", "have not bought anything", "never abandoned a cart", at the end of the question or before a time range.
    [GeneratedRegex(@"(?<= )(?:(?:who|that|which|have|has|had) )*(?:never|not yet|" + LanguageWords.HaveNotPattern + "|" + LanguageWords.HasNotPattern + "|" + LanguageWords.DidNotPattern + "|" + LanguageWords.DoNotPattern + "|" + LanguageWords.DoesNotPattern + @")(?: ever| actually| then| go on to| end up)? (?:(?<cart>abandoned|abandon) (?:a |any )?carts?|ordered|order|bought|buy|purchased|purchase|placed (?:an |any )?orders?|place (?:an |any )?orders?|made (?:a |any )?purchases?|make (?:a |any )?purchases?)(?: anything| at all| yet| ever)*(?= (?:(?:in|during|since|over|within|for|this|last|past) |(?:and )?(?:live|lives|living|are|is|reside|resides|based|located) |$))", RegexOptions.None, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex NeverRegex();

    // "how many customers ...", "the number of shoppers ...": the question counts customers.
    // Whether the question names the customers (or buyers, or "who ..." of them) anywhere.
    private static bool NamesCustomers(string text, SemanticLayer layer) =>
        BuyerNounRegex().IsMatch(text) || text.Contains(" who ", StringComparison.Ordinal)
        || text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Any(word => layer.CustomerCount.Synonyms.Contains(word));

    private static bool AsksForCustomers(string normalized, SemanticLayer layer)
    {
        Match m = HowManyNounRegex().Match(normalized);
        IReadOnlyList<string> nouns = layer.CustomerCount.Synonyms;
        return m.Success && (nouns.Contains(m.Groups["w1"].Value)
            || (m.Groups["w2"].Success && nouns.Contains(m.Groups["w1"].Value + " " + m.Groups["w2"].Value))
            // "how many UK customers had wishlist add events": a word before the noun says which customers (it counted the events).
            || (m.Groups["w2"].Success && nouns.Contains(m.Groups["w2"].Value) && !IsStopWord(m.Groups["w1"].Value))
            || CountsMembers(m, layer));
    }

    [GeneratedRegex(@"^ (?:how many|what is the number of|whats the number of|the number of|number of|count of|count) (?:of )?(?:our |the |all )?(?:(?:distinct|unique|different|individual) )?(?<w1>[a-z]+)(?: (?<w2>[a-z]+))?", RegexOptions.None, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex HowManyNounRegex();

    [GeneratedRegex(@"^ how many (?:[a-z]+ ){1,2}?(?<noun>[a-z]+) (?:converted|have converted|did convert|were converted)(?= )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex HowManyAdjectiveNounRegex();

    // The population of a share named as buyers ("what share of buyers bought a product"), not as customers.
    [GeneratedRegex(@"\b(?:buyers?|purchasers?|paying)\b", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex BuyerNounRegex();

    [GeneratedRegex(@" (?:bought|buy|buying|purchased|purchase|ordered|buyers|purchasers|shoppers who|customers who) ", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex PurchaseRegex();

    [GeneratedRegex(@" (?:bought|buy|buying|purchased|purchase|purchasing|ordered|shopped|placed (?:an |any )?orders?|made (?:a |any )?purchases?) ", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex PurchaseVerbRegex();

    [GeneratedRegex(@"(?<= )(?:(?:who|that|have|has|had) )*(?:added|adding|put|puts) (?:something |anything |items? |products? |an item |a product |things )?(?:to|in|into) (?:the |their |a |his |her )?(?:carts?|baskets?)(?= )", RegexOptions.None, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex AddedToCartRegex();

    [GeneratedRegex(@"(?<=(?:most|least|fewest) )viewed(?= )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex MostViewedRegex();

    // Nouns for the customers who bought: an upper bound on their totals does not count customers without rows.
    [GeneratedRegex(@" (?:shoppers|shopper|buyers|buyer|purchasers|purchaser) ", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex RowNounRegex();

    [GeneratedRegex(@" (?:spent|spend|spends|spending) ", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex SpendVerbRegex();

    [GeneratedRegex(@" (?:vs|versus|compare|compared|comparison|each|per|respectively|separately) ", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex VersusRegex();

    [GeneratedRegex(@" (?:or|either|any of) ", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex EitherRegex();

    // Whether "or", "either" or "any of" joins the products bought: said between the first and the end of the last, or
    // "either"/"any of" just before the first; never when "both" is said. Where a product's words are not found as said,
    // any "or" counts, as before.
    private static bool EitherSaidOfProducts(string text, List<QueryFilter> products)
    {
        if (BothSaidRegex().IsMatch(text))
        {
            return false;
        }

        int first = int.MaxValue;
        int end = -1;
        foreach (QueryFilter product in products)
        {
            int at = text.IndexOf(product.Phrase, StringComparison.Ordinal);
            if (at < 0)
            {
                return EitherRegex().IsMatch(text);
            }

            first = Math.Min(first, at);
            end = Math.Max(end, at + product.Phrase.Length);
        }

        foreach (Match either in EitherRegex().Matches(text))
        {
            if ((either.Index >= first && either.Index < end) || (either.Value.Trim() is "either" or "any of" && either.Index < first && first - either.Index <= 24))
            {
                return true;
            }
        }

        return false;
    }

    [GeneratedRegex(@"(?<![a-z])both(?![a-z])", RegexOptions.None, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex BothSaidRegex();

    [GeneratedRegex(@" value of (?:all the |all of the |all |the |our |those |these )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex ValueOfRegex();

    [GeneratedRegex(@" paying ", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex PayingRegex();

    // "who have bought something", "counting only people who have bought at least once": customers who ordered at all.
    [GeneratedRegex(@"(?<= )(?:(?:counting )?only )?(?:(?:people|customers|shoppers|those|ones|#+) )?(?:who|that) (?:have |has |had )?(?:ever )?(?:bought|purchased|ordered|shopped)(?: (?:something|anything|at least once|at least one time))?(?= )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex BoughtAtAllRegex();

    // The side of a ratio that is every row: "to the overall ...", "to all customers' ...", "to everyone's ...".
    [GeneratedRegex(@"^ *(?:the |that of |that for )?(?:overall|all|everyone|everybody|everything|total|whole|entire)\b", RegexOptions.None, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex OverallSideRegex();

    [GeneratedRegex(@"(?<= )(?:(?:the )?ratios?(?: (?:of|between))?|(?:how )?many (?:times|x) (?:more|as much|as many|bigger|larger|higher|greater))(?= )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex FilterRatioRegex();

    [GeneratedRegex(@"(?<= )(?:the )?ratios?(?: (?:of|between))?(?= )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex RatioWordRegex();

    [GeneratedRegex(@"(?<= )(?:on average|(?:average|avg|mean)(?= #))(?= )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex AverageRegex();

    [GeneratedRegex(@"\b(?:trigger|incentive) (?<id>[a-z0-9]+(?:_[a-z0-9]+)+)\b|\b(?<id>[a-z0-9]+(?:_[a-z0-9]+)+) (?:trigger|incentive)s?\b", RegexOptions.None, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex TriggerIdRegex();

    [GeneratedRegex(@"^([a-z]+)0*\d+$", RegexOptions.None, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex IdShapeRegex();

    [GeneratedRegex(@" (?:how many|number of|count of|count) ", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex HowManyRegex();

    [GeneratedRegex(@" (?:which|what|whats) ", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex WhichRegex();

    [GeneratedRegex(@" (?:per|for each|for every|by) (?:customer|shopper|buyer|person|head|user) ", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex PerCustomerRegex();

    [GeneratedRegex(@"(?<= )(?:delete|drop|truncate|insert|update|alter|grant|revoke|wipe|erase|purge|overwrite|modify|rename|reset|remove (?:all|every|the|any|customers?|rows?|data|records?|tables?|carts?|events?)|create (?:a |an )?(?:new )?(?:table|view|index|database|customers?|records?)|add (?:a |an )?(?:new )?(?:customers?|rows?|records?|columns?)|set (?:the |all )?\w+ to|change (?:the |all )?(?:data|records?|values?|customers?|scores?))(?= )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex ChangeDataRegex();

    [GeneratedRegex(@" select .+ from | pragma | attach | union select ", RegexOptions.None, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex SqlRegex();

    [GeneratedRegex(@"(?<= )(?:passwords?|passwd|credentials?|secrets?|api keys?|access tokens?|credit cards?|card numbers?|ssns?|social security(?: numbers?)?|phone(?: numbers?)?|telephone|home address(?:es)?|postal address(?:es)?|street address(?:es)?|addresses|birth ?dates?|date of birth|ip address(?:es)?|e ?mail address(?:es)?|e ?mails? of|their e ?mails?|e ?mail list|emails|(?:first|last|full|customer|customers|their) names?|names of|who are the customers|personal (?:data|details|information)|contact (?:details|info(?:rmation)?)|customer ids?|customer id list)(?= )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex PersonalDataRegex();

    [GeneratedRegex(@" (?:ground truth|true uplift|ground truth uplift) ", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex GroundTruthRegex();

    [GeneratedRegex(@"(?<= )(?:information schema|system tables?|system catalogs?|list (?:the |all )?tables|which tables|what tables|database schema|the schema|settings|config(?:uration)?|environment variables?|server files?|files on)(?= )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex CatalogRegex();
}
