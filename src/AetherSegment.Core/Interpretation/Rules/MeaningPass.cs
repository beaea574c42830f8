using AetherSegment.DataModel;

namespace AetherSegment.Interpretation.Rules;

/// <summary>
/// Walks the phrases in objective order and hands each meaning to the pass that owns its sense (places, taxonomy,
/// sources, value and churn tiers, behaviors, campaign cues, incentives, KPI, trigger hints). An audience value after
/// a negator ("except Boston") is an exclusion the contract cannot express: a warning, and none of its meanings are
/// read. Walking once in order keeps the warnings in the order the objective raises them. Not thread-safe.
/// </summary>
internal sealed class MeaningPass(
    RuleItems items,
    AnalysisLog log,
    PlacePass places,
    TaxonomyPass taxonomy,
    AcquisitionSourcePass sources,
    ValueTierPass tiers,
    BehaviorPass behaviors,
    CampaignTypePass campaign,
    IncentivePass incentive,
    KpiPass kpi,
    TriggerPass trigger)
{
    /// <summary>Reads every meaning of every phrase.</summary>
    /// <param name="churnRiskThreshold">The churn probability at or above which churn risk is high.</param>
    public void Run(double churnRiskThreshold)
    {
        for (int i = 0; i < items.Count; i++)
        {
            RuleItem item = items[i];
            if (item.Kind != ItemKind.Phrase || item.Meanings is null)
            {
                continue;
            }

            if (items.IsExcludedAudience(i))
            {
                log.Warn($"'{items.SourceText(i)}' is excluded by the objective; the contract has no exclusion filter, so it was left out.");
                log.Understand();
                continue;
            }

            foreach (LexMeaning meaning in item.Meanings)
            {
                Route(i, meaning, churnRiskThreshold);
            }
        }
    }

    private void Route(int i, LexMeaning meaning, double churnRiskThreshold)
    {
        switch (meaning.Sense)
        {
            case Sense.Place:
                places.Read(meaning.Value);
                break;
            case Sense.Taxon:
                taxonomy.Read(i, meaning.Value);
                break;
            case Sense.Source:
                sources.Read(i, meaning.Value);
                break;
            case Sense.Tier:
                tiers.ReadTier(i, (ValueTier)meaning.Value);
                break;
            case Sense.ChurnHigh:
                tiers.ReadChurn(i);
                break;
            case Sense.Clv:
                tiers.ReadClv(i);
                break;
            case Sense.ChurnProbability:
                tiers.ReadChurnProbability(i, churnRiskThreshold);
                break;
            case Sense.Behavior:
                behaviors.Read(i, (BehaviorKind)meaning.Value);
                break;
            case Sense.Campaign:
                campaign.ReadCue((CampaignType)meaning.Value);
                break;
            case Sense.Incentive:
                incentive.ReadIncentive(i, (IncentiveType)meaning.Value, meaning.Number);
                break;
            case Sense.NoIncentive:
                incentive.ReadNoIncentive();
                break;
            case Sense.Kpi:
                kpi.Read((KpiMetric)meaning.Value);
                break;
            case Sense.Trigger:
                trigger.ReadHint(meaning.Value, fromCue: meaning.Number == ProfileTriggerWords.Cue);
                break;
            case Sense.Recommend:
                campaign.ReadRecommend();
                break;
            default:
                break;
        }
    }
}
