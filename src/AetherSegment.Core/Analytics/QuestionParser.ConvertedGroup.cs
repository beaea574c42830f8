using AetherSegment.Profiles;

namespace AetherSegment.Analytics;

/// <content>
/// Stop 46 (conv58): which group's conversions "converted" means when it is said of the customers. The data model records
/// <c>converted</c> on every campaign row, treatment and control (purchased within the attribution window). One convention:
/// - said of no campaign in particular ("converted in any campaign", "converted at least once", "have ever converted", "in
///   a 2026 campaign"): a converted row in any campaign, treatment or control, as "never converted on any campaign"
///   already reads it (QuestionParser.CampaignOutcomes.cs), so the two wordings are complements;
/// - said of named campaigns (a campaign, a type, a trigger) or of the treatment group ("treated customers", "while in
///   the treatment group"): the campaign's conversions, the treatment group's, as its conversion rate;
/// - said of the control group ("customers in the control group of any campaign converted"): the control group's
///   conversions (it was read as treatment conversions of customers who were also in some control group).
/// Each is restated with its group. A conversion in any campaign beside one group of another campaign ("in the treatment
/// group of X and converted in any campaign") is declined: the group of the conversion is not said.
/// </content>
internal static partial class QuestionParser
{
    private static readonly MemberWords ConvertedAnyGroupWords = new("converted in a campaign (treatment or control group)", "never converted in any campaign (treatment or control group)");

    private static readonly MemberWords ConvertedTreatmentWords = new("converted in a campaign (treatment group: sent the campaign)", "did not convert in a campaign (treatment group)");

    private static readonly MemberWords ConvertedControlWords = new("converted in a campaign (control group: held out, sent nothing)", "did not convert in a campaign (control group)");

    private static (AnalyticsQuery? Read, string? Declined) ConvertedGroupRead(string lower, AnalyticsQuery query, SemanticLayer layer)
    {
        if (query.Conditions.Count == 0 || !lower.Contains("conver", StringComparison.Ordinal) || query.Measure.Fact == EntityKind.CampaignSends)
        {
            return (null, null);
        }

        CustomerCondition? converted = query.Conditions.FirstOrDefault(c => c is { Negated: false, RowComparison: null, Measure.Name: "conversions" }
            && c.Comparison is { Operator: ComparisonOperator.Greater, Value: 0 } or { Operator: ComparisonOperator.GreaterOrEqual, Value: 1 });
        if (converted is null)
        {
            return (null, null);
        }

        bool treatmentSaid = lower.Contains("treat", StringComparison.Ordinal) || lower.Contains("receiv", StringComparison.Ordinal) || lower.Contains("exposed", StringComparison.Ordinal);
        bool controlSaid = lower.Contains("control", StringComparison.Ordinal) || lower.Contains("held out", StringComparison.Ordinal) || lower.Contains("held-out", StringComparison.Ordinal)
            || lower.Contains("holdout", StringComparison.Ordinal);
        bool named = converted.Filters.Any(f => layer.Dimension(f.Dimension)?.Role is DimensionRole.Campaign or DimensionRole.CampaignType or DimensionRole.Trigger);
        List<CustomerCondition> groups = [.. query.Conditions.Where(c => c is { Negated: false, Measure.Name: "treatment_group" or "control_group" })];
        string people = People(layer);

        if (controlSaid)
        {
            // "customers in the control group of any campaign converted": the control group's conversions.
            if (treatmentSaid || groups is not [{ Measure.Name: "control_group" } control] || (converted.Filters.Count > 0 && !SameFilters(converted.Filters, control.Filters))
                || layer.Measure("control_conversions") is not { Missing: null } controlConversions)
            {
                return (null, $"\"converted\" beside the control group: I could not tell which group's conversions are meant; ask \"how many {people} in the control group of <campaign> converted\" or \"... in the treatment group of ...\"");
            }

            CustomerCondition read = converted with { Measure = controlConversions with { Membership = ConvertedControlWords }, Filters = control.Filters };
            return (query with { Conditions = [.. query.Conditions.Where(c => c != control && c != converted), read] }, null);
        }

        // A conversion said of no campaign beside the group of named campaigns: that campaign's group, or any campaign's?
        if (!named && groups.Exists(g => g.Filters.Count > 0 && !SameFilters(g.Filters, converted.Filters)))
        {
            return (null, $"\"converted\" in any campaign beside the group of {string.Join(" and ", groups.SelectMany(g => g.Filters).Select(f => f.Phrase))}: I could not tell whether the conversion is in that campaign or in any campaign (either group); ask \"how many {people} in the treatment group of <campaign> converted in it\" or \"... converted in any campaign\"");
        }

        // "in the treatment group of X and converted in any campaign": the campaign's filters were read onto the conversion.
        // "a campaign" / "some campaign" after a trigger or type names one of its campaigns ("converted after getting a
        // <trigger> offer (treatment group) in a campaign", CustomersAndCampaignsStop38); after one named campaign, or said
        // "any campaign", it is any campaign.
        bool oneCampaignNamed = converted.Filters.Any(f => layer.Dimension(f.Dimension)?.Role is DimensionRole.Campaign);
        if (named && (AnyCampaignWords.Any(w => lower.Contains(w, StringComparison.Ordinal))
            || (oneCampaignNamed && IndefiniteCampaignWords.Any(w => lower.Contains(w, StringComparison.Ordinal)))))
        {
            return (null, $"\"converted\" in any campaign beside {string.Join(" and ", converted.Filters.Select(f => f.Phrase))}: I read the conversion in {string.Join(" and ", converted.Filters.Select(f => f.Phrase))} only; ask \"... converted in <campaign>\" or \"... converted in any campaign\" apart");
        }

        if (treatmentSaid || named)
        {
            // Already read as the treatment group's and restated so ("treated customers who converted on <campaign>",
            // QuestionParser.CampaignsAndTriggers.cs; CampaignsAndTriggersStop43): kept as it is.
            if (converted.Measure.Membership?.Positive.Contains("(treatment group)", StringComparison.Ordinal) == true)
            {
                return (null, null);
            }


            // The campaign's conversions (the treatment group's, as its conversion rate), restated with the group.
            CustomerCondition treated = converted with { Measure = converted.Measure with { Membership = ConvertedTreatmentWords } };
            return (query with { Conditions = [.. query.Conditions.Select(c => c == converted ? treated : c)] }, null);
        }

        // Said of no campaign and no group: a converted row in any campaign, either group (the complement of "never
        // converted on any campaign").
        if (layer.Measure("arm_conversions") is not { Missing: null } anyConversion)
        {
            return (null, null);
        }

        MeasureDefinition anyGroup = anyConversion with
        {
            Name = "campaign_conversions_any_group",
            Label = "conversions in any campaign (treatment or control group)",
            Membership = ConvertedAnyGroupWords,
        };
        CustomerCondition either = converted with { Measure = anyGroup };
        return (query with { Conditions = [.. query.Conditions.Select(c => c == converted ? either : c)] }, null);
    }

    private static readonly string[] AnyCampaignWords = ["any campaign", "at least one campaign", "any other campaign", "any of our campaigns", "any past campaign"];

    private static readonly string[] IndefiniteCampaignWords = ["a campaign", "some campaign"];

    private static bool SameFilters(IReadOnlyList<QueryFilter> a, IReadOnlyList<QueryFilter> b) =>
        a.Count == b.Count && a.All(f => b.Any(g => g.Dimension == f.Dimension && g.Negated == f.Negated && g.Values.SequenceEqual(f.Values, StringComparer.OrdinalIgnoreCase)));
}
