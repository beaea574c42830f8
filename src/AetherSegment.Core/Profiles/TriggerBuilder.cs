using System.Text.Json.Nodes;
using AetherSegment.Interpretation;

namespace AetherSegment.Profiles;

/// <summary>Describes one trigger for <see cref="BusinessProfileBuilder.AddTrigger"/>. Not thread-safe.</summary>
public sealed class TriggerBuilder
{
    private readonly JsonObject _trigger;

    internal TriggerBuilder(JsonObject trigger) => _trigger = trigger;

    /// <summary>The sensitivity or behavior the trigger answers to, in plain words.</summary>
    public TriggerBuilder AnswersTo(string text)
    {
        _trigger["answers_to"] = text;
        return this;
    }

    /// <summary>The objective incentives that imply the trigger.</summary>
    public TriggerBuilder IncentiveTypes(params IReadOnlyList<IncentiveType> incentives)
    {
        ArgumentNullException.ThrowIfNull(incentives);
        _trigger["incentive_types"] = BusinessProfileBuilder.Array(incentives.Select(i => ProfileWire<IncentiveType>.Name(i)));
        return this;
    }

    /// <summary>The campaign types the trigger is the default guess for.</summary>
    public TriggerBuilder CampaignTypes(params IReadOnlyList<CampaignType> campaignTypes)
    {
        ArgumentNullException.ThrowIfNull(campaignTypes);
        _trigger["campaign_types"] = BusinessProfileBuilder.Array(campaignTypes.Select(c => ProfileWire<CampaignType>.Name(c)));
        return this;
    }

    /// <summary>The words that name the trigger.</summary>
    public TriggerBuilder Words(params IReadOnlyList<string> words)
    {
        _trigger["words"] = BusinessProfileBuilder.Array(words);
        return this;
    }

    /// <summary>Who the trigger can move: a condition (validated when the profile is built) and its description.</summary>
    public TriggerBuilder Eligibility(string description, ProfileCondition condition)
    {
        ArgumentNullException.ThrowIfNull(condition);
        _trigger["eligibility"] = new JsonObject { ["description"] = description, ["condition"] = BusinessProfileBuilder.ConditionJson(condition) };
        return this;
    }

    /// <summary>What the trigger costs, in the profile's currency.</summary>
    /// <param name="costPerSend">The cost of one send.</param>
    /// <param name="conversionCost">The cost of one conversion (a share of the order value or a fixed amount).</param>
    /// <param name="marginRate">The gross margin on the order value (0..1), or <see langword="null"/>.</param>
    public TriggerBuilder Economics(double costPerSend, ConversionCost conversionCost, double? marginRate = null)
    {
        ArgumentNullException.ThrowIfNull(conversionCost);
        JsonObject cost = [];
        if (conversionCost.ShareOfOrderValue is { } share)
        {
            cost["share_of_order_value"] = share;
        }

        if (conversionCost.FixedAmount is { } amount)
        {
            cost["fixed_amount"] = amount;
        }

        JsonObject economics = new() { ["cost_per_send"] = costPerSend, ["conversion_cost"] = cost };
        if (marginRate is { } margin)
        {
            economics["margin_rate"] = margin;
        }

        _trigger["economics"] = economics;
        return this;
    }
}
