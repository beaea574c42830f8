using System.Text.RegularExpressions;

namespace AetherSegment.Analytics;

/// <content>
/// Wordings the unseen sets of stop 45 declined, said as the parser already reads them (cov56): a lead-in ("quick one:"),
/// "already", "distinct" before a person noun with a qualifier ("distinct (country) customers"), "new customers acquired",
/// "separate purchases", "stuff" and "products" after a value bought, "on file", "sales value",
/// "only campaigns sent", "ran a (event)", "(each session once)" on a session duration, "summed over all
/// their orders" after a spend, "combined value", "beat control by how many percentage points" (the uplift), "(treatment
/// rate minus control rate)" after an uplift in conversion rate, the base of a per-customer count of one event type said
/// as the customers who did it, "customers active in that window" beside events per customer, "per (qualified) buyer,
/// what was the average spend", and "(total per customer then averaged)" on such an average. Each pattern runs only where
/// the text holds a word every match of it contains. On normalized text.
/// </content>
internal static partial class QuestionParser
{
    /// <summary>The unseen-set wordings of stop 45 said as the parser reads them. On normalized text.</summary>
    internal static string RephraseCoverageStop45b(string text)
    {
        // "quick one: how many ...": a lead-in before the question.
        text = text.Contains("quick", StringComparison.Ordinal) ? QuickLeadRegex().Replace(text, " ") : text;

        // "have already placed an order": placed one.
        text = text.Contains("already", StringComparison.Ordinal) ? AlreadyRegex().Replace(text, " ") : text;

        // "how many distinct (country) customers": a count of people is of distinct people already.
        text = text.Contains("distinct", StringComparison.Ordinal) || text.Contains("unique", StringComparison.Ordinal) ? DistinctPeopleRegex().Replace(text, " ") : text;

        // "new (country) customers acquired last quarter": the customers acquired then.
        text = text.Contains("new ", StringComparison.Ordinal) ? NewAcquiredRegex().Replace(text, " ") : text;

        // "3 or more separate (category) purchases": the purchases.
        text = text.Contains("separate", StringComparison.Ordinal) ? SeparateRegex().Replace(text, " ") : text;

        // "bought (category) stuff", "bought (category) products": bought the value.
        text = text.Contains("stuff", StringComparison.Ordinal) ? StuffRegex().Replace(text, " ") : text;
        text = text.Contains("products ", StringComparison.Ordinal) || text.Contains("items ", StringComparison.Ordinal) || text.Contains("goods ", StringComparison.Ordinal) ? ValueProductsRegex().Replace(text, " ") : text;

        // "an abandoned cart on file": an abandoned cart.
        text = text.Contains("on file", StringComparison.Ordinal) ? OnFileRegex().Replace(text, " ") : text;

        // "(category) sales value last year": the revenue.
        text = text.Contains(" value", StringComparison.Ordinal) ? SalesValueRegex().Replace(text, "revenue") : text;

        // "(measure) by trigger type, only campaigns sent this year": for the campaigns sent then.
        text = text.Contains("only campaigns", StringComparison.Ordinal) ? OnlyCampaignsRegex().Replace(text, "for ") : text;

        // "customers who ran a (event)": who did the event, said as its verb.
        text = text.Contains(" a ", StringComparison.Ordinal) || text.Contains(" an ", StringComparison.Ordinal) ? RanAnEventRegex().Replace(text, RanAnEvent) : text;

        // "average session duration (each session once)": per session, on a duration only.
        if (text.Contains("once", StringComparison.Ordinal) && (text.Contains("duration", StringComparison.Ordinal) || text.Contains("length", StringComparison.Ordinal)) && !EventRowsSaidRegex().IsMatch(text))
        {
            text = EachSessionOnceRegex().Replace(text, text.Contains(" per session ", StringComparison.Ordinal) ? " " : " per session ");
        }

        // "a lifetime spend above $5,000 summed over all their orders": the spend is their total already; not beside an average.
        text = (text.Contains("summed", StringComparison.Ordinal) || text.Contains("added up", StringComparison.Ordinal)) && !AveragingWordRegex().IsMatch(text) ? SummedOverTheirOrdersRegex().Replace(text, " ") : text;

        // "average combined value of all their abandoned carts": each customer's total cart value, averaged.
        text = text.Contains("combined", StringComparison.Ordinal) ? CombinedValueOfTheirCartsRegex().Replace(text, "${a} total abandoned cart value per customer") : text;

        // "by how many percentage points did the treatment conversion rate beat control": the uplift, in points.
        text = text.Contains("beat", StringComparison.Ordinal) || text.Contains("outperform", StringComparison.Ordinal) ? BeatControlRegex().Replace(text, " what was the uplift in percentage points ") : text;

        // "uplift in conversion rate (treatment rate minus control rate)": the uplift's definition said again.
        text = text.Contains("minus", StringComparison.Ordinal) || text.Contains(" less ", StringComparison.Ordinal) ? UpliftInRateDefinedRegex().Replace(text, " ") : text;

        // "among customers who (did the event) at all, average number of (event) events per customer": the customers with at
        // least one of the events counted.
        if (text.Contains(" per customer", StringComparison.Ordinal) && text.Contains(" events ", StringComparison.Ordinal))
        {
            // Said after the figure, where the base of a count of one event type is read.
            string said = "";
            string rest = CustomersWhoDidTheEventRegex().Replace(text, m =>
            {
                string? theBase = TheEventsCountedBase(text, m);
                if (theBase is null)
                {
                    return m.Value;
                }

                said = theBase;
                return " ";
            });
            text = said.Length == 0 ? text : rest.TrimEnd() + said;
        }

        // "events per customer ..., counting only customers active in that window": the customers with events then.
        text = text.Contains("active", StringComparison.Ordinal) && text.Contains(" event", StringComparison.Ordinal) ? ActiveInThatWindowRegex().Replace(text, " among customers with events ") : text;

        // "Per (country) buyer, what was the average 2025 spend?": the average spend per such buyer. Not when a base in
        // another year is said beside it ("(only customers who bought in 2024)").
        if (OnlyBuyersInYearRegex().Matches(text).Any(m => !YearSaidOutside(text, m)))
        {
            return text;
        }

        text = text.StartsWith(" per ", StringComparison.Ordinal) || text.StartsWith("per ", StringComparison.Ordinal) ? PerBuyerWhatWasRegex().Replace(text, " ${m} per ${who} ") : text;

        // "(total per customer then averaged)", "(only customers who bought in 2025)" beside an average spend per buyer said
        // with that year: how it is computed, said again.
        if (text.Contains(" per ", StringComparison.Ordinal) && text.Contains(" buyer ", StringComparison.Ordinal) && !text.Contains("median", StringComparison.Ordinal))
        {
            text = TotalThenAveragedRegex().Replace(text, " ");
            text = OnlyBuyersInYearRegex().Replace(text, m => YearSaidOutside(text, m) ? " " : m.Value);
        }

        return text;
    }

