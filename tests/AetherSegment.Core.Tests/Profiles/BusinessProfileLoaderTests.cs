using System.Text.Json.Nodes;
using AetherSegment.Profiles;

namespace AetherSegment.Core.Tests.Profiles;

/// <summary>Loading a profile: every error is collected and names its JSON path.</summary>
public sealed class BusinessProfileLoaderTests
{
    /// <summary>A small valid profile of an outdoor-apparel retailer with no carts, edited by each test.</summary>
    internal const string Minimal = """
        {
          // comments are allowed
          "format_version": 1,
          "name": "trailhead",
          "description": "an outdoor-apparel retailer",
          "entities": {
            "customers": { "table": "crm.members", "columns": { "id": "member_id", "created_at": "joined_on" } },
            "orders": { "table": "orders", "columns": { "customer_id": "member_id", "timestamp": "ordered_at", "value": "total" } },
            "events": { "table": "clickstream", "columns": { "customer_id": "member_id", "timestamp": "ts", "type": "action" } },
            "scores": { "table": "member_scores", "columns": { "customer_id": "member_id" } }
          },
          "attributes": [
            { "name": "region", "entity": "customers", "column": "home_region", "type": "text", "catalog": "places.region" },
            { "name": "ltv", "entity": "customers", "column": "ltv_score", "type": "number", "role": "value_score" },
            { "name": "promo_affinity", "entity": "scores", "column": "promo_affinity", "type": "number" }
          ],
          "catalog": {
            "places": {
              "levels": [ { "name": "region", "plural": "regions", "attribute": "region", "objective_field": "regions" } ],
              "values": [ { "name": "Pacific Northwest", "words": ["pnw"] }, { "name": "Rockies" } ]
            },
            "taxonomy": {
              "levels": [ { "name": "department", "orders_column": "dept" }, { "name": "style", "orders_column": "style" } ],
              "values": [ { "name": "Jackets", "words": ["coats"], "children": [ { "name": "Rain Shells", "words": ["rain jacket"] } ] } ]
            },
            "event_types": [ { "name": "view_item", "kind": "view" }, { "name": "trail_map_open" } ],
            "value_tiers": { "high": 0.8, "low": 0.3 }
          },
          "triggers": [
            {
              "id": "trail_guide",
              "name": "Trail guide",
              "description": "a guide to trails near the member",
              "words": ["trail guide"],
              "eligibility": {
                "description": "opened the trail map in the last 60 days",
                "condition": { "kind": "behavior", "behavior": "engaged", "within_days": 60, "event_types": ["trail_map_open"] }
              },
              "economics": { "cost_per_send": 0.005, "conversion_cost": { "fixed_amount": 0 } }
            },
            {
              "id": "member_discount",
              "name": "Member discount",
              "description": "10% off",
              "incentive_types": ["percent_discount"],
              "eligibility": {
                "description": "promo affinity of at least 0.4 in the Rockies",
                "condition": { "kind": "all_of", "conditions": [
                  { "kind": "attribute", "attribute": "promo_affinity", "operator": "at_least", "number": 0.4 },
                  { "kind": "attribute", "attribute": "region", "operator": "in", "values": ["Rockies"] } ] }
              },
              "economics": { "cost_per_send": 0.005, "conversion_cost": { "share_of_order_value": 0.1 }, "margin_rate": 0.5 }
            }
          ]
        }
        """;

