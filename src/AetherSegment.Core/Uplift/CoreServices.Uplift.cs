using AetherSegment.Uplift;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AetherSegment;

/// <summary>Registration of the Uplift feature's default services (called by AddAetherSegment).</summary>
internal static partial class CoreServices
{
    internal static void AddUplift(IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<TriggerRankingOptions>();
        services.TryAddSingleton<ITriggerRanker, StoreTriggerRanker>();
    }
}
