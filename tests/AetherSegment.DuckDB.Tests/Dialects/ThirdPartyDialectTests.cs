using AetherSegment.Data;
using AetherSegment.DataModel;
using AetherSegment.DuckDB.Tests.Segments;
using AetherSegment.Interpretation;
using AetherSegment.Segments;
using AetherSegment.Tests;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace AetherSegment.DuckDB.Tests.Dialects;

public sealed class ThirdPartyDialectTests
{
    private static readonly CampaignObjective TwoCountriesTwoCategories = new()
    {
        Objective = "Customers in two countries who like two categories",
        CampaignType = CampaignType.WinBack,
        Audience = new Audience
        {
            Countries = ["United Kingdom", "Canada"],
            Categories = ["Living Room", "Lighting"],
        },
        Incentive = new Incentive { Type = IncentiveType.None },
        SuggestedTrigger = "personalized_discount_offer",
        Confidence = 0.9,
    };

    [Fact]
    public async Task SegmentSql_InADialectWrittenOutsideCore_UsesItsSyntaxAndSelectsTheSameMembersOnDuckDB()
    {
        string path = Path.Combine(TestPaths.NewTempDirectory(), "dialect.duckdb");
        DuckDBDataStore store = new(path);
        await GeneratedCustomers.CreateAsync(store, 2000);
        ServiceCollection services = new();
        services.AddSingleton<TimeProvider>(new FakeTimeProvider(new DateTimeOffset(2026, 7, 1, 9, 0, 0, TimeSpan.Zero)));
        services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        services.AddAetherSegment().UseProfile(AetherSegment.Synthetic.Profiles.HomeFurnishingProfile.Load()).AddDuckDB(o => o.Path = path);
        await using ServiceProvider provider = services.BuildServiceProvider();
        ISegmentEngine engine = provider.GetRequiredService<ISegmentEngine>();
        SegmentDefinition definition = await engine.DefineAsync(TwoCountriesTwoCategories, null, null, GeneratedCustomers.AsOf);

        SqlStatement postgres = engine.CompileMembers(definition, new PostgresFlavouredDialect());
        SqlStatement duck = engine.CompileMembers(definition, SqlDialect.DuckDB);

        Assert.Contains("IN (SELECT unnest($", postgres.Sql, StringComparison.Ordinal);
        Assert.DoesNotContain("= ANY(", postgres.Sql, StringComparison.Ordinal);
        Assert.Contains("= ANY($", duck.Sql, StringComparison.Ordinal);
        Assert.Equal(duck.Parameters.Select(p => p.Name), postgres.Parameters.Select(p => p.Name));
        long expected = await CountAsync(store, duck);
        Assert.True(expected > 0);
        Assert.Equal(expected, await CountAsync(store, postgres));
    }

    [Fact]
    public void DialectMembers_WrittenOutsideCore_OverrideOnlyWhatDiffers()
    {
        SqlDialect dialect = new PostgresFlavouredDialect();

        Assert.Equal("$segment_id", dialect.Parameter("segment_id"));
        Assert.Equal("EXTRACT(EPOCH FROM t.created_at)", dialect.EpochSeconds("t.created_at"));
        Assert.Equal("CAST(x AS TEXT)", dialect.CastToString("x"));
        // Defaults from the base class: standard SQL escaping and casts.
        Assert.Equal("'it''s'", dialect.StringLiteral("it's"));
        Assert.Equal("\"a\"\"b\"", dialect.QuoteColumnName("a\"b"));
        Assert.Equal("CAST(x AS DOUBLE PRECISION)", dialect.CastToDouble("x"));
        Assert.Equal("SELECT customer_id FROM customers ORDER BY md5(customer_id) LIMIT 5", dialect.SampleColumn("customers", "customer_id", 5, 42));
        Assert.Throws<NotSupportedException>(() => dialect.StarExcept("anchor_key"));
    }

    [Fact]
    public async Task SampleColumn_InTheDialectWrittenOutsideCore_RunsOnDuckDBAndRepeats()
    {
        string path = Path.Combine(TestPaths.NewTempDirectory(), "sample.duckdb");
        DuckDBDataStore store = new(path);
        await GeneratedCustomers.CreateAsync(store, 500);
        SqlStatement sample = new(new PostgresFlavouredDialect().SampleColumn("customers", "customer_id", 20, 42));

        QueryResult first = await store.QueryAsync(sample);
        QueryResult second = await store.QueryAsync(sample);

        Assert.Equal(20, first.Rows.Count);
        Assert.Equal(first.Rows.Select(r => r[0]), second.Rows.Select(r => r[0]));
    }

    private static async Task<long> CountAsync(IDataStore store, SqlStatement statement) =>
        (long)(await store.QueryAsync(new SqlStatement("SELECT COUNT(*) FROM (" + statement.Sql + ") AS m", statement.Parameters))).Scalar()!;
}
