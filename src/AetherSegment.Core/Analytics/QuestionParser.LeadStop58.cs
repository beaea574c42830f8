using System.Text.RegularExpressions;

namespace AetherSegment.Analytics;

// Stop 58: wordings of the set blind82 that the rules declined (docs/analytics.md, "Stop 58").
internal static partial class QuestionParser
{
    /// <summary>
    /// "bought &lt;X&gt; this year but made no &lt;X&gt; purchase in 2025" is "bought &lt;X&gt; this year but not in
    /// 2025"; "&lt;dimension values&gt; people add to their wishlists" are those added to wishlists; "flagged as" is "who are";
    /// "500 bucks" is "$500"; "(by sign-up date)" after new customers, "- the full year" after a year, ", not just this year"
    /// after "all time", "(acquisition source I mean, not the campaign)", "(any time, doesn't have to be the same order)",
    /// "- buyers meaning anyone with at least one order" restate what the rest says and are dropped; "on average how many
    /// items are in an abandoned cart" is the average items per abandoned cart; "best sellers &lt;period&gt; - top N ..." is
    /// "top N ... &lt;period&gt;"; "added stuff to a wishlist" is "added something to their wishlist"; "are really &lt;a
    /// label&gt; - say &lt;a comparison&gt; - and" is "have &lt;the comparison&gt; and"; blind85's asides ("(as opposed to
    /// web)", "(ignore control for this one)", "obviously", "pooling all the campaigns that used that trigger", "with their
    /// counts") are dropped and "best trigger first" is "best first".
    /// </summary>
    private static string LeadStop58Said(string question, SemanticLayer layer)
    {
        question = Gated(question, MadeNoPurchaseOfItRegex(), "bought ${x} ${p1} but not ${p2}", " no ");
        question = Gated(question, PeopleAddToWishlistRegex(), "added to wishlists", "wishlist");
        question = Gated(question, PeopleFlaggedAsRegex(), "${who} who are ", "flagged");
        question = Gated(question, BucksRegex(), "$$${n}", "bucks");
        question = Gated(question, SignupDateAsideRegex(), m => NewPeopleSaidRegex().IsMatch(question) ? string.Empty : m.Value, "sign");
        question = Gated(question, FullYearAsideRegex(), string.Empty, "full year", "whole year", "entire year", "complete year");
        question = Gated(question, ItemsInACartOnAverageRegex(), "average items per abandoned cart", "items");
        question = Gated(question, NotJustThisPeriodRegex(), string.Empty, "not just", "not only");
        question = Gated(question, ThruRegex(), "through", "thru");
        question = Gated(question, AcquisitionIMeanAsideRegex(), string.Empty, "acquisition");
        question = Gated(question, BestSellersLeadRegex(), "${top} ${p}", "best");
        question = Gated(question, SameOrderAsideRegex(), string.Empty, "same order");
        question = Gated(question, AddedStuffRegex(), "added something to their ", "added ");
        question = Gated(question, BuyersMeaningAsideRegex(), string.Empty, "meaning", " = ", "i.e");
        question = Gated(question, SayComparisonRegex(), "have ${c} and", " say ");
        question = Gated(question, UsedTheToolRegex(), string.Empty, " tool");
        question = Gated(question, SpendPerCustomerAveragedAsideRegex(), string.Empty, "averaged");
        question = Gated(question, PerCustomerAmongBuyersThatYearRegex(), "per buyer ${p}", "that year", "the same year");
        question = Gated(question, LabelDoWeHaveThatIsRegex(), "${how} ${def}", "i.e", "that is", "meaning");
        question = Gated(question, InMonthOrderRegex(), string.Empty, " order");
        question = Gated(question, LookedAtRegex(), "viewed", "looked at");
        question = Gated(question, ViewsAsideRegex(), string.Empty, "views)", "view)");
        question = Gated(question, CampaignsCombinedRegex(), " in total", "combined");
        question = Gated(question, TreatmentNotHoldoutAsideRegex(), " (treatment group)", "treatment");
        question = Gated(question, AsOpposedToAsideRegex(), string.Empty, "opposed", "rather than");
        question = Gated(question, IgnoreControlAsideRegex(), string.Empty, "control");
        question = Gated(question, ObviouslyRegex(), string.Empty, "obviously");
        question = Gated(question, PoolingCampaignsRegex(), string.Empty, "pooling");
        question = Gated(question, NounFirstRegex(), "${w} first", " first");
        question = Gated(question, WithTheirCountsRegex(), string.Empty, "counts", "numbers", "totals");
        return question;
    }

