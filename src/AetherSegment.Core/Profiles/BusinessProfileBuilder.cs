using System.Text.Json;
using System.Text.Json.Nodes;
using AetherSegment.Segments;

namespace AetherSegment.Profiles;

/// <summary>
/// Builds a <see cref="BusinessProfile"/> in code, fluently. The builder writes the profile file format and
/// <see cref="Build"/> validates it exactly as <see cref="BusinessProfileLoader"/> does, so a built profile and a
/// loaded one are the same object and errors name the JSON path the value would have in the file
/// (<c>$.triggers[1].id: duplicate trigger id 'x'</c>). <see cref="ToJson"/> writes that file. Not thread-safe; the
/// built profile is immutable.
/// </summary>
/// <example>
/// <code>
/// BusinessProfile profile = new BusinessProfileBuilder("trailhead", "a cycling-gear retailer")
///     .MapEntity(EntityKind.Customers, "members", new Dictionary&lt;string, string&gt; { ["id"] = "member_id" })
///     .AddAttribute("promo_affinity", EntityKind.Customers, "promo_affinity", ProfileAttributeType.Number)
///     .AddTrigger("member_discount", "Member discount", "10% off", t =&gt; t
///         .Eligibility("promo affinity of at least 0.4", ProfileAttributeCondition.AtLeast("promo_affinity", 0.4)))
///     .Build();
/// </code>
/// </example>
public sealed class BusinessProfileBuilder
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private readonly JsonObject _profile;
    private readonly JsonObject _entities = [];
    private readonly JsonArray _attributes = [];
    private readonly JsonObject _catalog = [];
    private readonly JsonArray _triggers = [];
    private readonly JsonObject _vocabulary = [];
    private readonly JsonObject _analytics = [];

    /// <summary>Starts a profile.</summary>
    /// <param name="name">The profile's id: lowercase letters, digits and '-'.</param>
    /// <param name="description">The business in a few words, used in model prompts.</param>
    public BusinessProfileBuilder(string name, string description)
    {
        _profile = new JsonObject
        {
            ["format_version"] = ProfileParser.FormatVersion,
            ["name"] = name,
            ["description"] = description,
        };
    }

    /// <summary>Sets the name for people (default: the profile's id).</summary>
    public BusinessProfileBuilder WithDisplayName(string displayName)
    {
        _profile["display_name"] = displayName;
        return this;
    }

    /// <summary>Sets the ISO 4217 currency of amounts (default: USD).</summary>
    public BusinessProfileBuilder WithCurrency(string currency)
    {
        _profile["currency"] = currency;
        return this;
    }

    /// <summary>Maps a logical entity onto a table (replacing an earlier mapping of the same entity).</summary>
    /// <param name="kind">The entity.</param>
    /// <param name="table">The table, as the store names it.</param>
    /// <param name="columns">The logical columns (e.g. <c>id</c>, <c>customer_id</c>, <c>timestamp</c>) and their column names or SQL expressions.</param>
    /// <param name="treatmentValue">For <see cref="EntityKind.CampaignSends"/>: the arm value of the treatment group.</param>
    /// <param name="controlValue">For <see cref="EntityKind.CampaignSends"/>: the arm value of the control group.</param>
    public BusinessProfileBuilder MapEntity(EntityKind kind, string table, IReadOnlyDictionary<string, string> columns, string? treatmentValue = null, string? controlValue = null)
    {
        ArgumentNullException.ThrowIfNull(columns);
        JsonObject mapping = new() { ["table"] = table, ["columns"] = new JsonObject(columns.Select(c => KeyValuePair.Create(c.Key, (JsonNode?)c.Value))) };
        if (treatmentValue is not null)
        {
            mapping["treatment_value"] = treatmentValue;
        }

        if (controlValue is not null)
        {
            mapping["control_value"] = controlValue;
        }

        _entities[ProfileWire<EntityKind>.Name(kind)] = mapping;
        return this;
    }

    /// <summary>Marks logical columns of customers as personal data (never shown to models). Map customers first.</summary>
    /// <exception cref="InvalidOperationException">Customers are not mapped yet.</exception>
    public BusinessProfileBuilder WithPersonalColumns(params IReadOnlyList<string> logicalColumns)
    {
        JsonObject customers = _entities["customers"] as JsonObject ?? throw new InvalidOperationException("Map the customers entity before naming its personal columns.");
        customers["personal_columns"] = Array(logicalColumns);
        return this;
    }

    /// <summary>
    /// Declares that each row of a mapped entity is one record (<c>id_unique</c>): its <c>id</c> column is unique per row
    /// and never null, so counts of records are row counts and per-customer questions total each customer's rows first.
    /// On <see cref="EntityKind.Scores"/> the key is <c>customer_id</c>: one row of scores per customer, so a customer's
    /// score is compared on its row. Only for customers, orders and scores; map the entity, with its key column, first.
    /// <c>aether profile check</c> verifies the declaration against the data.
    /// </summary>
    /// <exception cref="ArgumentException">The entity is not customers, orders or scores.</exception>
    /// <exception cref="InvalidOperationException">The entity is not mapped yet.</exception>
    public BusinessProfileBuilder WithIdUnique(EntityKind kind)
    {
        if (kind is not (EntityKind.Customers or EntityKind.Orders or EntityKind.Scores))
        {
            throw new ArgumentException("id_unique is declared on customers, orders or scores only.", nameof(kind));
        }

        string name = ProfileWire<EntityKind>.Name(kind);
        JsonObject mapping = _entities[name] as JsonObject ?? throw new InvalidOperationException($"Map the {name} entity before declaring its id unique.");
        mapping["id_unique"] = true;
        return this;
    }

    /// <summary>
    /// Names the logical columns of the events that hold one value per session (<c>session_columns</c>, e.g.
    /// <c>customer_id</c>, <c>device</c>); needs <c>session_id</c> and <c>session_start</c> in the events mapping.
    /// Map the events first.
    /// </summary>
    /// <exception cref="InvalidOperationException">Events are not mapped yet.</exception>
    public BusinessProfileBuilder WithSessionColumns(params IReadOnlyList<string> logicalColumns)
    {
        JsonObject events = _entities["events"] as JsonObject ?? throw new InvalidOperationException("Map the events entity before naming its session columns.");
        events["session_columns"] = Array(logicalColumns);
        return this;
    }

    /// <summary>Adds a customer attribute that filters, features and analytics can name.</summary>
    /// <param name="name">The attribute's name (snake_case).</param>
    /// <param name="entity"><see cref="EntityKind.Customers"/> or <see cref="EntityKind.Scores"/>.</param>
    /// <param name="column">The column name or SQL expression over the entity's table.</param>
    /// <param name="type">The type of its values.</param>
    /// <param name="role">The role it plays, or <see langword="null"/>.</param>
    /// <param name="catalog">For text: the catalog list of its values (<c>places.&lt;level&gt;</c>, <c>acquisition_sources</c>...), or <see langword="null"/>.</param>
    /// <param name="label">The label for people, or <see langword="null"/> for the name with spaces.</param>
    /// <param name="words">The words that name it.</param>
    public BusinessProfileBuilder AddAttribute(string name, EntityKind entity, string column, ProfileAttributeType type, ProfileAttributeRole? role = null,
        string? catalog = null, string? label = null, IReadOnlyList<string>? words = null)
    {
        JsonObject attribute = new()
        {
            ["name"] = name,
            ["entity"] = ProfileWire<EntityKind>.Name(entity),
            ["column"] = column,
            ["type"] = ProfileWire<ProfileAttributeType>.Name(type),
        };
        Optional(attribute, "role", role is { } r ? ProfileWire<ProfileAttributeRole>.Name(r) : null);
        Optional(attribute, "catalog", catalog);
        Optional(attribute, "label", label);
        OptionalWords(attribute, words);
        _attributes.Add(attribute);
        return this;
    }

    /// <summary>Adds the next (inner) level of places.</summary>
    /// <param name="name">The level's name (snake_case, e.g. <c>region</c>).</param>
    /// <param name="attribute">The customer attribute holding the level's value.</param>
    /// <param name="plural">The plural for people, or <see langword="null"/> for the name plus "s".</param>
    /// <param name="objectiveField">The Campaign Objective audience field for this level, or <see langword="null"/>.</param>
    public BusinessProfileBuilder AddPlaceLevel(string name, string attribute, string? plural = null, string? objectiveField = null)
    {
        JsonObject level = new() { ["name"] = name, ["attribute"] = attribute };
        Optional(level, "plural", plural);
        Optional(level, "objective_field", objectiveField);
        Levels("places").Add(level);
        return this;
    }

    /// <summary>Adds a place on the outermost level, or under a parent added before.</summary>
    /// <param name="name">The canonical value.</param>
    /// <param name="parent">The canonical value of its parent, or <see langword="null"/> for the outermost level.</param>
    /// <param name="share">The share of customers there (0..1), or <see langword="null"/>.</param>
    /// <param name="words">The words that name it.</param>
    /// <exception cref="ArgumentException">The parent was not added before.</exception>
    public BusinessProfileBuilder AddPlace(string name, string? parent = null, double? share = null, IReadOnlyList<string>? words = null)
    {
        JsonObject node = new() { ["name"] = name };
        if (share is { } s)
        {
            node["share"] = s;
        }

        OptionalWords(node, words);
        AddNode("places", node, parent);
        return this;
    }

    /// <summary>Adds the next (deeper) level of the product taxonomy.</summary>
    /// <param name="name">The level's name (snake_case, e.g. <c>department</c>).</param>
    /// <param name="ordersColumn">The column or expression of the orders table holding the level's value, or <see langword="null"/>.</param>
    /// <param name="eventsColumn">The column or expression of the events table holding the level's value, or <see langword="null"/>.</param>
    /// <param name="plural">The plural for people, or <see langword="null"/> for the name plus "s".</param>
    /// <param name="objectiveField">The Campaign Objective audience field for this level, or <see langword="null"/>.</param>
    public BusinessProfileBuilder AddTaxonomyLevel(string name, string? ordersColumn = null, string? eventsColumn = null, string? plural = null, string? objectiveField = null)
    {
        JsonObject level = new() { ["name"] = name };
        Optional(level, "plural", plural);
        Optional(level, "orders_column", ordersColumn);
        Optional(level, "events_column", eventsColumn);
        Optional(level, "objective_field", objectiveField);
        Levels("taxonomy").Add(level);
        return this;
    }

    /// <summary>Adds a taxonomy value on the outermost level, or under a parent added before.</summary>
    /// <param name="name">The canonical value.</param>
    /// <param name="parent">The canonical value of its parent, or <see langword="null"/> for the outermost level.</param>
    /// <param name="singular">The singular ("Jacket"), or <see langword="null"/>.</param>
    /// <param name="priceRange">The lowest and highest unit price, or <see langword="null"/>.</param>
    /// <param name="words">The words that name it.</param>
    /// <exception cref="ArgumentException">The parent was not added before.</exception>
    public BusinessProfileBuilder AddTaxonomyValue(string name, string? parent = null, string? singular = null, (double Min, double Max)? priceRange = null, IReadOnlyList<string>? words = null)
    {
        JsonObject node = new() { ["name"] = name };
        Optional(node, "singular", singular);
        if (priceRange is { } range)
        {
            node["price_range"] = new JsonArray(range.Min, range.Max);
        }

        OptionalWords(node, words);
        AddNode("taxonomy", node, parent);
        return this;
    }

    /// <summary>Adds an acquisition source.</summary>
    public BusinessProfileBuilder AddAcquisitionSource(string name, string? label = null, IReadOnlyList<string>? words = null) =>
        AddEntry("acquisition_sources", name, label, words);

    /// <summary>Adds a channel campaigns are sent through.</summary>
    public BusinessProfileBuilder AddChannel(string name, string? label = null, IReadOnlyList<string>? words = null) =>
        AddEntry("channels", name, label, words);

    /// <summary>Adds a device of behavioral events.</summary>
    public BusinessProfileBuilder AddDevice(string name, string? label = null, IReadOnlyList<string>? words = null) =>
        AddEntry("devices", name, label, words);

    /// <summary>Adds a behavioral event type.</summary>
    /// <param name="name">The canonical value, as stored in the events' type column.</param>
    /// <param name="kind">What it means to the product (a product view is <see cref="EventTypeKind.View"/>).</param>
    /// <param name="label">The label for people, or <see langword="null"/>.</param>
    /// <param name="words">The words that name it.</param>
    public BusinessProfileBuilder AddEventType(string name, EventTypeKind kind = EventTypeKind.Other, string? label = null, IReadOnlyList<string>? words = null)
    {
        AddEntry("event_types", name, label, words);
        if (kind != EventTypeKind.Other)
        {
            ((JsonArray)_catalog["event_types"]!)[^1]!["kind"] = ProfileWire<EventTypeKind>.Name(kind);
        }

        return this;
    }

    /// <summary>Sets the value tiers over the value-score attribute.</summary>
    public BusinessProfileBuilder WithValueTiers(double high, double low)
    {
        _catalog["value_tiers"] = new JsonObject { ["high"] = high, ["low"] = low };
        return this;
    }

    /// <summary>Sets the churn-risk threshold over the churn-score attribute.</summary>
    public BusinessProfileBuilder WithChurnRisk(double high)
    {
        _catalog["churn_risk"] = new JsonObject { ["high"] = high };
        return this;
    }

    /// <summary>Adds a trigger.</summary>
    /// <param name="id">The trigger id (snake_case), as campaign sends record it.</param>
    /// <param name="name">The display name.</param>
    /// <param name="description">What the customer gets, in plain words.</param>
    /// <param name="configure">Sets the rest: words, eligibility, economics...</param>
    public BusinessProfileBuilder AddTrigger(string id, string name, string description, Action<TriggerBuilder>? configure = null)
    {
        JsonObject trigger = new() { ["id"] = id, ["name"] = name, ["description"] = description };
        configure?.Invoke(new TriggerBuilder(trigger));
        _triggers.Add(trigger);
        return this;
    }

    /// <summary>Adds synonyms of a canonical catalog value or trigger id.</summary>
    public BusinessProfileBuilder AddSynonyms(string value, params IReadOnlyList<string> words)
    {
        JsonObject synonyms = _vocabulary["synonyms"] as JsonObject ?? (JsonObject)(_vocabulary["synonyms"] = new JsonObject());
        synonyms[value] = Array(words);
        return this;
    }

    /// <summary>Adds words that name several values of one catalog list ("mobile" for ios and android).</summary>
    public BusinessProfileBuilder AddWordGroup(CatalogList list, IReadOnlyList<string> values, IReadOnlyList<string> words)
    {
        JsonArray groups = _vocabulary["groups"] as JsonArray ?? (JsonArray)(_vocabulary["groups"] = new JsonArray());
        groups.Add(new JsonObject { ["list"] = ProfileWire<CatalogList>.Name(list), ["values"] = Array(values), ["words"] = Array(words) });
        return this;
    }

    /// <summary>Adds words that name the business's goods in general ("apparel", "gear").</summary>
    public BusinessProfileBuilder AddGoodsWords(params IReadOnlyList<string> words)
    {
        JsonArray goods = _vocabulary["goods_words"] as JsonArray ?? (JsonArray)(_vocabulary["goods_words"] = new JsonArray());
        foreach (string word in words)
        {
            goods.Add(word);
        }

        return this;
    }

    /// <summary>Adds an analytics measure of the profile's own.</summary>
    /// <param name="name">The measure's name (snake_case).</param>
    /// <param name="entity">The entity it aggregates.</param>
    /// <param name="expression">The aggregate SQL; <c>{attribute}</c> stands for an attribute's column.</param>
    /// <param name="label">The label for people, or <see langword="null"/>.</param>
    /// <param name="format">count, money, decimal, percent, percentage_points or seconds.</param>
    /// <param name="additive">Whether it adds up across groups.</param>
    /// <param name="words">The words that name it.</param>
    public BusinessProfileBuilder AddMeasure(string name, EntityKind entity, string expression, string? label = null, string format = "decimal", bool additive = false, IReadOnlyList<string>? words = null)
    {
        JsonObject measure = new() { ["name"] = name, ["entity"] = ProfileWire<EntityKind>.Name(entity), ["expression"] = expression, ["format"] = format, ["additive"] = additive };
        Optional(measure, "label", label);
        OptionalWords(measure, words);
        AnalyticsList("measures").Add(measure);
        return this;
    }

    /// <summary>Adds an analytics dimension of the profile's own.</summary>
    /// <param name="name">The dimension's name (snake_case).</param>
    /// <param name="entity">The entity it is read from.</param>
    /// <param name="expression">The SQL expression; <c>{attribute}</c> stands for an attribute's column.</param>
    /// <param name="label">The label for people, or <see langword="null"/>.</param>
    /// <param name="plural">The plural label, or <see langword="null"/>.</param>
    /// <param name="words">The words that name it.</param>
    public BusinessProfileBuilder AddDimension(string name, EntityKind entity, string expression, string? label = null, string? plural = null, IReadOnlyList<string>? words = null)
    {
        JsonObject dimension = new() { ["name"] = name, ["entity"] = ProfileWire<EntityKind>.Name(entity), ["expression"] = expression };
        Optional(dimension, "label", label);
        Optional(dimension, "plural", plural);
        OptionalWords(dimension, words);
        AnalyticsList("dimensions").Add(dimension);
        return this;
    }

    /// <summary>The profile in the file format (indented JSON), as <see cref="BusinessProfileLoader"/> reads it.</summary>
    public string ToJson() => Document().ToJsonString(Indented);

    /// <summary>Validates the profile and builds it.</summary>
    /// <returns>The immutable profile.</returns>
    /// <exception cref="ProfileValidationException">The profile is not valid; every error names the JSON path the value has in <see cref="ToJson"/>.</exception>
    public BusinessProfile Build()
    {
        using JsonDocument document = JsonDocument.Parse(Document().ToJsonString());
        ProfileErrorList errors = new();
        return BusinessProfileLoader.FromElement(document.RootElement, errors) ?? throw new ProfileValidationException(null, errors.Items);
    }

    internal static JsonArray Array(IEnumerable<string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return new JsonArray([.. values.Select(v => (JsonNode?)v)]);
    }

    /// <summary>A condition in the file format.</summary>
    internal static JsonObject ConditionJson(ProfileCondition condition) => condition switch
    {
        ProfileAllOfCondition all => new JsonObject { ["kind"] = "all_of", ["conditions"] = new JsonArray([.. all.Conditions.Select(c => (JsonNode?)ConditionJson(c))]) },
        ProfileAnyOfCondition any => new JsonObject { ["kind"] = "any_of", ["conditions"] = new JsonArray([.. any.Conditions.Select(c => (JsonNode?)ConditionJson(c))]) },
        ProfileNotCondition not => new JsonObject { ["kind"] = "not", ["condition"] = ConditionJson(not.Condition) },
        ProfileAttributeCondition a => AttributeJson(a),
        ProfileBehaviorCondition b => BehaviorJson(b),
        _ => throw new ArgumentException($"Unsupported condition {condition.GetType().Name}.", nameof(condition)),
    };

    private static JsonObject AttributeJson(ProfileAttributeCondition condition)
    {
        JsonObject json = new() { ["kind"] = "attribute", ["attribute"] = condition.Attribute, ["operator"] = ProfileWire<ComparisonOperator>.Name(condition.Operator) };
        if (condition.Number is { } number)
        {
            json["number"] = number;
        }

        if (condition.Values.Count > 0)
        {
            json["values"] = Array(condition.Values);
        }

        return json;
    }

    private static JsonObject BehaviorJson(ProfileBehaviorCondition condition)
    {
        JsonObject json = new() { ["kind"] = "behavior", ["behavior"] = ProfileWire<BehaviorKind>.Name(condition.Behavior) };
        if (condition.WithinDays is { } days)
        {
            json["within_days"] = days;
        }

        if (condition.MinValue is { } min)
        {
            json["min_value"] = min;
        }

        if (condition.Taxonomy.Count > 0)
        {
            json["taxonomy"] = Array(condition.Taxonomy);
        }

        if (condition.EventTypes.Count > 0)
        {
            json["event_types"] = Array(condition.EventTypes);
        }

        return json;
    }

    private JsonObject Document()
    {
        JsonObject document = (JsonObject)_profile.DeepClone();
        document["entities"] = _entities.DeepClone();
        Section(document, "attributes", _attributes);
        Section(document, "catalog", _catalog);
        Section(document, "triggers", _triggers);
        Section(document, "vocabulary", _vocabulary);
        Section(document, "analytics", _analytics);
        return document;
    }

    private static void Section(JsonObject document, string name, JsonNode section)
    {
        if (section is JsonObject { Count: > 0 } or JsonArray { Count: > 0 })
        {
            document[name] = section.DeepClone();
        }
    }

    private JsonObject Hierarchy(string name) =>
        _catalog[name] as JsonObject ?? (JsonObject)(_catalog[name] = new JsonObject { ["levels"] = new JsonArray(), ["values"] = new JsonArray() });

    private JsonArray Levels(string hierarchy) => (JsonArray)Hierarchy(hierarchy)["levels"]!;

    private JsonArray AnalyticsList(string name) =>
        _analytics[name] as JsonArray ?? (JsonArray)(_analytics[name] = new JsonArray());

    private void AddNode(string hierarchy, JsonObject node, string? parent)
    {
        JsonArray roots = (JsonArray)Hierarchy(hierarchy)["values"]!;
        if (parent is null)
        {
            roots.Add(node);
            return;
        }

        JsonObject owner = FindNode(roots, parent) ?? throw new ArgumentException($"The parent '{parent}' was not added to {hierarchy} before '{node["name"]}'.", nameof(parent));
        JsonArray children = owner["children"] as JsonArray ?? (JsonArray)(owner["children"] = new JsonArray());
        children.Add(node);
    }

    private static JsonObject? FindNode(JsonArray nodes, string name)
    {
        foreach (JsonNode? node in nodes)
        {
            if (node is JsonObject o)
            {
                if (o["name"]?.GetValue<string>() == name)
                {
                    return o;
                }

                if (o["children"] is JsonArray children && FindNode(children, name) is { } found)
                {
                    return found;
                }
            }
        }

        return null;
    }

    private BusinessProfileBuilder AddEntry(string list, string name, string? label, IReadOnlyList<string>? words)
    {
        JsonObject entry = new() { ["name"] = name };
        Optional(entry, "label", label);
        OptionalWords(entry, words);
        JsonArray entries = _catalog[list] as JsonArray ?? (JsonArray)(_catalog[list] = new JsonArray());
        entries.Add(entry);
        return this;
    }

    private static void Optional(JsonObject json, string name, string? value)
    {
        if (value is not null)
        {
            json[name] = value;
        }
    }

    private static void OptionalWords(JsonObject json, IReadOnlyList<string>? words)
    {
        if (words is { Count: > 0 })
        {
            json["words"] = Array(words);
        }
    }
}
