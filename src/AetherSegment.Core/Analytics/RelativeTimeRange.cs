using System.Globalization;

namespace AetherSegment.Analytics;

/// <summary>The kinds of time range a question can name.</summary>
internal enum TimeRangeKind
{
    RollingDays,
    RollingWeeks,
    RollingMonths,
    RollingYears,
    Today,
    Yesterday,
    ThisWeek,
    LastWeek,
    ThisMonth,
    LastMonth,
    ThisQuarter,
    LastQuarter,
    ThisYear,
    LastYear,
    NamedMonth,
    Year,

    /// <summary>A calendar quarter: <c>Amount</c> is the quarter (1-4), <c>Year</c> the year, -1 for last year's, or 0 for the latest such quarter.</summary>
    NamedQuarter,

    /// <summary>The days before a rolling range ("the 30 days before"): <c>Amount</c> days ending <c>Year</c> days before the as-of.</summary>
    PrecedingDays,

    /// <summary>The weeks before a rolling range: <c>Amount</c> weeks ending <c>Year</c> weeks before the as-of.</summary>
    PrecedingWeeks,

    /// <summary>The months before a rolling range: <c>Amount</c> months ending <c>Year</c> months before the as-of.</summary>
    PrecedingMonths,

    /// <summary>A half of a year ("first half of 2026", "H2"): <see cref="RelativeTimeRange.Amount"/> is 1 or 2.</summary>
    NamedHalf,

    /// <summary>The last <c>Amount</c> hours before the as-of instant.</summary>
    RollingHours,

    /// <summary>The hours before a rolling range: <c>Amount</c> hours ending <c>Year</c> hours before the as-of.</summary>
    PrecedingHours,

    /// <summary>
    /// Whole months from one named month to another ("from July to September 2026"): <c>Amount</c> is the first month,
    /// <c>Year</c> its year or 0 for the latest such month on or before the as-of, <see cref="RelativeTimeRange.Months"/> how many.
    /// </summary>
    MonthSpan,

    /// <summary>Whole days from one date to another, both included ("between 2026-06-01 and 2026-08-31").</summary>
    DateSpan,

    /// <summary>
    /// From a start to the as-of's day, included ("since July 2026", "since 2026-01-01"): <see cref="RelativeTimeRange.From"/>
    /// when a day was said, else <c>Amount</c> is the first month and <c>Year</c> its year (0 for the latest such month on
    /// or before the as-of).
    /// </summary>
    Since,

    /// <summary>The last <c>Amount</c> whole calendar months before the as-of's month ("the last 6 complete months").</summary>
    CompleteMonths,

    /// <summary>The last <c>Amount</c> whole weeks (Monday to Sunday) before the as-of's week ("the past 4 full weeks").</summary>
    CompleteWeeks,

    /// <summary>January 1 of the year before the as-of's to the as-of's day a year before, included ("the same period last year" beside year to date).</summary>
    YearToDateLastYear,

    /// <summary>
    /// Whole days said without a year ("Nov 1-7", "on November 27"): <see cref="RelativeTimeRange.From"/> and
    /// <see cref="RelativeTimeRange.Until"/> in the year 2000 (or 2001 when the span crosses a year end), moved to the latest
    /// such days that start on or before the as-of's day.
    /// </summary>
    DaySpanLatest,

    /// <summary>
    /// A named day ("Black Friday", "Christmas Day"): <c>Amount</c> is its code (see <see cref="RelativeTimeRange.NamedDayDate"/>),
    /// <c>Year</c> its year, -1 for last year's, or 0 for this year's (<see cref="RelativeTimeRange.CurrentYear"/>) or else the
    /// latest on or before the as-of's day; to the as-of's day with <see cref="RelativeTimeRange.ToAsOf"/> ("since Black Friday").
    /// </summary>
    NamedDay,

    /// <summary>The whole calendar month <c>Amount</c> months before the as-of's month ("the month before last": 2).</summary>
    MonthsAgo,
}

