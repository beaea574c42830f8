namespace AetherSegment.Synthetic.Generation;

/// <summary>
/// Everything the generator knows about the customer being generated: latent traits (never written), the observable
/// state their rows imply, and tastes. One instance is reused for every customer, so memory does not grow.
/// </summary>
internal sealed class CustomerState
{
    public long Index;
    public string CustomerId = "";
    public int Country;

    // Latent traits, 0..1 (customer_scores are noisy measurements of the first five).
    public double Discount;
    public double FreeShipping;
    public double Exclusivity;
    public double Content;
    public double Churn;
    public double Clv;

    // Tastes: three favourite categories with their weights (cumulative), a price level, a favourite device.
    public readonly int[] FavouriteCategories = new int[3];
    public readonly double[] FavouriteCumulative = new double[4];
    public double PriceLevel;
    public int Device;

    // Timeline, in seconds since the Unix epoch (UTC).
    public long CreatedAt;
    public long ActiveUntil;

    // Observable state, derived from the rows written so far (the rest is computed per instant: ResponseState).
    public int Purchases;
    public long LastPurchaseAt;
    public double TotalSpend;
    public bool HasCart;
    public long CartAt;

    /// <summary>Clears the observable state before the next customer.</summary>
    public void ResetObservables()
    {
        Purchases = 0;
        LastPurchaseAt = 0;
        TotalSpend = 0;
        HasCart = false;
        CartAt = 0;
    }
}
