using System.Text.Json.Serialization;

namespace AetherSegment.Profiles;

/// <summary>A role a profile attribute plays for the product (at most one attribute per role).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ProfileAttributeRole>))]
public enum ProfileAttributeRole
{
    /// <summary>The customer value score the value tiers are cut from (a number).</summary>
    [JsonStringEnumMemberName("value_score")] ValueScore,

    /// <summary>The churn probability the churn risk is cut from (a number).</summary>
    [JsonStringEnumMemberName("churn_score")] ChurnScore,

    /// <summary>How the customer was acquired (text, values from <c>catalog.acquisition_sources</c>).</summary>
    [JsonStringEnumMemberName("acquisition_source")] AcquisitionSource,
}
