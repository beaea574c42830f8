namespace AetherSegment.Interpretation.Rules;

/// <summary>
/// The behaviors an objective names (carted, viewed, purchased, acquired, lapsed), each with the item that named it and
/// the time window attached to it (NaN until <see cref="TimeWindowPass"/> attaches one). Written by
/// <see cref="BehaviorPass"/>, windows by <see cref="TimeWindowPass"/>; read by <see cref="CampaignTypePass"/>.
/// Not thread-safe.
/// </summary>
internal sealed class BehaviorCues(int capacity)
{
    /// <summary>The item of each cue.</summary>
    public int[] Item { get; } = new int[capacity];

    /// <summary>The behavior of each cue.</summary>
    public BehaviorKind[] Kind { get; } = new BehaviorKind[capacity];

    /// <summary>The window of each cue in days, NaN when none.</summary>
    public double[] Days { get; } = new double[capacity];

    /// <summary>The number of cues.</summary>
    public int Count { get; private set; }

    /// <summary>Whether the audience has never purchased ("never bought", "signed up but haven't purchased").</summary>
    public bool Never { get; set; }

    /// <summary>Starts a new objective.</summary>
    public void Reset()
    {
        Count = 0;
        Never = false;
    }

    /// <summary>Adds a cue without a window.</summary>
    public void Add(int item, BehaviorKind kind)
    {
        Item[Count] = item;
        Kind[Count] = kind;
        Days[Count] = double.NaN;
        Count++;
    }
}
