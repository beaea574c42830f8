using System.Text.Json.Nodes;
using AetherSegment.Cli.Tests.Retailers;
using AetherSegment.Cli.Tests.Segments;
using AetherSegment.DuckDB;
using AetherSegment.DuckDB.Profiles;
using AetherSegment.Profiles;
using AetherSegment.TestRetailers.SummitOutfitters;
using AetherSegment.Tests;
using DuckDB.NET.Data;

namespace AetherSegment.Cli.Tests.Profiles;

/// <summary>
/// <c>aether profile check</c> and <see cref="ProfileDataChecker"/> on the two retailers: a clean report on each, and
/// the failures a profile that does not fit its data gets (renamed column, missing table, catalog values absent from
/// the data, a trigger without history, expressions that are not one expression, a malformed profile).
/// </summary>
public sealed class ProfileCheckCommandTests(GeneratedDatabase furniture, SummitDatabase summit) : IClassFixture<GeneratedDatabase>, IClassFixture<SummitDatabase>
{
    [Fact]
    public async Task Check_HomeFurnishing_DefaultProfile_IsClean()
    {
        (int exit, JsonObject report, string stderr) = await CheckAsync(null, furniture.Path);

        Assert.True(exit == 0, stderr + report);
        Assert.Equal(0, (int)report["failures"]!);
        Assert.Equal("home-furnishing", (string?)report["profile"]);
        Assert.Empty(report["missing_mappings"]!.AsArray());
        Assert.All(report["triggers"]!.AsArray(), t => Assert.True((bool)t!["ranked"]!, t!.ToJsonString()));
        Assert.Contains(Checks(report), c => c.Path == "$.entities.campaign_sends.columns.arm" && c.Status == "ok");
        Assert.Contains(Checks(report), c => c.Path == "$.entities.orders.id_unique" && c.Status == "ok");
        Assert.Contains(Checks(report), c => c.Path == "$.entities.customers.id_unique" && c.Status == "ok");
        Assert.Equal(string.Empty, stderr);
    }

