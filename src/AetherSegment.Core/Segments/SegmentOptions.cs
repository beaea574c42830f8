namespace AetherSegment.Segments;

/// <summary>Settings of the segment engine (configuration section <c>AetherSegment:Segments</c>).</summary>
public sealed class SegmentOptions
{
    /// <summary>The configuration section: <c>AetherSegment:Segments</c>.</summary>
    public const string SectionName = "AetherSegment:Segments";

    /// <summary>A fixed instant every time window ends at; when null the data's as-of or the clock is used.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public DateTimeOffset? AsOf { get; set; }

    /// <summary>
    /// Whether windows end at the data's as-of time (the latest event, cart or purchase in the store) rather than the
    /// clock, so "the last 48 hours" means the last 48 hours of the data. Falls back to the clock on an empty store.
    /// </summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool UseDataAsOf { get; set; } = true;

    /// <summary>How many sample profiles a preview shows (0..50).</summary>
    /// <value>The default value is 5.</value>
    public int SampleSize { get; set; } = 5;
}
