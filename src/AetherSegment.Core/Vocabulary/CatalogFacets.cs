namespace AetherSegment.Vocabulary;

/// <summary>The names of the catalog facets the vocabulary's callers ask for.</summary>
internal static class CatalogFacets
{
    /// <summary>Countries.</summary>
    public const string Country = "country";

    /// <summary>Cities.</summary>
    public const string City = "city";

    /// <summary>Product categories.</summary>
    public const string Category = "category";

    /// <summary>Product types.</summary>
    public const string ProductType = "product_type";

    /// <summary>Acquisition sources.</summary>
    public const string AcquisitionSource = "acquisition_source";

    /// <summary>Behavioral event types.</summary>
    public const string EventType = "event_type";

    /// <summary>Devices.</summary>
    public const string Device = "device";

    /// <summary>Marketing triggers.</summary>
    public const string Trigger = "trigger";
}
