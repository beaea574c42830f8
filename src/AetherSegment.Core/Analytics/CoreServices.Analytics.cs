using Microsoft.Extensions.DependencyInjection;

namespace AetherSegment;

/// <summary>Registration of the Analytics feature's default services (called by AddAetherSegment).</summary>
internal static partial class CoreServices
{
    internal static void AddAnalytics(IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
    }
}
