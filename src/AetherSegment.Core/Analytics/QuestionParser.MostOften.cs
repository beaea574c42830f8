using System.Text.RegularExpressions;
using AetherSegment.Profiles;

namespace AetherSegment.Analytics;

// "The most common event type on <device>", "which category do people add to their wishlist most often", "which 5 product
// types get added to cart most often": the top N by the number of rows counted (a count measure). "Most often" of a
// verb people do counts the actions (the events), not the people; an event type ranked with no measure counts events.
internal static partial class QuestionParser
{
    private static ParsedQuestion? ReadMostOften(string question, SemanticLayer layer, IReadOnlyList<string>? campaignNames, IReadOnlyList<string>? campaignIds)
    {
        if (question.IndexOf("often", StringComparison.OrdinalIgnoreCase) < 0 && question.IndexOf("common", StringComparison.OrdinalIgnoreCase) < 0
            && question.IndexOf("frequent", StringComparison.OrdinalIgnoreCase) < 0)
        {
            return null;
        }

        bool said = false;
        string plain = MostOftenRegex().Replace(question, m =>
        {
            said = true;
            return m.Groups["the"].Success ? "the most" : "most";
        });
        if (!said)
        {
            return null;
        }

        // "which category do people add to their wishlist most often": how often the action is done, by anyone.
        bool people = false;
        plain = PeopleDoRegex().Replace(plain, m =>
        {
            people = true;
            return "get " + m.Groups["verb"].Value.ToLowerInvariant() switch
            {
                "add" => "added",
                "save" => "saved",
                "view" => "viewed",
                "search" => "searched",
                "buy" => "bought",
                "order" => "ordered",
                "purchase" => "purchased",
                string other => other,
            };
        });
        // "get added to their wishlist": the wishlist verb is "saved to" where "added to" is the cart's.
        plain = people ? AddedToWishlistRegex().Replace(plain, "saved to their wish") : plain;
        ParsedQuestion parsed = ParseUnframed(plain, layer, campaignNames, campaignIds, reasonNeeded: true);
        if (parsed.Query is null && EventTypeRankedRegex().IsMatch(plain) && layer.Measure("events") is { Missing: null })
        {
            // "the most common event type on <device>": no measure said, the event types are ranked by their events.
            parsed = ParseUnframed(plain + " (events)", layer, campaignNames, campaignIds, reasonNeeded: true);
        }

        if (parsed.Query is not { } query)
        {
            return parsed;
        }

        // A count ranked by how often: a sum or an average has no "often", and a rank needs a breakdown.
        if (query.Measure.Format != MeasureFormat.Count || query.Dimension is null || query.Limit is null
            || query is not { Ratio: null, FilterRatio: null, Share: false, ComparedTime: null, Statistic: null })
        {
            return ParsedQuestion.Unplaced("\"most often\" or \"most common\" ranks a breakdown by a count of rows; ask as in \"which 3 categories get the most product views\"");
        }

        // "which category do people add to their wishlist most often" read on customers would count people, not how often
        // they do it ("the most common city among customers" does count customers).
        return people && (ReferenceEquals(query.Measure, layer.CustomerCount) || query.Measure.Fact == EntityKind.Customers)
            ? ParsedQuestion.Unplaced("\"most often\" counts how often something is done; ask as in \"which category gets the most add to cart events\"")
            : parsed;
    }

    [GeneratedRegex(@"\b(?<the>the )?most (?:often|commonly|common|frequently|frequent)\b", RegexOptions.IgnoreCase, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex MostOftenRegex();

    [GeneratedRegex(@"\b(?:do|does|did) (?:people|customers|shoppers|users|visitors|folks|buyers) (?<verb>add|put|save|view|search|buy|order|purchase)\b", RegexOptions.IgnoreCase, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex PeopleDoRegex();

    [GeneratedRegex(@"\badded to (?:the |their |a )?wish", RegexOptions.IgnoreCase, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex AddedToWishlistRegex();


    [GeneratedRegex(@"\bevent[ _]types?\b", RegexOptions.IgnoreCase, AnalyticsRegex.NoBacktrackingNoLimit)]
    private static partial Regex EventTypeRankedRegex();
}
