using System.Text.RegularExpressions;
using AetherSegment.Profiles;

namespace AetherSegment.Analytics;

// Campaign membership: "in the treatment group of both CMP022 and CMP023", "never been included in any campaign",
// "part of the <campaign>, both groups", "attributed revenue counting both treatment and control", "treatment-group
// revenue by trigger".
internal static partial class QuestionParser
{
    /// <summary>What a question said about being in campaigns, read before the vocabulary.</summary>
    /// <param name="AllArms">Whether both groups (treatment and control) were said to count.</param>
    /// <param name="NeverAny">Whether the customers were in no campaign at all.</param>
    /// <param name="Both">Two or more campaigns said with "both" (each a condition of its own), or empty.</param>
    private sealed record CampaignWords(bool AllArms, bool NeverAny, List<QueryFilter> Both)
    {
        public static readonly CampaignWords None = new(false, false, []);

        /// <summary>Groups the customers were or were never in, of any campaign ("in the treatment group of at least one
        /// campaign but never in any control group"): the arm's measure name and whether it is negated.</summary>
        public List<(string Arm, bool Negated)> Arms { get; init; } = [];

        public bool Said => AllArms || NeverAny || Both.Count > 0 || Arms.Count > 0;
    }

    private static string ReadCampaignWords(string text, List<(QueryFilter Filter, int At)> placed, out CampaignWords words)
    {
        bool all = false;
        bool never = false;
        text = Consume(text, AllArmsRegex(), _ => all = true);
        text = Consume(text, NeverAnyCampaignRegex(), _ => never = true);
        if (all)
        {
            // "were part of the <campaign>, both groups": with both groups said, being part of a campaign is having a row.
            text = Consume(text, PartOfRegex(), _ => { });
        }

        List<QueryFilter> both = [];
        if (BothWordRegex().Match(text) is { Success: true } said)
        {
            List<(QueryFilter Filter, int At)> campaigns = placed.FindAll(p => p.At > said.Index && p.Filter.Dimension is "campaign" or "campaign_id" && !p.Filter.Negated);
            if (campaigns.Count >= 2 && campaigns.Sum(c => c.Filter.Values.Count) == campaigns.Count)
            {
                foreach ((QueryFilter filter, int at) in campaigns)
                {
                    placed.Remove((filter, at));
                    both.Add(filter);
                }

                text = string.Concat(text.AsSpan(0, said.Index), new string('#', said.Length), text.AsSpan(said.Index + said.Length));
            }
        }

        text = ReadArmMemberships(text, out List<(string Arm, bool Negated)> arms);
        words = new CampaignWords(all, never, both) { Arms = arms };
        return text;
    }

    // A customer's rows of any campaign, treatment or control: "were in a campaign" is having one.
    private static MeasureDefinition CampaignMembers() =>
        new("campaign_members", "customers in a campaign (treatment or control group)", EntityKind.CampaignSends, MeasureFormat.Count, _ => "COUNT(*)", [], true)
        {
            Membership = new("were in the campaign (treatment or control group)", "were never in any campaign (treatment or control group)"),
        };

    private static readonly NumericComparison AnyRow = new(ComparisonOperator.Greater, 0, null, "over 0", false);

