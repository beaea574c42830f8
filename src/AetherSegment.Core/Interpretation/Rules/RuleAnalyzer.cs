using AetherSegment.DataModel;
using AetherSegment.Vocabulary;

namespace AetherSegment.Interpretation.Rules;

/// <summary>
/// Runs the rule-based interpreter's passes over one objective, in order:
/// lexing (<see cref="PhraseMatchPass"/>, <see cref="NumberPass"/>, <see cref="QuantityPass"/>) into <see cref="RuleItems"/>;
/// <see cref="MeaningPass"/>, which hands each phrase meaning to <see cref="PlacePass"/>, <see cref="TaxonomyPass"/>,
/// <see cref="AcquisitionSourcePass"/>, <see cref="ValueTierPass"/>, <see cref="BehaviorPass"/>, <see cref="CampaignTypePass"/>,
/// <see cref="IncentivePass"/>, <see cref="KpiPass"/> and <see cref="TriggerPass"/>; then the values
/// (<see cref="CartValuePass"/>, incentive values, top shares, KPI targets), <see cref="TimeWindowPass"/>, the campaign
/// type, the incentive, <see cref="UnplacedPass"/>, the trigger and the confidence. Each pass owns its state; one
/// analyzer per thread is reused, so a call allocates little more than the answer. Not thread-safe itself.
/// </summary>
internal sealed class RuleAnalyzer
{
    private readonly PhraseMatchPass _phrases;
    private readonly RuleItems _items = new();
    private readonly AnalysisLog _log = new();
    private readonly PlacePass _places;
    private readonly TaxonomyPass _taxonomy;
    private readonly AcquisitionSourcePass _sources;
    private readonly ValueTierPass _tiers;
    private readonly BehaviorPass _behaviors;
    private readonly CampaignTypePass _campaign;
    private readonly IncentivePass _incentive;
    private readonly KpiPass _kpi;
    private readonly TriggerPass _trigger;
    private readonly CartValuePass _cartValue;
    private readonly MeaningPass _meanings;
    private readonly string[] _countries;
    private readonly string[] _cities;
    private readonly string[] _categories;
    private readonly string[] _productTypes;

    /// <summary>Creates the passes for a lexicon built from <paramref name="catalog"/> (catalog meanings are term positions).</summary>
    public RuleAnalyzer(Lexicon lexicon, CatalogVocabulary catalog)
    {
        _countries = Values(catalog, CatalogFacets.Country);
        _cities = Values(catalog, CatalogFacets.City);
        _categories = Values(catalog, CatalogFacets.Category);
        _productTypes = Values(catalog, CatalogFacets.ProductType);
        _phrases = new PhraseMatchPass(lexicon, catalog);
        _places = new PlacePass(_log, catalog);
        _taxonomy = new TaxonomyPass(_items, _log, catalog);
        _sources = new AcquisitionSourcePass(_items, _log);
        _tiers = new ValueTierPass(_items, _log);
        _behaviors = new BehaviorPass(_items, _log, _items.Items.Length);
        _campaign = new CampaignTypePass(_log);
        _incentive = new IncentivePass(_items, _log);
        _kpi = new KpiPass(_items, _log);
        _trigger = new TriggerPass(_log);
        _cartValue = new CartValuePass(_items, _log);
        _meanings = new MeaningPass(_items, _log, _places, _taxonomy, _sources, _tiers, _behaviors, _campaign, _incentive, _kpi, _trigger);
    }

    /// <summary>Interprets one objective (already validated: 1..2,000 characters).</summary>
    public CampaignObjective Interpret(string objective, double churnRiskThreshold)
    {
        Reset();
        _phrases.Run(objective, _items);
        NumberPass.Run(_items);
        QuantityPass.Run(_items);

        _meanings.Run(churnRiskThreshold);

        _cartValue.Run();
        _incentive.PlaceValues();
        _tiers.PlaceTopShares();
        _kpi.PlaceTargets();

        BehaviorWindows windows = TimeWindowPass.Run(_items, _behaviors.Cues, _log);
        CampaignType type = _campaign.Choose(
            _behaviors.Cues, _tiers.ChurnHigh, windows.Acquired, _taxonomy.ProductTypes.Count + _taxonomy.Categories.Count, _taxonomy.PromotedItem, _places.Any);
        _incentive.Finish();
        UnplacedPass.Run(_items, _log);

        bool nothing = _log.Understood == 0;
        if (nothing)
        {
            _log.Warn("No campaign cue, audience, incentive or KPI was recognized; answering general_promotion.");
        }

        TriggerType? trigger = nothing ? null : _trigger.Choose(type, _incentive.Type);
        return new CampaignObjective
        {
            Objective = objective,
            CampaignType = type,
            Audience = new Audience
            {
                ValueTier = _tiers.Tier,
                ClvMin = _tiers.ClvMin,
                Countries = _places.Countries.Pick(_countries),
                Cities = _places.Cities.Pick(_cities),
                Categories = _taxonomy.Categories.Pick(_categories),
                ProductTypes = _taxonomy.ProductTypes.Pick(_productTypes),
                ChurnRisk = _tiers.ChurnHigh ? ChurnRisk.High : null,
                AcquisitionSources = _sources.Sources.Map(static i => (AcquisitionSource)i),
                Behavior = new Behavior
                {
                    AbandonedCartWithinDays = windows.Cart,
                    PurchasedWithinDays = windows.Purchased,
                    NoPurchaseForDays = windows.NoPurchase,
                    AcquiredWithinDays = windows.Acquired,
                    ViewedWithinDays = windows.Viewed,
                    MinCartValue = _cartValue.MinCartValue,
                },
            },
            Incentive = new Incentive { Type = _incentive.Type, Value = _incentive.Value },
            Kpi = new Kpi { Metric = _kpi.Metric, TargetChangePct = _kpi.Target },
            SuggestedTrigger = trigger,
            Interpreter = RuleBasedCampaignInterpreter.InterpreterName,
            Confidence = Confidence(nothing, type, windows),
            Warnings = _log.ToArray(),
        };
    }

    private static string[] Values(CatalogVocabulary catalog, string facet) => [.. catalog.Terms(facet).Select(t => t.Value)];

    private void Reset()
    {
        _log.Reset();
        _places.Reset();
        _taxonomy.Reset();
        _sources.Reset();
        _tiers.Reset();
        _behaviors.Reset();
        _campaign.Reset();
        _incentive.Reset();
        _kpi.Reset();
        _trigger.Reset();
    }

    // More filled fields, a specific campaign type and fewer warnings raise the confidence.
    private double Confidence(bool nothing, CampaignType type, BehaviorWindows windows)
    {
        if (nothing)
        {
            return Math.Round(0.2, 2);
        }

        int filled = _places.Countries.Count + _places.Cities.Count + _taxonomy.Categories.Count + _taxonomy.ProductTypes.Count + _sources.Sources.Count
            + (_tiers.Tier is null ? 0 : 1) + (_tiers.ClvMin is null ? 0 : 1) + (_tiers.ChurnHigh ? 1 : 0)
            + windows.Count + (_cartValue.MinCartValue is null ? 0 : 1) + (_incentive.Type is null ? 0 : 1) + (_kpi.Metric is null ? 0 : 1)
            + (_kpi.Target is null ? 0 : 1);
        double confidence = Math.Clamp(0.55 + (type == CampaignType.GeneralPromotion ? 0 : 0.15) + (0.04 * filled) - (0.1 * _log.Warnings.Count), 0.1, 0.97);
        return Math.Round(confidence, 2);
    }
}
