namespace AetherSegment.Interpretation.Rules;

/// <summary>
/// The incentive: the strongest incentive word wins ("free shipping" over "exclusive"), a value next to a discount
/// word sets its amount ("15% off", "$20 voucher", "500 bonus points"), a negated or ruled-out incentive is none, and a
/// second incentive the contract cannot carry is a warning. Input: incentive meanings, then the unused
/// percentages, amounts and numbers; output: <see cref="Type"/> and <see cref="Value"/>. One instance per analyzer;
/// not thread-safe.
/// </summary>
internal sealed class IncentivePass(RuleItems items, AnalysisLog log)
{
    private double _strength;
    private int _item;
    private IncentiveType? _other;
    private bool _none;

    /// <summary>The incentive, or null when the objective names none.</summary>
    public IncentiveType? Type { get; private set; }

    /// <summary>The incentive's amount (percent, money or points), or null.</summary>
    public double? Value { get; private set; }

    /// <summary>Starts a new objective.</summary>
    public void Reset()
    {
        Type = null;
        Value = null;
        _strength = 0;
        _item = -1;
        _other = null;
        _none = false;
    }

    /// <summary>Reads an incentive meaning of item <paramref name="i"/>.</summary>
    public void ReadIncentive(int i, IncentiveType type, double strength)
    {
        if (items.IsNegated(i))
        {
            _none = true;
        }
        else
        {
            Offer(type, strength, i);
        }
    }

    /// <summary>Reads an incentive ruled out ("no incentive", "just a reminder").</summary>
    public void ReadNoIncentive()
    {
        _none = true;
        log.Understand();
    }

    /// <summary>Places the unused percentages, amounts and numbers that are incentive values.</summary>
    public void PlaceValues()
    {
        for (int i = 0; i < items.Count; i++)
        {
            ref RuleItem item = ref items[i];
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
                case ItemKind.Money when IsDiscountValue(i):
                    item.Used = true;
                    OfferValue(IncentiveType.FixedDiscount, item.Value, i);
                    break;
                case ItemKind.Number when i + 1 < items.Count && items[i + 1].Has(Sense.Points):
                    item.Used = true;
                    OfferValue(IncentiveType.LoyaltyPoints, item.Value, i);
                    break;
                case ItemKind.Number when i + 1 < items.Count && (items.IsWord(i + 1, "x") || items.IsWord(i + 1, "times")):
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
    }

    /// <summary>Settles the incentive: none when ruled out, no value for types without one, a warning for a second incentive.</summary>
    public void Finish()
    {
        if (Type is null)
        {
            if (_none)
            {
                Type = IncentiveType.None;
            }

            return;
        }

        if (Type is not (IncentiveType.PercentDiscount or IncentiveType.FixedDiscount or IncentiveType.LoyaltyPoints))
        {
            Value = null;
        }

        if (_other is { } other && other != Type)
        {
            log.Warn($"The objective also names {Snake(other)}; the incentive kept is {Snake(Type.Value)}.");
        }
    }

    private void Offer(IncentiveType type, double strength, int item)
    {
        log.Understand();
        if (Type is null || strength > _strength)
        {
            if (Type is { } previous && previous != type && _strength >= 2)
            {
                _other = previous;
            }

            Type = type;
            _strength = strength;
            _item = item;
        }
        else if (Type != type && strength >= 2)
        {
            _other ??= type;
        }
    }

    private void OfferValue(IncentiveType type, double value, int item)
    {
        bool replaces = Type is null || _strength < 3 || Type == type || item < _item
            || (Type is IncentiveType.PercentDiscount or IncentiveType.FixedDiscount && type is IncentiveType.PercentDiscount or IncentiveType.FixedDiscount);
        if (replaces && Value is null)
        {
            if (Type is { } previous && previous != type && previous is not (IncentiveType.PercentDiscount or IncentiveType.FixedDiscount) && _strength >= 2)
            {
                _other = previous;
            }

            Type = type;
            _strength = 3;
            Value = value;
            _item = item;
            log.Understand();
        }
        else if (Type != type)
        {
            _other ??= type;
        }
    }

    private bool IsDiscountValue(int i)
    {
        for (int k = i + 1; k < items.Count && k <= i + 3; k++)
        {
            ref RuleItem next = ref items[k];
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
            ref RuleItem previous = ref items[k];
            if (previous.Has(Sense.Off) || IsDiscountWord(previous))
            {
                return true;
            }

            if (!previous.Has(Sense.Filler) && !previous.Has(Sense.Comparator) && previous.Kind != ItemKind.Unknown && !items.IsWord(k, "of") && !items.IsWord(k, "to"))
            {
                break;
            }
        }

        return false;
    }

    private bool IsGiftValue(int i) =>
        i + 1 < items.Count && items[i + 1].TryGet(Sense.Incentive, out LexMeaning meaning) && (IncentiveType)meaning.Value == IncentiveType.Gift;

    private static bool IsDiscountWord(in RuleItem item) =>
        item.TryGet(Sense.Incentive, out LexMeaning meaning)
        && (IncentiveType)meaning.Value is IncentiveType.PercentDiscount or IncentiveType.FixedDiscount;

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
