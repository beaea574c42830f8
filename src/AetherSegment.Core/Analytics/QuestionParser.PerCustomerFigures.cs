using System.Text.RegularExpressions;

namespace AetherSegment.Analytics;

/// <content>
/// Per-customer figures and shares said with their base (stop 42, ask37): "among the customers who bought something this
/// year" beside a spend per customer is a figure per buyer; "count &lt;source&gt; customers who never ordered as $0" and "across
/// our whole customer base (including people with no orders)" are every customer, which a per-customer figure is over
/// already; "among customers active in the last 30 days, how many sessions did each have on average" is over the
/// customers with a session in the range; "how many events happen in a session" is events per session. A share of a
/// base's customers who bought in a range ("of the customers we got from &lt;source&gt;, what percentage have bought something in
/// the last 90 days") keeps the range on the purchase only; a heading naming a value ("&lt;country&gt;: of the customers who have
/// ordered, what share ...") scopes the base and the part alike. Each rewrite is tried only when a cheap word check finds
/// its words; a base said in a way not read is left as said, so the question is declined as before.
/// </content>
internal static partial class QuestionParser
{
    /// <summary>Rewrites per-customer bases and wordings of per-customer figures; on normalized text.</summary>
    internal static string RephrasePerCustomerFigures(string text)
    {
        bool average = text.Contains(" average ", StringComparison.Ordinal) || text.Contains(" avg ", StringComparison.Ordinal) || text.Contains(" mean ", StringComparison.Ordinal);
        if (average && text.Contains(" customer", StringComparison.Ordinal))
        {
            if (text.Contains(" who", StringComparison.Ordinal) || text.Contains(" that ", StringComparison.Ordinal))
            {
                // "average 2026 spend per <city> customer, counting only <city> customers who bought something this year":
                // the spend per buyer (in <city>) over the range said on the spend; the base's own range said again.
                text = BuyersBase(text);
            }

            if (text.Contains(" never ", StringComparison.Ordinal) || text.Contains(" no ", StringComparison.Ordinal) || text.Contains(" none ", StringComparison.Ordinal)
                || text.Contains(" without ", StringComparison.Ordinal) || text.Contains("nt ", StringComparison.Ordinal) || text.Contains(" not ", StringComparison.Ordinal))
            {
                // "count <source> customers who never ordered as $0", "(including people with no orders)": every customer the
                // filters pick. A value said in the base must be said again outside it.
                text = ZeroBaseRegex().Replace(text, m =>
                    !m.Groups["v"].Success || QualifierSaidOutside(text, m, m.Groups["v"].Value.Trim()) ? new string(' ', m.Length) : m.Value);
            }

            if (text.Contains(" base ", StringComparison.Ordinal) || text.Contains(" all ", StringComparison.Ordinal))
            {
                // "across our whole customer base", "over all our customers": every customer.
                text = WholeBaseRegex().Replace(text, m => new string(' ', m.Length));
            }
        }

        if (text.Contains(" active ", StringComparison.Ordinal) && text.Contains(" how many ", StringComparison.Ordinal))
        {
            // "Among customers active in the last 30 days, how many sessions did each have on average?": the sessions per
            // customer over the customers with a session in the range.
            text = ActiveEachRegex().Replace(text, m => $" average number of {m.Groups["what"].Value} per customer with at least one session {m.Groups["r"].Value} ");
        }

        if (text.Contains(" session ", StringComparison.Ordinal) || text.Contains(" visit ", StringComparison.Ordinal))
        {
            // "On average, how many events happen in a session?": the events per session.
            text = EventsInASessionRegex().Replace(text, m =>
                m.Groups["avg"].Success || m.Groups["avg2"].Success || text.Contains(" average ", StringComparison.Ordinal) || text.Contains(" typical", StringComparison.Ordinal)
                    ? " average number of events per session "
                    : m.Value);
        }

        if (text.Contains(" we ", StringComparison.Ordinal) || text.Contains(" came ", StringComparison.Ordinal) || text.Contains(" come ", StringComparison.Ordinal))
        {
            // "the customers we got from <source>", "customers who came to us through <source>": the customers from it.
            text = CameFromRegex().Replace(text, " ");
        }

        if ((text.Contains(" made ", StringComparison.Ordinal) || text.Contains(" placed ", StringComparison.Ordinal))
            && (text.Contains(" percent", StringComparison.Ordinal) || text.Contains(" share ", StringComparison.Ordinal) || text.Contains(" proportion ", StringComparison.Ordinal) || text.Contains(" fraction ", StringComparison.Ordinal)))
        {
            // "what percent of our <city> customers have made a purchase in the last 90 days": the customers who bought in the
            // range (a purchase made is not the orders counted).
            text = PurchaseMadeInShareRegex().Replace(text, " bought something ");
        }

        return text;
    }

