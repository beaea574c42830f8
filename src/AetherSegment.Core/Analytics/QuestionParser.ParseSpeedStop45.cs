namespace AetherSegment.Analytics;

/// <summary>
/// Parse speed (stop 45): a declined reading's golden-file reason is read only by a caller that shows it. Which reading
/// answers depends on the readings' status, query and partial query alone (no step looks at a reason), so the whole and
/// the part of a share, the first range of two and the other readings kept only when answered read their text without
/// it; a declined reading kept without it is given it, when a later caller needs it, without being read again.
/// </summary>
internal static partial class QuestionParser
{
    /// <summary>A text read as a question of its own, for a caller that keeps the reading only when it is answered.</summary>
    private static ParsedQuestion ReadAnswered(string question, SemanticLayer layer, IReadOnlyList<string>? campaignNames, IReadOnlyList<string>? campaignIds) =>
        Read(question, layer, campaignNames, campaignIds, reasonNeeded: false);

    /// <summary>Every step of a reading: context, restatements, audits, the carts' items.</summary>
    private static ParsedQuestion ReadSteps(string read, SemanticLayer layer, IReadOnlyList<string>? campaignNames, IReadOnlyList<string>? campaignIds, bool reasonNeeded) =>
        ParseWithinTimeLimit(
            (read, layer, campaignNames, campaignIds, reasonNeeded),
            static s => RestatementsRead(s.read, s.layer, s.campaignNames, s.campaignIds, Audit(s.read, RangeOnSeveralParts(s.read, s.layer, CartItemsRead(s.read, s.layer, s.campaignNames, s.campaignIds, ParseOnce(s.read, s.layer, s.campaignNames, s.campaignIds, s.reasonNeeded))), s.layer)));
}
