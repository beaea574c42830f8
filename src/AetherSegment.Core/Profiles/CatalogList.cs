using System.Text.Json.Serialization;

namespace AetherSegment.Profiles;

/// <summary>The catalog list a value belongs to.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<CatalogList>))]
public enum CatalogList
{
    /// <summary>A place (<c>catalog.places</c>), on one of its levels.</summary>
    [JsonStringEnumMemberName("places")] Places,

    /// <summary>A product taxonomy value (<c>catalog.taxonomy</c>), on one of its levels.</summary>
    [JsonStringEnumMemberName("taxonomy")] Taxonomy,

    /// <summary>An acquisition source (<c>catalog.acquisition_sources</c>).</summary>
    [JsonStringEnumMemberName("acquisition_sources")] AcquisitionSources,

    /// <summary>A channel (<c>catalog.channels</c>).</summary>
    [JsonStringEnumMemberName("channels")] Channels,

    /// <summary>A device (<c>catalog.devices</c>).</summary>
    [JsonStringEnumMemberName("devices")] Devices,

    /// <summary>A behavioral event type (<c>catalog.event_types</c>).</summary>
    [JsonStringEnumMemberName("event_types")] EventTypes,
}
