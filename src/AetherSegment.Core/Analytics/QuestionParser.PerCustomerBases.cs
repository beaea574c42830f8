using System.Text.RegularExpressions;
using AetherSegment.Vocabulary;

namespace AetherSegment.Analytics;

/// <content>
/// The base of a per-customer average said in words (stop 40, ask26): "customers with no orders count as zero" and "(all
/// customers, non-buyers included)" are every customer, which a per-customer figure is over already; "among customers with
/// web sessions" or "(customers with at least one product view)" beside the same rows measured are the customers with at
/// least one of the rows counted; "the distinct categories a customer has bought from" are over the buyers. A base that is
/// said but not read declines the question instead of being dropped.
/// </content>
internal static partial class QuestionParser
{
    /// <summary>
    /// Rewrites the bases of a per-customer average; on normalized text. Tried only when a cheap word check finds a base
    /// word ("zero", "non buyers", "included", "session", "with at least one").
    /// </summary>
    internal static string RephrasePerCustomerBases(string text)
    {
        if (text.Contains(" zero ", StringComparison.Ordinal) || text.Contains(" 0 ", StringComparison.Ordinal) || text.Contains(" non ", StringComparison.Ordinal) || text.Contains(" included ", StringComparison.Ordinal) || text.Contains(" including ", StringComparison.Ordinal))
        {
            // "(customers with no orders count as zero)", "(all customers, non-buyers included)", "with customers who bought
            // nothing in 2026 counted as $0": every customer, which a per-customer figure is over already. A year inside the
            // base must be said again outside it (the base restates the question's range).
            text = EveryoneBaseRegex().Replace(text, m =>
                m.Groups["year"].Success && !RangeSaidOutside(text, m, m.Groups["year"].Value) ? m.Value : new string(' ', m.Length));
        }

        // Only beside a per-customer statistic: "what share of customers who have a session are from <country>" keeps its whole.
        if ((text.Contains(" session", StringComparison.Ordinal) || text.Contains(" visit", StringComparison.Ordinal) || text.Contains(" with at least one ", StringComparison.Ordinal))
            && (text.Contains(" average ", StringComparison.Ordinal) || text.Contains(" avg ", StringComparison.Ordinal) || text.Contains(" mean ", StringComparison.Ordinal) || text.Contains(" median ", StringComparison.Ordinal)))
        {
            // "among customers with web sessions" beside "sessions per customer on the web": the customers with at least one of
            // the sessions counted. The qualifier must be said again outside the base, or the base is left as said (and the
            // statistic declines it); "then", "in that window" bind it to the question's range.
            text = SessionsBaseSaidRegex().Replace(text, m =>
            {
                string qualifier = m.Groups["q"].Value.Trim();
                if (qualifier.Length == 0)
                {
                    return " with at least one session" + new string(' ', Math.Max(1, m.Length - " with at least one session".Length));
                }

                return QualifierSaidOutside(text, m, qualifier) ? " with at least one such session " : m.Value;
            });

            // "(customers with at least one product view)" beside "how many product views does a customer make": the rows
            // counted, said again as the base.
            text = EventTypeBaseSaidRegex().Replace(text, m =>
                QualifierSaidOutside(text, m, m.Groups["q"].Value.Trim()) ? " with at least one such event " : m.Value);

            // "a browsing customer (customers with at least one product view)": the name of the base its definition says.
            if (text.Contains(" such ", StringComparison.Ordinal))
            {
                text = NamedBaseRegex().Replace(text, m => new string(' ', m.Length));
            }
        }

        // "(customers with any events)", "counting only customers that have events" (QuestionParser.BasesAndScopes.cs).
        return RephraseEventBases(text);
    }

    // Whether a value said inside a base ("web" in "customers with web sessions") is said again outside it.
    private static bool QualifierSaidOutside(string text, Match m, string qualifier)
    {
        string singular = qualifier.EndsWith('s') ? qualifier[..^1] : qualifier;
        string outside = string.Concat(text.AsSpan(0, m.Index), " ", text.AsSpan(m.Index + m.Length));
        return outside.Contains($" {singular} ", StringComparison.Ordinal) || outside.Contains($" {singular}s ", StringComparison.Ordinal);
    }

    // Whether the question holds a base rewritten as the rows counted ("with at least one such session").
    private static bool SameRowsBaseSaid(string question) =>
        question.Contains(" such ", StringComparison.Ordinal) && question.Contains(" with at least one such ", StringComparison.Ordinal);

    private static bool RangeSaidOutside(string text, Match m, string year) => QualifierSaidOutside(text, m, year);

