using System.Text.Json.Serialization;
using AetherSegment.Experiments;

namespace AetherSegment.Synthetic.Campaigns;

/// <summary>What <see cref="CampaignSimulator"/> played: per arm members and conversions, and the campaign's true uplift.</summary>
public sealed record CampaignSimulation
{
    /// <summary>The segment id.</summary>
    [JsonPropertyName("segment_id")]
    public required string SegmentId { get; init; }

    /// <summary>The trigger played.</summary>
    [JsonPropertyName("trigger")]
    public required string Trigger { get; init; }

    /// <summary>The days after activation played.</summary>
    [JsonPropertyName("days")]
    public int Days { get; init; }

    /// <summary>The random seed.</summary>
    [JsonPropertyName("seed")]
    public int Seed { get; init; }

    /// <summary>The treated arm's members and conversions.</summary>
    [JsonPropertyName("treated")]
    public required ArmOutcome Treated { get; init; }

    /// <summary>The holdout arm's members and conversions.</summary>
    [JsonPropertyName("holdout")]
    public required ArmOutcome Holdout { get; init; }

    /// <summary>The mean true uplift of the treated members (the effect the report should find).</summary>
    [JsonPropertyName("true_uplift")]
    public double TrueUplift { get; init; }

    /// <summary>Orders written to the store.</summary>
    [JsonPropertyName("orders_written")]
    public long OrdersWritten { get; init; }
}
