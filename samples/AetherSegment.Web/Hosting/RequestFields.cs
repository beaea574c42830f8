using System.Text.Json;
using AetherSegment.Interpretation;

namespace AetherSegment.Web.Hosting;

/// <summary>Checks on request fields that JSON binding cannot express, each failing with the field's name.</summary>
internal static class RequestFields
{
    /// <summary>The longest objective or question text accepted (the interpreter's own limit is 2,000 characters).</summary>
    public const int MaxTextLength = 2_000;

    /// <summary>A required, non-blank text field.</summary>
    public static string RequireText(string? value, string field)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new AetherSegmentInputException(field, $"{field} is required and must not be empty.");
        }

        return value;
    }

    /// <summary>A required object field.</summary>
    public static T Require<T>(T? value, string field)
        where T : class =>
        value ?? throw new AetherSegmentInputException(field, $"{field} is required.");

    /// <summary>Reads a Campaign Objective Object from JSON, reporting a bad member under <paramref name="field"/>.</summary>
    public static CampaignObjective ReadObjective(JsonElement element, string field)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new AetherSegmentInputException(field, $"{field} must be a Campaign Objective Object (a JSON object).");
        }

        try
        {
            return element.Deserialize<CampaignObjective>(AetherSegmentJson.Options)
                ?? throw new AetherSegmentInputException(field, $"{field} is required.");
        }
        catch (JsonException ex)
        {
            string? inner = Problems.FieldFromJsonPath(ex.Path);
            string name = inner is null ? field : $"{field}.{inner}";
            throw new AetherSegmentInputException(name, $"{name} is not valid: {FirstSentence(ex.Message)}");
        }
    }

    /// <summary>Refinement filters must be a JSON object (or absent).</summary>
    public static IEnumerable<KeyValuePair<string, JsonElement>>? Filters(JsonElement? element, string field)
    {
        if (element is not { } value || value.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            throw new AetherSegmentInputException(field, $"{field} must be a JSON object of filter keys to values.");
        }

        List<KeyValuePair<string, JsonElement>> filters = [];
        foreach (JsonProperty property in value.EnumerateObject())
        {
            filters.Add(new KeyValuePair<string, JsonElement>(property.Name, property.Value.Clone()));
        }

        return filters;
    }

    private static string FirstSentence(string message)
    {
        int end = message.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? message : message[..(end + 1)];
    }
}
