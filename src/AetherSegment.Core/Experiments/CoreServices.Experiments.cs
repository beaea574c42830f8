using AetherSegment.Experiments;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AetherSegment;

/// <summary>Registration of the Experiments feature's default services (called by AddAetherSegment).</summary>
internal static partial class CoreServices
{
    internal static void AddExperiments(IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(sp => new ExperimentService(
            sp.GetRequiredService<Profiles.BusinessProfile>(), sp.GetRequiredService<Data.IDataStore>(), sp.GetRequiredService<Segments.ISegmentStore>(),
            sp.GetRequiredService<TimeProvider>(), sp.GetService<Uplift.ITriggerRanker>(), sp.GetService<ICampaignHistoryWriter>()));
    }
}
