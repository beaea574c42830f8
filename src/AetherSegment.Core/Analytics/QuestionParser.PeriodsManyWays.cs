using System.Buffers;
using System.Globalization;
using System.Text.RegularExpressions;
using AetherSegment.Vocabulary;

namespace AetherSegment.Analytics;

// Periods said many ways (stop 42, ask38): a list of months with a breakdown by month, days of a month with the year said
// once ("between March 1 and May 31, 2026", "Nov 1-7", "1-7 November"), one day ("on 27 November 2026"), named days
// ("Black Friday this year", "since Black Friday"), "since the start of the year", "since the 1st", "the last 6 complete
// months", "the past fortnight", "year to date vs the same period last year", and the week convention said in brackets
// ("last week (Monday to Sunday)"). Each is read into a range the rest of the parser already reads; a wording with two
// readings ("the first week of November") is asked back.
internal static partial class QuestionParser
{
    private const string DayOfMonthPattern = @"0?[1-9]|[12]\d|3[01]";

    private const string WeekdayPattern = "monday|tuesday|wednesday|thursday|friday|saturday|sunday";

    private const string NamedDayPattern = "black friday|cyber monday|thanksgiving(?: day)?|christmas eve|christmas day|boxing day|new year s eve|new years eve|new year s day|new years day|valentine s day|valentines day|halloween";

    private static readonly SearchValues<string> s_monthWords = SearchValues.Create(
        [" jan", " feb", " mar", " apr", " may ", " jun", " jul", " aug", " sep", " oct", " nov", " dec"], StringComparison.Ordinal);

    private static readonly SearchValues<string> s_namedDayWords = SearchValues.Create(
        [" black friday ", " cyber monday ", " thanksgiving ", " christmas ", " boxing day ", " new year", " valentine", " halloween "], StringComparison.Ordinal);

    /// <summary>
    /// The wordings read before the spans of <see cref="ReadSpans"/> take their parts: "since the start of the year",
    /// "since Jan 1st", "the last 6 complete months", "the past fortnight", "the same period last year", named days, a list
    /// of months said with a breakdown by month, and days of a month with the year said once (on normalized text).
    /// </summary>
    private static string ReadPeriodsBeforeSpans(string text, List<RelativeTimeRange> times)
    {
        if (text.Contains(" since ", StringComparison.Ordinal))
        {
            text = SinceStartRegex().Replace(text, m => ReadSinceStart(m, times));
        }

        if (text.Contains(" complete", StringComparison.Ordinal) || text.Contains(" full ", StringComparison.Ordinal) || text.Contains(" whole ", StringComparison.Ordinal)
            || text.Contains(" finished ", StringComparison.Ordinal))
        {
            text = Consume(text, CompletePeriodsRegex(), m => times.Add(new RelativeTimeRange(
                m.Groups["unit"].Value == "month" ? TimeRangeKind.CompleteMonths : TimeRangeKind.CompleteWeeks, ReadNumber(m.Groups["n"].Value), 0, Phrase(m))));
        }

        if (text.Contains(" fortnight", StringComparison.Ordinal))
        {
            text = Consume(text, FortnightRegex(), m => times.Add(new RelativeTimeRange(TimeRangeKind.RollingWeeks, 2, 0, Phrase(m))));
        }

        if (text.Contains(" same ", StringComparison.Ordinal) && YearToDateSaidRegex().IsMatch(text))
        {
            // "year to date vs the same period last year": January 1 of last year to the as-of's day a year before.
            text = Consume(text, SamePeriodLastYearRegex(), m => times.Add(new RelativeTimeRange(TimeRangeKind.YearToDateLastYear, 0, 0, "the same period last year")));
        }

        if (text.AsSpan().IndexOfAny(s_namedDayWords) >= 0)
        {
            text = NamedDayRegex().Replace(text, m => ReadNamedDay(m, times));
        }

        if (text.AsSpan().IndexOfAny(s_monthWords) < 0)
        {
            return text;
        }

        if (LeadingMonthSpanRegex().Match(text) is { Success: true } lead)
        {
            // "(May to October 2026)" said alone in a bracket: the span of months.
            int first = MonthNumber(lead.Groups["ma"].Value);
            int last = MonthNumber(lead.Groups["mb"].Value);
            int endYear = lead.Groups["y"].Success ? int.Parse(lead.Groups["y"].Value, CultureInfo.InvariantCulture) : 0;
            int months = ((last - first + 12) % 12) + 1;
            if (months > 1)
            {
                times.Add(new RelativeTimeRange(TimeRangeKind.MonthSpan, first, endYear == 0 ? 0 : endYear - (last < first ? 1 : 0), LanguageWords.MonthNames[first - 1] + " to " + LanguageWords.MonthNames[last - 1] + (endYear == 0 ? "" : string.Create(CultureInfo.InvariantCulture, $" {endYear}"))) { Months = months });
                text = string.Concat(text.AsSpan(0, lead.Index), new string('#', lead.Length), text.AsSpan(lead.Index + lead.Length));
            }
        }

        if (MonthBreakdownOrTotalRegex().IsMatch(text))
        {
            // "Monthly revenue for September, October and November 2026": the months one after the other, as a span.
            text = MonthRunRegex().Replace(text, m => ReadMonthRun(m, times));
        }

        return DaySpanRegex().Replace(text, m => ReadDaySpan(m, times));
    }

