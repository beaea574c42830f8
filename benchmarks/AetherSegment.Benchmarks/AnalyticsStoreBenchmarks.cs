using AetherSegment.Analytics;
using AetherSegment.Data;
using AetherSegment.DuckDB;
using BenchmarkDotNet.Attributes;
using AetherSegment.Synthetic.Profiles;
using DuckDB.NET.Data;

namespace AetherSegment.Benchmarks;

/// <summary>
/// The store's share of an analytics answer on the 10k database: a trivial query through <see cref="DuckDBDataStore"/>
/// (which opens a connection per query), the same on a connection kept open, and the as-of query that time ranges need.
/// dotnet run -c Release --project benchmarks/AetherSegment.Benchmarks -- --filter '*AnalyticsStore*' --job short
/// </summary>
[MemoryDiagnoser]
public class AnalyticsStoreBenchmarks
{
    private static readonly SqlStatement SelectOne = new("SELECT 1");
    private DuckDBDataStore _store = null!;
    private DuckDBConnection _open = null!;

    [GlobalSetup]
    public void Setup()
    {
        string path = AnalyticsBenchmarks.EnsureDatabaseAsync(10_000).GetAwaiter().GetResult();
        _store = new DuckDBDataStore(path);
        _open = new DuckDBConnection($"DataSource={path}");
        _open.Open();
    }

    [GlobalCleanup]
    public void Cleanup() => _open.Dispose();

    [Benchmark(Baseline = true, Description = "SELECT 1 through DuckDBDataStore")]
    public Task<QueryResult> StoreSelectOne() => _store.QueryAsync(SelectOne);

    [Benchmark(Description = "SELECT 1 on an open connection")]
    public object? OpenConnectionSelectOne()
    {
        using DuckDBCommand command = _open.CreateCommand();
        command.CommandText = "SELECT 1";
        return command.ExecuteScalar();
    }

    [Benchmark(Description = "SUM(order_value) through DuckDBDataStore")]
    public Task<QueryResult> Revenue() => _store.QueryAsync(new SqlStatement("SELECT SUM(t.order_value) AS revenue FROM transactions AS t"));

    private static readonly SemanticLayer DemoLayer = new(HomeFurnishingProfile.Load());

    [Benchmark(Description = "as-of query through DuckDBDataStore")]
    public Task<QueryResult> AsOf() => _store.QueryAsync(AnalyticsService.AsOfStatement(DemoLayer, SqlDialect.DuckDB));
}