    [Fact]
    public async Task Check_CustomersIdUniqueDeclared_OnRepeatedIds_Fails_NamingTheDeclaration()
    {
        // The demo profile (which declares customers.id_unique) with an id that repeats: the first 4 characters of the id.
        using Stream stream = AetherSegment.Synthetic.Profiles.HomeFurnishingProfile.OpenJson();
        JsonObject profile = JsonNode.Parse(stream)!.AsObject();
        profile["entities"]!["customers"]!["columns"]!["id"] = "substr(customer_id, 1, 4)";

        (int exit, JsonObject report, _) = await CheckAsync(Write(profile), furniture.Path);

        Assert.Equal(1, exit);
        Finding failed = Assert.Single(Checks(report), c => c.Path == "$.entities.customers.id_unique");
        Assert.Equal("fail", failed.Status);
        Assert.Contains("distinct", failed.Message, StringComparison.Ordinal);
        Assert.Contains("remove id_unique", failed.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_ScoresIdUnique_IsVerified_OkOnTheDemo_FailWhenCustomersRepeat()
    {
        (int exit, JsonObject report, _) = await CheckAsync(null, furniture.Path);
        Assert.Equal(0, exit);
        Finding ok = Assert.Single(Checks(report), c => c.Path == "$.entities.scores.id_unique");
        Assert.Equal("ok", ok.Status);
        Assert.Contains("one row", ok.Message, StringComparison.Ordinal);

        using Stream stream = AetherSegment.Synthetic.Profiles.HomeFurnishingProfile.OpenJson();
        JsonObject profile = JsonNode.Parse(stream)!.AsObject();
        profile["entities"]!["scores"]!["columns"]!["customer_id"] = "substr(customer_id, 1, 4)";

        (exit, report, _) = await CheckAsync(Write(profile), furniture.Path);

        Assert.Equal(1, exit);
        Finding failed = Assert.Single(Checks(report), c => c.Path == "$.entities.scores.id_unique");
        Assert.Equal("fail", failed.Status);
        Assert.Contains("averaged", failed.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_IdUniqueDeclared_OnOrderLines_Fails_NamingTheDeclaration()
    {
        // Summit's orders are order lines: several rows share an order_no.
        JsonObject profile = Summit();
        profile["entities"]!["orders"]!["id_unique"] = true;
        long rows = Convert.ToInt64(summit.Query("SELECT COUNT(*) FROM orders")[0][0]);
        long ids = Convert.ToInt64(summit.Query("SELECT COUNT(DISTINCT order_no) FROM orders")[0][0]);

        (int exit, JsonObject report, string stderr) = await CheckAsync(Write(profile), summit.Path);

        Assert.True(ids < rows, "Summit's orders hold one row per order; the check is not tested");
        Assert.Equal(1, exit);
        Finding failed = Assert.Single(Checks(report), c => c.Status == "fail");
        Assert.Equal("$.entities.orders.id_unique", failed.Path);
        Assert.Contains(rows.ToString("N0", System.Globalization.CultureInfo.InvariantCulture), failed.Message, StringComparison.Ordinal);
        Assert.Contains(ids.ToString("N0", System.Globalization.CultureInfo.InvariantCulture) + " distinct", failed.Message, StringComparison.Ordinal);
        Assert.StartsWith("aether: profile check failed: $.entities.orders.id_unique", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_Summit_IsClean_CoversEveryTrigger_AndListsTheMissingCarts()
    {
        (int exit, JsonObject report, string stderr) = await CheckAsync(SummitOutfittersProfile.Path, summit.Path);

        Assert.True(exit == 0, stderr + report);
        Assert.Equal(0, (int)report["failures"]!);
        Assert.Equal("summit-outfitters", (string?)report["profile"]);
        Assert.True((int)report["warnings"]! == 0, report.ToJsonString());
        Assert.Equal("ok", (string?)report["status"]);
        Assert.Equal(SummitEffects.Triggers.Select(t => t.Id).Order(StringComparer.Ordinal),
            report["triggers"]!.AsArray().Where(t => (bool)t!["ranked"]!).Select(t => (string)t!["id"]!).Order(StringComparer.Ordinal));
        JsonNode carts = Assert.Single(report["missing_mappings"]!.AsArray(), m => (string?)m!["mapping"] == "carts")!;
        Assert.Equal("$.entities.carts", (string?)carts["path"]);
        Assert.Contains(carts["features"]!.AsArray(), f => ((string)f!).Contains("abandoned_cart", StringComparison.Ordinal));
        // The expressions of the mapping compile and have the types the product needs.
        Assert.Contains(Checks(report), c => c.Path == "$.entities.campaign_sends.columns.converted" && c.Status == "ok" && c.Message.Contains("boolean", StringComparison.Ordinal));
        Assert.Contains(Checks(report), c => c.Path == "$.entities.customers.columns.created_at" && c.Status == "ok" && c.Message.Contains("timestamp", StringComparison.Ordinal));
        Assert.Contains(Checks(report), c => c.Path == "$.entities.customers.personal_columns[0]" && c.Status == "ok");
        Assert.Contains(Checks(report), c => c.Path == "$.catalog.places.levels[0]" && c.Status == "ok");
    }

    [Fact]
    public async Task Checker_CountsEachTriggersHistory_AsTheDataHoldsIt()
    {
        using DuckDBDataStore store = new(summit.Path);
        ProfileCheckReport report = await new ProfileDataChecker(store, new DuckDBProfileExpressionValidator(store))
            .CheckAsync(BusinessProfileLoader.LoadFile(SummitOutfittersProfile.Path));

        Assert.NotEqual(ProfileCheckStatus.Fail, report.Status);
        List<object?[]> rows = summit.Query("SELECT offer_code, arm, COUNT(*), CAST(SUM(did_convert) AS BIGINT) FROM promo_log GROUP BY offer_code, arm");
        Assert.Equal(5, report.Triggers.Count);
        foreach (ProfileTriggerCoverage trigger in report.Triggers)
        {
            List<object?[]> mine = [.. rows.Where(r => (string)r[0]! == trigger.Id)];
            Assert.Equal(Convert.ToInt64(mine.Single(r => (string)r[1]! == "T")[2]), trigger.TreatmentSends);
            Assert.Equal(Convert.ToInt64(mine.Single(r => (string)r[1]! == "C")[2]), trigger.ControlSends);
            Assert.Equal(mine.Sum(r => Convert.ToInt64(r[3])), trigger.Conversions);
            Assert.True(trigger.Ranked);
        }
    }

    [Fact]
    public async Task Check_RenamedColumn_Fails_NamingTheMappingPath()
    {
        string db = CopyWith(summit.Path, "ALTER TABLE orders RENAME COLUMN line_total TO line_amount");

        (int exit, JsonObject report, string stderr) = await CheckAsync(SummitOutfittersProfile.Path, db);

        Assert.Equal(1, exit);
        Finding failed = Assert.Single(Checks(report), c => c.Status == "fail");
        Assert.Equal("$.entities.orders.columns.value", failed.Path);
        Assert.Contains("line_total", failed.Message, StringComparison.Ordinal);
        string line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("aether: profile check failed: $.entities.orders.columns.value", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_MissingTable_Fails_AndSkipsItsColumns()
    {
        string db = CopyWith(furniture.Path, "DROP TABLE customer_scores");

        (int exit, JsonObject report, string stderr) = await CheckAsync(null, db);

        Assert.Equal(1, exit);
        Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Finding failed = Assert.Single(Checks(report), c => c.Status == "fail");
        Assert.Equal("$.entities.scores.table", failed.Path);
        Assert.Contains("customer_scores", failed.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Checks(report), c => c.Path.StartsWith("$.entities.scores.columns", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Check_CatalogValues_AbsentFromData_WarnEach_AndFailWhenNoneOccurs()
    {
        JsonObject profile = Summit();
        profile["catalog"]!["acquisition_sources"]!.AsArray().Add(new JsonObject { ["name"] = "billboard" });
        profile["catalog"]!["devices"] = new JsonArray(new JsonObject { ["name"] = "smart_tv" }, new JsonObject { ["name"] = "kiosk" });
        profile["vocabulary"]!["groups"] = new JsonArray();

        (int exit, JsonObject report, string stderr) = await CheckAsync(Write(profile), summit.Path);

        Assert.Equal(1, exit);
        Assert.Contains(Checks(report), c => c.Path == "$.catalog.acquisition_sources[7].name" && c.Status == "warn" && c.Message.Contains("'billboard'", StringComparison.Ordinal));
        Assert.Contains(Checks(report), c => c.Path == "$.catalog.acquisition_sources" && c.Status == "ok");
        Finding failed = Assert.Single(Checks(report), c => c.Status == "fail");
        Assert.Equal("$.catalog.devices", failed.Path);
        Assert.Contains("none of the 2", failed.Message, StringComparison.Ordinal);
        Assert.Contains("$.catalog.devices", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_TriggerWithoutHistory_SaysTheRankerWillNotCoverIt()
    {
        JsonObject profile = Summit();
        profile["triggers"]!.AsArray().Add(new JsonObject
        {
            ["id"] = "gift_card",
            ["name"] = "Gift card",
            ["description"] = "a gift card with the next order",
            ["words"] = new JsonArray("gift card"),
            ["economics"] = new JsonObject { ["cost_per_send"] = 0.01, ["conversion_cost"] = new JsonObject { ["fixed_amount"] = 10.0 } },
        });

        (int exit, JsonObject report, string stderr) = await CheckAsync(Write(profile), summit.Path);

        Assert.True(exit == 0, stderr);
        JsonNode gift = Assert.Single(report["triggers"]!.AsArray(), t => (string?)t!["id"] == "gift_card")!;
        Assert.False((bool)gift["ranked"]!);
        Assert.Equal(0, (long)gift["treatment_sends"]!);
        Finding finding = Assert.Single(Checks(report), c => c.Path == "$.triggers[5]");
        Assert.Equal("warn", finding.Status);
        Assert.Contains("the ranker will not cover it", finding.Message, StringComparison.Ordinal);
        Assert.Equal("warn", (string?)report["status"]);
    }

    [Fact]
    public async Task Check_ExpressionsThatAreNotOneUsableExpression_Fail_EachAtItsPath()
    {
        JsonObject profile = Summit();
        JsonNode customers = profile["entities"]!["customers"]!["columns"]!;
        customers["created_at"] = "(SELECT MAX(ordered_at) FROM orders)";
        profile["entities"]!["orders"]!["columns"]!["quantity"] = "qty AS q FROM orders, members";
        profile["entities"]!["campaign_sends"]!["columns"]!["converted"] = "did_convert";
        profile["entities"]!["events"]!["columns"]!["device"] = "no_such_column + 1";

        (int exit, JsonObject report, _) = await CheckAsync(Write(profile), summit.Path);

        Assert.Equal(1, exit);
        Dictionary<string, string> failed = Checks(report).Where(c => c.Status == "fail").ToDictionary(c => c.Path, c => c.Message);
        Assert.Contains("subquery", failed["$.entities.customers.columns.created_at"], StringComparison.Ordinal);
        Assert.Contains("not a single SQL expression", failed["$.entities.orders.columns.quantity"], StringComparison.Ordinal);
        Assert.Contains("'did_convert = 1'", failed["$.entities.campaign_sends.columns.converted"], StringComparison.Ordinal);
        Assert.Contains("does not compile", failed["$.entities.events.columns.device"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_MalformedProfile_ExitsTwo_WithTheJsonPath()
    {
        JsonObject profile = Summit();
        profile["triggers"]![1]!["id"] = "repair_voucher";

        (int exit, string stdout, string stderr) = await Segments.Cli.RunAsync("profile", "check", "--profile", Write(profile), "--db", summit.Path);

        Assert.Equal(2, exit);
        Assert.Equal(string.Empty, stdout);
        string line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("aether: ", line, StringComparison.Ordinal);
        Assert.Contains("$.triggers[1].id", line, StringComparison.Ordinal);
    }

    private sealed record Finding(string Check, string Path, string Status, string Message);

    private static IEnumerable<Finding> Checks(JsonObject report) =>
        report["checks"]!.AsArray().Select(c => new Finding((string)c!["check"]!, (string)c["path"]!, (string)c["status"]!, (string)c["message"]!));

    private static async Task<(int Exit, JsonObject Report, string Stderr)> CheckAsync(string? profile, string db)
    {
        string[] args = profile is null ? ["profile", "check", "--db", db] : ["profile", "check", "--profile", profile, "--db", db];
        (int exit, string stdout, string stderr) = await Segments.Cli.RunAsync(args);
        Assert.True(stdout.Length > 0, $"exit {exit}: {stderr}");
        return (exit, JsonNode.Parse(stdout)!.AsObject(), stderr);
    }

    private static JsonObject Summit() => JsonNode.Parse(File.ReadAllText(SummitOutfittersProfile.Path))!.AsObject();

    private static string Write(JsonObject profile)
    {
        string path = Path.Combine(TestPaths.NewTempDirectory(), "edited.profile.json");
        File.WriteAllText(path, profile.ToJsonString());
        return path;
    }

    /// <summary>A copy of a database with one statement applied (the data changed under the profile).</summary>
    private static string CopyWith(string source, string statement)
    {
        string path = Path.Combine(TestPaths.NewTempDirectory(), "changed.duckdb");
        File.Copy(source, path);
        using DuckDBConnection connection = new($"DataSource={path}");
        connection.Open();
        using DuckDBCommand command = connection.CreateCommand();
        command.CommandText = statement;
        command.ExecuteNonQuery();
        return path;
    }
}
