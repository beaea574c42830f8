using System.Text.Json.Serialization;

namespace AetherSegment.Profiles;

/// <summary>A trigger's campaign history in the data: what the trigger ranker can learn from.</summary>
/// <param name="Id">The trigger id.</param>
/// <param name="TreatmentSends">Rows of the treatment arm.</param>
/// <param name="ControlSends">Rows of the control arm.</param>
/// <param name="Conversions">Converted rows in both arms.</param>
/// <param name="Ranked">Whether the ranker covers the trigger (history in both arms).</param>
public sealed record ProfileTriggerCoverage(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("treatment_sends")] long TreatmentSends,
    [property: JsonPropertyName("control_sends")] long ControlSends,
    [property: JsonPropertyName("conversions")] long Conversions,
    [property: JsonPropertyName("ranked")] bool Ranked);
