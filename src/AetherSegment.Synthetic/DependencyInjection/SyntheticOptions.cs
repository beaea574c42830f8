namespace AetherSegment.Synthetic;

/// <summary>Settings of the synthetic retailer (configuration section <c>AetherSegment:Synthetic</c>).</summary>
public sealed class SyntheticOptions
{
    /// <summary>The configuration section: <c>AetherSegment:Synthetic</c>.</summary>
    public const string SectionName = "AetherSegment:Synthetic";

    /// <summary>How many customers to generate.</summary>
    /// <value>The default value is 10,000.</value>
    public int Customers { get; set; } = 10_000;

    /// <summary>The seed of every random draw; the same seed and as-of time give identical data.</summary>
    /// <value>The default value is 42.</value>
    public int Seed { get; set; } = 42;

    /// <summary>The as-of time of the data set; when null, the injected <see cref="TimeProvider"/>'s now.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public DateTimeOffset? AsOf { get; set; }

    /// <summary>Whether to write the <c>ground_truth_uplift</c> table.</summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool GroundTruth { get; set; } = true;
}
