using Microsoft.Extensions.DependencyInjection;

namespace AetherSegment;

/// <summary>Registration of the Uplift feature's default services (called by AddAetherSegment).</summary>
internal static partial class CoreServices
{
    internal static void AddUplift(IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
    }
}
