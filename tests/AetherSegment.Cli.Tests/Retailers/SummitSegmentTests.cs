using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using AetherSegment.Data;
using AetherSegment.Interpretation;
using AetherSegment.Profiles;
using AetherSegment.Segments;
using AetherSegment.TestRetailers.SummitOutfitters;
using AetherSegment.Tests;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace AetherSegment.Cli.Tests.Retailers;

/// <summary>
/// Segments of the second retailer (Summit Outfitters: members, orders, clickstream, member_scores, regions, no carts)
/// compiled from its profile's mapping and run on its generated DuckDB data: every ordered pair of condition kinds runs,
/// the preview chain agrees with the member statement, the counts of the kinds that can be recounted match a LINQ recount
/// over the generated rows, the GoogleSQL parses, a cart condition gives the mapping message, and exports leave the
/// personal columns out unless asked.
/// </summary>
public sealed class SummitSegmentTests(SummitDatabase database) : IClassFixture<SummitDatabase>, IAsyncLifetime
{
    private static readonly BusinessProfile Profile = BusinessProfileLoader.LoadFile(SummitOutfittersProfile.Path);
    private ServiceProvider? _services;
    private SummitRows? _rows;

    private ISegmentEngine Engine => _services!.GetRequiredService<ISegmentEngine>();

    private IDataStore Store => _services!.GetRequiredService<IDataStore>();

    private DateTimeOffset AsOf => new(database.Data.AsOf, TimeSpan.Zero);

    /// <summary>Every condition kind on the Summit profile, with a LINQ predicate over the generated rows where one is written.</summary>
    private static IReadOnlyList<(string Name, SegmentCondition Condition, Func<SummitRows, string, bool>? Recount)> Kinds { get; } =
    [
        ("region", AttributeCondition.In("region", ["Rockies", "Pacific Northwest"]), (r, m) => r.Region[m] is "Rockies" or "Pacific Northwest"),
        ("home_city", AttributeCondition.In("home_city", ["Denver", "Seattle", "Boston"]), (r, m) => r.City[m] is "Denver" or "Seattle" or "Boston"),
        ("signup_channel", AttributeCondition.In("signup_channel", ["in_store", "podcast_ad"]), null),
        ("loyalty_tier", AttributeCondition.In("loyalty_tier", ["Ridge", "Peak"]), null),
        ("ltv_min", AttributeCondition.AtLeast("ltv", 500), (r, m) => r.Ltv[m] >= 500),
        ("ltv_below", AttributeCondition.Below("ltv", 1500), (r, m) => r.Ltv[m] < 1500),
        ("opt_in", AttributeCondition.IsTrue("marketing_opt_in"), (r, m) => r.OptIn[m]),
        ("engagement_min", AttributeCondition.AtLeast("engagement", 0.5), (r, m) => r.Engagement.TryGetValue(m, out double e) && e >= 0.5),
        ("price_sensitivity_below", AttributeCondition.Below("price_sensitivity", 0.4), null),
        ("lapse_risk_min", AttributeCondition.AtLeast("lapse_risk", 0.7), null),
        ("acquired_365d", new BehaviorCondition(BehaviorKind.Acquired, 365), (r, m) => r.Joined[m] >= r.AsOf.AddDays(-365) && r.Joined[m] <= r.AsOf),
        ("purchased_jackets_365d", new BehaviorCondition(BehaviorKind.Purchased, 365) { Categories = ["Jackets"] },
            (r, m) => r.Orders[m].Any(o => o.Dept == "Jackets" && r.Within(o.At, 365))),
        ("purchased_hiking_boots", new BehaviorCondition(BehaviorKind.Purchased, null) { ProductTypes = ["Hiking Boots"] },
            (r, m) => r.Orders[m].Any(o => o.Subcategory == "Hiking Boots")),
        ("no_purchase_90d", new BehaviorCondition(BehaviorKind.NoPurchase, 90), (r, m) => !r.Orders[m].Any(o => r.Within(o.At, 90))),
        ("wishlist_90d", new BehaviorCondition(BehaviorKind.Engaged, 90) { EventTypes = ["wishlist_add"] },
            (r, m) => r.Hits[m].Any(h => h.Action == "wishlist_add" && r.Within(h.At, 90))),
        ("viewed_footwear_60d", new BehaviorCondition(BehaviorKind.Engaged, 60) { Categories = ["Footwear"] },
            (r, m) => r.Hits[m].Any(h => h.Action == "view_item" && h.Dept == "Footwear" && r.Within(h.At, 60))),
        ("any_of", new AnyOfCondition([AttributeCondition.In("region", ["Southwest"]), new BehaviorCondition(BehaviorKind.Acquired, 180)]), null),
        ("all_of", new AllOfCondition([AttributeCondition.AtLeast("ltv", 200), AttributeCondition.In("home_city", ["Denver", "Portland"])]), null),
        ("not_region", new NotCondition(AttributeCondition.In("region", ["Southwest"])), (r, m) => r.Region[m] != "Southwest"),
    ];

