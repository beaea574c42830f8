using AetherSegment.Segments;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AetherSegment;

/// <summary>Registration of the Segments feature's default services (called by AddAetherSegment).</summary>
internal static partial class CoreServices
{
    internal static void AddSegments(IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<SegmentOptions>();
        services.TryAddSingleton<ISegmentEngine, SegmentEngine>();
    }
}