    private static ParsedQuestion ApplyCampaignWords(SemanticLayer layer, ParsedQuestion parsed, CampaignWords words, bool treatmentSaid)
    {
        if (!words.Said || parsed.Query is not { } query)
        {
            return parsed;
        }

        if (layer.Fact(EntityKind.CampaignSends) is null || layer.Measure("treatment_group") is not { Missing: null })
        {
            return ParsedQuestion.Unplaced("campaign groups need campaign sends with a treatment and control group mapped");
        }

        bool customers = ReferenceEquals(query.Measure, layer.CustomerCount);
        bool plain = query is { Share: false, Ratio: null, FilterRatio: null, Having: null, RowComparison: null, ComparedTime: null, Time: null };
        List<QueryFilter> onSends = query.Filters.Where(f => layer.Dimension(f.Dimension) is { OnCustomers: false } d && d.Columns.All(c => c.Fact == EntityKind.CampaignSends)).ToList();
        List<CustomerCondition> conditions = [.. query.Conditions];
        if (words.Both.Count > 0)
        {
            // "in the treatment group of both CMP022 and CMP023": one condition for each campaign, in the group said.
            CustomerCondition? arm = conditions.Find(c => c.Measure.Name is "treatment_group" or "control_group" && !c.Negated);
            MeasureDefinition? member = arm?.Measure ?? (words.AllArms ? CampaignMembers() : null);
            if (!customers || !plain || query.Dimension is not null || words.NeverAny || member is null || onSends.Count > 0
                || conditions.Exists(c => c != arm && c.Measure.Fact == EntityKind.CampaignSends))
            {
                return ParsedQuestion.Unplaced($"in both {string.Join(" and ", words.Both.Select(f => f.Phrase))} is read on a count of {People(layer)} in one group, as in \"how many {People(layer)} were in the treatment group of both ...\" (or \"..., both groups\")");
            }

            conditions.Remove(arm!);
            conditions.AddRange(words.Both.Select(f => new CustomerCondition(member, [f], AnyRow, null, false)));
            return parsed with { Query = query with { Conditions = conditions } };
        }

        if (words.Arms.Count > 0)
        {
            // "in the treatment group of at least one campaign but never in any control group": a condition for each group.
            if (!customers || !plain || onSends.Count > 0 || query.Dimension is { OnCustomers: false } || words.NeverAny || words.AllArms
                || words.Arms.Exists(a => layer.Measure(a.Arm) is not { Missing: null }))
            {
                return ParsedQuestion.Unplaced($"being in a group of any campaign is read on a count of {People(layer)}, as in \"how many {People(layer)} were in the treatment group of at least one campaign but never in a control group\"");
            }

            return parsed with { Query = query with { Conditions = [.. conditions, .. words.Arms.Select(a => new CustomerCondition(layer.Measure(a.Arm)!, [], AnyRow, null, a.Negated))] } };
        }

        if (words.NeverAny)
        {
            // "customers who have never been included in any campaign": no row in any campaign, either group.
            if (!customers || !plain || onSends.Count > 0 || query.Dimension is { OnCustomers: false })
            {
                return ParsedQuestion.Unplaced($"\"never in any campaign\" is read on a count of {People(layer)}, as in \"how many {People(layer)} have never been in any campaign\"");
            }

            return parsed with { Query = query with { Conditions = [.. conditions, new CustomerCondition(CampaignMembers(), [], AnyRow, null, true)] } };
        }

        // Both groups said.
        if (treatmentSaid || conditions.Exists(c => c.Measure.Name is "treatment_group" or "control_group"))
        {
            return ParsedQuestion.Unplaced("both groups, or one of them? Ask for one group, or for both groups without naming one");
        }

        if (customers && plain && query.Dimension is null && onSends.Count > 0 && conditions.Count == 0)
        {
            // "how many customers were part of the <campaign>, both groups": customers with a row of that campaign.
            return parsed with { Query = query with { Filters = [.. query.Filters.Where(f => !onSends.Contains(f))], Conditions = [new CustomerCondition(CampaignMembers(), onSends, AnyRow, null, false)] } };
        }

        if (query.Measure.Name is "attributed_revenue" or "campaign_count" && query.Conditions.Count == 0)
        {
            // Attributed revenue is summed over every row of a campaign, treatment and control.
            return parsed;
        }

        return ParsedQuestion.Unplaced($"I could not place both groups on {query.Measure.Label}; {query.Measure.Label}{query.Measure.Population ?? ""} is one figure, or ask for treatment vs control side by side");
    }

    // "Treatment-group revenue by trigger type": revenue said of the treatment group is the revenue attributed to its
    // campaign rows, split or filtered by what the campaign rows hold.
    private static ParsedQuestion TreatedRevenue(SemanticLayer layer, ParsedQuestion parsed, bool treatmentSaid)
    {
        if (!treatmentSaid || parsed.Query is not { Measure.Name: "revenue", Time: null, Ratio: null, RowComparison: null, Having: null, Share: false, Conditions.Count: 0, ComparedTime: null } query
            || layer.Measure("attributed_revenue") is not { Missing: null } attributed)
        {
            return parsed;
        }

        bool OnSends(DimensionDefinition? d) => d is { OnCustomers: false } && d.Columns.Count > 0 && d.Columns.All(c => c.Fact == EntityKind.CampaignSends);
        if ((query.Dimension is not null || query.Filters.Count > 0) && (query.Dimension is null || OnSends(query.Dimension)) && query.Filters.All(f => OnSends(layer.Dimension(f.Dimension))))
        {
            return parsed with { Query = query with { Measure = attributed } };
        }

        return parsed;
    }

    [GeneratedRegex(@"(?<= )(?:(?:in|from|of|for|with|across|including|include|counting|count|covering) )?(?:both (?:the )?(?:groups|arms)|both (?:the )?(?:treatment and control|control and treatment)(?: groups| arms)?|(?:the )?(?:treatment and control|control and treatment)(?: groups| arms)? (?:combined|together|alike)|(?:either|any|whichever) (?:group|arm)|regardless of (?:the )?(?:group|arm))(?= |$)", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex AllArmsRegex();

    [GeneratedRegex(@"(?<= )(?:(?:who|that|have|has|had) )*(?:never|not) (?:ever )?(?:been )?(?:(?:included|enrolled|placed|put|targeted) )?(?:in|into|part of|by|with) (?:any|a single) campaigns?(?= |$)", RegexOptions.None, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex NeverAnyCampaignRegex();

    [GeneratedRegex(@"(?<= )(?:(?:were|was|are|is|been) )?(?:part of|included in|enrolled in|participants in|participated in|took part in)(?= )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex PartOfRegex();

    [GeneratedRegex(@"(?<= )both(?= )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex BothWordRegex();
}
