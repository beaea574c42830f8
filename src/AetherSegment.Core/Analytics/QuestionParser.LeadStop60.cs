using System.Text.RegularExpressions;

namespace AetherSegment.Analytics;

// Stop 60: wordings of the unseen sets blind89-90 the rules declined (docs/analytics.md, "Stop 60").
internal static partial class QuestionParser
{
    /// <summary>
    /// Shorthand and asides of blind89-90: "rev" (revenue), "no. of" (number of), "thats", "incl" after a range, "(counts)",
    /// "(percent)", "(treatment + control together)", a restated uplift "(treatment conv rate minus control conv rate, ...)",
    /// "per customer (only counting customers with at least 1 order)" (per buyer), "a personal AOV" with "(avg across all
    /// their own orders)", and "campaigns have we run".
    /// </summary>
    private static string LeadStop60Said(string question, SemanticLayer layer)
    {
        question = Gated(question, RevRegex(), "revenue", "rev");
        question = Gated(question, NumberOfAbbreviatedRegex(), "number of", "no");
        question = Gated(question, ThatsRegex(), "that is", "thats");
        question = Gated(question, InclusiveAbbreviatedRegex(), " inclusive", "incl");
        question = Gated(question, CountsAsideRegex(), string.Empty, "count", "number");
        question = Said(question, ["share", "proportion", "fraction"]) ? Gated(question, PercentAsideRegex(), string.Empty, "percent") : question;
        question = Gated(question, GroupsTogetherAsideRegex(), string.Empty, "control");
        question = Gated(question, UpliftDefinedAsideRegex(), string.Empty, "minus");
        question = Gated(question, PerCustomerAmongBuyersRegex(), "per buyer", "counting", "only");
        question = Gated(question, PersonalAverageOrderValueRegex(), "an ", "personal");
        question = Gated(question, OwnOrdersAsideRegex(), string.Empty, "their");
        question = Gated(question, CampaignsHaveWeRunRegex(), "campaigns", " we ", "we've");
        question = Gated(question, WholeAcrossEveryRegex(), "${head}", "across");
        question = Said(question, ["share", "proportion", "fraction"]) ? Gated(question, AsAPercentageEndRegex(), "${end}", "percentage") : question;
        question = Gated(question, ItemsSitInRegex(), "items are in", "sit");
        question = Gated(question, AttractedTheMostRegex(), "had the most", "attract");
        question = Gated(question, CountPerFineRegex(), string.Empty, "fine");
        question = Gated(question, SpreadAcrossRegex(), " by ", "spread");
        question = Gated(question, CountingRowsEndRegex(), "${end}", "counting");
        question = Gated(question, OriginallyCameRegex(), string.Empty, "originally");
        question = Gated(question, OurWholeBaseRegex(), string.Empty, "base", "audience");
        question = Gated(question, AchievedTheRegex(), "had the", "achiev");
        question = Gated(question, WhichNumberWordRegex(), m => m.Groups["w"].Value + " " + CountWordInDigits(m.Groups["n"].Value), "most", "highest", "lowest", "best", "worst", "biggest", "largest", "fewest", "least");
        question = Gated(question, OrderedMostOftenRegex(), "${w} ${x} had the most orders", "most");
        question = Gated(question, ForTheChartRegex(), string.Empty, "for ");
        question = Gated(question, GoneOnToRegex(), m => m.Groups["v"].Value.ToLowerInvariant() switch
        {
            "buy" => "bought",
            "make" => "made",
            "place" => "placed",
            string verb => verb + "ed",
        }, "gone on");
        return OpenerAboutValuesSaid(question, layer);
    }

    /// <summary>
    /// "Thinking about our &lt;X&gt; shoppers, how many customers in &lt;X&gt; ...": an opener that names values the rest of the
    /// question says again, and nothing that restricts (no number, period, restricting word, or a word right before a value
    /// that could qualify it, as "lapsed &lt;X&gt; shoppers"), is dropped; an opener the rest refers back to ("how is that
    /// audience split") names values the rest does not say, and is kept.
    /// </summary>
    private static string OpenerAboutValuesSaid(string question, SemanticLayer layer)
    {
        if (!Said(question, ["think", "look", "consider", "turning", "focus", "zoom", "comes to", "as for", "to see", "to understand", "sense of", "comparing"])
            || OpenerAboutRegex().Match(question) is not { Success: true } opener)
        {
            return question;
        }

        // An opener about values must name one ("Thinking about our <X> shoppers"); a purpose ("To see where churn risk is
        // concentrated") or a comparison ("Comparing our triggers") need not, but says nothing the rest does not.
        bool about = !opener.Groups["purpose"].Success;
        string rest = question[(opener.Index + opener.Length)..];
        (_, HashSet<string> keys, List<string>? words) = ReadSentence(opener.Groups["x"].Value, layer);
        (_, HashSet<string> restKeys, _) = ReadSentence(rest, layer);
        if (words is null || (about && !keys.Any(k => k.StartsWith("f:", StringComparison.Ordinal))) || !keys.IsSubsetOf(restKeys)
            || words.Exists(w => RestrictingWords.Contains(w) || w is "not" or "no" or "never" or "without" or "except" or "excluding" or "non"))
        {
            return question;
        }

        // The word before each value said must be a word that cannot qualify it ("our", "the").
        string text = VocabularyMarked(QuestionText.Normalize(opener.Groups["x"].Value), layer, keys: null);
        string[] tokens = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (int i = 1; i < tokens.Length; i++)
        {
            if (tokens[i] == "#" && tokens[i - 1] != "#" && !StopWords.Contains(tokens[i - 1]))
            {
                return question;
            }
        }

        return char.ToUpperInvariant(rest[0]) + rest[1..];
    }

