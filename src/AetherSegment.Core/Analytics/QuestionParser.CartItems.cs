using System.Text.RegularExpressions;
using AetherSegment.Profiles;

namespace AetherSegment.Analytics;

// What the abandoned carts contain (stop 42): "which 3 categories show up most often among the items in abandoned carts
// (count each cart item)", "which 4 product types appear in the most abandoned carts", "abandoned carts that contain a
// <product type>", "abandoned cart value by category of the items (price x quantity)", "units left in abandoned carts by
// product type". A cart is one row with a list of items; a question that splits or filters the carts by what their
// items are is read on the layer of the items (SemanticLayer.CartItems.cs), and what it counts is said: each item line,
// each cart containing one (once however many of its items match), the units (quantities summed) or the items' value
// (price x quantity). A count said without which of the first two it is ("abandoned carts by category") is asked back.
internal static partial class QuestionParser
{
    private static ParsedQuestion CartItemsRead(string question, SemanticLayer layer, IReadOnlyList<string>? campaignNames, IReadOnlyList<string>? campaignIds, ParsedQuestion parsed)
    {
        // "abandoned carts per country (all of them, any date)": every date, said so; read without it, and only as a
        // question with no time range.
        if (parsed.Status == AnalyticsAnswerStatus.Unanswerable && (question.Contains("any date", StringComparison.OrdinalIgnoreCase) || question.Contains("any time", StringComparison.OrdinalIgnoreCase) || question.Contains("all dates", StringComparison.OrdinalIgnoreCase))
            && AnyDateRegex().IsMatch(question)
            && ParseOnce(AnyDateRegex().Replace(question, " "), layer, campaignNames, campaignIds, reasonNeeded: false) is { Status: AnalyticsAnswerStatus.Answered, Query: { Time: null, ComparedTime: null } } allDates)
        {
            parsed = allDates;
        }

        // A cheap test first: a question about carts' items names carts or baskets.
        if (question.IndexOf("cart", StringComparison.OrdinalIgnoreCase) < 0 && question.IndexOf("basket", StringComparison.OrdinalIgnoreCase) < 0)
        {
            return parsed;
        }

        // "the average abandoned cart value by country for carts abandoned in the last 7 days": the carts measured, said
        // again as the rows the range is on, not a second measure.
        if (parsed.Status == AnalyticsAnswerStatus.Unanswerable && CartsRestatedRegex().IsMatch(question)
            && ParseOnce(CartsRestatedRegex().Replace(question, " "), layer, campaignNames, campaignIds, reasonNeeded: false) is { Status: AnalyticsAnswerStatus.Answered, Query: { } restated } carts
            && restated.Measure.Fact == EntityKind.Carts)
        {
            parsed = carts;
        }

        // "for customers who've abandoned a cart, what's the average total value each of them left behind", "... their
        // average lifetime spend per customer (count $0 for those who never bought)".
        if (parsed.Status == AnalyticsAnswerStatus.Unanswerable && CartCustomersBaseRegex().Match(question) is { Success: true } cartBase
            && PerCartCustomer(question.Remove(cartBase.Index, cartBase.Length), layer) is { } perCustomer)
        {
            return perCustomer;
        }

        if (layer.CartItems is not { } items)
        {
            return parsed;
        }

        if (parsed is { Status: AnalyticsAnswerStatus.Answered, Query: { } answered })
        {
            return answered.Measure.Fact == EntityKind.Carts && !answered.CartItems && ByWhatItemsAre(answered, layer)
                ? OnItems(question, answered, layer, items) ?? parsed
                : parsed;
        }

        if (parsed.Status != AnalyticsAnswerStatus.Unanswerable || !ItemCueRegex().IsMatch(question))
        {
            return parsed;
        }

        // "among the items in abandoned carts", "units left in abandoned carts", "looking inside the carts abandoned over the
        // last 7 days": the same question about the carts, read again without the words about their items.
        string plain = ItemWordsRegex().Replace(question, m =>
            m.Groups["cartsof"].Success ? (m.Groups["lead"].Value.Equals("of", StringComparison.OrdinalIgnoreCase) ? " of abandoned carts " : " abandoned carts ")
            : m.Groups["carts"].Success ? " abandoned carts " : m.Groups["most"].Success ? " most " : " ");
        plain = UnitsOrValueRegex().Replace(plain, m => m.Groups["value"].Success ? " abandoned cart value " : " abandoned carts ");
        plain = RepeatedCartsRegex().Replace(plain, "abandoned $1");
        ParsedQuestion again = ParseOnce(plain, layer, campaignNames, campaignIds, reasonNeeded: false);
        if (again is not { Status: AnalyticsAnswerStatus.Answered, Query: { } query } || query.Measure.Fact != EntityKind.Carts || query.CartItems)
        {
            return parsed;
        }

        // Read again without its words, a question is about the items only when it splits or filters by what they are, or
        // names what of the items it counts.
        if (!ByWhatItemsAre(query, layer) && !LinesCueRegex().IsMatch(question) && !UnitsCueRegex().IsMatch(question) && !ItemValueCueRegex().IsMatch(question))
        {
            return parsed;
        }

        return OnItems(question, query, layer, items) ?? parsed;
    }

