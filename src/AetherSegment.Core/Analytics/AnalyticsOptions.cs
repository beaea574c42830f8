using System.ComponentModel.DataAnnotations;

namespace AetherSegment.Analytics;

/// <summary>Settings of conversational analytics (configuration section <c>AetherSegment:Analytics</c>).</summary>
public sealed class AnalyticsOptions
{
    /// <summary>The configuration section: <c>AetherSegment:Analytics</c>.</summary>
    public const string SectionName = "AetherSegment:Analytics";

    /// <summary>The most rows an answer returns (every query is wrapped in a LIMIT of this size).</summary>
    /// <value>The default value is 1000.</value>
    [Range(1, 100_000, ErrorMessage = "AetherSegment:Analytics:MaxRows must be between 1 and 100000.")]
    public int MaxRows { get; set; } = 1000;

    /// <summary>How long one query may take in the store before it is cancelled (the answer is then an error).</summary>
    /// <value>The default value is 30 seconds.</value>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00", ErrorMessage = "AetherSegment:Analytics:Timeout must be between 00:00:00.010 and 00:10:00.")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a language model may take to write SQL before the rule-based parser answers instead.</summary>
    /// <value>The default value is 20 seconds.</value>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00", ErrorMessage = "AetherSegment:Analytics:LanguageModelTimeout must be between 00:00:00.010 and 00:10:00.")]
    public TimeSpan LanguageModelTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>The most bytes a language-model query may process on a store that can dry-run (BigQuery).</summary>
    /// <value>The default value is 1073741824 (1 GiB).</value>
    [Range(1L, long.MaxValue, ErrorMessage = "AetherSegment:Analytics:MaximumBytesProcessed must be positive.")]
    public long MaximumBytesProcessed { get; set; } = 1L << 30;

    /// <summary>
    /// Where "now" comes from for relative time ranges: <see langword="true"/> (the default) takes the latest timestamp
    /// in the data (transactions, events, carts, campaigns), so "last month" means the month before the data's as-of;
    /// <see langword="false"/> takes the injected <see cref="TimeProvider"/>.
    /// </summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool AsOfFromData { get; set; } = true;
}
