using System.Globalization;
using System.Text.RegularExpressions;
using AetherSegment.Segments;

namespace AetherSegment.Profiles;

/// <summary>
/// Checks the references between the parts of a profile (attributes, catalog, triggers, vocabulary, analytics) and
/// builds its word indexes; every problem is reported with its JSON path. A name or word with two meanings names both
/// paths. Never throws for bad input.
/// </summary>
internal sealed partial class ProfileValidator
{
    private readonly ProfileParts _parts;
    private readonly ProfileErrorList _errors;
    private readonly Dictionary<string, ProfileAttribute> _attributes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<CatalogMatch>> _catalogWords = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string Meaning, string Path)> _catalogOwners = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TriggerDefinition> _triggerWords = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _triggerWordPaths = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ProfileAttribute> _attributeWords = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _attributeWordPaths = new(StringComparer.Ordinal);

    private ProfileValidator(ProfileParts parts, ProfileErrorList errors)
    {
        _parts = parts;
        _errors = errors;
    }

    public static ProfileIndex Validate(ProfileParts parts, ProfileErrorList errors)
    {
        ProfileValidator validator = new(parts, errors);
        validator.CheckAttributes();
        validator.CheckLevels();
        validator.IndexCatalog();
        validator.CheckTiers();
        validator.CheckTriggers();
        validator.IndexVocabulary();
        validator.CheckAnalytics();
        return new ProfileIndex(validator._catalogWords, validator._triggerWords, validator._attributeWords);
    }

    /// <summary>The message for a feature that needs an entity the profile does not map.</summary>
    internal static string NeedsMapping(EntityKind kind) => $"needs the `entities.{ProfileWire<EntityKind>.Name(kind)}` mapping";

    private bool IsMapped(EntityKind kind) => _parts.Entities.Any(e => e.Kind == kind);

    private EntityMapping? Mapping(EntityKind kind) => _parts.Entities.FirstOrDefault(e => e.Kind == kind);

    private void CheckAttributes()
    {
        Dictionary<ProfileAttributeRole, string> roles = [];
        foreach (ProfileAttribute attribute in _parts.Attributes)
        {
            string path = attribute.JsonPath;
            if (!_attributes.TryAdd(attribute.Name, attribute))
            {
                _errors.Add(path + ".name", $"duplicate attribute name '{attribute.Name}' (first at {_attributes[attribute.Name].JsonPath}.name)");
                continue;
            }

            if (attribute.Entity is not (EntityKind.Customers or EntityKind.Scores))
            {
                _errors.Add(path + ".entity", "an attribute lives on customers or scores (one row per customer)");
            }
            else if (!IsMapped(attribute.Entity))
            {
                _errors.Add(path + ".entity", $"the attribute {NeedsMapping(attribute.Entity)}");
            }

            if (attribute.Role is { } role)
            {
                if (roles.TryGetValue(role, out string? first))
                {
                    _errors.Add(path + ".role", $"the role {ProfileWire<ProfileAttributeRole>.Name(role)} is already taken by {first}");
                }
                else
                {
                    roles[role] = path;
                }

                ProfileAttributeType expected = role == ProfileAttributeRole.AcquisitionSource ? ProfileAttributeType.Text : ProfileAttributeType.Number;
                if (attribute.Type != expected)
                {
                    _errors.Add(path + ".type", $"the role {ProfileWire<ProfileAttributeRole>.Name(role)} needs the type {ProfileWire<ProfileAttributeType>.Name(expected)}");
                }
            }

            if (attribute.Catalog is { } catalog)
            {
                if (attribute.Type != ProfileAttributeType.Text)
                {
                    _errors.Add(path + ".catalog", "only a text attribute takes its values from a catalog list");
                }
                else if (ResolveCatalogList(catalog) is null)
                {
                    _errors.Add(path + ".catalog", $"unknown catalog list '{catalog}' ({CatalogListNames()})");
                }
            }

            foreach ((string word, int index) in Words(attribute.Name, attribute.Label, attribute.Words))
            {
                string wordPath = index < 0 ? path + (index == -1 ? ".name" : ".label") : ProfileJsonObject.Item(path + ".words", index);
                AddUnique(_attributeWords, _attributeWordPaths, word, attribute, wordPath,
                    (a, b) => ReferenceEquals(a, b), other => $"the attribute '{other.Name}'");
            }
        }
    }

    private string CatalogListNames()
    {
        List<string> names = [.. _parts.Catalog.Places.Levels.Select(l => "places." + l.Name)];
        names.AddRange(_parts.Catalog.Taxonomy.Levels.Select(l => "taxonomy." + l.Name));
        names.AddRange(["acquisition_sources", "channels", "devices", "event_types"]);
        return "one of " + string.Join(", ", names);
    }

    /// <summary>Resolves <c>places.&lt;level&gt;</c>, <c>taxonomy.&lt;level&gt;</c> or a flat list name.</summary>
    internal (CatalogList List, HierarchyLevel? Level)? ResolveCatalogList(string reference)
    {
        ProfileCatalog catalog = _parts.Catalog;
        int dot = reference.IndexOf('.', StringComparison.Ordinal);
        if (dot > 0)
        {
            string head = reference[..dot], tail = reference[(dot + 1)..];
            CatalogHierarchy? hierarchy = head switch { "places" => catalog.Places, "taxonomy" => catalog.Taxonomy, _ => null };
            HierarchyLevel? level = hierarchy?.Levels.FirstOrDefault(l => l.Name == tail);
            return level is null ? null : (head == "places" ? CatalogList.Places : CatalogList.Taxonomy, level);
        }

        foreach ((string name, CatalogList list) in ProfileWire<CatalogList>.Names)
        {
            if (name == reference && list is not (CatalogList.Places or CatalogList.Taxonomy))
            {
                return (list, null);
            }
        }

        return null;
    }

    private void CheckLevels()
    {
        foreach (HierarchyLevel level in _parts.Catalog.Places.Levels)
        {
            string path = $"$.catalog.places.levels[{level.Depth.ToString(CultureInfo.InvariantCulture)}]";
            if (level.Attribute is { } name)
            {
                if (!_attributes.TryGetValue(name, out ProfileAttribute? attribute))
                {
                    _errors.Add(path + ".attribute", $"unknown attribute '{name}' ({AttributeNames()})");
                }
                else if (attribute.Type != ProfileAttributeType.Text)
                {
                    _errors.Add(path + ".attribute", $"the place attribute '{name}' must be of type text");
                }
            }
        }

        foreach (HierarchyLevel level in _parts.Catalog.Taxonomy.Levels)
        {
            string path = $"$.catalog.taxonomy.levels[{level.Depth.ToString(CultureInfo.InvariantCulture)}]";
            if (level.OrdersColumn is not null && !IsMapped(EntityKind.Orders))
            {
                _errors.Add(path + ".orders_column", $"orders_column {NeedsMapping(EntityKind.Orders)}");
            }

            if (level.EventsColumn is not null && !IsMapped(EntityKind.Events))
            {
                _errors.Add(path + ".events_column", $"events_column {NeedsMapping(EntityKind.Events)}");
            }

            if (level.CartItemsField is not null && Mapping(EntityKind.Carts) is not { } carts)
            {
                _errors.Add(path + ".cart_items_field", $"cart_items_field {NeedsMapping(EntityKind.Carts)}");
            }
            else if (level.CartItemsField is not null && Mapping(EntityKind.Carts)!.Column("items") is null)
            {
                _errors.Add(path + ".cart_items_field", "cart_items_field names a key of each item in the carts' items JSON array, so entities.carts.columns.items must be mapped");
            }
        }

        CheckDuplicateLevels(_parts.Catalog.Places, "$.catalog.places.levels");
        CheckDuplicateLevels(_parts.Catalog.Taxonomy, "$.catalog.taxonomy.levels");
    }

    private void CheckDuplicateLevels(CatalogHierarchy hierarchy, string path)
    {
        HashSet<string> seen = new(StringComparer.Ordinal);
        foreach (HierarchyLevel level in hierarchy.Levels)
        {
            if (!seen.Add(level.Name))
            {
                _errors.Add(ProfileJsonObject.Item(path, level.Depth) + ".name", $"duplicate level name '{level.Name}'");
            }
        }
    }

    private string AttributeNames() =>
        _attributes.Count == 0 ? "the profile has no attributes" : "the profile's attributes: " + string.Join(", ", _attributes.Keys);

    private void IndexCatalog()
    {
        ProfileCatalog catalog = _parts.Catalog;
        foreach (CatalogNode node in catalog.Places.All)
        {
            IndexNode(CatalogList.Places, node);
        }

        foreach (CatalogNode node in catalog.Taxonomy.All)
        {
            IndexNode(CatalogList.Taxonomy, node);
        }

        IndexEntries(CatalogList.AcquisitionSources, catalog.AcquisitionSources);
        IndexEntries(CatalogList.Channels, catalog.Channels);
        IndexEntries(CatalogList.Devices, catalog.Devices);
        foreach (EventTypeEntry entry in catalog.EventTypes)
        {
            CatalogMatch match = new(CatalogList.EventTypes, entry.Name, null);
            AddCatalogWord(entry.Name, match, entry.JsonPath + ".name", isName: true);
            AddCatalogWord(entry.Label, match, entry.JsonPath + ".label", isName: false);
            for (int i = 0; i < entry.Words.Count; i++)
            {
                AddCatalogWord(entry.Words[i], match, ProfileJsonObject.Item(entry.JsonPath + ".words", i), isName: false);
            }
        }
    }

    private void IndexNode(CatalogList list, CatalogNode node)
    {
        CatalogMatch match = new(list, node.Name, node.Level);
        AddCatalogWord(node.Name, match, node.JsonPath + ".name", isName: true);
        if (node.Singular is { } singular)
        {
            AddCatalogWord(singular, match, node.JsonPath + ".singular", isName: false);
        }

        for (int i = 0; i < node.Words.Count; i++)
        {
            AddCatalogWord(node.Words[i], match, ProfileJsonObject.Item(node.JsonPath + ".words", i), isName: false);
        }
    }

    private void IndexEntries(CatalogList list, IReadOnlyList<CatalogEntry> entries)
    {
        foreach (CatalogEntry entry in entries)
        {
            CatalogMatch match = new(list, entry.Name, null);
            AddCatalogWord(entry.Name, match, entry.JsonPath + ".name", isName: true);
            AddCatalogWord(entry.Label, match, entry.JsonPath + ".label", isName: false);
            for (int i = 0; i < entry.Words.Count; i++)
            {
                AddCatalogWord(entry.Words[i], match, ProfileJsonObject.Item(entry.JsonPath + ".words", i), isName: false);
            }
        }
    }

    /// <summary>Adds a name or word of one catalog value; a key already naming another meaning is an error naming both paths.</summary>
    private void AddCatalogWord(string word, CatalogMatch match, string path, bool isName) =>
        AddCatalogWord(word, [match], path, isName);

    private void AddCatalogWord(string word, IReadOnlyList<CatalogMatch> matches, string path, bool isName)
    {
        string key = ProfileText.Key(word);
        if (key.Length == 0)
        {
            return;
        }

        string meaning = string.Join(" + ", matches.Select(Describe));
        if (_catalogOwners.TryGetValue(key, out (string Meaning, string Path) owner))
        {
            if (owner.Meaning != meaning)
            {
                string what = isName ? "the value" : "the word";
                _errors.Add(path, $"{what} '{word}' has two meanings: {meaning} here and {owner.Meaning} at {owner.Path}");
            }

            return;
        }

        _catalogOwners[key] = (meaning, path);
        _catalogWords[key] = [.. matches];
    }

    private static string Describe(CatalogMatch match) => match.Level is { } level
        ? $"{ProfileWire<CatalogList>.Name(match.List)}.{level.Name} '{match.Value}'"
        : $"{ProfileWire<CatalogList>.Name(match.List)} '{match.Value}'";

    private void CheckTiers()
    {
        if (_parts.ValueTiersPath is { } tiers && !_parts.Attributes.Any(a => a.Role == ProfileAttributeRole.ValueScore))
        {
            _errors.Add(tiers, "value tiers need an attribute with the role value_score");
        }

        if (_parts.ChurnRiskPath is { } churn && !_parts.Attributes.Any(a => a.Role == ProfileAttributeRole.ChurnScore))
        {
            _errors.Add(churn, "churn risk needs an attribute with the role churn_score");
        }
    }

    private void CheckTriggers()
    {
        Dictionary<string, TriggerDefinition> ids = new(StringComparer.Ordinal);
        foreach (TriggerDefinition trigger in _parts.Triggers)
        {
            if (!ids.TryAdd(trigger.Id, trigger))
            {
                _errors.Add(trigger.JsonPath + ".id", $"duplicate trigger id '{trigger.Id}' (first at {ids[trigger.Id].JsonPath}.id)");
                continue;
            }

            AddTriggerWord(trigger.Id, trigger, trigger.JsonPath + ".id");
            AddTriggerWord(trigger.Name, trigger, trigger.JsonPath + ".name");
            for (int i = 0; i < trigger.Words.Count; i++)
            {
                AddTriggerWord(trigger.Words[i], trigger, ProfileJsonObject.Item(trigger.JsonPath + ".words", i));
            }

            if (trigger.Eligibility is { } eligibility)
            {
                CheckCondition(eligibility.Condition);
            }
        }
    }

    private void AddTriggerWord(string word, TriggerDefinition trigger, string path) =>
        AddUnique(_triggerWords, _triggerWordPaths, word, trigger, path, (a, b) => ReferenceEquals(a, b), other => $"the trigger '{other.Id}'");

    private void AddUnique<T>(Dictionary<string, T> index, Dictionary<string, string> paths, string word, T owner, string path, Func<T, T, bool> same, Func<T, string> describe)
    {
        string key = ProfileText.Key(word);
        if (key.Length == 0)
        {
            return;
        }

        if (index.TryGetValue(key, out T? existing))
        {
            if (!same(existing, owner))
            {
                _errors.Add(path, $"the word '{word}' has two meanings: {describe(owner)} here and {describe(existing)} at {paths[key]}");
            }

            return;
        }

        index[key] = owner;
        paths[key] = path;
    }

    private string PathOf(ProfileCondition condition) =>
        _parts.ConditionPaths.TryGetValue(condition, out string? path) ? path : "$";

    private void CheckCondition(ProfileCondition condition)
    {
        string path = PathOf(condition);
        switch (condition)
        {
            case ProfileAllOfCondition all:
                all.Conditions.ToList().ForEach(CheckCondition);
                break;
            case ProfileAnyOfCondition any:
                any.Conditions.ToList().ForEach(CheckCondition);
                break;
            case ProfileNotCondition not:
                CheckCondition(not.Condition);
                break;
            case ProfileAttributeCondition attribute:
                CheckAttributeCondition(attribute, path);
                break;
            case ProfileBehaviorCondition behavior:
                CheckBehaviorCondition(behavior, path);
                break;
            default:
                _errors.Add(path, $"unsupported condition {condition.GetType().Name}");
                break;
        }
    }

    private void CheckAttributeCondition(ProfileAttributeCondition condition, string path)
    {
        if (!_attributes.TryGetValue(condition.Attribute, out ProfileAttribute? attribute))
        {
            _errors.Add(path + ".attribute", $"unknown attribute '{condition.Attribute}' ({AttributeNames()})");
            return;
        }

        ProfileAttributeType needed = condition.Operator switch
        {
            ComparisonOperator.AtLeast or ComparisonOperator.Below => ProfileAttributeType.Number,
            ComparisonOperator.IsTrue => ProfileAttributeType.Boolean,
            _ => ProfileAttributeType.Text,
        };
        if (attribute.Type != needed)
        {
            _errors.Add(path + ".operator", $"the operator {ProfileWire<ComparisonOperator>.Name(condition.Operator)} needs a {ProfileWire<ProfileAttributeType>.Name(needed)} attribute; '{attribute.Name}' is {ProfileWire<ProfileAttributeType>.Name(attribute.Type)}");
            return;
        }

        if (condition.Operator == ComparisonOperator.In && attribute.Catalog is { } reference && ResolveCatalogList(reference) is { } list)
        {
            HashSet<string> allowed = CatalogValues(list.List, list.Level);
            for (int i = 0; i < condition.Values.Count; i++)
            {
                if (!allowed.Contains(condition.Values[i]))
                {
                    _errors.Add(ProfileJsonObject.Item(path + ".values", i), $"unknown catalog value '{condition.Values[i]}': not a value of {reference}");
                }
            }
        }
    }

    private HashSet<string> CatalogValues(CatalogList list, HierarchyLevel? level)
    {
        ProfileCatalog catalog = _parts.Catalog;
        IEnumerable<string> values = list switch
        {
            CatalogList.Places => catalog.Places.All.Where(n => level is null || ReferenceEquals(n.Level, level)).Select(n => n.Name),
            CatalogList.Taxonomy => catalog.Taxonomy.All.Where(n => level is null || ReferenceEquals(n.Level, level)).Select(n => n.Name),
            _ => catalog.Values(list),
        };
        return new HashSet<string>(values, StringComparer.OrdinalIgnoreCase);
    }

    private void CheckBehaviorCondition(ProfileBehaviorCondition condition, string path)
    {
        string behavior = ProfileWire<BehaviorKind>.Name(condition.Behavior);
        EntityKind needed = condition.Behavior switch
        {
            BehaviorKind.Purchased or BehaviorKind.NoPurchase => EntityKind.Orders,
            BehaviorKind.AbandonedCart => EntityKind.Carts,
            BehaviorKind.Engaged => EntityKind.Events,
            _ => EntityKind.Customers,
        };
        if (!IsMapped(needed))
        {
            _errors.Add(path + ".behavior", $"the behavior {behavior} {NeedsMapping(needed)}");
        }
        else if (condition.Behavior == BehaviorKind.Acquired && Mapping(EntityKind.Customers)?.HasColumn("created_at") != true)
        {
            _errors.Add(path + ".behavior", "the behavior acquired needs the `entities.customers.columns.created_at` mapping");
        }

        if (condition.WithinDays is null && condition.Behavior is not (BehaviorKind.Purchased or BehaviorKind.Engaged))
        {
            _errors.Add(path + ".within_days", $"the behavior {behavior} needs a window (within_days)");
        }

        if (condition.MinValue is not null)
        {
            if (condition.Behavior != BehaviorKind.AbandonedCart)
            {
                _errors.Add(path + ".min_value", "min_value applies to abandoned_cart only");
            }
            else if (Mapping(EntityKind.Carts)?.HasColumn("value") == false)
            {
                _errors.Add(path + ".min_value", "min_value needs the `entities.carts.columns.value` mapping");
            }
        }

        if (condition.EventTypes.Count > 0 && condition.Behavior != BehaviorKind.Engaged)
        {
            _errors.Add(path + ".event_types", "event_types apply to engaged only");
        }

        for (int i = 0; i < condition.EventTypes.Count; i++)
        {
            if (_parts.Catalog.FindEventType(condition.EventTypes[i]) is null)
            {
                string known = string.Join(", ", _parts.Catalog.EventTypes.Select(e => e.Name));
                _errors.Add(ProfileJsonObject.Item(path + ".event_types", i),
                    $"unknown event type '{condition.EventTypes[i]}' ({(known.Length == 0 ? "the catalog has no event types" : "the catalog's event types: " + known)})");
            }
        }

        if (condition.Taxonomy.Count > 0 && condition.Behavior is not (BehaviorKind.Purchased or BehaviorKind.NoPurchase or BehaviorKind.Engaged))
        {
            _errors.Add(path + ".taxonomy", "taxonomy applies to purchased, no_purchase and engaged only");
        }

        for (int i = 0; i < condition.Taxonomy.Count; i++)
        {
            string itemPath = ProfileJsonObject.Item(path + ".taxonomy", i);
            if (_parts.Catalog.Taxonomy.Find(condition.Taxonomy[i]) is not { } node)
            {
                _errors.Add(itemPath, $"unknown catalog value '{condition.Taxonomy[i]}': not a value of the taxonomy");
            }
            else if (condition.Behavior == BehaviorKind.Engaged ? node.Level.EventsColumn is null : node.Level.OrdersColumn is null)
            {
                string column = condition.Behavior == BehaviorKind.Engaged ? "events_column" : "orders_column";
                _errors.Add(itemPath, $"the taxonomy level '{node.Level.Name}' has no {column}");
            }
        }
    }

    private void IndexVocabulary()
    {
        ProfileVocabulary vocabulary = _parts.Vocabulary;
        foreach ((string value, IReadOnlyList<string> words) in vocabulary.Synonyms)
        {
            string path = _parts.SynonymPaths.TryGetValue(value, out string? p) ? p : "$.vocabulary.synonyms";
            string key = ProfileText.Key(value);
            CatalogMatch? match = null;
            if (_catalogOwners.TryGetValue(key, out (string Meaning, string Path) owner) && owner.Path.EndsWith(".name", StringComparison.Ordinal)
                && _catalogWords[key] is [var single])
            {
                match = single;
            }

            TriggerDefinition? trigger = _parts.Triggers.FirstOrDefault(t => t.Id == value);
            if (match is null && trigger is null)
            {
                _errors.Add(path, $"'{value}' is not a catalog value or trigger id");
                continue;
            }

            for (int i = 0; i < words.Count; i++)
            {
                string wordPath = ProfileJsonObject.Item(path, i);
                if (match is not null)
                {
                    AddCatalogWord(words[i], match, wordPath, isName: false);
                }
                else
                {
                    AddTriggerWord(words[i], trigger!, wordPath);
                }
            }
        }

        foreach (VocabularyGroup group in vocabulary.Groups)
        {
            string path = _parts.GroupPaths.TryGetValue(group, out string? p) ? p : "$.vocabulary.groups";
            List<CatalogMatch> matches = [];
            for (int i = 0; i < group.Values.Count; i++)
            {
                string key = ProfileText.Key(group.Values[i]);
                CatalogMatch? match = _catalogWords.TryGetValue(key, out List<CatalogMatch>? found) && found.Count == 1
                    && found[0].List == group.List && string.Equals(found[0].Value, group.Values[i], StringComparison.OrdinalIgnoreCase) ? found[0] : null;
                if (match is null)
                {
                    _errors.Add(ProfileJsonObject.Item(path + ".values", i), $"unknown catalog value '{group.Values[i]}': not a value of {ProfileWire<CatalogList>.Name(group.List)}");
                }
                else
                {
                    matches.Add(match);
                }
            }

            if (matches.Count == group.Values.Count && matches.Count > 0)
            {
                for (int i = 0; i < group.Words.Count; i++)
                {
                    AddCatalogWord(group.Words[i], matches, ProfileJsonObject.Item(path + ".words", i), isName: false);
                }
            }
        }
    }

    private void CheckAnalytics()
    {
        HashSet<string> names = new(StringComparer.Ordinal);
        foreach (ProfileMeasure measure in _parts.Analytics.Measures)
        {
            if (!names.Add(measure.Name))
            {
                _errors.Add(measure.JsonPath + ".name", $"duplicate measure name '{measure.Name}'");
            }

            CheckExpressionEntity(measure.Entity, measure.Expression, measure.JsonPath);
        }

        names.Clear();
        foreach (ProfileDimension dimension in _parts.Analytics.Dimensions)
        {
            if (!names.Add(dimension.Name))
            {
                _errors.Add(dimension.JsonPath + ".name", $"duplicate dimension name '{dimension.Name}'");
            }

            CheckExpressionEntity(dimension.Entity, dimension.Expression, dimension.JsonPath);
        }
    }

    private void CheckExpressionEntity(EntityKind entity, string expression, string path)
    {
        if (!IsMapped(entity))
        {
            _errors.Add(path + ".entity", NeedsMapping(entity));
        }

        foreach (Match placeholder in Placeholder().Matches(expression))
        {
            string name = placeholder.Groups[1].Value;
            if (!_attributes.ContainsKey(name))
            {
                _errors.Add(path + ".expression", $"unknown attribute '{name}' ({AttributeNames()})");
            }
        }
    }

    /// <summary>The name (index -1), the label (index -2) and the words (their index) of a named part.</summary>
    private static IEnumerable<(string Word, int Index)> Words(string name, string label, IReadOnlyList<string> words)
    {
        yield return (name, -1);
        yield return (label, -2);
        for (int i = 0; i < words.Count; i++)
        {
            yield return (words[i], i);
        }
    }

    [GeneratedRegex("\\{([a-z][a-z0-9_]*)\\}")]
    internal static partial Regex Placeholder();
}
