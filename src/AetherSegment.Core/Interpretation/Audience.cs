using System.Text.Json;
using System.Text.Json.Serialization;

namespace AetherSegment.Interpretation;

/// <summary>The audience of a campaign objective: only what defines who is in it.</summary>
public sealed record Audience
{
    /// <summary>The value tier over clv_score, or <see langword="null"/> when not named.</summary>
    [JsonPropertyName("value_tier")]
    public ValueTier? ValueTier { get; init; }

    /// <summary>The minimum clv_score (0..1) when the objective gives a number, else <see langword="null"/>.</summary>
    [JsonPropertyName("clv_min")]
    public double? ClvMin { get; init; }

    /// <summary>Canonical values of the place level whose objective field is <c>countries</c>.</summary>
    [JsonPropertyName("countries")]
    public IReadOnlyList<string> Countries { get; init; } = [];

    /// <summary>Canonical values of the place level whose objective field is <c>cities</c>.</summary>
    [JsonPropertyName("cities")]
    public IReadOnlyList<string> Cities { get; init; } = [];

    /// <summary>Canonical values of the taxonomy level whose objective field is <c>categories</c>.</summary>
    [JsonPropertyName("categories")]
    public IReadOnlyList<string> Categories { get; init; } = [];

    /// <summary>Canonical values of the taxonomy level whose objective field is <c>product_types</c>, as listed in the profile.</summary>
    [JsonPropertyName("product_types")]
    public IReadOnlyList<string> ProductTypes { get; init; } = [];

    /// <summary>The churn risk named, or <see langword="null"/>.</summary>
    [JsonPropertyName("churn_risk")]
    public ChurnRisk? ChurnRisk { get; init; }

    /// <summary>Acquisition sources: canonical values of the profile's <c>catalog.acquisition_sources</c>.</summary>
    [JsonPropertyName("acquisition_sources")]
    public IReadOnlyList<string> AcquisitionSources { get; init; } = [];

    /// <summary>Behavior predicates with time windows in days.</summary>
    [JsonPropertyName("behavior")]
    public Behavior Behavior { get; init; } = new();

    /// <summary>
    /// The values of the profile's catalog levels whose objective field is none of the contract's four (for example
    /// <c>regions</c>), keyed by that objective field; written as extra audience fields (<c>"regions": [...]</c>) and
    /// read back from them. Empty when the objective names none.
    /// </summary>
    [JsonIgnore]
    public IReadOnlyDictionary<string, IReadOnlyList<string>> OtherLevels
    {
        get => _otherLevels ??= ReadOtherLevels(_extraFields);
        init => _otherLevels = value;
    }

    internal static IReadOnlyDictionary<string, IReadOnlyList<string>> NoOtherLevels { get; } = new Dictionary<string, IReadOnlyList<string>>();

    // Extra audience fields: the other levels on write; on read every unknown field (arrays of strings become levels).
    [JsonExtensionData]
    [JsonInclude]
    internal Dictionary<string, JsonElement>? ExtraFields
    {
        get => _otherLevels is { Count: > 0 } levels
            ? levels.ToDictionary(p => p.Key, p => JsonSerializer.SerializeToElement(p.Value, AetherSegmentJson.Options), StringComparer.Ordinal)
            : _extraFields;
        set => _extraFields = value;
    }

    /// <summary>The values named for one catalog level, by the level's objective field (<c>countries</c>, <c>cities</c>, <c>categories</c>, <c>product_types</c> or another level's field).</summary>
    /// <param name="objectiveField">The level's <c>objective_field</c> in the profile.</param>
    /// <returns>The values, or empty when the objective names none.</returns>
    public IReadOnlyList<string> ValuesOf(string objectiveField) => objectiveField switch
    {
        "countries" => Countries,
        "cities" => Cities,
        "categories" => Categories,
        "product_types" => ProductTypes,
        _ => OtherLevels.GetValueOrDefault(objectiveField) ?? [],
    };

    private IReadOnlyDictionary<string, IReadOnlyList<string>>? _otherLevels;
    private Dictionary<string, JsonElement>? _extraFields;

    private static IReadOnlyDictionary<string, IReadOnlyList<string>> ReadOtherLevels(Dictionary<string, JsonElement>? fields)
    {
        if (fields is not { Count: > 0 })
        {
            return NoOtherLevels;
        }

        Dictionary<string, IReadOnlyList<string>> levels = new(StringComparer.Ordinal);
        foreach ((string name, JsonElement value) in fields)
        {
            if (value.ValueKind == JsonValueKind.Array && value.EnumerateArray().All(v => v.ValueKind == JsonValueKind.String))
            {
                levels[name] = [.. value.EnumerateArray().Select(v => v.GetString()!)];
            }
        }

        return levels;
    }
}
