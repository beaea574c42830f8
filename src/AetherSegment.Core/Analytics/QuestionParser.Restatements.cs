using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using AetherSegment.Data;
using AetherSegment.Profiles;
using AetherSegment.Vocabulary;

namespace AetherSegment.Analytics;

// Restatements and analyst wordings (stop 43, ask42): what an analyst says again in other words, read only where the
// question as written was declined. A range said twice ("October 2026 (1-31 October)": the same interval; a named span
// defined by its months, "summer 2026 (June through August)"), a measure restated by the mapping's column ("revenue (sum
// of <value column>)", "by number of transactions, not value"), and instructions about the output ("one row per source",
// "highest first", "percentage please", "all acquisition dates", "counting every transaction row"). Each rewrite says
// what the reading must then be (a count, the customers, a breakdown, no range, the column's measure); a reading that
// contradicts the restatement is asked back, never answered.
internal static partial class QuestionParser
{
    /// <summary>What a dropped restatement requires of the reading of the rest.</summary>
    [Flags]
    private enum RestatedNeed
    {
        None = 0,

        /// <summary>"one row per source": the reading has a breakdown.</summary>
        Breakdown = 1,

        /// <summary>"highest first": a breakdown that is not by time, ranked by the measure.</summary>
        Ranked = 2,

        /// <summary>"all acquisition dates", "over all time": no time range.</summary>
        AllTime = 4,

        /// <summary>"count distinct customers (in the customer table)": the customer count.</summary>
        Customers = 8,

        /// <summary>"by number of transactions, not value": a count.</summary>
        Count = 16,

        /// <summary>"by value, not number": an amount.</summary>
        Amount = 32,

        /// <summary>"percentage please": a share or a percentage.</summary>
        Percentage = 64,

        /// <summary>"(for|on) orders placed in": a measure over the orders' values.</summary>
        OrderRows = 128,

        /// <summary>"(orders, not people)": the count of orders.</summary>
        Orders = 256,

        /// <summary>"units = quantity, not order count": the units.</summary>
        Units = 512,

        /// <summary>"(count sessions, not events)": the count (or a share) of sessions.</summary>
        Sessions = 1024,

        /// <summary>"(count carts, not units)": the count of abandoned carts.</summary>
        Carts = 2048,

        /// <summary>"name only", "just name the 5 ...": a ranked breakdown cut to a few (QuestionParser.CoverageStop48.cs).</summary>
        Names = 4096,

        /// <summary>"treatment customers", "(holdouts don't count)": a measure of the treatment group alone.</summary>
        Treatment = 8192,

        /// <summary>"absolute lift": the uplift.</summary>
        Uplift = 16384,

        /// <summary>"(at least one such order)": customers counted by one row over an amount (QuestionParser.CoverageStop49.cs).</summary>
        OneRowOver = 32768,

        /// <summary>"AOV (average value per order)": the average order value.</summary>
        OrderAverage = 65536,

        /// <summary>"spent over $N over all their orders": a count of customers by their total.</summary>
        CustomerTotal = 131072,
    }

    /// <summary>
    /// Reads the question again with its restatements said once, when it was declined as written; the first reading is
    /// kept unless the second is answered and agrees with every restatement dropped.
    /// </summary>
    private static ParsedQuestion RestatementsRead(string question, SemanticLayer layer, IReadOnlyList<string>? campaignNames, IReadOnlyList<string>? campaignIds, ParsedQuestion parsed)
    {
        if (parsed.Status != AnalyticsAnswerStatus.Unanswerable || question.Length > 400)
        {
            return parsed;
        }

        string said = RestatementsSaid(question, layer, out RestatedNeed required, out MeasureDefinition? column, out string? contradiction, out EntityKind? timeColumnOf);
        if (contradiction is not null)
        {
            return parsed with { Reason = contradiction, Detail = parsed.Reason };
        }

        if (ReferenceEquals(said, question) || string.Equals(said, question, StringComparison.Ordinal))
        {
            return parsed;
        }

        ParsedQuestion again = Audit(said, RangeOnSeveralParts(said, layer, CartItemsRead(said, layer, campaignNames, campaignIds, ParseOnce(said, layer, campaignNames, campaignIds, reasonNeeded: false))), layer);
        if (again is not { Status: AnalyticsAnswerStatus.Answered, Query: { } query })
        {
            return parsed;
        }

        return Disagreement(query, layer, required, column, timeColumnOf) is { } why
            ? parsed with { Reason = why, Detail = parsed.Reason }
            : again;
    }

