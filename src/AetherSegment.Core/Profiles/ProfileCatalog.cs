namespace AetherSegment.Profiles;

/// <summary>
/// The profile's catalog: places, the product taxonomy, acquisition sources, channels, devices, event types, and the
/// value and churn tiers. Immutable and thread-safe.
/// </summary>
public sealed class ProfileCatalog
{
    internal ProfileCatalog()
    {
    }

    /// <summary>The places (any levels: country, region, city...); empty when the profile has none.</summary>
    public CatalogHierarchy Places { get; internal init; } = CatalogHierarchy.Empty;

    /// <summary>The product taxonomy (any depth: category, type...); empty when the profile has none.</summary>
    public CatalogHierarchy Taxonomy { get; internal init; } = CatalogHierarchy.Empty;

    /// <summary>How customers are acquired.</summary>
    public IReadOnlyList<CatalogEntry> AcquisitionSources { get; internal init; } = [];

    /// <summary>The channels campaigns are sent through.</summary>
    public IReadOnlyList<CatalogEntry> Channels { get; internal init; } = [];

    /// <summary>The devices of behavioral events.</summary>
    public IReadOnlyList<CatalogEntry> Devices { get; internal init; } = [];

    /// <summary>The behavioral event types.</summary>
    public IReadOnlyList<EventTypeEntry> EventTypes { get; internal init; } = [];

    /// <summary>The value tiers, or <see langword="null"/> when the profile has no value score.</summary>
    public ValueTierThresholds? ValueTiers { get; internal init; }

    /// <summary>The churn risk threshold, or <see langword="null"/> when the profile has no churn score.</summary>
    public ChurnRiskThreshold? ChurnRisk { get; internal init; }

    /// <summary>Finds an event type by its canonical name (case-insensitive).</summary>
    /// <returns>The event type, or <see langword="null"/>.</returns>
    public EventTypeEntry? FindEventType(string name) =>
        EventTypes.FirstOrDefault(e => string.Equals(e.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>The canonical values of a flat list (<see cref="CatalogList.AcquisitionSources"/>, <see cref="CatalogList.Channels"/>,
    /// <see cref="CatalogList.Devices"/>, <see cref="CatalogList.EventTypes"/>) or of every level of a hierarchy, in file order.</summary>
    public IReadOnlyList<string> Values(CatalogList list) => list switch
    {
        CatalogList.Places => [.. Places.All.Select(n => n.Name)],
        CatalogList.Taxonomy => [.. Taxonomy.All.Select(n => n.Name)],
        CatalogList.AcquisitionSources => [.. AcquisitionSources.Select(e => e.Name)],
        CatalogList.Channels => [.. Channels.Select(e => e.Name)],
        CatalogList.Devices => [.. Devices.Select(e => e.Name)],
        CatalogList.EventTypes => [.. EventTypes.Select(e => e.Name)],
        _ => throw new ArgumentOutOfRangeException(nameof(list), list, "Unknown catalog list."),
    };
}
