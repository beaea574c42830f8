namespace AetherSegment.Web.Profiles;

/// <summary>
/// What the pages need to know about the business (GET /api/v1/profile): its name, catalog lists, triggers, the
/// refinement keys the preview accepts and its examples. Read-only; the mapping (tables, columns) is not exposed.
/// </summary>
internal sealed record ProfileSummary(
    string Name,
    string DisplayName,
    string Description,
    string Currency,
    IReadOnlyList<string> MappedEntities,
    IReadOnlyList<CatalogLevelSummary> PlaceLevels,
    IReadOnlyList<CatalogLevelSummary> TaxonomyLevels,
    IReadOnlyList<NamedEntry> AcquisitionSources,
    IReadOnlyList<NamedEntry> EventTypes,
    AttributeSummary? ValueScore,
    AttributeSummary? ChurnScore,
    IReadOnlyList<TriggerSummary> Triggers,
    IReadOnlyList<string> RefinementKeys,
    ExamplesSummary Examples);

/// <summary>One level of the places or the taxonomy, with its values in catalog order.</summary>
/// <param name="Name">The level's name (country, region, category, ...).</param>
/// <param name="Plural">The level's plural for people.</param>
/// <param name="ObjectiveField">The Campaign Objective Object's audience field of the level, or null.</param>
/// <param name="RefinementKey">The preview's refinement key that filters on the level, or null when there is none.</param>
/// <param name="Values">The values with their parent value (null at the first level).</param>
/// <param name="Attribute">The customer attribute of a place level (the property of a sample member that holds it), null for a taxonomy level.</param>
internal sealed record CatalogLevelSummary(string Name, string Plural, string? ObjectiveField, string? RefinementKey, IReadOnlyList<CatalogValueSummary> Values, string? Attribute);

/// <summary>One catalog value and its parent value at the level above (null at the first level).</summary>
internal sealed record CatalogValueSummary(string Name, string? Parent);

/// <summary>A catalog entry's name and its label for people.</summary>
internal sealed record NamedEntry(string Name, string Label);

/// <summary>A customer attribute with a role (value score, churn score): its name, label and tier thresholds.</summary>
internal sealed record AttributeSummary(string Name, string Label, double? High, double? Low);

/// <summary>A trigger: its id, name, description and eligibility in words.</summary>
internal sealed record TriggerSummary(string Id, string Name, string Description, string? Eligibility);

/// <summary>The profile's example objectives (title and text) and questions.</summary>
internal sealed record ExamplesSummary(IReadOnlyList<ExampleSummary> Objectives, IReadOnlyList<string> Questions);

/// <summary>One example objective.</summary>
internal sealed record ExampleSummary(string Title, string Text);
