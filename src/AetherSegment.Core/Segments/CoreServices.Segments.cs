using Microsoft.Extensions.DependencyInjection;

namespace AetherSegment;

/// <summary>Registration of the Segments feature's default services (called by AddAetherSegment).</summary>
internal static partial class CoreServices
{
    internal static void AddSegments(IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
    }
}
