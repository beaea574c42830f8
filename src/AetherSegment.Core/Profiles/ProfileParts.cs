namespace AetherSegment.Profiles;

/// <summary>The parts of a profile as read, with the JSON paths of the records that carry none themselves.</summary>
internal sealed class ProfileParts
{
    public string Name { get; set; } = "";

    public string DisplayName { get; set; } = "";

    public string Description { get; set; } = "";

    public string Currency { get; set; } = "USD";

    public List<EntityMapping> Entities { get; } = [];

    public IReadOnlyList<ProfileAttribute> Attributes { get; set; } = [];

    public ProfileCatalog Catalog { get; set; } = new();

    public IReadOnlyList<TriggerDefinition> Triggers { get; set; } = [];

    public ProfileVocabulary Vocabulary { get; set; } = new();

    public ProfileAnalytics Analytics { get; set; } = new();

    public ProfileExamples Examples { get; set; } = new();

    public string? ValueTiersPath { get; set; }

    public string? ChurnRiskPath { get; set; }

    public Dictionary<ProfileCondition, string> ConditionPaths { get; } = new(ReferenceEqualityComparer.Instance);

    public Dictionary<string, string> SynonymPaths { get; } = new(StringComparer.Ordinal);

    public Dictionary<VocabularyGroup, string> GroupPaths { get; } = new(ReferenceEqualityComparer.Instance);
}
