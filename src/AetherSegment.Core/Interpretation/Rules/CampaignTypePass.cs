namespace AetherSegment.Interpretation.Rules;

/// <summary>
/// The campaign type by the contract's first-match rules: abandoned cart, browse abandonment, win-back, onboarding,
/// cross-sell, loyalty, product launch, geographic targeting, else general promotion. Input: the campaign cues and
/// "recommend" words routed here, and the other passes' results; output: the <see cref="CampaignType"/>.
/// One instance per analyzer; not thread-safe.
/// </summary>
internal sealed class CampaignTypePass(AnalysisLog log)
{
    private readonly bool[] _cues = new bool[Enum.GetValues<CampaignType>().Length];
    private bool _recommend;

    /// <summary>Starts a new objective.</summary>
    public void Reset()
    {
        Array.Clear(_cues);
        _recommend = false;
    }

    /// <summary>Reads a campaign-type cue.</summary>
    public void ReadCue(CampaignType type)
    {
        _cues[(int)type] = true;
        log.Understand();
    }

    /// <summary>Reads "recommend" or "suggest".</summary>
    public void ReadRecommend() => _recommend = true;

    /// <summary>Chooses the campaign type.</summary>
    /// <param name="cues">The behaviors with their windows.</param>
    /// <param name="churnHigh">Whether the audience is at high churn risk.</param>
    /// <param name="acquiredWithinDays">The acquisition window, or null.</param>
    /// <param name="audienceItems">How many categories and product types filter the audience.</param>
    /// <param name="promotedItem">Whether a category or product type is promoted.</param>
    /// <param name="place">Whether a country or city was named.</param>
    public CampaignType Choose(BehaviorCues cues, bool churnHigh, double? acquiredWithinDays, int audienceItems, bool promotedItem, bool place)
    {
        bool cart = _cues[(int)CampaignType.AbandonedCartRecovery];
        bool view = false;
        bool lapsed = churnHigh || _cues[(int)CampaignType.WinBack];
        bool purchase = false;
        for (int c = 0; c < cues.Count; c++)
        {
            switch (cues.Kind[c])
            {
                case BehaviorKind.Cart:
                    cart = true;
                    break;
                case BehaviorKind.View:
                    view = true;
                    break;
                case BehaviorKind.Purchase:
                    purchase = true;
                    break;
                case BehaviorKind.Lapsed when !cues.Never:
                    lapsed = true;
                    break;
                default:
                    break;
            }
        }

        bool onboarding = _cues[(int)CampaignType.NewCustomerOnboarding] || acquiredWithinDays is not null || cues.Never;
        // Promoting one item to the buyers of another ("20% off stoves to anyone who bought a tent") is a cross-sell.
        bool crossSell = _cues[(int)CampaignType.CrossSell] || (purchase && (_recommend || (promotedItem && audienceItems > 0)));
        if (cart)
        {
            return CampaignType.AbandonedCartRecovery;
        }

        if (view || _cues[(int)CampaignType.BrowseAbandonment])
        {
            return CampaignType.BrowseAbandonment;
        }

        if (lapsed)
        {
            return CampaignType.WinBack;
        }

        if (onboarding)
        {
            return CampaignType.NewCustomerOnboarding;
        }

        if (crossSell)
        {
            return CampaignType.CrossSell;
        }

        if (_cues[(int)CampaignType.LoyaltyReward])
        {
            return CampaignType.LoyaltyReward;
        }

        if (_cues[(int)CampaignType.ProductLaunch] && !place)
        {
            return CampaignType.ProductLaunch;
        }

        return place || _cues[(int)CampaignType.GeographicTargeting] ? CampaignType.GeographicTargeting : CampaignType.GeneralPromotion;
    }
}
