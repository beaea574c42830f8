using System.Text.RegularExpressions;
using AetherSegment.Profiles;

namespace AetherSegment.Analytics;

/// <content>
/// Campaign groups beside other conditions (stop 42, ask39), read only where the rest of the parser declined: "abandoned a
/// cart in the last 7 days and were also in the treatment group of X" (the rest of the question with the group as one more
/// condition, over all time), "treated in X but never in the treatment group of any other campaign" (in that group of X, in
/// that group of no campaign but X), "got both a &lt;trigger&gt; campaign and a &lt;trigger&gt; campaign (treatment group in
/// each)" (in that group of each), and "received at least one campaign (treatment group) sent in 2026" (in the treatment group
/// of a campaign sent in the range). Each group's campaigns are read as "how many customers were in the treatment group of
/// X" reads them, so names, ids, triggers and types all hold.
/// </content>
internal static partial class QuestionParser
{
    private static ParsedQuestion? ReadCampaignMemberships(string question, SemanticLayer layer, IReadOnlyList<string>? campaignNames, IReadOnlyList<string>? campaignIds)
    {
        string text = " " + QuestionText.Normalize(question).Trim() + " ";
        if (ReadUpliftSaid(text, layer, campaignNames, campaignIds) is { } uplift)
        {
            return uplift;
        }

        bool treatment = text.Contains(" treat", StringComparison.Ordinal);
        if (!treatment && !text.Contains(" control", StringComparison.Ordinal) && !text.Contains(" held out ", StringComparison.Ordinal)
            && !text.Contains(" received ", StringComparison.Ordinal) && !text.Contains(" got ", StringComparison.Ordinal))
        {
            return null;
        }

        if (layer.Fact(EntityKind.CampaignSends) is null || layer.Measure("treatment_group") is not { Missing: null } || layer.Measure("control_group") is not { Missing: null })
        {
            return null;
        }

        if (treatment && AtLeastOneCampaignRegex().Match(text) is { Success: true } any)
        {
            // "received at least one campaign (treatment group) sent in 2026": in the treatment group, over the sends in the range.
            string treated = string.Concat(text.AsSpan(0, any.Index), "were in the treatment group ", text.AsSpan(any.Index + any.Length));
            ParsedQuestion anyParsed = Parse(treated, layer, campaignNames, campaignIds, legacy: false);
            return anyParsed is { Status: AnalyticsAnswerStatus.Answered, Query: { Dimension: null or { OnCustomers: true } } q } && GroupFilters(q, layer, out string? arm, out IReadOnlyList<QueryFilter>? none)
                && arm == "treatment_group" && none.Count == 0
                ? anyParsed
                : null;
        }

        if (BothCampaignsRegex().Match(text) is { Success: true } both)
        {
            return BothCampaigns(text, both, layer, campaignNames, campaignIds);
        }

        if (InGroupOfRegex().Match(text) is not { Success: true } said)
        {
            return null;
        }

        string armSaid = said.Groups["arm"].Success ? said.Groups["arm"].Value : said.Groups["treated"].Success ? "treatment" : "control";
        if (!Membership(armSaid, said.Groups["x"].Value, layer, campaignNames, campaignIds, out MeasureDefinition? member, out IReadOnlyList<QueryFilter>? filters))
        {
            return null;
        }

        int end = said.Index + said.Length;
        bool exceptOthers = false;
        if (NeverOtherCampaignRegex().Match(text, end) is { Success: true } other && other.Index == end)
        {
            // "but never in the treatment group of any other campaign": the same group, no campaign but the one named.
            if (other.Groups["arm"].Value != armSaid.Replace("treated", "treatment", StringComparison.Ordinal))
            {
                return null;
            }

            exceptOthers = true;
            end = other.Index + other.Length;
        }

        // "customers who were in the treatment group of X and bought ...": the rest goes on as "customers who bought ...".
        string rest = text[end..];
        // After "and were in the group of X" the joining word stays ("abandoned a cart and ... and bought").
        if (!exceptOthers && !said.Groups["lead"].Value.StartsWith("and", StringComparison.Ordinal) && !said.Groups["lead"].Value.StartsWith("but", StringComparison.Ordinal)
            && AndAfterGroupRegex().Match(rest) is { Success: true } joined)
        {
            rest = "who " + rest[joined.Length..];
        }

        string remaining = string.Concat(text.AsSpan(0, said.Index), " ", rest);
        ParsedQuestion parsed = BuyersAsCustomers(Parse(remaining, layer, campaignNames, campaignIds, legacy: false), layer);
        if (parsed is not { Status: AnalyticsAnswerStatus.Answered, Query: { Dimension: null or { OnCustomers: true }, Share: false, Ratio: null, FilterRatio: null, Having: null, RowComparison: null, ComparedTime: null, Statistic: null, Limit: null } query }
            || !ReferenceEquals(query.Measure, layer.CustomerCount) || query.Conditions.Any(c => c.Measure.Fact == EntityKind.CampaignSends)
            || query.Filters.Any(f => layer.Dimension(f.Dimension) is not { OnCustomers: true }))
        {
            return null;
        }

        // The group said after a range of the rest ("abandoned a cart in the last 7 days and were in the treatment group of
        // X") is over all time: the range was the carts'.
        bool allTime = query.Time is not null;
        List<CustomerCondition> conditions = [.. query.Conditions, new CustomerCondition(member!, filters!, AnyRow, null, false) { AllTime = allTime }];
        if (exceptOthers)
        {
            MeasureDefinition others = member! with
            {
                Membership = new($"{member!.Membership!.Positive} of another campaign than", $"were never in the {GroupWord(member)} of any campaign except"),
            };
            conditions.Add(new CustomerCondition(others, [.. filters!.Select(f => f with { Negated = true })], AnyRow, null, true) { AllTime = allTime });
        }

        return parsed with { Query = query with { Conditions = conditions } };
    }

