using AetherSegment.Profiles;
using AetherSegment.Synthetic.Checks;
using AetherSegment.Synthetic.Events;
using AetherSegment.Synthetic.Generation;
using AetherSegment.Synthetic.Profiles;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace AetherSegment.Synthetic;

/// <summary>The synthetic generator's service registrations (called by <c>AddSynthetic</c>).</summary>
internal static class SyntheticServices
{
    internal static void Add(IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(TimeProvider.System);

        // The default profile of the hosts until the profile's own registration lands: a host that registers its own
        // BusinessProfile first keeps it.
        services.TryAddSingleton<BusinessProfile>(_ => HomeFurnishingProfile.Load());
        services.TryAddSingleton<DataChecker>();
        services.TryAddSingleton(sp => new LiveEventGenerator(sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton(sp => new SyntheticDataGenerator(sp.GetRequiredService<TimeProvider>(), sp.GetService<ILogger<SyntheticDataGenerator>>()));
    }
}
