using Microsoft.Extensions.DependencyInjection;

namespace AetherSegment.BigQuery;

/// <summary>The BigQuery store's service registrations (called by <c>AddBigQuery</c>).</summary>
internal static class BigQueryServices
{
    internal static void Add(IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
    }
}
