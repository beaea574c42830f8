using System.Text.RegularExpressions;

namespace AetherSegment.Analytics;

/// <content>
/// Wordings that restate or stress what is already asked (stop 48, helper cov63), dropped by <see cref="RestatementsSaid"/>
/// only where the question as written was declined, each with what the reading of the rest must then be:
/// "(units, not orders)", "(quantity, not orders)", "(order lines, not customers)", "(count carts, not units)": the reading
/// counts what the aside's first word names (units sold, orders, abandoned carts), and the aside's second word names
/// something else (an aside whose two words name the same kind is kept, and the question stays declined); "name only",
/// "just the name(s)", "just name the 5 ...", "which single (level)": a ranked breakdown with a cut (a top N or the one
/// highest); "treatment customers", "of the treatment group", "(treatment group)", "(holdouts don't count)", "actually sent":
/// a measure of the treatment group alone (campaign sends, conversions, conversion rate, the treatment group's attributed
/// revenue, or the customers sent a campaign), never beside a control group or holdout said; "absolute lift": the uplift,
/// which is the difference of the two rates already. Plain synonyms are said once with no need: "never placed a single
/// order (with us)" is "never placed an order", "never once used" is "never used", "restricted to customers flagged as"
/// is "counting only customers flagged as".
/// </content>
internal static partial class QuestionParser
{
    /// <summary>The question with the stop-48 asides dropped; <paramref name="required"/> gets what the reading must be.</summary>
    private static string Stop48AsidesDropped(string text, string lower, SemanticLayer layer, ref RestatedNeed required)
    {
        if (lower.Contains("not", StringComparison.Ordinal) || lower.Contains("rather", StringComparison.Ordinal) || lower.Contains("instead", StringComparison.Ordinal))
        {
            RestatedNeed counted = RestatedNeed.None;
            bool rowsAreOrders = layer.IdColumn(Profiles.EntityKind.Orders) is null;
            text = CountedNotOtherRegex().Replace(text, m => CountedAside(m, rowsAreOrders, ref counted));
            required |= counted;
        }

        if (lower.Contains("name", StringComparison.Ordinal))
        {
            text = Dropped(text, true, NameOnlyRegex(), RestatedNeed.Names, ref required);
            text = Dropped(text, true, JustNameLeadRegex(), RestatedNeed.Names, ref required);
        }

        if (lower.Contains("which single", StringComparison.Ordinal))
        {
            text = Dropped(text, true, WhichSingleRegex(), RestatedNeed.Names, ref required);
        }

        if (lower.Contains("absolute", StringComparison.Ordinal))
        {
            text = Dropped(text, true, AbsoluteLiftRegex(), RestatedNeed.Uplift, ref required);
        }

        if (lower.Contains("treatment", StringComparison.Ordinal) || lower.Contains("holdout", StringComparison.Ordinal) || lower.Contains("control", StringComparison.Ordinal) || lower.Contains("actually", StringComparison.Ordinal))
        {
            string before = text;
            RestatedNeed need = RestatedNeed.None;
            text = AttributedOfTreatmentRegex().Replace(text, m => { need |= RestatedNeed.Treatment; return m.Groups["m"].Value + " of the treatment group"; });
            text = Dropped(text, true, TreatmentAsideRegex(), RestatedNeed.Treatment, ref need);
            text = TreatmentPeopleRegex().Replace(text, m => { need |= RestatedNeed.Treatment; return m.Groups["who"].Value; });
            text = Dropped(text, true, ActuallySentRegex(), RestatedNeed.Treatment, ref need);
            string rest = text.ToLowerInvariant();
            if (rest.Contains("control", StringComparison.Ordinal) || rest.Contains("holdout", StringComparison.Ordinal) || rest.Contains("held out", StringComparison.Ordinal))
            {
                // A control group or holdout said beside the treatment: the groups are compared, not restated.
                text = before;
            }
            else
            {
                required |= need;
            }
        }

        if (lower.Contains("never", StringComparison.Ordinal))
        {
            RestatedNeed none = RestatedNeed.None;
            text = NeverSingleOrderRegex().Replace(text, "never ${verb} an order");
            text = Dropped(text, true, NeverOnceRegex(), RestatedNeed.None, ref none);
        }

        if (lower.Contains("restricted to", StringComparison.Ordinal) || lower.Contains("limited to", StringComparison.Ordinal))
        {
            text = RestrictedToRegex().Replace(text, ", counting only ${who}");
        }

        return text;
    }

