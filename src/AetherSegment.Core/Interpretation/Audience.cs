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

    /// <summary>Canonical country names.</summary>
    [JsonPropertyName("countries")]
    public IReadOnlyList<string> Countries { get; init; } = [];

    /// <summary>Cities of the data model.</summary>
    [JsonPropertyName("cities")]
    public IReadOnlyList<string> Cities { get; init; } = [];

    /// <summary>Categories of the data model.</summary>
    [JsonPropertyName("categories")]
    public IReadOnlyList<string> Categories { get; init; } = [];

    /// <summary>Product types of the data model, plural as listed there.</summary>
    [JsonPropertyName("product_types")]
    public IReadOnlyList<string> ProductTypes { get; init; } = [];

    /// <summary>The churn risk named, or <see langword="null"/>.</summary>
    [JsonPropertyName("churn_risk")]
    public ChurnRisk? ChurnRisk { get; init; }

    /// <summary>Acquisition sources.</summary>
    [JsonPropertyName("acquisition_sources")]
    public IReadOnlyList<AcquisitionSource> AcquisitionSources { get; init; } = [];

    /// <summary>Behavior predicates with time windows in days.</summary>
    [JsonPropertyName("behavior")]
    public Behavior Behavior { get; init; } = new();

    /// <summary>
    /// The values of the profile's catalog levels whose objective field is none of the contract's four (for example
    /// <c>regions</c>), keyed by that objective field; written as extra audience fields.
    /// </summary>
    [JsonIgnore]
    public IReadOnlyDictionary<string, IReadOnlyList<string>> OtherLevels { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

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
}
