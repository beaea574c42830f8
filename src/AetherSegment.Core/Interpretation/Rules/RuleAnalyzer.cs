using System.Globalization;
using AetherSegment.DataModel;

namespace AetherSegment.Interpretation.Rules;

/// <summary>
/// The rule-based interpreter's working state for one objective: tokens, matched items and what the rules placed.
/// One instance per thread is reused (no allocation growth); not thread-safe itself.
/// </summary>
internal sealed class RuleAnalyzer
{
    private const int MaxChars = CampaignObjectiveValidator.MaxObjectiveLength + 16;
    private const int NoCue = -1;

    private readonly Lexicon _lexicon;
    private readonly char[] _normalized = new char[MaxChars];
    private readonly Token[] _tokens = new Token[MaxChars];
    private readonly RuleItem[] _items = new RuleItem[MaxChars];
    private readonly int[] _cueItem = new int[MaxChars];
    private readonly BehaviorKind[] _cueKind = new BehaviorKind[MaxChars];
    private readonly double[] _cueDays = new double[MaxChars];
    private readonly bool[] _countries = new bool[RetailCatalog.Countries.Count];
    private readonly bool[] _cities = new bool[RetailCatalog.Cities.Count];
    private readonly bool[] _categories = new bool[RetailCatalog.Categories.Count];
    private readonly bool[] _productTypes = new bool[RetailCatalog.ProductTypes.Count];
    private readonly bool[] _sources = new bool[Enum.GetValues<AcquisitionSource>().Length];
    private readonly bool[] _campaignCues = new bool[Enum.GetValues<CampaignType>().Length];
    private readonly int[] _countryOrder = new int[RetailCatalog.Countries.Count];
    private readonly int[] _cityOrder = new int[RetailCatalog.Cities.Count];
    private readonly int[] _categoryOrder = new int[RetailCatalog.Categories.Count];
    private readonly int[] _productTypeOrder = new int[RetailCatalog.ProductTypes.Count];
    private readonly int[] _sourceOrder = new int[Enum.GetValues<AcquisitionSource>().Length];
    private readonly List<string> _warnings = [];

    private string _text = "";
    private int _tokenCount;
    private int _itemCount;
    private int _cueCount;
    private int _countryCount;
    private int _cityCount;
    private int _categoryCount;
    private int _productTypeCount;
    private int _sourceCount;
    private ValueTier? _tier;
    private double? _clvMin;
    private bool _churnHigh;
    private IncentiveType? _incentive;
    private double _incentiveStrength;
    private int _incentiveItem;
    private double? _incentiveValue;
    private IncentiveType? _otherIncentive;
    private bool _noIncentive;
    private KpiMetric? _kpi;
    private double? _kpiTarget;
    private TriggerType? _triggerHint;
    private bool _recommend;
    private bool _never;
    private bool _promotedItem;
    private double? _minCartValue;
    private int _understood;

    public RuleAnalyzer(Lexicon lexicon) => _lexicon = lexicon;

    /// <summary>Interprets one objective (already validated: 1..2,000 characters).</summary>
    public CampaignObjective Interpret(string objective, double churnRiskThreshold)
    {
        Reset(objective);
        _tokenCount = Tokenizer.Tokenize(objective, _normalized, _tokens);
        for (int t = 0; t < _tokenCount; t++)
        {
            ref Token token = ref _tokens[t];
            if (!token.IsNumber)
            {
                token.WordId = _lexicon.WordId(_normalized.AsSpan(token.Start, token.Length));
            }
        }

        MatchPhrases();
        ComposeNumbers();
        ReadValues();
        ReadMeanings(churnRiskThreshold);
        PlaceValues();
        AttachWindows(out double? cart, out double? purchased, out double? noPurchase, out double? acquired, out double? viewed);
        CampaignType type = ChooseCampaignType(acquired);
        ChooseIncentive();
        WarnUnplaced();

        bool nothing = _understood == 0;
        if (nothing)
        {
            _warnings.Add("No campaign cue, audience, incentive or KPI was recognized; answering general_promotion.");
        }

        TriggerType? trigger = nothing ? null : ChooseTrigger(type);
        int filled = _countryCount + _cityCount + _categoryCount + _productTypeCount + _sourceCount
            + (_tier is null ? 0 : 1) + (_clvMin is null ? 0 : 1) + (_churnHigh ? 1 : 0)
            + (cart is null ? 0 : 1) + (purchased is null ? 0 : 1) + (noPurchase is null ? 0 : 1) + (acquired is null ? 0 : 1)
            + (viewed is null ? 0 : 1) + (_minCartValue is null ? 0 : 1) + (_incentive is null ? 0 : 1) + (_kpi is null ? 0 : 1)
            + (_kpiTarget is null ? 0 : 1);
        double confidence = nothing ? 0.2
            : Math.Clamp(0.55 + (type == CampaignType.GeneralPromotion ? 0 : 0.15) + (0.04 * filled) - (0.1 * _warnings.Count), 0.1, 0.97);

        return new CampaignObjective
        {
            Objective = objective,
            CampaignType = type,
            Audience = new Audience
            {
                ValueTier = _tier,
                ClvMin = _clvMin,
                Countries = Names(_countryOrder, _countryCount, static i => RetailCatalog.Countries[i].Name),
                Cities = Names(_cityOrder, _cityCount, static i => RetailCatalog.Cities[i].Name),
                Categories = Names(_categoryOrder, _categoryCount, static i => RetailCatalog.Categories[i].Name),
                ProductTypes = Names(_productTypeOrder, _productTypeCount, static i => RetailCatalog.ProductTypes[i].Name),
                ChurnRisk = _churnHigh ? ChurnRisk.High : null,
                AcquisitionSources = Sources(),
                Behavior = new Behavior
                {
                    AbandonedCartWithinDays = cart,
                    PurchasedWithinDays = purchased,
                    NoPurchaseForDays = noPurchase,
                    AcquiredWithinDays = acquired,
                    ViewedWithinDays = viewed,
                    MinCartValue = _minCartValue,
                },
            },
            Incentive = new Incentive { Type = _incentive, Value = _incentiveValue },
            Kpi = new Kpi { Metric = _kpi, TargetChangePct = _kpiTarget },
            SuggestedTrigger = trigger,
            Interpreter = RuleBasedCampaignInterpreter.InterpreterName,
            Confidence = Math.Round(confidence, 2),
            Warnings = _warnings.Count == 0 ? [] : [.. _warnings],
        };
    }

