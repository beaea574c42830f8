using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using AetherSegment.DataModel;

namespace AetherSegment.Interpretation;

/// <summary>
/// The JSON schema of the Campaign Objective Object, generated from <see cref="CampaignObjective"/> with
/// <see cref="JsonSchemaExporter"/>: every field required, enums and the closed vocabularies of
/// <see cref="RetailCatalog"/> (countries, cities, categories, product types) as <c>enum</c>, ranges as
/// <c>minimum</c>/<c>maximum</c>. Used to validate any interpreter's answer and sent to language models as the
/// response schema.
/// </summary>
/// <remarks>Thread-safe; every call returns a new node the caller may change.</remarks>
public static class CampaignObjectiveSchema
{
    private static readonly Lazy<string> SchemaText = new(() => Build().ToJsonString(new JsonSerializerOptions { WriteIndented = true }));

    /// <summary>The schema as indented JSON text.</summary>
    public static string Json => SchemaText.Value;

    /// <summary>A new copy of the schema as a JSON node.</summary>
    public static JsonObject CreateNode() => JsonNode.Parse(SchemaText.Value)!.AsObject();

    /// <summary>A new copy of the schema whose <c>suggested_trigger</c> is one of the profile's trigger ids (or null).</summary>
    /// <param name="profile">The business profile whose triggers an answer may suggest.</param>
    public static JsonObject CreateNode(Profiles.BusinessProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        JsonObject schema = CreateNode();
        JsonArray ids = [];
        foreach (Profiles.TriggerDefinition trigger in profile.Triggers)
        {
            ids.Add(trigger.Id);
        }

        ids.Add(null);
        schema["properties"]!["suggested_trigger"] = new JsonObject { ["enum"] = ids };
        return schema;
    }

    private static JsonObject Build()
    {
        JsonSchemaExporterOptions exporterOptions = new()
        {
            TreatNullObliviousAsNonNullable = true,
            TransformSchemaNode = Transform,
        };
        JsonObject schema = JsonSchemaExporter.GetJsonSchemaAsNode(AetherSegmentJson.Options, typeof(CampaignObjective), exporterOptions).AsObject();
        schema.Insert(0, "$schema", "https://json-schema.org/draft/2020-12/schema");
        schema.Insert(1, "title", "Campaign Objective Object");
        return schema;
    }

    private static JsonNode Transform(JsonSchemaExporterContext context, JsonNode node)
    {
        if (node is not JsonObject schema)
        {
            return node;
        }

        if (schema["properties"] is JsonObject properties)
        {
            JsonArray required = [];
            foreach (KeyValuePair<string, JsonNode?> property in properties)
            {
                required.Add(property.Key);
            }

            schema["required"] = required;
        }

        string? name = context.PropertyInfo?.Name;
        switch (name)
        {
            case "countries":
                SetItemsEnum(schema, RetailCatalog.Countries.Select(c => c.Name));
                break;
            case "cities":
                SetItemsEnum(schema, RetailCatalog.Cities.Select(c => c.Name));
                break;
            case "categories":
                SetItemsEnum(schema, RetailCatalog.Categories.Select(c => c.Name));
                break;
            case "product_types":
                SetItemsEnum(schema, RetailCatalog.ProductTypes.Select(p => p.Name));
                break;
            case "clv_min" or "confidence":
                schema["minimum"] = 0;
                schema["maximum"] = 1;
                break;
            case "abandoned_cart_within_days" or "purchased_within_days" or "no_purchase_for_days" or "acquired_within_days"
                or "viewed_within_days" or "min_cart_value" or "value":
                schema["minimum"] = 0;
                break;
            default:
                break;
        }

        return schema;
    }

    private static void SetItemsEnum(JsonObject schema, IEnumerable<string> values)
    {
        JsonArray allowed = [];
        foreach (string value in values)
        {
            allowed.Add(value);
        }

        schema["items"] = new JsonObject { ["type"] = "string", ["enum"] = allowed };
    }
}