    /// <summary>"(units, not orders)": dropped with the need of what it counts; kept when both words name one kind.</summary>
    private static string CountedAside(Match m, bool rowsAreOrders, ref RestatedNeed required)
    {
        if (!rowsAreOrders && m.Groups["pos"].Value.ToLowerInvariant() is "order lines" or "order rows" or "line items")
        {
            // "(order lines, not customers)" where an order has many rows: the lines are not the orders counted.
            return m.Value;
        }

        RestatedNeed counted = AsideKind(m.Groups["pos"].Value);
        RestatedNeed other = AsideKind(m.Groups["neg"].Value);
        if (counted == RestatedNeed.None || counted == other)
        {
            return m.Value;
        }

        required |= counted;
        return " ";
    }

    private static RestatedNeed AsideKind(string word) => word.ToLowerInvariant() switch
    {
        "units" or "unit" or "quantity" or "quantities" or "items sold" or "units sold" or "items" or "pieces" => RestatedNeed.Units,
        "orders" or "order lines" or "order rows" or "line items" or "transactions" or "order count" or "number of orders" or "lines" => RestatedNeed.Orders,
        "carts" or "abandoned carts" or "cart count" or "number of carts" => RestatedNeed.Carts,
        "customers" or "people" or "buyers" or "shoppers" or "distinct customers" or "unique customers" => RestatedNeed.Customers,
        _ => RestatedNeed.None,
    };

    /// <summary>Why the reading does not agree with a stop-48 aside, or null when it does.</summary>
    private static string? Stop48Disagreement(AnalyticsQuery query, SemanticLayer layer, RestatedNeed required)
    {
        MeasureDefinition measure = query.Statistic?.Of ?? query.Measure;
        if (required.HasFlag(RestatedNeed.Carts) && measure.Name is not ("abandoned_carts" or "carts_containing"))
        {
            return $"\"carts, not ...\": I read {measure.Label}, not a count of carts; ask as in \"how many abandoned carts ...\"";
        }

        if (required.HasFlag(RestatedNeed.Names) && (query.Dimension is null || query.Dimension.IsTime || query.Limit is null || query.Statistic is not null
            || query.Sort is AnalyticsSort.DimensionAscending))
        {
            return "\"name only\": I read no ranking of names cut to a few in the rest of the question";
        }

        if (required.HasFlag(RestatedNeed.Uplift) && measure.Name != "campaign_uplift")
        {
            return $"\"absolute lift\": I read {measure.Label}, not the uplift in conversion rate";
        }

        if (required.HasFlag(RestatedNeed.Treatment) && !TreatmentOnly(query, layer))
        {
            return $"\"treatment\": I read {measure.Label}, which is not a measure of the treatment group alone; ask as in \"conversions of the treatment group ...\"";
        }

        return null;
    }

    /// <summary>Whether the reading measures the treatment group alone: its sends, conversions, conversion rate or attributed revenue, or the customers sent a campaign.</summary>
    private static bool TreatmentOnly(AnalyticsQuery query, SemanticLayer layer)
    {
        if (query.Statistic is not null || query.Share || query.ShareWhole is not null)
        {
            return false;
        }

        if (query.Measure.Name is "campaign_sends" or "conversions" or "conversion_rate" or "treatment_group" or "treatment_attributed_revenue")
        {
            return query.Conditions.All(c => c.Measure.Fact != Profiles.EntityKind.CampaignSends);
        }

        return ReferenceEquals(query.Measure, layer.CustomerCount) && query.Conditions.Count == 1
            && query.Conditions[0] is { Negated: false } only && only.Measure.Name is "campaign_sends" or "treatment_group";
    }

