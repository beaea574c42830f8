using AetherSegment.Profiles;
using AetherSegment.Segments;
using AetherSegment.Synthetic.Profiles;
using AetherSegment.Tests;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace AetherSegment.DuckDB.Tests.Segments;

/// <summary>
/// The one store setup the segment and experiment tests share: a DuckDB file in a temp folder filled by a loader
/// (<see cref="GeneratedCustomers"/> unless given), and the services over it with the demo profile and a fake clock.
/// </summary>
internal sealed record EngineHost(ServiceProvider Services, ISegmentEngine Engine, DuckDBDataStore Store, FakeTimeProvider Time, string Path) : IAsyncDisposable
{
    /// <summary>The fake clock's start: after <see cref="GeneratedCustomers.AsOf"/>.</summary>
    public static readonly DateTimeOffset Now = new(2026, 7, 1, 9, 0, 0, TimeSpan.Zero);

    /// <summary>Creates the store (filled by <paramref name="load"/>, else <paramref name="customers"/> generated customers) and the services.</summary>
    public static async Task<EngineHost> CreateAsync(int customers, string fileName = "segments.duckdb", Func<string, Task>? load = null, DateTimeOffset? now = null, BusinessProfile? profile = null)
    {
        string path = System.IO.Path.Combine(TestPaths.NewTempDirectory(), fileName);
        if (load is null)
        {
            await GeneratedCustomers.CreateAsync(new DuckDBDataStore(path), customers);
        }
        else
        {
            await load(path);
        }

        FakeTimeProvider time = new(now ?? Now);
        ServiceCollection services = new();
        services.AddSingleton<TimeProvider>(time);
        services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        services.AddAetherSegment().UseProfile(profile ?? HomeFurnishingProfile.Load()).AddDuckDB(o => o.Path = path);
        ServiceProvider provider = services.BuildServiceProvider();
        return new EngineHost(provider, provider.GetRequiredService<ISegmentEngine>(), provider.GetRequiredService<DuckDBDataStore>(), time, path);
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => Services.DisposeAsync();
}
