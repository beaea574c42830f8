using AetherSegment.DataModel;

namespace AetherSegment.Interpretation.Rules;

/// <summary>
/// The suggested trigger: the incentive's own trigger first, then the strongest trigger the wording implies ("low
/// stock", "room ideas"; a plain reminder is the weakest), else the campaign type's default. Input: trigger meanings,
/// then the campaign type and incentive; output: the <see cref="TriggerType"/>. One instance per analyzer; not thread-safe.
/// </summary>
internal sealed class TriggerPass(AnalysisLog log)
{
    private TriggerType? _hint;

    /// <summary>Starts a new objective.</summary>
    public void Reset() => _hint = null;

    /// <summary>Reads a trigger the wording implies; the stronger hint is kept.</summary>
    public void ReadHint(TriggerType trigger)
    {
        if (_hint is not { } hint || HintRank(trigger) > HintRank(hint))
        {
            _hint = trigger;
        }

        log.Understand();
    }

    /// <summary>Chooses the trigger for the campaign type and incentive.</summary>
    public TriggerType Choose(CampaignType type, IncentiveType? incentive)
    {
        switch (incentive)
        {
            case IncentiveType.PercentDiscount or IncentiveType.FixedDiscount:
                return TriggerType.PersonalizedDiscountOffer;
            case IncentiveType.FreeShipping:
                return TriggerType.FreeShippingOffer;
            case IncentiveType.ExclusiveAccess:
                return TriggerType.ExclusiveAccess;
            case IncentiveType.LoyaltyPoints:
                return TriggerType.LoyaltyPointsBonus;
            default:
                break;
        }

        bool none = incentive == IncentiveType.None;
        if (_hint is { } hint && !(none && hint == TriggerType.CartReminder && type != CampaignType.AbandonedCartRecovery && type != CampaignType.BrowseAbandonment))
        {
            return hint;
        }

        return type switch
        {
            CampaignType.AbandonedCartRecovery => TriggerType.CartReminder,
            CampaignType.BrowseAbandonment => TriggerType.ProductRecommendation,
            CampaignType.CrossSell => TriggerType.ProductRecommendation,
            CampaignType.NewCustomerOnboarding => TriggerType.ContentInspiration,
            CampaignType.LoyaltyReward => none ? TriggerType.ContentInspiration : TriggerType.LoyaltyPointsBonus,
            CampaignType.ProductLaunch => none ? TriggerType.ContentInspiration : TriggerType.ExclusiveAccess,
            _ => none ? TriggerType.ContentInspiration : TriggerType.PersonalizedDiscountOffer,
        };
    }

    // A plain reminder is the weakest hint: "nudge ... with room ideas" is content, "remind ... low stock" is urgency.
    private static int HintRank(TriggerType trigger) => trigger switch
    {
        TriggerType.CartReminder => 0,
        TriggerType.ProductRecommendation => 1,
        _ => 2,
    };
}
