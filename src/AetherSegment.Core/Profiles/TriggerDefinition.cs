using AetherSegment.Interpretation;

namespace AetherSegment.Profiles;

/// <summary>A marketing trigger of the profile: an open string id with what it offers, who it can move, and what it costs.
/// Immutable and thread-safe.</summary>
public sealed class TriggerDefinition
{
    internal TriggerDefinition(string id, string name, string description, string path)
    {
        Id = id;
        Name = name;
        Description = description;
        JsonPath = path;
    }

    /// <summary>The trigger id, as campaign sends record it (lowercase snake_case, e.g. <c>repair_voucher</c>).</summary>
    public string Id { get; }

    /// <summary>The display name.</summary>
    public string Name { get; }

    /// <summary>What the customer gets, in plain words.</summary>
    public string Description { get; }

    /// <summary>The sensitivity or behavior the trigger answers to, in plain words (may be empty).</summary>
    public string AnswersTo { get; internal init; } = "";

    /// <summary>The objective incentives that imply this trigger.</summary>
    public IReadOnlyList<IncentiveType> IncentiveTypes { get; internal init; } = [];

    /// <summary>The campaign types this trigger is the default guess for.</summary>
    public IReadOnlyList<CampaignType> CampaignTypes { get; internal init; } = [];

    /// <summary>The words that name the trigger.</summary>
    public IReadOnlyList<string> Words { get; internal init; } = [];

    /// <summary>How strongly the trigger's words decide the suggested trigger when an objective names several triggers
    /// (0..1; the heaviest wins, the first named on a tie). The default value is 1; a generic word such as "reminder"
    /// gets less, so "remind them the stock is low" suggests the more specific trigger.</summary>
    public double WordWeight { get; internal init; } = 1;

    /// <summary>Who the trigger can move, or <see langword="null"/> when every customer is eligible.</summary>
    public TriggerEligibility? Eligibility { get; internal init; }

    /// <summary>What the trigger costs, or <see langword="null"/> when the profile does not say.</summary>
    public TriggerEconomics? Economics { get; internal init; }

    internal string JsonPath { get; }
}
