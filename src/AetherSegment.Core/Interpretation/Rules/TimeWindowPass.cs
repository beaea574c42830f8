namespace AetherSegment.Interpretation.Rules;

/// <summary>
/// Time windows: each duration belongs to the behavior before it (else the first behavior after it); "last purchased
/// over 180 days ago" is a lapse; "browsed but did not purchase in the last fortnight" is the browsing's window.
/// Input: the durations of <see cref="RuleItems"/> and the <see cref="BehaviorCues"/>; output: the cues' windows and
/// the first window of each behavior as <see cref="BehaviorWindows"/>. Stateless; thread-safe.
/// </summary>
internal static class TimeWindowPass
{
    private const int NoCue = -1;

    /// <summary>Attaches the durations to the cues and returns the contract's windows.</summary>
    public static BehaviorWindows Run(RuleItems items, BehaviorCues cues, AnalysisLog log)
    {
        int[] cueItem = cues.Item;
        BehaviorKind[] cueKind = cues.Kind;
        double[] cueDays = cues.Days;
        int cueCount = cues.Count;
        for (int i = 0; i < items.Count; i++)
        {
            ref RuleItem item = ref items[i];
            if (item.Kind != ItemKind.Duration)
            {
                continue;
            }

            int cue = NoCue;
            for (int c = cueCount - 1; c >= 0; c--)
            {
                if (cueItem[c] < i)
                {
                    cue = c;
                    break;
                }
            }

            if (cue == NoCue && cueCount > 0)
            {
                cue = 0;
            }

            if (cue != NoCue && double.IsNaN(cueDays[cue]))
            {
                cueDays[cue] = item.Value;
                item.Used = true;
                log.Understand();
                if (cueKind[cue] == BehaviorKind.Purchase && i > 0 && items[i - 1].Has(Sense.Comparator) && cueItem[cue] < i)
                {
                    // "last purchased over 180 days ago": no purchase for at least that long.
                    cueKind[cue] = BehaviorKind.Lapsed;
                }
            }
        }

        for (int c = 1; c < cueCount; c++)
        {
            if (cueKind[c] != BehaviorKind.Lapsed)
            {
                continue;
            }

            BehaviorKind before = cueKind[c - 1];
            if (before == BehaviorKind.View && double.IsNaN(cueDays[c - 1]) && !double.IsNaN(cueDays[c]))
            {
                // "browsed but did not purchase in the last fortnight": the window is the browsing's.
                cueDays[c - 1] = cueDays[c];
                cueDays[c] = double.NaN;
            }
            else if (before == BehaviorKind.Acquire && double.IsNaN(cueDays[c]))
            {
                // "signed up in the last month but haven't made a purchase": not yet a first purchase, not a lapse.
                cues.Never = true;
            }
        }

        double? cart = null, purchased = null, noPurchase = null, acquired = null, viewed = null;
        for (int c = 0; c < cueCount; c++)
        {
            double days = cueDays[c];
            if (double.IsNaN(days))
            {
                continue;
            }

            switch (cueKind[c])
            {
                case BehaviorKind.Cart:
                    cart ??= days;
                    break;
                case BehaviorKind.View:
                    viewed ??= days;
                    break;
                case BehaviorKind.Purchase:
                    purchased ??= days;
                    break;
                case BehaviorKind.Acquire:
                    acquired ??= days;
                    break;
                case BehaviorKind.Lapsed:
                    noPurchase ??= days;
                    break;
                default:
                    break;
            }
        }

        return new BehaviorWindows(cart, purchased, noPurchase, acquired, viewed);
    }
}