    private void Reset(string objective)
    {
        _text = objective;
        _itemCount = 0;
        _cueCount = 0;
        _countryCount = _cityCount = _categoryCount = _productTypeCount = _sourceCount = 0;
        Array.Clear(_countries);
        Array.Clear(_cities);
        Array.Clear(_categories);
        Array.Clear(_productTypes);
        Array.Clear(_sources);
        Array.Clear(_campaignCues);
        _warnings.Clear();
        _tier = null;
        _clvMin = null;
        _churnHigh = false;
        _incentive = null;
        _incentiveStrength = 0;
        _incentiveItem = -1;
        _incentiveValue = null;
        _otherIncentive = null;
        _noIncentive = false;
        _kpi = null;
        _kpiTarget = null;
        _triggerHint = null;
        _recommend = false;
        _never = false;
        _promotedItem = false;
        _minCartValue = null;
        _understood = 0;
    }

    // ---- Pass 1: longest lexicon phrase at each token; numbers and unknown words as their own items.
    private void MatchPhrases()
    {
        int t = 0;
        while (t < _tokenCount)
        {
            ref Token token = ref _tokens[t];
            ref RuleItem item = ref _items[_itemCount++];
            item = new RuleItem { Token = t, TokenEnd = t + 1 };
            if (token.IsNumber)
            {
                item.Kind = ItemKind.Number;
                item.Value = token.Number;
                t++;
                continue;
            }

            if (token.IsUpper && token.Length == 2 && UpperCaseAlias(_normalized.AsSpan(token.Start, 2)) is { } alias)
            {
                // "US" and "LA" in capitals are places; "us" is a pronoun and "la" a French article.
                item.Kind = ItemKind.Phrase;
                item.Meanings = alias;
                t++;
                continue;
            }

            int node = 0;
            int bestEnd = -1;
            LexMeaning[]? best = null;
            for (int k = t; k < _tokenCount; k++)
            {
                node = _lexicon.Step(node, _tokens[k].WordId);
                if (node < 0)
                {
                    break;
                }

                if (_lexicon.Meanings(node) is { } meanings)
                {
                    best = meanings;
                    bestEnd = k + 1;
                }
            }

            if (best is null)
            {
                item.Kind = ItemKind.Unknown;
                t++;
            }
            else
            {
                item.Kind = ItemKind.Phrase;
                item.Meanings = best;
                item.TokenEnd = bestEnd;
                t = bestEnd;
            }
        }
    }

    private static readonly LexMeaning[] UsMeaning = [new(Sense.Country, IndexOfCountry("United States"))];
    private static readonly LexMeaning[] LaMeaning = [new(Sense.City, IndexOfCity("Los Angeles"))];

    private static LexMeaning[]? UpperCaseAlias(ReadOnlySpan<char> word) =>
        word.SequenceEqual("us") ? UsMeaning : word.SequenceEqual("la") ? LaMeaning : null;

    private static int IndexOfCountry(string name)
    {
        for (int i = 0; i < RetailCatalog.Countries.Count; i++)
        {
            if (RetailCatalog.Countries[i].Name == name)
            {
                return i;
            }
        }

        throw new InvalidOperationException($"{name} is not a country of RetailCatalog.");
    }

    private static int IndexOfCity(string name)
    {
        for (int i = 0; i < RetailCatalog.Cities.Count; i++)
        {
            if (RetailCatalog.Cities[i].Name == name)
            {
                return i;
            }
        }

        throw new InvalidOperationException($"{name} is not a city of RetailCatalog.");
    }

