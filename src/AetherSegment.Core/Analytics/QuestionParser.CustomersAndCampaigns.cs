using System.Text.RegularExpressions;
using AetherSegment.Data;
using AetherSegment.Profiles;
using AetherSegment.Vocabulary;

namespace AetherSegment.Analytics;

/// <content>
/// Customers and campaigns (stop 38): each customer's span between two of their dates ("days between their first and last
/// purchase", "days from sign-up to the first purchase") and each buyer's largest order, as values a statistic is taken of;
/// the number of campaigns each customer was in (or held out of) compared with a number ("held out in 3 or more campaigns");
/// and other wordings of campaign questions said as the parser reads them ("treatment, not holdout", "past campaigns",
/// "per converted treatment customer").
/// </content>
internal static partial class QuestionParser
{
    /// <summary>
    /// Campaign and per-customer wordings said as the parser reads them (on normalized text): "actually received" as
    /// "received", "i.e. treatment not holdout" as "treatment group", "past campaigns" as "campaigns", "(treatment or control,
    /// doesn't matter)" as "either group", "per converted treatment customer" and "per conversion" as "per conversions",
    /// "campaigns sent in 2026" as "campaigns in 2026", "per &lt;place&gt; customer" as "per customer in &lt;place&gt;".
    /// </summary>
    internal static string RephraseCustomersAndCampaigns(string text)
    {
        if (text.Contains(" actually ", StringComparison.Ordinal))
        {
            text = ActuallyRegex().Replace(text, "");
        }

        if (text.Contains(" campaign", StringComparison.Ordinal) || text.Contains(" send ", StringComparison.Ordinal))
        {
            text = PastCampaignsRegex().Replace(text, "");
            bool campaignMeasure = SaysACampaignMeasure(text);
            text = CampaignsSentInRegex().Replace(text, m => !m.Groups["scope"].Success ? "campaigns " : campaignMeasure ? "" : m.Value);
            text = EachValueCampaignRegex().Replace(text, "${v} campaigns by campaign");
            text = GotCampaignRegex().Replace(text, "received");
            text = ReceivedSendRegex().Replace(text, "campaign");
            text = InACampaignRegex().Replace(text, m => m.Groups["y"].Success ? "in " + m.Groups["y"].Value : "");
            text = PooledOverItsCampaignsRegex().Replace(text, "");
            text = ShowsTheMostRegex().Replace(text, "has");
        }

        if (text.Contains(" best", StringComparison.Ordinal) && text.Contains(" conver", StringComparison.Ordinal))
        {
            text = ConvertedBestRegex().Replace(text, "had the highest conversion rate");
        }

        if (text.Contains(" held out ", StringComparison.Ordinal))
        {
            text = HeldOutAsControlRegex().Replace(text, "in the control group");
        }

        if (text.Contains(" after ", StringComparison.Ordinal))
        {
            text = ConvertedAfterRegex().Replace(text, "");
        }

        if (text.Contains(" per treat", StringComparison.Ordinal))
        {
            text = PerTreatedRegex().Replace(text, "per campaign sends of the treatment group");
        }

        // Both patterns need the holdout said: "holdout", "hold out", "held out" or "control" (stop 49: a literal check first).
        if ((text.Contains(" treatment ", StringComparison.Ordinal) || text.Contains(" received ", StringComparison.Ordinal))
            && (text.Contains("hold", StringComparison.Ordinal) || text.Contains("held out", StringComparison.Ordinal) || text.Contains("control", StringComparison.Ordinal)))
        {
            text = TreatmentNotHoldoutRegex().Replace(text, " in the treatment group ");
            text = NotTheHoldoutRegex().Replace(text, " ");
        }

        if (text.Contains(" matter ", StringComparison.Ordinal))
        {
            text = DoesNotMatterRegex().Replace(text, "");
        }

        if (text.Contains(" per conver", StringComparison.Ordinal))
        {
            text = PerConversionRegex().Replace(text, m => m.Value.Contains(" treatment ", StringComparison.Ordinal) ? "per conversions of the treatment group" : "per conversions");
        }

        return MultipleSpacesRegex().Replace(text, " ");
    }