    /// <summary>Why the reading of the rest does not agree with what the restatements say, or null when it does.</summary>
    private static string? Disagreement(AnalyticsQuery query, SemanticLayer layer, RestatedNeed required, MeasureDefinition? column, EntityKind? timeColumnOf)
    {
        MeasureDefinition measure = query.Statistic?.Of ?? query.Measure;
        if (required.HasFlag(RestatedNeed.Breakdown) && query.Dimension is null)
        {
            return "\"one row per ...\": I read no breakdown in the rest of the question; ask as in \"... by <level>\"";
        }

        if (required.HasFlag(RestatedNeed.Ranked) && (query.Dimension is null || query.Dimension.IsTime || query.Sort is AnalyticsSort.MeasureAscending or AnalyticsSort.DimensionAscending))
        {
            return "\"highest first\": I read no ranking of groups in the rest of the question";
        }

        if (required.HasFlag(RestatedNeed.AllTime) && (query.Time is not null || query.ComparedTime is not null))
        {
            return $"\"all dates\" beside a time range ({query.Time?.Phrase ?? query.ComparedTime?.Phrase}): which one is meant? Ask with one of them";
        }

        if (required.HasFlag(RestatedNeed.Customers) && !ReferenceEquals(query.Measure, layer.CustomerCount))
        {
            return $"\"distinct customers\": I read {query.Measure.Label}, not a count of customers; ask as in \"how many customers ...\"";
        }

        if (required.HasFlag(RestatedNeed.Count) && measure.Format != MeasureFormat.Count)
        {
            return $"\"by number, not value\": I read {measure.Label}, which is not a count; ask for the count of the rows meant";
        }

        if (required.HasFlag(RestatedNeed.Amount) && measure.Format != MeasureFormat.Money)
        {
            return $"\"by value, not number\": I read {measure.Label}, a count; ask as in \"what share of revenue ...\"";
        }

        if (required.HasFlag(RestatedNeed.Percentage) && !query.Share && measure.Format is not (MeasureFormat.Percent or MeasureFormat.PercentagePoints))
        {
            return "\"percentage please\": I read no share or percentage in the rest of the question";
        }

        if ((AsideDisagreement(measure, required) ?? Stop48Disagreement(query, layer, required) ?? Stop49Disagreement(query, layer, required)) is { } aside)
        {
            return aside;
        }

        if (column is not null && !ReferenceEquals(measure, column) && !ReferenceEquals(query.Measure, layer.CustomerCount))
        {
            return $"the brackets name {column.Label}, but I read {measure.Label}; ask for one of them";
        }

        if (timeColumnOf is { } kind && measure.Fact != kind && !(kind == EntityKind.Customers && ReferenceEquals(query.Measure, layer.CustomerCount)))
        {
            return $"the date column named is not the one of {measure.Label}; ask with the range on {measure.Label}";
        }

        return null;
    }