    // ---- Pass 2: number words ("twenty five", "a couple of") and multipliers ("1.5k", "two thousand") become numbers.
    private void ComposeNumbers()
    {
        int write = 0;
        for (int read = 0; read < _itemCount; read++)
        {
            RuleItem item = _items[read];
            bool isNumber = item.Kind == ItemKind.Number;
            if (!isNumber && item.TryGet(Sense.NumberWord, out LexMeaning word) && !IsOneBeforeNothing(read))
            {
                isNumber = true;
                item.Kind = ItemKind.Number;
                item.Meanings = null;
                item.Value = word.Number;
                if (word.Number >= 20 && word.Number % 10 == 0 && read + 1 < _itemCount
                    && _items[read + 1].TryGet(Sense.NumberWord, out LexMeaning unit) && unit.Number is > 0 and < 10)
                {
                    item.Value += unit.Number;
                    item.TokenEnd = _items[read + 1].TokenEnd;
                    read++;
                }
            }

            if (isNumber && read + 1 < _itemCount && _items[read + 1].TryGet(Sense.Multiplier, out LexMeaning multiplier))
            {
                item.Value *= multiplier.Number;
                item.TokenEnd = _items[read + 1].TokenEnd;
                read++;
            }

            _items[write++] = item;
        }

        _itemCount = write;
    }

    // "one" in "no one" or "one of" is not a number worth placing; only compose it before a unit.
    private bool IsOneBeforeNothing(int index) =>
        _items[index].Has(Sense.One) && (index + 1 >= _itemCount || !_items[index + 1].Has(Sense.Unit));

    // ---- Pass 3: durations, percentages and amounts of money.
    private void ReadValues()
    {
        int write = 0;
        for (int read = 0; read < _itemCount; read++)
        {
            RuleItem item = _items[read];
            RuleItem next = read + 1 < _itemCount ? _items[read + 1] : default;
            if (item.Kind == ItemKind.Number && IsWord(read + 1, "+") && read + 2 < _itemCount
                && (_items[read + 2].Has(Sense.Unit) || _items[read + 2].Has(Sense.Percent) || _items[read + 2].Has(Sense.Currency)))
            {
                // "90+ days", "20+%": the plus reads as "at least".
                read++;
                next = _items[read + 1];
            }

            if (item.Kind == ItemKind.Number && next.TryGet(Sense.Unit, out LexMeaning unit))
            {
                item.Kind = ItemKind.Duration;
                item.Value = Math.Round(item.Value * unit.Number, 4);
                item.TokenEnd = next.TokenEnd;
                read++;
            }
            else if (item.Kind == ItemKind.Phrase && item.Has(Sense.One) && next.TryGet(Sense.Unit, out unit))
            {
                item.Kind = ItemKind.Duration;
                item.Meanings = null;
                item.Value = Math.Round(unit.Number, 4);
                item.TokenEnd = next.TokenEnd;
                read++;
            }
            else if (item.Kind == ItemKind.Phrase && item.TryGet(Sense.Window, out LexMeaning window))
            {
                item.Kind = ItemKind.Duration;
                item.Meanings = null;
                item.Value = window.Number;
            }
            else if (item.Kind == ItemKind.Number && next.Has(Sense.Percent))
            {
                item.Kind = ItemKind.Percent;
                item.TokenEnd = next.TokenEnd;
                read++;
            }
            else if (item.Kind == ItemKind.Number && next.Has(Sense.Currency))
            {
                item.Kind = ItemKind.Money;
                item.TokenEnd = next.TokenEnd;
                read++;
            }
            else if (item.Kind == ItemKind.Phrase && item.Has(Sense.Currency) && next.Kind == ItemKind.Number)
            {
                item = next;
                item.Kind = ItemKind.Money;
                item.Token = _items[read].Token;
                read++;
            }

            _items[write++] = item;
        }

        _itemCount = write;
    }

    // ---- Pass 4: what each phrase says.
    private void ReadMeanings(double churnRiskThreshold)
    {
        for (int i = 0; i < _itemCount; i++)
        {
            RuleItem item = _items[i];
            if (item.Kind != ItemKind.Phrase || item.Meanings is null)
            {
                continue;
            }

            if (IsExcludedAudience(i))
            {
                _warnings.Add($"'{SourceText(i)}' is excluded by the objective; the contract has no exclusion filter, so it was left out.");
                _understood++;
                continue;
            }

            foreach (LexMeaning meaning in item.Meanings)
            {
                switch (meaning.Sense)
                {
                    case Sense.Country:
                        Add(_countries, _countryOrder, ref _countryCount, meaning.Value);
                        break;
                    case Sense.City:
                        Add(_cities, _cityOrder, ref _cityCount, meaning.Value);
                        break;
                    case Sense.Category when IsAudienceItem(i):
                        Add(_categories, _categoryOrder, ref _categoryCount, meaning.Value);
                        break;
                    case Sense.ProductType when IsAudienceItem(i):
                        Add(_productTypes, _productTypeOrder, ref _productTypeCount, meaning.Value);
                        break;
                    case Sense.Category or Sense.ProductType:
                        _promotedItem = true;
                        _understood++;
                        break;
                    case Sense.Source when IsAcquisitionContext(i):
                        Add(_sources, _sourceOrder, ref _sourceCount, meaning.Value);
                        break;
                    case Sense.Tier:
                        ReadTier(i, (ValueTier)meaning.Value);
                        break;
                    case Sense.ChurnHigh:
                        ReadChurn(i);
                        break;
                    case Sense.Clv:
                        ReadClv(i);
                        break;
                    case Sense.ChurnProbability:
                        ReadChurnProbability(i, churnRiskThreshold);
                        break;
                    case Sense.Behavior:
                        ReadBehavior(i, (BehaviorKind)meaning.Value);
                        break;
                    case Sense.Campaign:
                        _campaignCues[meaning.Value] = true;
                        _understood++;
                        break;
                    case Sense.Incentive:
                        if (IsNegated(i))
                        {
                            _noIncentive = true;
                        }
                        else
                        {
                            Offer((IncentiveType)meaning.Value, meaning.Number, i);
                        }

                        break;
                    case Sense.NoIncentive:
                        _noIncentive = true;
                        _understood++;
                        break;
                    case Sense.Kpi when _kpi is null:
                        _kpi = (KpiMetric)meaning.Value;
                        _understood++;
                        break;
                    case Sense.Trigger:
                        if (_triggerHint is not { } hint || HintRank((TriggerType)meaning.Value) > HintRank(hint))
                        {
                            _triggerHint = (TriggerType)meaning.Value;
                        }

                        _understood++;
                        break;
                    case Sense.Recommend:
                        _recommend = true;
                        break;
                    default:
                        break;
                }
            }
        }
    }

