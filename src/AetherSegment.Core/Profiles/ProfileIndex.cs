namespace AetherSegment.Profiles;

/// <summary>The word indexes of a valid profile, keyed by <see cref="ProfileText.Key"/>.</summary>
internal sealed record ProfileIndex(
    IReadOnlyDictionary<string, List<CatalogMatch>> CatalogWords,
    IReadOnlyDictionary<string, TriggerDefinition> TriggerWords,
    IReadOnlyDictionary<string, ProfileAttribute> AttributeWords);