    /// <summary>The question with its restatements said once (the same string when there is none).</summary>
    private static string RestatementsSaid(string question, SemanticLayer layer, out RestatedNeed required, out MeasureDefinition? column, out string? contradiction, out EntityKind? timeColumnOf)
    {
        required = RestatedNeed.None;
        column = null;
        contradiction = null;
        timeColumnOf = null;
        string text = question;
        bool bracket = text.Contains('(', StringComparison.Ordinal);
        string lower = text.ToLowerInvariant();

        // Ranges said twice: "(1-31 October)", "(Oct 1 - Oct 31)" are the months they cover; "summer 2026 (June through
        // August)" is the months the bracket names; "2026 Q3", "the third quarter of 2026" are "Q3 2026".
        if (bracket && lower.AsSpan().IndexOfAny(DigitChars) >= 0)
        {
            text = BracketRegex().Replace(text, m => DaySpanAsMonths(m, text));
        }

        if (bracket && NamedSpanRegex().Match(text) is { Success: true } named && NamedSpanMonths(named.Groups["in"].Value) is { } months)
        {
            int year = int.Parse(named.Groups["y"].Value, CultureInfo.InvariantCulture);
            string span = months.First == months.Last
                ? string.Create(CultureInfo.InvariantCulture, $" in {LanguageWords.MonthNames[months.First - 1]} {year}")
                : string.Create(CultureInfo.InvariantCulture, $" from {LanguageWords.MonthNames[months.First - 1]} {year} through {LanguageWords.MonthNames[months.Last - 1]} {year}");
            text = text[..named.Index] + span + text[(named.Index + named.Length)..];
        }

        if (lower.Contains("quarter", StringComparison.Ordinal) || lower.Contains(" q", StringComparison.Ordinal))
        {
            text = QuarterOfYearRegex().Replace(text, m => "Q" + QuarterNumber(m.Groups["q"].Value) + " " + m.Groups["y"].Value);
        }

        if (lower.Contains("calendar", StringComparison.Ordinal))
        {
            text = CalendarGrainRegex().Replace(text, "$1");
        }

        // "in October 2026, i.e. 1-31 October": the same as in brackets.
        if (lower.Contains("i.e", StringComparison.Ordinal) || lower.Contains("ie ", StringComparison.Ordinal) || lower.Contains("that is", StringComparison.Ordinal) || lower.Contains("namely", StringComparison.Ordinal))
        {
            string clause = RestatementClauseRegex().Replace(text, m => $" ({m.Groups["said"].Value}){m.Groups["end"].Value}");
            text = ReferenceEquals(clause, text) ? text : BracketRegex().Replace(clause, m => DaySpanAsMonths(m, clause));
        }

        // "how many orders did <customers> place": the orders they made.
        if (lower.Contains(" place", StringComparison.Ordinal) && lower.Contains(" did ", StringComparison.Ordinal))
        {
            text = OrdersPlacedByRegex().Replace(text, "${head}make");
        }

        // "revenue ... for orders placed in October", "spent ... on orders placed in the last 90 days": the orders are the
        // rows the amount is summed over, not a second measure.
        if (lower.Contains("placed", StringComparison.Ordinal) || lower.Contains("made", StringComparison.Ordinal))
        {
            string before = text;
            text = OrderRowsRegex().Replace(text, " ${prep}");
            if (!ReferenceEquals(before, text) && !string.Equals(before, text, StringComparison.Ordinal))
            {
                required |= RestatedNeed.OrderRows;
                if (!NamesOrderAmount(text, layer))
                {
                    text = before;
                    required &= ~RestatedNeed.OrderRows;
                }
            }
        }

        // A measure restated by its column: "(sum of <value column>)", "in total (total of their <value column>s)".
        if (lower.Contains("sum", StringComparison.Ordinal) || lower.Contains("total", StringComparison.Ordinal))
        {
            text = ColumnMeasureSaid(text, layer, ref column, ref contradiction);
        }

        // Dates named by their column: "(created_at from 1 Jan 2026 through now)", "(by transaction_date)".
        if (bracket || lower.Contains(" by ", StringComparison.Ordinal))
        {
            text = TimeColumnSaid(text, layer, ref timeColumnOf);
        }

        text = Dropped(text, lower.Contains("row", StringComparison.Ordinal) || lower.Contains("line", StringComparison.Ordinal), RestatedRowPerRegex(), RestatedNeed.Breakdown, ref required);
        text = Dropped(text, lower.Contains("first", StringComparison.Ordinal) || lower.Contains("descending", StringComparison.Ordinal) || lower.Contains("to lowest", StringComparison.Ordinal), HighestFirstRegex(), RestatedNeed.Ranked, ref required);
        text = Dropped(text, lower.Contains("please", StringComparison.Ordinal), PercentagePleaseRegex(), RestatedNeed.Percentage, ref required);
        text = Dropped(text, lower.Contains("count", StringComparison.Ordinal) || lower.Contains("number of", StringComparison.Ordinal), CustomerCountsAsideRegex(), RestatedNeed.Customers, ref required);
        text = Dropped(text, lower.Contains(" all ", StringComparison.Ordinal) || lower.Contains(" any ", StringComparison.Ordinal) || lower.Contains("(all ", StringComparison.Ordinal) || lower.Contains("(any ", StringComparison.Ordinal), AllDatesRegex(), RestatedNeed.AllTime, ref required);
        text = Dropped(text, lower.Contains("distinct", StringComparison.Ordinal) || lower.Contains("unique", StringComparison.Ordinal) || lower.Contains(" table", StringComparison.Ordinal), DistinctCustomersRegex(), RestatedNeed.Customers, ref required);
        text = Dropped(text, lower.Contains("not", StringComparison.Ordinal) || lower.Contains("rather", StringComparison.Ordinal) || lower.Contains("instead", StringComparison.Ordinal) || lower.Contains("(by", StringComparison.Ordinal), ByNumberRegex(), RestatedNeed.Count, ref required);
        text = Dropped(text, lower.Contains("not", StringComparison.Ordinal) || lower.Contains("rather", StringComparison.Ordinal) || lower.Contains("instead", StringComparison.Ordinal), ByValueRegex(), RestatedNeed.Amount, ref required);
        text = Dropped(text, lower.Contains("usd", StringComparison.Ordinal) || lower.Contains("dollar", StringComparison.Ordinal) || lower.Contains("($)", StringComparison.Ordinal), InDollarsRegex(), RestatedNeed.Amount, ref required);
        text = AsidesDropped(text, lower, ref required);
        text = Stop48AsidesDropped(text, lower, layer, ref required);
        text = Stop49AsidesDropped(text, lower, ref required);
        if (lower.Contains("round", StringComparison.Ordinal) || lower.Contains("decimal", StringComparison.Ordinal))
        {
            // "rounded to 2 decimal places", "(rounded)": how the figure is written, which the answer writes anyway.
            RestatedNeed none = RestatedNeed.None;
            text = Dropped(text, true, RoundedRegex(), RestatedNeed.None, ref none);
        }

        if (layer.IdColumn(EntityKind.Orders) is null && (lower.Contains("every", StringComparison.Ordinal) || lower.Contains("each", StringComparison.Ordinal)))
        {
            // "counting every transaction row": each order row is an order (the orders' ids are unique).
            RestatedNeed none = RestatedNeed.None;
            text = Dropped(text, true, EveryRowCountedRegex(), RestatedNeed.None, ref none);
        }

        return string.Equals(text, question, StringComparison.Ordinal) ? question : MultipleBlanksRegex().Replace(text, " ").Trim();
    }

