using System.Text.Json.Nodes;
using AetherSegment.Cli.Tests.Retailers;
using AetherSegment.Cli.Tests.Segments;
using AetherSegment.TestRetailers.SummitOutfitters;
using AetherSegment.Tests;

namespace AetherSegment.Cli.Tests.Profiles;

/// <summary>
/// <c>aether profile init</c> on the two retailers: the home-furnishing database of <c>aether generate</c> and Summit
/// Outfitters. The draft maps the right tables and key columns, and its catalogs are the data's distinct values.
/// </summary>
public sealed class ProfileInitCommandTests(GeneratedDatabase furniture, SummitDatabase summit) : IClassFixture<GeneratedDatabase>, IClassFixture<SummitDatabase>
{
    [Fact]
    public async Task Init_HomeFurnishing_MapsTheSixTables()
    {
        JsonObject draft = await InitAsync(furniture.Path);
        JsonObject entities = draft["entities"]!.AsObject();

        Assert.Equal(["customers", "orders", "events", "carts", "campaign_sends", "scores"], entities.Select(e => e.Key));
        AssertEntity(entities, "customers", "customers", ("id", "customer_id"), ("created_at", "created_at"), ("email", "email"));
        AssertEntity(entities, "orders", "transactions", ("customer_id", "customer_id"), ("timestamp", "transaction_date"), ("value", "order_value"), ("quantity", "quantity"));
        AssertEntity(entities, "events", "behavioral_events", ("timestamp", "event_timestamp"), ("type", "event_type"), ("device", "device"), ("session_id", "session_id"));
        AssertEntity(entities, "carts", "abandoned_carts", ("timestamp", "abandoned_at"), ("value", "cart_value"), ("item_count", "item_count"));
        AssertEntity(entities, "campaign_sends", "campaign_history", ("trigger", "trigger_type"), ("arm", "\"group\""), ("converted", "converted"), ("revenue", "revenue"), ("sent_at", "sent_at"));
        Assert.Equal("treatment", (string?)entities["campaign_sends"]!["treatment_value"]);
        Assert.Equal("control", (string?)entities["campaign_sends"]!["control_value"]);
        AssertEntity(entities, "scores", "customer_scores", ("customer_id", "customer_id"), ("scored_at", "scored_at"));
        Assert.Equal(["email", "first_name", "last_name"], entities["customers"]!["personal_columns"]!.AsArray().Select(n => (string)n!).Order(StringComparer.Ordinal));

        JsonObject catalog = draft["catalog"]!.AsObject();
        Assert.Equal(["country", "city"], catalog["places"]!["levels"]!.AsArray().Select(l => (string)l!["attribute"]!));
        AssertTree(catalog["places"]!["values"]!, Query(furniture.Path, "SELECT country, city FROM customers"));
        Assert.Equal(["category", "product_type"], catalog["taxonomy"]!["levels"]!.AsArray().Select(l => (string)l!["orders_column"]!));
        AssertTree(catalog["taxonomy"]!["values"]!, Query(furniture.Path, "SELECT category, product_type FROM transactions"));
        AssertNames(catalog["event_types"]!, Distinct(furniture.Path, "behavioral_events", "event_type"));
        AssertNames(catalog["acquisition_sources"]!, Distinct(furniture.Path, "customers", "acquisition_source"));
        AssertNames(catalog["devices"]!, Distinct(furniture.Path, "behavioral_events", "device"));
        Assert.Equal(Distinct(furniture.Path, "campaign_history", "trigger_type"), draft["triggers"]!.AsArray().Select(t => (string)t!["id"]!).Order(StringComparer.Ordinal));
        Assert.Equal(0.7, (double)catalog["value_tiers"]!["high"]!);
        Assert.Contains(Attributes(draft), a => a.Column == "clv_score" && a.Role == "value_score");
        Assert.Contains(Attributes(draft), a => a.Column == "churn_probability" && a.Role == "churn_score" && a.Entity == "scores");
        Assert.Contains(draft["_guesses"]!.AsArray(), g => ((string)g!["guess"]!).Contains("ground_truth_uplift", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Init_HomeFurnishing_ProposesUniqueIds_AndSessionStarts_ThatTheCheckAccepts()
    {
        JsonObject draft = await InitAsync(furniture.Path);
        JsonObject entities = draft["entities"]!.AsObject();

        // One row per customer and per transaction, and one session_start row per session, in the generated data.
        Assert.Equal(Query(furniture.Path, "SELECT COUNT(*) FROM customers")[0][0], Query(furniture.Path, "SELECT COUNT(DISTINCT customer_id) FROM customers")[0][0]);
        Assert.True((bool)entities["customers"]!["id_unique"]!);
        Assert.True((bool)entities["orders"]!["id_unique"]!);
        Assert.Equal("session_start", (string?)entities["events"]!["columns"]!["session_start"]);
        Assert.Equal(["customer_id", "device"], entities["events"]!["session_columns"]!.AsArray().Select(n => (string)n!));
        Assert.Contains(draft["_guesses"]!.AsArray(), g => (string?)g!["path"] == "$.entities.customers.id_unique");
        Assert.Contains(draft["_guesses"]!.AsArray(), g => (string?)g!["path"] == "$.entities.events.columns.session_start");
        Assert.Empty(AetherSegment.Profiles.BusinessProfileLoader.Validate(Without(draft, "_guesses").ToJsonString()));
    }

    [Fact]
    public async Task Init_SummitOutfitters_OrderLines_AreNotDeclaredUnique_AndSayWhy()
    {
        JsonObject draft = await InitAsync(summit.Path);
        JsonObject entities = draft["entities"]!.AsObject();

        Assert.True((bool)entities["customers"]!["id_unique"]!);
        Assert.Null(entities["orders"]!["id_unique"]);
        JsonNode why = Assert.Single(draft["_guesses"]!.AsArray(), g => (string?)g!["path"] == "$.entities.orders.id_unique")!;
        Assert.Contains("distinct order_no", (string)why["guess"]!, StringComparison.Ordinal);
        Assert.Null(entities["events"]!["columns"]!["session_start"]);
    }

    private static JsonObject Without(JsonObject json, string key)
    {
        JsonObject copy = json.DeepClone().AsObject();
        copy.Remove(key);
        return copy;
    }

    [Fact]
    public async Task Init_SummitOutfitters_MapsItsOwnTables_AndFindsTheHandWrittenCatalog()
    {
        JsonObject draft = await InitAsync(summit.Path);
        JsonObject entities = draft["entities"]!.AsObject();
        JsonObject written = JsonNode.Parse(await File.ReadAllTextAsync(SummitOutfittersProfile.Path))!.AsObject();

        Assert.Equal(["customers", "orders", "events", "campaign_sends", "scores"], entities.Select(e => e.Key));
        AssertEntity(entities, "customers", "members", ("id", "member_no"), ("created_at", "CAST(joined_on AS TIMESTAMP)"), ("email", "email_address"));
        AssertEntity(entities, "orders", "orders", ("id", "order_no"), ("customer_id", "member_no"), ("timestamp", "ordered_at"), ("value", "line_total"), ("quantity", "qty"), ("product_name", "item_desc"));
        AssertEntity(entities, "events", "clickstream", ("id", "hit_id"), ("timestamp", "ts"), ("type", "action"), ("device", "platform"));
        AssertEntity(entities, "campaign_sends", "promo_log", ("campaign_id", "promo_id"), ("campaign_name", "promo_name"), ("trigger", "offer_code"), ("arm", "arm"),
            ("sent_at", "sent_ts"), ("converted", "did_convert = 1"), ("revenue", "attributed_sales"));
        Assert.Equal("T", (string?)entities["campaign_sends"]!["treatment_value"]);
        Assert.Equal("C", (string?)entities["campaign_sends"]!["control_value"]);
        AssertEntity(entities, "scores", "member_scores", ("customer_id", "member_no"), ("scored_at", "CAST(scored_on AS TIMESTAMP)"));
        Assert.Equal(["full_name", "email_address"], entities["customers"]!["personal_columns"]!.AsArray().Select(n => (string)n!));

        JsonObject catalog = draft["catalog"]!.AsObject();
        Assert.Equal(["region", "home_city"], catalog["places"]!["levels"]!.AsArray().Select(l => (string)l!["attribute"]!));
        Assert.Equal(Tree(written["catalog"]!["places"]!["values"]!), Tree(catalog["places"]!["values"]!));
        Assert.Equal(["dept", "subcategory"], catalog["taxonomy"]!["levels"]!.AsArray().Select(l => (string)l!["orders_column"]!));
        Assert.Equal(["dept", "subcategory"], catalog["taxonomy"]!["levels"]!.AsArray().Select(l => (string)l!["events_column"]!));
        Assert.Equal(Tree(written["catalog"]!["taxonomy"]!["values"]!), Tree(catalog["taxonomy"]!["values"]!));
        foreach (string list in (string[])["acquisition_sources", "event_types", "devices", "channels"])
        {
            Assert.Equal(Names(written["catalog"]![list]!), Names(catalog[list]!));
        }

        Assert.Equal(SummitEffects.Triggers.Select(t => t.Id).Order(StringComparer.Ordinal), draft["triggers"]!.AsArray().Select(t => (string)t!["id"]!));
        Assert.Contains(Attributes(draft), a => a.Column == "ltv" && a.Role == "value_score");
        Assert.Contains(Attributes(draft), a => a.Column == "lapse_risk" && a.Role == "churn_score" && a.Entity == "scores");
        Assert.Contains(Attributes(draft), a => a.Column == "signup_channel" && a.Role == "acquisition_source");
        // ltv is money, not a 0..1 score: the tiers are its percentiles.
        Assert.True((double)catalog["value_tiers"]!["high"]! > (double)catalog["value_tiers"]!["low"]! && (double)catalog["value_tiers"]!["high"]! > 1);
        Assert.Contains(draft["_guesses"]!.AsArray(), g => (string)g!["path"]! == "$.entities.campaign_sends.columns.converted");
        Assert.Equal(["view_item"], catalog["event_types"]!.AsArray().Where(e => (string?)e!["kind"] == "view").Select(e => (string)e!["name"]!));
        Assert.Equal(["add_to_bag"], catalog["event_types"]!.AsArray().Where(e => (string?)e!["kind"] == "cart").Select(e => (string)e!["name"]!));
    }

    [Fact]
    public async Task Init_Out_WritesTheFile_AndNeverOverwritesWithoutForce()
    {
        string file = Path.Combine(TestPaths.NewTempDirectory(), "draft.profile.json");

        (int exit, string stdout, string stderr) = await Segments.Cli.RunAsync("profile", "init", "--db", summit.Path, "--out", file);
        Assert.True(exit == 0, stderr);
        Assert.Equal("members", (string?)JsonNode.Parse(await File.ReadAllTextAsync(file))!["entities"]!["customers"]!["table"]);
        Assert.Equal(file, (string?)JsonNode.Parse(stdout)!["out"]);

        await File.WriteAllTextAsync(file, "mine");
        (exit, _, stderr) = await Segments.Cli.RunAsync("profile", "init", "--db", summit.Path, "--out", file);
        Assert.Equal(2, exit);
        Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("--force", stderr, StringComparison.Ordinal);
        Assert.Equal("mine", await File.ReadAllTextAsync(file));

        (exit, _, stderr) = await Segments.Cli.RunAsync("profile", "init", "--db", summit.Path, "--out", file, "--force");
        Assert.True(exit == 0, stderr);
        Assert.StartsWith("{", await File.ReadAllTextAsync(file), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("missing")]
    [InlineData("text")]
    public async Task Init_BadDb_ExitsTwo_WithOneLine(string kind)
    {
        string db = Path.Combine(TestPaths.NewTempDirectory(), "bad.duckdb");
        if (kind == "text")
        {
            await File.WriteAllTextAsync(db, "member_no,region\nM1,Rockies\n");
        }

        (int exit, string stdout, string stderr) = await Segments.Cli.RunAsync("profile", "init", "--db", db);

        Assert.Equal(2, exit);
        Assert.Equal(string.Empty, stdout);
        string line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("aether: ", line, StringComparison.Ordinal);
        Assert.Contains(db, line, StringComparison.Ordinal);
    }

    private static async Task<JsonObject> InitAsync(string db)
    {
        (int exit, string stdout, string stderr) = await Segments.Cli.RunAsync("profile", "init", "--db", db);
        Assert.True(exit == 0, stderr);
        return JsonNode.Parse(stdout)!.AsObject();
    }

    private static void AssertEntity(JsonObject entities, string entity, string table, params (string Key, string Expression)[] columns)
    {
        JsonNode node = entities[entity] ?? throw new Xunit.Sdk.XunitException($"{entity} not mapped");
        Assert.Equal(table, (string?)node["table"]);
        foreach ((string key, string expression) in columns)
        {
            Assert.True((string?)node["columns"]![key] == expression, $"{entity}.{key}: expected {expression}, got {node["columns"]![key]}");
        }
    }

    private static IEnumerable<(string? Column, string? Role, string? Entity)> Attributes(JsonObject draft) =>
        draft["attributes"]!.AsArray().Select(a => ((string?)a!["column"], (string?)a["role"], (string?)a["entity"]));

    /// <summary>The catalog tree as "parent/child" strings (and the parents alone).</summary>
    private static List<string> Tree(JsonNode values) =>
        [.. values.AsArray().SelectMany(v => (IEnumerable<string>)[(string)v!["name"]!, .. (v["children"]?.AsArray() ?? []).Select(c => $"{v["name"]}/{c!["name"]}")]).Order(StringComparer.Ordinal)];

    private static void AssertTree(JsonNode values, List<object?[]> pairs) =>
        Assert.Equal(
            pairs.SelectMany(p => (IEnumerable<string>)[(string)p[0]!, $"{p[0]}/{p[1]}"]).Distinct().Order(StringComparer.Ordinal),
            Tree(values));

    private static List<string> Names(JsonNode list) => [.. list.AsArray().Select(n => (string)n!["name"]!).Order(StringComparer.Ordinal)];

    private static void AssertNames(JsonNode list, IEnumerable<string> expected) => Assert.Equal(expected, Names(list));

    private static List<object?[]> Query(string path, string sql) => SummitDatabase.Query(path, sql);

    private static List<string> Distinct(string path, string table, string column) =>
        [.. Query(path, $"SELECT DISTINCT {column} FROM {table} WHERE {column} IS NOT NULL").Select(r => (string)r[0]!).Order(StringComparer.Ordinal)];
}
