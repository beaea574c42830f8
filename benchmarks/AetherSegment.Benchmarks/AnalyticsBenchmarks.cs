using AetherSegment.Analytics;
using AetherSegment.Data;
using AetherSegment.DependencyInjection;
using AetherSegment.DuckDB;
using AetherSegment.DuckDB.Loading;
using AetherSegment.Synthetic.Generation;
using AetherSegment.Synthetic.Profiles;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace AetherSegment.Benchmarks;

/// <summary>
/// Conversational analytics on a generated 10,000-customer DuckDB database: one full answer (parse, as-of query when
/// the question has a time range, compile, run, format) per question, and the parse+compile step alone.
/// dotnet run -c Release --project benchmarks/AetherSegment.Benchmarks -- --filter '*Analytics*' --job short
/// </summary>
[MemoryDiagnoser]
public class AnalyticsBenchmarks
{
    public static readonly DateTimeOffset AsOf = new(2026, 11, 20, 0, 0, 0, TimeSpan.Zero);

    private static readonly string[] Twenty =
    [
        "How many customers do we have in Canada?",
        "Number of shoppers in London",
        "Total revenue",
        "Revenue by country last month",
        "Average order value by category in the last 30 days",
        "Which city has the most abandoned carts?",
        "Top 5 cities by revenue this year",
        "Revenue in the UK vs Canada",
        "Orders by month",
        "Sessions by device",
        "Product views on mobile",
        "Sales of sofas in October",
        "Customers by value tier",
        "Average churn probability by country",
        "At-risk customers in London",
        "Conversion rate by trigger",
        "Campaign uplift by campaign",
        "Events by event type yesterday",
        "Buyers in Australia in the last 30 days",
        "Orders by week in the last 8 weeks",
    ];

    private static readonly SemanticLayer Layer = new(HomeFurnishingProfile.Load());

    private IAnalyticsService _service = null!;

    public static IEnumerable<string> Questions => Twenty;

    [ParamsSource(nameof(Questions))]
    public string Question { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        string path = EnsureDatabaseAsync(10_000).GetAwaiter().GetResult();
        _service = new AnalyticsService(
            Layer,
            new DuckDBDataStore(path),
            Options.Create(new AetherSegmentOptions()),
            Options.Create(new AnalyticsOptions()),
            TimeProvider.System,
            [],
            [],
            NullLogger<AnalyticsService>.Instance);
    }

    [Benchmark(Description = "answer on 10k customers")]
    public Task<AnalyticsAnswer> Answer() => _service.AskAsync(Question);

    [Benchmark(Description = "parse + compile only")]
    public SqlStatement? ParseAndCompile()
    {
        ParsedQuestion parsed = QuestionParser.Parse(Question, Layer);
        return AnalyticsCompiler.Compile(parsed.Query!, Layer, SqlDialect.DuckDB, new AetherSegmentOptions(),
            parsed.Query!.Time?.Resolve(AsOf), 1000, out _)?.Statement;
    }

    /// <summary>The generated database, made once per size and generator build (seed 42, as-of 2026-11-20) and reused across runs.</summary>
    public static Task<string> EnsureDatabaseAsync(int customers) => SegmentBenchmarkData.EnsureAsync("analytics", customers, AsOf);
}