    // "average lifetime spend per <place> customer": the place said inside "per ... customer" is a filter on the customers, said
    // as "per customer in <place>" (a value of the customers' place or acquisition source only).
    private static string PlaceInsidePerCustomer(string text, SemanticLayer layer)
    {
        if (!(text.Contains(" per ", StringComparison.Ordinal) || text.Contains(" single ", StringComparison.Ordinal)) || PerValueCustomerRegex().Match(text) is not { Success: true } m)
        {
            return text;
        }

        string value = m.Groups["v"].Value;
        string? preposition = null;
        foreach (LexiconEntry entry in layer.Lexicon.Entries)
        {
            if (entry.Kind == LexiconKind.Filter && entry.Phrase == value && entry.FilterDimension is { OnCustomers: true } d)
            {
                preposition = d.Role == DimensionRole.Place ? "in" : d.Role == DimensionRole.AcquisitionSource ? "from" : null;
                break;
            }
        }

        // A place's initials are read after a preposition only ("in the US").
        preposition ??= layer.Lexicon.Guarded.Any(g => g.Dimension.Role == DimensionRole.Place && g.Pattern.IsMatch(" in " + value + " ")) ? "in" : null;
        return preposition is null ? text : string.Concat(text.AsSpan(0, m.Index), $"{m.Groups["p"].Value} {m.Groups["n"].Value} {preposition} {value}", text.AsSpan(m.Index + m.Length));
    }

    /// <summary>A value of each customer that is not a total of rows: the span between two of their dates, or their largest order.</summary>
    /// <param name="Measure">The per-customer value (an aggregate grouped by customer).</param>
    /// <param name="NeedsRepeat">Whether it means something only for customers with two rows or more (first to last).</param>
    /// <param name="Repeat">The number of orders said of the customers ("for customers with 2+ orders"), or null.</param>
    private sealed record CustomerValue(MeasureDefinition Measure, bool NeedsRepeat, NumericComparison? Repeat = null)
    {
        /// <summary>Whether a value counted to the as-of instant said which instant ("as of the latest data"; QuestionParser.Recency.cs).</summary>
        public bool AsOfSaid { get; init; }
    }

