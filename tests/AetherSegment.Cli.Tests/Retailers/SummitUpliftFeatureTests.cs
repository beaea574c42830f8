using System.Globalization;
using AetherSegment.Data;
using AetherSegment.DuckDB;
using AetherSegment.Profiles;
using AetherSegment.TestRetailers.SummitOutfitters;
using AetherSegment.Tests;
using AetherSegment.Uplift;
using Xunit.Abstractions;

namespace AetherSegment.Cli.Tests.Retailers;

/// <summary>
/// The trigger models' features derived from the second retailer's mapping (members, orders as order lines,
/// clickstream, promo_log, member_scores; no carts) on its generated data: the query runs on DuckDB and its features
/// carry the drivers of the known effects (distinct orders, region, wishlist hits in 90 days, price sensitivity, a
/// Footwear order line), member by member.
/// </summary>
public sealed class SummitUpliftFeatureTests(SummitDatabase db, ITestOutputHelper output) : IClassFixture<SummitDatabase>
{
    private static BusinessProfile Profile => BusinessProfileLoader.LoadFile(SummitOutfittersProfile.Path);

    [Fact]
    public void Profile_PassesTheLoadersValidation() =>
        Assert.Empty(BusinessProfileLoader.Validate(File.ReadAllText(SummitOutfittersProfile.Path)).Select(e => e.ToString()));

    [Fact]
    public async Task ScoringFeatures_CarryTheKnownEffectDrivers()
    {
        DuckDBDataStore data = new(db.Path);
        UpliftFeatureSet features = await UpliftFeatureSet.LoadAsync(data, Profile, CancellationToken.None);
        DateTimeOffset asOf = new(DateTime.SpecifyKind(db.Data.AsOf, DateTimeKind.Utc));

        QueryResult rows = await data.QueryAsync(UpliftFeatureQuery.Scoring(SqlDialect.DuckDB, features, new SqlStatement("SELECT member_no AS customer_id FROM members"), asOf));

        Assert.Contains("Footwear", features.TopTaxonomyValues);
        Assert.DoesNotContain(rows.Columns, c => c.Contains("cart", StringComparison.OrdinalIgnoreCase));
        Assert.Contains("event_view_item_30d", rows.Columns);
        Assert.Contains("tenure_days", rows.Columns);
        Assert.Equal(db.Data.Members.Count, rows.Rows.Count);
        int id = rows.IndexOf("customer_id"), orders = rows.IndexOf("order_count"), region = rows.IndexOf("region"),
            wishlist = rows.IndexOf("events_wishlist_add_90d"), price = rows.IndexOf("price_sensitivity"), footwear = rows.IndexOf("orders_footwear");
        Assert.All(new[] { orders, region, wishlist, price, footwear }, c => Assert.True(c >= 0, string.Join(", ", rows.Columns)));
        Dictionary<string, SummitMember> members = db.Data.Members.ToDictionary(m => m.MemberNo, StringComparer.Ordinal);
        int recent = 0, loyal = 0;
        foreach (object?[] row in rows.Rows)
        {
            SummitMember member = members[(string)row[id]!];
            Assert.Equal(member.Orders, Convert.ToInt32(row[orders], CultureInfo.InvariantCulture));
            Assert.Equal(member.Region, row[region]);
            Assert.Equal(member.RecentWishlist, Convert.ToInt32(row[wishlist], CultureInfo.InvariantCulture) > 0);
            Assert.Equal(member.PriceSensitivity, Convert.ToDouble(row[price], CultureInfo.InvariantCulture), 9);
            Assert.Equal(member.BoughtFootwear, Convert.ToInt32(row[footwear], CultureInfo.InvariantCulture) > 0);
            recent += member.RecentWishlist ? 1 : 0;
            loyal += member.Orders >= 4 ? 1 : 0;
        }

        // Both sides of each effect's threshold occur, so the agreement above is not trivial.
        Assert.InRange(recent, 1, rows.Rows.Count - 1);
        Assert.InRange(loyal, 1, rows.Rows.Count - 1);
    }

    [Fact]
    public async Task TrainingFeatures_ReadThePromoLogThroughTheMapping()
    {
        DuckDBDataStore data = new(db.Path);
        UpliftFeatureSet features = await UpliftFeatureSet.LoadAsync(data, Profile, CancellationToken.None);

        QueryResult rows = await data.QueryAsync(UpliftFeatureQuery.Training(SqlDialect.DuckDB, features, 1_000));

        List<object?[]> expected = db.Query("SELECT offer_code, SUM(CASE WHEN arm = 'T' THEN 1 ELSE 0 END), SUM(CASE WHEN did_convert = 1 THEN 1 ELSE 0 END), COUNT(*) FROM promo_log GROUP BY offer_code ORDER BY offer_code");
        int trigger = rows.IndexOf("trigger_type"), treated = rows.IndexOf("treated"), converted = rows.IndexOf("converted");
        foreach (object?[] group in expected)
        {
            string offer = (string)group[0]!;
            List<object?[]> mine = [.. rows.Rows.Where(r => (string)r[trigger]! == offer)];
            long total = Convert.ToInt64(group[3], CultureInfo.InvariantCulture);
            Assert.True(mine.Count > 0, offer);
            Assert.True(mine.Count <= total, offer);
            if (total <= 1_000)
            {
                // Under the cap every send of the trigger is a row, with its arm and outcome as the promo log holds them.
                Assert.Equal(Convert.ToInt64(group[1], CultureInfo.InvariantCulture), mine.Sum(r => Convert.ToInt64(r[treated], CultureInfo.InvariantCulture)));
                Assert.Equal(Convert.ToInt64(group[2], CultureInfo.InvariantCulture), mine.Sum(r => Convert.ToInt64(r[converted], CultureInfo.InvariantCulture)));
            }
        }

        int days = rows.IndexOf("days_since_order");
        Assert.All(rows.Rows, r => Assert.True(r[days] is null || Convert.ToDouble(r[days], CultureInfo.InvariantCulture) > 0));
    }