    private static readonly System.Buffers.SearchValues<char> DigitChars = System.Buffers.SearchValues.Create("0123456789");

    private static string Dropped(string text, bool cheap, Regex pattern, RestatedNeed flag, ref RestatedNeed required)
    {
        if (!cheap)
        {
            return text;
        }

        string after = pattern.Replace(text, " ");
        if (!string.Equals(after, text, StringComparison.Ordinal))
        {
            required |= flag;
        }

        return after;
    }

    /// <summary>Whether the text names an amount summed over the orders ("revenue", "spent") beside the orders said as rows.</summary>
    private static bool NamesOrderAmount(string text, SemanticLayer layer)
    {
        string padded = " " + QuestionText.Normalize(text) + " ";
        foreach (MeasureDefinition m in ColumnMeasures(layer).Values)
        {
            if (m.Fact == EntityKind.Orders && m.Synonyms.Any(s => padded.Contains(" " + s + " ", StringComparison.Ordinal)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>"(1-31 October)", "(Oct 1 - Oct 31)", "(1 July to 30 September)": whole months said by their days, as the months.</summary>
    private static string DaySpanAsMonths(Match bracket, string question)
    {
        string inner = bracket.Groups[1].Value;
        Match m = DaysThenMonthRegex().Match(inner);
        if (!m.Success)
        {
            m = MonthThenDaysRegex().Match(inner);
        }

        if (!m.Success)
        {
            return bracket.Value;
        }

        int last = MonthNumber(m.Groups["m2"].Success ? m.Groups["m2"].Value.ToLowerInvariant() : m.Groups["m1"].Value.ToLowerInvariant());
        int first = m.Groups["m1"].Success ? MonthNumber(m.Groups["m1"].Value.ToLowerInvariant()) : last;
        string? yearSaid = m.Groups["y2"].Success ? m.Groups["y2"].Value : m.Groups["y1"].Success ? m.Groups["y1"].Value : RestatedYearRegex().Match(question) is { Success: true } y ? y.Value : null;
        int year = yearSaid is null ? 0 : int.Parse(yearSaid, CultureInfo.InvariantCulture);
        if (year == 0 && last == 2)
        {
            return bracket.Value;
        }

        int d1 = int.Parse(m.Groups["d1"].Value, CultureInfo.InvariantCulture);
        int d2 = int.Parse(m.Groups["d2"].Value, CultureInfo.InvariantCulture);
        if (d1 != 1 || first > last || d2 != DateTime.DaysInMonth(year == 0 ? 2001 : year, last))
        {
            return bracket.Value;
        }

        string yearText = m.Groups["y1"].Success || m.Groups["y2"].Success ? " " + yearSaid : "";
        return first == last
            ? "(" + LanguageWords.MonthNames[first - 1] + yearText + ")"
            : "(" + LanguageWords.MonthNames[first - 1] + " through " + LanguageWords.MonthNames[last - 1] + yearText + ")";
    }

    /// <summary>The first and last month a bracket names ("June through August", "Jun, Jul, Aug"), or null.</summary>
    private static (int First, int Last)? NamedSpanMonths(string inner)
    {
        string said = QuestionText.Normalize(MonthDashRegex().Replace(inner, "$1 through $2"));
        MatchCollection months = MonthWordRegex().Matches(said);
        if (months.Count == 0)
        {
            return null;
        }

        string rest = MonthWordRegex().Replace(said, " ");
        if (rest.Split(' ', StringSplitOptions.RemoveEmptyEntries).Any(w => w is not ("to" or "through" or "thru" or "until" or "till" or "and" or "from" or "i" or "e" or "ie" or "inclusive" or "the" or "months" or "of")))
        {
            return null;
        }

        int first = MonthNumber(months[0].Value);
        int last = MonthNumber(months[^1].Value);
        if (first > last)
        {
            return null;
        }

        if (months.Count > 2 || (months.Count == 2 && !said.Contains(" to ", StringComparison.Ordinal) && !said.Contains("through", StringComparison.Ordinal) && !said.Contains("thru", StringComparison.Ordinal) && !said.Contains("until", StringComparison.Ordinal) && !said.Contains("till", StringComparison.Ordinal)))
        {
            // A list of months: each one after the other, no month left out.
            for (int i = 1; i < months.Count; i++)
            {
                if (MonthNumber(months[i].Value) != MonthNumber(months[i - 1].Value) + 1)
                {
                    return null;
                }
            }
        }

        return (first, last);
    }

    private static string QuarterNumber(string said) => said.ToLowerInvariant() switch
    {
        "1" or "first" or "1st" => "1",
        "2" or "second" or "2nd" => "2",
        "3" or "third" or "3rd" => "3",
        _ => "4",
    };

    /// <summary>"(sum of order_value)": the measure summed over the mapped column, said once.</summary>
    private static string ColumnMeasureSaid(string text, SemanticLayer layer, ref MeasureDefinition? column, ref string? contradiction)
    {
        Dictionary<string, MeasureDefinition> columns = ColumnMeasures(layer);
        foreach (Match m in SumOfColumnRegex().Matches(text))
        {
            string words = m.Groups["col"].Value.ToLowerInvariant().Replace('_', ' ').Trim();
            string? key = columns.ContainsKey(words) ? words
                : words.EndsWith('s') && columns.ContainsKey(words[..^1]) ? words[..^1]
                : null;
            if (key is null)
            {
                continue;
            }

            MeasureDefinition target = columns[key];
            bool columnSaid = m.Groups["col"].Value.Contains('_', StringComparison.Ordinal) || key.Contains(' ', StringComparison.Ordinal);
            if (!columnSaid && (!m.Value.Contains(" of ", StringComparison.OrdinalIgnoreCase) || layer.Measures.Any(o => !ReferenceEquals(o, target) && o.Synonyms.Contains(key))))
            {
                // "total revenue": a word of a measure, not a column named ("sum of quantity" is the column).
                continue;
            }

            string outside = text[..m.Index] + " " + text[(m.Index + m.Length)..];
            string padded = " " + QuestionText.Normalize(outside) + " ";
            bool named = target.Synonyms.Any(s => padded.Contains(" " + s + " ", StringComparison.Ordinal));
            MeasureDefinition? other = named ? null : columns.Values.FirstOrDefault(o => !ReferenceEquals(o, target) && o.Synonyms.Any(s => padded.Contains(" " + s + " ", StringComparison.Ordinal)));
            if (other is not null)
            {
                contradiction = $"\"{m.Value.Trim(' ', '(', ')')}\" is {target.Label}, but the rest of the question asks for {other.Label}: which one is meant? Ask for {other.Label} or for {target.Label}";
                return text;
            }

            column = target;
            return text[..m.Index] + (named ? " " : " " + target.Label + " ") + text[(m.Index + m.Length)..];
        }

        return text;
    }

    /// <summary>The measures that sum one mapped column, by the column's words ("order value" -> revenue).</summary>
    private static Dictionary<string, MeasureDefinition> ColumnMeasures(SemanticLayer layer) => ColumnMeasureCache.GetValue(layer, static l =>
    {
        Dictionary<string, MeasureDefinition> found = new(StringComparer.Ordinal);
        foreach (MeasureDefinition m in l.Measures)
        {
            if (m.Missing is not null)
            {
                continue;
            }

            string sql = m.Expression(SqlDialect.DuckDB);
            if (SumOfOneColumnRegex().Match(sql) is { Success: true } sum)
            {
                string qualified = sum.Groups["col"].Value;
                string words = qualified[(qualified.LastIndexOf('.') + 1)..].Trim('"', '`').ToLowerInvariant().Replace('_', ' ');
                found.TryAdd(words, m);
            }
        }

        return found;
    });

    private static readonly ConditionalWeakTable<SemanticLayer, Dictionary<string, MeasureDefinition>> ColumnMeasureCache = [];

    /// <summary>"(created_at from 1 Jan 2026 through now)" without the column; "(by transaction_date)" dropped.</summary>
    private static string TimeColumnSaid(string text, SemanticLayer layer, ref EntityKind? timeColumnOf)
    {
        foreach ((string words, EntityKind kind) in TimeColumns(layer))
        {
            foreach (string form in (string[])[words, words.Replace(' ', '_')])
            {
                int at = text.IndexOf(form, StringComparison.OrdinalIgnoreCase);
                if (at < 0)
                {
                    continue;
                }

                string before = text[..at].TrimEnd();
                string head = before.EndsWith("(by", StringComparison.OrdinalIgnoreCase) || before.EndsWith("(on", StringComparison.OrdinalIgnoreCase) || before.EndsWith("(using", StringComparison.OrdinalIgnoreCase) || before.EndsWith("(based on", StringComparison.OrdinalIgnoreCase)
                    ? before[..before.LastIndexOf('(')]
                    : before.EndsWith(", by", StringComparison.OrdinalIgnoreCase) || before.EndsWith(", based on", StringComparison.OrdinalIgnoreCase) || before.EndsWith(", using", StringComparison.OrdinalIgnoreCase)
                        ? before[..before.LastIndexOf(',')]
                        : before.EndsWith('(') ? before : "";
                if (head.Length == 0)
                {
                    continue;
                }

                string after = text[(at + form.Length)..];
                if (head.EndsWith('('))
                {
                    // "(created_at from ...)": the range said in the bracket keeps its words.
                    timeColumnOf = kind;
                    return head + after.TrimStart();
                }

                string closed = after.TrimStart();
                if (closed.StartsWith(')'))
                {
                    closed = closed[1..];
                }
                else if (closed.Length > 0 && closed[0] is not (',' or '.' or '?' or ';' or '!'))
                {
                    continue;
                }

                timeColumnOf = kind;
                return head + " " + closed;
            }
        }

        return text;
    }

    private static List<(string Words, EntityKind Kind)> TimeColumns(SemanticLayer layer) => TimeColumnCache.GetValue(layer, static l =>
    {
        List<(string, EntityKind)> found = [];
        foreach (EntityKind kind in Enum.GetValues<EntityKind>())
        {
            if (l.Profile.Entities.Get(kind) is not { } entity)
            {
                continue;
            }

            foreach (string logical in (string[])["timestamp", "created_at", "sent_at", "abandoned_at"])
            {
                if (entity.Column(logical) is { } physical && PlainColumnRegex().IsMatch(physical) && physical.Contains('_', StringComparison.Ordinal))
                {
                    found.Add((physical.ToLowerInvariant().Replace('_', ' '), kind));
                }
            }
        }

        return found;
    });

    private static readonly ConditionalWeakTable<SemanticLayer, List<(string, EntityKind)>> TimeColumnCache = [];

    private const string RestatedMonthPattern = "january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec";

    [GeneratedRegex(@"^\s*(?:i\.?e\.?,? |that is,? |from |the )?(?<d1>[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?(?: (?:of )?(?<m1>" + RestatedMonthPattern + @")\.?)?(?: (?<y1>20\d\d))?\s*(?:-|\u2013|\u2014|to|through|thru|until|till)\s*(?<d2>[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?(?: of)? (?<m2>" + RestatedMonthPattern + @")\.?(?:,? (?<y2>20\d\d))?(?:,? (?:inclusive|both inclusive|included|both days included))?\s*$", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex DaysThenMonthRegex();

    [GeneratedRegex(@"^\s*(?:i\.?e\.?,? |that is,? |from )?(?<m1>" + RestatedMonthPattern + @")\.? (?<d1>[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?(?:,? (?<y1>20\d\d))?\s*(?:-|\u2013|\u2014|to|through|thru|until|till)\s*(?:(?<m2>" + RestatedMonthPattern + @")\.? )?(?<d2>[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?(?:,? (?<y2>20\d\d))?(?:,? (?:inclusive|both inclusive|included|both days included))?\s*$", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex MonthThenDaysRegex();

    [GeneratedRegex(@"\b20\d\d\b", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex RestatedYearRegex();

    [GeneratedRegex(@"\b(?:" + RestatedMonthPattern + @")\b", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex MonthWordRegex();

    // "summer 2026 (June through August)", "over the summer of 2026 (June to August)": a span named by a word the parser does
    // not know, defined by the months in the bracket.
    [GeneratedRegex(@"\b(?:the )?(?:summer|winter|spring|autumn|fall|holiday|holidays|festive|peak|high|low|back to school)(?: season| period| months)?(?: of)? (?<y>20\d\d)\s*\((?<in>[^()]{3,60})\)", RegexOptions.IgnoreCase, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex NamedSpanRegex();

    // "2026 Q3", "the third quarter of 2026", "3rd quarter 2026": "Q3 2026".
    [GeneratedRegex(@"\b(?<y>20\d\d) q(?<q>[1-4])\b|\b(?:the )?(?<q>first|second|third|fourth|1st|2nd|3rd|4th) quarter(?: of)?,? (?<y>20\d\d)\b", RegexOptions.IgnoreCase, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex QuarterOfYearRegex();

    [GeneratedRegex(@"\bcalendar (month|week|quarter|year)", RegexOptions.IgnoreCase, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex CalendarGrainRegex();

    [GeneratedRegex(@"(?<head>\b(?:orders|purchases|transactions) did (?:[a-z]+ ){1,6})place\b", RegexOptions.IgnoreCase, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex OrdersPlacedByRegex();

    [GeneratedRegex(@"\s(?:for|on|from|of|across) (?:the |their |all )?(?:orders|transactions|purchases) (?:placed|made) (?<prep>in|during|over|on|within|between|from|since)\b", RegexOptions.IgnoreCase, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex OrderRowsRegex();

    [GeneratedRegex(@"\s*\(?\s*(?:i\.?e\.?,? |that is,? |as |=\s*)?(?:the )?(?:sum|total)(?: of)?(?: (?:their|the|all|each customer's|each))* (?<col>[a-z][a-z_]*(?: (?!(?:over|across)\b)[a-z][a-z_]*)?)(?: (?:over|across) (?:all )?(?:of )?(?:their |the |his or her )?(?:transactions|orders|purchases))?\s*\)?(?=[\s,.;:?!)]|$)", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex SumOfColumnRegex();

    [GeneratedRegex(@"^SUM\((?<col>[A-Za-z_""`.]+)\)$", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex SumOfOneColumnRegex();

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]*$", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex PlainColumnRegex();

    [GeneratedRegex(@"[,;.:]?\s*\(?\s*one (?:row|line|result) (?:per|for each|for every|by) [a-z_]+(?: [a-z_]+)?\s*\)?(?=\s*(?:[,.;:?!\-\u2013\u2014]|$))", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex RestatedRowPerRegex();

    [GeneratedRegex(@"[,;:]?\s*\(?\s*(?:(?:sorted|ordered|ranked|listed)(?: from)? )?(?:(?:highest|largest|biggest|top) (?:first|to lowest|to smallest)|descending|in descending order)\s*\)?(?=\s*(?:[,.;:?!\-\u2013\u2014]|$))", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex HighestFirstRegex();

    [GeneratedRegex(@"[,;.:]?\s*\(?\s*(?:(?:as a |in )?(?:percentage|percent|%)|a percentage),? please\s*\)?(?=\s*(?:[,.;:?!\-\u2013\u2014]|$))", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex PercentagePleaseRegex();

    [GeneratedRegex(@"[,;.:]?\s*\(?\s*(?:(?:over|across|for|in|at|with|from) )?(?:all|any) (?:(?:acquisition|signup|sign up|sign-up|join|joining|creation|account|customer) )?(?:dates?|time)\s*\)?(?=\s*(?:[,.;:?!\-\u2013\u2014]|$))", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex AllDatesRegex();

    [GeneratedRegex(@"[,;.:]?\s*\(?\s*(?:(?:count|counting|counted as|just|only) )?(?:distinct|unique) (?:customers|customer ids?|customer_ids?)(?: (?:in|from) the customers? table)?|count ?\(distinct customer_id\)\s*\)?(?=\s*(?:[,.;:?!\-\u2013\u2014]|$))|[,;.:]?\s*\(?\s*(?:counted |counting )?(?:in|from) the customers? table\s*\)?(?=\s*(?:[,.;:?!\-\u2013\u2014]|$))", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex DistinctCustomersRegex();

    [GeneratedRegex(@"[,;]?\s*\(\s*(?:i\.?e\.? |that is |as )?(?:the )?(?:row count|count ?\(\*\)|(?:count|number) of (?:the )?(?:transaction|order|purchase|event|cart|session) (?:rows|records|lines))\s*\)|[,;]?\s*\(?\s*(?:counted )?by (?:the )?(?:number|count)(?: of (?:transactions|orders|purchases|rows|events|carts|sessions))?(?:,? (?:not|rather than|instead of|and not) (?:by )?(?:the )?(?:value|amount|revenue|spend|order value|sales)s?)?\s*\)?(?=\s*(?:[,.;:?!\-\u2013\u2014]|$)|\s(?:were|was|are|is|that|which)\b)", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex ByNumberRegex();

    [GeneratedRegex(@"[,;]?\s*\(?\s*by (?:the )?(?:value|revenue|amount|order value|sales)s?,? (?:not|rather than|instead of|and not) (?:by )?(?:the )?(?:number|count)(?: of [a-z]+)?\s*\)?(?=\s*(?:[,.;:?!\-\u2013\u2014]|$)|\s(?:were|was|are|is|that|which)\b)", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex ByValueRegex();

    [GeneratedRegex(@"[,;]?\s*\(?\s*(?:counting |count |with |where )?(?:every|each) (?:single )?(?:transaction|order|purchase)s? (?:rows?|lines?|records?)(?: (?:counted|counts?|is counted|counting)(?: (?:as|once|separately)(?: (?:an?|one) (?:order|transaction|purchase))?)?)?(?: over all time)?\s*\)?(?=\s*(?:[,.;:?!\-\u2013\u2014]|$))|[,;]?\s*\(?\s*(?:every|each) (?:single )?(?:transaction|order|purchase)s? (?:counted|counts(?: as (?:an?|one) (?:order|transaction|purchase))?)(?: over all time)?\s*\)?(?=\s*(?:[,.;:?!\-\u2013\u2014]|$))", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex EveryRowCountedRegex();

    [GeneratedRegex(@"[,;]?\s*\(?\s*(?:in (?:usd|us dollars|dollars)|\$|usd)\s*\)?(?=\s*(?:[,.;:?!\-\u2013\u2014]|$))", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex InDollarsRegex();

    [GeneratedRegex(@"[,;]?\s*\(?\s*(?:(?:please )?round(?:ed)?(?: (?:to|off to) (?:(?:1|2|one|two|0|zero) decimal(?: places?)?|the nearest (?:dollar|cent|whole number|percent)|whole numbers?))?|(?:to )?(?:1|2|one|two) decimal places?)\s*\)?(?=\s*(?:[,.;:?!\-\u2013\u2014]|$))", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex RoundedRegex();

    [GeneratedRegex(@"\s{2,}", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex MultipleBlanksRegex();
}
