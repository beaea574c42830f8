using System.Text.Json.Serialization;

namespace AetherSegment.Segments;

/// <summary>What a segment looks like before it is activated (the web API's <c>segment_preview</c>).</summary>
public sealed record SegmentPreview
{
    /// <summary>Members.</summary>
    [JsonPropertyName("size")]
    public required long Size { get; init; }

    /// <summary>The members' average value score (the profile's value_score attribute), or <see langword="null"/> for an empty segment.</summary>
    [JsonPropertyName("avg_clv")]
    public double? AvgClv { get; init; }

    /// <summary>The members' average abandoned-cart value in the profile's currency (their largest cart in the cart window) where a filter is
    /// about carts, else <see langword="null"/>.</summary>
    [JsonPropertyName("avg_cart_value")]
    public double? AvgCartValue { get; init; }

    /// <summary>The predicted uplift of the segment's trigger (or the best ranked one), or <see langword="null"/> when no ranker is registered.</summary>
    [JsonPropertyName("predicted_uplift")]
    public double? PredictedUplift { get; init; }

    /// <summary>The id of the profile trigger the segment is built or previewed for, or <see langword="null"/>.</summary>
    [JsonPropertyName("trigger")]
    public string? Trigger { get; init; }

    /// <summary>Every customer in the store (the waterfall's starting point).</summary>
    [JsonPropertyName("total_customers")]
    public required long TotalCustomers { get; init; }

    /// <summary>The average value score (the profile's value_score attribute) of every customer in the store.</summary>
    [JsonPropertyName("total_avg_clv")]
    public double? TotalAvgClv { get; init; }

    /// <summary>The filters, in order, each with its provenance.</summary>
    [JsonPropertyName("filters")]
    public IReadOnlyList<SegmentFilter> Filters { get; init; } = [];

    /// <summary>The size after each filter in order.</summary>
    [JsonPropertyName("waterfall")]
    public IReadOnlyList<WaterfallStep> Waterfall { get; init; } = [];

    /// <summary>Members by country, city and value tier.</summary>
    [JsonPropertyName("breakdowns")]
    public SegmentBreakdowns Breakdowns { get; init; } = new();

    /// <summary>A few of the highest-value members, e-mail masked.</summary>
    [JsonPropertyName("sample_profiles")]
    public IReadOnlyList<SampleProfile> SampleProfiles { get; init; } = [];

    /// <summary>The instant the time windows end at.</summary>
    [JsonPropertyName("as_of")]
    public DateTimeOffset AsOf { get; init; }
}