    // A plain reminder is the weakest hint: "nudge ... with room ideas" is content, "remind ... low stock" is urgency.
    private static int HintRank(TriggerType trigger) => trigger switch
    {
        TriggerType.CartReminder => 0,
        TriggerType.ProductRecommendation => 1,
        _ => 2,
    };

    // "but not to VIPs", "except London": an audience value after a negator is an exclusion.
    private bool IsExcludedAudience(int i)
    {
        RuleItem item = _items[i];
        bool audience = item.Has(Sense.Country) || item.Has(Sense.City) || item.Has(Sense.Tier) || item.Has(Sense.Source)
            || ((item.Has(Sense.Category) || item.Has(Sense.ProductType)) && !item.Has(Sense.Behavior));
        return audience && !item.Has(Sense.Incentive) && IsNegated(i);
    }

    private void Add(bool[] seen, int[] order, ref int count, int index)
    {
        _understood++;
        if (!seen[index])
        {
            seen[index] = true;
            order[count++] = index;
        }
    }

    private void ReadTier(int i, ValueTier tier)
    {
        int next = NextContent(i);
        if (next >= 0 && _items[next].Has(Sense.ItemNoun) && !_items[next].Has(Sense.CustomerNoun))
        {
            // "high-value carts" or "high-value items" describe what was bought, not the customer's tier.
            _warnings.Add($"'{SourceText(i)} {SourceText(next)}' names no amount; no value tier or cart value was set.");
            _understood++;
            return;
        }

        _tier ??= tier;
        _understood++;
    }

    private void ReadChurn(int i)
    {
        if (i > 0 && _items[i - 1].Has(Sense.Low))
        {
            _warnings.Add("Low churn risk is not a filter of the contract (only high); no churn filter was set.");
            return;
        }

        _churnHigh = true;
        _understood++;
    }

    private void ReadClv(int i)
    {
        _understood++;
        int at = NumberAfterComparator(i, 4);
        if (at < 0)
        {
            return;
        }

        ref RuleItem value = ref _items[at];
        double number = value.Kind == ItemKind.Percent ? value.Value / 100 : value.Value;
        value.Used = true;
        if (number is < 0 or > 1 || value.Kind == ItemKind.Money)
        {
            _warnings.Add($"CLV is a score between 0 and 1; '{SourceText(at)}' was not used as clv_min.");
            return;
        }

        _clvMin ??= number;
    }

    private void ReadChurnProbability(int i, double threshold)
    {
        _understood++;
        int at = NumberAfterComparator(i, 4);
        if (at < 0)
        {
            _churnHigh = true;
            return;
        }

        ref RuleItem value = ref _items[at];
        value.Used = true;
        double number = value.Kind == ItemKind.Percent ? value.Value / 100 : value.Value;
        if (number >= threshold)
        {
            _churnHigh = true;
            if (Math.Abs(number - threshold) > 0.001)
            {
                _warnings.Add(string.Create(CultureInfo.InvariantCulture,
                    $"churn_risk high means churn probability at or above {threshold} (an option); the objective's {number} was read as high."));
            }
        }
        else
        {
            _warnings.Add(string.Create(CultureInfo.InvariantCulture,
                $"A churn probability of {number} is below the high-risk threshold {threshold}; no churn filter was set."));
        }
    }

    private void ReadBehavior(int i, BehaviorKind kind)
    {
        _understood++;
        if (kind == BehaviorKind.Purchase && IsNegated(i))
        {
            kind = BehaviorKind.Lapsed;
            if (NeverBefore(i))
            {
                _never = true;
            }
        }

        _cueItem[_cueCount] = i;
        _cueKind[_cueCount] = kind;
        _cueDays[_cueCount] = double.NaN;
        _cueCount++;
    }

    private void Offer(IncentiveType type, double strength, int item)
    {
        _understood++;
        if (_incentive is null || strength > _incentiveStrength)
        {
            if (_incentive is { } previous && previous != type && _incentiveStrength >= 2)
            {
                _otherIncentive = previous;
            }

            _incentive = type;
            _incentiveStrength = strength;
            _incentiveItem = item;
        }
        else if (_incentive != type && strength >= 2)
        {
            _otherIncentive ??= type;
        }
    }

