using System.Text.Json;
using System.Text.RegularExpressions;
using AetherSegment.Interpretation;
using AetherSegment.Segments;

namespace AetherSegment.Profiles;

/// <summary>
/// Reads a profile document into the model, reporting every structural problem (unknown or missing properties, wrong
/// types, values out of range) with its JSON path; <see cref="ProfileValidator"/> then checks the references between
/// the parts. Never throws for bad input.
/// </summary>
internal static partial class ProfileParser
{
    /// <summary>The format version this release reads.</summary>
    public const int FormatVersion = 1;

    /// <summary>For each entity: the logical columns it must map and those it may map.</summary>
    internal static readonly IReadOnlyDictionary<EntityKind, (string[] Required, string[] Optional)> EntityColumns =
        new Dictionary<EntityKind, (string[], string[])>
        {
            [EntityKind.Customers] = (["id"], ["created_at", "email", "first_name", "last_name"]),
            [EntityKind.Orders] = (["customer_id", "timestamp", "value"], ["id", "quantity", "product_name"]),
            [EntityKind.Events] = (["customer_id", "timestamp", "type"], ["id", "session_id", "session_start", "session_duration_seconds", "device"]),
            [EntityKind.Carts] = (["customer_id", "timestamp"], ["id", "value", "item_count", "items"]),
            [EntityKind.CampaignSends] = (["customer_id", "trigger", "arm", "sent_at", "converted"], ["campaign_id", "campaign_name", "campaign_type", "revenue"]),
            [EntityKind.Scores] = (["customer_id"], ["scored_at"]),
        };

    internal static readonly string[] MeasureFormats = ["count", "money", "decimal", "percent", "percentage_points", "seconds"];

    public static ProfileParts? Parse(JsonElement root, ProfileErrorList errors)
    {
        ProfileJsonObject? top = ProfileJsonObject.Open(root, "$", errors);
        if (top is null)
        {
            return null;
        }

        ProfileParts parts = new();
        top.Raw("$schema");
        if (top.Number("format_version", required: true) is { } version && version != FormatVersion)
        {
            errors.Add(top.PathOf("format_version"), $"format version {version} is not supported (this release reads {FormatVersion})");
        }

        parts.Name = top.String("name", required: true) ?? "";
        if (parts.Name.Length > 0 && !NamePattern().IsMatch(parts.Name))
        {
            errors.Add(top.PathOf("name"), $"'{parts.Name}' must be lowercase letters, digits and '-', starting with a letter or digit");
        }

        parts.DisplayName = top.String("display_name") ?? parts.Name;
        parts.Description = top.String("description", required: true) ?? "";
        parts.Currency = top.String("currency") ?? "USD";
        if (!CurrencyPattern().IsMatch(parts.Currency))
        {
            errors.Add(top.PathOf("currency"), $"'{parts.Currency}' is not a three-letter currency code (e.g. USD)");
        }

        if (top.Object("entities", required: true) is { } entities)
        {
            ReadEntities(entities, parts, errors);
        }

        parts.Attributes = top.Array("attributes", (e, p) => ReadAttribute(e, p, errors));
        if (top.Object("catalog") is { } catalog)
        {
            parts.Catalog = ReadCatalog(catalog, parts, errors);
        }

        parts.Triggers = top.Array("triggers", (e, p) => ReadTrigger(e, p, parts, errors));
        if (top.Object("vocabulary") is { } vocabulary)
        {
            parts.Vocabulary = ReadVocabulary(vocabulary, parts, errors);
        }

        if (top.Object("analytics") is { } analytics)
        {
            parts.Analytics = new ProfileAnalytics
            {
                Measures = analytics.Array("measures", (e, p) => ReadMeasure(e, p, errors)),
                Dimensions = analytics.Array("dimensions", (e, p) => ReadDimension(e, p, errors)),
            };
            analytics.Finish();
        }

        if (top.Object("examples") is { } examples)
        {
            parts.Examples = ReadExamples(examples, errors);
        }

        // Top-level keys that start with '_' are comments (profile init writes its guesses as "_guesses").
        foreach (JsonProperty property in top.Properties())
        {
            if (property.Name.StartsWith('_'))
            {
                top.Raw(property.Name);
            }
        }

        top.Finish();
        return parts;
    }

