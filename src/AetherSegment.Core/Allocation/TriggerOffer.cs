using System.Globalization;
using AetherSegment.Profiles;

namespace AetherSegment.Allocation;

/// <summary>
/// One trigger's economics as the allocation uses them: the cost of a send, the cost of a conversion (a share of the
/// order value or a fixed amount) and the margin rate. Amounts are in the profile's currency.
/// </summary>
/// <param name="Id">The trigger id.</param>
/// <param name="SendCost">The cost of one send (at least 0).</param>
/// <param name="ConversionIsShare">True when the conversion cost is <paramref name="ConversionCost"/> times the order value.</param>
/// <param name="ConversionCost">The share of the order value (0..1) or the fixed amount.</param>
/// <param name="MarginRate">The gross margin on the order value (0..1).</param>
internal sealed record TriggerOffer(string Id, double SendCost, bool ConversionIsShare, double ConversionCost, double MarginRate)
{
    /// <summary>The cost of one conversion of an order worth <paramref name="orderValue"/>.</summary>
    public double ConversionCostFor(double orderValue) => ConversionIsShare ? orderValue * ConversionCost : ConversionCost;

    /// <summary>
    /// The expected incremental profit of one send: uplift x (value x margin - conversion cost) - send cost. The
    /// operations and their order are the ones <see cref="AllocationSql"/> writes, so SQL and in-process agree.
    /// </summary>
    public double Profit(double uplift, double orderValue) => (uplift * ((orderValue * MarginRate) - ConversionCostFor(orderValue))) - SendCost;

    /// <summary>
    /// What one send spends from the budget: the send cost plus the incentive paid on the incremental conversions it is
    /// expected to bring (uplift below 0 spends no incentive).
    /// </summary>
    public double Spend(double uplift, double orderValue) => SendCost + (Math.Max(uplift, 0) * ConversionCostFor(orderValue));

    /// <summary>The economics of every trigger of <paramref name="profile"/>, in profile order.</summary>
    /// <exception cref="AetherSegmentInputException">A trigger has no economics or no margin rate (the message names its JSON path).</exception>
    public static TriggerOffer[] FromProfile(BusinessProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        TriggerOffer[] offers = new TriggerOffer[profile.Triggers.Count];
        for (int t = 0; t < offers.Length; t++)
        {
            TriggerDefinition trigger = profile.Triggers[t];
            string path = string.Create(CultureInfo.InvariantCulture, $"$.triggers[{t}].economics");
            if (trigger.Economics is not { } economics)
            {
                throw new AetherSegmentInputException(path,
                    $"{path}: trigger '{trigger.Id}' has no economics; add cost_per_send, conversion_cost and margin_rate to the profile to allocate it (docs/profile.md).");
            }

            if (economics.MarginRate is not { } margin)
            {
                throw new AetherSegmentInputException(path + ".margin_rate",
                    $"{path}.margin_rate: trigger '{trigger.Id}' has no margin rate; the allocation needs it to value a conversion.");
            }

            bool share = economics.ConversionCost.ShareOfOrderValue is not null;
            double amount = economics.ConversionCost.ShareOfOrderValue ?? economics.ConversionCost.FixedAmount ?? 0;
            offers[t] = new TriggerOffer(trigger.Id, economics.CostPerSend, share, amount, margin);
        }

        return offers;
    }
}
