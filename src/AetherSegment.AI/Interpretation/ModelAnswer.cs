using System.Text.Json;
using System.Text.Json.Nodes;
using AetherSegment.Interpretation;
using AetherSegment.Profiles;

namespace AetherSegment.AI.Interpretation;

/// <summary>
/// Reads a language model's JSON answer: strips a Markdown fence, fills the fields the host owns (the objective text,
/// the interpreter name; the confidence and warnings come from <see cref="Stamp"/>), validates it against the contract.
/// Host fields the model sent anyway are overwritten, never trusted.
/// </summary>
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

        string json = FillHostFields(StripFence(text), objective, interpreter);
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

    /// <summary>
    /// Sets the host's confidence and warnings on a valid model answer from its agreement with the rules' reading of
    /// the same objective: 0.5 for passing validation plus 0.5 times the share of the five decisions (campaign type,
    /// audience, incentive type, KPI metric, trigger) on which both agree; a warning names each decision that differs.
    /// </summary>
    /// <param name="model">The validated model answer.</param>
    /// <param name="rules">The rule-based interpreter's answer to the same objective.</param>
    /// <returns>The model's answer with the host's confidence and warnings.</returns>
    public static CampaignObjective Stamp(CampaignObjective model, CampaignObjective rules)
    {
        List<string> warnings = [];
        int agreed = 0;
        agreed += Compare(warnings, "campaign_type", Name(model.CampaignType), Name(rules.CampaignType));
        agreed += Compare(warnings, "incentive.type", Name(model.Incentive.Type), Name(rules.Incentive.Type));
        agreed += Compare(warnings, "kpi.metric", Name(model.Kpi.Metric), Name(rules.Kpi.Metric));
        agreed += Compare(warnings, "suggested_trigger", model.SuggestedTrigger ?? "null", rules.SuggestedTrigger ?? "null");
        if (AetherSegmentJson.Serialize(model.Audience) == AetherSegmentJson.Serialize(rules.Audience))
        {
            agreed++;
        }
        else
        {
            warnings.Add("The model's audience differs from the rule-based reading; check its filters.");
        }

        return model with { Confidence = Math.Round(0.5 + (0.5 * agreed / 5), 2), Warnings = warnings };
    }

    private static int Compare(List<string> warnings, string field, string model, string rules)
    {
        if (string.Equals(model, rules, StringComparison.Ordinal))
        {
            return 1;
        }

        warnings.Add($"The model read {field} {model} where the rules read {rules}.");
        return 0;
    }

    private static string Name<T>(T value) => value is null ? "null" : AetherSegmentJson.Serialize(value).Trim('"');

    private static string FillHostFields(string json, string objective, string interpreter)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json);
        }
        catch (JsonException)
        {
            return json; // the validator names the syntax error
        }

        if (root is not JsonObject answer)
        {
            return json;
        }

        answer["objective"] = objective;
        answer["interpreter"] = interpreter;
        answer["confidence"] = 0;
        answer["warnings"] = new JsonArray();
        return answer.ToJsonString();
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
