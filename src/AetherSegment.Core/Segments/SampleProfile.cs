using System.Text.Json.Serialization;

namespace AetherSegment.Segments;

/// <summary>
/// A sample member for the preview, with the e-mail address masked (<c>a***@example.com</c>): the customer id, the
/// first name and e-mail when the profile maps them, then one property per place attribute and the value score, each
/// named after its profile attribute (for the demo retailer: <c>country</c>, <c>city</c>, <c>clv_score</c>).
/// </summary>
public sealed record SampleProfile
{
    /// <summary>The customer id.</summary>
    [JsonPropertyName("customer_id")]
    public required string CustomerId { get; init; }

    /// <summary>The first name (the customers mapping's <c>first_name</c> column), or <see langword="null"/>.</summary>
    [JsonPropertyName("first_name")]
    public string? FirstName { get; init; }

    /// <summary>The masked e-mail address (the customers mapping's <c>email</c> column), or <see langword="null"/>.</summary>
    [JsonPropertyName("email")]
    public string? Email { get; init; }

    /// <summary>The place attributes and the value score by attribute name, in profile order (written as properties of the member).</summary>
    [JsonExtensionData]
    public IDictionary<string, object?> Attributes { get; init; } = new Dictionary<string, object?>(StringComparer.Ordinal);

    /// <summary>The value score (the attribute with the value_score role), or <see langword="null"/>.</summary>
    [JsonIgnore]
    public double? ValueScore { get; init; }
}
