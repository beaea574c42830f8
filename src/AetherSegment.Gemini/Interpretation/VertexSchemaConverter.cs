using System.Text.Json.Nodes;

namespace AetherSegment.Gemini.Interpretation;

/// <summary>
/// Converts the JSON schema of <see cref="AetherSegment.Interpretation.CampaignObjectiveSchema"/> to the OpenAPI
/// subset Vertex AI accepts as <c>generationConfig.responseSchema</c>: <c>type</c> (upper case), <c>properties</c>,
/// <c>propertyOrdering</c>, <c>required</c>, <c>items</c>, <c>enum</c> (strings), <c>nullable</c>, <c>minimum</c>, <c>maximum</c>.
/// </summary>
internal static class VertexSchemaConverter
{
    /// <summary>Converts a JSON schema node.</summary>
    public static JsonObject Convert(JsonObject schema)
    {
        JsonObject result = [];
        (string? type, bool nullable) = ReadType(schema["type"]);
        if (schema["enum"] is JsonArray values)
        {
            JsonArray strings = [];
            foreach (JsonNode? value in values)
            {
                if (value is null)
                {
                    nullable = true;
                }
                else
                {
                    strings.Add(value.GetValue<string>());
                }
            }

            type ??= "string";
            result["type"] = type.ToUpperInvariant();
            result["enum"] = strings;
        }
        else if (type is not null)
        {
            result["type"] = type.ToUpperInvariant();
        }

        if (nullable)
        {
            result["nullable"] = true;
        }

        if (schema["properties"] is JsonObject properties)
        {
            JsonObject converted = [];
            JsonArray ordering = [];
            foreach (KeyValuePair<string, JsonNode?> property in properties)
            {
                converted[property.Key] = Convert(property.Value!.AsObject());
                ordering.Add(property.Key);
            }

            result["properties"] = converted;
            result["propertyOrdering"] = ordering;
        }

        if (schema["required"] is JsonArray required)
        {
            result["required"] = required.DeepClone();
        }

        if (schema["items"] is JsonObject items)
        {
            result["items"] = Convert(items);
        }

        foreach (string bound in (string[])["minimum", "maximum"])
        {
            if (schema[bound] is JsonNode value)
            {
                result[bound] = value.DeepClone();
            }
        }

        return result;
    }

    private static (string? Type, bool Nullable) ReadType(JsonNode? type)
    {
        if (type is JsonArray types)
        {
            string? single = null;
            bool nullable = false;
            foreach (JsonNode? t in types)
            {
                string name = t!.GetValue<string>();
                if (name == "null")
                {
                    nullable = true;
                }
                else
                {
                    single ??= name;
                }
            }

            return (single, nullable);
        }

        return (type?.GetValue<string>(), false);
    }
}
