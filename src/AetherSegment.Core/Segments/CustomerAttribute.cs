using System.Text.Json.Serialization;

namespace AetherSegment.Segments;

/// <summary>A customer attribute a <see cref="AttributeCondition"/> compares (a column of <c>customers</c> or <c>customer_scores</c>).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<CustomerAttribute>))]
public enum CustomerAttribute
{
    /// <summary><c>customers.country</c>.</summary>
    [JsonStringEnumMemberName("country")] Country,

    /// <summary><c>customers.city</c>.</summary>
    [JsonStringEnumMemberName("city")] City,

    /// <summary><c>customers.acquisition_source</c>.</summary>
    [JsonStringEnumMemberName("acquisition_source")] AcquisitionSource,

    /// <summary><c>customers.clv_score</c>, 0..1.</summary>
    [JsonStringEnumMemberName("clv_score")] ClvScore,

    /// <summary><c>customer_scores.churn_probability</c>, 0..1.</summary>
    [JsonStringEnumMemberName("churn_probability")] ChurnProbability,

    /// <summary><c>customer_scores.discount_sensitivity</c>, 0..1.</summary>
    [JsonStringEnumMemberName("discount_sensitivity")] DiscountSensitivity,

    /// <summary><c>customer_scores.free_shipping_sensitivity</c>, 0..1.</summary>
    [JsonStringEnumMemberName("free_shipping_sensitivity")] FreeShippingSensitivity,

    /// <summary><c>customer_scores.content_engagement</c>, 0..1.</summary>
    [JsonStringEnumMemberName("content_engagement")] ContentEngagement,

    /// <summary><c>customer_scores.exclusivity_seeker</c>, a flag.</summary>
    [JsonStringEnumMemberName("exclusivity_seeker")] ExclusivitySeeker,
}