    /// <summary>
    /// What is read after the spans: one day ("on 27 November 2026", "on Friday 27 November 2026, UTC", "on November 27"),
    /// and a day to now ("from the start of 27 November 2026 until now"), on normalized text.
    /// </summary>
    private static string ReadPeriodsAfterSpans(string text, List<RelativeTimeRange> times)
    {
        if (text.AsSpan().IndexOfAny(s_monthWords) < 0 && !FullDateDigitsRegex().IsMatch(text))
        {
            return text;
        }

        return OneDayRegex().Replace(text, m => ReadOneDay(m, text, times));
    }

    /// <summary>
    /// The question with the week convention said in brackets dropped where weeks are asked about ("Orders last week (Monday
    /// to Sunday)": weeks start on Monday already); the raw question. Any other convention stays, and is declined.
    /// </summary>
    private static string WeekConventionSaid(string question) =>
        question.Contains("week", StringComparison.OrdinalIgnoreCase) && question.Contains('(', StringComparison.Ordinal)
            ? MondayToSundayRegex().Replace(question, "")
            : question;

    /// <summary>
    /// Why a period with two natural readings is asked back: "the first week of November" is the 1st to the 7th or the first
    /// week that starts on a Monday. Null otherwise (raw question).
    /// </summary>
    private static string? PeriodAskBack(string question)
    {
        if (!question.Contains("week of", StringComparison.OrdinalIgnoreCase) || OrdinalWeekOfMonthRegex().Match(question) is not { Success: true } m)
        {
            return null;
        }

        return $"\"{m.Value.Trim()}\" has two readings: the 1st to the 7th of the month, or the first week that starts on a Monday (weeks here run Monday to Sunday); ask with the days, as in \"orders from November 1 to November 7, 2026\"";
    }

