using System.Text.Json.Nodes;
using AetherSegment.Interpretation;
using AetherSegment.Profiles;

namespace AetherSegment.AI.Interpretation;

/// <summary>
/// The response schema sent to language models: the profile's <see cref="CampaignObjectiveSchema"/> without the fields
/// the host owns (<see cref="HostFields"/>), so the model is asked only for what it decides and spends no output tokens
/// echoing the objective.
/// </summary>
internal static class ModelAnswerSchema
{
    /// <summary>The fields the host fills: the objective text, the interpreter name, the confidence and the warnings.</summary>
    public static readonly string[] HostFields = ["objective", "interpreter", "confidence", "warnings"];

    /// <summary>A new copy of the model's schema for a profile.</summary>
    public static JsonObject Create(BusinessProfile profile)
    {
        JsonObject schema = CampaignObjectiveSchema.CreateNode(profile);
        JsonObject properties = schema["properties"]!.AsObject();
        JsonArray required = schema["required"]!.AsArray();
        foreach (string field in HostFields)
        {
            properties.Remove(field);
            for (int i = required.Count - 1; i >= 0; i--)
            {
                if ((string?)required[i] == field)
                {
                    required.RemoveAt(i);
                }
            }
        }

        return schema;
    }
}
