using System.Text.RegularExpressions;
using AetherSegment.Data;
using AetherSegment.Profiles;

namespace AetherSegment.Analytics;

/// <content>
/// Statistics over values, read only where the rest of the parser declined: each customer's total ("the median total
/// spend of &lt;city&gt; customers who have bought something", "the most sessions any one customer has had") and each row's
/// value ("median order value").
/// </content>
internal static partial class QuestionParser
{
    // The measures whose per-customer total is offered besides the additive ones (the campaigns a customer was in).
    private static readonly HashSet<string> PerCustomerExtras = new(StringComparer.Ordinal) { "campaign_count" };

    // "median order value", "the biggest total spend by a single customer", "on average, how many different categories
    // has each buyer purchased from": one statistic word, and what it is of. Null when the question is not one of these
    // (the caller keeps its own reason); a reading that needs the customers counted said is asked back.
    private static ParsedQuestion? ReadStatistic(string question, SemanticLayer layer, IReadOnlyList<string>? campaignNames, IReadOnlyList<string>? campaignIds)
    {
        string text = Rephrase(QuestionText.Normalize(question));

        // "avg days between their first and last purchase", "the average of each buyer's largest order" (QuestionParser.CustomersAndCampaigns.cs).
        text = ReadCustomerValue(PlaceInsidePerCustomer(text, layer), layer, out CustomerValue? customerValue);
        List<StatisticKind> kinds = [.. StatisticWordRegex().Matches(text).Select(m => Kind(m)).Distinct()];
        if (kinds is not [StatisticKind kind])
        {
            return null;
        }

        if (kind == StatisticKind.Median && customerValue is null && RowMedian(text, layer, campaignNames, campaignIds) is { } rowMedian)
        {
            return rowMedian;
        }

        // Who is counted: the customers with at least one row of a table ("who have bought something", "per buying
        // customer", "who were in at least one campaign"), or every customer in the filters.
        EntityKind? withRows = null;
        bool single = false;
        bool perCustomer = false;

        // "with at least one such session": the customers with at least one of the rows counted (QuestionParser.PerCustomerBases.cs).
        string? sameRows = null;
        text = Consume(text, SameRowsBaseRegex(), m =>
        {
            sameRows = m.Groups["n"].Value;
            withRows = withRows is null or EntityKind.Events ? EntityKind.Events : EntityKind.Customers;
        });
        text = Consume(text, BuyersBaseRegex(), _ => withRows = withRows is null or EntityKind.Orders ? EntityKind.Orders : EntityKind.Customers);
        text = Consume(text, CampaignsBaseRegex(), _ => withRows = withRows is null or EntityKind.CampaignSends ? EntityKind.CampaignSends : EntityKind.Customers);
        text = Consume(text, SessionsBaseRegex(), _ => withRows = withRows is null or EntityKind.Events ? EntityKind.Events : EntityKind.Customers);
        text = Consume(text, EventsBaseRegex(), _ => withRows = withRows is null or EntityKind.Events ? EntityKind.Events : EntityKind.Customers);
        text = Consume(text, SingleCustomerRegex(), m =>
        {
            single = true;
            if (m.Groups["buyer"].Success)
            {
                withRows = withRows is null or EntityKind.Orders ? EntityKind.Orders : EntityKind.Customers;
            }
        });
        text = Consume(text, PerCustomerNounRegex(), m =>
        {
            perCustomer = true;
            if (m.Groups["buyer"].Success)
            {
                withRows = withRows is null or EntityKind.Orders ? EntityKind.Orders : EntityKind.Customers;
            }
        });
        // A base with a condition not read above ("among customers with a wishlist") is never dropped: unless the rest reads
        // it as a condition or a filter on the customers, the question is declined below.
        Match unread = UnreadBase(text);

        bool customersSaid = false;
        text = Consume(text, CustomerNounsRegex(), m =>
        {
            customersSaid = true;
            if (m.Groups["buyer"].Success)
            {
                withRows = withRows is null or EntityKind.Orders ? EntityKind.Orders : EntityKind.Customers;
            }
        });
        if (customerValue is not null)
        {
            // A customer without orders has no first purchase and no largest order: the value is over the buyers.
            withRows ??= EntityKind.Orders;
            withRows = withRows == EntityKind.Orders ? withRows : EntityKind.Customers;
        }

        if (withRows == EntityKind.Customers)
        {
            // Two different "with at least one" tables: not read.
            return null;
        }

        // A maximum or minimum is of one customer ("by a single customer", "any one customer", "each customer"); a median
        // or an average of the customers said anywhere ("of <city> customers", "per buyer").
        if (!(single || perCustomer || ((customersSaid || withRows is not null) && kind is StatisticKind.Median or StatisticKind.Average)))
        {
            return null;
        }

        // "how many different categories has each buyer purchased from": the number of distinct values of a product level.
        MeasureDefinition? distinct = null;
        foreach (DimensionDefinition level in layer.Dimensions.Where(d => d.Role == DimensionRole.Taxonomy && d.Missing is null && d.Columns.Any(c => c.Fact == EntityKind.Orders)))
        {
            Match named = DistinctLevelSaid(text, level, layer);
            if (named.Success && layer.Fact(EntityKind.Orders) is { } orders)
            {
                Func<SqlDialect, string> column = level.Columns.First(c => c.Fact == EntityKind.Orders).Sql;
                distinct = new($"distinct_{level.Key}", $"different {level.PluralLabel} bought", EntityKind.Orders, MeasureFormat.Count,
                    d => d.CountDistinctFew(column(d), orders.Table, orders.Alias), [], false);
                text = string.Concat(text.AsSpan(0, named.Index), "orders", new string(' ', Math.Max(0, named.Length - "orders".Length)), text.AsSpan(named.Index + named.Length));
                break;
            }
        }

        if (distinct is not null && withRows is null)
        {
            // "the distinct categories a customer has bought from": over the buyers; without a base word either reading is
            // natural, so it is asked back.
            if (!DistinctLevelOverBuyers(text))
            {
                return ParsedQuestion.Unplaced($"the average number of {distinct.Label} per customer: over the customers who bought (ask \"per buyer\") or over every customer, those who never bought counting as zero? Say which");
            }

            withRows = EntityKind.Orders;
        }

        if (distinct is not null)
        {
            // "how many different categories does a buyer purchase from": the verb of the levels bought adds nothing.
            text = PurchaseFromRegex().Replace(text, m => new string(' ', m.Length));
        }

        text = Consume(text, StatisticWordRegex(), _ => { });
        text = TypicalRegex().Replace(text, m => new string(' ', m.Length));
        ParsedQuestion rest = Parse(text.Replace("#", "", StringComparison.Ordinal), layer, campaignNames, campaignIds, legacy: false);
        if (rest.Query is not { Share: false, Ratio: null, FilterRatio: null, ComparedTime: null, Having: null, RowComparison: null, Statistic: null } query
            || rest.Status != AnalyticsAnswerStatus.Answered || !StatisticBreakdown(query))
        {
            return null;
        }

        if (unread.Success && query.Conditions.Count == 0 && !query.Filters.Any(f => layer.Dimension(f.Dimension)?.OnCustomers == true))
        {
            return ParsedQuestion.Unplaced($"\"{unread.Value.Replace("#", "", StringComparison.Ordinal).Trim()} ...\" names the customers the {WordOf(kind)} is over, which I could not read; ask \"among customers who bought\", \"with at least one session\" or over every customer");
        }

        MeasureDefinition of = query.Measure;
        if (distinct is not null)
        {
            if (of.Name != "orders")
            {
                return null;
            }

            of = distinct;
        }

        if (customerValue is not null)
        {
            if (of.Name != "orders" || distinct is not null)
            {
                return null;
            }

            of = customerValue.Measure;
            if (customerValue.Repeat is { } repeat && layer.Measure("orders") is { } orders)
            {
                query = query with { Conditions = [.. query.Conditions, new CustomerCondition(orders, [], repeat, null, false)] };
            }

            if (of.UsesAsOf && (query.Time is not null || kind is not (StatisticKind.Average or StatisticKind.Median)))
            {
                // "days since the last purchase" counts to the as-of instant: a range would be the orders' or the days'.
                return ParsedQuestion.Unplaced($"the average or median {of.Label} per buyer is offered over all time, counted to the latest data; ask without a time range");
            }

            if (of.UsesAsOf && !customerValue.AsOfSaid)
            {
                // "days since their last order" counts to "now": the data's latest instant or the day it is asked are both
                // natural (the blind sets' truths used either), so it is asked back (QuestionParser.Recency.cs).
                return ParsedQuestion.Unplaced($"{of.Label} counted to which instant? To the latest data (ask \"... {of.Label} as of the latest data\"), or to another date, which I do not read; say which");
            }

            if (customerValue.NeedsRepeat && !KeepsRepeatCustomers(query))
            {
                return ParsedQuestion.Unplaced($"{of.Label} of which customers? Over the customers with at least 2 orders (ask \"for customers with 2 or more orders, average {of.Label}\"), or every buyer, one order counting as 0 days? Say which");
            }
        }

        if (of.Missing is not null || layer.Fact(of.Fact) is not { IsCustomerGrain: false } || of.Name is "customers" or "buyers"
            || !(of.Additive || PerCustomerExtras.Contains(of.Name) || distinct is not null || customerValue is not null))
        {
            return null;
        }

        // "average sessions per buyer": the customers with rows of another table are a condition on the customers, each
        // counted with their own total (zero without rows); over all time only.
        bool withRowsOnly = withRows is not null;
        bool baseCondition = false;
        if (withRows is { } rowsOf && rowsOf != of.Fact)
        {
            MeasureDefinition? rowsMeasure = rowsOf switch
            {
                EntityKind.Orders => layer.Measure("buyers"),
                EntityKind.CampaignSends => layer.Measure("campaign_sends"),
                EntityKind.Events => layer.Measure("events"),
                _ => null,
            };
            if (query.Time is not null || rowsMeasure is not { Missing: null })
            {
                return ParsedQuestion.Unplaced($"each customer's {of.Label} over the customers with rows of another table is offered without a time range only (the range could be the {of.Label}' or the other rows'); ask it over all time or over all customers");
            }

            query = query with { Conditions = [.. query.Conditions, new CustomerCondition(rowsMeasure, [], null, null, false)] };
            withRowsOnly = false;
            baseCondition = true;
        }

        // "the median lifetime spend of customers who bought in the last 90 days": the range could be the buyers' or the
        // spend's; asked back.
        if (query.Time is not null && LifetimeRegex().IsMatch(QuestionText.Normalize(question)))
        {
            return ParsedQuestion.Unplaced($"\"lifetime\" with a time range: each customer's {of.Label} over all time, or only in the range? Ask \"... in <range>\" without \"lifetime\" for the range, or without the range for all time");
        }

        // Conditions pick the customers over all time; with a time range on the totals that would mix two periods.
        if (query.Conditions.Count > 0 && query.Time is not null)
        {
            return ParsedQuestion.Unplaced($"a statistic of each customer's {of.Label} with both a condition on the customers and a time range is not offered; ask with one of them");
        }

        // "sessions per customer on the web, among customers with web sessions": the base is the rows counted, so the
        // measure must be what the base names.
        if (sameRows is not null && !(of.Fact == EntityKind.Events && (sameRows == "event" || of.Name == "sessions")))
        {
            return ParsedQuestion.Unplaced($"the customers with at least one such {sameRows}: I read {of.Label} per customer, which the base does not count; ask \"among customers with at least one {sameRows}\" without the value, or over every customer");
        }

        bool rowFilters = query.Filters.Any(f => layer.Dimension(f.Dimension)?.OnCustomers != true);
        if (rowFilters && withRows is not null && sameRows is null && !RowValuesSaidOnBoth(question, query, layer, withRows, of.Fact))
        {
            return ParsedQuestion.Unplaced($"\"{string.Join(", ", query.Filters.Where(f => layer.Dimension(f.Dimension)?.OnCustomers != true).Select(f => f.Phrase))}\" could pick the customers counted or only the {of.Label} totalled; ask one of them");
        }

        // "the biggest order by a single customer" is the largest order's value, not the most orders: a count's highest or
        // lowest is read only when it is said as a count ("the most orders", "the highest number of orders", "how many").
        if (kind is StatisticKind.Maximum or StatisticKind.Minimum && of.Format == MeasureFormat.Count && distinct is null
            && !CountSaidRegex().IsMatch(QuestionText.Normalize(question)))
        {
            return null;
        }

        if (kind == StatisticKind.Minimum && withRows is null)
        {
            return ParsedQuestion.Unplaced($"the lowest {of.Label} of a customer over all customers is zero for anyone with none; ask \"among customers who have {(of.Fact == EntityKind.Orders ? "bought something" : "any " + of.Label)}\" for the lowest of those with some");
        }

        string word = kind switch
        {
            StatisticKind.Median => "median",
            StatisticKind.Maximum => "highest",
            StatisticKind.Minimum => "lowest",
            _ => "average",
        };
        string total = customerValue is not null ? of.Label : of.Format == MeasureFormat.Count ? "number of " + of.Label : "total " + of.Label;
        string time = query.Time is null ? "" : " in the time range";
        string who = sameRows is not null ? $"the customers with at least one of the {of.Label} counted{time}" : (baseCondition ? null : withRows) switch
        {
            EntityKind.Orders => $"the customers who bought{time}",
            EntityKind.CampaignSends => $"the customers who were in at least one campaign{time}",
            EntityKind.Events => $"the customers with at least one event{time}",
            EntityKind.Carts => $"the customers with at least one abandoned cart{time}",
            _ => "every customer in scope, those with none counting as zero",
        };
        MeasureFormat format = of.Format == MeasureFormat.Count && kind is StatisticKind.Median or StatisticKind.Average ? MeasureFormat.Decimal : of.Format;
        // A count's highest or lowest reads as the count ("number of sessions of the customer with the most").
        string label = of.Format == MeasureFormat.Count && kind is StatisticKind.Maximum or StatisticKind.Minimum
            ? $"{total} of the customer with the {(kind == StatisticKind.Maximum ? "most" : "fewest")}"
            : $"{word} {total} per customer";
        MeasureDefinition statistic = new($"{word}_{of.Name}_per_customer", label, of.Fact, format, of.Expression, [], false)
        {
            Population = customerValue is not null ? $" (each customer's own {of.Label}, over {who})"
                : kind == StatisticKind.Maximum && withRows is null ? " (each customer's own total)" : $" (each customer's own total, over {who})",
        };
        return new ParsedQuestion(AnalyticsAnswerStatus.Answered, query with { Measure = statistic, Statistic = new MeasureStatistic(kind, of) { WithRowsOnly = withRowsOnly } }, null);
    }

    // "median order value", "median cart value of <city> customers": the measure averaged per row, with its median instead,
    // where one row is one of what it counts (the ids are unique per row).
    private static ParsedQuestion? RowMedian(string text, SemanticLayer layer, IReadOnlyList<string>? campaignNames, IReadOnlyList<string>? campaignIds)
    {
        // "median spend" could be of an order or of a customer: only a value said ("order value", "cart value") is a row's.
        if (!text.Contains(" value ", StringComparison.Ordinal))
        {
            return ScoreMedian(text, layer, campaignNames, campaignIds);
        }

        string averaged = StatisticWordRegex().Replace(text, m => m.Value == "median" ? "average" : m.Value);
        ParsedQuestion parsed = Parse(averaged, layer, campaignNames, campaignIds, legacy: false);
        if (parsed is not { Status: AnalyticsAnswerStatus.Answered, Query: { Share: false, Ratio: null, FilterRatio: null, ComparedTime: null, Statistic: null } query }
            || query.Measure is not { Name: "average_order_value" or "average_cart_value", EachRow: { } each, Missing: null } measure
            || (measure.Name == "average_order_value" && layer.IdColumn(measure.Fact) is not null))
        {
            return null;
        }

        string label = "median " + measure.Label.Replace("average ", "", StringComparison.Ordinal);
        MeasureDefinition median = measure with { Name = "median_" + measure.Name.Replace("average_", "", StringComparison.Ordinal), Label = label, Synonyms = [], EachRow = null, Population = $" (the middle of each {(measure.Fact == EntityKind.Orders ? "order" : "abandoned cart")}'s value)" };
        return parsed with { Query = query with { Measure = median, Statistic = new MeasureStatistic(StatisticKind.Median, measure) { Row = each } } };
    }

    private static string WordOf(StatisticKind kind) => kind switch
    {
        StatisticKind.Median => "median",
        StatisticKind.Maximum => "highest",
        StatisticKind.Minimum => "lowest",
        _ => "average",
    };

    // "with at least one such session" (QuestionParser.PerCustomerBases.cs).
    [GeneratedRegex(@"(?<= )with at least one such (?<n>session|event)(?= )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex SameRowsBaseRegex();

    [GeneratedRegex(@" (?:most|fewest|least|number of|how many|count of) ", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex CountSaidRegex();

    [GeneratedRegex(@" (?:lifetime|all time|all-time|ever) ", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex LifetimeRegex();

    private static StatisticKind Kind(Match m) =>
        m.Groups["median"].Success ? StatisticKind.Median
        : m.Groups["max"].Success ? StatisticKind.Maximum
        : m.Groups["min"].Success ? StatisticKind.Minimum
        : StatisticKind.Average;

    [GeneratedRegex(@"(?<= )(?:(?<median>median)|(?<!at )(?<max>biggest|largest|highest|maximum|max|most|greatest)|(?<!at )(?<min>smallest|lowest|minimum|min|least|fewest)|(?<avg>(?:on )?average|avg|mean))(?= )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex StatisticWordRegex();

    // "who have bought something", "with at least one order", "who have ever purchased", "who have made a purchase".
    [GeneratedRegex(@"(?<= )(?:(?:who|that) (?:have |has |had |did )?(?:ever )?(?:bought|purchased|ordered|shopped)(?: (?:something|anything|at least once|at least one time|before|from us|with us))?|with (?:at least )?(?:one|1|an|a|any) (?:orders?|purchases?|transactions?)|(?:who|that) (?:have |has )?(?:made|placed) (?:at least )?(?:one|1|an|a|any) (?:orders?|purchases?))(?= )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex BuyersBaseRegex();

    // "who were in at least one campaign", "who received any campaign", "in at least one campaign".
    [GeneratedRegex(@"(?<= )(?:(?:(?:who|that) (?:were|was|have been|has been|are) )?(?:in|part of|included in|targeted by|sent) (?:at least one|any|a) campaigns?|(?:who|that) (?:have |has )?(?:received|got) (?:at least one|any|a) campaigns?)(?= )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex CampaignsBaseRegex();

    // "with at least one session", "who have had a session".
    [GeneratedRegex(@"(?<= )(?:with (?:at least one|any|a) (?:sessions?|visits?)|(?:who|that) (?:have |has )?had (?:at least one|any|a) (?:sessions?|visits?))(?= )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex SessionsBaseRegex();

    // "by a single customer", "any one customer", "any single shopper": the total of one customer.
    [GeneratedRegex(@"(?<= )(?:(?:by|of|from|for) )?(?:(?:any|a|an) (?:single|one|individual|particular) |(?:a )?single |any |one |any one |a |an )(?:(?<buyer>paying|buying|purchasing) )?(?:customer|shopper|(?<buyer>buyer|purchaser)|person|client|user)(?= )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex SingleCustomerRegex();

    // "per customer", "each buyer", "per buying customer", "every paying shopper", "each customer s".
    [GeneratedRegex(@"(?<= )(?:per|each|every) (?:(?<buyer>buying|paying|purchasing) )?(?:(?<buyer>buyer|purchaser)|customer|shopper|person|client|user)(?= )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex PerCustomerNounRegex();

    // "of <city> customers", "among customers", "for buyers": the customers named as the ones the statistic is over.
    [GeneratedRegex(@"(?<= )(?:(?:(?<buyer>buying|paying) )?(?:customers|shoppers|people|clients|users)|(?<buyer>buyers|purchasers))(?= )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex CustomerNounsRegex();
}