    [Fact]
    public void Load_MinimalProfileOfAnotherRetailer_ReadsEveryPart()
    {
        BusinessProfile profile = BusinessProfileLoader.Parse(Minimal);

        Assert.Equal("trailhead", profile.Name);
        Assert.Equal("trailhead", profile.DisplayName);
        Assert.Equal("USD", profile.Currency);
        Assert.Equal("crm.members", profile.Entities.Customers.Table);
        Assert.Equal("member_id", profile.Entities.Customers.Column("id"));
        Assert.False(profile.HasEntity(EntityKind.Carts));
        Assert.Equal("needs the `entities.carts` mapping", profile.MissingEntityMessage(EntityKind.Carts));
        AetherSegmentInputException missing = Assert.Throws<AetherSegmentInputException>(() => profile.RequireEntity(EntityKind.Carts, "the abandoned-cart filter"));
        Assert.Contains("the abandoned-cart filter needs the `entities.carts` mapping", missing.Message, StringComparison.Ordinal);
        Assert.Equal("Rain Shells", profile.FindCatalogValue("RAIN JACKET")!.Value);
        Assert.Equal("style", profile.FindCatalogValue("rain jacket")!.Level!.Name);
        Assert.Equal("region", profile.FindCatalogValue("pnw")!.Level!.Name);
        Assert.Equal("trail_guide", profile.FindTrigger("TRAIL_GUIDE")!.Id);
        Assert.Equal("trail_guide", profile.FindTriggerByWord("trail guide")!.Id);
        Assert.Equal(0.1, profile.FindTrigger("member_discount")!.Economics!.ConversionCost.ShareOfOrderValue);
        ProfileAllOfCondition condition = Assert.IsType<ProfileAllOfCondition>(profile.FindTrigger("member_discount")!.Eligibility!.Condition);
        Assert.Equal("region", Assert.IsType<ProfileAttributeCondition>(condition.Conditions[1]).Attribute);
        Assert.Equal(ProfileAttributeType.Number, profile.FindAttribute("LTV")!.Type);
        Assert.Equal("regions", profile.Catalog.Places.Levels[0].Plural);
        Assert.Equal("departments", profile.Catalog.Taxonomy.Levels[0].Plural);
    }

    [Fact]
    public void Load_MalformedJson_NamesLineAndPosition()
    {
        ProfileValidationException e = Assert.Throws<ProfileValidationException>(() =>
            BusinessProfileLoader.Parse("{\n  \"format_version\": 1,\n  \"name\": \"x\"\n  \"description\": \"y\"\n}", "broken.json"));

        ProfileError error = Assert.Single(e.Errors);
        Assert.StartsWith("malformed JSON at line 4, position 3", error.Message, StringComparison.Ordinal);
        Assert.StartsWith("invalid profile broken.json: $", e.Message, StringComparison.Ordinal);
        Assert.Equal("profile", e.Field);
    }

    [Fact]
    public void Load_MissingCustomersMapping_IsAnErrorAtItsPath()
    {
        JsonObject profile = Edit(p => p["entities"]!.AsObject().Remove("customers"));

        Assert.Contains("$.entities.customers: required property is missing", Errors(profile));
    }

    [Fact]
    public void Load_MissingCustomerIdColumn_IsAnErrorAtItsPath()
    {
        JsonObject profile = Edit(p => p["entities"]!["customers"]!["columns"]!.AsObject().Remove("id"));

        Assert.Contains("$.entities.customers.columns.id: required property is missing", Errors(profile));
    }

    [Fact]
    public void Load_OrdersIdUnique_IsReadOnlyWhenDeclared()
    {
        JsonObject declared = Edit(p =>
        {
            p["entities"]!["orders"]!["id_unique"] = true;
            p["entities"]!["orders"]!["columns"]!["id"] = "order_id";
        });

        Assert.True(BusinessProfileLoader.Parse(declared.ToJsonString()).Entities.Orders!.IdUnique);
        Assert.False(BusinessProfileLoader.Parse(Minimal).Entities.Orders!.IdUnique);
    }

    [Fact]
    public void Load_CustomersIdUnique_IsReadOnlyWhenDeclared()
    {
        JsonObject declared = Edit(p => p["entities"]!["customers"]!["id_unique"] = true);

        Assert.True(BusinessProfileLoader.Parse(declared.ToJsonString()).Entities.Customers.IdUnique);
        Assert.False(BusinessProfileLoader.Parse(Minimal).Entities.Customers.IdUnique);
    }

