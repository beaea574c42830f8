namespace AetherSegment.Synthetic.Generation;

/// <summary>
/// A customer's observable state at one instant (a campaign's send, or the data set's as-of time), computed from the
/// rows the generator wrote before that instant: the inputs of the response model besides the latent traits.
/// </summary>
internal struct ResponseState
{
    /// <summary>An abandoned cart or an add to cart event in the 7 days before.</summary>
    public bool Cart7;

    /// <summary>An abandoned cart or an add to cart event in the 30 days before.</summary>
    public bool Cart30;

    /// <summary>A purchase in the 60 days before.</summary>
    public bool Purchase60;

    /// <summary>A purchase in the 90 days before.</summary>
    public bool Purchase90;

    /// <summary>Any behavioral event in the 14 days before.</summary>
    public bool Browsed14;

    /// <summary>Any behavioral event in the 90 days before.</summary>
    public bool Browsed90;

    /// <summary>Purchases before.</summary>
    public int Purchases;

    /// <summary>Stock checks and wishlist adds in the 90 days before.</summary>
    public int StockChecksAndWishlist90;

    /// <summary>Room planner and AR uses before.</summary>
    public int PlannerAndAr;
}