    public Task InitializeAsync()
    {
        ServiceCollection services = new();
        services.AddSingleton<TimeProvider>(new FakeTimeProvider(AsOf));
        services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        services.AddAetherSegment(o => o.Profile = SummitOutfittersProfile.Path).AddDuckDB(o => o.Path = database.Path);
        _services = services.BuildServiceProvider();
        _rows = SummitRows.Read(database, database.Data.AsOf);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }
    }

    [Fact]
    public async Task EveryPairOfConditionKinds_Runs_PreviewAgreesWithMembers_AndRecountableKindsMatchLinq()
    {
        int recounted = 0;
        foreach ((string a, SegmentCondition first, Func<SummitRows, string, bool>? firstCount) in Kinds)
        {
            foreach ((string b, SegmentCondition second, Func<SummitRows, string, bool>? secondCount) in Kinds)
            {
                SegmentDefinition definition = Define((a, first), (b, second));
                long members = await CountAsync(definition);
                SegmentPreview preview = await Engine.PreviewAsync(definition);

                Assert.True(members == preview.Size, $"{a} + {b}: members {members}, preview {preview.Size}");
                Assert.Equal(await CountAsync(Define((a, first))), preview.Waterfall[0].Size);
                Assert.Equal(database.Data.Members.Count, preview.TotalCustomers);
                if (firstCount is not null && secondCount is not null)
                {
                    long expected = _rows!.MemberIds.LongCount(m => firstCount(_rows, m) && secondCount(_rows, m));
                    Assert.True(expected == members, $"{a} + {b}: SQL {members}, LINQ {expected}");
                    recounted++;
                }
            }
        }

        Assert.True(recounted >= 100, $"only {recounted} pairs were recounted");
        // The recount is not vacuous: the kinds select something, and not everyone.
        foreach ((string name, SegmentCondition condition, Func<SummitRows, string, bool>? recount) in Kinds.Where(k => k.Recount is not null))
        {
            long size = await CountAsync(Define((name, condition)));
            Assert.InRange(size, 1, database.Data.Members.Count - 1);
        }
    }

    [Fact]
    public async Task GoogleSqlOfEveryPairOfConditionKinds_Parses()
    {
        JsonArray statements = [];
        foreach ((string a, SegmentCondition first, _) in Kinds)
        {
            foreach ((string b, SegmentCondition second, _) in Kinds)
            {
                SegmentDefinition definition = Define((a, first), (b, second));
                SqlStatement members = SegmentSqlCompiler.Members(Profile, definition, SqlDialect.BigQuery);
                SqlStatement preview = SegmentSqlCompiler.Preview(Profile, definition, SqlDialect.BigQuery, 1500, 300, 5);
                Assert.DoesNotContain("$", members.Sql, StringComparison.Ordinal);
                Assert.DoesNotContain("customers", preview.Sql, StringComparison.Ordinal);
                statements.Add(new JsonObject { ["id"] = $"{a} + {b}/members", ["sql"] = members.Sql });
                statements.Add(new JsonObject { ["id"] = $"{a} + {b}/preview", ["sql"] = preview.Sql });
            }
        }

        await GoogleSqlParse.AssertAllParseAsync(statements);
    }

    [Fact]
    public async Task AbandonedCartCondition_FailsWithTheMappingMessage()
    {
        string expected = Profile.MissingEntityMessage(EntityKind.Carts)!;
        SegmentDefinition definition = Define(("cart", new BehaviorCondition(BehaviorKind.AbandonedCart, 7)));

        AetherSegmentInputException preview = await Assert.ThrowsAsync<AetherSegmentInputException>(() => Engine.PreviewAsync(definition));
        AetherSegmentInputException refinement = await Assert.ThrowsAsync<AetherSegmentInputException>(() => Engine.PreviewFiltersAsync(
            new CampaignObjective { Objective = "lapsing members", Audience = new Audience() }, [SegmentRefinement.Of("abandoned_cart_within_days", 3)], null));
        AetherSegmentInputException members = Assert.Throws<AetherSegmentInputException>(() => Engine.CompileMembers(definition, SqlDialect.BigQuery));

        Assert.Contains(expected, preview.Message, StringComparison.Ordinal);
        Assert.Contains(expected, refinement.Message, StringComparison.Ordinal);
        Assert.Contains(expected, members.Message, StringComparison.Ordinal);
        Assert.Contains("needs the `entities.carts` mapping", expected, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownAttributeRefinement_IsAnInputErrorNamingTheValidKeys()
    {
        AetherSegmentInputException error = await Assert.ThrowsAsync<AetherSegmentInputException>(() => Engine.PreviewFiltersAsync(
            new CampaignObjective { Objective = "x", Audience = new Audience() }, [SegmentRefinement.Of("clv_score_min", 0.5)], null));

        Assert.Contains("Unknown filter 'clv_score_min'", error.Message, StringComparison.Ordinal);
        Assert.Contains("location_region", error.Message, StringComparison.Ordinal);
        Assert.Contains("ltv_min", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("location_country", error.Message, StringComparison.Ordinal);

        SegmentDefinition unknown = Define(("x", AttributeCondition.AtLeast("clv_score", 0.5)));
        AetherSegmentInputException compiled = await Assert.ThrowsAsync<AetherSegmentInputException>(() => Engine.PreviewAsync(unknown));
        Assert.Contains("Unknown attribute 'clv_score'", compiled.Message, StringComparison.Ordinal);
        Assert.Contains("region, home_city", compiled.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ObjectiveInRegionsWithRefinements_PreviewsAWaterfallInTheProfilesTerms()
    {
        CampaignObjective objective = new()
        {
            Objective = "high-value members in the Rockies who bought jackets",
            Audience = new Audience
            {
                OtherLevels = new Dictionary<string, IReadOnlyList<string>> { ["regions"] = ["rockies", "Pacific Northwest"] },
                ValueTier = ValueTier.High,
                Categories = ["Jackets"],
            },
        };

        FilterPreview filtered = await Engine.PreviewFiltersAsync(objective, [SegmentRefinement.Of("engagement_min", 0.3), SegmentRefinement.Of("exclude_city", "Boulder")], null);
        SegmentPreview preview = filtered.Preview;

        Assert.Equal(["regions", "value_tier", "purchased_products", "engagement_min", "exclude_city"], preview.Filters.Select(f => f.Key));
        Assert.Equal("living in Rockies or Pacific Northwest", preview.Filters[0].Description);
        Assert.Equal("high-value customers (lifetime value (USD) of at least 1500)", preview.Filters[1].Description);
        Assert.Equal(1500, ((AttributeCondition)preview.Filters[1].Condition).Number);
        long previous = preview.TotalCustomers;
        foreach (WaterfallStep step in preview.Waterfall)
        {
            Assert.Equal(previous - step.Size, step.Removed);
            previous = step.Size;
        }

        Assert.Equal(await CountAsync(new SegmentDefinition { Filters = preview.Filters, AsOf = preview.AsOf }), preview.Size);
        Assert.InRange(preview.Size, 1, preview.Waterfall[1].Size);
        Assert.All(preview.Breakdowns.ByPlace("region"), r => Assert.Contains(r.Name, new[] { "Rockies", "Pacific Northwest" }));
        Assert.Equal(preview.Size, preview.Breakdowns.ByPlace("region").Sum(r => r.Size));
        Assert.Equal(preview.Size, preview.Breakdowns.ByPlace("city").Sum(r => r.Size));
        Assert.Equal("high", Assert.Single(preview.Breakdowns.ByValueTier).Name);
        Assert.True(preview.AvgClv >= 1500);
        Assert.Null(preview.AvgCartValue);
        Assert.NotEmpty(preview.SampleProfiles);
        Assert.All(preview.SampleProfiles, s => Assert.True(s.ValueScore >= 1500 && s.Attributes.ContainsKey("region") && s.Attributes.ContainsKey("home_city")));
        Assert.All(preview.SampleProfiles, s => Assert.Matches(@"^[a-z]\*\*\*@example\.com$", s.Email));
        string json = AetherSegmentJson.Serialize(preview);
        Assert.Contains("\"by_region\":[", json, StringComparison.Ordinal);
        Assert.Contains("\"ltv\":", json, StringComparison.Ordinal);
        // The windows end at the data's as-of (the latest clickstream hit or order; Summit has no carts).
        Assert.InRange(preview.AsOf, AsOf.AddDays(-2), AsOf);
    }

    [Fact]
    public async Task CreateAndExport_LeavesThePersonalColumnsOutUnlessAsked()
    {
        CampaignObjective objective = new() { Objective = "members in New England", Audience = new Audience { OtherLevels = new Dictionary<string, IReadOnlyList<string>> { ["regions"] = ["New England"] } } };
        StoredSegment segment = await Engine.CreateAsync(objective, null, [SegmentRefinement.Of("ltv_min", 100)]);

        string plain = await ExportAsync(segment.SegmentId, SegmentExportOptions.WithoutPersonalData);
        string personal = await ExportAsync(segment.SegmentId, SegmentExportOptions.WithPersonalData);
        string[] lines = plain.Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal("customer_id,region,home_city,ltv", lines[0]);
        Assert.Equal("customer_id,full_name,email_address,region,home_city,ltv", personal.Split('\n')[0]);
        Assert.Equal(segment.Size, lines.Length - 1);
        Assert.True(segment.Size > 0);
        Assert.All(lines.Skip(1), l => Assert.Contains(",New England,", l, StringComparison.Ordinal));
        Assert.DoesNotContain("@example.com", plain, StringComparison.Ordinal);
        Assert.Contains("@example.com", personal, StringComparison.Ordinal);
        long expected = _rows!.MemberIds.LongCount(m => _rows.Region[m] == "New England" && _rows.Ltv[m] >= 100);
        Assert.Equal(expected, segment.Size);
    }

    private async Task<string> ExportAsync(string id, SegmentExportOptions options)
    {
        using MemoryStream stream = new();
        Assert.NotNull(await Engine.ExportAsync(id, SegmentExportFormat.Csv, stream, options, CancellationToken.None));
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private SegmentDefinition Define(params (string Name, SegmentCondition Condition)[] filters) => new()
    {
        Filters = [.. filters.Select(f => new SegmentFilter(f.Name, f.Name, FilterProvenance.User, f.Condition))],
        AsOf = AsOf,
    };

    private async Task<long> CountAsync(SegmentDefinition definition)
    {
        SqlStatement members = Engine.CompileMembers(definition, Store.Dialect);
        QueryResult result = await Store.QueryAsync(new SqlStatement($"SELECT COUNT(*) FROM ({members.Sql}) AS m", members.Parameters));
        return Convert.ToInt64(result.Scalar(), CultureInfo.InvariantCulture);
    }

    /// <summary>The generated rows the recount reads, straight from the tables.</summary>
    private sealed class SummitRows
    {
        public required DateTime AsOf { get; init; }
        public required List<string> MemberIds { get; init; }
        public required Dictionary<string, string> Region { get; init; }
        public required Dictionary<string, string?> City { get; init; }
        public required Dictionary<string, decimal> Ltv { get; init; }
        public required Dictionary<string, bool> OptIn { get; init; }
        public required Dictionary<string, DateTime> Joined { get; init; }
        public required Dictionary<string, double> Engagement { get; init; }
        public required ILookup<string, (string Member, DateTime At, string Dept, string Subcategory)> Orders { get; init; }
        public required ILookup<string, (string Member, DateTime At, string Action, string? Dept)> Hits { get; init; }

        public bool Within(DateTime at, double days) => at >= AsOf.AddDays(-days) && at <= AsOf;

        public static SummitRows Read(SummitDatabase database, DateTime asOf)
        {
            List<object?[]> members = database.Query("SELECT member_no, region, home_city, ltv, marketing_opt_in, CAST(joined_on AS TIMESTAMP) FROM members");
            return new SummitRows
            {
                AsOf = asOf,
                MemberIds = [.. members.Select(r => (string)r[0]!)],
                Region = members.ToDictionary(r => (string)r[0]!, r => (string)r[1]!),
                City = members.ToDictionary(r => (string)r[0]!, r => r[2] as string),
                Ltv = members.ToDictionary(r => (string)r[0]!, r => Convert.ToDecimal(r[3], CultureInfo.InvariantCulture)),
                OptIn = members.ToDictionary(r => (string)r[0]!, r => (bool)r[4]!),
                Joined = members.ToDictionary(r => (string)r[0]!, r => (DateTime)r[5]!),
                Engagement = database.Query("SELECT member_no, engagement FROM member_scores").ToDictionary(r => (string)r[0]!, r => (double)r[1]!),
                Orders = database.Query("SELECT member_no, ordered_at, dept, subcategory FROM orders").Select(r => ((string)r[0]!, (DateTime)r[1]!, (string)r[2]!, (string)r[3]!)).ToLookup(o => o.Item1),
                Hits = database.Query("SELECT member_no, ts, action, dept FROM clickstream").Select(r => ((string)r[0]!, (DateTime)r[1]!, (string)r[2]!, r[3] as string)).ToLookup(h => h.Item1),
            };
        }
    }
}