    [Fact]
    public async Task TriggerModels_TrainedOnThePromoLog_RankTriggersInTheOrderOfTheKnownEffects()
    {
        // The ranker's own model (the default X-learner of the built-in factory) trained per trigger on the promo log's
        // randomized sends, with features as of each send, then scoring every member as of the data's as-of: the
        // triggers' mean predicted uplift must come out in the order of their mean known effect (SummitEffects). The
        // ranker itself still indexes triggers by the demo's enum (the "triggers" change makes them profile ids), so the
        // test fits the same model per trigger the way the ranker does.
        DuckDBDataStore data = new(db.Path);
        UpliftFeatureSet features = await UpliftFeatureSet.LoadAsync(data, Profile, CancellationToken.None);
        DateTimeOffset asOf = new(DateTime.SpecifyKind(db.Data.AsOf, DateTimeKind.Utc));
        SqlStatement training = UpliftFeatureQuery.Training(SqlDialect.DuckDB, features, new TriggerRankingOptions().TrainingRowsPerArm);
        FeatureRows members = await data.ReadAsync(UpliftFeatureQuery.Scoring(SqlDialect.DuckDB, features, new SqlStatement("SELECT member_no AS customer_id FROM members"), asOf), UpliftFeatureReader.ReadAsync);
        Dictionary<string, SummitMember> known = db.Data.Members.ToDictionary(m => m.MemberNo, StringComparer.Ordinal);

        IReadOnlyList<SummitTrigger> triggers = SummitEffects.Triggers;
        double[] predictedMean = new double[triggers.Count], trueMean = new double[triggers.Count];
        List<double> correlations = [];
        List<string> report = [];
        for (int t = 0; t < triggers.Count; t++)
        {
            SqlStatement sends = new($"SELECT * FROM ({training.Sql}) s WHERE s.trigger_type = $summit_trigger", [.. training.Parameters, QueryParameter.String("summit_trigger", triggers[t].Id)]);
            FeatureRows rows = await data.ReadAsync(sends, UpliftFeatureReader.ReadAsync);
            IUpliftModel model = new BuiltInUpliftModelFactory().Create(TriggerRankingOptions.DefaultModel, new UpliftModelOptions { Seed = 42 + t });
            model.Fit(new UpliftTrainingSet(rows.Features, rows.Treated!, rows.Converted!, [triggers[t].Id], "control"));
            double[] predicted = model.Predict(members.Features, 0);
            double[] actual = [.. members.CustomerIds.Select(id => triggers[t].Uplift(known[id]))];
            predictedMean[t] = predicted.Average();
            trueMean[t] = actual.Average();
            correlations.Add(RankCorrelation.Pearson(predicted, actual));
            report.Add(string.Create(CultureInfo.InvariantCulture, $"{triggers[t].Id}: {rows.Count} sends, predicted {predictedMean[t]:F4}, known {trueMean[t]:F4}, r {RankCorrelation.Pearson(predicted, actual):F3}"));
        }

        output.WriteLine(string.Join(Environment.NewLine, report));
        Assert.Equal(db.Data.Members.Count, members.Count);

        // Every two triggers whose known mean effects differ by at least a point come out in that order (closer ones,
        // e.g. member_discount 6.3 against bundle_deal 6.2 pts at seed 42, are within what 2,700 sends per arm resolve),
        // and each trigger's predicted uplift follows its known effect member by member.
        List<string> misordered = [];
        for (int a = 0; a < triggers.Count; a++)
        {
            for (int b = 0; b < triggers.Count; b++)
            {
                if (trueMean[a] - trueMean[b] >= 0.01 && predictedMean[a] <= predictedMean[b])
                {
                    misordered.Add($"{triggers[a].Id} above {triggers[b].Id}");
                }
            }
        }

        Assert.True(misordered.Count == 0, "misordered: " + string.Join("; ", misordered) + Environment.NewLine + string.Join(Environment.NewLine, report));
        Assert.True(correlations.All(r => r > 0.15), string.Join(Environment.NewLine, report));
        Assert.Equal(
            Enumerable.Range(0, triggers.Count).OrderByDescending(t => trueMean[t]).Take(3).Select(t => triggers[t].Id).Order(StringComparer.Ordinal),
            Enumerable.Range(0, triggers.Count).OrderByDescending(t => predictedMean[t]).Take(3).Select(t => triggers[t].Id).Order(StringComparer.Ordinal));
    }
}