/// <summary>
/// A time range relative to the data's as-of instant ("last 30 days", "last month", "in October"), resolved to a
/// half-open UTC interval [start, end). Rolling ranges ("the last 30 days", "the past 24 hours") start the span before
/// the as-of (as-of minus 30 days), to the second, and include the as-of instant itself: the data ends there, and what
/// happened at "now" happened in the last 30 days. "The 30 days before" a rolling range ends where that range starts,
/// that instant excluded. Calendar
/// ranges (today, last week, this month, "in October", Q3, a year) are whole UTC days; weeks start on Monday (ISO).
/// </summary>
/// <param name="Kind">The kind of range.</param>
/// <param name="Amount">The count of a rolling range, the month (1-12) of a named month, or the year of a year.</param>
/// <param name="Year">The year of a named month, or 0 for the most recent such month on or before the as-of.</param>
/// <param name="Phrase">How the question said it.</param>
internal sealed record RelativeTimeRange(TimeRangeKind Kind, int Amount, int Year, string Phrase)
{
    /// <summary>The number of months of a <see cref="TimeRangeKind.MonthSpan"/>.</summary>
    public int Months { get; init; }

    /// <summary>The first day of a <see cref="TimeRangeKind.DateSpan"/>.</summary>
    public DateOnly From { get; init; }

    /// <summary>The day after the last day of a <see cref="TimeRangeKind.DateSpan"/>.</summary>
    public DateOnly Until { get; init; }

    /// <summary>Whether a <see cref="TimeRangeKind.NamedDay"/> or <see cref="TimeRangeKind.NamedQuarter"/> is this year's ("Black Friday this year", "Q3 of this year").</summary>
    public bool CurrentYear { get; init; }

    /// <summary>Whether a <see cref="TimeRangeKind.NamedDay"/> runs from that day to the as-of's day ("since Black Friday").</summary>
    public bool ToAsOf { get; init; }

    /// <summary>The date of a named day (0 Black Friday, 1 Cyber Monday, 2 Thanksgiving, 3 Christmas Eve, 4 Christmas Day, 5 Boxing Day, 6 New Year's Eve, 7 New Year's Day, 8 Valentine's Day, 9 Halloween) in a year: Thanksgiving is the fourth Thursday of November (US).</summary>
    public static DateOnly NamedDayDate(int code, int year)
    {
        DateOnly november = new(year, 11, 1);
        DateOnly thanksgiving = november.AddDays(((int)DayOfWeek.Thursday - (int)november.DayOfWeek + 7) % 7 + 21);
        return code switch
        {
            0 => thanksgiving.AddDays(1),
            1 => thanksgiving.AddDays(4),
            2 => thanksgiving,
            3 => new DateOnly(year, 12, 24),
            4 => new DateOnly(year, 12, 25),
            5 => new DateOnly(year, 12, 26),
            6 => new DateOnly(year, 12, 31),
            7 => new DateOnly(year, 1, 1),
            8 => new DateOnly(year, 2, 14),
            _ => new DateOnly(year, 10, 31),
        };
    }

