using System.Globalization;

namespace AetherSegment.Allocation;

/// <summary>The constraints of one allocation.</summary>
internal sealed record AllocationSettings
{
    /// <summary>The total budget in the profile's currency (send costs plus incentives paid on incremental conversions); null for no budget.</summary>
    public double? Budget { get; init; }

    /// <summary>The least expected incremental profit one send must bring to be made (default 0).</summary>
    public double MinimumProfitPerSend { get; init; }

    /// <summary>Per trigger id, the largest share (0..1] of the members that trigger may be sent to.</summary>
    public IReadOnlyDictionary<string, double> Caps { get; init; } = new Dictionary<string, double>(StringComparer.Ordinal);

    /// <summary>Checks the settings against the triggers.</summary>
    /// <exception cref="AetherSegmentInputException">A budget of zero or less, a cap outside (0, 1] or naming no trigger, a non-finite minimum profit.</exception>
    public void Validate(IReadOnlyList<TriggerOffer> offers)
    {
        if (Budget is { } budget && (!(budget > 0) || double.IsNaN(budget)))
        {
            throw new AetherSegmentInputException("budget", string.Create(CultureInfo.InvariantCulture,
                $"budget: must be greater than 0 (got {budget}); leave it out for no budget."));
        }

        if (!double.IsFinite(MinimumProfitPerSend))
        {
            throw new AetherSegmentInputException("min_profit_per_send", "min_profit_per_send: must be a finite amount.");
        }

        foreach ((string id, double cap) in Caps)
        {
            if (!offers.Any(o => string.Equals(o.Id, id, StringComparison.Ordinal)))
            {
                throw new AetherSegmentInputException("caps", $"caps: '{id}' is not a trigger of the profile (triggers: {string.Join(", ", offers.Select(o => o.Id))}).");
            }

            if (!(cap > 0 && cap <= 1))
            {
                throw new AetherSegmentInputException("caps", string.Create(CultureInfo.InvariantCulture,
                    $"caps: the cap of '{id}' is a share of the members and must be in (0, 1] (got {cap})."));
            }
        }
    }
}
