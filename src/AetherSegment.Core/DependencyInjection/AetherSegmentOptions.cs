namespace AetherSegment.DependencyInjection;

/// <summary>
/// Settings of the <c>AetherSegment</c> configuration section that are not provider-specific.
/// Validated at start; a bad value fails with a message naming its key.
/// </summary>
public sealed class AetherSegmentOptions
{
    /// <summary>The configuration section these options bind from: <c>AetherSegment</c>.</summary>
    public const string SectionName = "AetherSegment";

    /// <summary>
    /// The business profile file (JSON, see docs/profile.md) that describes the user's tables, catalog and triggers.
    /// Loaded and validated at start: a missing or invalid file stops the host with a message naming this setting and
    /// the JSON path of the first problems.
    /// </summary>
    /// <value>The default value is <see langword="null"/>: the profile registered in code (<c>UseProfile</c>), which for
    /// the sample hosts is the demo retailer of AetherSegment.Synthetic.</value>
    public string? Profile { get; set; }

    /// <summary>clv_score at or above which a customer is in the high value tier.</summary>
    /// <value>The default value is 0.7.</value>
    public double HighValueThreshold { get; set; } = 0.7;

    /// <summary>clv_score below which a customer is in the low value tier.</summary>
    /// <value>The default value is 0.4.</value>
    public double LowValueThreshold { get; set; } = 0.4;

    /// <summary>churn_probability at or above which a customer is at high churn risk.</summary>
    /// <value>The default value is 0.6.</value>
    public double ChurnRiskThreshold { get; set; } = 0.6;
}
