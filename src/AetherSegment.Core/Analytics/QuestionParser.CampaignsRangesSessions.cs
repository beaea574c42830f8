using System.Globalization;
using System.Text.RegularExpressions;
using AetherSegment.Vocabulary;

namespace AetherSegment.Analytics;

// Campaigns, time ranges and sessions (stop 37): other wordings said as the parser reads them, spans of months and of dates
// ("from July to September 2026", "between 2026-06-01 and 2026-08-31"), and a range restated in brackets ("Q3 2026
// (July through September)") read once.
internal static partial class QuestionParser
{
    /// <summary>
    /// Campaign and session wordings said as the parser reads them (on normalized text): "never part of any campaign,
    /// neither in a treatment nor in a control group" as "never in any campaign, either group"; "what percentage of
    /// treatment-group rows converted" as "conversion rate of the treatment group"; "the lift in conversion rate, treatment
    /// minus control, in percentage points" as "uplift"; "across all campaigns pooled together" (a campaign measure over
    /// every campaign) as nothing; "sessions that included at least one X" as "sessions with X" and "sessions that had no X"
    /// as "sessions without X".
    /// </summary>
    internal static string RephraseCampaignsRangesSessions(string text)
    {
        // Each pattern only where the text holds a word every match of it contains (stop 42, parse speed).
        text = text.Contains("conv ", StringComparison.Ordinal) ? ConvAbbreviationRegex().Replace(text, "conversion") : text;
        text = text.Contains("order value", StringComparison.Ordinal) ? TotalWordsOrderValueRegex().Replace(TotalOrderValueRegex().Replace(text, "revenue"), "${mid}revenue") : text;
        text = text.Contains("by how ", StringComparison.Ordinal) ? ByHowManyPercentRegex().Replace(text, "by what percentage") : text;
        text = text.Contains("to date", StringComparison.Ordinal) || text.Contains("so far", StringComparison.Ordinal) || text.Contains(" now", StringComparison.Ordinal) || text.Contains(" today", StringComparison.Ordinal) ? PeriodToDateRegex().Replace(text, "") : text;
        if (text.Contains("campaign", StringComparison.Ordinal))
        {
            text = NeverACampaignRegex().Replace(text, "any");
            text = InNoCampaignRegex().Replace(text, " never in any campaign ");
            text = NeverArmOfAnyCampaignRegex().Replace(text, "never in any campaign");
            text = EitherArmRegex().Replace(text, "either group");
        }

        text = !text.Contains("convert", StringComparison.Ordinal) ? text : PercentConvertedRegex().Replace(text, m => m.Groups["arm"].Success
            ? (m.Groups["arm"].Value.StartsWith("treat", StringComparison.Ordinal) ? "conversion rate of the treatment group" : "conversion rate of the control group")
            : "conversion rate");
        text = text.Contains("conversion p", StringComparison.Ordinal) ? ConversionPercentRegex().Replace(text, "conversion rate") : text;
        text = text.Contains("treat", StringComparison.Ordinal) || text.Contains("control", StringComparison.Ordinal) ? ArmRowsRegex().Replace(text, "") : text;
        text = text.Contains("conversion", StringComparison.Ordinal) ? ConversionLiftRegex().Replace(text, "uplift") : text;
        // After an uplift already said ("uplift by campaign (treatment rate minus control rate)") the parts are its definition,
        // dropped below; said again as "uplift" they made "by campaign uplift" (one pooled value, stop 46).
        text = text.Contains("control", StringComparison.Ordinal) ? UpliftPartsRegex().Replace(text, m => UpliftWordRegex().IsMatch(text[..m.Index]) ? "" : "uplift") : text;
        if (UpliftWordRegex().IsMatch(text))
        {
            text = TreatmentMinusControlRegex().Replace(text, "");
            text = InPointsRegex().Replace(text, "");
        }

        if (CampaignMeasureWordRegex().IsMatch(text))
        {
            text = AcrossAllCampaignsRegex().Replace(text, "");
        }

        text = text.Contains("activity", StringComparison.Ordinal) ? ActivityRegex().Replace(text, "any events") : text;
        text = text.Contains("event", StringComparison.Ordinal) ? EventCountsRegex().Replace(text, "events") : text;
        if (EventsWordRegex().IsMatch(text))
        {
            text = ByTypeRegex().Replace(text, "by event type");
        }

        if (text.Contains("sessions ", StringComparison.Ordinal) || text.Contains("visits ", StringComparison.Ordinal))
        {
            text = SessionsIncludedRegex().Replace(text, "with");
            text = SessionsWithoutRegex().Replace(text, "without");
            text = SessionEventWordRegex().Replace(text, "");
        }

        return MultipleSpacesRegex().Replace(text, " ");
    }

