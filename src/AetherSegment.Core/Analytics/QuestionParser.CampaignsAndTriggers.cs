using System.Text.RegularExpressions;
using AetherSegment.Profiles;

namespace AetherSegment.Analytics;

/// <content>
/// Campaigns and triggers (stop 43, ask46). A family of campaigns named by a part of their names ("the Double Points
/// campaigns", "each Still Thinking It Over campaign", "which Collection Preview campaign"): every campaign whose name holds
/// the words, when the question says it means several (a plural, "each", "every", "any", "all", "which"); a part said of one
/// campaign ("the Collection Preview campaign") is still asked back. The rest is read only where the parser declined:
/// "which had the best ..." after campaigns are named (which campaign), the treatment conversions and the size of a group
/// said in words ("treatment conversions", "how big was the holdout", "treatment group size"), the share of a campaign's
/// treatment group that converted, and the treated customers who converted on a campaign beside another condition ("of the
/// treated customers who converted on X, how many have placed an order in the last 30 days").
/// </content>
internal static partial class QuestionParser
{
    // A part of several campaigns' names said as a family: before "campaigns" / "ones", or before "campaign" after "each",
    // "every", "any", "all" or "which". A part that holds a number (a year) or that the vocabulary reads (a trigger's words)
    // is left to the rest of the parser.
    private static bool CampaignFamilySaid(string text, int partAt, string part, bool plural, SemanticLayer layer)
    {
        if (!plural && !FamilyLeadRegex().IsMatch(text.AsSpan(0, partAt)))
        {
            return false;
        }

        string trimmed = part.Trim();
        if (trimmed.Any(char.IsAsciiDigit) || !trimmed.Contains(' ', StringComparison.Ordinal))
        {
            return false;
        }

        // The lexicon's filters of the campaign sends' own values, kept per layer (QuestionParser.ParseSpeedStop44.cs).
        foreach (LexiconEntry entry in CampaignSendFilters(layer))
        {
            if (part.Contains(entry.Padded, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    // The campaigns of a family as one filter (any of them); the noun stays ("which campaign", "each campaign": a split by campaign).
    private static string PlaceCampaignFamily(string text, int at, string part, List<string> names, DimensionDefinition campaign, List<(QueryFilter Filter, int At)> placed)
    {
        // One filter over the family (Group: the campaigns together, not compared one by one).
        string phrase = part.Trim();
        placed.Add((new QueryFilter(campaign.Key, [.. names.Order(StringComparer.Ordinal)], phrase, Group: true), at + 1));
        return string.Concat(text.AsSpan(0, at + 1), new string('#', phrase.Length), text.AsSpan(at + 1 + phrase.Length));
    }

    // "the Double Points campaigns", "(the Almost Gone ones)": the families said with a plural noun.
    private static string ReadCampaignFamilies(string text, SemanticLayer layer, CampaignPhrasing phrasing, DimensionDefinition campaign, List<(QueryFilter Filter, int At)> placed)
    {
        if (!text.Contains(" campaigns ", StringComparison.Ordinal) && !text.Contains(" ones ", StringComparison.Ordinal))
        {
            return text;
        }

        foreach (Match noun in FamilyNounRegex().Matches(text))
        {
            string[] before = LastWords(text, noun.Index, 6);
            for (int k = before.Length; k >= 2; k--)
            {
                string[] words = before[^k..];
                if (words.Any(w => w.Contains('#', StringComparison.Ordinal)))
                {
                    continue;
                }

                string part = " " + string.Join(' ', words) + " ";
                if (!phrasing.NamesHolding.TryGetValue(part, out List<string>? holding) || holding.Count < 2)
                {
                    continue;
                }

                int at = noun.Index - part.Length;
                if (!CampaignFamilySaid(text, at + 1, part, plural: true, layer))
                {
                    break;
                }

                text = PlaceCampaignFamily(text, at, part, holding, campaign, placed);
                break;
            }
        }

        return text;
    }

    // Read only where the rest of the parser declined.
    private static ParsedQuestion? ReadCampaignsAndTriggers(string question, SemanticLayer layer, IReadOnlyList<string>? campaignNames, IReadOnlyList<string>? campaignIds)
    {
        if (layer.Fact(EntityKind.CampaignSends) is null)
        {
            return null;
        }

        string text = " " + QuestionText.Normalize(question).Trim() + " ";
        if (ConvertedOnCampaign(text, layer, campaignNames, campaignIds) is { } converted)
        {
            return converted;
        }

        string read = text;
        if (read.Contains(" campaigns ", StringComparison.Ordinal) || read.Contains(" ones ", StringComparison.Ordinal))
        {
            // "Of the Double Points campaigns, which had the highest conversion rate?": which campaign.
            read = WhichHadRegex().Replace(read, "which campaign ");
        }

        if (read.Contains(" treat", StringComparison.Ordinal))
        {
            // "treatment conversions": conversions count the treatment group already.
            read = TreatmentConversionsRegex().Replace(read, "conversions");
            // "the best conversion rate in its treatment group": the conversion rate is the treatment group's already.
            read = read.Contains(" conversion rate ", StringComparison.Ordinal) ? InItsTreatmentGroupRegex().Replace(read, "") : read;
            read = ShareOfGroupConvertedRegex().Replace(read, m => $" treatment conversion rate of {m.Groups["x"].Value}");
        }

        // "conversion rate per trigger (%)", "uplift as a percentage": a rate is answered as a percentage already.
        if (read.Contains(" rate", StringComparison.Ordinal) || read.Contains("lift ", StringComparison.Ordinal))
        {
            read = RateInPercentRegex().Replace(read, " ");
        }

        // "how big was the holdout for X", "the control group size per campaign": the customers in that group.
        read = HowBigGroupRegex().Replace(read, m => $" how many {People(layer)} were in the {(m.Groups["arm"].Value.StartsWith("treat", StringComparison.Ordinal) ? "treatment" : "control")} group of ");
        read = GroupSizeRegex().Replace(read, m => m.Groups["arm"].Value.StartsWith("treat", StringComparison.Ordinal) ? "treatment group" : "control group");
        if (read == text)
        {
            return null;
        }

        ParsedQuestion parsed = Parse(read, layer, campaignNames, campaignIds, legacy: false);
        return parsed is { Status: AnalyticsAnswerStatus.Answered, Query: { } query }
            && (query.Measure.Fact == EntityKind.CampaignSends || query.Conditions.Any(c => c.Measure.Fact == EntityKind.CampaignSends)) ? parsed : null;
    }

    // "Of the treated customers who converted on X, how many have placed an order in the last 30 days?", "customers who
    // converted in the treatment group of X and ordered ...": the rest of the question with "converted in the treatment
    // group of X" as one more condition (the conversions counted in the treatment group), over all time.
    private static ParsedQuestion? ConvertedOnCampaign(string text, SemanticLayer layer, IReadOnlyList<string>? campaignNames, IReadOnlyList<string>? campaignIds)
    {
        if (!text.Contains(" converted ", StringComparison.Ordinal) || !text.Contains(" treat", StringComparison.Ordinal)
            || ConvertedOnRegex().Match(text) is not { Success: true } said
            || (!said.Groups["treated"].Success && !said.Groups["group"].Success)
            || layer.Measure("conversions") is not { Missing: null } conversions || layer.Measure("treatment_group") is not { Missing: null })
        {
            return null;
        }

        int end = said.Index + said.Length;
        string[] after = FirstWords(text, end, 8);
        for (int k = after.Length; k >= 1; k--)
        {
            string campaigns = string.Join(' ', after[..k]);
            if (!Membership("treatment", campaigns, layer, campaignNames, campaignIds, out _, out IReadOnlyList<QueryFilter>? filters))
            {
                continue;
            }

            string rest = text[(text.IndexOf(campaigns, end, StringComparison.Ordinal) + campaigns.Length)..].TrimStart();
            rest = CampaignWordAfterRegex().Replace(rest, "");
            rest = AndAfterGroupRegex().Replace(rest, "");
            string lead = text[..said.Index];
            bool asked = QuestionWordRegex().IsMatch(rest);
            string remaining = asked
                ? string.Concat(lead, " ", said.Groups["noun"].Success && rest.StartsWith("how many ", StringComparison.Ordinal) && !HowManyPeopleSaidRegex().IsMatch(rest) ? "how many " + People(layer) + " " + rest[9..] : rest)
                : string.Concat(lead, said.Groups["noun"].Success ? said.Groups["noun"].Value + " " : "", "who ", rest);
            ParsedQuestion parsed = BuyersAsCustomers(Parse(remaining, layer, campaignNames, campaignIds, legacy: false), layer);
            if (parsed is not { Status: AnalyticsAnswerStatus.Answered, Query: { Dimension: null, Share: false, Ratio: null, FilterRatio: null, Having: null, RowComparison: null, ComparedTime: null, Statistic: null, Limit: null } query }
                || !ReferenceEquals(query.Measure, layer.CustomerCount) || query.Conditions.Count == 0 || query.Conditions.Any(c => c.Measure.Fact == EntityKind.CampaignSends)
                || query.Filters.Any(f => layer.Dimension(f.Dimension) is not { OnCustomers: true }))
            {
                return null;
            }

            MeasureDefinition member = conversions with { Membership = new("converted (treatment group)", "did not convert (treatment group)") };
            return parsed with { Query = query with { Conditions = [.. query.Conditions, new CustomerCondition(member, filters!, AnyRow, null, false) { AllTime = query.Time is not null }] } };
        }

        return null;
    }

    // The first (at most) count words of text from the position.
    private static string[] FirstWords(string text, int from, int count)
    {
        List<string> words = [];
        int at = from;
        while (words.Count < count && at < text.Length)
        {
            while (at < text.Length && text[at] == ' ')
            {
                at++;
            }

            int start = at;
            while (at < text.Length && text[at] != ' ')
            {
                at++;
            }

            if (at > start)
            {
                words.Add(text[start..at]);
            }
        }

        return [.. words];
    }

    [GeneratedRegex(@"(?:^| )(?:each|every|any|all|all the|all of the|which) $", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex FamilyLeadRegex();

    [GeneratedRegex(@"(?<= )(?:campaigns|ones)(?= )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex FamilyNounRegex();

    // "which had the best", "which one got the most": after campaigns were named, which campaign.
    [GeneratedRegex(@"(?<= )which (?:one |of them |of these |of those )?(?=(?:had|has|got|saw|showed|was|did|performed|converted|brought|drove|generated|earned|made) )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex WhichHadRegex();

    [GeneratedRegex(@"(?<= )(?:treatment|treated|treatment group)(?: s)? conversions(?= )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex TreatmentConversionsRegex();

    // "of everyone who was in the treatment group of X, what share converted".
    [GeneratedRegex(@"(?<= )(?:of|among) (?:everyone|everybody|all (?:the )?(?:customers|people)|the (?:customers|people)|customers|people|those) (?:who (?:were|was) )?in the (?:treatment|treated) group (?:of|for) (?:the )?(?<x>(?:[a-z0-9]+ ){1,8}?)(?:what|which) (?:share|percentage|percent|fraction|proportion) (?:of them )?converted(?= )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex ShareOfGroupConvertedRegex();

    [GeneratedRegex(@" how big (?:was|were|is|are) (?:the )?(?<arm>holdout|hold out|control group|treatment group|treated group)(?: group)? (?:for|of|in) ", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex HowBigGroupRegex();

    [GeneratedRegex(@"(?<= )(?:(?<arm>holdout|hold out|control group|treatment group)(?: group)? sizes?|(?:the )?sizes? of (?:the )?(?<arm>holdout|hold out|control group|treatment group)(?: group)?)(?= )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex GroupSizeRegex();

    // "(of the) treated customers who converted on", "customers who converted in the treatment group of".
    [GeneratedRegex(@"(?<= )(?:(?:of|among|for) )?(?:the )?(?:(?<treated>treated|treatment group|treatment) )?(?<noun>customers|people|shoppers|ones) (?:(?:who|that) )?(?:have |had |has )?converted (?:(?<group>(?:in|within) the treatment group (?:of|for|in|on)) |(?:on|in|from|for|with|after|via|through) )(?:the )?", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex ConvertedOnRegex();

    [GeneratedRegex(@"(?<= )(?:in|of|for|among) (?:its|their|the) (?:treatment|treated) groups? (?=)", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex InItsTreatmentGroupRegex();

    [GeneratedRegex(@"(?<= )(?:in |as )?(?:percent|percentage|a percentage|percentages)(?: please)? $", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex RateInPercentRegex();

    [GeneratedRegex(@"^(?:campaign |promotion )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex CampaignWordAfterRegex();

    [GeneratedRegex(@"^(?:how many|what|which|did|do|does|have|has)(?= )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex QuestionWordRegex();

    [GeneratedRegex(@"^how many (?:customers|people|shoppers|of them|buyers) ", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex HowManyPeopleSaidRegex();
}
