using Microsoft.Extensions.DependencyInjection;

namespace AetherSegment;

/// <summary>Registration of the Interpretation feature's default services (called by AddAetherSegment).</summary>
internal static partial class CoreServices
{
    internal static void AddInterpretation(IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
    }
}