    private static void ReadEntities(ProfileJsonObject entities, ProfileParts parts, ProfileErrorList errors)
    {
        foreach ((string wire, EntityKind kind) in ProfileWire<EntityKind>.Names)
        {
            ProfileJsonObject? entity = entities.Object(wire, required: kind == EntityKind.Customers);
            if (entity is null)
            {
                continue;
            }

            string? table = entity.String("table", required: true);
            if (table is not null && !TablePattern().IsMatch(table))
            {
                errors.Add(entity.PathOf("table"), $"'{table}' is not a table name (letters, digits, '_', '-' and '.' between parts)");
            }

            (string[] required, string[] optional) = EntityColumns[kind];
            Dictionary<string, string> columns = new(StringComparer.Ordinal);
            if (entity.Object("columns", required: true) is { } columnObject)
            {
                foreach (string name in required.Concat(optional))
                {
                    if (columnObject.String(name, required: required.Contains(name)) is { } expression)
                    {
                        if (CheckExpression(expression, columnObject.PathOf(name), errors))
                        {
                            columns[name] = expression;
                        }
                    }
                }

                columnObject.Finish();
            }

            IReadOnlyList<string> personal = kind == EntityKind.Customers ? entity.Strings("personal_columns") : [];
            // personal_columns names columns of the customers table as they are in the data (not logical columns):
            // a personal column need not be mapped (full_name, phone), and a mapped expression is not a column.
            for (int i = 0; i < personal.Count; i++)
            {
                if (!ProfileSql.IsColumnName(personal[i]))
                {
                    errors.Add(ProfileJsonObject.Item(entity.PathOf("personal_columns"), i),
                        $"'{personal[i]}' is not a column name of the customers table (letters, digits and '_'; personal_columns lists the table's own column names)");
                }
            }

            string? treatment = null, control = null;
            if (kind == EntityKind.CampaignSends)
            {
                treatment = entity.String("treatment_value", required: true);
                control = entity.String("control_value", required: true);
                if (treatment is not null && treatment == control)
                {
                    errors.Add(entity.PathOf("control_value"), "the control value must differ from the treatment value");
                }
            }

            // id_unique: each row is one record (an order, not an order line; one customer, not a customer's history), so a
            // count of records is a row count. On scores the key is the customer id: one row of scores per customer.
            bool idUnique = false;
            if (kind is EntityKind.Orders or EntityKind.Customers or EntityKind.Scores && entity.Boolean("id_unique") is { } unique)
            {
                idUnique = unique;
                string key = EntityMapping.UniqueKey(kind);
                if (unique && !columns.ContainsKey(key))
                {
                    errors.Add(entity.PathOf("id_unique"), $"id_unique says the {key} column is unique per row, but columns.{key} is not mapped");
                }
            }

            // session_columns: the logical columns holding one value per session, so a session's start row carries them.
            IReadOnlyList<string> sessionColumns = kind == EntityKind.Events ? entity.Strings("session_columns") : [];
            for (int i = 0; i < sessionColumns.Count; i++)
            {
                string path = ProfileJsonObject.Item(entity.PathOf("session_columns"), i);
                if (sessionColumns[i] is "session_id" or "session_start" || !columns.ContainsKey(sessionColumns[i]))
                {
                    errors.Add(path, $"'{sessionColumns[i]}' is not a mapped column of the events other than session_id and session_start (session_columns lists logical columns, e.g. customer_id, device)");
                }
            }

            if (sessionColumns.Count > 0 && !(columns.ContainsKey("session_id") && columns.ContainsKey("session_start")))
            {
                errors.Add(entity.PathOf("session_columns"), "session_columns needs columns.session_id and columns.session_start mapped");
            }

            if (columns.ContainsKey("session_start") && !columns.ContainsKey("session_id"))
            {
                errors.Add(entity.PathOf("columns") + ".session_start", "columns.session_start marks the first row of each session, so columns.session_id must be mapped too");
            }

            IReadOnlyDictionary<string, string> itemFields = kind == EntityKind.Carts ? ReadItemFields(entity, columns, errors) : EmptyItemFields;
            entity.Finish();
            if (table is not null)
            {
                parts.Entities.Add(new EntityMapping(kind, table, columns, entity.Path)
                {
                    ItemFields = itemFields,
                    IdUnique = idUnique,
                    SessionColumns = sessionColumns,
                    PersonalColumns = personal,
                    TreatmentValue = treatment,
                    ControlValue = control,
                });
            }
        }

        entities.Finish();
    }

