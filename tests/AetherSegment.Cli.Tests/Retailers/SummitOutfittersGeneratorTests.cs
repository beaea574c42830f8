using System.Globalization;
using System.Text.Json;
using AetherSegment.TestRetailers.SummitOutfitters;
using AetherSegment.Tests;
using Xunit.Abstractions;

namespace AetherSegment.Cli.Tests.Retailers;

/// <summary>
/// The second retailer's generator (Summit Outfitters): its tables, its determinism, the randomization of its promo
/// history and the known effect of each trigger as the promo history shows it (docs/embedding.md).
/// </summary>
public sealed class SummitOutfittersGeneratorTests(SummitDatabase db, ITestOutputHelper output) : IClassFixture<SummitDatabase>
{
    [Fact]
    public void Generate_WritesFiveTables_AndNoCarts()
    {
        List<string> tables = [.. db.Query("SELECT table_name FROM information_schema.tables ORDER BY table_name").Select(r => (string)r[0]!)];

        Assert.Equal(["clickstream", "member_scores", "members", "orders", "promo_log"], tables);
    }

    [Fact]
    public void Generate_RowCounts_MatchTheSummary_AndTheSizesAsked()
    {
        foreach ((string table, long count) in db.Data.RowCounts)
        {
            output.WriteLine($"{table}: {count} rows");
            Assert.Equal(count, Convert.ToInt64(db.Scalar($"SELECT count(*) FROM {table}"), CultureInfo.InvariantCulture));
        }

        Assert.Equal(3_000L, db.Data.RowCounts["members"]);
        Assert.Equal(3_000L, db.Data.RowCounts["member_scores"]);
        Assert.Equal(3_000L, Convert.ToInt64(db.Scalar("SELECT count(DISTINCT member_no) FROM members"), CultureInfo.InvariantCulture));
        Assert.Equal(3_000L, Convert.ToInt64(db.Scalar("SELECT count(DISTINCT email_address) FROM members"), CultureInfo.InvariantCulture));
        double linesPerMember = db.Data.RowCounts["orders"] / 3_000.0;
        double hitsPerMember = db.Data.RowCounts["clickstream"] / 3_000.0;
        Assert.InRange(linesPerMember, 2.5, 8);
        Assert.InRange(hitsPerMember, 8, 25);
        // 5 triggers x 3 promos x 60% of the members.
        Assert.InRange(db.Data.RowCounts["promo_log"], 15 * 3_000 * 0.57, 15 * 3_000 * 0.63);
        Assert.Equal(0L, Convert.ToInt64(db.Scalar("SELECT count(*) FROM orders o ANTI JOIN members m USING (member_no)"), CultureInfo.InvariantCulture));
        Assert.Equal(0L, Convert.ToInt64(db.Scalar("SELECT count(*) FROM clickstream c ANTI JOIN members m USING (member_no)"), CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Generate_SameSeed_SameFile_OtherSeed_OtherData()
    {
        string folder = TestPaths.NewTempDirectory();
        string a = Path.Combine(folder, "a.duckdb");
        string b = Path.Combine(folder, "b.duckdb");
        string c = Path.Combine(folder, "c.duckdb");
        await SummitOutfittersGenerator.GenerateAsync(a, new SummitOutfittersOptions { Members = 400, Seed = 7 });
        await SummitOutfittersGenerator.GenerateAsync(b, new SummitOutfittersOptions { Members = 400, Seed = 7 });
        await SummitOutfittersGenerator.GenerateAsync(c, new SummitOutfittersOptions { Members = 400, Seed = 8 });

        foreach (string table in (string[])["members", "orders", "clickstream", "promo_log", "member_scores"])
        {
            string sql = $"SELECT count(*), sum(hash(t)::HUGEINT) FROM {table} t";
            Assert.Equal(SummitDatabase.Query(a, sql)[0], SummitDatabase.Query(b, sql)[0]);
            Assert.NotEqual(SummitDatabase.Query(a, sql)[0][1], SummitDatabase.Query(c, sql)[0][1]);
        }
    }

    [Fact]
    public void PromoHistory_EachPromo_SplitsItsAudienceInHalf()
    {
        List<object?[]> promos = db.Query("""
            SELECT promo_id, count(*) FILTER (WHERE arm = 'T'), count(*) FILTER (WHERE arm = 'C'), count(DISTINCT offer_code)
            FROM promo_log GROUP BY promo_id ORDER BY promo_id
            """);

        Assert.Equal(15, promos.Count);
        Assert.Equal(["T", "C"], db.Query("SELECT DISTINCT arm FROM promo_log ORDER BY arm DESC").Select(r => (string)r[0]!));
        foreach (object?[] promo in promos)
        {
            long treated = Convert.ToInt64(promo[1], CultureInfo.InvariantCulture);
            long control = Convert.ToInt64(promo[2], CultureInfo.InvariantCulture);
            Assert.InRange(treated - control, -1, 1);
            Assert.Equal(1L, Convert.ToInt64(promo[3], CultureInfo.InvariantCulture));
        }
    }

    [Fact]
    public void PromoHistory_Arms_AreBalancedOnMemberAttributes()
    {
        // Randomization: per trigger, the two arms look alike before the promo (engagement, orders, mountain share).
        List<object?[]> rows = db.Query("""
            WITH facts AS (
              SELECT m.member_no, s.engagement, (SELECT count(DISTINCT order_no) FROM orders o WHERE o.member_no = m.member_no) AS n_orders,
                     m.region IN ('Pacific Northwest', 'Rockies') AS mountain
              FROM members m JOIN member_scores s USING (member_no))
            SELECT offer_code,
                   avg(engagement) FILTER (WHERE arm = 'T') - avg(engagement) FILTER (WHERE arm = 'C'),
                   avg(n_orders) FILTER (WHERE arm = 'T') - avg(n_orders) FILTER (WHERE arm = 'C'),
                   avg(mountain::INT) FILTER (WHERE arm = 'T') - avg(mountain::INT) FILTER (WHERE arm = 'C')
            FROM promo_log JOIN facts USING (member_no) GROUP BY offer_code
            """);

        Assert.Equal(5, rows.Count);
        foreach (object?[] row in rows)
        {
            Assert.InRange(Convert.ToDouble(row[1], CultureInfo.InvariantCulture), -0.02, 0.02);
            Assert.InRange(Convert.ToDouble(row[2], CultureInfo.InvariantCulture), -0.25, 0.25);
            Assert.InRange(Convert.ToDouble(row[3], CultureInfo.InvariantCulture), -0.03, 0.03);
        }
    }

    /// <summary>
    /// The documented effect of each trigger, in the subgroup where it is strong and where it is weak, as treatment
    /// minus control conversion in promo_log, within 0.05 (about three standard errors at 3,000 members).
    /// </summary>
    public static TheoryData<string, string, double> KnownEffects() => new()
    {
        { "repair_voucher", "(SELECT count(DISTINCT order_no) FROM orders o WHERE o.member_no = p.member_no) >= 4", 0.12 },
        { "repair_voucher", "(SELECT count(DISTINCT order_no) FROM orders o WHERE o.member_no = p.member_no) < 4", 0.0 },
        { "trail_event_invite", "m.region IN ('Pacific Northwest', 'Rockies') AND s.engagement >= 0.6", 0.15 },
        { "trail_event_invite", "NOT (m.region IN ('Pacific Northwest', 'Rockies') AND s.engagement >= 0.6)", 0.01 },
        { "bundle_deal", "EXISTS (SELECT 1 FROM orders o WHERE o.member_no = p.member_no AND o.dept = 'Footwear')", 0.10 },
        { "bundle_deal", "NOT EXISTS (SELECT 1 FROM orders o WHERE o.member_no = p.member_no AND o.dept = 'Footwear')", 0.01 },
        { "back_in_stock_alert", "EXISTS (SELECT 1 FROM clickstream c WHERE c.member_no = p.member_no AND c.action = 'wishlist_add' AND c.ts >= TIMESTAMP '2026-11-01' - INTERVAL 90 DAY)", 0.14 },
        { "back_in_stock_alert", "NOT EXISTS (SELECT 1 FROM clickstream c WHERE c.member_no = p.member_no AND c.action = 'wishlist_add' AND c.ts >= TIMESTAMP '2026-11-01' - INTERVAL 90 DAY)", 0.0 },
        // The discount's effect is linear in price sensitivity (-1: 0.02 + 0.10 x the subgroup's mean price sensitivity).
        { "member_discount", "s.price_sensitivity >= 0.5", -1 },
        { "member_discount", "s.price_sensitivity < 0.5", -1 },
    };

    [Theory]
    [MemberData(nameof(KnownEffects))]
    public void PromoHistory_ShowsTheKnownEffect(string trigger, string subgroup, double documented)
    {
        object?[] row = db.Query($"""
            SELECT avg(did_convert) FILTER (WHERE arm = 'T') - avg(did_convert) FILTER (WHERE arm = 'C'),
                   count(*) FILTER (WHERE arm = 'T'), count(*) FILTER (WHERE arm = 'C'), avg(s.price_sensitivity)
            FROM promo_log p JOIN members m USING (member_no) JOIN member_scores s USING (member_no)
            WHERE p.offer_code = '{trigger}' AND {subgroup}
            """)[0];
        double observed = Convert.ToDouble(row[0], CultureInfo.InvariantCulture);
        double expected = documented >= 0 ? documented : 0.02 + (0.10 * Convert.ToDouble(row[3], CultureInfo.InvariantCulture));

        output.WriteLine($"{trigger} where {subgroup}: observed {observed:F3}, documented {expected:F3}, {row[1]} treated / {row[2]} control rows");
        Assert.True(Convert.ToInt64(row[1], CultureInfo.InvariantCulture) >= 300, $"only {row[1]} treated rows in the subgroup");
        Assert.True(Math.Abs(observed - expected) <= 0.05, $"{trigger} where {subgroup}: observed {observed:F3}, documented {expected:F3}");
    }

    [Fact]
    public void PromoHistory_AgreesWithTheGeneratorsTrueUplift()
    {
        // The true uplift the generator reports averages to the observed effect per trigger (all members together).
        foreach (SummitTrigger trigger in SummitEffects.Triggers)
        {
            List<object?[]> rows = db.Query($"SELECT member_no, arm, did_convert FROM promo_log WHERE offer_code = '{trigger.Id}'");
            double truth = rows.Average(r => db.Data.TrueUplift((string)r[0]!, trigger.Id));
            double treated = rows.Where(r => (string)r[1]! == "T").Average(r => Convert.ToDouble(r[2], CultureInfo.InvariantCulture));
            double control = rows.Where(r => (string)r[1]! == "C").Average(r => Convert.ToDouble(r[2], CultureInfo.InvariantCulture));
            Assert.True(Math.Abs(treated - control - truth) <= 0.03, $"{trigger.Id}: observed {treated - control:F3}, true {truth:F3}");
        }
    }

    [Fact]
    public void Profile_CatalogAndTriggers_MatchTheData()
    {
        using JsonDocument profile = JsonDocument.Parse(File.ReadAllText(SummitOutfittersProfile.Path));
        JsonElement catalog = profile.RootElement.GetProperty("catalog");
        JsonElement[] regions = [.. catalog.GetProperty("places").GetProperty("values").EnumerateArray()];
        JsonElement[] departments = [.. catalog.GetProperty("taxonomy").GetProperty("values").EnumerateArray()];

        AssertSameSet(regions.Select(r => r.GetProperty("name").GetString()!), Distinct("members", "region"));
        AssertSameSet(regions.SelectMany(r => r.GetProperty("children").EnumerateArray()).Select(c => c.GetProperty("name").GetString()!), Distinct("members", "home_city"));
        AssertSameSet(departments.Select(d => d.GetProperty("name").GetString()!), Distinct("orders", "dept"));
        AssertSameSet(departments.SelectMany(d => d.GetProperty("children").EnumerateArray()).Select(c => c.GetProperty("name").GetString()!), Distinct("orders", "subcategory"));
        AssertSameSet(Names(catalog.GetProperty("acquisition_sources")), Distinct("members", "signup_channel"));
        AssertSameSet(Names(catalog.GetProperty("event_types")), Distinct("clickstream", "action"));
        AssertSameSet(Names(catalog.GetProperty("devices")), Distinct("clickstream", "platform"));
        AssertSameSet(Names(catalog.GetProperty("channels")), Distinct("promo_log", "channel"));
        AssertSameSet(profile.RootElement.GetProperty("triggers").EnumerateArray().Select(t => t.GetProperty("id").GetString()!), Distinct("promo_log", "offer_code"));
        Assert.False(profile.RootElement.GetProperty("entities").TryGetProperty("carts", out _));
    }

    private static IEnumerable<string> Names(JsonElement list) => list.EnumerateArray().Select(e => e.GetProperty("name").GetString()!);

    private IEnumerable<string> Distinct(string table, string column) =>
        db.Query($"SELECT DISTINCT {column} FROM {table} WHERE {column} IS NOT NULL").Select(r => (string)r[0]!);

    private static void AssertSameSet(IEnumerable<string> expected, IEnumerable<string> actual) =>
        Assert.Equal(expected.Order(StringComparer.Ordinal), actual.Order(StringComparer.Ordinal));
}
