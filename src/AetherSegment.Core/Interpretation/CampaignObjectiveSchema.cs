using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using AetherSegment.Profiles;

namespace AetherSegment.Interpretation;

/// <summary>
/// The JSON schema of the Campaign Objective Object for one <see cref="BusinessProfile"/>, generated from
/// <see cref="CampaignObjective"/> with <see cref="JsonSchemaExporter"/>: every field required, enums, and the
/// profile's closed sets as <c>enum</c> (the values of each place and taxonomy level under its objective field, with
/// levels beyond the contract's four added as audience fields such as <c>regions</c>; acquisition sources; trigger
/// ids), ranges as <c>minimum</c>/<c>maximum</c>. Used to validate any interpreter's answer and sent to language
/// models as the response schema.
/// </summary>
/// <remarks>Thread-safe; every call returns a new node the caller may change.</remarks>
public static class CampaignObjectiveSchema
{
    private static readonly string[] ContractLevelFields = ["countries", "cities", "categories", "product_types"];
    private static readonly Lazy<JsonObject> Structure = new(BuildStructure);
    private static readonly ConditionalWeakTable<BusinessProfile, string> Texts = [];

    /// <summary>The profile's schema as indented JSON text.</summary>
    /// <param name="profile">The business whose closed sets the schema lists.</param>
    /// <returns>The schema.</returns>
    public static string Json(BusinessProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return Texts.GetValue(profile, static p => Build(p).ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
    }

    /// <summary>A new copy of the profile's schema as a JSON node.</summary>
    /// <param name="profile">The business whose closed sets the schema lists.</param>
    /// <returns>The schema.</returns>
    public static JsonObject CreateNode(BusinessProfile profile) => JsonNode.Parse(Json(profile))!.AsObject();

    private static JsonObject BuildStructure()
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

    private static JsonObject Build(BusinessProfile profile)
    {
        JsonObject schema = Structure.Value.DeepClone().AsObject();
        JsonObject audience = schema["properties"]!["audience"]!.AsObject();
        JsonObject properties = audience["properties"]!.AsObject();
        JsonArray required = audience["required"]!.AsArray();
        Dictionary<string, IEnumerable<string>> levels = new(StringComparer.Ordinal);
        foreach (CatalogHierarchy hierarchy in (CatalogHierarchy[])[profile.Catalog.Places, profile.Catalog.Taxonomy])
        {
            foreach (HierarchyLevel level in hierarchy.Levels)
            {
                if (!string.IsNullOrEmpty(level.ObjectiveField))
                {
                    levels[level.ObjectiveField] = hierarchy.ValuesAt(level).Select(n => n.Name);
                }
            }
        }

        foreach (string field in ContractLevelFields)
        {
            SetItemsEnum(properties[field]!.AsObject(), levels.GetValueOrDefault(field) ?? []);
        }

        foreach ((string field, IEnumerable<string> values) in levels)
        {
            if (!ContractLevelFields.Contains(field) && !properties.ContainsKey(field))
            {
                JsonObject level = new() { ["type"] = "array" };
                SetItemsEnum(level, values);
                properties.Add(field, level);
                required.Add(field);
            }
        }

        SetItemsEnum(properties["acquisition_sources"]!.AsObject(), profile.Catalog.AcquisitionSources.Select(s => s.Name));
        JsonArray triggers = [];
        foreach (TriggerDefinition trigger in profile.Triggers)
        {
            triggers.Add(trigger.Id);
        }

        triggers.Add(null);
        schema["properties"]!["suggested_trigger"] = new JsonObject { ["type"] = new JsonArray("string", "null"), ["enum"] = triggers };
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