    // "(units, not orders)", "(quantity, not orders)", "(order lines, not customers)", "(count carts, not units)", "- units, not orders",
    // "(count the orders/transactions, not the people)", "...? carts, not customers".
    [GeneratedRegex(@"\s*\(\s*(?:count(?:ing)? |just |only )?(?:the )?(?:number of )?(?<pos>units sold|units|quantity|quantities|items sold|order lines|order rows|line items|orders|transactions|abandoned carts|carts)(?:\s*/\s*(?:orders|transactions|purchases))?(?: counted| sold)?,?\s+(?:not|rather than|instead of) (?:the )?(?:number of )?(?<neg>distinct customers|unique customers|customers|people|buyers|shoppers|orders|order count|order lines|transactions|units|quantity|items|carts|abandoned carts)\s*\)|\s*[,;:?\u2013\u2014]\s*(?:count(?:ing)? |just |only )?(?<pos>units|quantity|order lines|orders|carts),?\s+(?:not|rather than|instead of) (?:the )?(?<neg>customers|people|buyers|orders|units|quantity|carts)(?=\s*(?:[.;:?!]|$))", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex CountedNotOtherRegex();

    // "? Name only.", "- just the name", "(names only)", "just the names please".
    [GeneratedRegex(@"\s*[?.!,;:\u2013\u2014-]*\s*(?:\(\s*(?:just |only )?(?:the )?names?(?: only)?(?:,? please)?\s*\)|(?:just|only) (?:the )?names?(?:,? please| only)?|names? only(?:,? please)?)\s*[.!]?\s*$", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex NameOnlyRegex();

    // "just name the 5 product types with ...": the top 5.
    [GeneratedRegex(@"^\s*(?:just|only|simply) name (?=(?:the |our )?(?:top |bottom )?(?:\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten) )", RegexOptions.IgnoreCase, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex JustNameLeadRegex();

    // "which single campaign had the highest ...": which campaign.
    [GeneratedRegex(@"(?<=\bwhich) single(?= [a-z])", RegexOptions.IgnoreCase, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex WhichSingleRegex();

    // "the biggest absolute lift": the uplift, a difference of two rates already.
    [GeneratedRegex(@"(?<=\b(?:biggest|largest|highest|greatest|smallest|lowest|the|an?|its|their)) absolute(?= (?:up)?lift\b)", RegexOptions.IgnoreCase, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex AbsoluteLiftRegex();

    // "attributed revenue from treatment customers": the treatment group's attributed revenue.
    [GeneratedRegex(@"(?<m>\battributed (?:campaign )?revenue) (?:from|of|among|for) (?:the |our )?treatment(?:[- ]group)? (?:customers|people|recipients|members|group)\b", RegexOptions.IgnoreCase, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex AttributedOfTreatmentRegex();

    // "(treatment group)", "(treatment group only)", "(holdouts don't count)", "(excluding holdouts)", "of treatment customers".
    [GeneratedRegex(@"\s*\(\s*(?:the |only (?:the )?|just (?:the )?)?treatment(?:[- ]group)?(?: only)?\s*\)|\s*\(\s*(?:the )?(?:holdouts?|control(?: group)?) (?:don'?t|do not|doesn'?t|does not) count\s*\)|\s*\(\s*(?:excluding|not counting|without) (?:the )?(?:holdouts?|control(?: group)?)\s*\)|\s(?:of|for|among) (?:the |our )?treatment(?:[- ]group)? (?:customers|people|recipients|members)(?=\s|[,.?!;:]|$)", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex TreatmentAsideRegex();

    // "how many treatment customers converted": the customers (the conversions counted are the treatment group's).
    [GeneratedRegex(@"\btreatment(?:[- ]group)? (?<who>customers|people|recipients)\b", RegexOptions.IgnoreCase, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex TreatmentPeopleRegex();

    // "were actually sent", "actually received": sent (the sends are the treatment group's).
    [GeneratedRegex(@"(?<=\b(?:were|was|who|have|has|that)) actually(?= (?:sent|received|got|been sent)\b)", RegexOptions.IgnoreCase, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex ActuallySentRegex();

    // "never placed a single order (with us)": never placed an order.
    [GeneratedRegex(@"\bnever (?:once )?(?<verb>placed|made|put in) (?:a single|one single|even one|a) (?:order|purchase)(?: with us)?\b", RegexOptions.IgnoreCase, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex NeverSingleOrderRegex();

    // "never once used": never used.
    [GeneratedRegex(@"(?<=\bnever) once(?= [a-z])", RegexOptions.IgnoreCase, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex NeverOnceRegex();

    // ", restricted to customers flagged as ...": counting only those customers.
    [GeneratedRegex(@"\s*,?\s*\b(?:restricted|limited) to (?<who>(?:the )?(?:customers|people|those) (?:who are |flagged as |marked as |that are )?)", RegexOptions.IgnoreCase, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex RestrictedToRegex();
}
