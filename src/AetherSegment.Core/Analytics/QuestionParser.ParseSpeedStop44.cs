using System.Runtime.CompilerServices;
using AetherSegment.Profiles;

namespace AetherSegment.Analytics;

/// <summary>
/// Parse speed (stop 44): the profile-built event-verb rewrites (QuestionParser.EventVerbs.cs) each carry anchors, words one
/// of which every match of the rule's pattern holds; a rule whose anchors the text does not hold would match nothing and
/// is skipped, so no reading changes. The check is made on the text as rewritten so far (a rewrite can bring a later
/// rule's word), and only on an ASCII text: the patterns ignore case with .NET's case table, which folds a few non-ASCII
/// letters onto ASCII ones (the Kelvin sign onto "k"), where an ordinal comparison would not. Two look-ups over the
/// lexicon that were made on every call are made once per layer: the filters of the campaign sends' values (a campaign
/// family said is not one of them) and the words of each event type's phrases (a ratio's name made of them is dropped).
/// </summary>
internal static partial class QuestionParser
{
    // "viewed|looked at|browsed|seen|saw ... in <medium>" (ViewedInMediumRule).
    private static readonly string[] ViewedInMediumAnchors = ["view", "look", "brows", "seen", "saw"];

    // "used|tried|tried out|opened|launched the <medium> viewer".
    private static readonly string[] UsedToolAnchors = ["used", "tried", "opened", "launched"];

    // " at least once" (Filler).
    private static readonly string[] AtLeastOnceAnchors = ["at least once"];

    // "on the site or apps", "across our app and website" (Filler): both say "app".
    private static readonly string[] AppAnchors = ["app"];

    // "on the site" (Filler).
    private static readonly string[] SiteAnchors = ["site"];

    private static readonly string[] SearchAnchors = ["search"];
    private static readonly string[] ViewAnchors = ["view", "look", "brows"];
    private static readonly string[] CartAnchors = ["cart", "basket"];
    private static readonly string[] WishlistAnchors = ["wish"];
    private static readonly string[] CheckoutAnchors = ["check"];

    /// <summary>
    /// The words one of which every pattern of an event type kind holds (its bare, past and -ing verbs of
    /// EventVerbRules.Verbs, and "added ... to cart / wishlist"); null for a kind with no verbs.
    /// </summary>
    private static string[]? VerbAnchors(EventTypeKind kind) => kind switch
    {
        EventTypeKind.Search => SearchAnchors,
        EventTypeKind.View => ViewAnchors,
        EventTypeKind.Cart or EventTypeKind.CartRemoval => CartAnchors,
        EventTypeKind.Wishlist => WishlistAnchors,
        EventTypeKind.Checkout => CheckoutAnchors,
        _ => null,
    };

    /// <summary>"ran a &lt;label&gt;": the label itself, said literally (escaped in the pattern); none for a non-ASCII label.</summary>
    private static string[]? LabelAnchors(string label) => System.Text.Ascii.IsValid(label) && label.Length > 0 ? [label] : null;

    /// <summary>
    /// Whether a rule with these anchors can match the text: true when it has no anchors, the text is not ASCII, or the text
    /// holds one of them (ignoring case).
    /// </summary>
    private static bool AnchorSaid(string text, string[]? anchors)
    {
        if (anchors is null || !System.Text.Ascii.IsValid(text))
        {
            return true;
        }

        foreach (string anchor in anchors)
        {
            if (text.Contains(anchor, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static readonly ConditionalWeakTable<SemanticLayer, LexiconEntry[]> s_campaignSendFilters = new();

    private static readonly ConditionalWeakTable<SemanticLayer, Dictionary<string, HashSet<string>>> s_ratioNameWords = new();

    /// <summary>
    /// The lexicon's filter entries on the campaign sends' own columns (a dimension not on the customers whose every column is
    /// of the campaign sends), in the lexicon's order: the entries CampaignFamilySaid looks for in a family's words.
    /// </summary>
    private static LexiconEntry[] CampaignSendFilters(SemanticLayer layer) => s_campaignSendFilters.GetValue(layer, static l =>
        [.. l.Lexicon.Entries.Where(e => e.Kind == LexiconKind.Filter && e.FilterDimension is { OnCustomers: false } read && read.Columns.Count > 0
            && read.Columns.All(c => c.Fact == EntityKind.CampaignSends))]);

    /// <summary>
    /// The words of the phrases of the layer's single-value event type filters for one event type value (the words a ratio's
    /// name may be made of, DropRatioName); empty for a value no such filter has.
    /// </summary>
    private static HashSet<string> RatioNameWords(SemanticLayer layer, string value)
    {
        Dictionary<string, HashSet<string>> byValue = s_ratioNameWords.GetValue(layer, static l =>
        {
            Dictionary<string, HashSet<string>> words = new(StringComparer.Ordinal);
            foreach (LexiconEntry entry in EventWordsOf(l).SingleValueFilters)
            {
                if (!words.TryGetValue(entry.Values[0], out HashSet<string>? set))
                {
                    set = new HashSet<string>(StringComparer.Ordinal);
                    words.Add(entry.Values[0], set);
                }

                set.UnionWith(entry.Phrase.Split(' ', StringSplitOptions.RemoveEmptyEntries));
            }

            return words;
        });
        return byValue.TryGetValue(value, out HashSet<string>? found) ? found : EmptyWords;
    }

    private static readonly HashSet<string> EmptyWords = new(StringComparer.Ordinal);
}
