namespace AetherSegment.Interpretation.Rules;

/// <summary>
/// Behaviors: each behavior word becomes a cue; a negated purchase ("did not buy") is a lapse, and "never bought"
/// marks a customer without a first purchase. Input: behavior meanings; output: <see cref="Cues"/>.
/// One instance per analyzer; not thread-safe.
/// </summary>
internal sealed class BehaviorPass(RuleItems items, AnalysisLog log, int capacity)
{
    /// <summary>The cues read so far.</summary>
    public BehaviorCues Cues { get; } = new(capacity);

    /// <summary>Starts a new objective.</summary>
    public void Reset() => Cues.Reset();

    /// <summary>Reads a behavior meaning of item <paramref name="i"/>.</summary>
    public void Read(int i, BehaviorKind kind)
    {
        log.Understand();
        if (kind == BehaviorKind.Purchase && items.IsNegated(i))
        {
            kind = BehaviorKind.Lapsed;
            if (items.NeverBefore(i))
            {
                Cues.Never = true;
            }
        }

        Cues.Add(i, kind);
    }
}