    // "in the treatment group of at least one campaign but never in any control group", "never in any control group",
    // "in a control group of some campaign and in a treatment group of another": the groups of any campaign a customer was in.
    private static string ReadArmMemberships(string text, out List<(string Arm, bool Negated)> arms)
    {
        List<(string Arm, bool Negated)> read = [];
        if (!text.Contains("treatment group", StringComparison.Ordinal) && !text.Contains("control group", StringComparison.Ordinal))
        {
            // Every match says "<treatment|control> group" (stop 49: the pattern runs on every reading and matches few).
            arms = read;
            return text;
        }

        text = Consume(text, ArmMembershipRegex(), m =>
        {
            read.Add((m.Groups["a1"].Value + "_group", m.Groups["n1"].Success));
            if (m.Groups["a2"].Success)
            {
                read.Add((m.Groups["a2"].Value + "_group", m.Groups["n2"].Success));
            }
        });
        arms = read.Count == 2 && read[0].Arm == read[1].Arm ? [] : read;
        return text;
    }

    /// <summary>
    /// A range restated in brackets, "Q3 2026 (July through September)", "from October 2026 to November 2026 (November
    /// month-to-date)": the brackets are dropped when all they hold is a range that agrees with one said outside them (the
    /// same months, and the same year where both say one) or words about the range alone ("inclusive", "so far"). A range
    /// in brackets that differs is kept, and the question declined as two ranges.
    /// </summary>
    private static string DropRestatedRanges(string question)
    {
        // "in Q3 2026, so July through September", "Q3 2026 - i.e. July to September": the same as in brackets.
        question = RestatementClauseRegex().Replace(question, m => $" ({m.Groups["said"].Value}){m.Groups["end"].Value}");
        foreach (Match bracket in BracketRegex().Matches(question))
        {
            string inner = MonthDashRegex().Replace(bracket.Groups[1].Value, "$1 through $2");
            string said = QuestionText.Normalize(inner);
            string outsideText = string.Concat(question.AsSpan(0, bracket.Index), " ", question.AsSpan(bracket.Index + bracket.Length));
            if (StartToNowRegex().Match(said) is { Success: true } start)
            {
                // "2026 (Jan 1 to now)", "November 2026 (from Nov 1)": the start of the period said outside, up to the data's end.
                int month = MonthNumber(start.Groups["n"].Success ? start.Groups["n"].Value : "jan");
                int year = start.Groups["y"].Success ? int.Parse(start.Groups["y"].Value, CultureInfo.InvariantCulture) : 0;
                List<RelativeTimeRange> periods = [];
                _ = ReadTimeRanges(Colloquial(QuestionText.Normalize(outsideText)), periods, quarters: true);
                if (periods.Count > 0 && periods.TrueForAll(p => StartsAt(p, month, year)))
                {
                    return DropRestatedRanges(outsideText);
                }

                continue;
            }

            string stripped = MultipleSpacesRegex().Replace(RestatementFillerRegex().Replace(said, " "), " ");
            if (LeadingMonthRegex().IsMatch(stripped))
            {
                // "(July to September)": a span of months said alone in the brackets.
                stripped = " from" + stripped;
            }

            List<RelativeTimeRange> inside = [];
            string rest = ReadTimeRanges(stripped, inside, quarters: true);
            if (rest.Split(' ', StringSplitOptions.RemoveEmptyEntries).Any(w => w.Trim('#').Length > 0 && w is not ("to" or "through" or "thru" or "and" or "from" or "between" or "until")))
            {
                continue;
            }

            List<RelativeTimeRange> around = [];
            _ = ReadTimeRanges(Colloquial(QuestionText.Normalize(outsideText)), around, quarters: true);
            bool restated = inside.Count == 0
                ? around.Count > 0 && said.Trim().Length > 0
                : inside.TrueForAll(i => around.Exists(o => SameRange(i, o)));
            if (restated)
            {
                return DropRestatedRanges(outsideText);
            }
        }

        return question;
    }

