using System.Diagnostics;
using AetherSegment.Data;
using AetherSegment.DuckDB;
using AetherSegment.DuckDB.Loading;
using AetherSegment.Synthetic.Generation;
using AetherSegment.Synthetic.Profiles;
using AetherSegment.Uplift;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace AetherSegment.Benchmarks;

/// <summary>
/// Trigger ranking for a 100,000-member segment on the embedded DuckDB store, features included (the feature query
/// over transactions, events and carts, then 8 trigger models). Models are trained once in the setup (cold training
/// time is printed); the benchmark measures a ranking call with the models cached, as the ranker serves requests.
/// dotnet run -c Release --project benchmarks/AetherSegment.Benchmarks -- --filter '*UpliftRankingBenchmarks*' --job short --inProcess
/// </summary>
[MemoryDiagnoser]
public class UpliftRankingBenchmarks
{
    private static readonly DateTimeOffset AsOf = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly SqlStatement _segment = new("SELECT customer_id FROM customers");
    private StoreTriggerRanker _ranker = null!;
    private string _folder = string.Empty;

    [GlobalSetup]
    public void Setup()
    {
        _folder = Path.Combine(Path.GetTempPath(), "aether-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_folder);
        string path = Path.Combine(_folder, "ranking.duckdb");
        Stopwatch watch = Stopwatch.StartNew();
        Task.Run(async () =>
        {
            await using IDataSink sink = await new DuckDBDataSinkFactory(path).CreateAsync(replaceExisting: true);
            await new SyntheticDataGenerator().GenerateAsync(sink, new GenerationRequest { Customers = 100_000, Seed = 1, AsOf = AsOf });
        }).GetAwaiter().GetResult();
        Console.WriteLine($"// generated 100,000 customers in {watch.Elapsed.TotalSeconds:F1} s");
        _ranker = new StoreTriggerRanker(new DuckDBDataStore(path), HomeFurnishingProfile.Load(), new FixedClock(AsOf), NullLogger<StoreTriggerRanker>.Instance, Options.Create(new TriggerRankingOptions()));
        watch.Restart();
        TimeSpan cpu = Process.GetCurrentProcess().TotalProcessorTime;
        _ranker.RankAsync(_segment).GetAwaiter().GetResult();
        Console.WriteLine($"// cold ranking (training query + 8 trigger models + scoring) in {watch.Elapsed.TotalSeconds:F1} s wall, {(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds:F1} s CPU");
    }

    private TimeSpan _cpuAtStart;

    /// <summary>Wall-clock figures are unreliable while other builds share the two cores; CPU time is printed per iteration too.</summary>
    [IterationSetup]
    public void StartCpuClock() => _cpuAtStart = Process.GetCurrentProcess().TotalProcessorTime;

    [IterationCleanup]
    public void StopCpuClock() =>
        Console.WriteLine($"// uplift-cpu: {(Process.GetCurrentProcess().TotalProcessorTime - _cpuAtStart).TotalSeconds:F3} s CPU");

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_folder, recursive: true);

    [Benchmark]
    public async Task<int> Rank100kSegment() => (await _ranker.RankAsync(_segment)).Count;

    /// <summary>A clock stopped at one instant (the generator's as-of), shared by the benchmarks that rank.</summary>
    internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