    // ---- Pass 5: percentages, amounts and plain numbers.
    private void PlaceValues()
    {
        for (int i = 0; i < _itemCount; i++)
        {
            ref RuleItem item = ref _items[i];
            if (item.Used)
            {
                continue;
            }

            switch (item.Kind)
            {
                case ItemKind.Percent when item.Value <= 100 && IsDiscountValue(i):
                    item.Used = true;
                    OfferValue(IncentiveType.PercentDiscount, item.Value, i);
                    break;
                case ItemKind.Money when IsCartValue(i):
                    item.Used = true;
                    _minCartValue ??= item.Value;
                    _understood++;
                    break;
                case ItemKind.Money when IsDiscountValue(i):
                    item.Used = true;
                    OfferValue(IncentiveType.FixedDiscount, item.Value, i);
                    break;
                case ItemKind.Number when IsCartValue(i):
                    item.Used = true;
                    _minCartValue ??= item.Value;
                    _understood++;
                    break;
                case ItemKind.Number when i + 1 < _itemCount && _items[i + 1].Has(Sense.Points):
                    item.Used = true;
                    OfferValue(IncentiveType.LoyaltyPoints, item.Value, i);
                    break;
                case ItemKind.Number when i + 1 < _itemCount && (IsWord(i + 1, "x") || IsWord(i + 1, "times")):
                    // "2x points", "3 times the points": a multiplier, which the contract does not carry.
                    item.Used = true;
                    break;
                case ItemKind.Money when IsGiftValue(i):
                    // "a £30 gift card": the contract has no value for gifts.
                    item.Used = true;
                    break;
                default:
                    break;
            }
        }

        for (int i = 0; i < _itemCount; i++)
        {
            ref RuleItem item = ref _items[i];
            if (!item.Used && item.Kind == ItemKind.Percent && i > 0 && (IsWord(i - 1, "top") || IsWord(i - 1, "best")))
            {
                // "the top 10% of customers": the closest the contract has is the high value tier.
                item.Used = true;
                _understood++;
                if (_tier is null)
                {
                    _tier = ValueTier.High;
                    _warnings.Add($"'top {SourceText(i)}' was read as the high value tier (clv_score at or above the configured threshold), not as an exact share.");
                }
            }

            if (!item.Used && item.Kind == ItemKind.Percent && IsKpiTarget(i, out bool reactivation))
            {
                item.Used = true;
                _kpiTarget ??= item.Value;
                if (_kpi is null && reactivation)
                {
                    _kpi = KpiMetric.ReactivationRate;
                }

                _understood++;
            }
        }
    }

    private void OfferValue(IncentiveType type, double value, int item)
    {
        bool replaces = _incentive is null || _incentiveStrength < 3 || _incentive == type || item < _incentiveItem
            || (_incentive is IncentiveType.PercentDiscount or IncentiveType.FixedDiscount && type is IncentiveType.PercentDiscount or IncentiveType.FixedDiscount);
        if (replaces && _incentiveValue is null)
        {
            if (_incentive is { } previous && previous != type && previous is not (IncentiveType.PercentDiscount or IncentiveType.FixedDiscount) && _incentiveStrength >= 2)
            {
                _otherIncentive = previous;
            }

            _incentive = type;
            _incentiveStrength = 3;
            _incentiveValue = value;
            _incentiveItem = item;
            _understood++;
        }
        else if (_incentive != type)
        {
            _otherIncentive ??= type;
        }
    }

    private bool IsDiscountValue(int i)
    {
        for (int k = i + 1; k < _itemCount && k <= i + 3; k++)
        {
            RuleItem next = _items[k];
            if (next.Has(Sense.Off) || IsDiscountWord(next))
            {
                return true;
            }

            // "$15 welcome voucher", "10% storewide discount": one or two describing words may sit between.
            if (next.Has(Sense.Breaker) || next.Has(Sense.Promote) || next.Has(Sense.By) || next.Has(Sense.Incentive)
                || next.Kind is ItemKind.Number or ItemKind.Money or ItemKind.Percent or ItemKind.Duration)
            {
                break;
            }
        }

        for (int k = i - 1; k >= 0 && k >= i - 3; k--)
        {
            RuleItem previous = _items[k];
            if (previous.Has(Sense.Off) || IsDiscountWord(previous))
            {
                return true;
            }

            if (!previous.Has(Sense.Filler) && !previous.Has(Sense.Comparator) && previous.Kind != ItemKind.Unknown && !IsWord(k, "of") && !IsWord(k, "to"))
            {
                break;
            }
        }

        return false;
    }

    private bool IsGiftValue(int i) =>
        i + 1 < _itemCount && _items[i + 1].TryGet(Sense.Incentive, out LexMeaning meaning) && (IncentiveType)meaning.Value == IncentiveType.Gift;

    private static bool IsDiscountWord(RuleItem item) =>
        item.TryGet(Sense.Incentive, out LexMeaning meaning)
        && (IncentiveType)meaning.Value is IncentiveType.PercentDiscount or IncentiveType.FixedDiscount;