    // "ran a search": the verb of the event when the parser reads it as one ("searched").
    private static string RanAnEvent(Match m)
    {
        string noun = m.Groups["n"].Value;
        string verb = noun.EndsWith('e') ? noun + "d" : noun + "ed";
        return Array.IndexOf(PastEventVerbs, verb) >= 0 ? verb : m.Value;
    }

    // "among customers who searched at all" beside "number of search events per customer": the verb is the event counted.
    private static string? TheEventsCountedBase(string text, Match m)
    {
        string verb = m.Groups["v"].Value;
        Match counted = EventsPerCustomerRegex().Match(text);
        if (!counted.Success)
        {
            return null;
        }

        string eventWord = counted.Groups["e"].Value;
        string stem = verb.EndsWith("ed", StringComparison.Ordinal) ? verb[..^2] : verb;
        return eventWord.Length >= 4 && (string.Equals(stem, eventWord, StringComparison.Ordinal) || string.Equals(stem, eventWord + "e", StringComparison.Ordinal) || string.Equals(verb, eventWord + "d", StringComparison.Ordinal))
            ? " with at least one such event "
            : null;
    }

    private static bool YearSaidOutside(string text, Match m)
    {
        string year = m.Groups["y"].Value;
        string outside = string.Concat(text.AsSpan(0, m.Index), " ", text.AsSpan(m.Index + m.Length));
        return outside.Contains(" " + year + " ", StringComparison.Ordinal);
    }

