using AetherSegment.Data;
using AetherSegment.DuckDB.Loading;
using AetherSegment.Synthetic.Generation;
using AetherSegment.Tests;

namespace AetherSegment.DuckDB.Tests.Loading;

/// <summary>Generates real DuckDB files in temp folders for the tests.</summary>
internal static class GeneratedDatabase
{
    public static readonly DateTimeOffset AsOf = new(2026, 11, 1, 12, 0, 0, TimeSpan.Zero);

    public static async Task<(DuckDBDataStore Store, GenerationSummary Summary)> CreateAsync(long customers, int seed = 42)
    {
        string path = Path.Combine(TestPaths.NewTempDirectory(), "aether.duckdb");
        await using IDataSink sink = await new DuckDBDataSinkFactory(path).CreateAsync(replaceExisting: false);
        GenerationSummary summary = await new SyntheticDataGenerator().GenerateAsync(sink, new GenerationRequest { Customers = customers, Seed = seed, AsOf = AsOf });
        return (new DuckDBDataStore(path), summary);
    }

    public static async Task<double> ScalarAsync(this DuckDBDataStore store, string sql) =>
        Convert.ToDouble((await store.QueryAsync(new SqlStatement(sql))).Scalar(), System.Globalization.CultureInfo.InvariantCulture);
}