    private bool IsCartValue(int i)
    {
        bool comparator = false;
        for (int k = i - 1; k >= 0 && k >= i - 5; k--)
        {
            RuleItem previous = _items[k];
            if (previous.Has(Sense.Comparator) || IsWord(k, "value") || IsWord(k, "of"))
            {
                comparator = true;
                continue;
            }

            if (previous.TryGet(Sense.Behavior, out LexMeaning behavior) && (BehaviorKind)behavior.Value == BehaviorKind.Cart)
            {
                return comparator || k == i - 1;
            }

            if (!previous.Has(Sense.Filler) && !previous.Has(Sense.ItemNoun) && previous.Kind != ItemKind.Unknown)
            {
                break;
            }
        }

        // "$500+ carts"
        for (int k = i + 1; k < _itemCount && k <= i + 2; k++)
        {
            if (_items[k].TryGet(Sense.Behavior, out LexMeaning behavior) && (BehaviorKind)behavior.Value == BehaviorKind.Cart)
            {
                return !_items[k].Has(Sense.Kpi);
            }

            if (!_items[k].Has(Sense.Comparator))
            {
                break;
            }
        }

        return false;
    }

    private bool IsKpiTarget(int i, out bool reactivation)
    {
        reactivation = false;
        for (int k = i - 1; k >= 0 && k >= i - 4; k--)
        {
            RuleItem previous = _items[k];
            if (previous.TryGet(Sense.Campaign, out LexMeaning cue) && (CampaignType)cue.Value == CampaignType.WinBack && k >= i - 2)
            {
                reactivation = true;
                return true;
            }

            if (previous.Has(Sense.By) || previous.Has(Sense.Growth) || previous.Has(Sense.Kpi))
            {
                return true;
            }

            if (previous.Has(Sense.Breaker))
            {
                break;
            }
        }

        for (int k = i + 1; k < _itemCount && k <= i + 4; k++)
        {
            RuleItem next = _items[k];
            if (next.Has(Sense.Kpi) || next.Has(Sense.Growth))
            {
                return true;
            }

            if (next.Has(Sense.Breaker))
            {
                break;
            }
        }

        return false;
    }

    // ---- Pass 6: time windows belong to the behavior before them (else the first one after).
    private void AttachWindows(out double? cart, out double? purchased, out double? noPurchase, out double? acquired, out double? viewed)
    {
        for (int i = 0; i < _itemCount; i++)
        {
            ref RuleItem item = ref _items[i];
            if (item.Kind != ItemKind.Duration)
            {
                continue;
            }

            int cue = NoCue;
            for (int c = _cueCount - 1; c >= 0; c--)
            {
                if (_cueItem[c] < i)
                {
                    cue = c;
                    break;
                }
            }

            if (cue == NoCue && _cueCount > 0)
            {
                cue = 0;
            }

            if (cue != NoCue && double.IsNaN(_cueDays[cue]))
            {
                _cueDays[cue] = item.Value;
                item.Used = true;
                _understood++;
                if (_cueKind[cue] == BehaviorKind.Purchase && i > 0 && _items[i - 1].Has(Sense.Comparator) && _cueItem[cue] < i)
                {
                    // "last purchased over 180 days ago": no purchase for at least that long.
                    _cueKind[cue] = BehaviorKind.Lapsed;
                }
            }
        }

        for (int c = 1; c < _cueCount; c++)
        {
            if (_cueKind[c] != BehaviorKind.Lapsed)
            {
                continue;
            }

            BehaviorKind before = _cueKind[c - 1];
            if (before == BehaviorKind.View && double.IsNaN(_cueDays[c - 1]) && !double.IsNaN(_cueDays[c]))
            {
                // "browsed but did not purchase in the last fortnight": the window is the browsing's.
                _cueDays[c - 1] = _cueDays[c];
                _cueDays[c] = double.NaN;
            }
            else if (before == BehaviorKind.Acquire && double.IsNaN(_cueDays[c]))
            {
                // "signed up in the last month but haven't made a purchase": not yet a first purchase, not a lapse.
                _never = true;
            }
        }

        cart = purchased = noPurchase = acquired = viewed = null;
        for (int c = 0; c < _cueCount; c++)
        {
            double days = _cueDays[c];
            BehaviorKind kind = _cueKind[c];
            if (double.IsNaN(days))
            {
                continue;
            }

            switch (kind)
            {
                case BehaviorKind.Cart:
                    cart ??= days;
                    break;
                case BehaviorKind.View:
                    viewed ??= days;
                    break;
                case BehaviorKind.Purchase:
                    purchased ??= days;
                    break;
                case BehaviorKind.Acquire:
                    acquired ??= days;
                    break;
                case BehaviorKind.Lapsed:
                    noPurchase ??= days;
                    break;
                default:
                    break;
            }
        }
    }

    // ---- Pass 7: the contract's first-match rules.
    private CampaignType ChooseCampaignType(double? acquiredWithinDays)
    {
        bool cart = _campaignCues[(int)CampaignType.AbandonedCartRecovery];
        bool view = false;
        bool lapsed = _churnHigh || _campaignCues[(int)CampaignType.WinBack];
        bool purchase = false;
        for (int c = 0; c < _cueCount; c++)
        {
            switch (_cueKind[c])
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
                case BehaviorKind.Lapsed when !_never:
                    lapsed = true;
                    break;
                default:
                    break;
            }
        }

