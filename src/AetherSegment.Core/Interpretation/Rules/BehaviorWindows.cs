namespace AetherSegment.Interpretation.Rules;

/// <summary>The windows of the contract's behavior filters, in days; null when the objective sets none.</summary>
/// <param name="Cart">abandoned_cart_within_days.</param>
/// <param name="Purchased">purchased_within_days.</param>
/// <param name="NoPurchase">no_purchase_for_days.</param>
/// <param name="Acquired">acquired_within_days.</param>
/// <param name="Viewed">viewed_within_days.</param>
internal readonly record struct BehaviorWindows(double? Cart, double? Purchased, double? NoPurchase, double? Acquired, double? Viewed)
{
    /// <summary>How many windows are set.</summary>
    public int Count => (Cart is null ? 0 : 1) + (Purchased is null ? 0 : 1) + (NoPurchase is null ? 0 : 1) + (Acquired is null ? 0 : 1) + (Viewed is null ? 0 : 1);
}
