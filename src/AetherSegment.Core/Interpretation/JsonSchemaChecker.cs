using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AetherSegment.Interpretation;

/// <summary>
/// Checks a JSON value against the subset of JSON Schema that <see cref="CampaignObjectiveSchema"/> uses
/// (type, enum, properties, required, items, minimum, maximum) and reports every problem with its path.
/// </summary>
internal static class JsonSchemaChecker
{
    /// <summary>Appends every problem of <paramref name="value"/> against <paramref name="schema"/> to <paramref name="errors"/>.</summary>
    public static void Check(JsonElement value, JsonObject schema, string path, List<string> errors)
    {
        if (schema["type"] is { } type && !MatchesType(value, type))
        {
            errors.Add($"{Display(path)}: expected {TypeText(type)}, found {Describe(value)}.");
            return;
        }

        if (schema["enum"] is JsonArray allowed && !IsAllowed(value, allowed))
        {
            errors.Add($"{Display(path)}: {Describe(value)} is not one of the allowed values.");
        }

        if (value.ValueKind == JsonValueKind.Number)
        {
            double number = value.GetDouble();
            if (schema["minimum"] is JsonValue min && number < min.GetValue<double>())
            {
                errors.Add(string.Create(CultureInfo.InvariantCulture, $"{Display(path)}: {number} is below the minimum {min.GetValue<double>()}."));
            }

            if (schema["maximum"] is JsonValue max && number > max.GetValue<double>())
            {
                errors.Add(string.Create(CultureInfo.InvariantCulture, $"{Display(path)}: {number} is above the maximum {max.GetValue<double>()}."));
            }
        }

        if (value.ValueKind == JsonValueKind.Object && schema["properties"] is JsonObject properties)
        {
            if (schema["required"] is JsonArray required)
            {
                foreach (JsonNode? name in required)
                {
                    string key = name!.GetValue<string>();
                    if (!value.TryGetProperty(key, out _))
                    {
                        errors.Add($"{Display(Join(path, key))}: required field is missing.");
                    }
                }
            }

            foreach (JsonProperty property in value.EnumerateObject())
            {
                if (properties[property.Name] is JsonObject propertySchema)
                {
                    Check(property.Value, propertySchema, Join(path, property.Name), errors);
                }
            }
        }

        if (value.ValueKind == JsonValueKind.Array && schema["items"] is JsonObject items)
        {
            int index = 0;
            foreach (JsonElement element in value.EnumerateArray())
            {
                Check(element, items, $"{path}[{index++}]", errors);
            }
        }
    }

    private static string Join(string path, string key) => path.Length == 0 ? key : $"{path}.{key}";

    private static string Display(string path) => path.Length == 0 ? "(root)" : path;

    private static bool MatchesType(JsonElement value, JsonNode type)
    {
        if (type is JsonArray types)
        {
            foreach (JsonNode? t in types)
            {
                if (MatchesType(value, t!.GetValue<string>()))
                {
                    return true;
                }
            }

            return false;
        }

        return MatchesType(value, type.GetValue<string>());
    }

    private static bool MatchesType(JsonElement value, string type) => type switch
    {
        "object" => value.ValueKind == JsonValueKind.Object,
        "array" => value.ValueKind == JsonValueKind.Array,
        "string" => value.ValueKind == JsonValueKind.String,
        "number" => value.ValueKind == JsonValueKind.Number,
        "integer" => value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out _),
        "boolean" => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
        "null" => value.ValueKind == JsonValueKind.Null,
        _ => true,
    };

    private static bool IsAllowed(JsonElement value, JsonArray allowed)
    {
        foreach (JsonNode? candidate in allowed)
        {
            if (candidate is null)
            {
                if (value.ValueKind == JsonValueKind.Null)
                {
                    return true;
                }
            }
            else if (value.ValueKind == JsonValueKind.String && candidate.GetValueKind() == JsonValueKind.String
                && string.Equals(value.GetString(), candidate.GetValue<string>(), StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static string TypeText(JsonNode type) => type is JsonArray types
        ? string.Join(" or ", types.Select(t => t!.GetValue<string>()))
        : type.GetValue<string>();

    private static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => $"\"{value.GetString()}\"",
        JsonValueKind.Null => "null",
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        _ => value.GetRawText(),
    };
}
