using AetherSegment.Analytics;
using AetherSegment.Data;
using AetherSegment.DuckDB.Analytics;
using AetherSegment.DuckDB.Loading;
using AetherSegment.DuckDB.Segments;
using AetherSegment.DuckDB.Uplift;
using AetherSegment.Segments;
using AetherSegment.Uplift;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

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
        services.TryAddSingleton<Experiments.ICampaignHistoryWriter>(sp => new DuckDBCampaignHistoryWriter(sp.GetRequiredService<DuckDBDataStore>()));
        services.TryAddSingleton<DuckDBAnalyticsSandbox>();
        services.TryAddSingleton<IAnalyticsSqlSandbox>(sp => sp.GetRequiredService<DuckDBAnalyticsSandbox>());
        services.TryAddSingleton<DuckDBSegmentStore>();
        services.TryAddSingleton<ISegmentStore>(sp => sp.GetRequiredService<DuckDBSegmentStore>());
        services.TryAddSingleton<ISegmentRetention>(sp => sp.GetRequiredService<DuckDBSegmentStore>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPostConfigureOptions<TriggerRankingOptions>, DuckDBTriggerModelDirectory>());
    }
}