    /// <summary>
    /// Values restated in brackets, "events from mobile (ios + android)": the brackets are dropped when the values in them are
    /// exactly those of a value said outside them (a group such as "mobile"), so they are not read as a comparison of each.
    /// </summary>
    private static string DropRestatedValues(string question, SemanticLayer layer)
    {
        foreach (Match bracket in BracketRegex().Matches(question))
        {
            string said = MultipleSpacesRegex().Replace(ValueListFillerRegex().Replace(QuestionText.Normalize(bracket.Groups[1].Value), " "), " ");
            List<LexiconEntry> inside = layer.Lexicon.Candidates(said).FindAll(e => e.Kind == LexiconKind.Filter && said.Contains(e.Padded, StringComparison.Ordinal));
            string rest = said;
            foreach (LexiconEntry entry in inside)
            {
                rest = rest.Replace(entry.Padded, " ", StringComparison.Ordinal);
            }

            if (inside.Count == 0 || rest.Trim().Length > 0)
            {
                continue;
            }

            string outside = string.Concat(question.AsSpan(0, bracket.Index), " ", question.AsSpan(bracket.Index + bracket.Length));
            string before = QuestionText.Normalize(question[..bracket.Index]);
            HashSet<string> values = inside.SelectMany(e => e.Values).ToHashSet(StringComparer.Ordinal);
            if (layer.Lexicon.Candidates(before).Exists(e => e.Kind == LexiconKind.Filter && before.EndsWith(e.Padded, StringComparison.Ordinal)
                && inside.TrueForAll(i => i.FilterDimension == e.FilterDimension) && e.Values.ToHashSet(StringComparer.Ordinal).SetEquals(values)))
            {
                return DropRestatedValues(outside, layer);
            }
        }

        return question;
    }

    /// <summary>
    /// "Unique customers with any events in the last 24 hours", "customers with any orders": a question that begins with the
    /// customers and what they have asks how many there are, as "how many customers with ..." does (it was read as a count
    /// of the events or orders, a wrong answer).
    /// </summary>
    private static string CountOfCustomersSaid(string question, SemanticLayer layer)
    {
        Match m = CustomersWithRegex().Match(question);
        return m.Success && layer.CustomerCount.Synonyms.Contains(m.Groups["noun"].Value.ToLowerInvariant()) ? "How many " + question.TrimStart() : question;
    }

    // Whether a range starts on the first day of the month (of the year, where said).
    private static bool StartsAt(RelativeTimeRange range, int month, int year) => range.Kind switch
    {
        TimeRangeKind.ThisYear => month == 1 && year == 0,
        _ => CalendarMonths(range) is { } months && months.Month == month && (year == 0 || months.Year == year),
    };

    // Whether two ranges name the same months (a year said on one side only holds for both) or the same days.
    private static bool SameRange(RelativeTimeRange a, RelativeTimeRange b)
    {
        if (a.Kind == TimeRangeKind.DateSpan && b.Kind == TimeRangeKind.DateSpan)
        {
            return a.From == b.From && a.Until == b.Until;
        }

        return CalendarMonths(a) is { } x && CalendarMonths(b) is { } y && x.Month == y.Month && x.Months == y.Months && (x.Year == 0 || y.Year == 0 || x.Year == y.Year);
    }

    private static (int Year, int Month, int Months)? CalendarMonths(RelativeTimeRange range) => range.Kind switch
    {
        TimeRangeKind.NamedMonth => (range.Year, range.Amount, 1),
        TimeRangeKind.NamedQuarter when range.Year >= 0 => (range.Year, (range.Amount * 3) - 2, 3),
        TimeRangeKind.NamedHalf => (range.Year, range.Amount == 1 ? 1 : 7, 6),
        TimeRangeKind.Year => (range.Amount, 1, 12),
        TimeRangeKind.MonthSpan => (range.Year, range.Amount, range.Months),
        TimeRangeKind.DateSpan when range.From.Day == 1 && range.Until.Day == 1 =>
            (range.From.Year, range.From.Month, ((range.Until.Year - range.From.Year) * 12) + range.Until.Month - range.From.Month),
        _ => null,
    };

