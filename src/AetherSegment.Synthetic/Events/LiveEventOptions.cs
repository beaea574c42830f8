namespace AetherSegment.Synthetic.Events;

/// <summary>How the live event stream paces itself.</summary>
public sealed record LiveEventOptions
{
    /// <summary>How often a batch of new events is produced.</summary>
    /// <value>The default value is 5 seconds.</value>
    public TimeSpan Interval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How many events each interval produces on average (sessions make the count vary), at least 1.</summary>
    /// <value>The default value is 20.</value>
    public int EventsPerInterval { get; init; } = 20;

    /// <summary>The seed of the stream's random draws.</summary>
    /// <value>The default value is 42.</value>
    public int Seed { get; init; } = 42;
}
