using System.Text.Json.Serialization;

namespace AetherSegment.Interpretation;

/// <summary>
/// The Campaign Objective Object: what an interpreter read from one natural-language campaign objective.
/// Serializes to the snake_case JSON of the contract with every canonical field present.
/// </summary>
public sealed record CampaignObjective
{
    /// <summary>The objective as the marketer wrote it.</summary>
    [JsonPropertyName("objective")]
    public required string Objective { get; init; }

    /// <summary>The campaign type (first matching rule of the contract wins).</summary>
    [JsonPropertyName("campaign_type")]
    public CampaignType CampaignType { get; init; } = CampaignType.GeneralPromotion;

    /// <summary>Who the objective targets; only what it names.</summary>
    [JsonPropertyName("audience")]
    public Audience Audience { get; init; } = new();

    /// <summary>The incentive the objective names.</summary>
    [JsonPropertyName("incentive")]
    public Incentive Incentive { get; init; } = new();

    /// <summary>The KPI the objective names.</summary>
    [JsonPropertyName("kpi")]
    public Kpi Kpi { get; init; } = new();

    /// <summary>The id of the profile trigger the objective itself implies, or the best guess for the campaign type (see <see cref="Profiles.TriggerDefinition.Id"/>).</summary>
    [JsonPropertyName("suggested_trigger")]
    public string? SuggestedTrigger { get; init; }

    /// <summary>Which interpreter produced the object: <c>rules</c>, <c>gemini</c>, <c>chat</c> or a provider's short name.</summary>
    [JsonPropertyName("interpreter")]
    public string Interpreter { get; init; } = "rules";

    /// <summary>How sure the interpreter is, 0..1.</summary>
    [JsonPropertyName("confidence")]
    public double Confidence { get; init; }

    /// <summary>What the interpreter could not place, or why it fell back.</summary>
    [JsonPropertyName("warnings")]
    public IReadOnlyList<string> Warnings { get; init; } = [];
}