    [Fact]
    public void Load_ScoresIdUnique_IsReadOnlyWhenDeclared_OneRowPerCustomer()
    {
        JsonObject declared = Edit(p => p["entities"]!["scores"]!["id_unique"] = true);

        Assert.True(BusinessProfileLoader.Parse(declared.ToJsonString()).Entities.Get(AetherSegment.Profiles.EntityKind.Scores)!.IdUnique);
        Assert.False(BusinessProfileLoader.Parse(Minimal).Entities.Get(AetherSegment.Profiles.EntityKind.Scores)!.IdUnique);
        Assert.Contains(Errors(Edit(p => p["entities"]!["scores"]!["id_unique"] = "yes")), e => e.StartsWith("$.entities.scores.id_unique: expected true or false", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_CustomersIdUniqueNotABoolean_IsAnErrorAtItsPath()
    {
        JsonObject profile = Edit(p => p["entities"]!["customers"]!["id_unique"] = 1);

        Assert.Contains(Errors(profile), e => e.StartsWith("$.entities.customers.id_unique: expected true or false", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_OrdersIdUniqueNotABoolean_IsAnErrorAtItsPath()
    {
        JsonObject profile = Edit(p =>
        {
            p["entities"]!["orders"]!["id_unique"] = "yes";
            p["entities"]!["orders"]!["columns"]!["id"] = "order_id";
        });

        Assert.Contains("$.entities.orders.id_unique: expected true or false, found the string \"yes\"", Errors(profile));
    }

    [Fact]
    public void Load_SessionStartAndSessionColumns_AreReadWhenDeclared()
    {
        JsonObject declared = Edit(p =>
        {
            JsonObject columns = p["entities"]!["events"]!["columns"]!.AsObject();
            columns["session_id"] = "visit_id";
            columns["session_start"] = "is_first_hit";
            columns["device"] = "platform";
            p["entities"]!["events"]!["session_columns"] = new JsonArray("customer_id", "device");
        });

        EntityMapping events = BusinessProfileLoader.Parse(declared.ToJsonString()).Entities.Get(EntityKind.Events)!;
        Assert.Equal(["customer_id", "device"], events.SessionColumns);
        Assert.Equal("is_first_hit", events.Column("session_start"));
        Assert.Empty(BusinessProfileLoader.Parse(Minimal).Entities.Get(EntityKind.Events)!.SessionColumns);
    }

    [Fact]
    public void Load_SessionColumnsWithoutStartOrUnmapped_AreErrorsAtTheirPaths()
    {
        JsonObject profile = Edit(p =>
        {
            p["entities"]!["events"]!["columns"]!["session_id"] = "visit_id";
            p["entities"]!["events"]!["session_columns"] = new JsonArray("device");
        });

        List<string> errors = [.. Errors(profile)];

        Assert.Contains(errors, e => e.StartsWith("$.entities.events.session_columns[0]: 'device' is not a mapped column", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("$.entities.events.session_columns: session_columns needs columns.session_id and columns.session_start", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_SessionStartWithoutSessionId_IsAnErrorAtItsPath()
    {
        JsonObject profile = Edit(p => p["entities"]!["events"]!["columns"]!["session_start"] = "is_first_hit");

        Assert.Contains(Errors(profile), e => e.StartsWith("$.entities.events.columns.session_start: ", StringComparison.Ordinal) && e.Contains("session_id must be mapped", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_OrdersIdUniqueWithoutAnIdColumn_IsAnErrorAtItsPath()
    {
        JsonObject profile = Edit(p => p["entities"]!["orders"]!["id_unique"] = true);

        Assert.Contains(Errors(profile), e => e.StartsWith("$.entities.orders.id_unique: ", StringComparison.Ordinal) && e.Contains("columns.id is not mapped", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_Examples_ReadsObjectivesWithTheirOpportunitiesAndQuestions()
    {
        JsonObject profile = Edit(p => p["examples"] = JsonNode.Parse("""
            { "objectives": [ { "title": "Rain shells", "text": "Members who bought rain shells this month",
                                "opportunity": { "id": "rain-shells", "title": "Rain shell buyers", "description": "Bought a shell." } },
                              { "title": "Rockies", "text": "Members in the Rockies" } ],
              "questions": [ "Revenue by region" ] }
            """));

        BusinessProfile loaded = BusinessProfileLoader.Parse(profile.ToJsonString());

        Assert.Equal(["Rain shells", "Rockies"], loaded.Examples.Objectives.Select(o => o.Title));
        Assert.Equal("rain-shells", loaded.Examples.Objectives[0].Opportunity!.Id);
        Assert.Null(loaded.Examples.Objectives[1].Opportunity);
        Assert.Equal(["Revenue by region"], loaded.Examples.Questions);
        Assert.Empty(BusinessProfileLoader.Parse(Minimal).Examples.Objectives);
    }

    [Fact]
    public void Load_BadExamples_NameTheirJsonPaths()
    {
        JsonObject profile = Edit(p => p["examples"] = JsonNode.Parse("""
            { "objectives": [ { "title": "A", "text": "Members in the Rockies", "opportunity": { "id": "same", "title": "A", "description": "a" } },
                              { "title": "B", "text": " ", "opportunity": { "id": "same", "title": "B", "description": "b" } },
                              { "title": "C", "text": "x", "opportunity": { "id": "Not An Id", "title": "C", "description": "c" } } ],
              "questions": [ 3 ], "queries": [] }
            """));

        IReadOnlyList<string> errors = Errors(profile);

        Assert.Contains("$.examples.objectives[1].text: must not be empty", errors);
        Assert.Contains("$.examples.objectives[1].opportunity.id: the opportunity id 'same' is already used at $.examples.objectives[0].opportunity.id", errors);
        Assert.Contains("$.examples.objectives[2].opportunity.id: 'Not An Id' must be lowercase letters, digits and '-', starting with a letter or digit", errors);
        Assert.Contains(errors, e => e.StartsWith("$.examples.questions[0]: ", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("$.examples.queries: ", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_DuplicateTriggerId_NamesBothPaths()
    {
        JsonObject profile = Edit(p => p["triggers"]![1]!["id"] = "trail_guide");

        Assert.Contains("$.triggers[1].id: duplicate trigger id 'trail_guide' (first at $.triggers[0].id)", Errors(profile));
    }

    [Fact]
    public void Load_FilterNamingUnknownAttribute_IsAnErrorAtItsPath()
    {
        JsonObject profile = Edit(p => p["triggers"]![1]!["eligibility"]!["condition"]!["conditions"]![0]!["attribute"] = "discount_sensitivity");

        Assert.Contains(
            "$.triggers[1].eligibility.condition.conditions[0].attribute: unknown attribute 'discount_sensitivity' (the profile's attributes: region, ltv, promo_affinity)",
            Errors(profile));
    }

    [Fact]
    public void Load_FilterNamingUnknownEventType_IsAnErrorAtItsPath()
    {
        JsonObject profile = Edit(p => p["triggers"]![0]!["eligibility"]!["condition"]!["event_types"] = new JsonArray("room_planner_use"));

        Assert.Contains(
            "$.triggers[0].eligibility.condition.event_types[0]: unknown event type 'room_planner_use' (the catalog's event types: view_item, trail_map_open)",
            Errors(profile));
    }

    [Fact]
    public void Load_FilterNamingUnknownCatalogValue_IsAnErrorAtItsPath()
    {
        JsonObject profile = Edit(p => p["triggers"]![1]!["eligibility"]!["condition"]!["conditions"]![1]!["values"] = new JsonArray("Rockies", "London"));

        Assert.Contains("$.triggers[1].eligibility.condition.conditions[1].values[1]: unknown catalog value 'London': not a value of places.region", Errors(profile));
    }

    [Fact]
    public void Load_FilterNeedingAnUnmappedEntity_SaysWhichMappingEnablesIt()
    {
        JsonObject profile = Edit(p => p["triggers"]![0]!["eligibility"]!["condition"] = JsonNode.Parse("""{ "kind": "behavior", "behavior": "abandoned_cart", "within_days": 7 }"""));

        Assert.Contains("$.triggers[0].eligibility.condition.behavior: the behavior abandoned_cart needs the `entities.carts` mapping", Errors(profile));
    }

    [Fact]
    public void Load_WordWithTwoMeanings_NamesBothPaths()
    {
        JsonObject profile = Edit(p => p["catalog"]!["places"]!["values"]![1]!["words"] = new JsonArray("coats"));

        Assert.Contains(
            "$.catalog.taxonomy.values[0].words[0]: the word 'coats' has two meanings: taxonomy.department 'Jackets' here and places.region 'Rockies' at $.catalog.places.values[1].words[0]",
            Errors(profile));
    }

    [Fact]
    public void Load_ValueWithTwoMeanings_NamesBothPaths()
    {
        JsonObject profile = Edit(p => p["catalog"]!["taxonomy"]!["values"]![0]!["children"]![0]!["name"] = "Jackets");

        Assert.Contains(
            "$.catalog.taxonomy.values[0].children[0].name: the value 'Jackets' has two meanings: taxonomy.style 'Jackets' here and taxonomy.department 'Jackets' at $.catalog.taxonomy.values[0].name",
            Errors(profile));
    }

    [Fact]
    public void Load_UnknownProperty_IsAnErrorWithTheNearestName()
    {
        JsonObject profile = Edit(p =>
        {
            JsonObject orders = p["entities"]!["orders"]!.AsObject();
            orders["tabel"] = orders["table"]!.DeepClone();
            orders.Remove("table");
        });

        IReadOnlyList<string> errors = Errors(profile);
        Assert.Contains("$.entities.orders.tabel: unknown property 'tabel' (did you mean 'table'?)", errors);
        Assert.Contains("$.entities.orders.table: required property is missing", errors);
    }

    [Fact]
    public void Load_WrongTypes_AreErrorsAtTheirPaths()
    {
        JsonObject profile = Edit(p =>
        {
            p["attributes"]![2]!["type"] = 5;
            p["catalog"]!["value_tiers"]!["high"] = "high";
            p["triggers"]![0]!["words"] = "trail guide";
        });

        IReadOnlyList<string> errors = Errors(profile);
        Assert.Contains("$.attributes[2].type: expected a string, found the number 5", errors);
        Assert.Contains("$.catalog.value_tiers.high: expected a number, found the string \"high\"", errors);
        Assert.Contains("$.triggers[0].words: expected an array of strings, found the string \"trail guide\"", errors);
    }

    [Fact]
    public void Load_SeveralProblems_AreAllReportedTogether()
    {
        JsonObject profile = Edit(p =>
        {
            p["name"] = "Trail Head";
            p["triggers"]![1]!["id"] = "trail_guide";
            p["triggers"]![1]!["economics"]!["conversion_cost"]!["fixed_amount"] = 2;
        });

        ProfileValidationException e = Assert.Throws<ProfileValidationException>(() => BusinessProfileLoader.Parse(profile.ToJsonString()));
        Assert.Equal(3, e.Errors.Count);
        Assert.Contains("(and 2 more)", e.Message, StringComparison.Ordinal);
        Assert.Contains(e.Errors, x => x.ToString() == "$.triggers[1].economics.conversion_cost: give exactly one of share_of_order_value and fixed_amount");
    }

    [Theory]
    [InlineData("duplicate-attribute", "$.attributes[2].name: duplicate attribute name 'ltv' (first at $.attributes[1].name)")]
    [InlineData("role-type", "$.attributes[0].type: the role value_score needs the type number")]
    [InlineData("operator-type", "$.triggers[1].eligibility.condition.conditions[0].operator: the operator in needs a text attribute; 'promo_affinity' is number")]
    [InlineData("too-deep", "$.catalog.taxonomy.values[0].children[0].children: values nested deeper than the 2 declared level(s)")]
    [InlineData("unknown-taxonomy", "$.triggers[0].eligibility.condition.taxonomy[0]: unknown catalog value 'Skis': not a value of the taxonomy")]
    [InlineData("taxonomy-without-column", "$.triggers[0].eligibility.condition.taxonomy[0]: the taxonomy level 'department' has no events_column")]
    [InlineData("unknown-synonym", "$.vocabulary.synonyms.Skis: 'Skis' is not a catalog value or trigger id")]
    [InlineData("group-value", "$.vocabulary.groups[0].values[1]: unknown catalog value 'web': not a value of event_types")]
    [InlineData("sql-injection", "$.entities.orders.columns.value: 'total; DROP TABLE orders' is not a single SQL expression (';' and comments are not allowed)")]
    [InlineData("unknown-catalog-list", "$.attributes[0].catalog: unknown catalog list 'places.country' (one of places.region, taxonomy.department, taxonomy.style, acquisition_sources, channels, devices, event_types)")]
    [InlineData("acquired-without-created-at", "$.triggers[0].eligibility.condition.behavior: the behavior acquired needs the `entities.customers.columns.created_at` mapping")]
    [InlineData("no-purchase-window", "$.triggers[0].eligibility.condition.within_days: the behavior no_purchase needs a window (within_days)")]
    [InlineData("tiers-without-score", "$.catalog.value_tiers: value tiers need an attribute with the role value_score")]
    [InlineData("bad-kind", "$.triggers[0].eligibility.condition.kind: 'sometimes' is not one of attribute, behavior, all_of, any_of, not")]
    [InlineData("bad-version", "$.format_version: format version 2 is not supported (this release reads 1)")]
    public void Load_InvalidReference_IsAnErrorAtItsPath(string change, string expected)
    {
        JsonObject profile = Edit(p =>
        {
            JsonNode trigger0 = p["triggers"]![0]!;
            switch (change)
            {
                case "duplicate-attribute": p["attributes"]![2]!["name"] = "ltv"; break;
                case "role-type": p["attributes"]![0]!["role"] = "value_score"; p["attributes"]![1]!.AsObject().Remove("role"); break;
                case "operator-type": p["triggers"]![1]!["eligibility"]!["condition"]!["conditions"]![0] = JsonNode.Parse("""{ "kind": "attribute", "attribute": "promo_affinity", "operator": "in", "values": ["x"] }"""); break;
                case "too-deep": p["catalog"]!["taxonomy"]!["values"]![0]!["children"]![0]!["children"] = JsonNode.Parse("""[ { "name": "Hooded" } ]"""); break;
                case "unknown-taxonomy": trigger0["eligibility"]!["condition"] = JsonNode.Parse("""{ "kind": "behavior", "behavior": "purchased", "taxonomy": ["Skis"] }"""); break;
                case "taxonomy-without-column": trigger0["eligibility"]!["condition"] = JsonNode.Parse("""{ "kind": "behavior", "behavior": "engaged", "within_days": 30, "taxonomy": ["Jackets"] }"""); break;
                case "unknown-synonym": p["vocabulary"] = JsonNode.Parse("""{ "synonyms": { "Skis": ["planks"] } }"""); break;
                case "group-value": p["vocabulary"] = JsonNode.Parse("""{ "groups": [ { "list": "event_types", "values": ["view_item", "web"], "words": ["looks"] } ] }"""); break;
                case "sql-injection": p["entities"]!["orders"]!["columns"]!["value"] = "total; DROP TABLE orders"; break;
                case "unknown-catalog-list": p["attributes"]![0]!["catalog"] = "places.country"; break;
                case "acquired-without-created-at":
                    p["entities"]!["customers"]!["columns"]!.AsObject().Remove("created_at");
                    trigger0["eligibility"]!["condition"] = JsonNode.Parse("""{ "kind": "behavior", "behavior": "acquired", "within_days": 30 }""");
                    break;
                case "no-purchase-window": trigger0["eligibility"]!["condition"] = JsonNode.Parse("""{ "kind": "behavior", "behavior": "no_purchase" }"""); break;
                case "tiers-without-score": p["attributes"]![1]!.AsObject().Remove("role"); break;
                case "bad-kind": trigger0["eligibility"]!["condition"]!["kind"] = "sometimes"; break;
                case "bad-version": p["format_version"] = 2; break;
                default: throw new ArgumentOutOfRangeException(nameof(change));
            }
        });

        Assert.Contains(expected, Errors(profile));
    }

    [Fact]
    public void LoadFile_MissingFile_IsAValidationErrorNamingTheFile()
    {
        string path = Path.Combine(Path.GetTempPath(), "no-such-profile-" + Guid.NewGuid().ToString("N") + ".json");

        ProfileValidationException e = Assert.Throws<ProfileValidationException>(() => BusinessProfileLoader.LoadFile(path));

        Assert.Contains(path, e.Message, StringComparison.Ordinal);
        Assert.Contains("cannot read the profile file", e.Message, StringComparison.Ordinal);
    }

    internal static JsonObject Edit(Action<JsonObject> edit)
    {
        JsonObject profile = JsonNode.Parse(Minimal, documentOptions: new() { CommentHandling = System.Text.Json.JsonCommentHandling.Skip })!.AsObject();
        edit(profile);
        return profile;
    }

    private static IReadOnlyList<string> Errors(JsonObject profile)
    {
        ProfileValidationException e = Assert.Throws<ProfileValidationException>(() => BusinessProfileLoader.Parse(profile.ToJsonString()));
        Assert.Equal(e.Errors.Select(x => x.ToString()), BusinessProfileLoader.Validate(profile.ToJsonString()).Select(x => x.ToString()));
        return [.. e.Errors.Select(x => x.ToString())];
    }
}