    // ", as a percentage?", "? Please give it as a percentage of all customers.": how a share is shown (only where a share
    // is said: "how much of total revenue comes from <X>, as a percentage" and "revenue change ..., as a percentage" ask
    // for the percentage with these words).
    [GeneratedRegex(@"(?:,? (?:as|in) (?:a )?percentages?(?: please)?|(?<=\?)\s*(?:please )?(?:give|show) (?:it|that|this|me that|me it) (?:as|in) (?:a )?percentages?(?: of (?:all|the total|the whole)(?: [a-z]+)?)?)(?<end>\s*[?.!]?\s*)$", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex AsAPercentageEndRegex();

    // "how many items sit in an abandoned cart": are in.
    [GeneratedRegex(@"\bitems (?:typically |usually )?(?:sit|sat) in\b", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex ItemsSitInRegex();

    // "which category attracted the most product views": had the most.
    [GeneratedRegex(@"\battract(?:ed|s)? the most\b", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex AttractedTheMostRegex();

    // "? A count per device is fine.": the breakdown already asked.
    [GeneratedRegex(@"(?<=\?)\s*(?:a |the )?(?:count|number|total)s? (?:per|by|for each) [a-z]+ (?:is|are|would be|will be) (?:fine|ok|okay|enough)\.?\s*$", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex CountPerFineRegex();

    // "how were the events of the last 30 days spread across devices": a breakdown by them.
    [GeneratedRegex(@"\s(?:spread|distributed|split) (?:out )?(?:across|over|among) (?:the |our |their )?(?=[a-z])", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex SpreadAcrossRegex();

    // "which four product types were ordered most often, counting orders?": the rows the verb already counts.
    [GeneratedRegex(@"(?<=\b(?:ordered|purchased|bought)\b[^,]{0,40}),\s*counting (?:the )?(?:orders|purchases|transactions)(?<end>\s*[?.!]?\s*)$", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex CountingRowsEndRegex();

    // "customers who originally came to us through <X>": the acquisition source.
    [GeneratedRegex(@"\boriginally (?=(?:came|come|joined|signed|were acquired|was acquired)\b)", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex OriginallyCameRegex();

    // "how many customers in our base", "Across our whole audience, how many customers": every customer.
    [GeneratedRegex(@"^\s*across (?:our|the) (?:whole |entire )?(?:customer )?(?:base|audience),\s*|(?<=\bcustomers) (?:in|across|from) our (?:whole |entire )?(?:customer )?(?:base|audience)\b", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex OurWholeBaseRegex();

    // "which three campaigns achieved the highest conversion rate": had the highest.
    [GeneratedRegex(@"\bachieved the(?= (?:highest|lowest|best|worst|most|biggest|largest)\b)", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex AchievedTheRegex();

    // "which four product types were ordered most often": a top N in digits.
    [GeneratedRegex(@"\b(?<w>which|what|the) (?<n>two|three|four|five|six|seven|eight|nine|ten)(?= [a-z]+(?: [a-z]+)? (?:were|was|are|is|have|has|had|did|got|made|brought|sold|drove|generated)\b[^?]*\b(?:most|highest|lowest|best|worst|biggest|largest|fewest|least)\b)", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex WhichNumberWordRegex();

    // "which 3 product types were ordered most often": the most orders.
    [GeneratedRegex(@"\b(?<w>which|what)(?<x>(?: \d{1,2})? [a-z]+(?: [a-z]+)?) (?:were|was|got|have been|has been) (?:ordered|purchased|bought) (?:the )?most(?: often| frequently)?\b", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex OrderedMostOftenRegex();

    // "For the trend chart, how many orders ...": what the figure is for.
    [GeneratedRegex(@"^\s*for (?:the|our|my|a|this) (?:trend |weekly |monthly |quarterly |board |exec |leadership )?(?:chart|graph|deck|slide|report|dashboard|review|meeting|update)s?,\s*", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex ForTheChartRegex();

    // "what percentage have gone on to place at least one order": placed.
    [GeneratedRegex(@"\b(?:have|has|had) gone on to (?<v>place|buy|make|order|purchase)\b", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex GoneOnToRegex();

    // "Thinking about our <X> shoppers, ", "Looking at our <X> cohort specifically, ", "Considering our <X> audience, ".
    [GeneratedRegex(@"^\s*(?:thinking about|looking at|considering|turning to|focusing on|zooming in on|when it comes to|as for|(?<purpose>to (?:see|understand|get a sense of|find out) (?:where|how|whether|which|what)|comparing)) (?<x>[^,?]{2,60}?),\s*(?=\S)", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex OpenerAboutRegex();

    // "Of all the attributed revenue recorded across every campaign (...), what percentage came from <X> campaigns": the
    // whole is every row; "across every campaign" is not a breakdown of the share.
    [GeneratedRegex(@"^(?<head>\s*of all (?:the |our )?[a-z ]{3,40}?)(?: (?:recorded|earned|made|logged|generated|booked|attributed))? across (?:every|all|each) (?:of our |the |our )?[a-z]+(?=\s*[,(])(?=.*\b(?:percentage|percent|share|proportion|fraction)\b)", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex WholeAcrossEveryRegex();

    // "rev by country", "ytd rev": revenue ("revs" and "reverse" keep their letters).
    [GeneratedRegex(@"\brev\b\.?", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex RevRegex();

    // "no. of <X> orders", "avg no. of items": the number of.
    [GeneratedRegex(@"\bno\.? ?of\b", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex NumberOfAbbreviatedRegex();

    [GeneratedRegex(@"\bthats\b", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex ThatsRegex();

    // "between $500 and $1000 incl": both ends kept, as "inclusive" reads.
    [GeneratedRegex(@"(?<=\bbetween [^?]{1,40} and \$?[\d,.]+k?) incl\b\.?", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex InclusiveAbbreviatedRegex();

    // "customers broken down by city (counts)": what a breakdown of customers shows anyway.
    [GeneratedRegex(@"\s*\((?:the )?(?:counts?|numbers?|headcounts?)(?: please)?\)", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex CountsAsideRegex();

    // "what share of revenue came from orders over $1k (percent)": how a share is shown (only beside a share: "revenue 2025
    // vs 2024 (%)" stays declined).
    [GeneratedRegex(@"\s*\((?:as an? )?(?:percent|percentage)(?: please)?\)", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex PercentAsideRegex();

    // "(treatment + control together)", "(treatment and control combined)": every send counted, which is what is read anyway.
    [GeneratedRegex(@"\s*\((?:both )?(?:treatment|test) (?:\+|and|&|plus) (?:the )?(?:control|holdout)(?: groups?)? (?:together|combined|pooled|both|included)\)", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex GroupsTogetherAsideRegex();

    // "which trigger has the biggest uplift overall? (treatment conv rate minus control conv rate, all its campaigns pooled)":
    // the uplift, as it is computed.
    [GeneratedRegex(@"(?<=\buplift\b[^()]{0,60})\s*\((?:i\.?e\.? )?treatment (?:conversion|conv) rate minus (?:the )?control (?:conversion|conv) rate(?:,? (?:with )?all (?:its|their|of its|the) campaigns (?:pooled|combined|together))?\)", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex UpliftDefinedAsideRegex();

    // "average number of orders per customer (only counting customers with at least 1 order)": per buyer.
    [GeneratedRegex(@"\bper cust(?:omer)? \((?:only )?(?:counting|including|among|over) (?:only )?(?:customers|custs|people|those|shoppers) (?:with|who (?:have |has )?(?:placed|made|had)) (?:at least (?:1|one)|an?|any|1\+?) (?:orders?|purchases?)\)", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex PerCustomerAmongBuyersRegex();

    // "customers who have a personal AOV above $500": their own average order value.
    [GeneratedRegex(@"\ba personal (?=(?:AOV|average order value)\b)", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex PersonalAverageOrderValueRegex();

    // "(avg across all their own orders)" after a customer's average order value.
    [GeneratedRegex(@"(?<=\b(?:AOV|average order value)\b[^()]{0,40})\s*\((?:average|mean) (?:across|over|of) (?:all )?(?:of )?their (?:own )?orders\)", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex OwnOrdersAsideRegex();

    // "how many <type> campaigns have we run": the campaigns.
    [GeneratedRegex(@"\bcampaigns (?:have we|did we|we've|we have) (?:run|sent|launched|done)\b", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex CampaignsHaveWeRunRegex();
}
