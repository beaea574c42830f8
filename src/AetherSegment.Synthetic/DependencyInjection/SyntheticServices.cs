using Microsoft.Extensions.DependencyInjection;

namespace AetherSegment.Synthetic;

/// <summary>The synthetic generator's service registrations (called by <c>AddSynthetic</c>).</summary>
internal static class SyntheticServices
{
    internal static void Add(IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
    }
}
