using System.ComponentModel.DataAnnotations;

namespace AetherSegment.DependencyInjection;

/// <summary>
/// Settings of the <c>AetherSegment</c> configuration section that are not provider-specific.
/// Validated at start; a bad value fails with a message naming its key.
/// </summary>
public sealed class AetherSegmentOptions
{
    /// <summary>The configuration section these options bind from: <c>AetherSegment</c>.</summary>
    public const string SectionName = "AetherSegment";

    /// <summary>Which store answers queries: <c>duckdb</c> or <c>bigquery</c>.</summary>
    /// <value>The default value is <c>duckdb</c>.</value>
    [Required(ErrorMessage = "AetherSegment:Store is required (duckdb or bigquery).")]
    [RegularExpression("^(?i)(duckdb|bigquery)$", ErrorMessage = "AetherSegment:Store must be duckdb or bigquery.")]
    public string Store { get; set; } = "duckdb";

    /// <summary>Which interpreter reads objectives: <c>rules</c>, <c>gemini</c> or <c>chat</c>.</summary>
    /// <value>The default value is <c>rules</c>.</value>
    [Required(ErrorMessage = "AetherSegment:Interpreter is required (rules, gemini or chat).")]
    [RegularExpression("^(?i)(rules|gemini|chat)$", ErrorMessage = "AetherSegment:Interpreter must be rules, gemini or chat.")]
    public string Interpreter { get; set; } = "rules";

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