        bool onboarding = _campaignCues[(int)CampaignType.NewCustomerOnboarding] || acquiredWithinDays is not null || _never;
        // Promoting one item to the buyers of another ("20% off dining chairs to anyone who bought a dining table") is a cross-sell.
        bool crossSell = _campaignCues[(int)CampaignType.CrossSell] || (purchase && (_recommend || (_promotedItem && _productTypeCount + _categoryCount > 0)));
        bool place = _countryCount > 0 || _cityCount > 0;
        if (cart)
        {
            return CampaignType.AbandonedCartRecovery;
        }

        if (view || _campaignCues[(int)CampaignType.BrowseAbandonment])
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

        if (_campaignCues[(int)CampaignType.LoyaltyReward])
        {
            return CampaignType.LoyaltyReward;
        }

        if (_campaignCues[(int)CampaignType.ProductLaunch] && !place)
        {
            return CampaignType.ProductLaunch;
        }

        return place || _campaignCues[(int)CampaignType.GeographicTargeting] ? CampaignType.GeographicTargeting : CampaignType.GeneralPromotion;
    }

    private void ChooseIncentive()
    {
        if (_incentive is null)
        {
            if (_noIncentive)
            {
                _incentive = IncentiveType.None;
            }

            return;
        }

        if (_incentive is not (IncentiveType.PercentDiscount or IncentiveType.FixedDiscount or IncentiveType.LoyaltyPoints))
        {
            _incentiveValue = null;
        }

        if (_otherIncentive is { } other && other != _incentive)
        {
            _warnings.Add($"The objective also names {Snake(other)}; the incentive kept is {Snake(_incentive.Value)}.");
        }
    }

    private TriggerType ChooseTrigger(CampaignType type)
    {
        switch (_incentive)
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

        bool none = _incentive == IncentiveType.None;
        if (_triggerHint is { } hint && !(none && hint == TriggerType.CartReminder && type != CampaignType.AbandonedCartRecovery && type != CampaignType.BrowseAbandonment))
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

    private void WarnUnplaced()
    {
        for (int i = 0; i < _itemCount; i++)
        {
            RuleItem item = _items[i];
            if (item.Used)
            {
                continue;
            }

            switch (item.Kind)
            {
                case ItemKind.Duration:
                    _warnings.Add($"Could not tell which behavior the window '{SourceText(i)}' applies to; it was not used.");
                    break;
                case ItemKind.Percent:
                    _warnings.Add($"Could not place '{SourceText(i)}' (neither a discount nor a KPI target).");
                    break;
                case ItemKind.Money:
                    _warnings.Add($"Could not place the amount '{SourceText(i)}'.");
                    break;
                case ItemKind.Number:
                    _warnings.Add($"Could not place the number '{SourceText(i)}'.");
                    break;
                case ItemKind.Unknown when IsUnknownPlace(i):
                    _warnings.Add($"'{SourceText(i)}' is not a country or city of the data model; no location filter was set for it.");
                    break;
                default:
                    break;
            }
        }
    }

    private bool IsUnknownPlace(int i)
    {
        ref Token token = ref _tokens[_items[i].Token];
        if (!token.IsCapitalized || token.IsUpper || i == 0 || _normalized.AsSpan(token.Start, token.Length).ContainsAnyInRange('0', '9'))
        {
            return false;
        }

        return IsWord(i - 1, "in") || IsWord(i - 1, "from") || IsWord(i - 1, "near") || IsWord(i - 1, "across")
            || (i >= 2 && IsWord(i - 1, "and") && _items[i - 2].Kind == ItemKind.Phrase && (_items[i - 2].Has(Sense.City) || _items[i - 2].Has(Sense.Country)));
    }

    // ---- Helpers.

    // A category or product type defines the audience when it follows what they bought, viewed or carted
    // ("who bought sofas"), or names them ("sofa buyers", "sofa carts"); after "recommend", "on", "with" it is promoted.
    private bool IsAudienceItem(int i)
    {
        for (int k = i + 1; k < _itemCount && k <= i + 3; k++)
        {
            RuleItem next = _items[k];
            if (next.Has(Sense.CustomerNoun) || (next.TryGet(Sense.Behavior, out LexMeaning b) && (BehaviorKind)b.Value == BehaviorKind.Cart))
            {
                return true;
            }

            if (!next.Has(Sense.ItemNoun) && !IsCatalogItem(next) && !IsWord(k, "furniture") && !IsWord(k, "furnishings"))
            {
                break;
            }
        }

        for (int k = i - 1; k >= 0 && k >= i - 8; k--)
        {
            RuleItem previous = _items[k];
            if (previous.TryGet(Sense.Behavior, out LexMeaning behavior))
            {
                return (BehaviorKind)behavior.Value is BehaviorKind.Cart or BehaviorKind.View or BehaviorKind.Purchase or BehaviorKind.Lapsed;
            }

            if (previous.Has(Sense.Breaker) && k > 0 && IsCatalogItem(_items[k - 1]))
            {
                continue;
            }

            if (IsWord(k, ")"))
            {
                // Skip a parenthesis: "recent buyers (last 7 days) of coffee tables".
                while (k > 0 && !IsWord(k, "("))
                {
                    k--;
                }

                continue;
            }

            if (previous.Has(Sense.Promote) || previous.Has(Sense.Incentive) || previous.Has(Sense.Off) || previous.Has(Sense.Recommend)
                || previous.Kind is ItemKind.Percent or ItemKind.Money)
            {
                return false;
            }
        }

        return false;
    }

    private static bool IsCatalogItem(RuleItem item) => item.Has(Sense.Category) || item.Has(Sense.ProductType);

    private bool IsAcquisitionContext(int i)
    {
        // "social media customers", "referral shoppers"; but "email everyone" is a channel, so e-mail needs "signups" or a verb.
        bool email = _items[i].TryGet(Sense.Source, out LexMeaning source) && (AcquisitionSource)source.Value == AcquisitionSource.Email;
        if (i + 1 < _itemCount && _items[i + 1].Has(Sense.CustomerNoun)
            && (!email || IsWord(i + 1, "signups") || IsWord(i + 1, "subscribers") || _items[i + 1].Has(Sense.AcquisitionContext)))
        {
            return true;
        }

        if (_items[i].Has(Sense.AcquisitionContext))
        {
            return true;
        }

        for (int k = i - 1; k >= 0 && k >= i - 5; k--)
        {
            if (_items[k].Has(Sense.AcquisitionContext) && !IsWord(k, "via") && !IsWord(k, "through"))
            {
                return true;
            }

            if (_items[k].Has(Sense.Breaker))
            {
                break;
            }
        }

        return false;
    }

    // Negated when a negator sits within three items before, with nothing meaningful between ("did not buy",
    // "without offering a discount"); "did not buy free shipping" does not negate the shipping.
    private bool IsNegated(int i)
    {
        for (int k = i - 1; k >= 0 && k >= i - 3; k--)
        {
            RuleItem previous = _items[k];
            if (previous.Has(Sense.Negator))
            {
                return true;
            }

            if (previous.Has(Sense.Breaker) || previous.Has(Sense.Behavior) || previous.Has(Sense.Incentive) || previous.Has(Sense.Kpi)
                || IsCatalogItem(previous) || previous.Has(Sense.City) || previous.Has(Sense.Country) || previous.Kind != ItemKind.Phrase && previous.Kind != ItemKind.Unknown)
            {
                return false;
            }
        }

        return false;
    }

    // "never bought", "not yet purchased", "yet to order", "haven't ordered yet": no first purchase, not a lapse.
    private bool NeverBefore(int i)
    {
        for (int k = i - 1; k >= 0 && k >= i - 3; k--)
        {
            if (_items[k].Has(Sense.Never))
            {
                return true;
            }
        }

        return (i + 1 < _itemCount && IsWord(i + 1, "yet")) || (i + 2 < _itemCount && IsWord(i + 2, "yet") && _items[i + 1].Has(Sense.Filler));
    }

    private int NextContent(int i)
    {
        for (int k = i + 1; k < _itemCount; k++)
        {
            if (!_items[k].Has(Sense.Filler) || _items[k].Has(Sense.ItemNoun) || _items[k].Has(Sense.CustomerNoun))
            {
                return k;
            }
        }

        return -1;
    }

    private int NumberAfterComparator(int i, int reach)
    {
        for (int k = i + 1; k < _itemCount && k <= i + reach; k++)
        {
            RuleItem next = _items[k];
            if (next.Kind is ItemKind.Number or ItemKind.Percent or ItemKind.Money)
            {
                return k;
            }

            if (!next.Has(Sense.Comparator) && !next.Has(Sense.Filler) && next.Kind != ItemKind.Unknown && !IsWord(k, "of"))
            {
                break;
            }
        }

        return -1;
    }

    private bool IsWord(int item, string word)
    {
        RuleItem it = _items[item];
        if (it.TokenEnd - it.Token != 1)
        {
            return false;
        }

        ref Token token = ref _tokens[it.Token];
        return !token.IsNumber && _normalized.AsSpan(token.Start, token.Length).SequenceEqual(word);
    }

    private string SourceText(int item)
    {
        RuleItem it = _items[item];
        ref Token first = ref _tokens[it.Token];
        ref Token last = ref _tokens[it.TokenEnd - 1];
        return _text.Substring(first.SourceStart, last.SourceStart + last.SourceLength - first.SourceStart);
    }

    private static IReadOnlyList<string> Names(int[] order, int count, Func<int, string> name)
    {
        if (count == 0)
        {
            return [];
        }

        string[] names = new string[count];
        for (int i = 0; i < count; i++)
        {
            names[i] = name(order[i]);
        }

        return names;
    }

    private IReadOnlyList<AcquisitionSource> Sources()
    {
        if (_sourceCount == 0)
        {
            return [];
        }

        AcquisitionSource[] sources = new AcquisitionSource[_sourceCount];
        for (int i = 0; i < _sourceCount; i++)
        {
            sources[i] = (AcquisitionSource)_sourceOrder[i];
        }

        return sources;
    }

    private static string Snake(IncentiveType type) => type switch
    {
        IncentiveType.PercentDiscount => "percent_discount",
        IncentiveType.FixedDiscount => "fixed_discount",
        IncentiveType.FreeShipping => "free_shipping",
        IncentiveType.ExclusiveAccess => "exclusive_access",
        IncentiveType.LoyaltyPoints => "loyalty_points",
        IncentiveType.Gift => "gift",
        _ => "none",
    };
}
