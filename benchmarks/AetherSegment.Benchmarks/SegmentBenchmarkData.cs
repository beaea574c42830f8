using AetherSegment.Data;
using AetherSegment.DuckDB;
using AetherSegment.DuckDB.Loading;
using AetherSegment.Synthetic.Generation;

namespace AetherSegment.Benchmarks;

/// <summary>Generated databases for the segment benchmarks, made once per size with the synthetic generator and reused.</summary>
internal static class SegmentBenchmarkData
{
    public static readonly DateTimeOffset AsOf = new(2026, 6, 30, 0, 0, 0, TimeSpan.Zero);

    public static async Task<string> EnsureAsync(int customers)
    {
        string folder = Path.Combine(Path.GetTempPath(), "aether-bench");
        Directory.CreateDirectory(folder);
        string path = Path.Combine(folder, $"segments-{customers}.duckdb");
        if (File.Exists(path))
        {
            return path;
        }

        DuckDBDataSinkFactory factory = new(path);
        await using IDataSink sink = await factory.CreateAsync(replaceExisting: true);
        await new SyntheticDataGenerator().GenerateAsync(sink, new GenerationRequest { Customers = customers, Seed = 42, AsOf = AsOf, GroundTruth = false });
        return path;
    }
}
