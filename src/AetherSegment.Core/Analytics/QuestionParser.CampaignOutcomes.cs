using System.Text.RegularExpressions;
using AetherSegment.Profiles;
using AetherSegment.Vocabulary;

namespace AetherSegment.Analytics;

/// <content>
/// Campaign outcomes said of the customers (stop 41, ask33), read only where the rest of the parser declined: "how many
/// customers in the treatment group of X did not convert" (in that group, no conversion in that campaign), "in the treatment
/// group of at least one campaign and never converted on any campaign" (no converted row in any campaign, either group),
/// "never been in any campaign at all (neither treatment nor control)", "haven't been included in any campaign in the last
/// 90 days" (no campaign row sent in the range), "in the treatment group of X and also in the treatment group of Y" (both).
/// Each is said again as the parser reads it, or read on what it reads of the rest, and restated with its group.
/// </content>
internal static partial class QuestionParser
{
    private static ParsedQuestion? ReadCampaignOutcomes(string question, SemanticLayer layer, IReadOnlyList<string>? campaignNames, IReadOnlyList<string>? campaignIds)
    {
        string normalized = QuestionText.Normalize(question);
        bool convert = normalized.Contains(" convert", StringComparison.Ordinal);
        bool campaign = normalized.Contains(" campaign", StringComparison.Ordinal) || normalized.Contains(" group of ", StringComparison.Ordinal);
        if ((!convert && !campaign) || layer.Fact(EntityKind.CampaignSends) is null)
        {
            return null;
        }

        if (convert && NotConvertedRegex().Match(normalized) is { Success: true } notConverted)
        {
            return NotConverted(normalized, notConverted, layer, campaignNames, campaignIds);
        }

        if (!campaign)
        {
            return null;
        }

        // "in the treatment group of X and also in the treatment group of Y": in the group of both (RephraseAlsoInGroup).
        string text = RephraseAlsoInGroup(normalized);

        // "never been in any campaign at all (neither treatment nor control)": any campaign is either group already.
        text = NeitherGroupRegex().Replace(text, m => new string(' ', m.Length));
        if (NotIncludedInRangeRegex().Match(text) is { Success: true } notInRange)
        {
            return NotInCampaignInRange(text, notInRange, layer, campaignNames, campaignIds);
        }

        if (text == normalized)
        {
            return null;
        }

        ParsedQuestion parsed = Parse(text, layer, campaignNames, campaignIds, legacy: false);
        return parsed.Status == AnalyticsAnswerStatus.Answered ? parsed : null;
    }