    [GeneratedRegex(@"^ *(?:(?:a |one )?quick (?:one|question|q|check)|real quick|quickly)(?= )", RegexOptions.None, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex QuickLeadRegex();

    [GeneratedRegex(@"(?<= (?:have|has|had|ve|s|were|was|are|is) )already(?= )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex AlreadyRegex();

    [GeneratedRegex(@"(?<= (?:many|most|number of|count|count of|of) )(?:distinct|unique) (?=(?:[a-z]+ ){1,2}(?:customers|buyers|shoppers|people|purchasers)(?= ))", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex DistinctPeopleRegex();

    [GeneratedRegex(@"(?<= )new (?=(?:[a-z]+ ){0,2}(?:customers|shoppers|users|members) (?:we )?(?:acquired|who signed up|that signed up|signed up|who joined|that joined|joined|registered|who registered)(?= ))", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex NewAcquiredRegex();

    [GeneratedRegex(@"(?<= )separate (?=(?:[a-z]+ ){0,2}(?:purchases|orders|transactions)(?= ))", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex SeparateRegex();

    [GeneratedRegex(@"(?<=(?:bought|purchased|ordered|buying|buy) (?!(?:any|some|no|the|those|these|other|more|fewer|many|multiple|several|different|distinct|at|only|both|all|our|their|two|three|four|five)(?= ))[a-z]+(?: [a-z]+)?) stuff(?= )", RegexOptions.None, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex StuffRegex();

    [GeneratedRegex(@"(?<=(?:bought|purchased|ordered|buying|buy) (?!(?:any|some|no|the|those|these|other|more|fewer|many|multiple|several|different|distinct|at|only|both|all|our|their|two|three|four|five|a|an)(?= ))[a-z]+) (?:products|items|goods)(?= )", RegexOptions.None, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex ValueProductsRegex();

    [GeneratedRegex(@"(?<= (?:cart|carts|order|orders|purchase|purchases) )on file(?= )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex OnFileRegex();

    [GeneratedRegex(@"(?<= )(?:sales|revenue) value(?= )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex SalesValueRegex();

    [GeneratedRegex(@"(?<= )only (?=campaigns (?:sent|run|launched) )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex OnlyCampaignsRegex();

    [GeneratedRegex(@"(?<= (?:who|that|which) )(?:ran|run|did|performed|made) (?:a|an) (?<n>[a-z]+)(?= )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex RanAnEventRegex();

    [GeneratedRegex(@"(?<= )(?:counting |count |with )?(?:each|every) session (?:counted )?once(?= )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex EachSessionOnceRegex();

    [GeneratedRegex(@" (?:event rows?|across (?:all )?events|per event|over (?:the |all )?events|each event)(?= )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex EventRowsSaidRegex();

    [GeneratedRegex(@"(?<=(?:spend|spent|spending)(?: [a-z0-9]+){0,4} )(?:(?:summed|added up|totalled|totaled) (?:over|across|for) (?:all )?(?:of )?(?:their|his or her) (?:orders|purchases|transactions)|(?:all )?(?:of )?(?:their|his or her) (?:orders|purchases|transactions) (?:summed|added up))(?= )", RegexOptions.None, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex SummedOverTheirOrdersRegex();

    [GeneratedRegex(@"(?<= )(?<a>average|avg|mean) combined value of (?:all )?(?:of )?their abandoned carts(?= )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex CombinedValueOfTheirCartsRegex();

    [GeneratedRegex(@"(?<= )(?:by )?how (?:many|much) (?:percentage points|points|pp|percent) did (?:the )?(?:treatment|treated)(?: group| arm)?(?: s)?(?: conversion)?(?: rate)? (?:beat|outperform|top) (?:the )?control(?: group| arm)?(?: s)?(?: conversion)?(?: rate)?(?= )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex BeatControlRegex();

    [GeneratedRegex(@"(?<= (?:uplift|lift) in (?:the )?conversion(?: rates?)? )(?:the )?(?:treatment|treated)(?: group| arm)?(?: (?:conversion )?rate)? (?:minus|less) (?:the )?control(?: group| arm)?(?: (?:conversion )?rate)?(?= )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex UpliftInRateDefinedRegex();

    [GeneratedRegex(@"(?<= )(?:among|amongst|of|for) (?:the )?(?:customers|shoppers|users|people) (?:who|that) (?<v>[a-z]+)(?: (?:at all|at least once|ever))?(?= )", RegexOptions.None, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex CustomersWhoDidTheEventRegex();

    [GeneratedRegex(@"(?<= )number of (?<e>[a-z]+) events per customer(?= )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex EventsPerCustomerRegex();

    [GeneratedRegex(@"(?<= )(?:among |amongst |counting only |only counting |considering only |only )?(?:customers|shoppers|users|people|those) (?:who were |that were )?active (?:in that window|in that period|in the same window|in the same period|during that time|during that period|in that time|then)(?= )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex ActiveInThatWindowRegex();

    [GeneratedRegex(@"^ *per (?<who>(?:[a-z]+ ){0,2}buyer) (?:what (?:was|is|were) |whats |what s )?(?:the |their )?(?<m>(?:average|avg|mean) (?:(?:total |\d{4} )?(?:spend|spending)))(?= )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex PerBuyerWhatWasRegex();

    [GeneratedRegex(@"(?<= )(?:the )?total (?:per|for each|of each) (?:customer|buyer) (?:then|and then|,? then) (?:averaged|the average)(?= )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex TotalThenAveragedRegex();

    [GeneratedRegex(@"(?<= )only (?:customers|buyers|those) who (?:bought|purchased|ordered) (?:in|during) (?<y>\d{4})(?= )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex OnlyBuyersInYearRegex();

    /// <summary>
    /// Asides that say what is counted ("(orders, not people)", "units = quantity, not order count", "(count sessions, not
    /// events)"), dropped with what they require of the reading of the rest (QuestionParser.Restatements.cs).
    /// </summary>
    private static string AsidesDropped(string text, string lower, ref RestatedNeed required)
    {
        if (!lower.Contains("not", StringComparison.Ordinal) && !lower.Contains("rather", StringComparison.Ordinal) && !lower.Contains("instead", StringComparison.Ordinal))
        {
            return text;
        }

        text = Dropped(text, lower.Contains("order", StringComparison.Ordinal) || lower.Contains("transaction", StringComparison.Ordinal) || lower.Contains("purchase", StringComparison.Ordinal), OrdersNotPeopleRegex(), RestatedNeed.Orders, ref required);
        text = Dropped(text, lower.Contains("unit", StringComparison.Ordinal), UnitsNotOrdersRegex(), RestatedNeed.Units, ref required);
        return Dropped(text, lower.Contains("session", StringComparison.Ordinal), SessionsNotEventsRegex(), RestatedNeed.Sessions, ref required);
    }

    /// <summary>Why the reading does not count what an aside says is counted, or null when it does.</summary>
    private static string? AsideDisagreement(MeasureDefinition measure, RestatedNeed required)
    {
        if (required.HasFlag(RestatedNeed.Orders) && measure.Name != "orders")
        {
            return $"\"orders, not people\": I read {measure.Label}, not a count of orders; ask as in \"how many orders ...\"";
        }

        if (required.HasFlag(RestatedNeed.Units) && measure.Name != "units")
        {
            return $"\"units, not orders\": I read {measure.Label}, not the units; ask as in \"units sold ...\"";
        }

        if (required.HasFlag(RestatedNeed.Sessions) && measure.Name != "sessions")
        {
            return $"\"sessions, not events\": I read {measure.Label}, not a count of sessions; ask as in \"how many sessions ...\"";
        }

        return null;
    }

    // "(orders, not people)", "(count orders, not customers)", "- transactions, not distinct customers".
    [GeneratedRegex(@"[,;:]?\s*\(\s*(?:count(?:ing)? |just |only )?(?:the )?(?:number of )?(?:orders|transactions|purchases)(?: counted)?,?\s+(?:not|rather than|instead of) (?:the )?(?:number of )?(?:distinct |unique )?(?:people|customers|buyers|shoppers)\s*\)|[,;:\-\u2013\u2014]\s*(?:count(?:ing)? |just |only )?(?:the )?(?:number of )?(?:orders|transactions|purchases)(?: counted)?,?\s+(?:not|rather than|instead of) (?:the )?(?:number of )?(?:distinct |unique )?(?:people|customers|buyers|shoppers)(?=\s*(?:[,.;:?!\-\u2013\u2014]|$))", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex OrdersNotPeopleRegex();

    // "units = quantity, not order count", "(units meaning items sold, not orders)".
    [GeneratedRegex(@"[,;:.?]?\s*\(?\s*units?\s*(?:=|means|meaning|is|are|as in)\s*(?:the )?(?:sum of )?(?:the )?(?:quantity|quantities|items|pieces)(?: sold)?,?\s+(?:not|rather than|instead of) (?:the )?(?:order count|number of orders|orders|count of orders|transaction count|number of transactions|transactions)\s*\)?(?=\s*(?:[,.;:?!\-\u2013\u2014]|$))", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex UnitsNotOrdersRegex();

    // "(count sessions, not events)", "(distinct sessions, not event rows)".
    [GeneratedRegex(@"[,;:]?\s*\(\s*(?:count(?:ing)? |just |only )?(?:the )?(?:number of )?(?:distinct |unique )?sessions,?\s+(?:not|rather than|instead of) (?:the )?(?:number of )?(?:events|event rows|event count|page views)\s*\)|[,;:\-\u2013\u2014]\s*(?:count(?:ing)? |just |only )?(?:distinct |unique )?sessions,?\s+(?:not|rather than|instead of) (?:the )?(?:events|event rows)(?=\s*(?:[,.;:?!\-\u2013\u2014]|$))", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex SessionsNotEventsRegex();
}