    /// <summary>
    /// The customers a per-customer count of distinct product levels is over when no base word was read: the buyers when
    /// the question says they bought ("a customer has bought from"), or null (asked back: over the buyers or every customer).
    /// </summary>
    private static bool DistinctLevelOverBuyers(string text) => HasBoughtRegex().IsMatch(text);

    // The base of a per-customer figure said with a condition the statistic did not read ("among customers with a wishlist",
    // "per customer who converted"): never dropped.
    private static Match UnreadBase(string text) => UnreadBaseRegex().Match(text);

    // "average session duration (seconds) by device", "session length by device (seconds, per session)": the unit said
    // in brackets after the duration, as "in seconds" reads it.
    private static string ReadBareSeconds(string text, ref bool seconds)
    {
        if (seconds || !text.Contains(" sec", StringComparison.Ordinal))
        {
            return text;
        }

        bool said = false;
        text = Consume(text, BareSecondsRegex(), _ => said = true);
        seconds = said;
        return text;
    }

    [GeneratedRegex(@"(?<= (?:duration|length) (?:(?:by|per) (?:device|device type) )?)(?:seconds|secs)(?= )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex BareSecondsRegex();

    // "customers with no orders count as zero", "with customers who bought nothing in 2026 counted as $0", "(all customers,
    // non-buyers included)", "including non-buyers", "those who never ordered counting as 0".
    [GeneratedRegex(@"(?<= )(?:(?:with |and )?(?:customers|those|people|shoppers|users|anyone|ones|non buyers) (?:with no (?:orders|purchases|spend|transactions)|without (?:any )?(?:orders|purchases|an order|a purchase)|who (?:bought|ordered|spent|purchased) nothing(?: in (?<year>\d{4}))?|who (?:have |has )?(?:" + LanguageWords.NotDonePattern + @"|hasnt) (?:bought|ordered|purchased|spent)(?: anything)?(?: in (?<year>\d{4}))?|)(?: (?:count|counts|counted|counting|included|treated|shown|being counted|being treated)) (?:as )?(?:zero|0|dollars 0)|(?:all|every) customers? non buyers included|(?:including|incl) (?:the )?non buyers|non buyers (?:included|counted as (?:zero|0|dollars 0)|as (?:zero|0|dollars 0)))(?= )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex EveryoneBaseRegex();

    // "among customers with web sessions", "among customers who had any session then", "customers with sessions in that
    // window": the qualifier (one word) is a value of the sessions counted.
    [GeneratedRegex(@"(?<= )(?:(?:among|for|of|across|over) (?:the |all )?)?(?:customers|shoppers|people|users|those|ones) (?:with|who (?:have |has )?had|who have|having) (?:(?:at least one|any|a|an|one or more) )?(?<q>(?!such )[a-z]+ )??(?:sessions?|visits?)(?: (?:then|in that window|in that period|in that time|in the same window|in the same period|in that range|during that time|during that period|in it))?(?= )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex SessionsBaseSaidRegex();

    // "customers with at least one product view": the event type said as the base of a count of those events.
    [GeneratedRegex(@"(?<= )(?:(?:among|for|of|across|over) (?:the |all )?)?(?:customers|shoppers|people|users|those|ones) (?:with|who (?:have |has )?had|having) (?:at least one|one or more) (?<q>(?!such |events? |behaviou?ral |site |app |activity |sessions? |visits? |orders? |purchases? |transactions? |carts? |abandoned |campaigns? )[a-z]+(?: [a-z]+)?)(?: (?:then|in that window|in that period|in that time|in the same window|in the same period))?(?= *$)", RegexOptions.None, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex EventTypeBaseSaidRegex();

    // "a browsing customer", "an active shopper" before its definition.
    [GeneratedRegex(@"(?<= (?:a|an|each|per|every|the) )(?:browsing|active|engaged|visiting)(?= (?:customer|shopper|user|person) )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex NamedBaseRegex();

    // "a customer has bought from", "they have purchased", "bought from".
    [GeneratedRegex(@"(?<= )(?:(?:has|have|had|ve|s) (?:ever )?(?:bought|purchased|ordered|shopped)|(?:bought|purchased|ordered|shopped) (?:from|in|across))(?= )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex HasBoughtRegex();

    // "customers with ...", "per customer who ...", "those having ...": a base with a condition.
    [GeneratedRegex(@"(?<= )(?:customers?|shoppers?|people|persons?|users?|clients?|buyers?|those|ones|#+) (?:with|who|whove|that|having|whose)(?= )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex UnreadBaseRegex();
}