    // "avg days between their first and last purchase", "how many days pass between a customer's acquisition date and their
    // first purchase", "per buyer, take their single largest order value; the average of those maxima": the phrase is said
    // as "orders" (so the rest reads as a statistic of each customer's orders), and the value replaces the orders after.
    private static string ReadCustomerValue(string text, SemanticLayer layer, out CustomerValue? value)
    {
        value = null;
        if (!text.Contains(" first ", StringComparison.Ordinal) && !text.Contains(" largest ", StringComparison.Ordinal) && !text.Contains(" biggest ", StringComparison.Ordinal)
            && !text.Contains(" max", StringComparison.Ordinal) && !text.Contains(" highest ", StringComparison.Ordinal) && !text.Contains(" since ", StringComparison.Ordinal))
        {
            return text;
        }

        if (layer.Fact(EntityKind.Orders) is not { Time: { } orderTime } orders || layer.Measure("orders") is not { Missing: null })
        {
            return text;
        }

        if (text.Contains(" since ", StringComparison.Ordinal))
        {
            // "days since their last order" (QuestionParser.Recency.cs).
            string since = ReadDaysSinceLast(text, orderTime, out value);
            if (value is not null)
            {
                return since;
            }
        }

        Match m;
        if ((m = FirstToLastRegex().Match(text)).Success)
        {
            Func<SqlDialect, string> time = orderTime;
            value = new CustomerValue(new MeasureDefinition("days_first_to_last_purchase", "days between the first and last purchase", EntityKind.Orders, MeasureFormat.Decimal,
                d => $"({d.EpochMicros($"MAX({time(d)})")} - {d.EpochMicros($"MIN({time(d)})")}) / 86400000000.0", [], false), true);
        }
        else if ((m = SignupToFirstRegex().Match(text)).Success && layer.Fact(EntityKind.Customers) is { Time: { } signup })
        {
            Func<SqlDialect, string> time = orderTime;
            value = new CustomerValue(new MeasureDefinition("days_signup_to_first_purchase", "days from sign-up to the first purchase", EntityKind.Orders, MeasureFormat.Decimal,
                d => $"({d.EpochMicros($"MIN({time(d)})")} - {d.EpochMicros($"MIN({signup(d)})")}) / 86400000000.0", [], false) { NeedsCustomers = true }, false);
        }
        else if ((m = LargestOrderRegex().Match(text)).Success && layer.IdColumn(EntityKind.Orders) is null
            && layer.Measure("average_order_value") is { Missing: null, EachRow: { } each })
        {
            // One row is one order (entities.orders.id_unique): each buyer's largest order is the largest row value.
            value = new CustomerValue(new MeasureDefinition("largest_order_value", "largest order value", EntityKind.Orders, MeasureFormat.Money,
                d => $"MAX({each.Sql(d)})", [], false), false);
            text = StatisticOfThoseRegex().Replace(text, m2 => m2.Groups["s"].Value + new string(' ', m2.Length - m2.Groups["s"].Length));
            m = LargestOrderRegex().Match(text);
        }
        else
        {
            return text;
        }

        _ = orders;
        if (value.NeedsRepeat && RepeatCustomersRegex().Match(text) is { Success: true } repeat)
        {
            // "for custs with 2+ orders", "among repeat buyers": the customers with at least that many orders, said apart
            // (a statistic reads its customers' nouns away, and the count would then be read of each order).
            double n = repeat.Groups["n"].Success ? (LanguageWords.TryReadCountWord(repeat.Groups["n"].Value, out int word) ? word : double.Parse(repeat.Groups["n"].Value, System.Globalization.CultureInfo.InvariantCulture)) : 1;
            bool atLeast = repeat.Groups["least"].Success;
            value = value with { Repeat = new NumericComparison(atLeast ? ComparisonOperator.GreaterOrEqual : ComparisonOperator.Greater, n, null, repeat.Value.Trim(), false) };
            text = string.Concat(text.AsSpan(0, repeat.Index), " customers ", new string(' ', repeat.Length), text.AsSpan(repeat.Index + repeat.Length));
            m = (value.Measure.Name == "days_first_to_last_purchase" ? FirstToLastRegex() : SignupToFirstRegex()).Match(text);
        }

        return string.Concat(text.AsSpan(0, m.Index), "orders", new string(' ', Math.Max(1, m.Length - "orders".Length)), text.AsSpan(m.Index + m.Length));
    }