    // "<city> customers who bought something in the last 30 days" reads as the buyers; beside a group it is the customers
    // who bought (the filters on the orders and the range on that condition), as "customers who ... and bought" says.
    private static ParsedQuestion BuyersAsCustomers(ParsedQuestion parsed, SemanticLayer layer)
    {
        if (parsed is not { Status: AnalyticsAnswerStatus.Answered, Query: { Measure.Name: "buyers", Dimension: null, Share: false, Ratio: null, FilterRatio: null, Having: null, RowComparison: null, ComparedTime: null, Statistic: null, Limit: null } query }
            || query.Conditions.Any(c => c.Measure.Fact == EntityKind.Orders))
        {
            return parsed;
        }

        List<QueryFilter> onCustomers = [.. query.Filters.Where(f => layer.Dimension(f.Dimension) is { OnCustomers: true })];
        List<QueryFilter> onOrders = [.. query.Filters.Where(f => !onCustomers.Contains(f))];
        return parsed with
        {
            Query = query with { Measure = layer.CustomerCount, Filters = onCustomers, TimeOnConditions = query.Time is not null, Conditions = [.. query.Conditions, new CustomerCondition(query.Measure, onOrders, null, null, false)] },
        };
    }

    // "got both a <trigger> campaign and a <trigger> campaign (treatment group in each)": a condition for each, in that group.
    private static ParsedQuestion? BothCampaigns(string text, Match both, SemanticLayer layer, IReadOnlyList<string>? campaignNames, IReadOnlyList<string>? campaignIds)
    {
        string arm = both.Groups["arm2"].Success ? both.Groups["arm2"].Value : both.Groups["arm1"].Success ? both.Groups["arm1"].Value : "treatment";
        if (both.Groups["arm1"].Success && both.Groups["arm2"].Success && both.Groups["arm1"].Value != both.Groups["arm2"].Value)
        {
            return null;
        }

        if (!Membership(arm, both.Groups["a"].Value, layer, campaignNames, campaignIds, out MeasureDefinition? first, out IReadOnlyList<QueryFilter>? a)
            || !Membership(arm, both.Groups["b"].Value, layer, campaignNames, campaignIds, out _, out IReadOnlyList<QueryFilter>? b))
        {
            return null;
        }

        string remaining = string.Concat(text.AsSpan(0, both.Index), " ", text.AsSpan(both.Index + both.Length));
        ParsedQuestion parsed = Parse(remaining, layer, campaignNames, campaignIds, legacy: false);
        if (parsed is not { Status: AnalyticsAnswerStatus.Answered, Query: { Dimension: null, Share: false, Ratio: null, FilterRatio: null, Having: null, RowComparison: null, ComparedTime: null, Statistic: null, Limit: null, Time: null } query }
            || !ReferenceEquals(query.Measure, layer.CustomerCount) || query.Conditions.Any(c => c.Measure.Fact == EntityKind.CampaignSends)
            || query.Filters.Any(f => layer.Dimension(f.Dimension) is not { OnCustomers: true }))
        {
            return null;
        }

        return parsed with { Query = query with { Conditions = [.. query.Conditions, new CustomerCondition(first!, a!, AnyRow, null, false), new CustomerCondition(first!, b!, AnyRow, null, false)] } };
    }

