using AetherSegment.Data;
using AetherSegment.DuckDB.Loading;
using AetherSegment.Synthetic.Generation;

namespace AetherSegment.Benchmarks;

/// <summary>Generated databases for the segment and analytics benchmarks, made once per size and generator build, then reused.</summary>
internal static class SegmentBenchmarkData
{
    public static readonly DateTimeOffset AsOf = new(2026, 6, 30, 0, 0, 0, TimeSpan.Zero);

    public static Task<string> EnsureAsync(int customers) => EnsureAsync("segments", customers, AsOf);

    /// <summary>
    /// The database <paramref name="name"/> of <paramref name="customers"/> customers (seed 42, no ground truth). The file
    /// name carries the generator assembly's build id, so a changed generator never benchmarks yesterday's data.
    /// </summary>
    public static async Task<string> EnsureAsync(string name, int customers, DateTimeOffset asOf)
    {
        string folder = Path.Combine(Path.GetTempPath(), "aether-bench");
        Directory.CreateDirectory(folder);
        string build = typeof(SyntheticDataGenerator).Assembly.ManifestModule.ModuleVersionId.ToString("N")[..8];
        string path = Path.Combine(folder, $"{name}-{customers}-{build}.duckdb");
        if (File.Exists(path))
        {
            return path;
        }

        await using IDataSink sink = await new DuckDBDataSinkFactory(path).CreateAsync(replaceExisting: true);
        await new SyntheticDataGenerator().GenerateAsync(sink, new GenerationRequest { Customers = customers, Seed = 42, AsOf = asOf, GroundTruth = false });
        return path;
    }
}