    // "with 2+ orders", "who have made at least 2 purchases", "repeat buyers", "who ordered more than once".
    [GeneratedRegex(@"(?<= )(?:(?:customers|buyers|shoppers|people|ones) )?(?:(?:with|who have|who made|who have made|who placed|who have placed|having|that have|that made) (?:(?<least>at least|a minimum of) |more than |over )?(?<n>\d{1,3}|" + LanguageWords.CountWordPattern + @")(?<least> or more)? (?:orders|purchases|transactions)|repeat (?:buyers|customers|purchasers|shoppers)|(?:who|that) (?:have )?(?:bought|ordered|purchased|shopped) more than once)(?= )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex RepeatCustomersRegex();

    // Whether a condition keeps only customers with two rows or more of the value's table ("with 2+ orders", "repeat buyers").
    private static bool KeepsRepeatCustomers(AnalyticsQuery query) =>
        query.Conditions.Any(c => !c.Negated && c.Measure.Fact == EntityKind.Orders && c.Measure.Format == MeasureFormat.Count && c.Filters.Count == 0 && c.Comparison is { } k
            && (k.Operator == ComparisonOperator.GreaterOrEqual ? k.Value >= 2 : k.Operator == ComparisonOperator.Greater ? k.Value >= 1 : k.Operator == ComparisonOperator.Between && k.Value >= 2));

    /// <summary>The number of campaigns each customer was in, compared with a number ("held out in 3 or more campaigns").</summary>
    private sealed record CampaignCount(NumericComparison Comparison, string? Arm, string Phrase)
    {
        /// <summary>Whether the customers were in none of the campaigns ("never in a <c>&lt;type&gt;</c> campaign").</summary>
        public bool Negated { get; init; }
    }

    private static readonly HashSet<string> CampaignCountContext = new(StringComparer.Ordinal)
    {
        "in", "of", "by", "part", "been", "were", "was", "have", "has", "had", "are", "is", "the", "a", "who", "that", "treatment", "control", "holdout",
        "held", "out", "group", "groups", "arm", "arms", "received", "receive", "got", "sent", "included", "enrolled", "contacted", "reached", "across",
    };

    // "customers who were held out (control group) in 3 or more campaigns", "in the treatment group of at least 2 campaigns",
    // "who received 5+ campaigns", "customers in more than 4 campaigns": a count of campaigns per customer compared with a
    // number, and the group said before it (treatment, control, or either). Read before the comparisons take the number.
    private static string ReadCampaignCount(string text, out CampaignCount? count, out string? decline)
    {
        count = null;
        decline = null;
        if (!text.Contains(" campaign", StringComparison.Ordinal))
        {
            return text;
        }

        if (NeverInValuedCampaignRegex().Match(text) is { Success: true } never)
        {
            // "who have never been in an <campaign type> campaign", "never part of any <trigger> campaign": no row of those
            // campaigns (in the group said); the values are left for the vocabulary, with the noun.
            string? group = never.Groups["arm"].Success ? never.Groups["arm"].Value + "_group" : null;
            count = new CampaignCount(new NumericComparison(ComparisonOperator.GreaterOrEqual, 1, null, "at least 1", false), group, never.Value.Trim()) { Negated = true };
            int stop = never.Groups["mid"].Index - 1;
            return string.Concat(text.AsSpan(0, never.Index), new string('#', stop - never.Index), text.AsSpan(stop));
        }

        if (CampaignCountRegex().Match(text) is not { Success: true } m)
        {
            return text;
        }

        // The words before the count, back to the first that is not about being in a campaign.
        string[] before = text[..m.Index].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        int k = before.Length;
        while (k > 0 && CampaignCountContext.Contains(before[k - 1]))
        {
            k--;
        }

        string[] context = before[k..];
        if (!context.Any(w => w is "in" or "of" or "part" or "received" or "receive" or "got" or "sent" or "held" or "holdout" or "included" or "enrolled" or "contacted" or "reached"))
        {
            return text;
        }

        bool treatment = context.Any(w => w is "treatment" or "received" or "receive" or "got" or "sent" or "contacted" or "reached");
        bool control = context.Any(w => w is "control" or "holdout" or "held");
        string said = string.Join(' ', context) + " " + m.Value.Trim();
        if (treatment && control)
        {
            decline = $"\"{said}\" names both the treatment and the control group; ask for one group, or for campaigns in either group";
            return text;
        }

        double n = LanguageWords.TryReadCountWord(m.Groups["n"].Value, out int word) ? word : double.Parse(m.Groups["n"].Value, System.Globalization.CultureInfo.InvariantCulture);
        string op = m.Groups["op"].Success ? m.Groups["op"].Value.Trim() : m.Groups["more"].Success ? m.Groups["more"].Value.Trim() : "";
        ComparisonOperator? comparison = op switch
        {
            "at least" or "or more" or "no fewer than" or "no less than" => ComparisonOperator.GreaterOrEqual,
            "more than" or "over" => ComparisonOperator.Greater,
            "exactly" => ComparisonOperator.Between,
            _ => null,
        };
        if (comparison is null)
        {
            // "fewer than 3 campaigns" could count the customers in no campaign or not; "in 3 campaigns" exactly or at least.
            decline = op.Length == 0
                ? $"\"{said}\": exactly {n} campaigns, or at least {n}? Ask \"in at least {n} campaigns\" or \"in exactly {n} campaigns\""
                : $"\"{said}\": an upper bound on the campaigns of each customer is not offered (would customers in no campaign count?); ask for \"at least\" or \"more than\"";
            return text;
        }

        if (m.Groups["noun"].Value == "campaign" && n != 1)
        {
            return text;
        }

        // The words between the number and the noun ("at least one <campaign type> campaign") are left for the vocabulary,
        // with the noun they end with; they become the condition's filters.
        int start = k == before.Length ? m.Index : text.LastIndexOf(" " + string.Join(' ', context) + " ", m.Index, StringComparison.Ordinal) + 1;
        int end = m.Groups["mid"].Length > 0 ? m.Groups["mid"].Index - 1 : m.Index + m.Length;
        count = new CampaignCount(new NumericComparison(comparison.Value, n, comparison == ComparisonOperator.Between ? n : null, m.Value.Trim(), false), treatment ? SemanticLayer.TreatmentGroup : control ? SemanticLayer.ControlGroup : null, said);
        return string.Concat(text.AsSpan(0, start), new string('#', end - start), text.AsSpan(end));
    }

    // The customers whose number of campaigns (in the group said) passes the comparison: a condition on a count of customers.
    private static ParsedQuestion ApplyCampaignCount(SemanticLayer layer, ParsedQuestion parsed, CampaignCount? count)
    {
        if (count is null || parsed.Query is not { } query)
        {
            return parsed;
        }

        // The campaigns' own values said with the count ("at least one <campaign type> campaign") pick the campaigns counted.
        List<QueryFilter> onSends = [.. query.Filters.Where(f => layer.Dimension(f.Dimension) is { OnCustomers: false } d && d.Columns.Count > 0 && d.Columns.All(c => c.Fact == EntityKind.CampaignSends))];
        // "exclusivity seekers who were never in a <type> campaign": the members counted are customers with that condition.
        if (query.Measure is { Membership: not null } flag && !ReferenceEquals(flag, layer.CustomerCount) && layer.Fact(flag.Fact) is { IsCustomerGrain: true })
        {
            query = query with { Measure = layer.CustomerCount, Conditions = [.. query.Conditions, new CustomerCondition(flag, [], AnyRow, null, false)] };
        }

        if (query is not { Share: false, Ratio: null, FilterRatio: null, ComparedTime: null, Time: null, Having: null, RowComparison: null, Statistic: null } || !ReferenceEquals(query.Measure, layer.CustomerCount)
            || query.Dimension is { OnCustomers: false } || query.Filters.Any(f => !onSends.Contains(f) && layer.Dimension(f.Dimension) is not { OnCustomers: true })
            || onSends.Exists(f => f.Negated) || query.Conditions.Any(c => c.Measure.Fact == EntityKind.CampaignSends && !(count.Arm is null && c.Measure.Name == "campaign_members" && !c.Negated)))
        {
            return ParsedQuestion.Unplaced($"\"{count.Phrase}\" is read on a count of {People(layer)} (with filters on the {People(layer)}), over all time, as in \"how many {People(layer)} were in the control group of 3 or more campaigns\"");
        }

        if (layer.Dimension("campaign_id") is not { Missing: null } campaign || layer.CampaignArm is not { } arm || layer.Fact(EntityKind.CampaignSends) is not { } sends)
        {
            return ParsedQuestion.Unplaced("the campaigns of each customer need campaign sends with a campaign id and a treatment and control group mapped");
        }

        Func<SqlDialect, string> id = campaign.Columns[0].Sql;
        Func<SqlDialect, string> group = arm.Columns[0].Sql;
        string? armName = count.Arm;
        string label = armName switch
        {
            SemanticLayer.TreatmentGroup => "number of campaigns they were sent (treatment group)",
            SemanticLayer.ControlGroup => "number of campaigns they were held out of (control group)",
            _ => "number of campaigns they were in (treatment or control group)",
        };
        MeasureDefinition campaigns = new($"{armName ?? "any"}_campaign_count", label, EntityKind.CampaignSends, MeasureFormat.Count,
            d => armName is null ? d.CountDistinctFew(id(d), sends.Table, sends.Alias) : $"COUNT(DISTINCT CASE WHEN {group(d)} = {d.Parameter(armName)} THEN {id(d)} END)", [], false)
        {
            Counted = armName is null ? null : new(d => $"{group(d)} = {d.Parameter(armName)}", d => $"COUNT(DISTINCT {id(d)})"),
        };
        List<CustomerCondition> conditions = [.. query.Conditions.Where(c => !(c.Measure.Name == "campaign_members" && !c.Negated))];
        onSends.AddRange(query.Conditions.Where(c => c.Measure.Name == "campaign_members" && !c.Negated).SelectMany(c => c.Filters).Where(f => !onSends.Contains(f)));
        if (count.Negated && onSends.Count == 0)
        {
            return ParsedQuestion.Unplaced($"\"{count.Phrase}\": which campaigns? Name them (a campaign type, a trigger or a campaign), or ask \"never in any campaign\"");
        }

        return parsed with { Query = query with { Filters = [.. query.Filters.Where(f => !onSends.Contains(f))], Conditions = [.. conditions, new CustomerCondition(campaigns, onSends, count.Comparison, null, count.Negated)] } };
    }

    [GeneratedRegex(@"(?<= )actually (?=(?:received|receive|got|get|were|was|did|converted|convert|bought|purchased|ordered|made|spent|placed|in|part) )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex ActuallyRegex();

    // "at least one past campaign", "across all the past campaigns": the campaigns in the data are all past ones.
    [GeneratedRegex(@"(?<= )(?:past|previous|prior|earlier|historical|historic) (?=campaigns? )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex PastCampaignsRegex();

    // "of the campaigns sent in 2026" is a scope that may be dropped only when the measure is itself one of the campaigns'
    // (a conversion, an uplift, a send, attributed revenue); "revenue of campaigns sent this year" is not the store's revenue
    // this year, so the words stay and the question is read (or declined) with them.
    private static bool SaysACampaignMeasure(string text) => Array.Exists(CampaignMeasureWords, word => text.Contains(word, StringComparison.Ordinal));

    private static readonly string[] CampaignMeasureWords = [" conver", " uplift", " lift", " sends", " attributed", " treatment", " treated", " control",
        " holdout", " held out", " recipients", " received"];

    // "which country converted best": the best at converting is the highest rate, not the most conversions (the biggest
    // country has the most of everything); "converted the most" stays a count.
    [GeneratedRegex(@"(?<= )(?:converted|converts|convert|converting) (?:the )?best(?= )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex ConvertedBestRegex();

    // "conversion rate for campaigns sent in the last 90 days", "across all campaigns sent in 2026": the sends' range, the
    // campaigns a scope (not a breakdown by campaign); "revenue from campaigns sent in 2026" as "from campaigns in 2026".
    [GeneratedRegex(@"(?<= )(?:(?<scope>(?:for|across|over|in|among|(?<!(?:number|count|total) )of) (?:all )?(?:of )?(?:the |our )?)(?=campaigns ))?(?<!(?:how many|number of|count of|different|distinct|unique) )campaigns (?:that (?:were |we )?|which (?:were |we )?|we )?(?:sent|send|ran|run|launched)(?= (?:in|during|since|over|within|last|this|between|from) )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex CampaignsSentInRegex();

    // "i.e. treatment not holdout", "treatment group only, not the control group": the treatment group, said once.
    [GeneratedRegex(@"(?<= )(?:(?:i e|ie|that is|meaning|so|namely) )?(?:the |in the |in )?(?:treatment|treated)(?: group| arm)?(?: only)? (?:and |but |so )?(?:not|rather than|excluding|instead of) (?:the |in the |in )?(?:holdout|hold out|held out|control)(?: group| arm| customers)?(?!(?: group| arm| customers)? (?:of|for|in|on|from) )(?= )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex TreatmentNotHoldoutRegex();

    // "received the X campaign, not the holdout": received is the treatment group already.
    [GeneratedRegex(@"(?<= (?:received|receive|got|sent)(?: [a-z0-9#]+){0,8}) (?:(?:but|and) )?(?:not|excluding|except) (?:the |in the )?(?:holdout|hold out|held out|control)(?: group| arm| customers)?(?!(?: group| arm| customers)? (?:of|for|in|on|from) )(?= )", RegexOptions.None, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex NotTheHoldoutRegex();

    // "(treatment or control, doesn't matter)": the words after the groups add nothing ("either group" reads the groups).
    [GeneratedRegex(@"(?<=(?:control|group|groups|arm|arms) )(?:it )?(?:" + LanguageWords.DoesNotPattern + "|" + LanguageWords.DoNotPattern + @") matter(?= )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex DoesNotMatterRegex();

    // "attributed revenue per converted treatment customer", "revenue per conversion": per conversion (the treatment group's).
    [GeneratedRegex(@"(?<= )per (?:conversion|converted (?:treatment (?:group )?)?(?:customer|customers|recipient|recipients|send|sends|member|person))(?= )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex PerConversionRegex();

    // "for each <trigger> campaign, the lift": the campaigns of that trigger, each one (a breakdown by campaign).
    [GeneratedRegex(@"(?<= )(?:for |in |of )?(?:each|every) (?<v>(?:(?!the |a |an |of |in |campaign )[a-z]+ ){1,4})campaign(?= )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex EachValueCampaignRegex();

    // "the biggest lift (..., pooled over its campaigns)": the measure over every campaign of the group already.
    [GeneratedRegex(@"(?<= )(?:pooled (?:over|across) (?:its|their|all|the|all its|all their)|(?:across|over) (?:all )?(?:of )?its) campaigns(?= )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex PooledOverItsCampaignsRegex();

    // "which trigger type shows the biggest lift": has.
    [GeneratedRegex(@"(?<= )(?:shows|showed|sees|saw)(?= (?:the )?(?:biggest|highest|largest|best|lowest|smallest|most|least|worst|strongest|weakest|greatest) )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex ShowsTheMostRegex();

    // "converted in a 2026 campaign", "received in any campaign": any campaign (of that year), not a breakdown by campaign.
    [GeneratedRegex(@"(?<=(?:convert|converted|converting|conversions|received|receive|sent|sends) (?:[a-z0-9#]+ ){0,8})(?:in|from|during|through|via) (?:a|any|one) (?:(?<y>20\d\d) )?campaign(?= )", RegexOptions.None, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex InACampaignRegex();

    // "customers who got the X campaign", "actually got the X send": received.
    [GeneratedRegex(@"(?<=(?:customers|custs|people|shoppers|users|members|buyers|who|that|have|has|had) (?:actually |ever )?)(?:got|get|gotten|were sent|was sent)(?= (?:[a-z0-9#]+ ){1,8}(?:campaign|send|promotion|promo)s? )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex GotCampaignRegex();

    // "received the X send": the campaign.
    [GeneratedRegex(@"(?<=(?:received|receive) (?:[a-z0-9#]+ ){1,8})send(?= )", RegexOptions.None, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex ReceivedSendRegex();

    // "held out as control in X": in the control group of X.
    [GeneratedRegex(@"(?<= )(?:were |was )?held out (?:as |in )?(?:the )?(?:control|holdout)(?: group| arm| customers)?(?= )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex HeldOutAsControlRegex();

    // "converted after getting a free shipping offer": a conversion is after the send already.
    [GeneratedRegex(@"(?<=(?:converted|convert|converting) )after (?:getting|receiving|being sent|they got|they received)(?= )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex ConvertedAfterRegex();

    // "attributed revenue per treated customer": per send of the treatment group (a customer is in a campaign once).
    [GeneratedRegex(@"(?<= )per (?:treated|treatment(?: group)?) (?:customer|customers|recipient|recipients|member|person|send|sends)(?= )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex PerTreatedRegex();

    // "per US customer", "per paid search buyer": one to three words between "per" and the customer noun.
    [GeneratedRegex(@"(?<= )(?<p>per|any single|a single) (?<v>[a-z]+(?: [a-z]+){0,2}) (?<n>customer|buyer|shopper|client)(?= )", RegexOptions.None, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex PerValueCustomerRegex();

    // "(how many) days (pass) between their first and last purchase", "the number of days from a customer's first order to
    // their most recent one".
    [GeneratedRegex(@"(?<= )(?:(?:how many|number of|the number of) )?days? (?:(?:that )?(?:pass|passed|elapse|elapsed|go by|went by|are there|there are) )?(?:between|from) (?:(?:their|the|a customer s|each customer s|a buyer s|each buyer s|his or her|its|customers) )?first (?:purchase |order |transaction )?(?:and|to|until|till) (?:their |the |his or her |its )?(?:last|latest|most recent|final) (?:purchase|order|transaction|one)s?(?: dates?)?(?= )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex FirstToLastRegex();

    // "how many days pass between a customer's acquisition date (created_at) and their first purchase", "days from sign-up to
    // first order".
    [GeneratedRegex(@"(?<= )(?:(?:how many|number of|the number of) )?days? (?:(?:that )?(?:pass|passed|elapse|elapsed|go by|went by|does it take|did it take|it takes|it took) )?(?:between|from) (?:(?:their|the|a customer s|each customer s|his or her|its|customers) )?(?:sign ?up|signup|signing up|registration|registering|acquisition|account creation|creation|joining|join date|created at)(?: dates?| date created at| created at)? (?:and|to|until|till|before) (?:their |the |his or her |its )?first (?:purchase|order|transaction)s?(?= )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex SignupToFirstRegex();

    // "their single largest order value", "each buyer's biggest order", "max order value per customer".
    [GeneratedRegex(@"(?<= )(?:(?:take|taking) )?(?:(?:their|each customer s|each buyer s|a customer s|a buyer s|the customer s|the buyer s|each) )?(?:single |own )?(?:largest|biggest|highest|max|maximum) (?:single )?(?:order|purchase|transaction)(?: value| amount| size| total)?s?(?= )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex LargestOrderRegex();

    // "what is the average of those maxima", "the median of these": the statistic said of the values just named.
    [GeneratedRegex(@"(?<= )(?:what is |whats |and |then )?(?:the )?(?<s>average|avg|mean|median) (?:of )?(?:those|these|them|the|all)(?: maxima| maximums| values| amounts| largest orders| biggest orders)?(?= )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex StatisticOfThoseRegex();

    // "who have never been in an <type> campaign", "never part of any <trigger> campaigns", "never in the control group of a <type> campaign".
    [GeneratedRegex(@"(?<= )(?:(?:who|that) )?(?:(?:have|has|had|were|was) )?(?:never|not) (?:ever )?(?:been )?(?:(?:included|enrolled|placed|put|targeted) )?(?:in|into|part of) (?:the (?<arm>treatment|control) group of )?(?:any|a|an|a single) (?<mid>(?:(?!campaign)[a-z]+ ){1,4})campaigns?(?= )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex NeverInValuedCampaignRegex();

    // "3 or more campaigns", "at least 2 campaigns", "more than 4 different campaigns".
    [GeneratedRegex(@"(?<= )(?<op>(?:at least|more than|over|fewer than|less than|at most|exactly|no more than|no fewer than|no less than|up to) )?(?<n>\d{1,4}|" + LanguageWords.CountWordPattern + @")(?<more> or more| or fewer| or less)? (?:different |distinct |separate |unique )?(?<mid>(?:[a-z]+ ){0,4}?)(?<noun>campaigns|campaign)(?= )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex CampaignCountRegex();
}