    // "uplift of X in percentage points - treatment conversion minus control conversion", "did X actually work? give me the
    // uplift: treatment conversion rate minus control conversion rate": the campaign uplift, its definition said again.
    private static ParsedQuestion? ReadUpliftSaid(string text, SemanticLayer layer, IReadOnlyList<string>? campaignNames, IReadOnlyList<string>? campaignIds)
    {
        if (!text.Contains(" minus ", StringComparison.Ordinal) && !text.Contains(" work", StringComparison.Ordinal))
        {
            return null;
        }

        string read = TreatmentConversionMinusControlRegex().Replace(text, text.Contains("lift ", StringComparison.Ordinal) ? " " : " uplift ");
        read = DidItWorkRegex().Replace(read, m => $" uplift of {m.Groups["x"].Value}");
        if (read == text)
        {
            return null;
        }

        ParsedQuestion parsed = Parse(read, layer, campaignNames, campaignIds, legacy: false);
        return parsed is { Status: AnalyticsAnswerStatus.Answered, Query.Measure.Name: "campaign_uplift" } ? parsed : null;
    }

    // "treatment conversion minus control conversion", "the treated group's conversion rate less the control group's".
    [GeneratedRegex(@"(?<= )(?:(?:computed|calculated|defined|measured|i e|ie|that is) (?:as )?)?(?:the )?(?:treatment|treated)(?: group| arm)?(?: s)? conversions?(?: rates?)? (?:minus|less) (?:the )?control(?: group| arm)?(?: s)? conversions?(?: rates?)?(?= )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex TreatmentConversionMinusControlRegex();

    // "did the X (actually) work give me the uplift", "did X really work? what was its uplift": the uplift of X.
    [GeneratedRegex(@"^ (?:so )?did (?<x>(?:[a-z0-9]+ ){1,8}?)(?:actually |really |even )?work (?:(?:give me|show me|tell me|whats|what is|what was|i want|i need) )?(?:the |its )?(?:campaign )?uplift(?: (?:of|for) (?:it|the campaign|that campaign))?(?= )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex DidItWorkRegex();

    // The campaigns of one group, read as "how many customers were in the <arm> group of <campaigns>" reads them: the group's
    // measure and the filters on the campaign sends (at least one; none on the customers, no range).
    private static bool Membership(string arm, string campaigns, SemanticLayer layer, IReadOnlyList<string>? campaignNames, IReadOnlyList<string>? campaignIds,
        out MeasureDefinition? member, out IReadOnlyList<QueryFilter>? filters)
    {
        member = null;
        filters = null;
        string group = arm.StartsWith("treat", StringComparison.Ordinal) ? "treatment" : "control";
        ParsedQuestion parsed = Parse($" how many {People(layer)} were in the {group} group of {campaigns.Trim()} ", layer, campaignNames, campaignIds, legacy: false);
        if (parsed is not { Status: AnalyticsAnswerStatus.Answered, Query: { Dimension: null, Time: null } query } || !GroupFilters(query, layer, out string? name, out filters)
            || filters.Count == 0 || name != group + "_group" || query.Filters.Except(filters).Any())
        {
            return false;
        }

        member = layer.Measure(name);
        return member is { Missing: null, Membership: not null };
    }

    // What a count of the customers in one group read: the group's measure name and its filters on the campaign sends.
    private static bool GroupFilters(AnalyticsQuery query, SemanticLayer layer, out string? arm, out IReadOnlyList<QueryFilter> filters)
    {
        arm = null;
        filters = [];
        bool OnSends(QueryFilter f) => layer.Dimension(f.Dimension) is { OnCustomers: false } d && d.Columns.Count > 0 && d.Columns.All(c => c.Fact == EntityKind.CampaignSends);
        if (query is not { Share: false, Ratio: null, FilterRatio: null, Having: null, RowComparison: null, ComparedTime: null, Statistic: null, Limit: null })
        {
            return false;
        }

        if (query.Measure.Name is "treatment_group" or "control_group" && query.Conditions.Count == 0 && query.Filters.All(OnSends))
        {
            arm = query.Measure.Name;
            filters = query.Filters;
            return true;
        }

        if (ReferenceEquals(query.Measure, layer.CustomerCount) && !query.Filters.Any(OnSends) && query.Conditions is [{ Negated: false, Time: null, Comparison: { Operator: ComparisonOperator.Greater, Value: 0 } } condition]
            && condition.Measure.Name is "treatment_group" or "control_group" && condition.Filters.All(OnSends))
        {
            arm = condition.Measure.Name;
            filters = condition.Filters;
            return true;
        }

        return false;
    }

    private static string GroupWord(MeasureDefinition member) => member.Name == "control_group" ? "control group" : "treatment group";

    // "and were also in the treatment group of X", "were treated in X", "held out as control in X", "in the control group for X":
    // the campaigns run to "but", "and" or the end.
    [GeneratedRegex(@"(?<= )(?<lead>(?:and|but|who|that) )?(?:(?:were|was|are|is|have|has|had|been|also|both) ){0,3}(?:in (?:the )?(?<arm>treatment|control) group (?:of|for|in)|(?<treated>treated) (?:in|by|with)|held out (?:as (?:a )?controls? |in the control group )?(?:in|of|from|for)) (?:the )?(?<x>(?:[a-z0-9]+ ){1,8}?)(?=(?:but|and|yet) |how many $|$)", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex InGroupOfRegex();

    [GeneratedRegex(@"^(?:and|but|yet) (?:also |who |that )?(?=[a-z])", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex AndAfterGroupRegex();

    // "but never in the treatment group of any other campaign", "and not in the treatment group of any other campaigns".
    [GeneratedRegex(@"\G(?:(?:but|and|yet) )?(?:(?:were|was|have|has|had|been) )*(?:never|not) (?:been )?(?:in )?(?:the )?(?<arm>treatment|control) group (?:of|for|in) (?:any|a single) other campaigns? (?:at all )?$", RegexOptions.None, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex NeverOtherCampaignRegex();

    // "got both a <A> campaign and an <B> campaign (treatment group in each)", "were in the treatment group of both a <A>
    // campaign and a <B> campaign".
    [GeneratedRegex(@"(?<= )(?:(?:who|that) )?(?:(?:have|has|had|were|was|been) )*(?:got|gotten|received|were sent|been sent|in (?:the )?(?<arm1>treatment|control) group of) both (?:a |an |the )?(?<a>(?:(?!and )[a-z0-9]+ ){1,8}?)(?:campaigns? )?and (?:also )?(?:a |an |the )?(?<b>(?:[a-z0-9]+ ){1,8}?)(?:campaigns? )?(?:(?:in )?(?:the )?(?<arm2>treatment|control)(?: group| arm)?(?: in each| in both| for each| for both| each| both)? )?$", RegexOptions.None, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex BothCampaignsRegex();

    // "received at least one campaign (treatment group) sent in 2026", "got a campaign in the treatment group", "were in the
    // treatment group of at least one campaign sent".
    [GeneratedRegex(@"(?<= )(?:(?:have|has|had|were|was|been) )*(?:(?:received|got|gotten|were sent|been sent) (?:at least one|at least 1|one or more|1 or more|any|a) campaigns? (?:in )?(?:the )?(?:treatment|treated)(?: group| arm)?|in (?:the )?treatment group of (?:at least one|at least 1|one or more|1 or more|any|a) campaigns?)(?: (?:that was|that were|which was|which were|that we|we))?(?: sent| run| launched)?(?= )", RegexOptions.None, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex AtLeastOneCampaignRegex();
}
