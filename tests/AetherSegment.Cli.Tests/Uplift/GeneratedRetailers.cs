using System.Collections.Concurrent;
using AetherSegment.Data;
using AetherSegment.DuckDB.Loading;
using AetherSegment.Synthetic.Generation;
using AetherSegment.Tests;

namespace AetherSegment.Cli.Tests.Uplift;

/// <summary>
/// Generated retailers shared by every test of the run: one DuckDB file per (customers, seed), generated once on first
/// use (the ranking and the allocation ground-truth tests read the same stores instead of each generating its own).
/// Tests only read these files.
/// </summary>
internal static class GeneratedRetailers
{
    /// <summary>The generator's as-of of every shared store.</summary>
    public static readonly DateTimeOffset AsOf = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly ConcurrentDictionary<(int Customers, int Seed), Lazy<Task<string>>> Stores = new();

    /// <summary>The path of the generated store of <paramref name="customers"/> customers for <paramref name="seed"/>.</summary>
    public static Task<string> PathAsync(int customers, int seed) =>
        Stores.GetOrAdd((customers, seed), key => new Lazy<Task<string>>(() => GenerateAsync(key.Customers, key.Seed))).Value;

    private static async Task<string> GenerateAsync(int customers, int seed)
    {
        string path = Path.Combine(TestPaths.NewTempDirectory(), $"retailer-{customers}-{seed}.duckdb");
        await using IDataSink sink = await new DuckDBDataSinkFactory(path).CreateAsync(replaceExisting: true);
        await new SyntheticDataGenerator().GenerateAsync(sink, new GenerationRequest { Customers = customers, Seed = seed, AsOf = AsOf });
        return path;
    }
}
