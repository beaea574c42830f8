namespace AetherSegment.Profiles;

/// <summary>
/// One immutable, validated description of a business: the data mapping (its tables and columns), the attributes
/// filters can name, the catalog (places, taxonomy, sources, devices, event types, tiers), the marketing triggers with
/// their eligibility and economics, the vocabulary and the analytics measures and dimensions. Every feature reads the
/// profile instead of built-in lists.
/// </summary>
/// <remarks>
/// Created only by <see cref="BusinessProfileLoader"/> (from the JSON file format, see docs/profile.md) or by
/// <see cref="BusinessProfileBuilder"/>, both of which validate it completely. Immutable and safe to share between
/// threads; hosts register one as a singleton.
/// </remarks>
public sealed class BusinessProfile
{
    private readonly ProfileIndex _index;
    private readonly Dictionary<string, ProfileAttribute> _attributes;
    private readonly Dictionary<string, TriggerDefinition> _triggers;

    internal BusinessProfile(ProfileParts parts, ProfileIndex index)
    {
        Name = parts.Name;
        DisplayName = parts.DisplayName;
        Description = parts.Description;
        Currency = parts.Currency;
        Entities = new EntityMappings(parts.Entities);
        Attributes = parts.Attributes;
        Catalog = parts.Catalog;
        Triggers = parts.Triggers;
        Vocabulary = parts.Vocabulary;
        Analytics = parts.Analytics;
        Examples = parts.Examples;
        _index = index;
        _attributes = Attributes.ToDictionary(a => a.Name, StringComparer.OrdinalIgnoreCase);
        _triggers = Triggers.ToDictionary(t => t.Id, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The format version of the profile file (1).</summary>
    public int FormatVersion => ProfileParser.FormatVersion;

    /// <summary>The profile's id: lowercase letters, digits and '-' (e.g. <c>cycling-gear</c>).</summary>
    public string Name { get; }

    /// <summary>The name for people.</summary>
    public string DisplayName { get; }

    /// <summary>The business in a few words, used in model prompts ("a cycling-gear retailer").</summary>
    public string Description { get; }

    /// <summary>The ISO 4217 code of amounts (order values, economics), e.g. <c>USD</c>.</summary>
    public string Currency { get; }

    /// <summary>The data mapping: logical entities onto the user's tables and columns.</summary>
    public EntityMappings Entities { get; }

    /// <summary>The customer attributes filters, features and analytics can name, in file order.</summary>
    public IReadOnlyList<ProfileAttribute> Attributes { get; }

    /// <summary>The catalog.</summary>
    public ProfileCatalog Catalog { get; }

    /// <summary>The marketing triggers, in file order.</summary>
    public IReadOnlyList<TriggerDefinition> Triggers { get; }

    /// <summary>The profile's own vocabulary beyond the words on each value.</summary>
    public ProfileVocabulary Vocabulary { get; }

    /// <summary>The profile's own analytics measures and dimensions.</summary>
    public ProfileAnalytics Analytics { get; }

    /// <summary>The profile's example objectives and questions (empty lists when the profile has no <c>examples</c> section).</summary>
    public ProfileExamples Examples { get; }

    /// <summary>Whether the profile maps an entity.</summary>
    public bool HasEntity(EntityKind kind) => Entities.Get(kind) is not null;

    /// <summary>The message for a feature that needs an entity this profile does not map.</summary>
    /// <param name="kind">The entity the feature needs.</param>
    /// <returns><see langword="null"/> when the entity is mapped, else "needs the `entities.carts` mapping".</returns>
    public string? MissingEntityMessage(EntityKind kind) => HasEntity(kind) ? null : ProfileValidator.NeedsMapping(kind);

    /// <summary>The mapping of an entity a feature needs.</summary>
    /// <param name="kind">The entity.</param>
    /// <param name="feature">The feature in a few words, for the message (e.g. "the abandoned-cart filter").</param>
    /// <returns>The mapping.</returns>
    /// <exception cref="AetherSegmentInputException">The profile does not map the entity: "{feature} needs the `entities.carts` mapping in the profile".</exception>
    public EntityMapping RequireEntity(EntityKind kind, string feature) =>
        Entities.Get(kind) ?? throw new AetherSegmentInputException("profile", $"{feature} {ProfileValidator.NeedsMapping(kind)} in the profile '{Name}'.");

    /// <summary>Finds an attribute by name (case-insensitive).</summary>
    /// <returns>The attribute, or <see langword="null"/>.</returns>
    public ProfileAttribute? FindAttribute(string name) => _attributes.GetValueOrDefault(name);

    /// <summary>Finds the attribute playing a role.</summary>
    /// <returns>The attribute, or <see langword="null"/> when no attribute has the role.</returns>
    public ProfileAttribute? FindAttribute(ProfileAttributeRole role) => Attributes.FirstOrDefault(a => a.Role == role);

    /// <summary>Finds an attribute by its name, label or one of its words (case-insensitive; underscores as spaces).</summary>
    /// <returns>The attribute, or <see langword="null"/>.</returns>
    public ProfileAttribute? FindAttributeByWord(string word) => _index.AttributeWords.GetValueOrDefault(ProfileText.Key(word));

    /// <summary>Finds a trigger by id (case-insensitive).</summary>
    /// <returns>The trigger, or <see langword="null"/> when the profile has no such trigger.</returns>
    public TriggerDefinition? FindTrigger(string id) => _triggers.GetValueOrDefault(id);

    /// <summary>Finds a trigger by its id, name or one of its words (case-insensitive; underscores as spaces).</summary>
    /// <returns>The trigger, or <see langword="null"/>.</returns>
    public TriggerDefinition? FindTriggerByWord(string word) => _index.TriggerWords.GetValueOrDefault(ProfileText.Key(word));

    /// <summary>
    /// Finds the one catalog value a name or word names (case-insensitive; underscores as spaces): a canonical value,
    /// its singular, label or one of its words, across places, taxonomy, sources, channels, devices and event types.
    /// </summary>
    /// <returns>The value with its list and level, or <see langword="null"/> when the text names none or names a group of values.</returns>
    public CatalogMatch? FindCatalogValue(string nameOrWord) =>
        _index.CatalogWords.TryGetValue(ProfileText.Key(nameOrWord), out List<CatalogMatch>? matches) && matches.Count == 1 ? matches[0] : null;

    /// <summary>Every catalog value a name or word names: one, several for a vocabulary group ("mobile"), or none.</summary>
    public IReadOnlyList<CatalogMatch> FindCatalogValues(string nameOrWord) =>
        _index.CatalogWords.TryGetValue(ProfileText.Key(nameOrWord), out List<CatalogMatch>? matches) ? matches : [];

    /// <summary>Every name and word of the catalog (as compared: lowercase, underscores as spaces) with the values it names.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<CatalogMatch>> CatalogWords() =>
        _index.CatalogWords.ToDictionary(p => p.Key, p => (IReadOnlyList<CatalogMatch>)p.Value, StringComparer.Ordinal);
}
