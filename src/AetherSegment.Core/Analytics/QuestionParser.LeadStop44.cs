using System.Text.RegularExpressions;

namespace AetherSegment.Analytics;

/// <content>
/// Readings that answered a different question on the training sets of stop 44, each declined with what was read: a
/// purchase "before that" (before the start of the range said) read with the range itself, so "haven't purchased in the
/// last 180 days but did buy before that" counted 0; and "how many product types sold more than 2,000 units" answered with
/// the list of those product types instead of how many there are.
/// </content>
internal static partial class QuestionParser
{
    // The words that ask for a number of the things named after them ("how many product types ...").
    private static readonly string[] CountOfLeads = ["how many ", "number of ", "count of ", "count the "];

    private static string? LeadStop44(string lower, string question, AnalyticsQuery query)
    {
        if ((lower.Contains(" before ", StringComparison.Ordinal) || lower.Contains(" prior ", StringComparison.Ordinal) || lower.Contains(" earlier ", StringComparison.Ordinal))
            && query.Time is not null && PurchasedBeforeThatRegex().Match(QuestionText.Normalize(question)) is { Success: true } before)
        {
            return $"\"{before.Value}\" is before the start of the time range, but I read both conditions in the range itself; ask for the two counts, as in \"how many customers bought in the last 180 days\" and \"how many customers ever bought\"";
        }

        // "customers active (any behavioural event) in the last 24 hours" read as the events' count: the question's subject
        // is a number of people, the reading counts rows of another fact.
        if (query is { Ratio: null, Share: false, Dimension: null, Statistic: null } && query.Measure.Name is "events" or "sessions"
            && PeopleFirstRegex().Match(QuestionText.Normalize(question)) is { Success: true } people)
        {
            return $"\"{people.Value.Trim()}\" asks for a number of people, but I read the {query.Measure.Label}; ask \"how many customers had any events ...\"";
        }

        if (query is { Having: not null, Dimension: { } level } && lower.Contains(level.PluralLabel, StringComparison.Ordinal))
        {
            string normalized = QuestionText.Normalize(question);
            string plural = level.PluralLabel;
            if (Array.Exists(CountOfLeads, lead => normalized.Contains(lead + plural + ' ', StringComparison.Ordinal)))
            {
                return $"\"how many {plural}\" asks for a number of {plural}, but I read the list of them with their {query.Measure.Label}; ask \"which {plural} ...\" for the list";
            }
        }

        return null;
    }

    [GeneratedRegex(@"^ *(?:(?:the )?(?:number|count|total) of |how many |count (?:the )?)?(?:distinct |unique |different )?(?:customers|users|shoppers|people|visitors|buyers)(?= )(?! (?:events?|sessions?|visits?) )", RegexOptions.None, AnalyticsRegex.TimeoutMilliseconds)]
    private static partial Regex PeopleFirstRegex();

    [GeneratedRegex(@"(?<= )(?:(?:did|do|does|have|has|had) )?(?:buy|bought|purchase|purchased|order|ordered|shop|shopped|spend|spent|active|buying|purchasing|ordering)(?: [a-z]+){0,3} (?:before|prior to|earlier than) (?:that|then|this|it|those|these)(?= )", RegexOptions.None, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex PurchasedBeforeThatRegex();
}