    // "how many customers in the treatment group of X did not convert": the customers in that group of that one campaign
    // with no conversion in it. "never converted on any campaign": no converted row in any campaign, treatment or control.
    private static ParsedQuestion? NotConverted(string normalized, Match said, SemanticLayer layer, IReadOnlyList<string>? campaignNames, IReadOnlyList<string>? campaignIds)
    {
        bool anyCampaign = said.Groups["any"].Success;
        string rest = string.Concat(normalized.AsSpan(0, said.Index), new string(' ', said.Length), normalized.AsSpan(said.Index + said.Length));
        rest = TreatedCustomersRegex().Replace(rest, " customers in the treatment group ");
        ParsedQuestion parsed = Parse(rest, layer, campaignNames, campaignIds, legacy: false);
        if (parsed is not { Status: AnalyticsAnswerStatus.Answered, Query: { Dimension: null, Share: false, Ratio: null, FilterRatio: null, Having: null, RowComparison: null, ComparedTime: null, Time: null, Statistic: null, Limit: null } query })
        {
            return null;
        }

        bool OnSends(QueryFilter f) => layer.Dimension(f.Dimension) is { OnCustomers: false } d && d.Columns.Count > 0 && d.Columns.All(c => c.Fact == EntityKind.CampaignSends);
        if (anyCampaign)
        {
            // "in the treatment group of at least one campaign and never converted on any campaign".
            if (!ReferenceEquals(query.Measure, layer.CustomerCount) || query.Filters.Any(OnSends) || query.Conditions.Any(c => c.Filters.Any(OnSends))
                || layer.Measure("arm_conversions") is not { Missing: null } anyConversion)
            {
                return null;
            }

            MeasureDefinition converted = anyConversion with
            {
                Name = "campaign_conversions_any_group",
                Label = "conversions in any campaign (treatment or control group)",
                Membership = new("converted in a campaign (treatment or control group)", "never converted in any campaign (treatment or control group)"),
            };
            return parsed with { Query = query with { Conditions = [.. query.Conditions, new CustomerCondition(converted, [], AnyRow, null, true)] } };
        }

        if (layer.Measure("conversions") is not { Missing: null } conversions || layer.Measure("treatment_group") is not { Missing: null } treatment)
        {
            return null;
        }

        // The treatment group of one campaign: said as the count of its customers ("customers in the treatment group of X")
        // or as customers with a treatment row of X.
        IReadOnlyList<QueryFilter> campaignFilters;
        List<CustomerCondition> others;
        if (query.Measure.Name == "treatment_group" && query.Conditions.Count == 0)
        {
            campaignFilters = [.. query.Filters.Where(OnSends)];
            others = [];
        }
        else if (ReferenceEquals(query.Measure, layer.CustomerCount) && query.Conditions.Count(c => c.Measure.Name == "treatment_group") == 1)
        {
            CustomerCondition arm = query.Conditions.First(c => c.Measure.Name == "treatment_group");
            if (arm.Negated || arm.Time is not null || (arm.Comparison is { } k && !(k.Operator == ComparisonOperator.Greater && k.Value == 0) && !(k.Operator == ComparisonOperator.GreaterOrEqual && k.Value == 1)))
            {
                return null;
            }

            campaignFilters = [.. arm.Filters, .. query.Filters.Where(OnSends)];
            others = [.. query.Conditions.Where(c => c != arm)];
        }
        else
        {
            return null;
        }

        // One campaign by its name or id: "did not convert" in several (a type, a trigger) could be in none or in one of them.
        if (campaignFilters is not [{ Negated: false, Values.Count: 1 } one] || layer.Dimension(one.Dimension)?.Role != DimensionRole.Campaign
            || others.Exists(c => c.Measure.Fact == EntityKind.CampaignSends))
        {
            return ParsedQuestion.Unplaced($"\"did not convert\" is read in the treatment group of one campaign named in full, as in \"how many {People(layer)} in the treatment group of <campaign> did not convert\"");
        }

        List<QueryFilter> onCustomers = [.. query.Filters.Where(f => !OnSends(f))];
        AnalyticsQuery customers = query with
        {
            Measure = layer.CustomerCount,
            Filters = onCustomers,
            Conditions = [.. others, new CustomerCondition(treatment, [one], AnyRow, null, false), new CustomerCondition(conversions with { Membership = ConvertedWords }, [one], AnyRow, null, true)],
        };
        return new ParsedQuestion(AnalyticsAnswerStatus.Answered, customers, null);
    }

    /// <summary>
    /// "in the treatment group of X and also in the treatment group of Y", "... and in the treatment group of Y": in the
    /// group of both (read by QuestionParser.Campaigns.cs), not a breakdown by campaign. On normalized text; a cheap test
    /// for the group said twice first.
    /// </summary>
    internal static string RephraseAlsoInGroup(string text)
    {
        int first = text.IndexOf(" group of ", StringComparison.Ordinal);
        return first < 0 || text.LastIndexOf(" group of ", StringComparison.Ordinal) == first
            ? text
            : AlsoInGroupRegex().Replace(text, m => $"in the {m.Groups["arm"].Value} group of both {m.Groups["x"].Value}and");
    }

