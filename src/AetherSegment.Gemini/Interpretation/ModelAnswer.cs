using AetherSegment.Interpretation;
using AetherSegment.Profiles;

namespace AetherSegment.Gemini.Interpretation;

/// <summary>Reads a language model's JSON answer: strips a Markdown fence, validates it against the contract, stamps it.</summary>
internal static class ModelAnswer
{
    /// <summary>Validates an answer and returns the object with the user's objective and the interpreter's name.</summary>
    /// <param name="text">The model's text.</param>
    /// <param name="objective">The objective as the user wrote it (always written back, whatever the model echoed).</param>
    /// <param name="interpreter">The interpreter's short name.</param>
    /// <param name="profile">The business whose closed sets the answer must use.</param>
    /// <param name="reason">Why the answer was rejected.</param>
    /// <returns>The object, or null when the answer is invalid.</returns>
    public static CampaignObjective? Read(string? text, string objective, string interpreter, BusinessProfile profile, out string reason)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            reason = "the model returned no text";
            return null;
        }

        string json = StripFence(text);
        IReadOnlyList<string> errors = CampaignObjectiveValidator.ValidateJson(json, profile, out CampaignObjective? parsed);
        if (errors.Count > 0 || parsed is null)
        {
            reason = "the answer failed validation: " + string.Join("; ", errors.Take(5)) + (errors.Count > 5 ? $" (and {errors.Count - 5} more)" : "");
            return null;
        }

        if (parsed.SuggestedTrigger is { } trigger && profile.FindTrigger(trigger) is null)
        {
            reason = $"the answer failed validation: suggested_trigger: \"{trigger}\" is not a trigger of the profile (one of {string.Join(", ", profile.Triggers.Select(t => t.Id))})";
            return null;
        }

        reason = "";
        return parsed with { Objective = objective, Interpreter = interpreter };
    }

    private static string StripFence(string text)
    {
        string trimmed = text.Trim();
        if (!trimmed.StartsWith("```", StringComparison.Ordinal))
        {
            return trimmed;
        }

        int firstLine = trimmed.IndexOf('\n', StringComparison.Ordinal);
        int closing = trimmed.LastIndexOf("```", StringComparison.Ordinal);
        return firstLine >= 0 && closing > firstLine ? trimmed[(firstLine + 1)..closing].Trim() : trimmed;
    }
}