    /// <summary>Resolves the range against an as-of instant.</summary>
    public (DateTimeOffset Start, DateTimeOffset End) Resolve(DateTimeOffset asOf)
    {
        DateTimeOffset utc = asOf.ToUniversalTime();
        DateTimeOffset day = new(utc.Year, utc.Month, utc.Day, 0, 0, 0, TimeSpan.Zero);
        DateTimeOffset tomorrow = day.AddDays(1);
        DateTimeOffset monday = day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
        DateTimeOffset firstOfMonth = new(day.Year, day.Month, 1, 0, 0, 0, TimeSpan.Zero);
        DateTimeOffset firstOfQuarter = new(day.Year, ((day.Month - 1) / 3 * 3) + 1, 1, 0, 0, 0, TimeSpan.Zero);
        DateTimeOffset firstOfYear = new(day.Year, 1, 1, 0, 0, 0, TimeSpan.Zero);
        switch (Kind)
        {
            case TimeRangeKind.RollingHours: return (utc.AddHours(-Amount), ThroughAsOf(utc));
            case TimeRangeKind.RollingDays: return (utc.AddDays(-Amount), ThroughAsOf(utc));
            case TimeRangeKind.RollingWeeks: return (utc.AddDays(-7 * Amount), ThroughAsOf(utc));
            case TimeRangeKind.RollingMonths: return (utc.AddMonths(-Amount), ThroughAsOf(utc));
            case TimeRangeKind.RollingYears: return (utc.AddYears(-Amount), ThroughAsOf(utc));
            case TimeRangeKind.Today: return (day, tomorrow);
            case TimeRangeKind.Yesterday: return (day.AddDays(-1), day);
            case TimeRangeKind.ThisWeek: return (monday, tomorrow);
            case TimeRangeKind.LastWeek: return (monday.AddDays(-7), monday);
            case TimeRangeKind.ThisMonth: return (firstOfMonth, tomorrow);
            case TimeRangeKind.LastMonth: return (firstOfMonth.AddMonths(-1), firstOfMonth);
            case TimeRangeKind.ThisQuarter: return (firstOfQuarter, tomorrow);
            case TimeRangeKind.LastQuarter: return (firstOfQuarter.AddMonths(-3), firstOfQuarter);
            case TimeRangeKind.ThisYear: return (firstOfYear, tomorrow);
            case TimeRangeKind.LastYear: return (firstOfYear.AddYears(-1), firstOfYear);
            case TimeRangeKind.PrecedingHours: return (utc.AddHours(-Year - Amount), utc.AddHours(-Year));
            case TimeRangeKind.PrecedingDays: return (utc.AddDays(-Year - Amount), utc.AddDays(-Year));
            case TimeRangeKind.PrecedingWeeks: return (utc.AddDays(-7 * (Year + Amount)), utc.AddDays(-7 * Year));
            case TimeRangeKind.PrecedingMonths: return (utc.AddMonths(-Year - Amount), utc.AddMonths(-Year));
            case TimeRangeKind.NamedQuarter:
                int quarterYear = Year > 0 ? Year : Year < 0 ? day.Year - 1 : CurrentYear || ((Amount - 1) * 3) + 1 <= day.Month ? day.Year : day.Year - 1;
                DateTimeOffset quarterStart = new(quarterYear, ((Amount - 1) * 3) + 1, 1, 0, 0, 0, TimeSpan.Zero);
                return (quarterStart, quarterStart.AddMonths(3));
            case TimeRangeKind.NamedHalf:
                int halfYear = Year != 0 ? Year : (Amount == 1 || day.Month >= 7 ? day.Year : day.Year - 1);
                DateTimeOffset halfStart = new(halfYear, Amount == 1 ? 1 : 7, 1, 0, 0, 0, TimeSpan.Zero);
                return (halfStart, halfStart.AddMonths(6));
            case TimeRangeKind.MonthSpan:
                int spanYear = Year != 0 ? Year : (Amount <= day.Month ? day.Year : day.Year - 1);
                DateTimeOffset spanStart = new(spanYear, Amount, 1, 0, 0, 0, TimeSpan.Zero);
                return (spanStart, spanStart.AddMonths(Months));
            case TimeRangeKind.Since:
                if (From != default)
                {
                    return (new DateTimeOffset(From.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), tomorrow);
                }

                int sinceYear = Year != 0 ? Year : (Amount <= day.Month ? day.Year : day.Year - 1);
                return (new DateTimeOffset(sinceYear, Amount, 1, 0, 0, 0, TimeSpan.Zero), tomorrow);
            case TimeRangeKind.MonthsAgo: return (firstOfMonth.AddMonths(-Amount), firstOfMonth.AddMonths(1 - Amount));
            case TimeRangeKind.CompleteMonths: return (firstOfMonth.AddMonths(-Amount), firstOfMonth);
            case TimeRangeKind.CompleteWeeks: return (monday.AddDays(-7 * Amount), monday);
            case TimeRangeKind.YearToDateLastYear: return (firstOfYear.AddYears(-1), tomorrow.AddYears(-1));
            case TimeRangeKind.DaySpanLatest:
                DateOnly asOfDay = DateOnly.FromDateTime(day.UtcDateTime);
                int shift = asOfDay.Year - From.Year;
                shift -= From.AddYears(shift) > asOfDay ? 1 : 0;
                return (new DateTimeOffset(From.AddYears(shift).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), new DateTimeOffset(Until.AddYears(shift).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));
            case TimeRangeKind.NamedDay:
                DateOnly today = DateOnly.FromDateTime(day.UtcDateTime);
                int dayYear = Year > 0 ? Year : Year < 0 ? today.Year - 1 : CurrentYear || NamedDayDate(Amount, today.Year) <= today ? today.Year : today.Year - 1;
                DateTimeOffset named = new(NamedDayDate(Amount, dayYear).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
                return (named, ToAsOf ? tomorrow : named.AddDays(1));
            case TimeRangeKind.DateSpan:
                return (new DateTimeOffset(From.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), new DateTimeOffset(Until.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));
            case TimeRangeKind.NamedMonth:
                int year = Year != 0 ? Year : (Amount <= day.Month ? day.Year : day.Year - 1);
                DateTimeOffset start = new(year, Amount, 1, 0, 0, 0, TimeSpan.Zero);
                return (start, start.AddMonths(1));
            default:
                DateTimeOffset yearStart = new(Amount, 1, 1, 0, 0, 0, TimeSpan.Zero);
                return (yearStart, yearStart.AddYears(1));
        }
    }

    /// <summary>
    /// The exclusive end of a range that includes the as-of instant: one microsecond (the finest step of a DuckDB or
    /// BigQuery timestamp) after it, so that a cart left at the as-of itself is "in the last 48 hours".
    /// </summary>
    private static DateTimeOffset ThroughAsOf(DateTimeOffset asOf) => asOf.AddTicks(TimeSpan.TicksPerMicrosecond);

    /// <summary>Whether the range is a rolling range that ends at, and includes, the as-of instant ("the last 30 days").</summary>
    public bool EndsAtAsOf => Kind is TimeRangeKind.RollingHours or TimeRangeKind.RollingDays or TimeRangeKind.RollingWeeks or TimeRangeKind.RollingMonths
        or TimeRangeKind.RollingYears;

    /// <summary>Whether the range is the span before a rolling range ("the 30 days before").</summary>
    public bool IsPreceding => Kind is TimeRangeKind.PrecedingHours or TimeRangeKind.PrecedingDays or TimeRangeKind.PrecedingWeeks or TimeRangeKind.PrecedingMonths;

    /// <summary>Whether the range ends at the as-of instant rather than on a whole UTC day.</summary>
    public bool IsRolling => Kind is TimeRangeKind.RollingHours or TimeRangeKind.RollingDays or TimeRangeKind.RollingWeeks or TimeRangeKind.RollingMonths
        or TimeRangeKind.RollingYears or TimeRangeKind.PrecedingHours or TimeRangeKind.PrecedingDays or TimeRangeKind.PrecedingWeeks or TimeRangeKind.PrecedingMonths;

    /// <summary>
    /// The phrase with the resolved dates, for answers: "last month (2026-10-01 to 2026-10-31)" (whole days, both
    /// included), or for a rolling range its exact instants, "last 30 days (2026-10-21 12:00 to 2026-11-20 12:00 UTC,
    /// both included)", and for the span before one "(... UTC, the end excluded)".
    /// </summary>
    public string Describe(DateTimeOffset asOf)
    {
        (DateTimeOffset start, DateTimeOffset end) = Resolve(asOf);
        if (IsRolling)
        {
            string format = start.Second != 0 || end.Second != 0 ? "yyyy-MM-dd HH:mm:ss" : "yyyy-MM-dd HH:mm";
            return EndsAtAsOf
                ? string.Create(CultureInfo.InvariantCulture, $"{Phrase} ({start.ToString(format, CultureInfo.InvariantCulture)} to {asOf.ToUniversalTime().ToString(format, CultureInfo.InvariantCulture)} UTC, both included)")
                : string.Create(CultureInfo.InvariantCulture, $"{Phrase} ({start.ToString(format, CultureInfo.InvariantCulture)} to {end.ToString(format, CultureInfo.InvariantCulture)} UTC, the end excluded)");
        }

        if (end - start == TimeSpan.FromDays(1) && Kind is TimeRangeKind.DateSpan or TimeRangeKind.DaySpanLatest or TimeRangeKind.NamedDay)
        {
            return Kind == TimeRangeKind.DateSpan
                ? string.Create(CultureInfo.InvariantCulture, $"on {start:yyyy-MM-dd} (the whole day, UTC)")
                : string.Create(CultureInfo.InvariantCulture, $"{Phrase} ({start:yyyy-MM-dd}, the whole day, UTC)");
        }

        return Kind is TimeRangeKind.DateSpan or TimeRangeKind.DaySpanLatest
            ? string.Create(CultureInfo.InvariantCulture, $"from {start:yyyy-MM-dd} to {end.AddDays(-1):yyyy-MM-dd} (both days included)")
            : string.Create(CultureInfo.InvariantCulture, $"{Phrase} ({start:yyyy-MM-dd} to {end.AddDays(-1):yyyy-MM-dd})");
    }
}
