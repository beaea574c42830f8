using System.Text.Json.Serialization;

namespace AetherSegment.Interpretation;

/// <summary>Behavior predicates of an audience. Every window is in days (decimals allowed: 48 hours is 2).</summary>
public sealed record Behavior
{
    /// <summary>Abandoned a cart within this many days.</summary>
    [JsonPropertyName("abandoned_cart_within_days")]
    public double? AbandonedCartWithinDays { get; init; }

    /// <summary>Purchased within this many days.</summary>
    [JsonPropertyName("purchased_within_days")]
    public double? PurchasedWithinDays { get; init; }

    /// <summary>Has not purchased for at least this many days.</summary>
    [JsonPropertyName("no_purchase_for_days")]
    public double? NoPurchaseForDays { get; init; }

    /// <summary>Was acquired within this many days.</summary>
    [JsonPropertyName("acquired_within_days")]
    public double? AcquiredWithinDays { get; init; }

    /// <summary>Viewed products within this many days.</summary>
    [JsonPropertyName("viewed_within_days")]
    public double? ViewedWithinDays { get; init; }

    /// <summary>The minimum abandoned cart value in USD, when the objective gives a number.</summary>
    [JsonPropertyName("min_cart_value")]
    public double? MinCartValue { get; init; }
}
