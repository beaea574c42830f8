using System.Text.Json.Serialization;

namespace AetherSegment.Segments;

/// <summary>A sample member for the preview, with the e-mail address masked (<c>a***@example.com</c>).</summary>
public sealed record SampleProfile
{
    /// <summary>The customer id.</summary>
    [JsonPropertyName("customer_id")]
    public required string CustomerId { get; init; }

    /// <summary>The first name.</summary>
    [JsonPropertyName("first_name")]
    public string? FirstName { get; init; }

    /// <summary>The masked e-mail address.</summary>
    [JsonPropertyName("email")]
    public string? Email { get; init; }

    /// <summary>The country.</summary>
    [JsonPropertyName("country")]
    public string? Country { get; init; }

    /// <summary>The city.</summary>
    [JsonPropertyName("city")]
    public string? City { get; init; }

    /// <summary>The CLV score, 0..1.</summary>
    [JsonPropertyName("clv_score")]
    public double? ClvScore { get; init; }
}