    private static string ReadSinceStart(Match m, List<RelativeTimeRange> times)
    {
        string phrase = m.Value.Trim();
        if (m.Groups["unit"].Success)
        {
            times.Add(new RelativeTimeRange(m.Groups["unit"].Value switch
            {
                "week" => TimeRangeKind.ThisWeek,
                "month" => TimeRangeKind.ThisMonth,
                "quarter" => TimeRangeKind.ThisQuarter,
                _ => TimeRangeKind.ThisYear,
            }, 0, 0, phrase));
            return new string('#', m.Length);
        }

        if (m.Groups["first"].Success && !m.Groups["n"].Success)
        {
            // "since the 1st": the first of this month.
            times.Add(new RelativeTimeRange(TimeRangeKind.ThisMonth, 0, 0, phrase));
            return new string('#', m.Length);
        }

        // "since Jan 1st", "since the 1st of March": from the start of the latest such month; "since the 1st of March 2026": that day.
        int month = MonthNumber(m.Groups["n"].Value);
        int year = m.Groups["y"].Success ? int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture) : 0;
        times.Add(new RelativeTimeRange(TimeRangeKind.Since, month, year, year == 0 ? phrase : string.Create(CultureInfo.InvariantCulture, $"since {year}-{month:00}-01")));
        return new string('#', m.Length);
    }

    private static string ReadNamedDay(Match m, List<RelativeTimeRange> times)
    {
        string name = m.Groups["name"].Value;
        int code = NamedDayCode(name);
        if (code < 0)
        {
            return m.Value;
        }

        string when = m.Groups["when"].Success ? m.Groups["when"].Value : m.Groups["before"].Success ? m.Groups["before"].Value : "";
        int year = when.Length == 4 && char.IsAsciiDigit(when[0]) ? int.Parse(when, CultureInfo.InvariantCulture) : when.Contains("last", StringComparison.Ordinal) ? -1 : 0;
        // Without a year it is this year's (a day after the data is then declined as a forecast, not moved to last year's).
        bool current = year == 0;
        bool since = m.Groups["since"].Success;
        string label = NamedDayLabels[code] + (year > 0 ? string.Create(CultureInfo.InvariantCulture, $" {year}") : when.Contains("this", StringComparison.Ordinal) ? " this year" : year < 0 ? " last year" : "");
        times.Add(new RelativeTimeRange(TimeRangeKind.NamedDay, code, year, since ? "since " + label : label) { CurrentYear = current, ToAsOf = since });
        return new string('#', m.Length);
    }

    private static string ReadMonthRun(Match m, List<RelativeTimeRange> times)
    {
        CaptureCollection months = m.Groups["m"].Captures;
        for (int i = 1; i < months.Count; i++)
        {
            if (MonthNumber(months[i].Value) != (MonthNumber(months[i - 1].Value) % 12) + 1)
            {
                return m.Value;
            }
        }

        int first = MonthNumber(months[0].Value);
        int last = MonthNumber(months[^1].Value);
        int endYear = m.Groups["y"].Success ? int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture) : 0;
        int startYear = endYear == 0 ? 0 : endYear - (last < first ? 1 : 0);
        string phrase = LanguageWords.MonthNames[first - 1] + " to " + LanguageWords.MonthNames[last - 1] + (endYear == 0 ? "" : string.Create(CultureInfo.InvariantCulture, $" {endYear}"));
        times.Add(new RelativeTimeRange(TimeRangeKind.MonthSpan, first, startYear, phrase) { Months = months.Count });
        return new string('#', m.Length);
    }

    private static string ReadDaySpan(Match m, List<RelativeTimeRange> times)
    {
        string endName = m.Groups["nb"].Success ? m.Groups["nb"].Value : m.Groups["na"].Value;
        string startName = m.Groups["na"].Success ? m.Groups["na"].Value : endName;
        bool connector = m.Groups["conn"].Success;
        if (endName.Length == 0 || (!connector && !m.Groups["lead"].Success && m.Groups["na"].Success && m.Groups["nb"].Success))
        {
            // "March 1 May 31": two dates side by side, no span said.
            return m.Value;
        }

        int startMonth = MonthNumber(startName);
        int endMonth = MonthNumber(endName);
        int startDay = int.Parse(m.Groups["da"].Value, CultureInfo.InvariantCulture);
        int endDay = int.Parse(m.Groups["db"].Value, CultureInfo.InvariantCulture);
        bool yearSaid = m.Groups["y"].Success;

        // Without a year the days are placed in a leap year (2000), and the range moved to the latest such days at the as-of.
        int endYear = yearSaid ? int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture) : 2000 + (endMonth < startMonth ? 1 : 0);
        int startYear = endYear - (endMonth < startMonth ? 1 : 0);
        if (startMonth == 0 || endMonth == 0 || startDay > DateTime.DaysInMonth(startYear, startMonth) || endDay > DateTime.DaysInMonth(endYear, endMonth))
        {
            return m.Value;
        }

        DateOnly from = new(startYear, startMonth, startDay);
        DateOnly to = new(endYear, endMonth, endDay);
        if (to < from || to.DayNumber - from.DayNumber > 366)
        {
            return m.Value;
        }

        times.Add(yearSaid
            ? new RelativeTimeRange(TimeRangeKind.DateSpan, 0, 0, string.Create(CultureInfo.InvariantCulture, $"{from:yyyy-MM-dd} to {to:yyyy-MM-dd}")) { From = from, Until = to.AddDays(1) }
            : new RelativeTimeRange(TimeRangeKind.DaySpanLatest, 0, 0, DayPhrase(from, to)) { From = from, Until = to.AddDays(1) });
        return new string('#', m.Length);
    }

    private static string ReadOneDay(Match m, string text, List<RelativeTimeRange> times)
    {
        bool lead = m.Groups["lead"].Success;
        bool toNow = m.Groups["now"].Success;
        bool atStart = m.Index == 1;
        if (!lead && !atStart && !toNow)
        {
            // "27 November 2026" after a word ("top 3 November 2026 ..."): only "on", "for", "from" or the text's start say a day.
            return m.Value;
        }

        int month = m.Groups["mm"].Success ? int.Parse(m.Groups["mm"].Value, CultureInfo.InvariantCulture) : MonthNumber(m.Groups["n"].Value);
        int day = int.Parse(m.Groups["d"].Value, CultureInfo.InvariantCulture);
        bool yearSaid = m.Groups["y"].Success;
        int year = yearSaid ? int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture) : 2000;
        if (month == 0 || day > DateTime.DaysInMonth(year, month) || (!yearSaid && (!lead || toNow)))
        {
            return m.Value;
        }

        DateOnly date = new(year, month, day);
        if (m.Groups["wd"].Success && (!yearSaid || !string.Equals(date.DayOfWeek.ToString(), m.Groups["wd"].Value, StringComparison.OrdinalIgnoreCase)))
        {
            // "Friday 27 November 2026": the weekday must be the date's.
            return m.Value;
        }

        if (toNow || m.Groups["from"].Success)
        {
            // "from 27 November 2026" with no end said (an end "until now" said after a year is dropped before): to now.
            if (!toNow && (m.Index + m.Length + 1 < text.Length && SpanEndAfterRegex().IsMatch(text, m.Index + m.Length)))
            {
                return m.Value;
            }

            times.Add(new RelativeTimeRange(TimeRangeKind.Since, 0, 0, string.Create(CultureInfo.InvariantCulture, $"since {date:yyyy-MM-dd}")) { From = date });
        }
        else
        {
            times.Add(yearSaid
                ? new RelativeTimeRange(TimeRangeKind.DateSpan, 0, 0, string.Create(CultureInfo.InvariantCulture, $"{date:yyyy-MM-dd}")) { From = date, Until = date.AddDays(1) }
                : new RelativeTimeRange(TimeRangeKind.DaySpanLatest, 0, 0, DayPhrase(date, date)) { From = date, Until = date.AddDays(1) });
        }

        return new string('#', m.Length);
    }

    private static string DayPhrase(DateOnly from, DateOnly to) =>
        from == to
            ? string.Create(CultureInfo.InvariantCulture, $"{LanguageWords.MonthNames[from.Month - 1]} {from.Day}")
            : string.Create(CultureInfo.InvariantCulture, $"{LanguageWords.MonthNames[from.Month - 1]} {from.Day} to {LanguageWords.MonthNames[to.Month - 1]} {to.Day}");

    private static readonly string[] NamedDayLabels =
        ["Black Friday", "Cyber Monday", "Thanksgiving", "Christmas Eve", "Christmas Day", "Boxing Day", "New Year's Eve", "New Year's Day", "Valentine's Day", "Halloween"];

    private static int NamedDayCode(string name) => name switch
    {
        "black friday" => 0,
        "cyber monday" => 1,
        "thanksgiving" or "thanksgiving day" => 2,
        "christmas eve" => 3,
        "christmas day" => 4,
        "boxing day" => 5,
        "new year s eve" or "new years eve" => 6,
        "new year s day" or "new years day" => 7,
        "valentine s day" or "valentines day" => 8,
        "halloween" => 9,
        _ => -1,
    };

    // "since the start of the year", "since the beginning of this month", "since the 1st", "since Jan 1st", "since the 1st of
    // March", "since 1 March" (a day of a month other than the 1st, or with its year, is read by the spans: "since 1 January
    // 2026" is not "since the 1st" beside "January 2026", stop 43).
    [GeneratedRegex(@"(?<= )(?:ever )?since (?:(?:the )?(?:start|beginning) of (?:the |this )?(?:current )?(?<unit>year|month|quarter|week)|(?:the )?(?<first>1st|first|1)(?: of (?:the |this )?month| (?:of )?(?<n>" + MonthNamePattern + @")(?: (?<y>20\d\d))?)?|(?<n>" + MonthNamePattern + @") (?:the )?(?<first>1st|first|1)(?: (?<y>20\d\d))?)(?! 20\d\d)(?! of )(?! (?:" + MonthNamePattern + @") )(?= )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex SinceStartRegex();

    // "the last 6 complete months", "the past 4 full weeks", "the previous three whole months": whole calendar periods before
    // the current one.
    [GeneratedRegex(@"(?<= )(?:(?:in|over|during|for) )?(?:the )?(?:last|past|previous|prior) (?<n>" + Numbers + @") (?:complete|completed|full|whole|finished|closed) (?<unit>month|week)s(?= )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex CompletePeriodsRegex();

    [GeneratedRegex(@"(?<= )(?:(?:in|over|during|for) )?(?:the )?(?:last|past|previous) fortnight(?= )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex FortnightRegex();

    [GeneratedRegex(@"(?<= )(?:ytd|year to date|this year so far|so far this year)(?= )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex YearToDateSaidRegex();

    [GeneratedRegex(@"(?<= )(?:(?:in|over|for|during|with|against|to) )?(?:the )?same (?:period|time|time frame|timeframe|stretch|span|dates|days|point) (?:last year|of last year|in the previous year|the year before|a year (?:ago|earlier|before))(?= )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex SamePeriodLastYearRegex();

    [GeneratedRegex(@"(?<= )(?:(?<since>since) |(?:on|for|during) )?(?:the )?(?:(?<before>this year|last year) s )?(?<name>" + NamedDayPattern + @")(?: (?<when>this year|of this year|last year|of last year|20\d\d))?(?= )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex NamedDayRegex();

    [GeneratedRegex(@"(?<= )(?:monthly|by month|per month|each month|every month|month by month|total|combined|altogether|together)(?= )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex MonthBreakdownOrTotalRegex();

    [GeneratedRegex(@"(?<= )(?:(?:for|in|during|over|across) )?(?:the months of )?(?<m>" + MonthNamePattern + @")(?: (?:and )?(?<m>" + MonthNamePattern + @")){1,11}(?: (?<y>20\d\d))?(?= )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex MonthRunRegex();

    // Days of one or two months with the year said once, or none: "between March 1 and May 31 2026", "Nov 1 7" ("Nov 1-7"),
    // "1 7 November" ("1-7 November"), "from the 1st to the 7th of November 2026", "1st March to 31st May".
    [GeneratedRegex(@"(?<= )(?:(?<lead>from|between|for|in|during|over|on) )?(?:the )?(?:"
        + "(?<na>" + MonthNamePattern + ") (?<da>" + DayOfMonthPattern + @")(?:st|nd|rd|th)?(?: (?<conn>to|through|thru|until|till|and|up to))? (?:the )?(?:(?<nb>" + MonthNamePattern + ") )?(?<db>" + DayOfMonthPattern + @")(?:st|nd|rd|th)?"
        + "|(?<da>" + DayOfMonthPattern + @")(?:st|nd|rd|th)?(?: of)?(?: (?<na>" + MonthNamePattern + @"))?(?: (?<conn>to|through|thru|until|till|and|up to))? (?:the )?(?<db>" + DayOfMonthPattern + @")(?:st|nd|rd|th)?(?: of)? (?<nb>" + MonthNamePattern + @"))"
        + @"(?: (?<y>20\d\d))?(?: (?:inclusive|both inclusive|included|both included))?(?= )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex DaySpanRegex();

    [GeneratedRegex(@" 20\d\d (?:0?[1-9]|1[0-2]) (?:0?[1-9]|[12]\d|3[01]) ", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex FullDateDigitsRegex();

    // One day: "on 27 November 2026", "on Friday 27 November 2026 utc", "on November 27", "2026 11 27"; and a day to now,
    // "from the start of Friday 27 November 2026 until now".
    [GeneratedRegex(@"(?<= )(?:(?:(?<lead>on|for|during)|(?<from>from|starting|starting from)) )?(?:the (?:start|beginning) of )?(?:the (?:day|date) )?(?:(?<wd>" + WeekdayPattern + @") )?(?:the )?(?:"
        + "(?<y>20\\d\\d) (?<mm>0?[1-9]|1[0-2]) (?<d>" + DayOfMonthPattern + ")|(?<n>" + MonthNamePattern + ") (?<d>" + DayOfMonthPattern + @")(?:st|nd|rd|th)?(?: (?<y>20\d\d))?|(?<d>" + DayOfMonthPattern + @")(?:st|nd|rd|th)? (?:of )?(?<n>" + MonthNamePattern + @")(?: (?<y>20\d\d))?)"
        + @"(?: (?:utc|gmt))?(?: (?<now>(?:up )?(?:until|till|to|through) (?:now|today|date|the present)|onwards?))?(?= )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex OneDayRegex();

    [GeneratedRegex(@"\G (?:to|through|thru|until|till|and|up to|up until) ", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex SpanEndAfterRegex();

    [GeneratedRegex(@"^ (?<ma>" + MonthNamePattern + @") (?:to|through|thru|until|till|up to) (?<mb>" + MonthNamePattern + @")(?: (?<y>20\d\d))?(?= [# ]*$)", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex LeadingMonthSpanRegex();

    // "(Monday to Sunday)", "(Mon-Sun)", "(Monday through Sunday)": weeks as they are read already.
    [GeneratedRegex(@"\s*\(\s*(?:mon(?:day)?)\.?\s*(?:-|\u2013|\u2014|to|through|thru|until|till)\s*(?:sun(?:day)?)\.?\s*(?:weeks?)?\s*\)", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex MondayToSundayRegex();

    [GeneratedRegex(@"\b(?:the\s+)?(?:first|1st|second|2nd|third|3rd|fourth|4th|last|final)\s+week\s+of\s+(?:" + MonthNamePattern + @")\b", RegexOptions.IgnoreCase, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex OrdinalWeekOfMonthRegex();
}
