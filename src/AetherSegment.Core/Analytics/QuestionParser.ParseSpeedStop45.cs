namespace AetherSegment.Analytics;

/// <summary>
/// Parse speed (stop 45): a declined reading's reason is the part of a reading read last. Which reading answers depends on
/// the readings' status, query and partial query alone (no step looks at a reason), so a question is first read with no
/// declined reading's golden-file reason, and read again for the reasons only when it is declined at the end. The whole
/// and the part of a share, the first range of two and the other readings kept only when answered read their text the
/// same way and never for its reason.
/// </summary>
internal static partial class QuestionParser
{
    /// <summary>A text read as a question of its own, for a caller that keeps the reading only when it is answered.</summary>
    private static ParsedQuestion ReadAnswered(string question, SemanticLayer layer, IReadOnlyList<string>? campaignNames, IReadOnlyList<string>? campaignIds) =>
        Read(question, layer, campaignNames, campaignIds, reasonNeeded: false);

    /// <summary>
    /// Every step of a reading (context, restatements, audits, the carts' items); with <paramref name="reasonNeeded"/>, a
    /// question declined without the reasons is read again with them. The readings kept per thread make the second pass
    /// mostly look-ups: the declined readings it reads again get their reason without being read again.
    /// </summary>
    private static ParsedQuestion ReadWithReasonLast(string read, SemanticLayer layer, IReadOnlyList<string>? campaignNames, IReadOnlyList<string>? campaignIds, bool reasonNeeded)
    {
        ParsedQuestion parsed = ReadSteps(read, layer, campaignNames, campaignIds, reasonNeeded: false);
        return reasonNeeded && parsed.Status == AnalyticsAnswerStatus.Unanswerable && parsed.Reason != AnalyticsRegex.TimedOutReason
            ? ReadSteps(read, layer, campaignNames, campaignIds, reasonNeeded: true)
            : parsed;
    }

    private static ParsedQuestion ReadSteps(string read, SemanticLayer layer, IReadOnlyList<string>? campaignNames, IReadOnlyList<string>? campaignIds, bool reasonNeeded) =>
        ParseWithinTimeLimit(
            (read, layer, campaignNames, campaignIds, reasonNeeded),
            static s => RestatementsRead(s.read, s.layer, s.campaignNames, s.campaignIds, Audit(s.read, RangeOnSeveralParts(s.read, s.layer, CartItemsRead(s.read, s.layer, s.campaignNames, s.campaignIds, ParseOnce(s.read, s.layer, s.campaignNames, s.campaignIds, s.reasonNeeded))), s.layer)));
}