    // Spans of days and of months, read before the single months and years take their parts. A span of months is not read
    // where two periods are compared ("growth from October to November" is two months).
    private static string ReadSpans(string text, List<RelativeTimeRange> times)
    {
        text = !text.Contains(" 20", StringComparison.Ordinal) ? text : DateSpanRegex().Replace(text, m =>
        {
            if (SpanDate(m, "a") is not { } from || SpanDate(m, "b") is not { } to || to < from || to.DayNumber - from.DayNumber > 3660)
            {
                return m.Value;
            }

            times.Add(new RelativeTimeRange(TimeRangeKind.DateSpan, 0, 0, string.Create(CultureInfo.InvariantCulture, $"{from:yyyy-MM-dd} to {to:yyyy-MM-dd}")) { From = from, Until = to.AddDays(1) });
            return new string('#', m.Length);
        });
        // "since July 2026", "since 2026-01-01", "since the start of 2026": from then to the as-of (was the month alone).
        text = !text.Contains("since ", StringComparison.Ordinal) ? text : SinceRegex().Replace(text, m =>
        {
            string phrase = m.Value.Trim();
            if (m.Groups["d"].Success)
            {
                if (SpanDate(m, "") is not { } from)
                {
                    return m.Value;
                }

                times.Add(new RelativeTimeRange(TimeRangeKind.Since, 0, 0, string.Create(CultureInfo.InvariantCulture, $"since {from:yyyy-MM-dd}")) { From = from });
            }
            else if (m.Groups["n"].Success)
            {
                times.Add(new RelativeTimeRange(TimeRangeKind.Since, MonthNumber(m.Groups["n"].Value), m.Groups["y"].Success ? int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture) : 0, phrase));
            }
            else
            {
                times.Add(new RelativeTimeRange(TimeRangeKind.Since, 1, int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture), phrase));
            }

            return new string('#', m.Length);
        });
        if (GrowthRegex().IsMatch(text) || GrowthPercentRegex().IsMatch(text) || VersusRegex().IsMatch(WithoutPerPeriod(text)))
        {
            return text;
        }

        return !MonthStartSaid(text) ? text : MonthSpanRegex().Replace(text, m =>
        {
            string lead = m.Groups["lead"].Value;
            string connector = m.Groups["conn"].Value;
            if ((connector is "and" && lead != "between") || (connector is not ("through" or "thru" or "and") && lead.Length == 0 && !m.Groups["pre"].Success))
            {
                return m.Value;
            }

            int first = MonthNumber(m.Groups["ma"].Value);
            int last = MonthNumber(m.Groups["mb"].Value);
            int startYear = m.Groups["ya"].Success ? int.Parse(m.Groups["ya"].Value, CultureInfo.InvariantCulture) : 0;
            int endYear = m.Groups["yb"].Success ? int.Parse(m.Groups["yb"].Value, CultureInfo.InvariantCulture) : 0;
            if (m.Groups["yp"].Success)
            {
                // "2026 from January through October": the year said before the months is the first month's.
                if (lead.Length == 0 || startYear != 0 || endYear != 0)
                {
                    return m.Value;
                }

                startYear = int.Parse(m.Groups["yp"].Value, CultureInfo.InvariantCulture);
            }

            int months;
            if (startYear != 0 && endYear != 0)
            {
                months = ((endYear - startYear) * 12) + last - first + 1;
            }
            else
            {
                months = ((last - first + 12) % 12) + 1;
                startYear = startYear != 0 ? startYear : endYear == 0 ? 0 : endYear - (last < first ? 1 : 0);
            }

            if (months is < 2 or > 24)
            {
                return m.Value;
            }

            string phrase = LanguageWords.MonthNames[first - 1] + " to " + LanguageWords.MonthNames[last - 1]
                + (startYear == 0 ? "" : string.Create(CultureInfo.InvariantCulture, $" {startYear + ((first + months - 2) / 12)}"));
            times.Add(new RelativeTimeRange(TimeRangeKind.MonthSpan, first, startYear, phrase) { Months = months });
            return new string('#', m.Length);
        });
    }

    private static DateOnly? SpanDate(Match m, string side)
    {
        int year = int.Parse(m.Groups["y" + side].Value, CultureInfo.InvariantCulture);
        int month = m.Groups["m" + side].Success ? int.Parse(m.Groups["m" + side].Value, CultureInfo.InvariantCulture) : MonthNumber(m.Groups["n" + side].Value);
        int day = int.Parse(m.Groups["d" + side].Value, CultureInfo.InvariantCulture);
        return month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month) ? new DateOnly(year, month, day) : null;
    }

    private const string MonthNamePattern = "january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec";

    [GeneratedRegex(@"(?<= )(?:(?:from|between|for|in|during|over) )?(?:the )?(?:period )?(?:from |between )?" + "(?:(?<ya>20\\d\\d) (?<ma>0?[1-9]|1[0-2]) (?<da>0?[1-9]|[12]\\d|3[01])|(?<na>" + MonthNamePattern + ") (?<da>[12]?\\d|3[01])(?:st|nd|rd|th)? (?<ya>20\\d\\d)|(?<da>[12]?\\d|3[01])(?:st|nd|rd|th)? (?:of )?(?<na>" + MonthNamePattern + ") (?<ya>20\\d\\d))"
        + @" (?:to|through|thru|until|till|and|up to|up until) (?:the )?"
        + "(?:(?<yb>20\\d\\d) (?<mb>0?[1-9]|1[0-2]) (?<db>0?[1-9]|[12]\\d|3[01])|(?<nb>" + MonthNamePattern + ") (?<db>[12]?\\d|3[01])(?:st|nd|rd|th)? (?<yb>20\\d\\d)|(?<db>[12]?\\d|3[01])(?:st|nd|rd|th)? (?:of )?(?<nb>" + MonthNamePattern + ") (?<yb>20\\d\\d))"
        + @"(?: (?:inclusive|both inclusive|included|both included))?(?= )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex DateSpanRegex();

    [GeneratedRegex(@"(?<= )(?:(?<pre>in|during|for|over|across) )?(?:the (?:months|period) )?(?:(?<yp>20\d\d) )?(?:(?<lead>from|between)(?: the (?:start|beginning) of)? )?(?<ma>" + MonthNamePattern + @")(?: (?<ya>20\d\d))? (?<conn>to|through|thru|until|till|and|up to|up until|to the end of|through the end of) (?<mb>" + MonthNamePattern + @")(?: (?<yb>20\d\d))?(?: (?:inclusive|both inclusive|included))?(?= )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex MonthSpanRegex();

    [GeneratedRegex(@"\(([^()]{1,80})\)", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex BracketRegex();

    [GeneratedRegex(@"(?i)\b(" + MonthNamePattern + @")\.?\s*[-\u2013\u2014/]\s*(" + MonthNamePattern + @")\b", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex MonthDashRegex();

    [GeneratedRegex(@"(?<= )(?:i e|ie|that is|namely|both days inclusive|both days included|inclusive on both ends|on both ends|both ends|so far|month to date|quarter to date|year to date|to date|mtd|qtd|ytd|partial|incomplete|inclusive|both inclusive|included|only|full|whole|entire|calendar|the|months|month|of|data|through today|until today|as of today|ongoing|in progress|current|still running|running|so)(?= )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex RestatementFillerRegex();

    [GeneratedRegex(@"^ (?:" + MonthNamePattern + @") (?:20\d\d )?(?:to|until|till|up to) ", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex LeadingMonthRegex();

    // ", so July through September", " - i.e. July to September", "; that is, July to September" (to the end of the question).
    [GeneratedRegex(@"(?:,|;|:|\s-|\s\u2013|\s\u2014)\s*(?:so|i\.?\s?e\.?|that is|namely|meaning|aka)(?=[\s,]),?\s*(?<said>[^,;()?!.]{3,60}?)(?<end>\s*[?!.]?\s*)$", RegexOptions.None, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex RestatementClauseRegex();

    [GeneratedRegex(@"(?<= )(?:i e|ie|plus|and|or|both|apps?|only|so|devices?|the)(?= )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex ValueListFillerRegex();

    // "the total order value in Q3", "sum of order values": the revenue (the order values summed), not their average.
    [GeneratedRegex(@"(?<= )(?<!(?:average|avg|mean|typical|median) )(?:total|sum of(?: the| all)?|summed|combined) order values?(?= )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex TotalOrderValueRegex();

    // "total <value> order value" (stop 50, unseen: "total <category> order value from <country> customers" was read as the
    // average order value): one or two words of a value between, none of them a word that says what is counted or how.
    [GeneratedRegex(@"(?<= )(?<!(?:average|avg|mean|typical|median) )(?:total|sum of(?: the| all)?|summed|combined) (?<mid>(?:(?!(?:by|per|of|with|for|and|or|not|average|avg|mean|median|typical|aov|number|count|customers?|orders?|buyers?|above|over|under|below|than|in|from|whose|where|each|every|their|its|the|a|an)(?: |$))[a-z]+ ){1,2})order values?(?= )", RegexOptions.None, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex TotalWordsOrderValueRegex();

    // "conv rate": the conversion rate.
    [GeneratedRegex(@"(?<= )conv(?= (?:rates?|lift|uplift) )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex ConvAbbreviationRegex();

    [GeneratedRegex(@"(?<= )by how (?:many|much) (?:percent|percentage|percentage points|pct)(?= )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex ByHowManyPercentRegex();

    // "November 2026 to date", "in 2026 so far", "Q3 up to now": the named period, whose data end at the as-of.
    [GeneratedRegex(@"(?<=(?:" + MonthNamePattern + @"|20\d\d|q[1-4]|quarter|h[12]|half) )(?:(?:month |quarter |year )?to date|so far|up to now|up until now|until now|through now|through today|up to today|till now|until today)(?= )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex PeriodToDateRegex();

    [GeneratedRegex(@"^\s*(?:(?:distinct|unique|different|individual)\s+)?(?<noun>[A-Za-z]+)\s+(?:with|who|that|having)\s", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex CustomersWithRegex();

    // "any site or app activity", "any activity": any events.
    [GeneratedRegex(@"(?<= )(?:any (?:(?:site|website|web|app|online|browsing|digital)(?: or (?:site|website|web|app|mobile app))? )?activity|(?:site|website|web|app|online|browsing)(?: or (?:site|website|web|app|mobile app))? activity)(?= )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex ActivityRegex();

    // "event counts by type": the events by their type.
    [GeneratedRegex(@"(?<= )(?:event counts?|counts? of events|number of events)(?= )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex EventCountsRegex();

    [GeneratedRegex(@"(?<= )events?(?= )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex EventsWordRegex();

    [GeneratedRegex(@"(?<= )(?:by|per|for each) type(?= )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex ByTypeRegex();

    [GeneratedRegex(@"^ (?:i e |ie |that is |so )?(?:from |since |starting |starting from )?(?:(?<n>" + MonthNamePattern + @") (?:0?1|1st|first)(?: (?<y>20\d\d))?|(?:0?1|1st|first) (?:of )?(?<n>" + MonthNamePattern + @")(?: (?<y>20\d\d))?|(?<y>20\d\d) 0?1 0?1)(?: (?:(?:up |all the way )?(?:to|until|till|through|thru)|up until|onwards|onward)(?: (?:now|today|date|the present|present))?)? $", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex StartToNowRegex();

    private const string AnyCampaign = @"(?: (?:of|in|for) (?:(?:at least one|any|a|some|one or more)(?: past| previous)? campaigns?|(?:another|a different|any other|other)(?: campaigns?)?))";

    private const string SecondArm = @" (?:but|and|and also|yet) (?:(?:have|has|had|were|was|are|is|been|also) )*(?:(?<n2>never|not) )?(?:(?:ever|been) )*in (?:any|a|the) (?<a2>treatment|control) groups?" + AnyCampaign + "?";

    // One group of any campaign, negated or said of any campaign, or two joined by "but" or "and".
    [GeneratedRegex(@"(?<= )(?:(?:have|has|had|were|was|are|is|been|ever) )*(?:(?<n1>never|not) (?:(?:ever|been) )*in (?:any|a|the) (?<a1>treatment|control) groups?" + AnyCampaign + "?(?:" + SecondArm + @")?|in (?:the |a )?(?<a1>treatment|control) group" + AnyCampaign + "(?:" + SecondArm + @")?|in (?:the |a )?(?<a1>treatment|control) group" + SecondArm + @")(?= )", RegexOptions.None, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex ArmMembershipRegex();

    [GeneratedRegex(@"(?<= )(?:ever )?since (?:the (?:start|beginning) of )?(?:(?<y>20\d\d) (?<m>0?[1-9]|1[0-2]) (?<d>0?[1-9]|[12]\d|3[01])|(?<n>" + MonthNamePattern + @") (?<d>[12]?\d|3[01])(?:st|nd|rd|th)? (?<y>20\d\d)|(?<d>[12]?\d|3[01])(?:st|nd|rd|th)? (?:of )?(?<n>" + MonthNamePattern + @") (?<y>20\d\d)|(?<n>" + MonthNamePattern + @")(?: (?<y>20\d\d))?|(?<y>20\d\d))(?= )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex SinceRegex();

    [GeneratedRegex(@" {2,}", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex MultipleSpacesRegex();

    // "never been part of a campaign": any campaign.
    [GeneratedRegex(@"(?<=(?:never|not) (?:ever )?(?:been )?(?:(?:included|enrolled|placed|put|targeted) )?(?:in|into|part of|by|with) )a(?= campaigns? )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex NeverACampaignRegex();

    // "customers who were in no campaign", "with no campaign history".
    [GeneratedRegex(@" (?:(?:who|that) )?(?:(?:were|was|are|is|have been|has been) )?(?:in no campaigns?|part of no campaigns?|with no campaign (?:history|records?|rows?|membership|participation)|without (?:any )?campaign (?:history|records?|rows?|membership|participation)) ", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex InNoCampaignRegex();

    // "never in a treatment or control group of any campaign".
    [GeneratedRegex(@"(?<= )(?:never|not) (?:ever )?(?:been )?(?:in|part of|placed in|assigned to) (?:a|any|the|either) (?:treatment|treated)(?: groups?| arms?)? (?:or|nor|and) (?:a |any |the )?control(?: groups?| arms?)? (?:of|in|for) (?:any|a|a single) campaigns?(?= )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex NeverArmOfAnyCampaignRegex();

    // "any campaign, neither in a treatment nor in a control group", "any campaign (treatment or control)": either group.
    [GeneratedRegex(@"(?<=campaigns? )(?:(?:neither|either|whether|be it|be that) )?(?:(?:in|as part of|as a member of) )?(?:(?:a|the|any|their) )?(?:treatment|treated)(?: groups?| arms?)? (?:nor|or) (?:(?:in|as part of) )?(?:(?:a|the|any|their) )?control(?: groups?| arms?)?(?= )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex EitherArmRegex();

    // "what percentage of treatment-group rows converted", "what share of the control group converted", "what percent of
    // campaign sends converted".
    [GeneratedRegex(@"(?<= )(?:(?:what|which) (?:is |was )?(?:the )?)?(?:percentage|percent|share|proportion|fraction|pct)(?: of)? (?:the |all |all the )?(?:(?<arm>treatment|treated|control|holdout|held out)(?: group| arm)?(?: customers| members| rows| records| sends| recipients| users| people| entries| audience)?|(?:campaign )?(?:sends|recipients|messages))(?: (?:in|across|of|over) (?:all )?(?:the )?campaigns?)? (?:that |who |which )?(?:converted|have converted|had converted|did convert|were converted|went on to convert|ended up converting)(?= )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex PercentConvertedRegex();

    // Not "conversion percentage points" ("the uplift in conversion, percentage points"): the uplift's unit, read by InPointsRegex.
    [GeneratedRegex(@"(?<= )conversion (?:percentage|percent|pct)(?= )(?! (?:points|point|pts|pp) )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex ConversionPercentRegex();

    // "treatment-group rows": the rows are the group's.
    [GeneratedRegex(@"(?<=(?:treatment|treated|control)(?: group| arm)?) (?:rows|records|entries)(?= )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex ArmRowsRegex();

    // "the lift in conversion rate", "conversion lift", "incremental conversion rate": the campaign uplift.
    [GeneratedRegex(@"(?<= )(?:conversion(?: rate)? (?:lift|uplift)|(?:lift|uplift|delta|increase|difference|gap) in (?:the )?conversion(?: rates?)?|incremental conversion(?: rate)?)(?= )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex ConversionLiftRegex();

    [GeneratedRegex(@"(?<= )(?:uplift|lift)(?= )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex UpliftWordRegex();

    // After the uplift: "treatment minus control", "treatment vs control" say what it is.
    [GeneratedRegex(@"(?<= )(?:(?:(?:computed|calculated|defined|measured) as )?(?:the )?(?:treatment|treated)(?: group| arm)?(?: (?:conversion )?rate)? (?:minus|less|over|vs|versus|compared (?:to|with)|against) (?:the )?control(?: group| arm)?(?: (?:conversion )?rate)?|(?:between|of) (?:the )?(?:treatment|treated)(?: groups?| arms?)? (?:and|vs|versus) (?:the )?control(?: groups?| arms?)?)(?= )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex TreatmentMinusControlRegex();

    // The uplift is given in percentage points.
    [GeneratedRegex(@"(?<= )(?:(?:expressed |measured |given |stated )?(?:in|as) (?:percentage points|percent points|percentage pts|pp|pts|points)|percentage points|percent points)(?= )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex InPointsRegex();

    [GeneratedRegex(@"(?<= )(?:conversion|conversions|converted|convert|uplift|lift|sends|treatment|treated|control|attributed|trigger|triggers)(?= )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex CampaignMeasureWordRegex();

    // "across all campaigns pooled together", "all campaigns combined": every campaign, which a campaign measure is over.
    [GeneratedRegex(@"(?<= )(?:(?:(?:across|over) (?:all )?(?:of )?(?:the |our )?(?:past |previous |prior )?campaigns|(?:for|in|with) all (?:of )?(?:the |our )?campaigns(?= (?:pooled|combined|together|taken together|put together|overall) ))(?: (?:pooled|combined|together|taken together|put together|overall))*|(?:pooled|combined|taken)(?: together)? (?:across|over) (?:all )?(?:the |our )?campaigns|all (?:of )?(?:the |our )?campaigns (?:pooled|combined|together|taken together|put together)(?: together)?|pooled(?: together)?)(?= )", RegexOptions.None, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex AcrossAllCampaignsRegex();

    // "sessions that included at least one X", "sessions with at least one X", "sessions that had an X".
    [GeneratedRegex(@"(?<=(?:sessions|visits)(?: (?:on|from|in) [a-z]+)? )(?:(?:that|which) )?(?:included|include|includes|including|had|have|has|having|contained|contain|contains|containing|saw|featured|involved|with) (?:at least one|at least 1|one or more|1 or more|any|an|a)(?= )", RegexOptions.None, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex SessionsIncludedRegex();

    // "sessions with a checkout start event": the event type names the sessions' events, not a count of events.
    [GeneratedRegex(@"(?<=(?:sessions|visits)(?: (?:on|from|in) [a-z]+)? (?:with|without) (?:[a-z]+ ){1,3})events?(?= )", RegexOptions.None, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex SessionEventWordRegex();

    // "sessions that had no X", "sessions that did not include an X", "sessions without any X".
    [GeneratedRegex(@"(?<=(?:sessions|visits)(?: (?:on|from|in) [a-z]+)? )(?:(?:that|which) )?(?:(?:" + LanguageWords.DidNotPattern + "|" + LanguageWords.DoNotPattern + @"|never) (?:include|have|contain|see|feature|involve|reach|get to)|(?:had|have|has|having|included|contained|with) no|without)(?: (?:a single|a|an|any))?(?= )", RegexOptions.None, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex SessionsWithoutRegex();
}