    // "have not been included in any campaign in the last 90 days": no campaign row (either group) sent in the range.
    private static ParsedQuestion? NotInCampaignInRange(string text, Match said, SemanticLayer layer, IReadOnlyList<string>? campaignNames, IReadOnlyList<string>? campaignIds)
    {
        List<RelativeTimeRange> ranges = [];
        string range = said.Groups["range"].Value;
        _ = ReadTimeRanges(" " + range + " ", ranges);
        if (ranges is not [RelativeTimeRange time])
        {
            return null;
        }

        string rest = string.Concat(text.AsSpan(0, said.Index), new string(' ', said.Length), text.AsSpan(said.Index + said.Length));
        ParsedQuestion parsed = Parse(rest, layer, campaignNames, campaignIds, legacy: false);
        if (parsed is not { Status: AnalyticsAnswerStatus.Answered, Query: { Dimension: null or { OnCustomers: true }, Share: false, Ratio: null, FilterRatio: null, Having: null, RowComparison: null, ComparedTime: null, Time: null, Statistic: null } query }
            || !ReferenceEquals(query.Measure, layer.CustomerCount) || query.Conditions.Any(c => c.Measure.Fact == EntityKind.CampaignSends)
            || query.Filters.Any(f => layer.Dimension(f.Dimension) is not { OnCustomers: true }))
        {
            return null;
        }

        string sent = "sent in the " + RangeArticleRegex().Replace(time.Phrase, "");
        MeasureDefinition member = CampaignMembers() with
        {
            Membership = new($"were in a campaign (treatment or control group) {sent}", $"were in no campaign (treatment or control group) {sent}"),
        };
        return parsed with { Query = query with { Conditions = [.. query.Conditions, new CustomerCondition(member, [], AnyRow, null, true) { Time = time }] } };
    }

    private static readonly MemberWords ConvertedWords = new("converted (treatment group)", "did not convert (treatment group)");

    [GeneratedRegex(@"^(?:(?:in|during|within|over) )?(?:the )?", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex RangeArticleRegex();

    // "did not convert", "didn't convert", "never converted on any campaign", "have not converted".
    [GeneratedRegex(@"(?<= )(?:(?:who|that|but|and|yet) )?(?:(?:have|has|had) )?(?:" + LanguageWords.DidNotPattern + "|" + LanguageWords.DoNotPattern + "|" + LanguageWords.DoesNotPattern + "|" + LanguageWords.HaveNotPattern + "|" + LanguageWords.HasNotPattern + "|" + LanguageWords.HadNotPattern + @"|never|not|failed to) (?:ever )?(?:convert|converted|converting)(?<any> (?:on|in|from|for|with) (?:any|a single) (?:campaign|campaigns))?(?= )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex NotConvertedRegex();

    // "treated customers": the customers in the treatment group.
    [GeneratedRegex(@"(?<= )(?:treated|treatment group|treatment) (?:customers|people|shoppers|recipients)(?= )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex TreatedCustomersRegex();

    // "in the treatment group of X and also in the treatment group of Y".
    [GeneratedRegex(@"(?<= )in the (?<arm>treatment|control) group of (?<x>(?:[a-z0-9]+ ){1,8}?)(?:and|but) (?:also |were also |was also |were |was )?in the \k<arm> group of(?= )", RegexOptions.None, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex AlsoInGroupRegex();

    // "(in) any campaign at all (neither treatment nor control)", "any campaign (neither in treatment nor in control)".
    private const string NeitherGroup = @"(?:(?:i e |ie |so |that is )?(?:neither|not|nor) (?:in )?(?:the )?(?:treatment|treated)(?: group)? (?:nor|or) (?:in )?(?:the )?control(?: group)? )";

    [GeneratedRegex(@"(?<=(?:never|not|havent|hasnt) (?:[a-z]+ ){0,4}(?:any|a single) campaigns? )(?:at all " + NeitherGroup + "?|" + NeitherGroup + "(?:at all )?)", RegexOptions.None, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex NeitherGroupRegex();

    // "have not been included in any campaign in the last 90 days", "were not part of any campaign during the past 3 months".
    [GeneratedRegex(@"(?<= )(?:(?:who|that) )?(?:(?:have|has|had) )?(?:never|not|havent|hasnt|hadnt) (?:been )?(?:included|enrolled|put|placed|targeted|in|part of|contacted)(?: in| by| with)? (?:any|a single) campaigns? (?<range>(?:in|during|within|over) the (?:last|past) \d{1,4} (?:days|weeks|months))(?= )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex NotIncludedInRangeRegex();
}
