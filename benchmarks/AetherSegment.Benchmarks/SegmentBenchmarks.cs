using AetherSegment.Data;
using AetherSegment.DataModel;
using AetherSegment.DuckDB;
using AetherSegment.Interpretation;
using AetherSegment.Segments;
using AetherSegment.Synthetic.Profiles;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;

namespace AetherSegment.Benchmarks;

/// <summary>
/// The segment engine on the embedded store with generated data: a preview with its attrition waterfall (targets: under
/// 20 ms at 10,000 customers, under 250 ms at 1,000,000), and activation of 100,000 members with snapshot and CSV
/// export (target: under 2 s).
/// </summary>
[MemoryDiagnoser]
public class SegmentBenchmarks
{
    private ServiceProvider _services = null!;
    private ISegmentEngine _engine = null!;
    private DuckDBDataStore _store = null!;
    private SegmentDefinition _seed1Eligible = null!;
    private SegmentDefinition _seed1 = null!;
    private SegmentDefinition _seed5 = null!;
    private CampaignObjective _hundredThousand = null!;

    /// <summary>Customers in the generated database.</summary>
    [Params(10_000, 1_000_000)]
    public int Customers { get; set; }

    [GlobalSetup]
    public void Setup() => SetupAsync().GetAwaiter().GetResult();

    private async Task SetupAsync()
    {
        string path = await SegmentBenchmarkData.EnsureAsync(Customers);
        ServiceCollection services = new();
        services.AddSingleton(HomeFurnishingProfile.Load());
        services.AddAetherSegment().AddDuckDB(o => o.Path = path);
        services.Configure<SegmentOptions>(o => o.AsOf = SegmentBenchmarkData.AsOf);
        _services = services.BuildServiceProvider();
        _engine = _services.GetRequiredService<ISegmentEngine>();
        _store = _services.GetRequiredService<DuckDBDataStore>();

        // seed-1: high value, cart abandoned in the last 48 hours, discount trigger; seed-5: high value in London or Manchester.
        _seed1 = await _engine.DefineAsync(new CampaignObjective
        {
            Objective = "Recover abandoned carts from high-value customers in the last 48 hours with a 15% discount",
            Audience = new Audience { ValueTier = ValueTier.High, Behavior = new Behavior { AbandonedCartWithinDays = 2 } },
            SuggestedTrigger = "personalized_discount_offer",
        }, "personalized_discount_offer", null);
        _seed1Eligible = await _engine.DefineAsync(new CampaignObjective
        {
            Objective = "Recover abandoned carts from high-value customers in the last 48 hours",
            Audience = new Audience { ValueTier = ValueTier.High, Behavior = new Behavior { AbandonedCartWithinDays = 2 } },
        }, null, null);
        _seed5 = await _engine.DefineAsync(new CampaignObjective
        {
            Objective = "Target high CLV customers in London and Manchester with exclusive launches",
            Audience = new Audience { ValueTier = ValueTier.High, Cities = ["London", "Manchester"] },
            SuggestedTrigger = "exclusive_access",
        }, "exclusive_access", null);

        // A CLV threshold that keeps the top 100,000 customers (or everyone in a smaller database).
        double threshold = Customers <= 100_000 ? 0 : Convert.ToDouble(
            (await _store.QueryAsync(new SqlStatement("SELECT clv_score FROM customers ORDER BY clv_score DESC LIMIT 1 OFFSET 99999"))).Scalar(),
            System.Globalization.CultureInfo.InvariantCulture);
        _hundredThousand = new CampaignObjective { Objective = "Top 100,000 by CLV", Audience = new Audience { ClvMin = threshold } };
    }

    [GlobalCleanup]
    public void Cleanup() => _services.Dispose();

    [Benchmark(Description = "preview seed-1 eligible (analyze: 2 filters)")]
    public Task<SegmentPreview> PreviewEligible() => _engine.PreviewAsync(_seed1Eligible);

    [Benchmark(Description = "preview seed-1 + discount trigger (3 filters)")]
    public Task<SegmentPreview> PreviewAbandonedCarts() => _engine.PreviewAsync(_seed1);

    [Benchmark(Description = "preview seed-5 + exclusive trigger (3 filters)")]
    public Task<SegmentPreview> PreviewCities() => _engine.PreviewAsync(_seed5);

    [Benchmark(Description = "create 100k-member segment + CSV export")]
    public async Task<long> CreateAndExportCsv()
    {
        StoredSegment segment = await _engine.CreateAsync(_hundredThousand, null, null);
        string file = Path.Combine(Path.GetTempPath(), "aether-bench", segment.SegmentId + ".csv");
        await using (FileStream stream = File.Create(file))
        {
            await _engine.ExportAsync(segment.SegmentId, SegmentExportFormat.Csv, stream);
        }

        File.Delete(file);
        return segment.Size;
    }

    [IterationCleanup(Target = nameof(CreateAndExportCsv))]
    public void DropSnapshots()
    {
        using global::DuckDB.NET.Data.DuckDBConnection connection = _store.OpenAsync().GetAwaiter().GetResult();
        using global::DuckDB.NET.Data.DuckDBCommand command = connection.CreateCommand();
        command.CommandText = "DELETE FROM segment_members; DELETE FROM segments;";
        command.ExecuteNonQuery();
    }
}