    /// <summary>The keys <c>entities.carts.item_fields</c> may name: what each item of a cart's items JSON array holds.</summary>
    internal static readonly string[] ItemFieldNames = ["product_name", "price", "quantity"];

    private static readonly IReadOnlyDictionary<string, string> EmptyItemFields = new Dictionary<string, string>(StringComparer.Ordinal);

    // item_fields: the keys of each object of the carts' items JSON array ({"price": "price", "quantity": "qty"}); the
    // taxonomy levels name theirs in cart_items_field.
    private static IReadOnlyDictionary<string, string> ReadItemFields(ProfileJsonObject entity, Dictionary<string, string> columns, ProfileErrorList errors)
    {
        if (entity.Object("item_fields") is not { } fields)
        {
            return EmptyItemFields;
        }

        Dictionary<string, string> read = new(StringComparer.Ordinal);
        foreach (string name in ItemFieldNames)
        {
            if (fields.String(name) is { } key)
            {
                if (IsItemKey(key))
                {
                    read[name] = key;
                }
                else
                {
                    errors.Add(fields.PathOf(name), ItemKeyMessage(key));
                }
            }
        }

        fields.Finish();
        if (!columns.ContainsKey("items"))
        {
            errors.Add(entity.PathOf("item_fields"), "item_fields names the keys of each item in the items JSON array, so columns.items must be mapped too");
        }

        return read;
    }

