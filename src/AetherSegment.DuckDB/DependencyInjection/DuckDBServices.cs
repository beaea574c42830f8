using AetherSegment.Analytics;
using AetherSegment.Data;
using AetherSegment.DuckDB.Analytics;
using AetherSegment.DuckDB.Loading;
using AetherSegment.DuckDB.Segments;
using AetherSegment.Segments;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AetherSegment.DuckDB;

/// <summary>The DuckDB store's service registrations (called by <c>AddDuckDB</c>).</summary>
internal static class DuckDBServices
{
    internal static void Add(IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton<DuckDBDataStore>();
        services.TryAddSingleton<IDataStore>(sp => sp.GetRequiredService<DuckDBDataStore>());
        services.TryAddSingleton<DuckDBDataSinkFactory>();
        services.TryAddSingleton<IDataSinkFactory>(sp => sp.GetRequiredService<DuckDBDataSinkFactory>());
        services.TryAddSingleton(sp => new DuckDBDataAppender(sp.GetRequiredService<DuckDBDataStore>()));
        services.TryAddSingleton<IDataAppender>(sp => sp.GetRequiredService<DuckDBDataAppender>());
        services.TryAddSingleton<ISegmentStore, DuckDBSegmentStore>();
        services.TryAddSingleton<DuckDBAnalyticsSandbox>();
        services.TryAddSingleton<IAnalyticsSqlSandbox>(sp => sp.GetRequiredService<DuckDBAnalyticsSandbox>());
        services.TryAddSingleton<DuckDBSegmentStore>();
        services.TryAddSingleton<ISegmentStore>(sp => sp.GetRequiredService<DuckDBSegmentStore>());
        services.TryAddSingleton<ISegmentRetention>(sp => sp.GetRequiredService<DuckDBSegmentStore>());
    }
}