    // "bought <X> products this year but made no <X> purchase in 2025": the value said twice, the second range negated.
    [GeneratedRegex(@"\bbought (?<x>[A-Za-z&' ]{2,40}?)(?: products| items)? (?<p1>this year|last year|in (?:19|20)\d{2}) but (?:made|placed|had) no \k<x>(?: products?| items?)? (?:purchases?|orders?) (?<p2>in (?:19|20)\d{2}|last year|this year)\b", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex MadeNoPurchaseOfItRegex();

    // "product types people add to their wishlists (most)": the values added to wishlists, ranked by the adds.
    [GeneratedRegex(@"(?<=\b(?:types|categories|products|items) )(?:that )?(?:people|customers|shoppers|users|folks) (?:add|added|put|save|saved) (?:to|on|in|into) (?:their|a|the) wish ?lists?\b", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex PeopleAddToWishlistRegex();

    // "customers flagged (as) <a label>": the customers who are it.
    [GeneratedRegex(@"\b(?<who>customers|shoppers|people|buyers|users) (?:who are |that are )?flagged (?:as )?(?:an? )?", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex PeopleFlaggedAsRegex();

    // "500 bucks": $500.
    [GeneratedRegex(@"(?<![\d$])(?<n>\d[\d,]*(?:\.\d+)?) ?bucks\b", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex BucksRegex();

    // "(by sign-up date)", "(based on signup date)": the range of new customers is their sign-up's already.
    [GeneratedRegex(@"\s*\((?:by|based on|using|per|going by) (?:the |their )?sign[- ]?up dates?\)", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex SignupDateAsideRegex();

    [GeneratedRegex(@"\bnew (?:customers|shoppers|people|sign[- ]?ups|signups|buyers|users)\b|\b(?:signed up|joined|registered)\b", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex NewPeopleSaidRegex();

    // "last year - the full year", "2025 (the whole year)": the year is a whole calendar year already.
    [GeneratedRegex(@"(?<=\b(?:last|this) year|\b(?:19|20)\d{2})\s*(?:[-,(]\s*)?(?:the )?(?:full|whole|entire|complete) (?:calendar )?year\)?", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex FullYearAsideRegex();

    // "on average how many items are in an abandoned cart", "how many items are in an abandoned cart on average".
    [GeneratedRegex(@"\b(?:on average,? how many items (?:are|were) (?:there )?in (?:an?|each|the average) abandoned cart|how many items (?:are|were) (?:there )?in (?:an?|each) abandoned cart,? on average)\b", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex ItemsInACartOnAverageRegex();

    // "all time, not just this year": all time already says it.
    [GeneratedRegex(@"(?<=\ball[- ]time)\s*,?\s*not (?:just|only) (?:this|last) (?:year|month|quarter|week)\b", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex NotJustThisPeriodRegex();

    [GeneratedRegex(@"\bthru\b", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex ThruRegex();

    // "(acquisition source I mean, not the campaign)": how the customers came is what the source value says.
    [GeneratedRegex(@"\s*\((?:the |their )?acquisition (?:source|channel)(?: i mean| that is)?(?:,? not (?:the |a )?campaigns?)?\)", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex AcquisitionIMeanAsideRegex();

    // "best sellers last month - top 3 <values> by number of orders": the top N said after the dash, in the period said first.
    [GeneratedRegex(@"^\s*best[- ]?sellers (?<p>[a-z0-9 ]{3,40}?) ?[-:] ?(?<top>top \d+ [^?]+?)\??\s*$", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex BestSellersLeadRegex();

    // "(any time, doesn't have to be same order)": bought both, in any orders.
    [GeneratedRegex(@"\s*\((?:at )?any ?time,? (?:it )?(?:doesn'?t|does not|don'?t|need not|needn'?t) (?:have to |need to )?(?:be )?(?:in )?(?:the )?same order\)", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex SameOrderAsideRegex();

    // "added stuff to a wishlist": added something to their wishlist.
    [GeneratedRegex(@"\badded (?:stuff|things|items|products) to (?:an?|their|the) (?=wish ?lists?\b)", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex AddedStuffRegex();

    // "- buyers meaning anyone with at least one order": what a buyer is, restated.
    [GeneratedRegex(@"\s*[-,(]\s*(?:buyers|purchasers) (?:meaning|=|being|i\.e\.?|as in) (?:anyone|customers|people|everyone) (?:with|who (?:has|have|placed|made)) (?:at least one|an?|1\+?) (?:order|purchase)s?\)?", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex BuyersMeaningAsideRegex();

    // "are really <a label> - say <a comparison> - and": the comparison is what the label means here.
    [GeneratedRegex(@"\bare (?:really |very |highly |truly )?[a-z ]{3,40}? - say (?<c>[^-]{3,60}?) - and\b", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex SayComparisonRegex();

    // "used the <X> tool": the tool is the event type said before it.
    [GeneratedRegex(@"(?<=\bused (?:the |our )?[a-z ]{2,30}?) tool\b", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex UsedTheToolRegex();

    // "(total spend per customer, averaged across everyone who's bought)" after a spend per buyer: restated.
    [GeneratedRegex(@"(?<=\bper (?:buyer|customer)\b[^()]{0,40}?)\s*\((?:i\.e\.? |so )?(?:total |lifetime )?spend per (?:customer|buyer),? averaged (?:across|over) (?:everyone|all|every (?:customer|buyer)|customers|buyers)[^()]{0,40}\)", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex SpendPerCustomerAveragedAsideRegex();

    // "per customer in 2025, among people who bought that year": per buyer of that year.
    [GeneratedRegex(@"\bper customer (?<p>in (?:19|20)\d{2}|this year|last year),? (?:among|counting only|only counting|including only|only including|limited to) (?:the )?(?:people|customers|those|shoppers) who (?:bought|purchased|ordered)(?: something| anything)? (?:that|in that|in the same|the same) year\b", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex PerCustomerAmongBuyersThatYearRegex();

    // "How many one-time buyers do we have, i.e. customers with exactly one order?": the definition said is what is asked.
    [GeneratedRegex(@"^(?<how>\s*how many) [a-z' -]{3,40}? (?:do we have|are there|have we got),? (?:i\.e\.?|that is|meaning|as in),? (?<def>(?:customers|shoppers|people|buyers) (?:with|who) .+)$", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex LabelDoWeHaveThatIsRegex();

    // "by month ..., in month order": a breakdown by month is listed in month order.
    [GeneratedRegex(@"(?<=\bby (?:month|week|quarter|day)\b.*?),? in (?:month|date|chronological|calendar|time) order\b", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex InMonthOrderRegex();

    [GeneratedRegex(@"\blooked at\b", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex LookedAtRegex();

    // "viewed <X> (product views)": the views said again.
    [GeneratedRegex(@"(?<=\bviewed [a-z ]{1,30}?)\s*\((?:product |item |page )?views?\)", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex ViewsAsideRegex();

    // "all the <X> campaigns combined": their total, said as "in total" (which "all campaigns combined" already reads as).
    [GeneratedRegex(@"(?<=\bcampaigns) combined\b", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex CampaignsCombinedRegex();

    // "(treatment group(s) only, not the holdout(s))": "(treatment group)", which the treatment asides of stop 48 drop.
    [GeneratedRegex(@"\s*\((?:the )?treatment groups?(?: only)?,? (?:not|excluding|but not|no) (?:the )?(?:holdouts?|hold-outs?|control(?: groups?)?)\)", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex TreatmentNotHoldoutAsideRegex();

    // "(as opposed to web)": the other values, which the share's whole holds anyway.
    [GeneratedRegex(@"\s*\((?:as opposed to|rather than) [^()]{2,30}\)", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex AsOpposedToAsideRegex();

    // "(ignore control for this one)" beside a treatment group: restated.
    [GeneratedRegex(@"\s*\((?:ignore|ignoring|excluding|leave out|not) (?:the )?control(?: group)?(?: for this one| here| this time)?\)", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex IgnoreControlAsideRegex();

    [GeneratedRegex(@",? ?\bobviously\b,?", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex ObviouslyRegex();

    // ", pooling all the campaigns that used that trigger": an uplift per trigger is over all of its campaigns.
    [GeneratedRegex(@",? ?\bpooling (?:all )?(?:the |their )?campaigns (?:that|which) used (?:that|each|the|this) trigger\b", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex PoolingCampaignsRegex();

    // "best trigger first": "best first".
    [GeneratedRegex(@"\b(?<w>best|highest|top|biggest|largest|worst|lowest|smallest) (?:trigger|campaign|category|country|city|channel|device|one)s? first\b", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex NounFirstRegex();

    // "show the top 3 with their counts": the figures are always shown.
    [GeneratedRegex(@",? (?:with|and) (?:their |the )?(?:counts?|numbers|totals)\b", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex WithTheirCountsRegex();
}