    // Words that may stand around a per-customer average over the customers with a cart and say nothing more.
    private static readonly HashSet<string> PerCartCustomerFiller = new(StringComparer.Ordinal)
    {
        "what", "whats", "what's", "is", "was", "are", "the", "their", "they", "theyve", "each", "of", "them", "left", "behind", "in", "on", "abandoned",
        "carts", "cart", "baskets", "basket", "per", "customer", "customers", "person", "head", "shopper", "shoppers", "total", "average", "avg",
        "mean", "lifetime", "value", "spend", "spending", "spent", "revenue", "sales", "amount", "how", "much", "did", "do", "does", "have", "has", "a",
        "an", "for", "who", "with", "to", "that", "s", "ve", "all", "those", "people", "overall", "sitting", "stuck", "one",
    };

    // The average per customer with a cart of their abandoned carts' total value or of their lifetime spend: the rest of
    // the question (without its base) names one of them and nothing else; lifetime spend counts those who never bought as
    // zero only when said, and is asked back otherwise.
    private static ParsedQuestion? PerCartCustomer(string rest, SemanticLayer layer)
    {
        Match zero = ZeroCountedRegex().Match(rest);
        if (zero.Success)
        {
            rest = rest.Remove(zero.Index, zero.Length);
        }

        bool spend = SpendSaidRegex().IsMatch(rest);
        bool value = !spend && CartValueTotalRegex().IsMatch(rest);
        if (!(spend || value) || !AverageSaidRegex().IsMatch(rest))
        {
            return null;
        }

        foreach (string word in rest.Split([' ', ',', '?', '.', '!', ':', ';', '(', ')', '-', '\'', '\u2019'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (!PerCartCustomerFiller.Contains(word.ToLowerInvariant()))
            {
                return null;
            }
        }

        if (spend && !zero.Success)
        {
            return ParsedQuestion.Unplaced("the average lifetime spend of the customers with an abandoned cart: over all of them, those who never bought counting as $0, or only over those who bought? Say which, as in \"count $0 for those who never bought\"");
        }

        if (layer.Measure(spend ? "revenue" : "abandoned_cart_value") is not { Missing: null } of || layer.Measure("abandoned_carts") is not { Missing: null } carts)
        {
            return null;
        }

        // Each customer with a cart has carts: the average of their carts' total is over those customers only (a join to
        // their totals); the spend of each customer with a cart, those who never bought as zero (a condition on the
        // customers, their totals joined where they have any).
        string over = spend ? "the customers with at least one abandoned cart, those who never bought counting as zero" : "the customers with at least one abandoned cart";
        MeasureDefinition measure = new($"average_{of.Name}_per_customer", $"average total {of.Label} per customer", of.Fact, of.Format, of.Expression, [], false)
        {
            Population = $" (each customer's own total, over {over})",
        };
        AnalyticsQuery placed = new(measure, null, [], null, null, AnalyticsSort.Default)
        {
            Conditions = spend ? [new CustomerCondition(carts, [], null, null, false)] : [],
            Statistic = new MeasureStatistic(StatisticKind.Average, of) { WithRowsOnly = !spend },
        };
        return new ParsedQuestion(AnalyticsAnswerStatus.Answered, placed, null);
    }

    // Whether a reading of carts is split or filtered by what their items are (a taxonomy level or the product name, which
    // the carts' own rows do not carry).
    private static bool ByWhatItemsAre(AnalyticsQuery query, SemanticLayer layer)
    {
        if (query.Dimension is { } dimension && OnItemsOnly(dimension))
        {
            return true;
        }

        foreach (QueryFilter filter in query.Filters)
        {
            if (layer.Dimension(filter.Dimension) is { } filtered && OnItemsOnly(filtered))
            {
                return true;
            }
        }

        return false;

        static bool OnItemsOnly(DimensionDefinition dimension) =>
            (dimension.Role == DimensionRole.Taxonomy || dimension.Key == "product_name") && !dimension.Columns.Any(c => c.Fact == EntityKind.Carts);
    }

    // The reading of the carts placed on their items: which count (or sum) is meant, from the question's own words; null when
    // the reading is not one of carts' items; an ask-back when two counts are both natural.
    private static ParsedQuestion? OnItems(string question, AnalyticsQuery query, SemanticLayer layer, SemanticLayer items)
    {
        if (query is not { Ratio: null, FilterRatio: null, Share: false, ComparedTime: null, Statistic: null, RowComparison: null, Having: null, PerPeriod: null }
            || query.Conditions.Any(c => c.Measure.Fact == EntityKind.Carts))
        {
            return ParsedQuestion.Unplaced("what the abandoned carts contain is answered as a count of item lines, of carts containing an item, of units or of the items' value, split or filtered by what the items are; ask as in \"top 3 categories by number of items in abandoned carts\" or \"how many abandoned carts contain a <product type>\"");
        }

        bool units = UnitsCueRegex().IsMatch(PriceTimesQuantityRegex().Replace(question, " "));
        bool value = query.Measure.Name == "abandoned_cart_value";
        bool lines = LinesCueRegex().IsMatch(question);
        bool carts = CartsCueRegex().IsMatch(question);
        string name;
        if (query.Measure.Name is not ("abandoned_carts" or "abandoned_cart_value"))
        {
            return ParsedQuestion.Unplaced($"{query.Measure.Label} is a figure of whole carts; split by what the items are, ask for the number of items, the number of carts containing one, the units or the items' value (price x quantity)");
        }
        else if (value)
        {
            if (units || !query.Measure.Additive)
            {
                return null;
            }

            // The value of whole carts that contain a product ("value of carts with a <product type> in them") is not the items' value.
            if (query.Filters.Count > 0 && carts && !ItemValueCueRegex().IsMatch(question))
            {
                return ParsedQuestion.Unplaced("the value of abandoned carts containing it could be the whole carts' value or only the matching items' value (price x quantity); ask for \"the value of the <items> in abandoned carts (price x quantity)\"");
            }

            name = "cart_item_value";
        }
        else if (units)
        {
            name = "cart_item_units";
        }
        else if (lines && !carts)
        {
            name = "cart_items";
        }
        else if (carts && !lines)
        {
            name = "carts_containing";
        }
        else
        {
            bool byItems = query.Dimension is { Role: DimensionRole.Taxonomy } or { Key: "product_name" };
            string what = byItems ? $"each {query.Dimension!.Label}" : "such an item";
            return ParsedQuestion.Unplaced($"abandoned carts {(byItems ? "by" : "with")} what their items are could count each item line (a cart with two such items counts twice) or each cart containing {what} once; ask for \"the number of items in abandoned carts ...\" (count each item) or \"the number of abandoned carts containing ...\" (count each cart once)");
        }

        if (items.Measure(name) is not { } measure)
        {
            return null;
        }

        DimensionDefinition? dimension = query.Dimension is { } said ? items.Dimension(said.Key) : null;
        return new ParsedQuestion(AnalyticsAnswerStatus.Answered, query with { Measure = measure, Dimension = dimension, CartItems = true }, null);
    }

    // "(all of them, any date)", "(any date)", "over all dates".
    [GeneratedRegex(@"\(?\s*(?:all of them,?\s*)?(?:(?:at|on|over|for|from) )?(?:any|all) (?:dates?|times?)\s*\)?", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex AnyDateRegex();

    // "for carts abandoned in the last 7 days", "among the carts that were abandoned".
    [GeneratedRegex(@"\b(?:for|of|on|among|across|over) (?:the |all |our )?(?:abandoned )?(?:carts|baskets) (?:that (?:were |got )?|which (?:were |got )?)?abandoned\b", RegexOptions.IgnoreCase, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex CartsRestatedRegex();

    // "for customers who've abandoned a cart", "among customers with an abandoned cart", "for shoppers who have at least one abandoned basket".
    [GeneratedRegex(@"\b(?:for|among|amongst|of|across) (?:all )?(?:the |our )?(?:customers|shoppers|people|users|those)(?: (?:who|that)(?:'ve|\u2019ve|ve| have| has| had)?| with) (?:(?:an?|any|at least one|one or more) )?(?:abandoned (?:an? |any |at least one )?(?:carts?|baskets?)|abandoned)\b", RegexOptions.IgnoreCase, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex CartCustomersBaseRegex();

    // "(count $0 for those who never bought)", "counting customers with no orders as 0", "including those who never bought as zero".
    [GeneratedRegex(@"\(?\s*(?:count(?:ing)?|treat(?:ing)?|includ(?:e|ing)) (?:(?:as )?\$?0|zero) (?:for )?(?:those|the ones|customers|people|anyone)? ?(?:who|that|with) (?:never (?:bought|ordered|purchased)(?: anything)?|(?:have |had )?no (?:orders|purchases))\s*\)?|\(?\s*(?:count(?:ing)?|treat(?:ing)?|includ(?:e|ing)) (?:those|the ones|customers|people|anyone) (?:who|that|with) (?:never (?:bought|ordered|purchased)(?: anything)?|(?:have |had )?no (?:orders|purchases)) as (?:\$?0|zero)\s*\)?", RegexOptions.IgnoreCase, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex ZeroCountedRegex();

    [GeneratedRegex(@"\b(?:spend|spending|spent|revenue|sales)\b", RegexOptions.IgnoreCase, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex SpendSaidRegex();

    // "average total value each of them left behind", "average total abandoned value per customer".
    [GeneratedRegex(@"\btotal (?:abandoned )?(?:cart )?(?:value|amount)\b|\b(?:value|amount)\b.*\b(?:left behind|per customer|each of them)\b", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex CartValueTotalRegex();

    [GeneratedRegex(@"\b(?:average|avg|mean)\b", RegexOptions.IgnoreCase, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex AverageSaidRegex();

    // Words that say a question is about the carts' items.
    [GeneratedRegex(@"\b(?:items?|item lines?|units?|quantit(?:y|ies)|inside|contains?|containing|contained|appears?|appearing|show(?:s|ing)? up|turns? up|price)\b", RegexOptions.IgnoreCase, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex ItemCueRegex();

    // The words about the items, dropped to read the rest: "(count each cart item)", "among the items in", "as items", "show
    // up most often", "looking inside the carts abandoned", "of the items (price x quantity)".
    [GeneratedRegex(@"\(?\bcount(?:ing)? (?:each|every|all) (?:cart |basket )?(?:item line|item|line)s?(?: (?:once|separately|individually))?\)?|\(?\bprice\s*(?:x|×|\*|times)\s*quantity\)?|\b(?:looking|look) inside\b|(?<carts>\b(?:the )?(?:carts|baskets) (?:that (?:were |got )?|which (?:were |got )?)?abandoned\b)|\b(?:show(?:s|ing)?|turns?) up(?<most> (?:the )?most (?:often|frequently|commonly))?|\bappear(?:s|ing)?(?<most> (?:the )?most (?:often|frequently|commonly))?|(?<most>\b(?:the )?most (?:often|frequently|commonly)\b)|\b(?<lead>among|amongst|across|of|as|from) (?:the |all )?(?<cartsof>cart |basket )?(?:items?|item lines?|lines)\b|(?<carts>\b(?:cart|basket) (?:items?|item lines?)\b)|\b(?:items?|item lines?)\b|\binside\b", RegexOptions.IgnoreCase, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex ItemWordsRegex();

    // "units left in abandoned carts", "quantity sitting in baskets", "the value of the items in abandoned carts".
    [GeneratedRegex(@"\b(?:(?<value>value|worth)|units?|quantit(?:y|ies))(?: (?:are|is|were|still))?(?: (?:left|sitting|stuck|held|added))?(?: in| inside| of)?(?: the)?(?: abandoned)? (?:carts|baskets|cart|basket)\b", RegexOptions.IgnoreCase, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex UnitsOrValueRegex();

    // "abandoned carts abandoned carts" left by two rewrites, or "carts" said again after the measure.
    [GeneratedRegex(@"\babandoned (?:abandoned )+(carts?|baskets?)\b", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex RepeatedCartsRegex();

    [GeneratedRegex(@"\b(?:units?|quantit(?:y|ies))\b", RegexOptions.IgnoreCase, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex UnitsCueRegex();

    [GeneratedRegex(@"\bprice\s*(?:x|×|\*|times)\s*quantity\b", RegexOptions.IgnoreCase, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex PriceTimesQuantityRegex();

    // Each item line counted: "count each cart item", "number of cart items", "items in abandoned carts", "item lines".
    [GeneratedRegex(@"\bcount(?:ing)? (?:each|every|all) (?:cart |basket )?(?:item|line|item line)s?\b|\bitem lines?\b|\b(?:number|count|total) of (?:the )?(?:cart |basket |abandoned )?items\b|\bitems (?:in|inside|left in|sitting in|across) (?:the |all |our )?(?:abandoned )?(?:carts|baskets)\b|\b(?:among|amongst|as|of) (?:the |all )?(?:cart |basket )?items\b|\b(?:cart|basket) items\b|\bby (?:number of )?items\b|\bhow many items\b", RegexOptions.IgnoreCase, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex LinesCueRegex();

    // Each cart counted once: "appear in the most abandoned carts", "carts that contain", "how many carts have a ...".
    [GeneratedRegex(@"\b(?:appears?|appearing|show(?:s|ing)? up|turns? up|are|is|found|present) in (?:the )?(?:most|more|fewest|how many|the (?:largest|highest|greatest) number of|(?:the )?(?:largest|highest|greatest) number of|(?:the )?number of|most of the) (?:(?:our|the) )?(?:abandoned )?(?:carts|baskets)\b|\b(?:carts|baskets|cart|basket) (?:that |which )?(?:contain|contains|containing|contained|include|includes|including|included|had|have|has|with)\b|\b(?:how many|number of|count of|count the|count) (?:(?:our|the|distinct|different) )?(?:abandoned )?(?:carts|baskets)\b|\b(?:each|every) (?:cart|basket) (?:counted )?once\b|\bdistinct (?:abandoned )?(?:carts|baskets)\b", RegexOptions.IgnoreCase, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex CartsCueRegex();

    // The matching items' own value: "price x quantity", "value of the items", "items' value".
    [GeneratedRegex(@"\bprice\s*(?:x|×|\*|times)\s*quantity\b|\bvalue of (?:the |those |these |matching )?items\b|\bitems'? value\b|\bitem value\b", RegexOptions.IgnoreCase, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex ItemValueCueRegex();
}