    // "(have) made a purchase", "placed an order" before a range or at the end of a share; "made at least one purchase" is
    // left to the count it says ("what % of customers have made at least one purchase (in the last 90 days)").
    [GeneratedRegex(@"(?<= (?:have|has|had|who|that)) (?:made|placed) (?:(?:a|an|any) (?:purchase|order|transaction)s?(?= (?:(?:in|during|within|over) the (?:last|past) |this |last |since |in \d{4} )|\s*$))", RegexOptions.None, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex PurchaseMadeInShareRegex();

    // "among (the) (<city>) customers who bought something (this year)" beside "<spend> per (<city>) customer": per buyer.
    private static string BuyersBase(string text)
    {
        if (BuyersBaseSaidRegex().Match(text) is not { Success: true } b || PerCustomerSpendRegex().Match(text) is not { Success: true } per || per.Index > b.Index)
        {
            return text;
        }

        string value = b.Groups["v"].Success ? b.Groups["v"].Value.Trim() : "";
        string perValue = per.Groups["pv"].Success ? per.Groups["pv"].Value.Trim() : "";
        if (value.Length > 0 && perValue.Length > 0 && value != perValue)
        {
            return text;
        }

        string range = b.Groups["r"].Success ? b.Groups["r"].Value.Trim() : "";
        string outside = string.Concat(text.AsSpan(0, b.Index), " ", text.AsSpan(b.Index + b.Length));
        string restated = "";
        if (range.Length > 0)
        {
            // The base's range is the range said on the figure, in the same words or in others (compared at the data's
            // as-of by the service); with no range on the figure, "spend per customer among those who bought this year"
            // could be their lifetime spend: left as said.
            if (!RangeSaidRegex().IsMatch(outside))
            {
                return text;
            }

            restated = outside.Contains($" {range} ", StringComparison.Ordinal) ? "" : $" ({range}) ";
        }

        string who = value.Length > 0 ? value : perValue;
        string rewritten = text[..per.Groups["per"].Index] + $"per {who} buyer " + text[(per.Index + per.Length)..b.Index] + " " + text[(b.Index + b.Length)..];
        return rewritten.TrimEnd() + restated + " ";
    }

    // A share's part with a range of its own when its whole has none ("of the customers with a churn probability above 0.7,
    // what percentage placed an order in the last 90 days"): the range is the purchase's only, the whole over all time.
    // Null unless the part is the whole (read over all time) plus conditions on timed rows.
    private static AnalyticsQuery? TimedPart(AnalyticsQuery whole, AnalyticsQuery part)
    {
        if (whole is not { Time: null, TimeOnConditions: false } || part is not { Time: { } range, TimeOnConditions: true, ComparedTime: null }
            || whole.Conditions.Any(c => c.Time is not null) || part.Conditions.Any(c => c.Time is not null))
        {
            return null;
        }

        List<CustomerCondition> conditions = [];
        int added = 0;
        foreach (CustomerCondition condition in part.Conditions)
        {
            if (whole.Conditions.Any(c => SameCondition(c, condition)))
            {
                conditions.Add(condition);
                continue;
            }

            added++;
            conditions.Add(condition with { Time = range });
        }

        return added == 0 ? null : part with { Time = null, TimeOnConditions = false, Conditions = conditions };
    }

    // A share whose whole has filters or conditions of its own (QuestionParser.SharesAndStatistics.cs), with a heading of
    // values before its base read into the base: "<country>: of the customers who have ordered, what share have ordered more than
    // once" is out of the country's buyers. A heading of values that cannot be read into the base declines the question (read
    // otherwise, the heading filtered the part only).
    private static ParsedQuestion? ReadConditionedWhole(string question, SemanticLayer layer, IReadOnlyList<string>? campaignNames, IReadOnlyList<string>? campaignIds, bool conditionRequired)
    {
        string text = QuestionText.Normalize(question);
        if (HeadingOfBase(text, layer, campaignNames, campaignIds) is not { } head)
        {
            return ReadConditionedWholeAsSaid(text, null, layer, campaignNames, campaignIds, conditionRequired);
        }

        return ReadConditionedWholeAsSaid(text[(head.Length + 1)..], head, layer, campaignNames, campaignIds, conditionRequired: false)
            ?? ParsedQuestion.Unplaced($"\"{head}\" before the base of a share: I could not read it into the customers the share is out of; ask as in \"of the {head} customers who ..., what share ...\"");
    }

    // "<country>: of the customers who have ordered, what share ...": a heading naming values of the customers before a share said
    // with its own base; the values are the base's (and so the part's). Null when the question has no such heading.
    private static string? HeadingOfBase(string text, SemanticLayer layer, IReadOnlyList<string>? campaignNames, IReadOnlyList<string>? campaignIds)
    {
        if (HeadingBeforeBaseRegex().Match(text) is not { Success: true } heading)
        {
            return null;
        }

        string head = heading.Groups["head"].Value;
        return ReadAnswered($" how many customers {head} ", layer, campaignNames, campaignIds) is { Status: AnalyticsAnswerStatus.Answered, Query: { Time: null, Conditions.Count: 0, Dimension: null, Share: false } read }
            && ReferenceEquals(read.Measure, layer.CustomerCount) && read.Filters.Count > 0 && read.Filters.All(f => layer.Dimension(f.Dimension) is { OnCustomers: true })
            ? head
            : null;
    }

    // "UK of the customers who ...", "<city> among buyers ...": at most three words before the base of a share.
    [GeneratedRegex(@"^ (?<head>(?!of |among |amongst |out |for |what |which |how |the |share |percentage |percent |proportion |fraction |portion |pct |number |count |average |total |rate |ratio )[a-z]+(?: [a-z]+){0,2}) (?=(?:of|among|amongst|out of) (?:the |all |all the |our |those )?(?:customers|buyers|shoppers|people|purchasers|clients|users) )", RegexOptions.None, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex HeadingBeforeBaseRegex();

    // "among the customers who bought something this year", "counting only <city> customers who have ordered", "(only those
    // who made a purchase in 2026)".
    [GeneratedRegex(@"(?<= )(?:among|amongst|counting only|only counting|considering only|including only|restricted to|limited to|for|of|over|across|only) (?:the |our |all |all the |just )?(?<v>(?!the |our |all |those |customers |people |shoppers |ones )[a-z]+ )?(?:customers|people|shoppers|ones|those|buyers) (?:who|that|whove) (?:have |has |had |actually )?(?:bought|purchased|ordered|shopped|spent|placed an order|placed orders|made a purchase|made purchases)(?: something| anything| at least once| from us)?(?<r> (?:in \d{4}|this year|last year|this month|last month|this quarter|last quarter|(?:in|during|over|within) the (?:last|past) \d{1,4} (?:days|weeks|months)))?(?: only)?(?= )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex BuyersBaseSaidRegex();

    // "spend per <city> customer", "revenue per customer", "orders per customer": an order total per customer.
    [GeneratedRegex(@"(?<= )(?:spend|spending|revenue|sales|orders|order count|purchases|units|items|amount spent)(?: \d{4})?(?: [a-z]+){0,2} (?<per>per|for each|for every|for the average|by the average) (?<pv>(?!customer)[a-z]+ )?customer(?= )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex PerCustomerSpendRegex();

    [GeneratedRegex(@" (?:\d{4}|this year|last year|this month|last month|this quarter|last quarter|(?:last|past) \d{1,4} (?:days|weeks|months)|ytd|year to date) ", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex RangeSaidRegex();

    // "count <source> customers who never ordered as $0", "including people with no orders", "treating those with none as
    // zero", "include customers without any orders".
    [GeneratedRegex(@"(?<= )(?:(?:count|counting|counted|treat|treating|include|including|incl) (?:the |all |all the |any )?(?<v>(?!the |all |any |those |customers |people |shoppers |ones |everyone |anyone )[a-z]+ )?(?:customers|people|shoppers|those|ones|anyone|everyone|users) (?:who (?:have |has )?(?:never|not|didnt|havent|have not|has not|hasnt|did not) (?:ever )?(?:ordered|bought|purchased|spent|placed an order|made a purchase)(?: anything)?|with no (?:orders|purchases|spend|spending|transactions)|with none|with zero orders|without (?:any )?(?:orders|purchases|an order|a purchase))(?: (?:as|at) (?:zero|0|dollars 0|nothing))?)(?= )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex ZeroBaseRegex();

    // "across our whole customer base", "over our entire customer base", "across all our customers".
    [GeneratedRegex(@"(?<= )(?:across|over|for|in) (?:our |the |your )?(?:(?:whole|entire|full|total) (?:customer base|base of customers)|customer base as a whole|all (?:of )?(?:our |the )?customers)(?= )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex WholeBaseRegex();

    // "Among customers active in the last 30 days, how many sessions did each have on average?".
    [GeneratedRegex(@"(?<= )(?:among|amongst|of|for|across) (?:the |all |our )?(?:customers|shoppers|users|people) (?:who (?:were|have been|are|was) |that (?:were|have been|are) )?active (?<r>(?:in|during|over|within) the (?:last|past) \d{1,4} (?:days|weeks|months)|this month|last month|this week|last week|this year) how many (?<what>sessions|visits) (?:did|does|do|has|have) (?:each|each one|each of them|each customer|they|one) (?:have|had|log|logged|start|started|make|made)? ?(?:on average|on avg)(?= )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex ActiveEachRegex();

    // "On average, how many events happen in a session?", "how many events does a session have on average".
    [GeneratedRegex(@"(?<= )(?<avg>(?:on average|on avg|typically|usually) )?how many (?:events|actions|interactions) (?:(?:typically |usually )?(?:happen|occur|are there|are logged|are recorded|take place) (?:in|per|during|within) (?:(?:a|an|each|one|every|the average|the typical|a typical) )?(?:session|visit)|(?:does|do) (?:a|an|each|one|the average|the typical) (?:session|visit) (?:have|contain|include|hold))(?<avg2> on average| on avg)?(?= )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex EventsInASessionRegex();

    // "customers we got from", "customers who came to us through": the acquisition source said after it.
    [GeneratedRegex(@"(?<= (?:customers|people|shoppers|users)) (?:(?:that|who|whom) )?(?:we (?:got|acquired|gained|won|signed up|brought in)|(?:came|come|have come) (?:to us )?)(?= (?:from|through|via) )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex CameFromRegex();
}