    // A key of one object of the items JSON array, written into a JSON path ('$.price'): letters, digits and '_' only.
    internal static bool IsItemKey(string key)
    {
        if (key.Length == 0 || key.Length > 64 || !(char.IsAsciiLetter(key[0]) || key[0] == '_'))
        {
            return false;
        }

        foreach (char c in key)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c == '_'))
            {
                return false;
            }
        }

        return true;
    }

    private static string ItemKeyMessage(string key) =>
        $"'{key}' is not a key of a cart item (the name of a field of each object in the items JSON array: letters, digits and '_', not starting with a digit)";

    /// <summary>A column value is a SQL expression over one table: no statement separator and no comment.</summary>
    internal static bool CheckExpression(string expression, string path, ProfileErrorList errors)
    {
        if (expression.Contains(';', StringComparison.Ordinal) || expression.Contains("--", StringComparison.Ordinal)
            || expression.Contains("/*", StringComparison.Ordinal))
        {
            errors.Add(path, $"'{expression}' is not a single SQL expression (';' and comments are not allowed)");
            return false;
        }

        return true;
    }

    private static ProfileAttribute? ReadAttribute(JsonElement element, string path, ProfileErrorList errors)
    {
        ProfileJsonObject? o = ProfileJsonObject.Open(element, path, errors);
        if (o is null)
        {
            return null;
        }

        string? name = SnakeCase(o, "name", errors);
        EntityKind? entity = o.Enum("entity", ProfileWire<EntityKind>.Names, required: true);
        string? column = o.String("column", required: true);
        CheckExpression(o, "column", column, errors);

        ProfileAttributeType? type = o.Enum("type", ProfileWire<ProfileAttributeType>.Names, required: true);
        ProfileAttributeRole? role = o.Enum("role", ProfileWire<ProfileAttributeRole>.Names);
        string? catalog = o.String("catalog");
        string? label = o.String("label");
        IReadOnlyList<string> words = o.Strings("words");
        o.Finish();
        if (name is null || entity is null || column is null || type is null)
        {
            return null;
        }

        return new ProfileAttribute(name, entity.Value, column, type.Value, path)
        {
            Role = role,
            Catalog = catalog,
            Label = label ?? ProfileText.Label(name),
            Words = words,
        };
    }

    private static ProfileCatalog ReadCatalog(ProfileJsonObject catalog, ProfileParts parts, ProfileErrorList errors)
    {
        CatalogHierarchy places = catalog.Object("places") is { } p ? ReadHierarchy(p, taxonomy: false, errors) : CatalogHierarchy.Empty;
        CatalogHierarchy taxonomy = catalog.Object("taxonomy") is { } t ? ReadHierarchy(t, taxonomy: true, errors) : CatalogHierarchy.Empty;
        IReadOnlyList<CatalogEntry> sources = catalog.Array("acquisition_sources", (e, path) => ReadEntry(e, path, errors));
        IReadOnlyList<CatalogEntry> channels = catalog.Array("channels", (e, path) => ReadEntry(e, path, errors));
        IReadOnlyList<CatalogEntry> devices = catalog.Array("devices", (e, path) => ReadEntry(e, path, errors));
        IReadOnlyList<EventTypeEntry> eventTypes = catalog.Array("event_types", (e, path) => ReadEventType(e, path, errors));
        ValueTierThresholds? tiers = null;
        if (catalog.Object("value_tiers") is { } v)
        {
            double? high = v.Number("high", required: true);
            double? low = v.Number("low", required: true);
            v.Finish();
            if (high is not null && low is not null)
            {
                if (low > high)
                {
                    errors.Add(v.PathOf("low"), "the low tier threshold must not be above the high one");
                }

                tiers = new ValueTierThresholds(high.Value, low.Value);
                parts.ValueTiersPath = v.Path;
            }
        }

        ChurnRiskThreshold? churn = null;
        if (catalog.Object("churn_risk") is { } c)
        {
            double? high = c.Number("high", required: true);
            c.Finish();
            if (high is not null)
            {
                churn = new ChurnRiskThreshold(high.Value);
                parts.ChurnRiskPath = c.Path;
            }
        }

        catalog.Finish();
        return new ProfileCatalog
        {
            Places = places,
            Taxonomy = taxonomy,
            AcquisitionSources = sources,
            Channels = channels,
            Devices = devices,
            EventTypes = eventTypes,
            ValueTiers = tiers,
            ChurnRisk = churn,
        };
    }

    private static CatalogHierarchy ReadHierarchy(ProfileJsonObject o, bool taxonomy, ProfileErrorList errors)
    {
        int depth = 0;
        IReadOnlyList<HierarchyLevel> levels = o.Array("levels", (e, path) =>
        {
            ProfileJsonObject? l = ProfileJsonObject.Open(e, path, errors);
            if (l is null)
            {
                return null;
            }

            string? name = SnakeCase(l, "name", errors);
            string? plural = l.String("plural");
            string? objectiveField = l.String("objective_field");
            string? attribute = taxonomy ? null : l.String("attribute", required: true);
            string? ordersColumn = taxonomy ? l.String("orders_column") : null;
            string? eventsColumn = taxonomy ? l.String("events_column") : null;
            string? cartItemsField = taxonomy ? l.String("cart_items_field") : null;
            CheckExpression(l, "orders_column", ordersColumn, errors);
            CheckExpression(l, "events_column", eventsColumn, errors);
            if (cartItemsField is not null && !IsItemKey(cartItemsField))
            {
                errors.Add(l.PathOf("cart_items_field"), ItemKeyMessage(cartItemsField));
                cartItemsField = null;
            }

            l.Finish();
            if (name is null)
            {
                return null;
            }

            return new HierarchyLevel(name, depth++)
            {
                Plural = plural ?? ProfileText.Label(name) + "s",
                Attribute = attribute,
                OrdersColumn = ordersColumn,
                EventsColumn = eventsColumn,
                CartItemsField = cartItemsField,
                ObjectiveField = objectiveField,
            };
        }, required: true);

        IReadOnlyList<CatalogNode> roots = ReadNodes(o, "values", levels, 0, null, taxonomy, errors);
        o.Finish();
        return new CatalogHierarchy(levels, roots);
    }

    private static IReadOnlyList<CatalogNode> ReadNodes(ProfileJsonObject owner, string property, IReadOnlyList<HierarchyLevel> levels, int depth, string? parent, bool taxonomy, ProfileErrorList errors)
    {
        if (depth >= levels.Count)
        {
            if (owner.Raw(property) is { ValueKind: JsonValueKind.Array } extra && extra.GetArrayLength() > 0)
            {
                errors.Add(owner.PathOf(property), $"values nested deeper than the {levels.Count} declared level(s)");
            }

            return [];
        }

        HierarchyLevel level = levels[depth];
        return owner.Array(property, (e, path) =>
        {
            ProfileJsonObject? n = ProfileJsonObject.Open(e, path, errors);
            if (n is null)
            {
                return null;
            }

            string? name = n.String("name", required: true);
            IReadOnlyList<string> words = n.Strings("words");
            double? share = taxonomy ? null : n.Number("share", minimum: 0, maximum: 1);
            string? singular = n.String("singular");
            double? min = null, max = null;
            if (taxonomy && n.Raw("price_range") is { } range)
            {
                string rangePath = n.PathOf("price_range");
                if (range.ValueKind != JsonValueKind.Array || range.GetArrayLength() != 2)
                {
                    errors.Add(rangePath, $"expected [min, max], found {ProfileJsonObject.Describe(range)}");
                }
                else
                {
                    min = ProfileJsonObject.ReadNumber(range[0], ProfileJsonObject.Item(rangePath, 0), errors, minimum: 0);
                    max = ProfileJsonObject.ReadNumber(range[1], ProfileJsonObject.Item(rangePath, 1), errors, minimum: 0);
                    if (min > max)
                    {
                        errors.Add(rangePath, "the lowest price is above the highest");
                    }
                }
            }

            if (name is null)
            {
                n.Raw("children");
                n.Finish();
                return null;
            }

            CatalogNode node = new(name, level, parent, path)
            {
                Singular = singular,
                Words = words,
                Share = share,
                MinPrice = min,
                MaxPrice = max,
            };
            node.Children = ReadNodes(n, "children", levels, depth + 1, name, taxonomy, errors);
            n.Finish();
            return node;
        }, required: depth == 0);
    }

    private static CatalogEntry? ReadEntry(JsonElement element, string path, ProfileErrorList errors)
    {
        ProfileJsonObject? o = ProfileJsonObject.Open(element, path, errors);
        if (o is null)
        {
            return null;
        }

        (string? name, string? label, IReadOnlyList<string> words) = NameLabelWords(o);
        o.Finish();
        return name is null ? null : new CatalogEntry(name, path) { Label = label ?? ProfileText.Label(name), Words = words };
    }

    private static EventTypeEntry? ReadEventType(JsonElement element, string path, ProfileErrorList errors)
    {
        ProfileJsonObject? o = ProfileJsonObject.Open(element, path, errors);
        if (o is null)
        {
            return null;
        }

        (string? name, string? label, IReadOnlyList<string> words) = NameLabelWords(o);
        EventTypeKind kind = o.Enum("kind", ProfileWire<EventTypeKind>.Names) ?? EventTypeKind.Other;
        o.Finish();
        return name is null ? null : new EventTypeEntry(name, path) { Label = label ?? ProfileText.Label(name), Words = words, Kind = kind };
    }

    private static TriggerDefinition? ReadTrigger(JsonElement element, string path, ProfileParts parts, ProfileErrorList errors)
    {
        ProfileJsonObject? o = ProfileJsonObject.Open(element, path, errors);
        if (o is null)
        {
            return null;
        }

        string? id = SnakeCase(o, "id", errors);
        string? name = o.String("name", required: true);
        string? description = o.String("description", required: true);
        string? answersTo = o.String("answers_to");
        List<IncentiveType> incentives = ReadEnumList(o, "incentive_types", ProfileWire<IncentiveType>.Names, errors);
        List<CampaignType> campaigns = ReadEnumList(o, "campaign_types", ProfileWire<CampaignType>.Names, errors);
        IReadOnlyList<string> words = o.Strings("words");
        double? wordWeight = o.Number("word_weight", minimum: 0, maximum: 1);
        TriggerEligibility? eligibility = null;
        if (o.Object("eligibility") is { } e)
        {
            string? text = e.String("description", required: true);
            ProfileCondition? condition = e.Raw("condition", required: true) is { } c ? ReadCondition(c, e.PathOf("condition"), parts, errors) : null;
            e.Finish();
            if (text is not null && condition is not null)
            {
                eligibility = new TriggerEligibility(text, condition);
            }
        }

        TriggerEconomics? economics = null;
        if (o.Object("economics") is { } m)
        {
            double? perSend = m.Number("cost_per_send", required: true, minimum: 0);
            double? margin = m.Number("margin_rate", minimum: 0, maximum: 1);
            ConversionCost? cost = null;
            if (m.Object("conversion_cost", required: true) is { } cc)
            {
                double? share = cc.Number("share_of_order_value", minimum: 0, maximum: 1);
                double? fixedAmount = cc.Number("fixed_amount", minimum: 0);
                bool hasShare = cc.Has("share_of_order_value"), hasFixed = cc.Has("fixed_amount");
                if (hasShare == hasFixed)
                {
                    errors.Add(cc.Path, "give exactly one of share_of_order_value and fixed_amount");
                }
                else if (share is not null || fixedAmount is not null)
                {
                    cost = new ConversionCost(share, fixedAmount);
                }

                cc.Finish();
            }

            m.Finish();
            if (perSend is not null && cost is not null)
            {
                economics = new TriggerEconomics(perSend.Value, cost, margin);
            }
        }

        o.Finish();
        if (id is null || name is null || description is null)
        {
            return null;
        }

        return new TriggerDefinition(id, name, description, path)
        {
            AnswersTo = answersTo ?? "",
            IncentiveTypes = incentives,
            CampaignTypes = campaigns,
            Words = words,
            WordWeight = wordWeight ?? 1,
            Eligibility = eligibility,
            Economics = economics,
        };
    }

    private static List<TEnum> ReadEnumList<TEnum>(ProfileJsonObject o, string property, IReadOnlyList<(string Name, TEnum Value)> names, ProfileErrorList errors)
        where TEnum : struct
    {
        List<TEnum> values = [];
        IReadOnlyList<string> texts = o.Strings(property);
        for (int i = 0; i < texts.Count; i++)
        {
            int found = -1;
            for (int j = 0; j < names.Count; j++)
            {
                if (names[j].Name == texts[i])
                {
                    found = j;
                }
            }

            if (found < 0)
            {
                errors.Add(ProfileJsonObject.Item(o.PathOf(property), i), $"'{texts[i]}' is not one of {string.Join(", ", names.Select(n => n.Name))}");
            }
            else
            {
                values.Add(names[found].Value);
            }
        }

        return values;
    }

    internal static ProfileCondition? ReadCondition(JsonElement element, string path, ProfileParts parts, ProfileErrorList errors)
    {
        ProfileJsonObject? o = ProfileJsonObject.Open(element, path, errors);
        if (o is null)
        {
            return null;
        }

        ProfileCondition? condition = null;
        switch (o.String("kind", required: true))
        {
            case "attribute":
            {
                string? attribute = o.String("attribute", required: true);
                ComparisonOperator? op = o.Enum("operator", ProfileWire<ComparisonOperator>.Names, required: true);
                double? number = o.Number("number");
                IReadOnlyList<string> values = o.Strings("values");
                switch (op)
                {
                    case ComparisonOperator.AtLeast or ComparisonOperator.Below when number is null:
                        errors.Add(o.PathOf("number"), $"required for the operator {ProfileWire<ComparisonOperator>.Name(op.Value)}");
                        break;
                    case ComparisonOperator.In when values.Count == 0:
                        errors.Add(o.PathOf("values"), "the operator in needs at least one value");
                        break;
                    default:
                        break;
                }

                if (attribute is not null && op is not null)
                {
                    condition = new ProfileAttributeCondition(attribute, op.Value, number, values);
                }

                break;
            }

            case "behavior":
            {
                BehaviorKind? behavior = o.Enum("behavior", ProfileWire<BehaviorKind>.Names, required: true);
                double? within = o.Number("within_days");
                if (within is <= 0)
                {
                    errors.Add(o.PathOf("within_days"), "must be more than 0 days");
                }

                double? minValue = o.Number("min_value", minimum: 0);
                IReadOnlyList<string> taxonomy = o.Strings("taxonomy");
                IReadOnlyList<string> eventTypes = o.Strings("event_types");
                if (behavior is not null)
                {
                    condition = new ProfileBehaviorCondition(behavior.Value, within) { MinValue = minValue, Taxonomy = taxonomy, EventTypes = eventTypes };
                }

                break;
            }

            case "all_of" or "any_of":
            {
                bool all = o.String("kind") == "all_of";
                IReadOnlyList<ProfileCondition> children = o.Array("conditions", (e, p) => ReadCondition(e, p, parts, errors), required: true);
                if (o.Raw("conditions") is { ValueKind: JsonValueKind.Array } array && array.GetArrayLength() == 0)
                {
                    errors.Add(o.PathOf("conditions"), "needs at least one condition");
                }

                condition = all ? new ProfileAllOfCondition(children) : new ProfileAnyOfCondition(children);
                break;
            }

            case "not":
            {
                if (o.Raw("condition", required: true) is { } child && ReadCondition(child, o.PathOf("condition"), parts, errors) is { } inner)
                {
                    condition = new ProfileNotCondition(inner);
                }

                break;
            }

            case null:
                break;

            case { } other:
                errors.Add(o.PathOf("kind"), $"'{other}' is not one of attribute, behavior, all_of, any_of, not");
                return null;
        }

        o.Finish();
        if (condition is not null)
        {
            parts.ConditionPaths[condition] = path;
        }

        return condition;
    }

    private static ProfileVocabulary ReadVocabulary(ProfileJsonObject o, ProfileParts parts, ProfileErrorList errors)
    {
        Dictionary<string, IReadOnlyList<string>> synonyms = new(StringComparer.Ordinal);
        if (o.Object("synonyms") is { } s)
        {
            foreach (JsonProperty property in s.Properties())
            {
                string path = s.PathOf(property.Name);
                s.Raw(property.Name);
                synonyms[property.Name] = ProfileJsonObject.ReadStrings(property.Value, path, errors);
                parts.SynonymPaths[property.Name] = path;
            }

            s.Finish();
        }

        IReadOnlyList<VocabularyGroup> groups = o.Array("groups", (e, path) =>
        {
            ProfileJsonObject? g = ProfileJsonObject.Open(e, path, errors);
            if (g is null)
            {
                return null;
            }

            CatalogList? list = g.Enum("list", ProfileWire<CatalogList>.Names, required: true);
            IReadOnlyList<string> values = g.Strings("values", required: true);
            IReadOnlyList<string> words = g.Strings("words", required: true);
            if (g.Has("values") && values.Count < 2)
            {
                errors.Add(g.PathOf("values"), "a group names at least two values (give one value's words on the value itself)");
            }

            g.Finish();
            if (list is null)
            {
                return null;
            }

            VocabularyGroup group = new(list.Value, values, words);
            parts.GroupPaths[group] = path;
            return group;
        });
        IReadOnlyList<string> goods = o.Strings("goods_words");
        o.Finish();
        return new ProfileVocabulary { Synonyms = synonyms, Groups = groups, GoodsWords = goods };
    }

    private static ProfileMeasure? ReadMeasure(JsonElement element, string path, ProfileErrorList errors)
    {
        ProfileJsonObject? o = ProfileJsonObject.Open(element, path, errors);
        if (o is null)
        {
            return null;
        }

        string? name = o.String("name", required: true);
        string? label = o.String("label");
        EntityKind? entity = o.Enum("entity", ProfileWire<EntityKind>.Names, required: true);
        string? expression = o.String("expression", required: true);
        string? format = o.String("format");
        if (format is not null && !MeasureFormats.Contains(format))
        {
            errors.Add(o.PathOf("format"), $"'{format}' is not one of {string.Join(", ", MeasureFormats)}");
        }

        bool additive = o.Boolean("additive") ?? false;
        IReadOnlyList<string> words = o.Strings("words");
        CheckExpression(o, "expression", expression, errors);

        o.Finish();
        if (name is null || entity is null || expression is null)
        {
            return null;
        }

        return new ProfileMeasure(name, entity.Value, expression, path)
        {
            Label = label ?? ProfileText.Label(name),
            Format = format ?? "decimal",
            Additive = additive,
            Words = words,
        };
    }

    private static ProfileDimension? ReadDimension(JsonElement element, string path, ProfileErrorList errors)
    {
        ProfileJsonObject? o = ProfileJsonObject.Open(element, path, errors);
        if (o is null)
        {
            return null;
        }

        string? name = o.String("name", required: true);
        string? label = o.String("label");
        string? plural = o.String("plural");
        EntityKind? entity = o.Enum("entity", ProfileWire<EntityKind>.Names, required: true);
        string? expression = o.String("expression", required: true);
        IReadOnlyList<string> words = o.Strings("words");
        CheckExpression(o, "expression", expression, errors);

        o.Finish();
        if (name is null || entity is null || expression is null)
        {
            return null;
        }

        string text = label ?? ProfileText.Label(name);
        return new ProfileDimension(name, entity.Value, expression, path)
        {
            Label = text,
            Plural = plural ?? text + "s",
            Words = words,
        };
    }

    /// <summary>Reads a required snake_case identifier, reporting a value that is not snake_case at its path.</summary>
    private static string? SnakeCase(ProfileJsonObject o, string property, ProfileErrorList errors)
    {
        string? value = o.String(property, required: true);
        if (value is not null && !SnakePattern().IsMatch(value))
        {
            errors.Add(o.PathOf(property), $"'{value}' must be snake_case (lowercase letters, digits and '_')");
        }

        return value;
    }

    /// <summary>Checks a SQL expression read from <paramref name="property"/> (when present) at its path.</summary>
    private static void CheckExpression(ProfileJsonObject o, string property, string? expression, ProfileErrorList errors)
    {
        if (expression is not null)
        {
            CheckExpression(expression, o.PathOf(property), errors);
        }
    }

    /// <summary>The required name, the optional label and the words of a catalog entry, in that order.</summary>
    private static (string? Name, string? Label, IReadOnlyList<string> Words) NameLabelWords(ProfileJsonObject o)
    {
        string? name = o.String("name", required: true);
        string? label = o.String("label");
        IReadOnlyList<string> words = o.Strings("words");
        return (name, label, words);
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]*$")]
    private static partial Regex NamePattern();

    [GeneratedRegex("^[a-z][a-z0-9_]*$")]
    internal static partial Regex SnakePattern();

    [GeneratedRegex("^[A-Z]{3}$")]
    private static partial Regex CurrencyPattern();

    [GeneratedRegex("^[A-Za-z0-9_][A-Za-z0-9_-]*(\\.[A-Za-z0-9_][A-Za-z0-9_-]*)*$")]
    private static partial Regex TablePattern();
}
