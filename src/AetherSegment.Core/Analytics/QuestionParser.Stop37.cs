using System.Globalization;
using System.Text.RegularExpressions;
using AetherSegment.Vocabulary;

namespace AetherSegment.Analytics;

// Stop 37 (campaigns, time ranges, sessions): other wordings said as the parser reads them, spans of months and of dates
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
    internal static string RephraseStop37(string text)
    {
        text = NeverACampaignRegex().Replace(text, "any");
        text = InNoCampaignRegex().Replace(text, " never in any campaign ");
        text = NeverArmOfAnyCampaignRegex().Replace(text, "never in any campaign");
        text = EitherArmRegex().Replace(text, "either group");
        text = PercentConvertedRegex().Replace(text, m => m.Groups["arm"].Success
            ? (m.Groups["arm"].Value.StartsWith("treat", StringComparison.Ordinal) ? "conversion rate of the treatment group" : "conversion rate of the control group")
            : "conversion rate");
        text = ConversionPercentRegex().Replace(text, "conversion rate");
        text = ArmRowsRegex().Replace(text, "");
        text = ConversionLiftRegex().Replace(text, "uplift");
        if (UpliftWordRegex().IsMatch(text))
        {
            text = TreatmentMinusControlRegex().Replace(text, "");
            text = InPointsRegex().Replace(text, "");
        }

        if (CampaignMeasureWordRegex().IsMatch(text))
        {
            text = AcrossAllCampaignsRegex().Replace(text, "");
        }

        text = SessionsIncludedRegex().Replace(text, "with");
        text = SessionsWithoutRegex().Replace(text, "without");
        text = SessionEventWordRegex().Replace(text, "");
        return MultipleSpacesRegex().Replace(text, " ");
    }

    /// <summary>
    /// A range restated in brackets, "Q3 2026 (July through September)", "from October 2026 to November 2026 (November
    /// month-to-date)": the brackets are dropped when all they hold is a range that agrees with one said outside them (the
    /// same months, and the same year where both say one) or words about the range alone ("inclusive", "so far"). A range
    /// in brackets that differs is kept, and the question declined as two ranges.
    /// </summary>
    private static string DropRestatedRanges(string question)
    {
        foreach (Match bracket in BracketRegex().Matches(question))
        {
            string inner = MonthDashRegex().Replace(bracket.Groups[1].Value, "$1 through $2");
            string said = QuestionText.Normalize(inner);
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

            string outside = string.Concat(question.AsSpan(0, bracket.Index), " ", question.AsSpan(bracket.Index + bracket.Length));
            List<RelativeTimeRange> around = [];
            _ = ReadTimeRanges(Colloquial(QuestionText.Normalize(outside)), around, quarters: true);
            bool restated = inside.Count == 0
                ? around.Count > 0 && said.Trim().Length > 0
                : inside.TrueForAll(i => around.Exists(o => SameRange(i, o)));
            if (restated)
            {
                return DropRestatedRanges(outside);
            }
        }

        return question;
    }

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
        TimeRangeKind.NamedQuarter => (range.Year, (range.Amount * 3) - 2, 3),
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
        text = DateSpanRegex().Replace(text, m =>
        {
            if (SpanDate(m, "a") is not { } from || SpanDate(m, "b") is not { } to || to < from || to.DayNumber - from.DayNumber > 3660)
            {
                return m.Value;
            }

            times.Add(new RelativeTimeRange(TimeRangeKind.DateSpan, 0, 0, string.Create(CultureInfo.InvariantCulture, $"{from:yyyy-MM-dd} to {to:yyyy-MM-dd}")) { From = from, Until = to.AddDays(1) });
            return new string('#', m.Length);
        });
        if (GrowthRegex().IsMatch(text) || GrowthPercentRegex().IsMatch(text) || VersusRegex().IsMatch(text))
        {
            return text;
        }

        return MonthSpanRegex().Replace(text, m =>
        {
            string lead = m.Groups["lead"].Value;
            string connector = m.Groups["conn"].Value;
            if ((connector is "and" && lead != "between") || (connector is not ("through" or "thru" or "and") && lead.Length == 0))
            {
                return m.Value;
            }

            int first = MonthNumber(m.Groups["ma"].Value);
            int last = MonthNumber(m.Groups["mb"].Value);
            int startYear = m.Groups["ya"].Success ? int.Parse(m.Groups["ya"].Value, CultureInfo.InvariantCulture) : 0;
            int endYear = m.Groups["yb"].Success ? int.Parse(m.Groups["yb"].Value, CultureInfo.InvariantCulture) : 0;
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
        + @"(?: (?:inclusive|both inclusive|included|both included))?(?= )")]
    private static partial Regex DateSpanRegex();

    [GeneratedRegex(@"(?<= )(?:(?:in|during|for|over) )?(?:the (?:months|period) )?(?:(?<lead>from|between)(?: the (?:start|beginning) of)? )?(?<ma>" + MonthNamePattern + @")(?: (?<ya>20\d\d))? (?<conn>to|through|thru|until|till|and|up to|up until|to the end of|through the end of) (?<mb>" + MonthNamePattern + @")(?: (?<yb>20\d\d))?(?: (?:inclusive|both inclusive|included))?(?= )")]
    private static partial Regex MonthSpanRegex();

    [GeneratedRegex(@"\(([^()]{1,80})\)")]
    private static partial Regex BracketRegex();

    [GeneratedRegex(@"(?i)\b(" + MonthNamePattern + @")\.?\s*[-\u2013\u2014/]\s*(" + MonthNamePattern + @")\b")]
    private static partial Regex MonthDashRegex();

    [GeneratedRegex(@"(?<= )(?:i e|ie|that is|namely|so far|month to date|quarter to date|year to date|to date|mtd|qtd|ytd|partial|incomplete|inclusive|both inclusive|included|only|full|whole|entire|calendar|the|months|month|of|data|through today|until today|as of today|ongoing|in progress|current|still running|running)(?= )")]
    private static partial Regex RestatementFillerRegex();

    [GeneratedRegex(@"^ (?:" + MonthNamePattern + @") (?:20\d\d )?(?:to|until|till|up to) ")]
    private static partial Regex LeadingMonthRegex();

    [GeneratedRegex(@" {2,}")]
    private static partial Regex MultipleSpacesRegex();

    // "never been part of a campaign": any campaign.
    [GeneratedRegex(@"(?<=(?:never|not) (?:ever )?(?:been )?(?:(?:included|enrolled|placed|put|targeted) )?(?:in|into|part of|by|with) )a(?= campaigns? )")]
    private static partial Regex NeverACampaignRegex();

    // "customers who were in no campaign", "with no campaign history".
    [GeneratedRegex(@" (?:(?:who|that) )?(?:(?:were|was|are|is|have been|has been) )?(?:in no campaigns?|part of no campaigns?|with no campaign (?:history|records?|rows?|membership|participation)|without (?:any )?campaign (?:history|records?|rows?|membership|participation)) ")]
    private static partial Regex InNoCampaignRegex();

    // "never in a treatment or control group of any campaign".
    [GeneratedRegex(@"(?<= )(?:never|not) (?:ever )?(?:been )?(?:in|part of|placed in|assigned to) (?:a|any|the|either) (?:treatment|treated)(?: groups?| arms?)? (?:or|nor|and) (?:a |any |the )?control(?: groups?| arms?)? (?:of|in|for) (?:any|a|a single) campaigns?(?= )")]
    private static partial Regex NeverArmOfAnyCampaignRegex();

    // "any campaign, neither in a treatment nor in a control group", "any campaign (treatment or control)": either group.
    [GeneratedRegex(@"(?<=campaigns? )(?:(?:neither|either|whether|be it|be that) )?(?:(?:in|as part of|as a member of) )?(?:(?:a|the|any|their) )?(?:treatment|treated)(?: groups?| arms?)? (?:nor|or) (?:(?:in|as part of) )?(?:(?:a|the|any|their) )?control(?: groups?| arms?)?(?= )")]
    private static partial Regex EitherArmRegex();

    // "what percentage of treatment-group rows converted", "what share of the control group converted", "what percent of
    // campaign sends converted".
    [GeneratedRegex(@"(?<= )(?:(?:what|which) (?:is |was )?(?:the )?)?(?:percentage|percent|share|proportion|fraction|pct)(?: of)? (?:the |all |all the )?(?:(?<arm>treatment|treated|control|holdout|held out)(?: group| arm)?(?: customers| members| rows| records| sends| recipients| users| people| entries| audience)?|(?:campaign )?(?:sends|recipients|messages))(?: (?:in|across|of|over) (?:all )?(?:the )?campaigns?)? (?:that |who |which )?(?:converted|have converted|had converted|did convert|were converted|went on to convert|ended up converting)(?= )")]
    private static partial Regex PercentConvertedRegex();

    [GeneratedRegex(@"(?<= )conversion (?:percentage|percent|pct)(?= )")]
    private static partial Regex ConversionPercentRegex();

    // "treatment-group rows": the rows are the group's.
    [GeneratedRegex(@"(?<=(?:treatment|treated|control)(?: group| arm)?) (?:rows|records|entries)(?= )")]
    private static partial Regex ArmRowsRegex();

    // "the lift in conversion rate", "conversion lift", "incremental conversion rate": the campaign uplift.
    [GeneratedRegex(@"(?<= )(?:conversion(?: rate)? (?:lift|uplift)|(?:lift|uplift|delta|increase|difference|gap) in (?:the )?conversion(?: rates?)?|incremental conversion(?: rate)?)(?= )")]
    private static partial Regex ConversionLiftRegex();

    [GeneratedRegex(@"(?<= )(?:uplift|lift)(?= )")]
    private static partial Regex UpliftWordRegex();

    // After the uplift: "treatment minus control", "treatment vs control" say what it is.
    [GeneratedRegex(@"(?<= )(?:(?:(?:computed|calculated|defined|measured) as )?(?:the )?(?:treatment|treated)(?: group| arm)?(?: (?:conversion )?rate)? (?:minus|less|over|vs|versus|compared (?:to|with)|against) (?:the )?control(?: group| arm)?(?: (?:conversion )?rate)?|(?:between|of) (?:the )?(?:treatment|treated)(?: groups?| arms?)? (?:and|vs|versus) (?:the )?control(?: groups?| arms?)?)(?= )")]
    private static partial Regex TreatmentMinusControlRegex();

    // The uplift is given in percentage points.
    [GeneratedRegex(@"(?<= )(?:(?:expressed |measured |given |stated )?(?:in|as) )?(?:percentage points|percent points|percentage pts|pp|pts|points)(?= )")]
    private static partial Regex InPointsRegex();

    [GeneratedRegex(@"(?<= )(?:conversion|conversions|converted|convert|uplift|lift|sends|treatment|treated|control|attributed|trigger|triggers)(?= )")]
    private static partial Regex CampaignMeasureWordRegex();

    // "across all campaigns pooled together", "all campaigns combined": every campaign, which a campaign measure is over.
    [GeneratedRegex(@"(?<= )(?:(?:(?:across|over) (?:all )?(?:of )?(?:the |our )?campaigns|(?:for|in|with) all (?:of )?(?:the |our )?campaigns(?= (?:pooled|combined|together|taken together|put together|overall) ))(?: (?:pooled|combined|together|taken together|put together|overall))*|(?:pooled|combined|taken)(?: together)? (?:across|over) (?:all )?(?:the |our )?campaigns|all (?:of )?(?:the |our )?campaigns (?:pooled|combined|together|taken together|put together)(?: together)?|pooled(?: together)?)(?= )")]
    private static partial Regex AcrossAllCampaignsRegex();

    // "sessions that included at least one X", "sessions with at least one X", "sessions that had an X".
    [GeneratedRegex(@"(?<=(?:sessions|visits)(?: (?:on|from|in) [a-z]+)? )(?:(?:that|which) )?(?:included|include|includes|including|had|have|has|having|contained|contain|contains|containing|saw|featured|involved|with) (?:at least one|at least 1|one or more|1 or more|any|an|a)(?= )")]
    private static partial Regex SessionsIncludedRegex();

    // "sessions with a checkout start event": the event type names the sessions' events, not a count of events.
    [GeneratedRegex(@"(?<=(?:sessions|visits)(?: (?:on|from|in) [a-z]+)? (?:with|without) (?:[a-z]+ ){1,3})events?(?= )")]
    private static partial Regex SessionEventWordRegex();

    // "sessions that had no X", "sessions that did not include an X", "sessions without any X".
    [GeneratedRegex(@"(?<=(?:sessions|visits)(?: (?:on|from|in) [a-z]+)? )(?:(?:that|which) )?(?:(?:did not|didnt|do not|dont|never) (?:include|have|contain|see|feature|involve|reach|get to)|(?:had|have|has|having|included|contained|with) no|without)(?: (?:a single|a|an|any))?(?= )")]
    private static partial Regex SessionsWithoutRegex();
}
