using System.Collections.Concurrent;
using AetherSegment.Data;
using AetherSegment.Synthetic.Generation;
using AetherSegment.Tests;
using Microsoft.Extensions.DependencyInjection;

namespace AetherSegment.BigQuery.Tests.Fake;

/// <summary>
/// Synthetic retailers (the product's generator, seed 42, a fixed as-of) written once per size to a DuckDB file; each
/// test gets its own copy to serve from a <see cref="DuckDbBigQuery"/>.
/// </summary>
internal static class GeneratedWarehouse
{
    public static readonly DateTimeOffset AsOf = new(2026, 6, 30, 0, 0, 0, TimeSpan.Zero);

    private static readonly ConcurrentDictionary<long, Lazy<Task<string>>> Files = new();

    /// <summary>A private copy of the generated database with <paramref name="customers"/> customers.</summary>
    public static async Task<string> CopyAsync(long customers)
    {
        string source = await Files.GetOrAdd(customers, n => new Lazy<Task<string>>(() => GenerateAsync(n))).Value;
        string copy = Path.Combine(TestPaths.NewTempDirectory(), "warehouse.duckdb");
        File.Copy(source, copy);
        return copy;
    }

    /// <summary>Generates <paramref name="customers"/> customers into a new DuckDB file.</summary>
    public static async Task<string> GenerateAsync(long customers, string? path = null)
    {
        path ??= Path.Combine(TestPaths.NewTempDirectory(), $"generated_{customers}.duckdb");
        ServiceCollection services = new();
        services.AddAetherSegment().AddDuckDB(o => o.Path = path).AddSynthetic();
        await using ServiceProvider provider = services.BuildServiceProvider();
        SyntheticDataGenerator generator = provider.GetRequiredService<SyntheticDataGenerator>();
        await using (IDataSink sink = await provider.GetRequiredService<IDataSinkFactory>().CreateAsync(replaceExisting: true))
        {
            await generator.GenerateAsync(sink, new GenerationRequest { Customers = customers, Seed = 42, AsOf = AsOf }, null);
        }

        return path;
    }
}
