using AetherSegment.Profiles;

namespace AetherSegment.Interpretation.Rules;

/// <summary>
/// The suggested trigger, chosen from the profile's triggers (<see cref="BusinessProfile.Triggers"/>, in order):
/// <list type="number">
/// <item>an incentive the objective names (other than "none"): the first trigger whose <c>incentive_types</c> contain it;</item>
/// <item>else the trigger words the objective names: the heaviest (<see cref="TriggerDefinition.WordWeight"/>, the first
/// named on a tie), except that when the objective rules out any incentive, the word of a trigger whose
/// <c>incentive_types</c> contain "none" counts only for the campaign types in its <c>campaign_types</c>;</item>
/// <item>else the first trigger whose <c>campaign_types</c> contain the campaign type, skipping, when the objective rules
/// out any incentive, the triggers that offer one (an incentive type other than "none");</item>
/// <item>else the first trigger that suits (no incentive when ruled out), or none when the profile has no trigger.</item>
/// </list>
/// Input: trigger meanings (positions in the profile's triggers), then the campaign type and incentive; output: the
/// trigger id. One instance per analyzer; not thread-safe.
/// </summary>
internal sealed class TriggerPass(AnalysisLog log, BusinessProfile profile)
{
    private int _hint = -1;
    private bool _hintFromCue;

    /// <summary>Starts a new objective.</summary>
    public void Reset()
    {
        _hint = -1;
        _hintFromCue = false;
    }

    /// <summary>
    /// Reads a trigger the wording implies (its position in the profile); the heavier hint is kept, the first on a tie,
    /// except that a word the profile lists wins a tie over a role cue (a cross-sell or no-incentive phrase).
    /// </summary>
    public void ReadHint(int trigger, bool fromCue = false)
    {
        if ((uint)trigger >= (uint)profile.Triggers.Count)
        {
            return;
        }

        double weight = profile.Triggers[trigger].WordWeight;
        if (_hint < 0 || weight > profile.Triggers[_hint].WordWeight
            || (weight == profile.Triggers[_hint].WordWeight && _hintFromCue && !fromCue))
        {
            _hint = trigger;
            _hintFromCue = fromCue;
        }

        log.Understand();
    }

    /// <summary>Chooses the trigger id for the campaign type and incentive, or null when the profile has no trigger.</summary>
    public string? Choose(CampaignType type, IncentiveType? incentive)
    {
        IReadOnlyList<TriggerDefinition> triggers = profile.Triggers;
        bool none = incentive == IncentiveType.None;
        if (incentive is { } named && !none)
        {
            foreach (TriggerDefinition t in triggers)
            {
                if (t.IncentiveTypes.Contains(named))
                {
                    return t.Id;
                }
            }
        }

        if (_hint >= 0)
        {
            TriggerDefinition hint = triggers[_hint];
            if (!(none && hint.IncentiveTypes.Contains(IncentiveType.None) && !hint.CampaignTypes.Contains(type)))
            {
                return hint.Id;
            }
        }

        foreach (TriggerDefinition t in triggers)
        {
            if (t.CampaignTypes.Contains(type) && !(none && OffersIncentive(t)))
            {
                return t.Id;
            }
        }

        foreach (TriggerDefinition t in triggers)
        {
            if (!(none && OffersIncentive(t)))
            {
                return t.Id;
            }
        }

        return triggers.Count > 0 ? triggers[0].Id : null;
    }

    /// <summary>Whether the trigger offers an incentive (an incentive type other than "none").</summary>
    internal static bool OffersIncentive(TriggerDefinition trigger)
    {
        foreach (IncentiveType incentive in trigger.IncentiveTypes)
        {
            if (incentive != IncentiveType.None)
            {
                return true;
            }
        }

        return false;
    }
}
