using Microsoft.Extensions.DependencyInjection;

namespace AetherSegment.DuckDB;

/// <summary>The DuckDB store's service registrations (called by <c>AddDuckDB</c>).</summary>
internal static class DuckDBServices
{
    internal static void Add(IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
    }
}
