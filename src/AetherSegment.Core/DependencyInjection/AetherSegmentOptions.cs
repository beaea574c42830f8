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

    /// <summary>The value score (the profile attribute with the value_score role) at or above which a customer is in the high value tier, 0..1; overrides the profile's <c>catalog.value_tiers.high</c>.</summary>
    /// <value>The default value is <see langword="null"/>: the profile's threshold (0.7 for the demo retailer).</value>
    public double? HighValueThreshold { get; set; }

    /// <summary>The value score below which a customer is in the low value tier, 0..1; overrides the profile's <c>catalog.value_tiers.low</c>.</summary>
    /// <value>The default value is <see langword="null"/>: the profile's threshold (0.4 for the demo retailer).</value>
    public double? LowValueThreshold { get; set; }

    /// <summary>The churn score (the attribute with the churn_score role) at or above which a customer is at high churn risk, 0..1; overrides the profile's <c>catalog.churn_risk.high</c>.</summary>
    /// <value>The default value is <see langword="null"/>: the profile's threshold (0.6 for the demo retailer).</value>
    public double? ChurnRiskThreshold { get; set; }
}
