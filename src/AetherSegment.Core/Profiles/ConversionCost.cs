namespace AetherSegment.Profiles;

/// <summary>
/// What one conversion of a trigger costs the business: either a share of the order value (a discount) or a fixed
/// amount (free shipping). Exactly one of the two is set.
/// </summary>
/// <param name="ShareOfOrderValue">The cost as a share of the order value, 0..1, or <see langword="null"/>.</param>
/// <param name="FixedAmount">The cost in the profile's currency, or <see langword="null"/>.</param>
public sealed record ConversionCost(double? ShareOfOrderValue, double? FixedAmount)
{
    /// <summary>The cost of one conversion of an order worth <paramref name="orderValue"/>, in the profile's currency.</summary>
    public double For(double orderValue) => ShareOfOrderValue is { } share ? share * orderValue : FixedAmount ?? 0;
}
