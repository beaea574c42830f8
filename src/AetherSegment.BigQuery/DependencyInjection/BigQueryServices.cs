using AetherSegment.BigQuery.Loading;
using AetherSegment.BigQuery.Rest;
using AetherSegment.BigQuery.Segments;
using AetherSegment.BigQuery.Store;
using AetherSegment.Data;
using AetherSegment.Segments;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AetherSegment.BigQuery;

/// <summary>The BigQuery store's service registrations (called by <c>AddBigQuery</c>).</summary>
internal static class BigQueryServices
{
    internal static void Add(IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new BigQueryRestClient(
            sp.GetRequiredService<IOptions<BigQueryOptions>>().Value,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetService<ILoggerFactory>()?.CreateLogger<BigQueryRestClient>()));
        services.TryAddSingleton<BigQueryDataStore>();
        services.TryAddSingleton<IDataStore>(sp => sp.GetRequiredService<BigQueryDataStore>());
        services.TryAddSingleton<IBigQueryDryRun>(sp => sp.GetRequiredService<BigQueryDataStore>());
        services.TryAddSingleton<ISegmentStore, BigQuerySegmentStore>();
        services.TryAddSingleton<IDataSinkFactory, BigQueryDataSinkFactory>();
        services.TryAddSingleton<IDataAppender, BigQueryDataAppender>();
    }
}
